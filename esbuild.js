// Bundles the extension (cjs, `vscode` external), the CLI, the CLI's worker thread (`check --jobs`, loaded by
// dist/cli.js from beside it), and the MCP server (`healing-notes mcp`, dist/mcp.js, also loaded from beside the CLI,
// so that neither the CLI's other commands nor the extension carry the protocol libraries).
// `--watch` rebuilds on change; `--production` minifies.
const esbuild = require('esbuild');
const { version } = require('./package.json');

const watch = process.argv.includes('--watch');
const production = process.argv.includes('--production');

const common = {
  bundle: true,
  platform: 'node',
  target: 'node18',
  format: 'cjs',
  sourcemap: true,
  minify: production,
  logLevel: 'info',
  legalComments: 'none',
  define: { __VERSION__: JSON.stringify(version) },
  // Prefer packages' ES module builds: jsonc-parser's UMD build requires its own files at run time, which a bundle cannot.
  mainFields: ['module', 'main'],
};

/** In the CLI bundle, `require('../../mcp/main')` (serve.ts) loads the server's own bundle beside it, at run time. */
const serverBundles = {
  name: 'server-bundles',
  setup(build) {
    build.onResolve({ filter: /^\.\.\/\.\.\/(mcp|lsp)\/main$/ }, (args) => ({ path: `./${args.path.split('/')[2]}.js`, external: true }));
  },
};

const cli = { ...common, define: { ...common.define, __CLI_WORKER__: JSON.stringify('cli-worker.js') } };

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...cli, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [serverBundles] },
  { ...cli, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/cli-worker.js' },
  // Minified: the MCP SDK's schema library (zod, with all its locales) would make it 2.2 MB; 1.4 MB so.
  { ...cli, entryPoints: ['src/mcp/main.ts'], outfile: 'dist/mcp.js', minify: true },
];

async function main() {
  if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
    return;
  }
  await Promise.all(builds.map((options) => esbuild.build(options)));
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
