/**
 * One note of a batch: read it, analyse it, turn it into a report. The same
 * code runs in the main thread (`--jobs 1`, small runs, standard input) and in
 * the workers of `--jobs N` (worker.ts), so both give the same reports.
 */
import { analyze, type RulePack } from '../engine';
import { readNote, UsageError, type NoteSource } from './files';
import { fileReport, skippedReport, type FileReport, type ReportNeeds } from './report';

/**
 * The engine's paragraph cache in a batch, in characters of paragraph text: a batch reads each note
 * once, and gains only from paragraphs that recur from note to note (template lines), which this
 * keeps; the editor's default (a million) filled over the first few hundred notes, and RSS grew by
 * a tenth between a quarter and the whole of a 1,000-note run.
 */
export const BATCH_UNIT_CACHE_CHARS = 64 * 1024;

/** What one note gives: its report (maybe `skipped`), or the lines of a read error (exit 2). */
export type TaskResult = { report: FileReport } | { readError: string[] };

export interface TaskSetup {
  /** The run's own pack (`--rules`, or the working folder's `.healingnotes.json`, or the built-in rules). */
  pack: RulePack;
  /** Its file, if any: reports name the pack they were checked with. */
  packFile?: string;
  /** The pack of a note whose `packFile` names a pack of a sub-folder. */
  packOf(packFile: string): RulePack;
  /** A profile id, or undefined to detect it per note. */
  profile?: string;
  needs: ReportNeeds;
}

export function runTask(source: NoteSource, setup: TaskSetup, readStdin: () => Buffer): TaskResult {
  let content;
  try {
    content = readNote(source, readStdin);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    return { readError: error.lines };
  }
  if ('skipped' in content) return { report: skippedReport(source.path, content.skipped) };
  const packFile = source.packFile ?? setup.packFile;
  const pack = source.packFile === undefined ? setup.pack : setup.packOf(source.packFile);
  const analysis = analyze(content.text, { pack, profile: profileIn(pack, setup.profile) });
  const report = fileReport(source.path, content.text, analysis, setup.needs);
  if (packFile !== undefined) report.pack = packFile;
  return { report };
}

/** `--profile` for a note whose pack lacks that profile (it was found in another folder's pack): detected per note. */
function profileIn(pack: RulePack, profile: string | undefined): string | undefined {
  return profile !== undefined && pack.profiles.some((p) => p.id === profile) ? profile : undefined;
}

/**
 * An error's kind and where it was thrown (`TypeError at cli.js:812`), never its
 * message: a message may quote the note (a TypeError names the property it read).
 */
export function describeInternalError(error: unknown): string {
  if (!(error instanceof Error)) return 'unknown';
  const frame = (error.stack ?? '').split('\n').find((line) => /^\s+at /.test(line));
  const where = frame ? /([^/\\():]+\.[cm]?js):(\d+)/.exec(frame) : null;
  return where ? `${error.name} at ${where[1]}:${where[2]}` : error.name;
}

/** Sent once to each worker (workerData): enough to rebuild the very same rule pack. */
export interface WorkerSetup {
  /** The pack file the main thread loaded (`--rules` or `.healingnotes.json`), if any. */
  packFile?: string;
  /** The text of every file that pack load read, by the name the loader asked for: no second read, no race. */
  packTexts: Record<string, string>;
  /** The same for the packs of sub-folders: pack file → the texts its load read. */
  folderPackTexts: Record<string, Record<string, string>>;
  profile?: string;
  needs: ReportNeeds;
}

/** Main thread → worker: one note, a file to read or a table row's text. */
export interface WorkerTask {
  index: number;
  path: string;
  file?: string;
  text?: string;
  packFile?: string;
}

/** Worker → main thread: the note's result, or an internal error (kind and place only). */
export type WorkerReply = { index: number; result: TaskResult } | { index: number; internalError: string };
