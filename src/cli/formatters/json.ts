import type { FileReport, Totals } from '../report';
import type { Summary } from '../summary';

/** Machine-readable results: per file, findings and evidence with offsets and 1-based line/column. */
export function formatJson(reports: readonly FileReport[], totals: Totals): string {
  return JSON.stringify({ tool: 'healing-notes', files: reports, totals }, null, 2) + '\n';
}

/** Coverage per skill and element, and each note's statuses (names hidden with --anonymize). */
export function formatSummaryJson(summary: Summary): string {
  return JSON.stringify({ tool: 'healing-notes', ...summary }, null, 2) + '\n';
}
