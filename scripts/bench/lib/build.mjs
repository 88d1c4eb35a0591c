/**
 * Bundles scripts/bench/engine-entry.ts with the settings of esbuild.js (cjs,
 * node18, ES module builds preferred, compromise in its own file beside the bundle, required on
 * first need; keep them in step). compromise is reached through a thin shim that counts its parses
 * and times its load, so that each measurement can say whether (and how much) compromise ran.
 */
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export async function buildEngine(root, outfile, { minify = false } = {}) {
  const esbuild = require(path.join(root, 'node_modules/esbuild'));
  const { version } = require(path.join(root, 'package.json'));
  const compromisePath = require.resolve('compromise', { paths: [root] });
  const probe = {
    name: 'compromise-probe',
    setup(build) {
      build.onResolve({ filter: /^compromise$/ }, () => ({ path: 'compromise', namespace: 'bench-probe' }));
      build.onResolve({ filter: /^\.\/compromise\.js$/ }, () => ({ path: './compromise.js', external: true }));
      build.onLoad({ filter: /.*/, namespace: 'bench-probe' }, () => ({
        resolveDir: root,
        loader: 'js',
        contents: `
          const stats = (globalThis.__benchCompromise ??= { loadMs: 0, loaded: false, parses: 0, parseMs: 0 });
          const t0 = performance.now();
          const real = require('./compromise.js');
          stats.loadMs = performance.now() - t0;
          stats.loaded = true;
          const nlp = real.default ?? real;
          function probed(...args) {
            const t = performance.now();
            try { return nlp.apply(this, args); } finally { stats.parses++; stats.parseMs += performance.now() - t; }
          }
          Object.assign(probed, nlp);
          module.exports = probed;`,
      }));
    },
  };
  await esbuild.build({
    entryPoints: [path.join(root, 'scripts/bench/engine-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    sourcemap: false,
    minify,
    logLevel: 'silent',
    legalComments: 'none',
    define: { __VERSION__: JSON.stringify(version) },
    mainFields: ['module', 'main'],
    plugins: [probe],
  });
  // As esbuild.js writes dist/compromise.js.
  await esbuild.build({ entryPoints: [compromisePath], outfile: path.join(path.dirname(outfile), 'compromise.js'), bundle: true, platform: 'node', target: 'node18', format: 'cjs', minify: true, logLevel: 'silent', legalComments: 'none' });
  return outfile;
}

/** Size of a minified build of the extension, for comparison with dist/ (never written into dist/). */
export async function minifiedExtensionBytes(root) {
  const esbuild = require(path.join(root, 'node_modules/esbuild'));
  const { version } = require(path.join(root, 'package.json'));
  const result = await esbuild.build({
    entryPoints: [path.join(root, 'src/extension/extension.ts')],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    minify: true,
    write: false,
    external: ['vscode', 'compromise'],
    logLevel: 'silent',
    legalComments: 'none',
    define: { __VERSION__: JSON.stringify(version) },
    mainFields: ['module', 'main'],
  });
  return result.outputFiles[0].contents.length;
}

/**
 * Variants of the extension bundle, written to `dir`, to show what its require() time is made of:
 * as esbuild.js builds it (compromise in a file of its own), with compromise inside, and minified.
 */
export async function extensionVariants(root, dir) {
  const esbuild = require(path.join(root, 'node_modules/esbuild'));
  const { version } = require(path.join(root, 'package.json'));
  const base = {
    entryPoints: [path.join(root, 'src/extension/extension.ts')],
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    logLevel: 'silent',
    legalComments: 'none',
    define: { __VERSION__: JSON.stringify(version) },
    mainFields: ['module', 'main'],
  };
  const variants = {
    asBuilt: { external: ['vscode', 'compromise'] },
    withCompromise: { external: ['vscode'] },
    minified: { external: ['vscode', 'compromise'], minify: true },
  };
  const out = {};
  for (const [name, extra] of Object.entries(variants)) {
    const outfile = path.join(dir, `extension-${name}.js`);
    await esbuild.build({ ...base, ...extra, outfile });
    out[name] = outfile;
  }
  return out;
}
