/**
 * What a person can do about a finding, as plain data: insert its prompt,
 * mark its element as discussed but not documented, turn its rule off for the
 * workspace. One group per finding, each title naming the element, so a menu
 * with several findings never shows two rows alike. Hints only offer their
 * prompt: marking or turning off a gentle hint is never worth a click that
 * could silence a rule for a whole team.
 */
import { severityRank, type Finding, type Span } from '../engine';
import { elementName, ruleOf } from './elements';
import { promptEdit } from './prompts';
import type { AssistNote, SnippetEdit } from './types';

export type AssistActionKind = 'insert-prompt' | 'mark-discussed' | 'turn-off';

interface ActionBase {
  kind: AssistActionKind;
  /** The menu title, naming the element: "Insert prompt: shared decision". */
  title: string;
  ruleId: string;
  /** The finding the action is for. */
  finding: Finding;
}

/** Inserts (or fills in place) the element's prompt; `edit` is ready to apply. */
export interface InsertPromptAction extends ActionBase {
  kind: 'insert-prompt';
  edit: SnippetEdit;
  /** The action a menu should offer first (the prompt of the most severe finding). */
  preferred: boolean;
}

/** Asks for a reason, then writes `overrideEdit(...)` (see overrides.ts). */
export interface MarkDiscussedAction extends ActionBase {
  kind: 'mark-discussed';
  /** The question to ask for the reason, which is written into the note. */
  reasonPrompt: string;
}

/** Asks for confirmation (`turnOffConfirmation`), then writes `turnOffText(...)` to the workspace rule file. */
export interface TurnOffAction extends ActionBase {
  kind: 'turn-off';
}

export type AssistAction = InsertPromptAction | MarkDiscussedAction | TurnOffAction;

export interface ActionOptions {
  /** Whether the note has a workspace whose rule file can turn rules off (default true). */
  canTurnOff?: boolean;
}

/** The titles of a finding's actions. */
export function actionTitles(rule: { title: string }): Record<AssistActionKind, string> {
  const element = elementName(rule);
  return {
    'insert-prompt': `Insert prompt: ${element}`,
    'mark-discussed': `Mark ${element} as discussed, not documented…`,
    'turn-off': `Turn off “${rule.title.trim()}” for this workspace…`,
  };
}

/** Whether a finding offers "mark as discussed" and "turn off": warnings and errors only. */
export function isSerious(finding: Pick<Finding, 'severity'>): boolean {
  return finding.severity === 'error' || finding.severity === 'warning';
}

/** One finding's actions: its prompt (when its rule has one), then, for warnings and errors, mark and turn off. */
export function actionsFor(note: AssistNote, finding: Finding, options: ActionOptions = {}): AssistAction[] {
  const rule = ruleOf(note.pack, finding.ruleId);
  if (!rule) return [];
  const titles = actionTitles(rule);
  const actions: AssistAction[] = [];
  const edit = rule.prompt ? promptEdit(note, finding) : undefined;
  if (edit) actions.push({ kind: 'insert-prompt', title: titles['insert-prompt'], ruleId: rule.id, finding, edit, preferred: false });
  if (isSerious(finding)) {
    actions.push({
      kind: 'mark-discussed',
      title: titles['mark-discussed'],
      ruleId: rule.id,
      finding,
      reasonPrompt: `Why is the ${elementName(rule)} discussed but not documented? The reason is written into the note.`,
    });
    if (options.canTurnOff !== false) actions.push({ kind: 'turn-off', title: titles['turn-off'], ruleId: rule.id, finding });
  }
  return actions;
}

/** Findings in the order a menu or hover lists them: most severe first, then by position, then pack order. */
export function byImportance(note: AssistNote, findings: readonly Finding[]): Finding[] {
  const order = new Map(note.pack.rules.map((r, i) => [r.id, i]));
  return [...findings].sort(
    (a, b) => severityRank(a.severity) - severityRank(b.severity) || a.range.start - b.range.start || (order.get(a.ruleId) ?? 0) - (order.get(b.ruleId) ?? 0),
  );
}

/**
 * The actions of several findings (those under the cursor), one group each: every prompt
 * first, most severe finding first, then each serious finding's mark and turn-off.
 * A finding listed twice is offered once.
 */
export function actionsForFindings(note: AssistNote, findings: readonly Finding[], options: ActionOptions = {}): AssistAction[] {
  const seen = new Set<string>();
  const unique = byImportance(note, findings).filter((f) => {
    const key = `${f.ruleId}|${f.kind}|${f.range.start}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const groups = unique.map((f) => actionsFor(note, f, options));
  const prompts = groups.flatMap((g) => g.filter((a): a is InsertPromptAction => a.kind === 'insert-prompt'));
  if (prompts[0]) prompts[0].preferred = true;
  return [...prompts, ...groups.flatMap((g) => g.filter((a) => a.kind !== 'insert-prompt'))];
}

function touches(span: Span, range: Span): boolean {
  return span.start <= range.end && range.start <= span.end;
}

/** The findings shown on (or touching) a range of the note: what a cursor or selection is on. */
export function findingsAt(note: AssistNote, range: Span): Finding[] {
  return note.analysis.findings.filter((f) => touches(f.range, range));
}
