/**
 * The hover for a place in the note: it teaches one element, the one hovered
 * (the most severe finding there, else the evidence or override line under
 * the pointer): the skill and behavior, why it matters, what counts, and what
 * the note shows. Bounded in length, so it fits a small box; further findings
 * at the same place are counted, not taught ("2 more suggestions in Coverage").
 */
import type { Finding, Rule, RuleStatus, Span } from '../engine';
import type { LearnedReason } from '../engine/learned/model';
import { parseOverrides } from '../engine/overrides';
import { byImportance } from './actions';
import { ruleOf } from './elements';
import { escapeMarkdown, quoteOf, statusText } from './markdown';
import { clip } from './text';
import type { AssistNote } from './types';

/** About what a hover box shows without scrolling. */
export const MAX_HOVER_LENGTH = 1200;
const MAX_QUOTES = 2;

export interface HoverOptions {
  /** Longest hover, counted in characters of its text as shown (markdown escapes not counted). Default 1,200. */
  maxLength?: number;
  /** A link target for the word "Coverage" in "n more suggestions in Coverage" (e.g. a command URI). */
  coverageLink?: string;
  /** Where the other findings of the place are listed, for a face without a coverage view ("in the quick fixes"); default "in Coverage". */
  moreIn?: string;
}

export interface AssistHover {
  /** Markdown; note text and rule text in it are escaped. */
  markdown: string;
  /** The range the hover is about (the finding, evidence or override line). */
  span: Span;
  ruleId: string;
  /** Findings at the same place not taught here. */
  more: number;
}

function holds(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}

interface Subject {
  rule: Rule;
  span: Span;
  /** Set when the hover is about a finding (whose message the editor shows beside the hover). */
  finding?: Finding;
  status?: RuleStatus;
  quotes: string[];
  overrideReason?: string;
  notApplicableReason?: string;
  /** Why evidence found by the learned scorer counts: its score and the words that weighed most. */
  learnedWhy?: string;
}

/** Why the learned scorer credited a sentence, in words: the rule's patterns did not match it. */
function learnedWhy(reason: LearnedReason, text: string): string {
  const words = [...new Set(reason.words.map((w) => text.slice(w.start, w.end)))].slice(0, 4);
  const weighed = words.length > 0 ? `; the words that weighed most: ${words.map((w) => `“${w}”`).join(', ')}` : '';
  const patterns = reason.patterns.length > 0 ? `; patterns of ${reason.patterns.join(', ')} matched in it` : '';
  return `Why: no pattern of this rule matched; the learned scorer gave the sentence ${reason.score.toFixed(2)} (it counts from ${reason.threshold.toFixed(2)})${weighed}${patterns}.`;
}

/** The hover at `offset`, or undefined when nothing of ours is there. */
export function hoverFor(note: AssistNote, offset: number, options: HoverOptions = {}): AssistHover | undefined {
  const { analysis, pack, text } = note;
  if (analysis.skipped) return undefined;
  const resultOf = (ruleId: string) => analysis.results.find((r) => r.ruleId === ruleId);
  const quotesOf = (ruleId: string) => (resultOf(ruleId)?.evidence ?? []).slice(0, MAX_QUOTES).map((e) => text.slice(e.span.start, e.span.end));

  const here = byImportance(note, analysis.findings.filter((f) => holds(f.range, offset) && ruleOf(pack, f.ruleId)));
  const rulesHere = [...new Set(here.map((f) => f.ruleId))];
  let subject: Subject | undefined;
  if (here.length > 0) {
    const finding = here[0];
    subject = { rule: ruleOf(pack, finding.ruleId)!, span: finding.range, finding, status: resultOf(finding.ruleId)?.status, quotes: quotesOf(finding.ruleId) };
  } else {
    const override = parseOverrides(text, pack.rules).find((o) => holds(o.span, offset) && ruleOf(pack, o.ruleId));
    if (override) {
      subject = { rule: ruleOf(pack, override.ruleId)!, span: override.span, status: resultOf(override.ruleId)?.status, quotes: [], overrideReason: override.reason };
    } else {
      for (const result of analysis.results) {
        const evidence = result.evidence.find((e) => holds(e.span, offset));
        const rule = evidence && ruleOf(pack, result.ruleId);
        if (evidence && rule) {
          subject = {
            rule,
            span: evidence.span,
            status: result.status,
            quotes: [text.slice(evidence.span.start, evidence.span.end)],
            learnedWhy: evidence.learned ? learnedWhy(evidence.learned, text) : undefined,
          };
          break;
        }
      }
    }
  }
  if (!subject) return undefined;
  const more = Math.max(0, rulesHere.length - 1);
  return { markdown: hoverMarkdown(subject, more, options), span: subject.span, ruleId: subject.rule.id, more };
}

/** A block of the hover: its text as shown, and how to render that text as markdown. */
interface Block {
  text: string;
  render: (text: string) => string;
  /** Blocks with a floor can be cut down to it (characters); the others are kept whole. */
  floor?: number;
}

/** What the note shows of a rule, for `ruleMarkdown`. */
export interface RuleDetails {
  status?: RuleStatus;
  /** Evidence quoted from the note (the first two are shown). */
  quotes?: string[];
  /** The reason of an override line, when the element was marked as discussed. */
  overrideReason?: string;
  /** Why the rule does not apply to this note (status `not-applicable`). */
  notApplicableReason?: string;
}

/** One rule taught in bounded markdown (a hover, a tooltip): skill and behavior, why, what counts, what the note shows. */
export function ruleMarkdown(rule: Rule, details: RuleDetails = {}, options: HoverOptions = {}): string {
  return hoverMarkdown({ rule, span: { start: 0, end: 0 }, status: details.status, quotes: (details.quotes ?? []).slice(0, MAX_QUOTES), overrideReason: details.overrideReason, notApplicableReason: details.notApplicableReason }, 0, options);
}

function hoverMarkdown(subject: Subject, more: number, options: HoverOptions): string {
  const { rule } = subject;
  const max = options.maxLength ?? MAX_HOVER_LENGTH;
  const plain = (text: string) => escapeMarkdown(text);
  const blocks: Block[] = [
    { text: `${rule.title} — ${rule.skill}: ${rule.behavior}`, render: () => `**${plain(rule.title)}** \u2014 ${plain(rule.skill)}: *${plain(rule.behavior)}*` },
    { text: rule.rationale, render: plain, floor: 120 },
    { text: `What counts: ${rule.counts}`, render: (t) => `**What counts:** ${plain(t.replace(/^What counts: /, ''))}`, floor: 100 },
  ];
  if (subject.overrideReason !== undefined) {
    const reason = subject.overrideReason || '(no reason given)';
    blocks.push({ text: `Marked as discussed, not documented: ${reason}`, render: (t) => `**Marked as discussed, not documented:** ${plain(t.replace(/^[^:]*: /, ''))}`, floor: 60 });
  } else if (subject.quotes.length > 0 && subject.status !== 'missing') {
    const heading = `Found in this note${subject.status === 'weak' ? ' (boilerplate only)' : ''}:`;
    blocks.push({ text: heading, render: () => `**${heading}**` });
    for (const quote of subject.quotes) blocks.push({ text: `“${quoteOf(quote)}”`, render: (t) => `> ${plain(t)}`, floor: 40 });
    if (subject.learnedWhy) blocks.push({ text: subject.learnedWhy, render: (t) => `**Why:** ${plain(t.replace(/^Why: /, ''))}`, floor: 80 });
  } else if (!subject.finding) {
    // A finding's own message already says what is missing; anything else says where it stands.
    const why = subject.notApplicableReason ? `: ${subject.notApplicableReason}` : '';
    blocks.push({ text: `In this note: ${subject.status ? statusText(subject.status) : 'not found'}${why}`, render: (t) => `**In this note:** ${plain(t.replace(/^In this note: /, ''))}` });
  }
  if (more > 0) {
    const suggestions = `${more} more suggestion${more === 1 ? '' : 's'}`;
    if (options.moreIn !== undefined) {
      blocks.push({ text: `${suggestions} ${options.moreIn}`, render: (t) => `*${plain(t)}*` });
    } else {
      blocks.push({
        text: `${suggestions} in Coverage`,
        render: () => `*${suggestions} in ${options.coverageLink ? `[Coverage](${options.coverageLink})` : 'Coverage'}*`,
      });
    }
  }
  fit(blocks, max);
  return blocks.map((b) => b.render(b.text)).join('\n\n');
}

/** Cuts the longest cuttable blocks, at word boundaries, until the shown text fits `max` characters. */
function fit(blocks: Block[], max: number): void {
  const separators = (blocks.length - 1) * 2;
  let total = () => blocks.reduce((n, b) => n + b.text.length, separators);
  for (let guard = 0; total() > max && guard < 100; guard++) {
    const cuttable = blocks.filter((b) => b.floor !== undefined && b.text.length > b.floor);
    if (cuttable.length === 0) break;
    const longest = cuttable.reduce((a, b) => (b.text.length > a.text.length ? b : a));
    const target = Math.max(longest.floor!, longest.text.length - (total() - max));
    longest.text = clip(longest.text, target);
  }
  // Whatever is left over (a huge custom title) is cut plainly.
  total = () => blocks.reduce((n, b) => n + b.text.length, separators);
  while (total() > max && blocks.length > 1) blocks.splice(blocks.length - 2, 1);
}
