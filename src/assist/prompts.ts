/**
 * The prompt a finding offers, as an edit: a line holding the element's label
 * and empty placeholders (`Shared decision: <options>; <...>`), put where it
 * belongs. A prompt never states that anything happened; the clinician writes
 * that. Where the note already has an unfilled line for the element
 * (`Follow-up: ___`), the prompt fills that line in place. A prompt whose label
 * names the section it goes into (`Follow-up` under FOLLOW-UP) drops the label,
 * so the note never reads `FOLLOW-UP:` then `Follow-up:`.
 */
import type { Finding, Rule, RulePack, RulePrompt, SectionKind, Span } from '../engine';
import { SectionVocabulary } from '../engine/sections';
import { lineLabelsOf } from '../engine/promptLines';
import { PLACEHOLDER_RUN_SOURCE, escapeRegExp } from '../engine/text';
import { ruleOf } from './elements';
import { escapeSnippetText, maxTabstop, renumberTabstops } from './snippets';
import { eolOf, lineEndAt, lineStartAt } from './text';
import type { AssistNote, SnippetEdit } from './types';

type PromptedRule = Rule & { prompt: RulePrompt };

/** The prompt as one line of snippet text: its label, a colon, its placeholders. */
export function promptSnippet(prompt: Pick<RulePrompt, 'label' | 'snippet'>): string {
  return `${escapeSnippetText(prompt.label.trim())}: ${prompt.snippet}`;
}

const vocabularies = new WeakMap<RulePack, SectionVocabulary>();

function vocabularyOf(pack: RulePack): SectionVocabulary {
  let vocabulary = vocabularies.get(pack);
  if (!vocabulary) {
    vocabulary = new SectionVocabulary(pack.sections);
    vocabularies.set(pack, vocabulary);
  }
  return vocabulary;
}

/** The section kind a prompt's label names, when it is also a section header (`Plan`, `Follow-up`). */
export function labelSectionKind(pack: RulePack, prompt: Pick<RulePrompt, 'label'>): SectionKind | undefined {
  return vocabularyOf(pack).kindOf(prompt.label);
}

const PLACEHOLDER_RUN = PLACEHOLDER_RUN_SOURCE;
const ONLY_PLACEHOLDERS = new RegExp(`^[ \\t]*(${PLACEHOLDER_RUN})[ \\t.]*$`);
/** What may precede a line's placeholders for the line to be a labelled one: a bullet or number, a short label, a colon. */
const LABEL_ONLY = /^\ufeff?[ \t]*(?:[-*•][ \t]+|(?:\d{1,2}|[a-z])[.)][ \t]+)?[A-Za-z][^:\n]{0,60}:[ \t]*$/;

/**
 * Where the rule's prompt would fill an unfilled line in place: the run of placeholders after
 * a `Label:` that names the element (its prompt label, its title or one of the prompt's `labels`), on a line of its own.
 */
export function unfilledLineOf(text: string, rule: PromptedRule): Span | undefined {
  const names = lineLabelsOf(rule);
  const label = names.map((n) => escapeRegExp(n).replace(/\s+/g, '\\s+').replace(/'/g, "['’]")).join('|');
  const line = new RegExp(`^[ \\t]*(?:[-*•][ \\t]+)?(?:${label})[ \\t]*:[ \\t]*(${PLACEHOLDER_RUN})[ \\t.]*\\r?$`, 'gim');
  const m = line.exec(text);
  if (!m) return undefined;
  const start = m.index + m[0].lastIndexOf(m[1]);
  return { start, end: start + m[1].length };
}

interface Replacement {
  kind: 'replace';
  span: Span;
  rule: PromptedRule;
  /** Fill with the prompt's placeholders, or (inside prose) keep the placeholder's own text as the tab stop. */
  fill: 'prompt' | 'select';
}

interface Insertion {
  kind: 'insert';
  at: number;
  requests: { rule: PromptedRule; finding: Finding }[];
}

/** How a finding's prompt reaches the note: a replacement of an unfilled line, or a line to insert. */
function planOf(note: AssistNote, rule: PromptedRule, finding: Finding): Replacement | { at: number } {
  const { text } = note;
  if (finding.kind === 'placeholder') {
    // `Label: ___` (only a label before the placeholder, only placeholders after it) is the element's line to fill.
    const before = text.slice(lineStartAt(text, finding.range.start), finding.range.start);
    const rest = ONLY_PLACEHOLDERS.exec(text.slice(finding.range.start, lineEndAt(text, finding.range.start)));
    if (rest && LABEL_ONLY.test(before)) return { kind: 'replace', span: { start: finding.range.start, end: finding.range.start + rest[1].length }, rule, fill: 'prompt' };
    return { kind: 'replace', span: finding.range, rule, fill: 'select' };
  }
  // The engine placed the finding on a line labelled for the element with nothing written after its colon.
  const unfilled = finding.insertion.fill ?? unfilledLineOf(text, rule);
  if (unfilled) return { kind: 'replace', span: unfilled, rule, fill: 'prompt' };
  return { at: lineEndAt(text, finding.insertion.offset) };
}

/** Whether the line ending at `at` is a section header with nothing written after it. */
function emptyHeaderLineAt(note: AssistNote, at: number): boolean {
  const lineStart = lineStartAt(note.text, at);
  return note.analysis.sections.some(
    (s) => s.headerRange.end > s.headerRange.start && s.headerRange.start >= lineStart && s.headerRange.end <= at && note.text.slice(s.headerRange.end, at).trim() === '',
  );
}

/**
 * The edit that inserts (or fills in place) the prompt of one finding; undefined when the
 * finding's rule has no prompt. Tab stops start at 1: the first is the text the clinician writes.
 */
export function promptEdit(note: AssistNote, finding: Finding): SnippetEdit | undefined {
  return promptEdits(note, [finding])[0];
}

/**
 * The edits for several findings' prompts at once ("insert all"), in text order. Prompts bound
 * for one place are joined, each on its own line; a section the note lacks gets its header once;
 * tab stops are numbered across all edits, because VS Code links equal numbers of snippets
 * applied together. Nothing of the note is removed except the placeholders a prompt fills.
 */
export function promptEdits(note: AssistNote, findings: readonly Finding[]): SnippetEdit[] {
  const { text, pack } = note;
  const eol = eolOf(text);
  const plans: (Replacement | Insertion)[] = [];
  const inserts = new Map<number, Insertion>();
  for (const finding of findings) {
    const rule = ruleOf(pack, finding.ruleId);
    if (!rule?.prompt) continue;
    const prompted = rule as PromptedRule;
    const plan = planOf(note, prompted, finding);
    if ('kind' in plan) {
      if (!plans.some((p) => p.kind === 'replace' && p.span.start < plan.span.end && plan.span.start < p.span.end)) plans.push(plan);
      continue;
    }
    let insertion = inserts.get(plan.at);
    if (!insertion) {
      insertion = { kind: 'insert', at: plan.at, requests: [] };
      inserts.set(plan.at, insertion);
      plans.push(insertion);
    }
    if (!insertion.requests.some((r) => r.rule.id === prompted.id)) insertion.requests.push({ rule: prompted, finding });
  }
  plans.sort((a, b) => startOf(a) - startOf(b));

  let tabstops = 0;
  const numbered = (snippet: string): string => {
    const result = renumberTabstops(snippet, tabstops);
    tabstops += maxTabstop(snippet);
    return result;
  };
  const edits: SnippetEdit[] = [];
  for (const plan of plans) {
    if (plan.kind === 'replace') {
      // `Goals of care:` with nothing after the colon gets a space before the placeholders.
      const space = plan.span.start === plan.span.end && text[plan.span.start - 1] === ':' ? ' ' : '';
      const snippet = plan.fill === 'prompt' ? space + numbered(plan.rule.prompt.snippet) : numbered(`\${1:${escapeSnippetText(text.slice(plan.span.start, plan.span.end))}}`);
      edits.push({ start: plan.span.start, end: plan.span.end, snippet, ruleIds: [plan.rule.id] });
      continue;
    }
    edits.push({ start: plan.at, end: plan.at, snippet: insertionSnippet(note, plan, eol, numbered), ruleIds: plan.requests.map((r) => r.rule.id) });
  }
  return edits;
}

function startOf(plan: Replacement | Insertion): number {
  return plan.kind === 'replace' ? plan.span.start : plan.at;
}

function insertionSnippet(note: AssistNote, plan: Insertion, eol: string, numbered: (snippet: string) => string): string {
  const { text, pack } = note;
  const atStart = text.slice(0, plan.at).trim() === '';
  let snippet = '';
  let first = true;
  const separator = (blankLine: boolean) => (first && atStart ? '' : blankLine ? eol + eol : eol);
  const sameKind = (rule: PromptedRule, kind: SectionKind | undefined) => kind !== undefined && labelSectionKind(pack, rule.prompt) === kind;

  const inSection = plan.requests.filter((r) => !r.finding.insertion.createSection);
  // A prompt named like its section comes first, so that it can go on an empty header line.
  inSection.sort((a, b) => Number(sameKind(b.rule, b.finding.insertion.section)) - Number(sameKind(a.rule, a.finding.insertion.section)));
  for (const { rule, finding } of inSection) {
    const kind = finding.insertion.section;
    if (sameKind(rule, kind) && first && emptyHeaderLineAt(note, plan.at)) {
      // `PLAN:` with nothing after it: the plan's placeholders go on the header line.
      snippet += ` ${numbered(rule.prompt.snippet)}`;
    } else {
      snippet += separator(false) + numbered(sameKind(rule, kind) ? rule.prompt.snippet : promptSnippet(rule.prompt));
    }
    first = false;
  }

  const headers = [...new Set(plan.requests.map((r) => r.finding.insertion.createSection).filter((h): h is string => !!h))];
  for (const header of headers) {
    const title = header.trim().replace(/:\s*$/, '');
    const kind = vocabularyOf(pack).kindOf(title);
    snippet += `${separator(true)}${escapeSnippetText(title)}:`;
    first = false;
    // The prompt named like the new section goes on its header line, the others below it.
    const members = plan.requests.filter((r) => r.finding.insertion.createSection === header).map((r) => r.rule);
    members.sort((a, b) => Number(sameKind(b, kind)) - Number(sameKind(a, kind)));
    members.forEach((rule, i) => {
      if (i === 0 && sameKind(rule, kind)) snippet += ` ${numbered(rule.prompt.snippet)}`;
      else snippet += eol + numbered(sameKind(rule, kind) ? rule.prompt.snippet : promptSnippet(rule.prompt));
    });
  }
  return snippet;
}

/** The findings whose prompts "Insert Prompts for All Missing Elements" writes: each missing core element with a prompt, in pack order. */
export function missingCoreFindings(note: AssistNote): Finding[] {
  const findings: Finding[] = [];
  for (const rule of note.pack.rules) {
    if (rule.level !== 'core' || !rule.prompt) continue;
    const finding = note.analysis.findings.find((f) => f.ruleId === rule.id && f.kind === 'missing');
    if (finding) findings.push(finding);
  }
  return findings;
}
