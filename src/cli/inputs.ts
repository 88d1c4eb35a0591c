/**
 * What `check` and `summary` read: files, folders and globs (one note a file),
 * or one table of notes (`--input-format jsonl|csv`) from a file or standard
 * input, read as a stream.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Readable } from 'node:stream';
import { jobsFor, jobsForTable, type NoteFeed } from './batch';
import { describeError, resolveInputs, STDIN_PATH, UsageError, type NoteSource } from './files';
import { cwdOf, type CliIO } from './io';
import { DEFAULT_ID_FIELD, DEFAULT_TEXT_FIELD, INPUT_FORMATS, tableNotes, type InputFormat, type RowProblem, type TableFormat } from './table';

/** The options of `check` and `summary` that choose table input (node:util parseArgs shape). */
export const TABLE_OPTIONS = {
  'input-format': { type: 'string' },
  'text-field': { type: 'string' },
  'id-field': { type: 'string' },
} as const;

export const TABLE_HELP = `  --input-format <f>    files (default: one note a file), or jsonl or csv: a table of notes, one a row,
                        read as a stream from one file or standard input ('-' or nothing)
  --text-field <name>   the field (JSONL) or column (CSV) with the note's text (default: ${DEFAULT_TEXT_FIELD})
  --id-field <name>     the field or column with the note's id, shown instead of a path (default: ${DEFAULT_ID_FIELD})
`;

export interface TableValues {
  'input-format'?: string;
  'text-field'?: string;
  'id-field'?: string;
}

export interface NoteInputs {
  format: InputFormat;
  /** Notes in the run when known ahead (files); a table's are counted as it is read. */
  total?: number;
  /** For messages about a table's rows: its path as given, or `<stdin>`. */
  name: string;
  /** How many jobs the run gets (`--jobs`, or the default for this input). */
  jobs(requested: number | undefined): number;
  /** The note files, known before the run (files, folders and globs); none for a table. */
  files?: readonly NoteSource[];
  /** The notes, in input order; `onProblem` hears of each table row skipped. Called once. */
  open(onProblem: (problem: RowProblem) => void): NoteFeed;
}

export function isTable(inputs: NoteInputs): boolean {
  return inputs.format !== 'files';
}

/** Reads the input options; a missing file or a bad option is a UsageError now, before the run. */
export function noteInputs(values: TableValues, positionals: readonly string[], io: CliIO, command: string): NoteInputs {
  const format = (values['input-format'] ?? 'files') as InputFormat;
  if (!INPUT_FORMATS.includes(format)) throw new UsageError(`unknown input format '${format}' (allowed: ${INPUT_FORMATS.join(', ')})`);
  const cwd = cwdOf(io);
  if (format === 'files') {
    for (const option of ['text-field', 'id-field'] as const) {
      if (values[option] !== undefined) throw new UsageError(`--${option} applies to a table of notes: add --input-format jsonl or csv`);
    }
    if (positionals.length === 0) throw new UsageError(`'${command}' needs at least one file, folder, glob or '-' (try 'healing-notes ${command} --help')`);
    const sources = resolveInputs(positionals, cwd);
    return { format, total: sources.length, name: '', files: sources, jobs: (requested) => jobsFor(requested, sources), open: () => sources };
  }
  if (positionals.length > 1) {
    throw new UsageError(`--input-format ${format} reads one table (a file, or '-' for standard input); check each file in its own run, or join them first`);
  }
  const table = { format: format as TableFormat, textField: nonEmpty(values['text-field'], 'text-field', DEFAULT_TEXT_FIELD), idField: nonEmpty(values['id-field'], 'id-field', DEFAULT_ID_FIELD) };
  const given = positionals[0] ?? '-';
  let bytes: number | undefined;
  let openStream: () => Readable;
  if (given === '-') {
    openStream = () => (io.stdinStream ?? (() => process.stdin))();
  } else {
    const file = path.resolve(cwd, given);
    try {
      const stat = fs.statSync(file);
      if (stat.isDirectory()) throw new UsageError(`cannot read '${given}': is a directory (--input-format ${format} reads one table file)`);
      if (stat.isFile()) bytes = stat.size;
      // A named pipe is read as a stream too (`<(zcat notes.jsonl.gz)`).
      fs.accessSync(file, fs.constants.R_OK);
    } catch (error) {
      if (error instanceof UsageError) throw error;
      throw new UsageError(`cannot read '${given}': ${describeError(error)}`);
    }
    openStream = () => fs.createReadStream(file, { highWaterMark: 256 * 1024 });
  }
  const name = given === '-' ? STDIN_PATH : given;
  return {
    format,
    name,
    jobs: (requested) => jobsForTable(requested, bytes),
    open: (onProblem) => readErrorsNamed(tableNotes(openStream(), table, onProblem), name),
  };
}

function nonEmpty(value: string | undefined, option: string, fallback: string): string {
  if (value === undefined) return fallback;
  if (value === '') throw new UsageError(`--${option} needs a field name`);
  return value;
}

/** A read error mid-table (EIO, a vanished file) as a one-line UsageError naming the table. */
async function* readErrorsNamed(notes: AsyncGenerator<NoteSource>, name: string): AsyncGenerator<NoteSource> {
  try {
    yield* notes;
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(error.lines.map((line) => `${name}: ${line}`));
    if ((error as NodeJS.ErrnoException)?.code !== undefined && typeof (error as NodeJS.ErrnoException).syscall === 'string') {
      throw new UsageError(`cannot read '${name}': ${describeError(error)}`);
    }
    throw error;
  }
}
