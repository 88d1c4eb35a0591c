import type { NoteKey } from '../report';
import type { Summary } from '../summary';
import type { ReportWriter, Write } from './json';

/**
 * RFC 4180 CSV: CRLF line ends, fields quoted when they hold a comma, quote
 * or line break. A field that a spreadsheet would run as a formula
 * (=, +, -, @ first) gets a leading apostrophe.
 */
export function csvField(value: string | number): string {
  if (typeof value === 'number') return String(value);
  let text = value;
  if (/^[=+\-@\t\r]/.test(text) && !/^[+-]?\d+(\.\d+)?$/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function csvRow(row: (string | number)[]): string {
  return row.map(csvField).join(',') + '\r\n';
}

function csv(rows: (string | number)[][]): string {
  return rows.map(csvRow).join('');
}

/** One finding a row, each file's rows as it comes; the first column is the note's `path`, or its `id` for a table row. */
export function csvWriter(write: Write, key: NoteKey = 'path'): ReportWriter {
  write(csvRow([key, 'line', 'column', 'end_line', 'end_column', 'severity', 'rule_id', 'kind', 'message']));
  return {
    file(report) {
      if (report.findings.length === 0) return;
      write(csv(report.findings.map((f) => [report.path, f.line, f.column, f.endLine, f.endColumn, f.severity, f.ruleId, f.kind, f.message])));
    },
    end() {},
  };
}

/** One row per skill (rule_id empty), then one per element. */
export function formatSummaryCsv(summary: Summary): string {
  const rows: (string | number)[][] = [['skill', 'rule_id', 'title', 'behavior', 'level', 'notes', 'documented', 'weak', 'missing', 'not_expected', 'not_applicable', 'share']];
  for (const skill of summary.skills) {
    rows.push([skill.skill, '', '', '', '', skill.notes, skill.documented, '', '', '', '', skill.share.toFixed(3)]);
    for (const r of skill.rules) {
      rows.push([skill.skill, r.id, r.title, r.behavior, r.level, r.notes, r.documented, r.weak, r.missing, r.notExpected, r.notApplicable, r.share.toFixed(3)]);
    }
  }
  return csv(rows);
}
