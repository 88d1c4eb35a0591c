/**
 * The `healing-notes` bin (dist/cli.js). `healing-notes lsp` and `healing-notes mcp` start their
 * servers from their own bundles (dist/lsp.js, dist/mcp.js) without loading the CLI's commands, so
 * that an editor's language server starts fast; anything else, their `--help` included, runs the
 * CLI (dist/cli-main.js). esbuild.js maps the requires below to those files.
 */
import * as v8 from 'node:v8';

// Each regular expression compiled once, to machine code, rather than to bytecode first and again on its
// second run: a check of one 30 KB note takes ~40 ms less CPU, and a batch runs as fast. The language
// server sets the same (src/lsp/main.ts).
v8.setFlagsFromString('--no-regexp-tier-up');

const [command, ...rest] = process.argv.slice(2);

if (command === 'lsp' && rest.every((arg) => arg === '--stdio')) {
  void (require('../lsp/main') as typeof import('../lsp/main')).runLanguageServer();
} else if (command === 'mcp' && rest.length === 0) {
  void (require('../mcp/main') as typeof import('../mcp/main')).runMcpServer();
} else {
  (require('./main') as typeof import('./main')).main();
}
