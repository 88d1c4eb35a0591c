import type { FileReport, Totals } from '../report';

/** Machine-readable results: per file, findings and evidence with offsets and 1-based line/column. */
export function formatJson(reports: readonly FileReport[], totals: Totals): string {
  return JSON.stringify({ tool: 'healing-notes', files: reports, totals }, null, 2) + '\n';
}
