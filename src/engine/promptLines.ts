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

/** The label patterns of a pack: built once per pack. */
export class PromptLabels {
  /** At a line start: optional bullet or numbering, one of the labels, a colon. */
  private readonly regex: RegExp | undefined;
  private readonly owners: string[] = [];

  constructor(rules: readonly Rule[]) {
    const alternatives: string[] = [];
    const seen = new Set<string>();
    for (const rule of rules) {
      if (!rule.prompt) continue;
      for (const name of [rule.prompt.label, rule.title]) {
        const key = name.trim().toLowerCase();
        // A name two rules share belongs to the first (pack order); an empty one to none.
        if (!key || seen.has(key)) continue;
        seen.add(key);
        alternatives.push(`(${escapeRegExp(name.trim()).replace(/\s+/g, '[ \\t]+').replace(/'/g, "['’]")})`);
        this.owners.push(rule.id);
      }
    }
    this.regex = alternatives.length
      ? new RegExp(`\\ufeff?[ \\t]*(?:[-*•][ \\t]+|(?:\\d{1,2}|[a-z])[.)][ \\t]+)?(?:${alternatives.join('|')})[ \\t]*:`, 'iy')
      : undefined;
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
