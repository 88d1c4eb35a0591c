/**
 * Edits a `.healingnotes.json` rule file's text, keeping its comments and
 * layout (jsonc-parser's modify/applyEdits). Pure: no vscode import.
 */
import { applyEdits, modify, parseTree, findNodeAtLocation } from 'jsonc-parser';
import type { SeveritySetting } from '../engine';

/** The file's text with `rules.<ruleId>` set to `severity` (inside the rule's object, when it has one). */
export function setRuleSeverity(text: string, ruleId: string, severity: SeveritySetting, eol = '\n'): string {
  const base = text.trim() === '' ? '{}' : text;
  const root = parseTree(base);
  const existing = root ? findNodeAtLocation(root, ['rules', ruleId]) : undefined;
  const path = existing?.type === 'object' ? ['rules', ruleId, 'severity'] : ['rules', ruleId];
  const edits = modify(base, path, severity, { formattingOptions: { insertSpaces: true, tabSize: 2, eol } });
  const result = applyEdits(base, edits);
  return result.endsWith(eol) ? result : result + eol;
}
