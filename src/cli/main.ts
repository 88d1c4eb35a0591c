/**
 * healing-notes: the engine on the command line.
 * Exit codes: 0 clean, 1 findings at error severity (or failing rule examples), 2 usage or input error.
 */
import { InternalError } from './batch';
import { check } from './commands/check';
import { explain } from './commands/explain';
import { init } from './commands/init';
import { rules } from './commands/rules';
import { lsp, mcp } from './commands/serve';
import { summary } from './commands/summary';
import { testRules } from './commands/test-rules';
import { UsageError } from './files';
import { processIO, VERSION, type CliIO, type Concurrency } from './io';
import { describeInternalError } from './task';

export type { CliIO } from './io';

const HELP = `Usage: healing-notes <command> [options]

Shows what visit notes document, and what they miss, of the healing skills.

Commands:
  check <files|folders|globs|->   check notes; findings as text, json, sarif or csv
  summary <folder>                share of notes that document each element and skill (text, json, csv, html)
  rules                           list the active rules: id, skill, behavior, level, severity
  explain <rule-id>               why a rule matters, what counts, examples
  test-rules [pack]               run each rule's examples
  init                            write a starter .healingnotes.json
  lsp                             run the language server (stdio) for Neovim, Helix, Emacs, Zed, Sublime...
  mcp                             run the MCP server (stdio) for AI scribes and assistants

Run 'healing-notes <command> --help' for a command's options.

Options:
  --print-config <file>   the rule pack that file is checked with (as 'check --print-config')
  -h, --help      show this help
  -v, --version   show the version

Exit codes: 0 clean, 1 findings at error severity (check) or failing examples
(test-rules), 2 usage or input error. Notes' text is never printed in errors.
`;

type Command = (args: readonly string[], io: CliIO, concurrency: Concurrency) => number | Promise<number>;

const COMMANDS: Record<string, Command> = {
  check,
  summary,
  rules,
  explain,
  'test-rules': testRules,
  init,
  lsp,
  mcp,
};

/**
 * Runs a command in this thread, synchronously: `check` and `summary` analyse
 * every note here, whatever `--jobs` says (tests, embedding). The bin uses
 * `runCliAsync`, which runs them on worker threads. A table of notes
 * (`--input-format jsonl|csv`) is read as a stream: run it with `runCliAsync`.
 */
export function runCli(argv: readonly string[], io: CliIO = processIO): number {
  try {
    const code = dispatch(argv, io, { workers: false });
    if (typeof code !== 'number') throw new Error('a command did not run synchronously');
    return code;
  } catch (error) {
    return failed(error, io);
  }
}

/** Runs a command; `check` and `summary` use worker threads (`--jobs`). */
export async function runCliAsync(argv: readonly string[], io: CliIO = processIO): Promise<number> {
  try {
    return await dispatch(argv, io, { workers: true });
  } catch (error) {
    return failed(error, io);
  }
}

function failed(error: unknown, io: CliIO): number {
  if (error instanceof UsageError) {
    for (const line of error.lines) io.stderr(`healing-notes: ${line}\n`);
    return 2;
  }
  // An internal error's message may quote the note (a TypeError names the property it read),
  // so only the error's kind and where it was thrown are printed.
  const where = error instanceof InternalError ? error.description : describeInternalError(error);
  io.stderr(`healing-notes: internal error (${where}); no note text is shown, please report it\n`);
  return 2;
}

function dispatch(argv: readonly string[], io: CliIO, concurrency: Concurrency): number | Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    if (command === 'help' && rest[0] && COMMANDS[rest[0]]) return COMMANDS[rest[0]](['--help'], io, concurrency);
    (command ? io.stdout : io.stderr)(HELP);
    return command ? 0 : 2;
  }
  // As ESLint has it: `healing-notes --print-config <file>` is `check --print-config <file>`.
  if (command === '--print-config' || command.startsWith('--print-config=')) return check([command, ...rest], io, concurrency);
  if (command === '-v' || command === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  const run = Object.prototype.hasOwnProperty.call(COMMANDS, command) ? COMMANDS[command] : undefined;
  if (!run) throw new UsageError(`unknown command '${command}' (try 'healing-notes --help')`);
  return run(rest, io, concurrency);
}

/** Runs the command line of this process and sets its exit code (the bin, dist/cli.js, calls it). */
export function main(argv: readonly string[] = process.argv.slice(2)): void {
  // `healing-notes check . | head`: a closed pipe is not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw error;
  });
  void runCliAsync(argv).then((code) => {
    process.exitCode = code;
  });
}

if (require.main === module) main();
