/**
 * JSON Lines: one line per note, in input order, for pipelines and clusters
 * (Spark's `RDD.pipe`, shards of a Slurm array job). Each line holds the note's
 * id (or path), its profile, each rule's status, the findings (rule, kind,
 * severity, message, offsets and 1-based line/column) and where evidence was
 * found (offsets only): never the note's text.
 */
import type { FileReport, NoteKey } from '../report';
import type { ReportWriter, Write } from './json';

export interface JsonlNote {
  id?: string;
  path?: string;
  profile: string;
  profiles: string[];
  pack?: string;
  skipped?: string;
  statuses: Record<string, string>;
  /** Why each rule that does not apply does not (rule id → reason). */
  notApplicable?: Record<string, string>;
  findings: FileReport['findings'];
  evidence: FileReport['evidence'];
}

export function jsonlNote(report: FileReport, key: NoteKey): JsonlNote {
  const statuses: Record<string, string> = {};
  const notApplicable: Record<string, string> = {};
  for (const r of report.results) {
    statuses[r.ruleId] = r.status;
    if (r.status === 'not-applicable') notApplicable[r.ruleId] = r.reason ?? '';
  }
  return {
    [key]: report.path,
    profile: report.profile,
    profiles: report.profiles,
    ...(report.pack !== undefined ? { pack: report.pack } : {}),
    ...(report.skipped ? { skipped: report.skipped } : {}),
    statuses,
    ...(Object.keys(notApplicable).length ? { notApplicable } : {}),
    findings: report.findings,
    evidence: report.evidence,
  };
}

export function jsonlWriter(write: Write, key: NoteKey): ReportWriter {
  return {
    file: (report) => write(JSON.stringify(jsonlNote(report, key)) + '\n'),
    end() {},
  };
}
