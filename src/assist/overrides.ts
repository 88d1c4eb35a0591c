/**
 * "Mark as discussed, not documented": a visible line in the note that names
 * the element in words and gives the clinician's reason, e.g.
 * `[Healing Notes: shared decision discussed, not documented — she will decide after talking to her husband]`.
 * The engine parses it back (src/engine/overrides.ts) and reports the element
 * as discussed rather than missing.
 */
import type { Finding, Rule } from '../engine';
import { formatOverride } from '../engine/overrides';
import { elementName } from './elements';
import { escapeSnippetText } from './snippets';
import { eolOf, lineEndAt } from './text';
import type { SnippetEdit, TextEdit } from './types';

/** The override line for a rule's element with the clinician's reason (kept to one line, without brackets). */
export function overrideLine(rule: Pick<Rule, 'title'>, reason: string): string {
  return formatOverride(elementName(rule), reason);
}

/** Whether a reason can be written: it must say something. */
export function isValidReason(reason: string): boolean {
  return reason.replace(/[[\]]/g, '').trim().length > 0;
}

/** Where the override line goes for a finding: on a new line after the line its prompt would follow. */
export function overrideEdit(text: string, finding: Pick<Finding, 'kind' | 'range' | 'insertion'>, rule: Pick<Rule, 'title'>, reason: string): TextEdit {
  const anchor = finding.kind === 'placeholder' ? finding.range.end : finding.insertion.offset;
  const offset = lineEndAt(text, anchor);
  const line = overrideLine(rule, reason);
  const atStart = text.slice(0, offset).trim() === '';
  return { start: offset, end: offset, text: atStart ? line : eolOf(text) + line };
}

/** The reason's placeholder, for a face that cannot ask for the reason before it writes the line. */
export const REASON_PLACEHOLDER = '<why it is not documented>';

/**
 * "Mark as discussed" for a face with no input box (a language server): the override line with its
 * reason as the first tab stop, to be written over. Until it is, the engine does not count the line:
 * an unfilled reason states nothing.
 */
export function overrideSnippetEdit(text: string, finding: Pick<Finding, 'kind' | 'range' | 'insertion'>, rule: Pick<Rule, 'id' | 'title'>): SnippetEdit {
  const edit = overrideEdit(text, finding, rule, REASON_PLACEHOLDER);
  const at = edit.text.lastIndexOf(REASON_PLACEHOLDER);
  const snippet = `${escapeSnippetText(edit.text.slice(0, at))}\${1:${escapeSnippetText(REASON_PLACEHOLDER)}}${escapeSnippetText(edit.text.slice(at + REASON_PLACEHOLDER.length))}`;
  return { start: edit.start, end: edit.end, snippet, ruleIds: [rule.id] };
}
