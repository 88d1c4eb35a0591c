/** Reads and analyses the notes of a run: shared by `check` and `summary`. */
import { analyze } from '../../engine';
import type { Setup } from '../config';
import { readNote, UsageError, type NoteSource } from '../files';
import type { CliIO } from '../io';
import { progress } from '../progress';
import { fileReport, skippedReport, type FileReport } from '../report';

export interface AnalysedNotes {
  reports: FileReport[];
  /** One line per file that could not be read (exit 2). */
  readErrors: string[];
  /** One line per file skipped (binary, too large): path and reason only. */
  skipped: { path: string; message: string }[];
}

export function analyseNotes(sources: readonly NoteSource[], setup: Setup, io: CliIO, options: { progress: boolean }): AnalysedNotes {
  const reports: FileReport[] = [];
  const readErrors: string[] = [];
  const skipped: AnalysedNotes['skipped'] = [];
  const bar = progress(io, sources.length, 'Checking notes', options.progress);
  const readStdin = io.readStdin ?? (() => Buffer.alloc(0));
  sources.forEach((source, i) => {
    bar.tick(i);
    let content;
    try {
      content = readNote(source, readStdin);
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      readErrors.push(...error.lines);
      return;
    }
    if ('skipped' in content) {
      reports.push(skippedReport(source.path, content.skipped));
      skipped.push({ path: source.path, message: content.skipped });
      return;
    }
    const analysis = analyze(content.text, { pack: setup.pack, profile: setup.profile });
    const report = fileReport(source.path, content.text, analysis);
    if (report.skipped) skipped.push({ path: source.path, message: report.skipped.replace(/^The note/, 'the note').replace(/\.$/, '') });
    reports.push(report);
  });
  bar.tick(sources.length);
  bar.done();
  return { reports, readErrors, skipped };
}

/** Prints read errors and skip notices (one line each), and says whether the run can go on to exit 0/1. */
export function reportProblems(io: CliIO, notes: AnalysedNotes, warnings: readonly string[]): void {
  for (const line of warnings) io.stderr(`healing-notes: warning: ${line}\n`);
  for (const s of notes.skipped) io.stderr(`healing-notes: skipped '${s.path}': ${s.message}\n`);
  for (const line of notes.readErrors) io.stderr(`healing-notes: ${line}\n`);
}

/** 2 when a file could not be read or nothing at all could be analysed; otherwise undefined. */
export function problemExitCode(io: CliIO, notes: AnalysedNotes): number | undefined {
  if (notes.readErrors.length > 0) return 2;
  if (notes.reports.length > 0 && notes.reports.every((r) => r.skipped)) {
    io.stderr('healing-notes: no notes could be analysed\n');
    return 2;
  }
  return undefined;
}
