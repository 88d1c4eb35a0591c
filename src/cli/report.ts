/** One checked file, in the shape every formatter reads. */
import { LineIndex, severityRank, type NoteAnalysis, type Severity } from '../engine';

export interface Located {
  start: number;
  end: number;
  /** 1-based, as editors and compilers print them; columns count UTF-16 code units. */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export interface FileFinding extends Located {
  ruleId: string;
  kind: string;
  severity: Severity;
  message: string;
}

export interface FileEvidence extends Located {
  ruleId: string;
  strength: string;
  section: string;
}

export interface FileReport {
  path: string;
  profile: string;
  /** Why the file was not analysed (binary, too large); no findings or results then. */
  skipped?: string;
  findings: FileFinding[];
  evidence: FileEvidence[];
  results: { ruleId: string; status: string }[];
}

/**
 * What a run reads of each report: `full` (JSON: findings, evidence and statuses),
 * `findings` (text, CSV, SARIF) or `statuses` (summary). Workers send only that.
 */
export type ReportNeeds = 'full' | 'findings' | 'statuses';

/** Locates offsets of `text` as reports show them: 1-based lines and columns. */
export function locatorOf(text: string): (start: number, end: number) => Located {
  const lines = new LineIndex(text);
  return (start, end) => {
    const from = lines.positionAt(start);
    const to = lines.positionAt(end);
    return { start, end, line: from.line + 1, column: from.character + 1, endLine: to.line + 1, endColumn: to.character + 1 };
  };
}

export function fileReport(path: string, text: string, analysis: NoteAnalysis, needs: ReportNeeds = 'full'): FileReport {
  const locate = locatorOf(text);
  return {
    path,
    profile: analysis.profile,
    ...(analysis.skipped ? { skipped: analysis.skipped.reason } : {}),
    findings:
      needs === 'statuses'
        ? []
        : analysis.findings.map((f) => ({ ruleId: f.ruleId, kind: f.kind, severity: f.severity, message: f.message, ...locate(f.range.start, f.range.end) })),
    evidence:
      needs === 'full'
        ? analysis.results.flatMap((r) => r.evidence.map((e) => ({ ruleId: e.ruleId, strength: e.strength, section: e.section, ...locate(e.span.start, e.span.end) })))
        : [],
    results: needs === 'findings' ? [] : analysis.results.map((r) => ({ ruleId: r.ruleId, status: r.status })),
  };
}

/**
 * How output names a note: `path` (a file), or `id` (a table row: the report's
 * path holds the row's id).
 */
export type NoteKey = 'path' | 'id';

/** The report as output shows it: its `path` named `id` for a table row. */
export function keyedReport(report: FileReport, key: NoteKey): FileReport | (Omit<FileReport, 'path'> & { id: string }) {
  if (key === 'path') return report;
  const { path, ...rest } = report;
  return { id: path, ...rest };
}

/** A file that was not analysed (binary content), with the reason. */
export function skippedReport(path: string, reason: string): FileReport {
  return { path, profile: '', skipped: reason, findings: [], evidence: [], results: [] };
}

/** Drops findings below a severity (`--min-severity`). */
export function withMinSeverity(report: FileReport, min: Severity): FileReport {
  const limit = severityRank(min);
  return { ...report, findings: report.findings.filter((f) => severityRank(f.severity) <= limit) };
}

export interface Totals {
  files: number;
  skipped: number;
  bySeverity: Record<Severity, number>;
}

export function emptyTotals(): Totals {
  return { files: 0, skipped: 0, bySeverity: { error: 0, warning: 0, information: 0, hint: 0 } };
}

/** Counts one report into the totals (a run keeps the totals, not the reports). */
export function addToTotals(totals: Totals, report: FileReport): void {
  totals.files++;
  if (report.skipped) totals.skipped++;
  for (const f of report.findings) totals.bySeverity[f.severity]++;
}

export function totalsOf(reports: readonly FileReport[]): Totals {
  const totals = emptyTotals();
  for (const r of reports) addToTotals(totals, r);
  return totals;
}
