/**
 * The `healing-notes` bin (dist/cli.js). `healing-notes lsp` and `healing-notes mcp` start their
 * servers from their own bundles (dist/lsp.js, dist/mcp.js) without loading the CLI's commands, so
 * that an editor's language server starts fast; anything else, their `--help` included, runs the
 * CLI (dist/cli-main.js). esbuild.js maps the requires below to those files.
 */
const [command, ...rest] = process.argv.slice(2);

if (command === 'lsp' && rest.every((arg) => arg === '--stdio')) {
  void (require('../lsp/main') as typeof import('../lsp/main')).runLanguageServer();
} else if (command === 'mcp' && rest.length === 0) {
  void (require('../mcp/main') as typeof import('../mcp/main')).runMcpServer();
} else {
  (require('./main') as typeof import('./main')).main();
}
