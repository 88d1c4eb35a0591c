/** Markdown built from note text and rule data, escaped so that nothing in a note renders as a link, HTML or emphasis. */
import type { RuleStatus } from '../engine';

/** Escapes text so markdown renders it literally (no links, emphasis, HTML or headings). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&');
}

/** A span of the note as a one-line quotation, shortened when long. */
export function quoteOf(text: string, maxLength = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1).trimEnd()}…` : flat;
}

const STATUS_TEXT: Record<RuleStatus, string> = {
  documented: 'documented',
  weak: 'documented only as boilerplate',
  missing: 'missing',
  'not-expected': 'not expected in this note',
  'not-applicable': 'does not apply to this note',
  overridden: 'discussed, not documented',
};

/** A rule's status in words ("documented only as boilerplate"). */
export function statusText(status: RuleStatus): string {
  return STATUS_TEXT[status];
}
