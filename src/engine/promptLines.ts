/**
 * Prompt lines: a line that begins with a rule's prompt label or its title
 * ("Shared decision: <...>", "Follow-up: ___") is where that rule's element is
 * to be written. A placeholder left on such a line is that rule's unfilled
 * prompt and no other rule's, so one unfilled line is reported once, under its
 * own rule, whatever words its placeholders use.
 */
import { PLACEHOLDER_SOURCE, escapeRegExp } from './text';
import type { Rule, Span } from './types';

const PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE, 'g');
/** What may open a labelled line before its label: a byte-order mark, indent, a bullet or a number. */
const LINE_OPENING = `\\ufeff?[ \\t]*(?:[-*•][ \\t]+|(?:\\d{1,2}|[a-z])[.)][ \\t]+)?`;

/** A label as a line may write it: any spacing, either apostrophe. */
function labelSource(name: string): string {
  return escapeRegExp(name.trim()).replace(/\s+/g, '[ \\t]+').replace(/'/g, "['’]");
}

/** The names a rule's element line may begin with: its prompt label, its title, and the prompt's other `labels`. */
export function lineLabelsOf(rule: Rule): string[] {
  if (!rule.prompt) return [];
  return [...new Set([rule.prompt.label, rule.title, ...(rule.prompt.labels ?? [])].map((n) => n.trim()).filter(Boolean))];
}

/**
 * A line labelled with one of `names` ("Interpreter:", "- PDMP:"), read at a line start (flags `iy`);
 * group 1 is what follows the colon on the line. Undefined for no names.
 */
export function labelledLineRegex(names: readonly string[]): RegExp | undefined {
  const labels = [...new Set(names.map((n) => n.trim()).filter(Boolean))];
  if (labels.length === 0) return undefined;
  return new RegExp(`${LINE_OPENING}(?:${labels.map(labelSource).join('|')})[ \\t]*:([^\\n]*)`, 'iy');
}

/** How far into a line a label's colon may be. */
const MAX_LABEL_CHARS = 80;
const OPENING = new RegExp(LINE_OPENING, 'y');

/** A label as a key: lower case, single spaces, one apostrophe. */
export function labelKey(label: string): string {
  return label.trim().toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'");
}

/** The note's labelled lines (`Label: ...` near a line start): label key → the starts of its lines, in text order. */
export function labelledLinesOf(text: string): Map<string, number[]> {
  const lines = new Map<string, number[]>();
  // The next colon at or after a line's start, found once and kept until passed: a search per line
  // would scan ahead over every line with none (a note of few labels read its text once per line).
  let colon = -1;
  const NONE = Infinity;
  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (colon < start) {
      const next = text.indexOf(':', start);
      colon = next < 0 ? NONE : next;
    }
    if (colon < end && colon - start <= MAX_LABEL_CHARS) {
      OPENING.lastIndex = start;
      const from = OPENING.exec(text) ? OPENING.lastIndex : start;
      const key = labelKey(text.slice(from, colon));
      const starts = lines.get(key);
      if (starts) starts.push(start);
      else lines.set(key, [start]);
    }
    start = end + 1;
  }
  return lines;
}

const MAX_BARE_LABEL_CHARS = 50;
const MAX_BARE_LABEL_WORDS = 5;

/**
 * Whether `span` lies in the label of a line with nothing written after its colon (`Teach-back:`
 * alone): a template's empty line names the element, it does not document it.
 */
export function inBareLabel(text: string, span: Span): boolean {
  const lineStart = text.lastIndexOf('\n', span.start - 1) + 1;
  let lineEnd = text.indexOf('\n', span.end);
  if (lineEnd < 0) lineEnd = text.length;
  const colon = text.indexOf(':', span.end);
  if (colon < 0 || colon >= lineEnd || text.slice(colon + 1, lineEnd).trim() !== '') return false;
  // A label is a few words ("Goals of care discussion:"), not a sentence that introduces a list.
  const label = text.slice(lineStart, colon).trim();
  return label.length <= MAX_BARE_LABEL_CHARS && label.split(/\s+/).length <= MAX_BARE_LABEL_WORDS;
}


/** The label patterns of a pack: built once per pack. */
export class PromptLabels {
  /** At a line start: optional bullet or numbering, one of the labels, a colon. */
  private readonly regex: RegExp | undefined;
  private readonly owners: string[] = [];

  constructor(rules: readonly Rule[]) {
    const alternatives: string[] = [];
    const seen = new Set<string>();
    for (const rule of rules) {
      for (const name of lineLabelsOf(rule)) {
        const key = name.toLowerCase();
        // A name two rules share belongs to the first (pack order).
        if (seen.has(key)) continue;
        seen.add(key);
        alternatives.push(`(${labelSource(name)})`);
        this.owners.push(rule.id);
      }
    }
    this.regex = alternatives.length ? new RegExp(`${LINE_OPENING}(?:${alternatives.join('|')})[ \\t]*:`, 'iy') : undefined;
  }

  /** The rule whose label begins the line starting at `lineStart`, if any. */
  ownerOfLine(text: string, lineStart: number): string | undefined {
    if (!this.regex) return undefined;
    this.regex.lastIndex = lineStart;
    const m = this.regex.exec(text);
    if (!m) return undefined;
    const group = m.findIndex((g, i) => i > 0 && g !== undefined);
    return group > 0 ? this.owners[group - 1] : undefined;
  }
}

/** The prompt lines of one note: computed on first use, from its placeholders only. */
export class PromptLines {
  private byRule: Map<string, Span[]> | undefined;
  private readonly lineOwners = new Map<number, string | undefined>();

  constructor(
    private readonly text: string,
    private readonly labels: PromptLabels,
  ) {}

  /** The rule that owns the line holding `offset`, if that line is a prompt line. */
  ownerAt(offset: number): string | undefined {
    const lineStart = this.lineOf(offset);
    if (!this.lineOwners.has(lineStart)) this.lineOwners.set(lineStart, this.labels.ownerOfLine(this.text, lineStart));
    return this.lineOwners.get(lineStart);
  }

  /** The first unfilled placeholder of each of the rule's prompt lines. */
  placeholdersOf(ruleId: string): readonly Span[] {
    if (!this.byRule) {
      this.byRule = new Map();
      const done = new Set<string>();
      PLACEHOLDER.lastIndex = 0;
      for (let m = PLACEHOLDER.exec(this.text); m; m = PLACEHOLDER.exec(this.text)) {
        if (m[0].length === 0) {
          PLACEHOLDER.lastIndex++;
          continue;
        }
        const owner = this.ownerAt(m.index);
        if (!owner) continue;
        const line = `${owner}@${this.lineOf(m.index)}`;
        if (done.has(line)) continue;
        done.add(line);
        const spans = this.byRule.get(owner) ?? [];
        spans.push({ start: m.index, end: m.index + m[0].length });
        this.byRule.set(owner, spans);
      }
    }
    return this.byRule.get(ruleId) ?? [];
  }

  /** Whether a placeholder at `offset` may be reported by `ruleId`: not when another rule's prompt line holds it. */
  mayReport(ruleId: string, offset: number): boolean {
    const owner = this.ownerAt(offset);
    return owner === undefined || owner === ruleId;
  }

  private lineOf(offset: number): number {
    let lineStart = offset;
    while (lineStart > 0 && this.text[lineStart - 1] !== '\n' && this.text[lineStart - 1] !== '\r') lineStart--;
    return lineStart;
  }
}
