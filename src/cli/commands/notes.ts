/**
 * Reads and analyses the notes of a run, and hands each report on in input
 * order as soon as its turn comes: shared by `check` and `summary`. The run
 * keeps counts, never the reports.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultWorkerScript, runBatch } from '../batch';
import type { Setup } from '../config';
import type { SarifNotice } from '../formatters/sarif';
import { isTable, type NoteInputs } from '../inputs';
import type { CliIO } from '../io';
import type { Progress } from '../progress';
import type { FileReport, ReportNeeds } from '../report';
import { linesLabel } from '../table';

export interface RunCounts {
  /** Reports handed on: notes analysed or skipped. */
  reports: number;
  skipped: number;
  /** Files that could not be read (exit 2). */
  readErrors: number;
  /** Table rows skipped because they could not be read as a note (exit 3). */
  malformedRows: number;
  /** The table's name, for the closing line about skipped rows. */
  table?: string;
}

/** Rows skipped in a table: some rows could not be read, and the others were checked. */
export const EXIT_ROWS_SKIPPED = 3;
/** Lines about skipped rows printed one by one; past this, only their count at the end. */
const ROW_PROBLEMS_SHOWN = 20;

export interface NoteRunOptions {
  /** 1: in this thread; more: a pool of worker threads (batch.ts). */
  jobs: number;
  needs: ReportNeeds;
  bar: Progress;
  onReport(report: FileReport): void;
  /** A skipped (warning) or unreadable (error) file, after its line went to stderr. */
  onNotice?(notice: SarifNotice): void;
}

/**
 * Runs the notes; stderr gets a line per file skipped (binary, too large) or
 * unreadable, and per table row skipped (malformed; by line number, never its
 * content), in input order, as they come. Synchronous with one job over files; a promise with workers or a table.
 */
export function runNotes(inputs: NoteInputs, setup: Setup, io: CliIO, options: NoteRunOptions): RunCounts | Promise<RunCounts> {
  const { bar } = options;
  const stderr = (line: string) => {
    bar.clear();
    io.stderr(`healing-notes: ${line}\n`);
  };
  let jobs = options.jobs;
  const workerScript = io.workerScript ?? defaultWorkerScript();
  if (jobs > 1 && !fs.existsSync(workerScript)) {
    stderr(`warning: ${path.basename(workerScript)} is missing beside the CLI; the notes are analysed in one thread`);
    jobs = 1;
  }
  const counts: RunCounts = { reports: 0, skipped: 0, readErrors: 0, malformedRows: 0, ...(isTable(inputs) ? { table: inputs.name } : {}) };
  const feed = inputs.open((problem) => {
    counts.malformedRows++;
    if (counts.malformedRows <= ROW_PROBLEMS_SHOWN) stderr(`${inputs.name}: ${linesLabel(problem)}: skipped: ${problem.reason}`);
    if (counts.malformedRows === ROW_PROBLEMS_SHOWN + 1) stderr(`${inputs.name}: more rows skipped; their count follows at the end`);
  });
  const batch = runBatch(feed, setup, {
    jobs,
    needs: options.needs,
    readStdin: io.readStdin ?? (() => Buffer.alloc(0)),
    workerScript,
    onResult(result, index) {
      if ('readError' in result) {
        counts.readErrors++;
        for (const line of result.readError) {
          stderr(line);
          options.onNotice?.({ message: line, level: 'error' });
        }
      } else {
        const { report } = result;
        counts.reports++;
        if (report.skipped) {
          counts.skipped++;
          const message = report.skipped.replace(/^The note/, 'the note').replace(/\.$/, '');
          stderr(`skipped '${report.path}': ${message}`);
          options.onNotice?.({ path: report.path, message });
        }
        options.onReport(report);
      }
      bar.tick(index + 1);
    },
  });
  const finish = () => {
    bar.done();
    return counts;
  };
  if (batch === undefined) return finish();
  return batch.then(finish, (error: unknown) => {
    bar.done();
    throw error;
  });
}

/**
 * 2 when a file could not be read or nothing at all could be analysed (nor a
 * table row read); 3 when table rows were skipped; otherwise undefined. A
 * table's skipped rows are counted on stderr here, last.
 */
export function problemExitCode(io: CliIO, counts: RunCounts): number | undefined {
  if (counts.malformedRows > 0) {
    const rows = (n: number) => `${n.toLocaleString('en-US')} row${n === 1 ? '' : 's'}`;
    io.stderr(`healing-notes: ${counts.table}: ${rows(counts.malformedRows)} skipped (not readable as a note), ${counts.reports.toLocaleString('en-US')} note${counts.reports === 1 ? '' : 's'} read\n`);
  }
  if (counts.readErrors > 0) return 2;
  if (counts.reports === 0 && counts.malformedRows > 0) {
    io.stderr('healing-notes: no row could be read as a note: check --input-format, --text-field and --id-field\n');
    return 2;
  }
  if (counts.reports > 0 && counts.reports === counts.skipped) {
    io.stderr('healing-notes: no notes could be analysed\n');
    return 2;
  }
  if (counts.malformedRows > 0) return EXIT_ROWS_SKIPPED;
  return undefined;
}

/** `f(value)`, now or once the promise settles: a run is synchronous with one job, a promise with workers. */
export function andThen<T, U>(value: T | Promise<T>, f: (value: T) => U): U | Promise<U> {
  return value instanceof Promise ? value.then(f) : f(value);
}

/** Runs `body`, then `cleanup` whether it succeeds or fails (now, or when its promise settles). */
export function withCleanup<T>(body: () => T | Promise<T>, cleanup: () => void): T | Promise<T> {
  let result: T | Promise<T>;
  try {
    result = body();
  } catch (error) {
    cleanup();
    throw error;
  }
  if (result instanceof Promise) return result.finally(cleanup);
  cleanup();
  return result;
}
