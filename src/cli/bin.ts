/**
 * The `healing-notes` bin (dist/cli.js). `healing-notes lsp` and `healing-notes mcp` start their
 * servers from their own bundles (dist/lsp.js, dist/mcp.js) without loading the CLI's commands, so
 * that an editor's language server starts fast; anything else, their `--help` included, runs the
 * CLI (dist/cli-main.js). esbuild.js maps the requires below to those files. In dist/ each bundle
 * is loaded through V8's code cache (codeCache.ts), saved once it has done its first work.
 */
import * as v8 from 'node:v8';

// Each regular expression compiled once, to machine code, rather than to bytecode first and again on its
// second run: a check of one 30 KB note takes ~40 ms less CPU, and a batch runs as fast. The language
// server sets the same (src/lsp/main.ts). First of all: a regular expression V8 compiled before the flag
// changed may crash the process when it runs again (loading a module runs some), and V8's code cache
// records the flags.
v8.setFlagsFromString('--no-regexp-tier-up');

/* eslint-disable @typescript-eslint/no-require-imports */
const path = require('node:path') as typeof import('node:path');
const { loadBundle } = require('./codeCache') as typeof import('./codeCache');
type LoadedBundle = import('./codeCache').LoadedBundle;

declare const __BUNDLED__: boolean | undefined;

/** A bundle beside the bin in dist/; compiled from source (npm run compile, the tests), the module itself. */
function load<T>(bundle: string, unbundled: () => T): { exports: T; save(): void } {
  if (typeof __BUNDLED__ === 'boolean' && __BUNDLED__) return loadBundle(path.join(__dirname, bundle)) as LoadedBundle & { exports: T };
  return { exports: unbundled(), save: () => undefined };
}

/** Commands whose first run compiles what later runs need (the engine, its rules): their exit saves the code cache. */
const ANALYSING = new Set(['check', 'summary', 'test-rules']);

const [command, ...rest] = process.argv.slice(2);

if (command === 'lsp' && rest.every((arg) => arg === '--stdio')) {
  const server = load('lsp.js', () => require('../lsp/main') as typeof import('../lsp/main'));
  void server.exports.runLanguageServer({ warmed: server.save });
} else if (command === 'mcp' && rest.length === 0) {
  const server = load('mcp.js', () => require('../mcp/main') as typeof import('../mcp/main'));
  process.once('exit', server.save);
  void server.exports.runMcpServer();
} else {
  const cli = load('cli-main.js', () => require('./main') as typeof import('./main'));
  if (ANALYSING.has(command)) process.once('exit', cli.save);
  cli.exports.main();
}
