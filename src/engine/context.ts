/**
 * ConText-style context: trigger phrases put the words within their scope
 * (a direction, a word limit, and terminators that end a clause) into a
 * context — negated, hypothetical, another experiencer, historical, or an
 * unfilled template placeholder. The triggers are data in the rule pack.
 */
import { globalSpans, type Occurrences } from './prefilter';
import { PLACEHOLDER_SOURCE, escapeRegExp, foldPatternSource } from './text';
import type { ContextDefinitions, ContextKind, ContextTrigger, Span, WordList } from './types';
import { expandWordLists } from './vocabulary';

const DEFAULT_MAX_WORDS = 6;
const WORD = /[\p{L}\p{N}]+/gu;

interface CompiledTrigger {
  trigger: ContextTrigger;
  regex: RegExp;
}

interface TriggerHit extends Span {
  trigger: ContextTrigger;
}

/** Trigger hits and clause boundaries of one sentence, computed once and shared by every rule. */
export interface SentenceContext {
  terminators: number[];
  commas: number[];
  /** The hits again, sorted, so that a match looks only at the hits near it (a long sentence has many). */
  byEnd: TriggerHit[];
  byStart: TriggerHit[];
  /** Hits whose context is the whole sentence (placeholders among them). */
  sentenceWide: TriggerHit[];
  /** Where each word of the sentence starts (WORD runs), ascending. */
  wordStarts: number[];
}

/**
 * Wraps a pattern so that it matches whole words only, case-insensitively,
 * in case-folded text (see foldCase). ASCII patterns are folded too and
 * compile with neither `i` nor `u`, which V8 runs several times faster;
 * patterns with Unicode classes or letters keep both flags.
 *
 * The word boundary holds only at an end of the match that is a letter or
 * digit: `said,\s+"` matches before `One` (its match ends in a quote), while
 * `plan` still does not match inside `planning`.
 */
export function wordBounded(source: string): RegExp {
  if (!/\\[pP]\{|[^\x00-\x7f]/.test(source)) {
    try {
      const regex = new RegExp(bounded(foldPatternSource(source), '[a-z0-9]'), 'g');
      foldedWordStart.add(regex);
      return regex;
    } catch {
      // Valid only as a Unicode pattern: fall through.
    }
  }
  return new RegExp(bounded(source, String.raw`[\p{L}\p{N}]`), 'giu');
}

/** `source` that neither begins nor ends inside a word. */
function bounded(source: string, word: string): string {
  // Not between two word characters, at either end: a boundary where the match has a word character there, none where it has punctuation.
  const boundary = `(?!(?<=${word})${word})`;
  return `${boundary}(?:${source})${boundary}`;
}

const foldedWordStart = new WeakSet<RegExp>();

/**
 * Whether `regex` runs on folded text and begins no match with a letter or digit right after
 * another one (wordBounded's folded regexes): the one-pass literal scan may stand in for it
 * (see LiteralIndex).
 */
export function beginsAtWordStart(regex: RegExp): boolean {
  return foldedWordStart.has(regex);
}

// A sentence that still holds an unfilled placeholder is a prompt not yet written, whatever else it says.
const PLACEHOLDER_TRIGGER: ContextTrigger = { kind: 'placeholder', pattern: PLACEHOLDER_SOURCE, direction: 'both', scope: 'sentence' };

/** A trigger whose context reaches the end of its paragraph, from the start of its sentence. */
export interface ParagraphHit {
  /** Where the trigger's sentence starts: it and every later sentence of the paragraph are in its context. */
  from: number;
  trigger: ContextTrigger;
}

export class ContextMatcher {
  private readonly triggers: CompiledTrigger[];
  private readonly paragraphTriggers: CompiledTrigger[];
  private readonly terminator: RegExp;
  private readonly pseudo: RegExp | undefined;
  /** The widest word limit of any trigger: no hit further away than this can apply. */
  private readonly maxWords: number;

  /** `lists` are the pack's word lists, which trigger patterns may name (`{negations}`). */
  constructor(definitions: ContextDefinitions, lists: Readonly<Record<WordList, readonly string[]>>) {
    this.triggers = definitions.triggers.map((trigger) => ({ trigger, regex: wordBounded(expandWordLists(trigger.pattern, lists)) }));
    this.triggers.push({ trigger: PLACEHOLDER_TRIGGER, regex: new RegExp(foldPatternSource(PLACEHOLDER_SOURCE), 'g') });
    this.paragraphTriggers = this.triggers.filter(({ trigger }) => trigger.scope === 'paragraph');
    this.maxWords = Math.max(...this.triggers.map(({ trigger }) => trigger.maxWords ?? DEFAULT_MAX_WORDS));
    const terminators = definitions.terminators.map(escapeRegExp).join('|');
    this.terminator = new RegExp(String.raw`;|(?<![\p{L}\p{N}])(?:${terminators || '(?!)'})(?![\p{L}\p{N}])`, 'giu');
    this.pseudo = definitions.pseudo.length ? wordBounded(definitions.pseudo.map(escapeRegExp).join('|')) : undefined;
  }

  /** The trigger and pseudo-trigger regexes, for the pack's one-pass literal scan. */
  regexes(): RegExp[] {
    return [...this.triggers.map((t) => t.regex), ...(this.pseudo ? [this.pseudo] : [])];
  }

  /** Reads the triggers of a sentence; offsets are absolute. `occurrences`: the pack's literals in `text`, when scanned. */
  scan(text: string, sentence: Span, occurrences?: Occurrences): SentenceContext {
    const body = text.slice(sentence.start, sentence.end);
    const spans = (regex: RegExp) => (occurrences ? occurrences.spans(regex, body, sentence.start) : globalSpans(regex, body));
    const pseudoSpans = this.pseudo ? spans(this.pseudo) : [];
    const hits: TriggerHit[] = [];
    for (const { trigger, regex } of this.triggers) {
      for (const { start, end } of spans(regex)) {
        if (pseudoSpans.some((p) => p.start <= start && end <= p.end)) continue;
        hits.push({ start: sentence.start + start, end: sentence.start + end, trigger });
      }
    }
    // Clause ends, commas and word starts only bound a trigger's scope: a sentence with no scoped
    // trigger (most sentences) needs none of them.
    // (contextsOf yields the sentence-wide hits first, whatever the order of the others.)
    if (!hits.some((h) => h.trigger.scope === undefined)) return { terminators: [], commas: [], byEnd: hits, byStart: hits, sentenceWide: hits, wordStarts: [] };
    const terminators: number[] = [];
    this.terminator.lastIndex = 0;
    for (let m = this.terminator.exec(body); m; m = this.terminator.exec(body)) terminators.push(sentence.start + m.index);
    const commas: number[] = [];
    for (let i = body.indexOf(','); i !== -1; i = body.indexOf(',', i + 1)) commas.push(sentence.start + i);
    const wordStarts: number[] = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(body); m; m = WORD.exec(body)) wordStarts.push(sentence.start + m.index);
    return {
      terminators,
      commas,
      byEnd: [...hits].sort((a, b) => a.end - b.end),
      byStart: [...hits].sort((a, b) => a.start - b.start),
      sentenceWide: hits.filter((h) => h.trigger.scope !== undefined),
      wordStarts,
    };
  }

  /**
   * The contexts that apply to `match`. With `proxy`, triggers marked
   * `proxyCounts` (a parent speaking for a child) do not apply.
   */
  contextsOf(text: string, context: SentenceContext, match: Span, proxy: boolean): Set<ContextKind> {
    const kinds = new Set<ContextKind>();
    if (context.byStart.length === 0) return kinds;
    for (const hit of this.candidates(context, match)) {
      if (kinds.has(hit.trigger.kind)) continue;
      if (proxy && hit.trigger.proxyCounts) continue;
      if (hit.trigger.scope !== undefined) {
        kinds.add(hit.trigger.kind);
        continue;
      }
      const { direction } = hit.trigger;
      const maxWords = hit.trigger.maxWords ?? DEFAULT_MAX_WORDS;
      const commas = hit.trigger.endsAtComma ? context.commas : undefined;
      // A trigger inside the match ("declined" in "declined surgery") is neither before nor after it: it is what the rule asked for.
      // Someone else, a deferral or a copied block that straddles an edge of the match reaches it from that side
      // ("nurse is concerned" before "concerned about"; "to be determined" after "follow-up to"). A negation or a
      // hypothetical that shares words with the match is part of what the rule asked for ("is not" in "not interested").
      const straddles = !SHARED_WITH_MATCH.has(hit.trigger.kind);
      const forward = direction !== 'backward' && hit.start < match.start && (hit.end <= match.start ? inScope(text, hit.end, match.start, maxWords, context.terminators, commas) : straddles);
      const backward = direction !== 'forward' && hit.end > match.end && (hit.start >= match.end ? inScope(text, match.end, hit.start, maxWords, context.terminators, commas) : straddles);
      if (forward || backward) kinds.add(hit.trigger.kind);
    }
    return kinds;
  }

  /**
   * The paragraph-wide triggers of a paragraph (`sentences` of `text`, in order), each with the start of
   * its sentence; computed once per paragraph. `occurrences`: the pack's literals in `text`, when scanned.
   */
  paragraphHits(text: string, sentences: readonly Span[], occurrences?: Occurrences): ParagraphHit[] {
    const hits: ParagraphHit[] = [];
    for (const { trigger, regex } of this.paragraphTriggers) {
      for (const { start } of occurrences ? occurrences.spans(regex) : globalSpans(regex, text)) {
        const sentence = sentences.find((s) => s.start <= start && start < s.end);
        if (sentence) hits.push({ from: sentence.start, trigger });
      }
    }
    return hits.sort((a, b) => a.from - b.from);
  }

  /** The contexts that paragraph-wide triggers carry into a sentence starting at `sentenceStart`. */
  carriedInto(hits: readonly ParagraphHit[], sentenceStart: number, proxy: boolean): ContextKind[] {
    const kinds: ContextKind[] = [];
    for (const hit of hits) {
      if (hit.from > sentenceStart) break;
      if (proxy && hit.trigger.proxyCounts) continue;
      if (!kinds.includes(hit.trigger.kind)) kinds.push(hit.trigger.kind);
    }
    return kinds;
  }

  /**
   * The hits that may apply to `match`: the others are too many words away
   * (inScope has the last word). Without this, a very long sentence
   * (dictation without punctuation) costs matches × hits.
   */
  private *candidates(context: SentenceContext, match: Span): Generator<TriggerHit> {
    const { byEnd, byStart, wordStarts } = context;
    yield* context.sentenceWide;
    // Forward: hits ending within maxWords + 1 words before the match.
    const wordsBefore = lowerBound(wordStarts, match.start);
    const from = wordsBefore > this.maxWords ? wordStarts[wordsBefore - this.maxWords - 1] + 1 : -Infinity;
    for (let i = lowerBound(byEnd, from, (h) => h.end); i < byEnd.length && byEnd[i].end <= match.start; i++) yield byEnd[i];
    // Backward: hits starting within maxWords + 1 words after the match.
    const wordsAfter = lowerBound(wordStarts, match.end);
    const to = wordsAfter + this.maxWords < wordStarts.length ? wordStarts[wordsAfter + this.maxWords] : Infinity;
    for (let i = lowerBound(byStart, match.end, (h) => h.start); i < byStart.length && byStart[i].start <= to; i++) yield byStart[i];
    // Straddling an edge of the match: ending inside or after it, starting before its end (a trigger is short).
    for (let i = lowerBound(byEnd, match.start + 1, (h) => h.end); i < byEnd.length && byEnd[i].end <= match.end + MAX_TRIGGER_CHARS; i++) {
      const hit = byEnd[i];
      if (hit.start < match.end && (hit.start < match.start || hit.end > match.end)) yield hit;
    }
  }
}

/** Kinds whose trigger words, shared with a match, belong to it rather than qualify it. */
const SHARED_WITH_MATCH: ReadonlySet<ContextKind> = new Set<ContextKind>(['negated', 'hypothetical']);

/** Longer than any trigger's match but a sentence- or paragraph-wide one (which candidates yields apart). */
const MAX_TRIGGER_CHARS = 160;

/** The index of the first item whose key is at least `value` (items ascending by key). */
function lowerBound<T>(items: readonly T[], value: number, key: (item: T) => number = (item) => item as unknown as number): number {
  let low = 0;
  let high = items.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (key(items[mid]) < value) low = mid + 1;
    else high = mid;
  }
  return low;
}

/** Whether [from, to) is within `maxWords` words and crosses no terminator (nor comma, when given). */
function inScope(text: string, from: number, to: number, maxWords: number, terminators: number[], commas?: number[]): boolean {
  if (anyWithin(terminators, from, to)) return false;
  if (commas && anyWithin(commas, from, to)) return false;
  const between = text.slice(from, to);
  WORD.lastIndex = 0;
  let words = 0;
  while (WORD.exec(between)) if (++words > maxWords) return false;
  return true;
}

/** Whether any of the ascending `offsets` lies in [from, to). */
function anyWithin(offsets: readonly number[], from: number, to: number): boolean {
  const i = lowerBound(offsets, from);
  return i < offsets.length && offsets[i] < to;
}
