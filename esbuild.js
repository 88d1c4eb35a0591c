// Bundles the extension (cjs, `vscode` external); the bin (dist/cli.js, a few lines) and the CLI (dist/cli-main.js)
// with its worker thread (`check --jobs`, dist/cli-worker.js); the MCP server (`healing-notes mcp`, dist/mcp.js) and
// the language server (`healing-notes lsp`, dist/lsp.js). The bin loads the one it needs from beside it, so the
// servers start without the CLI, and neither the CLI's other commands nor the extension carry the protocol libraries.
// And the offline page, dist/healing-notes.html: src/web bundled for the browser, inlined with its style into
// one HTML file. `--watch` rebuilds on change; `--production` minifies.
const fs = require('node:fs');
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

/**
 * The bin (src/cli/bin.ts → dist/cli.js) and the CLI load the servers and the CLI itself from their own bundles
 * beside them, at run time: `require('../lsp/main')` → `./lsp.js`, `../mcp/main` → `./mcp.js`, `./main` → `./cli-main.js`.
 */
function bundlesBeside(names) {
  return {
    name: 'bundles-beside',
    setup(build) {
      for (const [pattern, file] of names) build.onResolve({ filter: pattern }, () => ({ path: file, external: true }));
    },
  };
}
const servers = [
  [/^(\.\.\/)+lsp\/main$/, './lsp.js'],
  [/^(\.\.\/)+mcp\/main$/, './mcp.js'],
];

/**
 * The language server's libraries carry transports it never uses (sockets, pipes, a child process to resolve
 * modules). In its bundle `net` and `child_process` are a stub that refuses every use, so it can only speak
 * over standard input and output (test/unit/privacy.test.ts scans the bundles for such modules). So is
 * `crypto`, which vscode-jsonrpc loads only to name pipes: loading it took ~7 ms of each start.
 */
const noSocketsOrProcesses = {
  name: 'no-sockets-or-processes',
  setup(build) {
    build.onResolve({ filter: /^(node:)?(net|child_process|crypto)$/ }, (args) => ({ path: args.path.replace(/^node:/, ''), namespace: 'refused' }));
    build.onLoad({ filter: /.*/, namespace: 'refused' }, (args) => ({
      loader: 'js',
      contents: `module.exports = new Proxy({}, { get(_, key) {
        if (key === '__esModule' || typeof key === 'symbol') return undefined;
        return () => { throw new Error(${JSON.stringify(args.path)} + '.' + String(key) + ' is not available: Healing Notes speaks over standard input and output only'); };
      } });`,
    }));
  },
};

/**
 * compromise (475 KB, the English parser attribution.ts asks about the few sentences its patterns leave
 * undecided) is its own file, dist/compromise.js, required on first need from beside the bundle that needs
 * it: every start of the extension, the CLI and the servers used to parse it and most never run it
 * (require() of the engine 38 → 24 ms of CPU). The offline page keeps it inside (one file).
 */
const compromiseBeside = bundlesBeside([[/^compromise$/, './compromise.js']]);

const cli = { ...common, define: { ...common.define, __CLI_WORKER__: JSON.stringify('cli-worker.js'), __BUNDLED__: 'true' } };

const builds = [
  { ...common, entryPoints: ['src/extension/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'], plugins: [compromiseBeside] },
  { ...cli, entryPoints: ['src/cli/bin.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' }, plugins: [bundlesBeside([...servers, [/^\.\/main$/, './cli-main.js']])] },
  { ...cli, entryPoints: ['src/cli/main.ts'], outfile: 'dist/cli-main.js', plugins: [bundlesBeside(servers), compromiseBeside] },
  { ...cli, entryPoints: ['src/cli/worker.ts'], outfile: 'dist/cli-worker.js', plugins: [compromiseBeside] },
  // Minified: the MCP SDK's schema library (zod, with all its locales) would make it 2.2 MB; 1.4 MB so.
  { ...cli, entryPoints: ['src/mcp/main.ts'], outfile: 'dist/mcp.js', minify: true, plugins: [compromiseBeside] },
  { ...cli, entryPoints: ['src/lsp/main.ts'], outfile: 'dist/lsp.js', plugins: [noSocketsOrProcesses, compromiseBeside] },
  // compromise's own CommonJS build (already minified), as one file.
  { ...common, entryPoints: [require.resolve('compromise')], outfile: 'dist/compromise.js', minify: true },
];

/** Writes the page's bundle into src/web/index.html, with its style: one file that fetches nothing. */
const oneHtmlFile = {
  name: 'one-html-file',
  setup(build) {
    build.onEnd((result) => {
      if (result.errors.length > 0) return;
      // Inside <script>, "</script" and "<!--" would end or confuse the element: escaped, they mean the same in JavaScript.
      const script = result.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
      const style = fs.readFileSync('src/web/style.css', 'utf8');
      const html = fs
        .readFileSync('src/web/index.html', 'utf8')
        .replace('/*STYLE*/', () => style)
        .replace('/*SCRIPT*/', () => script);
      fs.mkdirSync('dist', { recursive: true });
      fs.writeFileSync('dist/healing-notes.html', html);
      console.log(`  dist/healing-notes.html  ${(html.length / 1024).toFixed(1)}kb`);
    });
  },
};

const webPage = {
  entryPoints: ['src/web/main.ts'],
  outfile: 'dist/healing-notes.js',
  write: false,
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: 'es2020',
  minify: true,
  logLevel: 'info',
  legalComments: 'none',
  define: common.define,
  mainFields: ['browser', 'module', 'main'],
  plugins: [oneHtmlFile],
};
builds.push(webPage);

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
