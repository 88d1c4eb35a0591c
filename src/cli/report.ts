/** One checked file, in the shape every formatter reads. */
import { LineIndex, severityRank, type NoteAnalysis, type Rule, type RulePack, type Severity } from '../engine';

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

export interface FileResult {
  ruleId: string;
  status: string;
  /** Why the rule does not apply to the note (status `not-applicable`), in the pack's words. */
  reason?: string;
}

export interface FileReport {
  path: string;
  /** The note's first profile. */
  profile: string;
  /** Every profile the note carries (a setting and a modality may both hold). */
  profiles: string[];
  /** The pack file the note was checked with, relative to the working folder; absent for the built-in rules. */
  pack?: string;
  /** Why the file was not analysed (binary, too large); no findings or results then. */
  skipped?: string;
  findings: FileFinding[];
  evidence: FileEvidence[];
  /** Each rule's status; for the findings-only formats, only the rules that do not apply (with why). */
  results: FileResult[];
}

/**
 * What a run reads of each report: `full` (JSON: findings, evidence and statuses),
 * `findings` (text, CSV, SARIF: findings, and the rules that do not apply) or `statuses`
 * (summary). Workers send only that.
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
  const result = (r: NoteAnalysis['results'][number]): FileResult => ({ ruleId: r.ruleId, status: r.status, ...(r.reason !== undefined ? { reason: r.reason } : {}) });
  return {
    path,
    profile: analysis.profile,
    profiles: analysis.profiles,
    ...(analysis.skipped ? { skipped: analysis.skipped.reason } : {}),
    findings:
      needs === 'statuses'
        ? []
        : analysis.findings.map((f) => ({ ruleId: f.ruleId, kind: f.kind, severity: f.severity, message: f.message, ...locate(f.range.start, f.range.end) })),
    evidence:
      needs === 'full'
        ? analysis.results.flatMap((r) => r.evidence.map((e) => ({ ruleId: e.ruleId, strength: e.strength, section: e.section, ...locate(e.span.start, e.span.end) })))
        : [],
    results: needs === 'findings' ? analysis.results.filter((r) => r.status === 'not-applicable').map(result) : analysis.results.map(result),
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
  return { path, profile: '', profiles: [], skipped: reason, findings: [], evidence: [], results: [] };
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
  /** Rules that did not apply, counted once per note. */
  notApplicable: number;
}

export function emptyTotals(): Totals {
  return { files: 0, skipped: 0, bySeverity: { error: 0, warning: 0, information: 0, hint: 0 }, notApplicable: 0 };
}

/** Counts one report into the totals (a run keeps the totals, not the reports). */
export function addToTotals(totals: Totals, report: FileReport): void {
  totals.files++;
  if (report.skipped) totals.skipped++;
  for (const f of report.findings) totals.bySeverity[f.severity]++;
  for (const r of report.results) if (r.status === 'not-applicable') totals.notApplicable++;
}

export function totalsOf(reports: readonly FileReport[]): Totals {
  const totals = emptyTotals();
  for (const r of reports) addToTotals(totals, r);
  return totals;
}

/** The rules of a run's packs (the working folder's, then each sub-folder's), each id once: the first pack's wins. */
export function rulesOfPacks(packs: RulePack | readonly RulePack[]): Rule[] {
  const seen = new Set<string>();
  const rules: Rule[] = [];
  for (const pack of Array.isArray(packs) ? packs : [packs as RulePack]) {
    for (const rule of pack.rules) {
      if (seen.has(rule.id)) continue;
      seen.add(rule.id);
      rules.push(rule);
    }
  }
  return rules;
}
