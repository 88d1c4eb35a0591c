/**
 * healing-notes: the engine on the command line.
 * Exit codes: 0 clean, 1 findings at error severity (or failing rule examples), 2 usage or input error.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { analyze } from '../engine';
import { expandPaths, readNote, UsageError } from './files';
import { formatJson } from './formatters/json';
import { formatText } from './formatters/text';
import { fileReport, totalsOf, type FileReport } from './report';

const HELP = `Usage: healing-notes <command> [options]

Commands:
  check <files|folders...>   Check visit notes (*.note) and print what each documents and misses.

Options for check:
  --format text|json         Output format (default: text).
  --profile <id>             Note type profile (default: detected from the note).
  --no-color                 Never colour the output (colour is used only on a terminal).
  -h, --help                 Show this help.
  -v, --version              Show the version.

Exit codes: 0 no error-severity findings, 1 error-severity findings, 2 usage or input error.
`;

const FORMATS = ['text', 'json'] as const;
type Format = (typeof FORMATS)[number];

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTTY: boolean;
}

const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
};

export function runCli(argv: readonly string[], io: CliIO = processIO): number {
  try {
    return dispatch(argv, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`healing-notes: ${error.message}\n`);
      return 2;
    }
    // Internal errors never echo note text: only the error's kind and message.
    io.stderr(`healing-notes: internal error: ${error instanceof Error ? error.message : String(error)}\n`);
    return 2;
  }
}

function dispatch(argv: readonly string[], io: CliIO): number {
  const [command, ...rest] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    io.stdout(HELP);
    return command ? 0 : 2;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  switch (command) {
    case 'check':
      return check(rest, io);
    default:
      throw new UsageError(`unknown command '${command}' (try 'healing-notes --help')`);
  }
}

declare const __VERSION__: string | undefined;
const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message.split('\n')[0] : String(error));
  }
}

function check(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parse(args, {
    format: { type: 'string', default: 'text' },
    profile: { type: 'string' },
    'no-color': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  if (values.help) {
    io.stdout(HELP);
    return 0;
  }
  const format = values.format as string;
  if (!FORMATS.includes(format as Format)) throw new UsageError(`unknown format '${format}' (allowed: ${FORMATS.join(', ')})`);
  if (positionals.length === 0) throw new UsageError("'check' needs at least one file or folder");

  const files = expandPaths(positionals);
  const reports: FileReport[] = files.map((file) => {
    const text = readNote(file);
    return fileReport(file, text, analyze(text, { profile: values.profile as string | undefined }));
  });
  const totals = totalsOf(reports);
  io.stdout(format === 'json' ? formatJson(reports, totals) : formatText(reports, totals, { color: io.isTTY && !values['no-color'] }));
  return totals.bySeverity.error > 0 ? 1 : 0;
}

if (require.main === module) {
  process.exitCode = runCli(process.argv.slice(2));
}
