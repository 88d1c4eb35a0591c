/**
 * `healing-notes lsp` and `healing-notes mcp`: the language server and the MCP
 * server, each on standard input and output. In dist/ each is its own bundle
 * beside cli.js (dist/lsp.js, dist/mcp.js), loaded only by its command, so
 * `check` never pays for the protocol libraries.
 */
import { parse, type CliIO } from '../io';
import { UsageError } from '../files';

export const MCP_HELP = `Usage: healing-notes mcp

Runs the Model Context Protocol server on standard input and output, for AI
scribes and assistants that check a note before it is signed. Tools:
check_note (note text, optional profile and folder), explain_rule, list_rules.
It opens no network port; the note's text goes back only in the reply and is
never logged. See README.md (MCP server) for client configurations.

Options:
  -h, --help   show this help
`;

/** Parses a server command's options (`--help`, and `--stdio` where clients pass it); resolves to whether to start. */
function startsServer(name: string, help: string, args: readonly string[], io: CliIO, acceptsStdio: boolean): boolean {
  const { values, positionals } = parse(args, { help: { type: 'boolean', short: 'h' }, ...(acceptsStdio ? { stdio: { type: 'boolean' } } : {}) });
  if (values.help) {
    io.stdout(help);
    return false;
  }
  if (positionals.length > 0) throw new UsageError(`'${name}' takes no arguments (got '${positionals[0]}')`);
  return true;
}

// Each server is loaded only when started; esbuild.js turns these requires into require('./mcp.js') and
// require('./lsp.js'), the servers' own bundles.

export async function mcp(args: readonly string[], io: CliIO): Promise<number> {
  if (startsServer('mcp', MCP_HELP, args, io, false)) await (require('../../mcp/main') as typeof import('../../mcp/main')).runMcpServer();
  return 0;
}

export const LSP_HELP = `Usage: healing-notes lsp [--stdio]

Runs the language server on standard input and output, for Neovim, Helix,
Emacs (eglot), Zed, Sublime Text and other editors: diagnostics, quick fixes
(prompts, "mark as discussed", "turn off"), hovers, rule packs from the nearest
.healingnotes.json, settings under "healingNotes". See README.md (Language
server) for each editor's configuration.

Options:
  --stdio      accepted for clients that pass it (standard input and output is the only transport)
  -h, --help   show this help
`;

export async function lsp(args: readonly string[], io: CliIO): Promise<number> {
  if (startsServer('lsp', LSP_HELP, args, io, true)) await (require('../../lsp/main') as typeof import('../../lsp/main')).runLanguageServer();
  return 0;
}
