// Bundles the extension (cjs, `vscode` external) and the CLI. `--watch` rebuilds on change; `--production` minifies.
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

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
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
