/**
 * "Turn off for this workspace": the edit to a `.healingnotes.json` rule file
 * that sets the rule to "off", keeping the file's comments and layout
 * (jsonc-parser's modify/applyEdits), and the question to ask first, since the
 * file is shared by everyone who uses the workspace.
 */
import { applyEdits, modify, parseTree, findNodeAtLocation } from 'jsonc-parser';
import type { Rule, SeveritySetting } from '../engine';
import { eolOf } from './text';

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

/** The rule file's new text with the rule turned off ('' when there is no file yet). */
export function turnOffText(packText: string, ruleId: string): string {
  return setRuleSeverity(packText, ruleId, 'off', eolOf(packText));
}

/** The question to confirm before turning a rule off for everyone who shares the workspace. */
export function turnOffConfirmation(rule: Pick<Rule, 'title'>, fileName: string): { message: string; detail: string; confirm: string } {
  return {
    message: `Turn off “${rule.title.trim()}” for this workspace?`,
    detail: `This writes it to ${fileName}, which applies to everyone who uses this workspace. Its evidence still shows in the coverage view.`,
    confirm: 'Turn Off',
  };
}
