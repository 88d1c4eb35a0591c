/**
 * Override lines: a clinician's visible statement in the note that an element
 * was discussed but is deliberately not documented, with the reason:
 *
 *   [Healing Notes: shared decision discussed, not documented — patient asked to think it over]
 *
 * The element is named in words (the rule's title) or by its rule id. One per
 * line, on a line of its own. The engine does not look for evidence
 * inside these lines (they are masked before analysis), and a rule named by
 * one is reported as 'overridden' instead of missing or weak.
 */
import type { Rule, Span } from './types';

export interface NoteOverride {
  /** The rule the line names, by id or by title; the name as written when no rule of the pack has it. */
  ruleId: string;
  /** The reason as written; '' when none was given. */
  reason: string;
  /** From the opening '[' to the closing ']'. */
  span: Span;
}

const MARKER = 'Healing Notes:';
const PHRASE = 'discussed, not documented';

// [Healing Notes: <element or rule id> discussed, not documented — <reason>]   (—, –, --, - or : before the reason)
const OVERRIDE_LINE =
  /^[ \t]*(\[[ \t]*Healing Notes:[ \t]*([A-Za-z0-9](?:[^\]\r\n]{0,80}?[^\s\]])?)[ \t]+discussed, not documented(?:[ \t]*(?:—|–|--|-|:)[ \t]*([^\]\r\n]*?))?[ \t]*\])[ \t]*\r?$/gim;

/** A rule's title or id as an override line may write it: lower case, straight apostrophes, single spaces. */
function nameKey(name: string): string {
  return name.toLowerCase().replace(/[’`]/g, "'").replace(/\s+/g, ' ').trim();
}

/**
 * Every override line of the note, in order. With `rules`, a line that names
 * an element by its title ("shared decision") resolves to that rule's id.
 */
export function parseOverrides(text: string, rules: readonly Pick<Rule, 'id' | 'title'>[] = []): NoteOverride[] {
  const overrides: NoteOverride[] = [];
  if (!/healing notes/i.test(text)) return overrides;
  let byTitle: Map<string, string> | undefined;
  OVERRIDE_LINE.lastIndex = 0;
  for (let m = OVERRIDE_LINE.exec(text); m; m = OVERRIDE_LINE.exec(text)) {
    const start = m.index + m[0].indexOf('[');
    const named = m[2].trim();
    let ruleId = named;
    if (!rules.some((r) => r.id === named)) {
      byTitle ??= new Map(rules.map((r) => [nameKey(r.title), r.id]));
      ruleId = byTitle.get(nameKey(named)) ?? named;
    }
    overrides.push({ ruleId, reason: (m[3] ?? '').trim(), span: { start, end: start + m[1].length } });
  }
  return overrides;
}

/** The override line for an element (its title in words, or a rule id); the reason is kept to one line without brackets. */
export function formatOverride(element: string, reason: string): string {
  const name = element.replace(/[\[\]\r\n]/g, ' ').replace(/\s+/g, ' ').trim();
  const clean = reason.replace(/[\[\]]/g, '').replace(/\s+/g, ' ').trim();
  return `[${MARKER} ${name} ${PHRASE} — ${clean}]`;
}

/** The text with each override replaced by spaces, so offsets stay put and no rule reads it as evidence. */
export function maskOverrides(text: string, overrides: readonly NoteOverride[]): string {
  if (overrides.length === 0) return text;
  let masked = '';
  let at = 0;
  for (const { span } of overrides) {
    masked += text.slice(at, span.start) + ' '.repeat(span.end - span.start);
    at = span.end;
  }
  return masked + text.slice(at);
}
