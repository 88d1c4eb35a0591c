/**
 * Override lines: a clinician's visible statement in the note that an element
 * was discussed but is deliberately not documented, with the reason:
 *
 *   [Healing Notes: authority.permission discussed, not documented — patient asked to think it over]
 *
 * One per line, on a line of its own. The engine does not look for evidence
 * inside these lines (they are masked before analysis), and a rule named by
 * one is reported as 'overridden' instead of missing or weak.
 */
import type { Span } from './types';

export interface NoteOverride {
  ruleId: string;
  /** The reason as written; '' when none was given. */
  reason: string;
  /** From the opening '[' to the closing ']'. */
  span: Span;
}

const MARKER = 'Healing Notes:';
const PHRASE = 'discussed, not documented';

// [Healing Notes: <rule id> discussed, not documented — <reason>]   (—, –, --, - or : before the reason)
const OVERRIDE_LINE =
  /^[ \t]*(\[[ \t]*Healing Notes:[ \t]*([A-Za-z0-9][A-Za-z0-9._-]*)[ \t]+discussed, not documented(?:[ \t]*(?:—|–|--|-|:)[ \t]*([^\]\r\n]*?))?[ \t]*\])[ \t]*\r?$/gim;

/** Every override line of the note, in order. */
export function parseOverrides(text: string): NoteOverride[] {
  const overrides: NoteOverride[] = [];
  if (!/healing notes/i.test(text)) return overrides;
  OVERRIDE_LINE.lastIndex = 0;
  for (let m = OVERRIDE_LINE.exec(text); m; m = OVERRIDE_LINE.exec(text)) {
    const start = m.index + m[0].indexOf('[');
    overrides.push({ ruleId: m[2], reason: (m[3] ?? '').trim(), span: { start, end: start + m[1].length } });
  }
  return overrides;
}

/** The override line for a rule; the reason is kept to one line without brackets. */
export function formatOverride(ruleId: string, reason: string): string {
  const clean = reason.replace(/[\[\]]/g, '').replace(/\s+/g, ' ').trim();
  return `[${MARKER} ${ruleId} ${PHRASE} — ${clean}]`;
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
