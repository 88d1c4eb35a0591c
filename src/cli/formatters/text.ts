import type { FileReport, Totals } from '../report';

export interface TextOptions {
  color: boolean;
}

const COLORS: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[2m' };

/** `path:line:col  severity  rule-id  message`, one finding a line, then a summary. */
export function formatText(reports: readonly FileReport[], totals: Totals, options: TextOptions): string {
  const lines: string[] = [];
  for (const report of reports) {
    if (report.skipped) lines.push(`${report.path}:1:1  skipped  -  ${report.skipped}`);
    for (const f of report.findings) {
      const severity = options.color ? `${COLORS[f.severity]}${f.severity}\x1b[0m` : f.severity;
      lines.push(`${report.path}:${f.line}:${f.column}  ${severity}  ${f.ruleId}  ${f.message}`);
    }
  }
  const s = totals.bySeverity;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  lines.push(
    `${plural(totals.files, 'note')} checked${totals.skipped ? ` (${totals.skipped} skipped)` : ''}: ` +
      `${plural(s.error, 'error')}, ${plural(s.warning, 'warning')}, ${s.information} information, ${plural(s.hint, 'hint')}`,
  );
  return lines.join('\n') + '\n';
}
