/** Markdown for hovers and tooltips built from note text and rule data, escaped. Pure: no vscode import. */
import type { Rule, RuleResult } from '../engine';

/** Escapes text so markdown renders it literally (no links, emphasis, HTML or headings). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, '\\$&');
}

/** A span of the note as a one-line quotation, shortened when long. */
export function quoteOf(text: string, maxLength = 160): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > maxLength ? `${flat.slice(0, maxLength - 1).trimEnd()}…` : flat;
}

const STATUS_TEXT: Record<RuleResult['status'], string> = {
  documented: 'documented',
  weak: 'documented only as boilerplate',
  missing: 'missing',
  'not-expected': 'not expected in this note',
  overridden: 'discussed, not documented',
};

export function statusText(status: RuleResult['status']): string {
  return STATUS_TEXT[status];
}

export interface RuleHoverInput {
  rule: Pick<Rule, 'id' | 'title' | 'skill' | 'behavior' | 'level' | 'rationale' | 'counts'>;
  status?: RuleResult['status'];
  /** Quotations of the evidence found, from the note. */
  evidence: string[];
  /** The reason of an override line, when the rule was marked as discussed. */
  overrideReason?: string;
}

/** One rule's hover: skill and behavior, why it matters, what counts, and what the note shows. */
export function ruleHoverMarkdown(input: RuleHoverInput): string {
  const { rule } = input;
  const lines = [
    `**${escapeMarkdown(rule.title)}** \u2014 ${escapeMarkdown(rule.skill)}: *${escapeMarkdown(rule.behavior)}* (${escapeMarkdown(rule.level)}, \`${rule.id.replace(/`/g, '')}\`)`,
    '',
    escapeMarkdown(rule.rationale),
    '',
    `**What counts:** ${escapeMarkdown(rule.counts)}`,
    '',
  ];
  if (input.overrideReason !== undefined) {
    lines.push(`**Marked as discussed, not documented:** ${escapeMarkdown(input.overrideReason || '(no reason given)')}`);
  } else if (input.evidence.length > 0) {
    lines.push(`**Found in this note${input.status === 'weak' ? ' (boilerplate only)' : ''}:**`, '');
    for (const quote of input.evidence) lines.push(`> \u201c${escapeMarkdown(quoteOf(quote))}\u201d`, '>');
    lines.pop();
  } else {
    lines.push(`**In this note:** ${escapeMarkdown(input.status ? statusText(input.status) : 'not found')}`);
  }
  return lines.join('\n');
}
