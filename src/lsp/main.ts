/** The language server's bundle (dist/lsp.js): run by `healing-notes lsp`, or directly with `node dist/lsp.js --stdio`. */
import * as v8 from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startLanguageServer } from './server';

export interface LanguageServerOptions {
  /** Called once, after the first note's full check is published: the bin then saves V8's code cache. */
  warmed?: () => void;
}

/** Serves the language protocol on standard input and output; resolves when the client says exit. */
export function runLanguageServer(options: LanguageServerOptions = {}): Promise<void> {
  // Each regular expression compiled once, straight to machine code, rather than to bytecode first and again
  // later: a third less for the first check of a note (docs/performance.md). This process is the server's own.
  v8.setFlagsFromString('--no-regexp-tier-up');
  const connection = createConnection(ProposedFeatures.all, process.stdin, process.stdout);
  const exited = new Promise<void>((resolve) => connection.onExit(resolve));
  startLanguageServer(connection, options.warmed);
  return exited;
}

if (require.main === module) void runLanguageServer();
