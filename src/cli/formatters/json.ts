import { keyedReport, type FileReport, type NoteKey, type Totals } from '../report';
import type { NoteCoverage, Summary } from '../summary';

/** Where a formatter writes its output, piece by piece. */
export type Write = (text: string) => void;

/** A report written as the notes come, in input order; `end` closes it with the totals. */
export interface ReportWriter {
  file(report: FileReport): void;
  end(totals: Totals): void;
}

/** Runs a writer over reports held in memory and returns what it wrote. */
export function collect(make: (write: Write) => ReportWriter, reports: readonly FileReport[], totals: Totals): string {
  let out = '';
  const writer = make((text) => (out += text));
  for (const report of reports) writer.file(report);
  writer.end(totals);
  return out;
}

/** An array of a JsonStream, written item by item. */
export interface JsonArray<T> {
  push(item: T): void;
  /** Closes the array; `value` is the whole document as it stands now (what follows the array is written from it). */
  close(value: unknown): void;
}

/**
 * A JSON document written piece by piece, laid out byte for byte as
 * `JSON.stringify(value, null, 2)` lays it out. The document holds a `slot()`
 * where each streamed array goes: `open(value)` writes what comes before the
 * first slot; `array(depth)` streams the next slot's array (`depth`: how many
 * levels deep the array sits), and its `close(value)` writes what follows, up
 * to the next slot or the end, so values after a slot (totals) can be filled
 * in at the end.
 */
export class JsonStream {
  private readonly token = `@@healing-notes-slot-${Math.random().toString(36).slice(2)}-`;
  private slots = 0;
  private streamed = 0;

  constructor(private readonly write: Write) {}

  /** A placeholder for an array to stream. */
  slot(): string {
    return `${this.token}${this.slots++}@@`;
  }

  /** The text of `value` from just after slot `from` (-1: the start) to the next slot (or the end). */
  private piece(value: unknown, from: number): string {
    const text = JSON.stringify(value, null, 2) + '\n';
    const marker = (i: number) => JSON.stringify(`${this.token}${i}@@`);
    const start = from < 0 ? 0 : text.indexOf(marker(from)) + marker(from).length;
    const next = text.indexOf(marker(from + 1), start);
    return text.slice(start, next < 0 ? undefined : next);
  }

  open(value: unknown): void {
    this.write(this.piece(value, -1));
  }

  array<T>(depth: number): JsonArray<T> {
    const index = this.streamed++;
    const pad = '\n' + '  '.repeat(depth + 1);
    let first = true;
    return {
      push: (item) => {
        this.write((first ? '[' : ',') + pad + JSON.stringify(item, null, 2).replace(/\n/g, pad));
        first = false;
      },
      close: (value) => {
        this.write((first ? '[]' : '\n' + '  '.repeat(depth) + ']') + this.piece(value, index));
      },
    };
  }
}

/**
 * Machine-readable results: `{ tool, files: [...], totals }`, each file written
 * as it comes (`notes: [...]`, each with its `id`, for a table's rows).
 */
export function jsonWriter(write: Write, key: NoteKey = 'path'): ReportWriter {
  const stream = new JsonStream(write);
  const files = stream.slot();
  const doc = (totals: Totals | null) => (key === 'id' ? { tool: 'healing-notes', notes: files, totals } : { tool: 'healing-notes', files, totals });
  stream.open(doc(null));
  const array = stream.array<unknown>(1);
  return {
    file: (report) => array.push(keyedReport(report, key)),
    end: (totals) => array.close(doc(totals)),
  };
}

/** Coverage per skill and element, then each note's statuses, streamed (names hidden with --anonymize). */
export function writeSummaryJson(summary: Summary, write: Write): void {
  const stream = new JsonStream(write);
  const slot = stream.slot();
  const { files, ...counts } = summary;
  const doc = { tool: 'healing-notes', ...counts, files: slot };
  stream.open(doc);
  const array = stream.array<NoteCoverage>(1);
  for (const file of files) array.push(file);
  array.close(doc);
}
