/**
 * Table input (`--input-format jsonl|csv`): notes exported from a warehouse as
 * rows, one note a row, read as a stream. Rows are read only as the run asks
 * for them (an async generator over the input's chunks), so a large export is
 * never held in memory. A row that cannot be read (bad JSON, bad CSV quoting,
 * a missing field) is reported by its line number, never by its content, and
 * the run goes on.
 */
import { CsvError, parse as csvParse, type Parser } from 'csv-parse';
import type { Readable } from 'node:stream';
import { UsageError, type NoteSource } from './files';

export const INPUT_FORMATS = ['files', 'jsonl', 'csv'] as const;
export type InputFormat = (typeof INPUT_FORMATS)[number];
export type TableFormat = Exclude<InputFormat, 'files'>;

export const DEFAULT_TEXT_FIELD = 'text';
export const DEFAULT_ID_FIELD = 'id';
/** A row longer than this is skipped, not read: no note is this long (the engine stops at 1,000,000 characters). */
export const MAX_ROW_BYTES = 16 * 1024 * 1024;

export interface TableOptions {
  format: TableFormat;
  /** The field (JSONL) or column (CSV) holding the note's text. */
  textField: string;
  /** The field or column holding the note's id, shown in place of a path. */
  idField: string;
}

/** A row that was skipped: the lines it spans (1-based) and why, in words that never quote it. */
export interface RowProblem {
  line: number;
  /** The last line, when the row spans several (a CSV row with line breaks, or what a broken quote swallowed). */
  lastLine?: number;
  reason: string;
}

/** `line 7` or `lines 7-9`. */
export function linesLabel(problem: Pick<RowProblem, 'line' | 'lastLine'>): string {
  return problem.lastLine !== undefined && problem.lastLine > problem.line ? `lines ${problem.line}-${problem.lastLine}` : `line ${problem.line}`;
}

/** A note read from a table: its id is its `path`, its text is inline. */
export interface TableNote extends NoteSource {
  text: string;
  /** The input line the row starts on. */
  line: number;
}

/**
 * The notes of a table, in input order. `onProblem` hears of each row skipped,
 * when it is read. Throws a UsageError for a problem with the whole table (a CSV
 * header without the text or id column).
 */
export function tableNotes(input: Readable, options: TableOptions, onProblem: (problem: RowProblem) => void): AsyncGenerator<TableNote> {
  return options.format === 'csv' ? csvNotes(input, options, onProblem) : jsonlNotes(input, options, onProblem);
}

/** A row's fields → a note, or why not. */
function noteOf(row: Record<string, unknown>, line: number, options: TableOptions): TableNote | string {
  const hasField = (field: string) => Object.prototype.hasOwnProperty.call(row, field);
  if (!hasField(options.idField)) return `no '${options.idField}' field`;
  if (!hasField(options.textField)) return `no '${options.textField}' field`;
  const id = row[options.idField];
  const text = row[options.textField];
  if (!((typeof id === 'string' && id !== '') || (typeof id === 'number' && Number.isFinite(id)))) return `'${options.idField}' is not a string or a number`;
  if (typeof text !== 'string') return `'${options.textField}' is not a string`;
  return { path: String(id), text, line };
}

// ---------------------------------------------------------------- JSONL

/** One line of the input, without its line end; `tooLong` when it was over MAX_ROW_BYTES (and was not kept). */
interface Line {
  number: number;
  text?: string;
  tooLong?: boolean;
}

/**
 * The lines of a byte stream, split on `\n` (a `\r` before it dropped), decoded
 * as UTF-8 one whole line at a time, so that a character split between chunks
 * is never broken. A byte-order mark at the start is dropped.
 */
export async function* linesOf(input: AsyncIterable<Buffer | string>, maxBytes = MAX_ROW_BYTES): AsyncGenerator<Line> {
  let parts: Buffer[] = [];
  let partBytes = 0;
  let tooLong = false;
  let number = 1;
  let first = true;
  const finish = (last: Buffer): Line => {
    let bytes = parts.length ? Buffer.concat([...parts, last]) : last;
    parts = [];
    partBytes = 0;
    if (first) {
      first = false;
      if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) bytes = bytes.subarray(3);
    }
    if (bytes.length && bytes[bytes.length - 1] === 0x0d) bytes = bytes.subarray(0, bytes.length - 1);
    return { number: number++, text: bytes.toString('utf8') };
  };
  for await (const chunk of input) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    let start = 0;
    for (let end = buffer.indexOf(0x0a); end >= 0; end = buffer.indexOf(0x0a, start)) {
      if (tooLong || partBytes + end - start > maxBytes) {
        parts = [];
        partBytes = 0;
        tooLong = false;
        first = false;
        yield { number: number++, tooLong: true };
      } else {
        yield finish(buffer.subarray(start, end));
      }
      start = end + 1;
    }
    if (start < buffer.length && !tooLong) {
      partBytes += buffer.length - start;
      if (partBytes > maxBytes) {
        tooLong = true;
        parts = [];
      } else {
        // A copy: the stream may reuse the chunk's memory.
        parts.push(Buffer.from(buffer.subarray(start)));
      }
    }
  }
  if (tooLong) yield { number: number++, tooLong: true };
  else if (partBytes > 0) yield finish(Buffer.alloc(0));
}

async function* jsonlNotes(input: Readable, options: TableOptions, onProblem: (problem: RowProblem) => void): AsyncGenerator<TableNote> {
  for await (const line of linesOf(input)) {
    if (line.tooLong) {
      onProblem({ line: line.number, reason: `longer than ${MAX_ROW_BYTES / 1024 / 1024} MB` });
      continue;
    }
    if (!/\S/.test(line.text!)) continue; // blank lines are allowed, as most JSONL readers allow them
    let row: unknown;
    try {
      row = JSON.parse(line.text!);
    } catch {
      // The parser's message quotes the line: only the line number is reported.
      onProblem({ line: line.number, reason: 'not valid JSON' });
      continue;
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      onProblem({ line: line.number, reason: 'not a JSON object' });
      continue;
    }
    const note = noteOf(row as Record<string, unknown>, line.number, options);
    if (typeof note === 'string') onProblem({ line: line.number, reason: note });
    else yield note;
  }
}

// ---------------------------------------------------------------- CSV

/** What a csv-parse error means, in words that never quote the row (its own messages do). */
function csvReason(error: CsvError): string {
  switch (error.code) {
    case 'CSV_QUOTE_NOT_CLOSED':
      return 'a quoted field is never closed';
    case 'CSV_INVALID_CLOSING_QUOTE':
    case 'CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE':
      return 'a closing quote is followed by other characters';
    case 'INVALID_OPENING_QUOTE':
      return 'a quote inside a field that is not quoted';
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH':
    case 'CSV_RECORD_INCONSISTENT_COLUMNS':
      return 'not as many fields as the header has columns';
    case 'CSV_MAX_RECORD_SIZE':
      return `longer than ${MAX_ROW_BYTES / 1024 / 1024} MB`;
    default:
      return 'not a valid CSV row';
  }
}

/** A CSV row as the parser hands it on, with the lines it spans (counted as it parses). */
interface CsvRow {
  record: Record<string, string>;
  line: number;
  lastLine: number;
}

/** RFC 4180 CSV with a header row (csv-parse), a row at a time. */
async function* csvNotes(input: Readable, options: TableOptions, onProblem: (problem: RowProblem) => void): AsyncGenerator<TableNote> {
  // Where the next row starts: the line after the last row parsed (or skipped), past blank lines.
  // Counted in the parser's callbacks, which run in input order as it parses, ahead of the rows read.
  let nextLine = 2;
  let emptyLines = 0;
  let header: string[] | undefined;
  const skippedRows: RowProblem[] = [];
  const reportSkippedBefore = (line: number) => {
    while (skippedRows.length && skippedRows[0].line < line) onProblem(skippedRows.shift()!);
  };
  const rowLines = (context: { lines?: unknown; empty_lines?: unknown }) => {
    if (typeof context.empty_lines === 'number') {
      nextLine += context.empty_lines - emptyLines;
      emptyLines = context.empty_lines;
    }
    const line = nextLine;
    const lastLine = typeof context.lines === 'number' ? Math.max(context.lines, line) : line;
    nextLine = lastLine + 1;
    return { line, lastLine };
  };
  const parser: Parser = csvParse({
    bom: true,
    columns: (names: string[]) => {
      header = names;
      const missing = [options.idField, options.textField].filter((f) => !names.includes(f));
      if (missing.length) {
        // Column names are not note text: they are listed to help.
        throw new UsageError(`the CSV header has no ${missing.map((f) => `'${f}'`).join(' or ')} column (columns: ${names.map((n) => `'${n}'`).join(', ')}); use --text-field and --id-field`);
      }
      return names;
    },
    skip_empty_lines: true,
    skip_records_with_error: true,
    max_record_size: MAX_ROW_BYTES,
    on_record: (record: Record<string, string>, context): CsvRow => ({ record, ...rowLines(context) }),
    // Reported when the rows before it have been read, so that lines come in input order.
    on_skip: (error) => {
      if (!error) return;
      // A row with two bad quotes is reported once.
      if (typeof error.lines === 'number' && error.lines < nextLine) return;
      skippedRows.push({ ...rowLines(error as { lines?: unknown; empty_lines?: unknown }), reason: csvReason(error) });
    },
  });
  input.on('error', (error) => parser.destroy(error));
  input.pipe(parser);
  try {
    for await (const { record, line, lastLine } of parser as AsyncIterable<CsvRow>) {
      reportSkippedBefore(line);
      const note = noteOf(record, line, options);
      if (typeof note === 'string') onProblem({ line, lastLine, reason: note });
      else yield note;
    }
    reportSkippedBefore(Infinity);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    if (error instanceof CsvError) {
      // An error csv-parse does not skip past (a header it cannot read): the rest of the table is lost.
      throw new UsageError(header ? `line ${nextLine}: ${csvReason(error)}; the rest of the table cannot be read` : `the CSV header cannot be read: ${csvReason(error)}`);
    }
    throw error;
  } finally {
    input.unpipe(parser);
    parser.destroy();
  }
}
