// Bundles the extension (cjs, `vscode` external), the CLI, and the CLI's worker thread (`check --jobs`, loaded by
// dist/cli.js from beside it). `--watch` rebuilds on change; `--production` minifies.
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

const cli = { ...common, define: { ...common.define, __CLI_WORKER__: JSON.stringify('cli-worker.js') } };

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...cli, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  { ...cli, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/cli-worker.js' },
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
