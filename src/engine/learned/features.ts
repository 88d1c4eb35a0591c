/**
 * What the learned scorer reads in a sentence: its words and word pairs, its
 * section, who speaks, the contexts the pack's triggers put words in, and
 * which of the pack's evidence patterns matched. The same code builds the
 * features for training (src/learn) and for scoring a note, so a model sees
 * at run time exactly what it was trained on.
 *
 * Hard gates are built into the names: a word or pattern match that stands in
 * a gated context for the element (negated, deferred or hypothetical, another
 * person's words, or a look-alike the rule excludes) gets a name starting with
 * `~`, and a `~` feature's weight is never above zero. Such words can only
 * lower a sentence's score, never raise it.
 */
import type { ContextKind, SectionKind, Span, Strength } from '../types';
import type { Speaker } from '../attribution';

export const GATED_MARK = '~';

const SPEAKERS_THAT_SPEAK_FOR_THE_PATIENT = new Set<Speaker>(['patient', 'proxy']);

/** Context kinds as bits, so a word's contexts are one number. */
export const CONTEXT_BIT: Readonly<Record<ContextKind, number>> = {
  negated: 1,
  hypothetical: 2,
  'other-experiencer': 4,
  historical: 8,
  placeholder: 16,
  deferred: 32,
  'copied-forward': 64,
};

export function contextBits(kinds: Iterable<ContextKind>): number {
  let bits = 0;
  for (const kind of kinds) bits |= CONTEXT_BIT[kind];
  return bits;
}

/** A word of a sentence: where it is (relative to its paragraph), its stem and its contexts. */
export interface Token extends Span {
  stem: string;
  /** Context bits; read only once the sentence is complete (see SentenceFacts.complete). */
  contexts: number;
  /** Feature names, ungated: the word (`w:`) and the pair it starts (`b:`, absent for the last word). */
  word: string;
  pair?: string;
}

/** A match of one of the pack's evidence patterns in a sentence. */
export interface PatternHit {
  /** The pattern's key in the model (see patternKey). */
  key: string;
  /** Its feature names: matched (`r:`), and counted by its own rule (`r+:`). */
  name: string;
  countedName: string;
  /** The rule the pattern belongs to. */
  ruleId: string;
  match: Span;
  contexts: number;
  /** Counted as evidence by its own rule (context, speaker and look-alikes allowed); known once the sentence is complete. */
  counted: boolean;
  strength: Strength;
}

/**
 * Everything the features of one sentence are made of; offsets relative to its paragraph. Built in
 * steps: the words and pattern hits first (cheap, enough for an upper bound of every score), then,
 * only for a sentence that may count, the contexts of its words, and last its speaker (the dearest).
 */
export interface SentenceFacts {
  sentence: Span;
  section: SectionKind;
  tokens: Token[];
  hits: PatternHit[];
  /** Set when read: the context kinds any trigger puts anything in (and each word's, in `tokens`). */
  contextsRead: boolean;
  contexts: number;
  /** Set when complete: contexts, who speaks, and which hits count. */
  complete: boolean;
  speaker: Speaker;
}

/** How one element gates a sentence: the contexts that stop its words from counting, and its look-alike spans. */
export interface ElementGate {
  /** CONTEXT_BIT kinds that gate a word for this element. */
  gated: number;
  /** Spans (relative to the paragraph) of the rule's look-alikes: words inside them are gated too. */
  unless: readonly Span[];
}

/** A feature of a sentence, and the word it came from (for explaining a score), if any. */
export interface Feature {
  name: string;
  /** Index into `tokens` of the word (or the first of the pair) it came from. */
  token?: number;
}

const WORD = /[a-z0-9]+(?:'[a-z]+)?/g;

/**
 * A crude suffix stripper: enough that "worried", "worries" and "worry" share
 * a feature, which matters when a few hundred notes are all there is to learn from.
 */
export function stem(word: string): string {
  if (/^\d/.test(word)) return '#';
  let w = word.replace(/'s$/, '');
  if (w.length <= 3) return w;
  if (w.endsWith('ies') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ied') && w.length > 4) return w.slice(0, -3) + 'y';
  if (w.endsWith('ing') && w.length > 5) w = w.slice(0, -3);
  else if (w.endsWith('ed') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('ly') && w.length > 4) w = w.slice(0, -2);
  else if (w.endsWith('es') && w.length > 4 && /(?:ss|sh|ch|x|z)es$/.test(w)) w = w.slice(0, -2);
  else if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) w = w.slice(0, -1);
  // Doubled final consonants left by -ed/-ing ("stopped" → "stopp" → "stop").
  if (/([bdgklmnprt])\1$/.test(w) && w.length > 3) w = w.slice(0, -1);
  if (w.endsWith('e') && w.length > 4) w = w.slice(0, -1);
  return w;
}

const stems = new Map<string, { stem: string; word: string }>();
const STEM_CACHE_LIMIT = 50_000;

/**
 * The words of a sentence of `folded` (case-folded paragraph text), each with its span and feature
 * names. `pairs`, when given, says which neighbouring stems may make a pair feature worth naming
 * (a model's pairs); without it every pair is named (training).
 */
export function tokenize(folded: string, sentence: Span, pairs?: (first: string, second: string) => boolean): Token[] {
  const body = folded.slice(sentence.start, sentence.end);
  const tokens: Token[] = [];
  WORD.lastIndex = 0;
  for (let m = WORD.exec(body); m; m = WORD.exec(body)) {
    let known = stems.get(m[0]);
    if (!known) {
      const s = stem(m[0]);
      known = { stem: s, word: `w:${s}` };
      if (stems.size >= STEM_CACHE_LIMIT) stems.clear();
      stems.set(m[0], known);
    }
    tokens.push({ start: sentence.start + m.index, end: sentence.start + m.index + m[0].length, stem: known.stem, contexts: 0, word: known.word });
  }
  for (let i = 0; i + 1 < tokens.length; i++) {
    if (!pairs || pairs(tokens[i].stem, tokens[i + 1].stem)) tokens[i].pair = `b:${tokens[i].stem} ${tokens[i + 1].stem}`;
  }
  return tokens;
}

export const SPEAKERS: readonly Speaker[] = ['patient', 'proxy', 'clinician', 'other', 'unknown'];

/** The speaker as the section-and-speaker feature reads it: a proxy speaks as the patient. */
export function speakerClass(speaker: Speaker): string {
  return SPEAKERS_THAT_SPEAK_FOR_THE_PATIENT.has(speaker) ? 'patient' : speaker;
}

function inside(spans: readonly Span[], span: Span): boolean {
  for (const s of spans) if (s.start <= span.start && span.end <= s.end) return true;
  return false;
}


/**
 * The features of one sentence for one element. Each name is a kind and a value:
 * `w:` a word stem, `b:` a pair of neighbouring stems, `s:` the section kind,
 * `p:` the speaker, `c:` a context some trigger puts part of the sentence in,
 * `r:` an evidence pattern that matched, `r+:` one its own rule counted, and
 * `sp:` section and speaker together. Gated ones begin with `~`.
 */
export function featuresOf(facts: SentenceFacts, gate: ElementGate): Feature[] {
  const features: Feature[] = [{ name: `s:${facts.section}` }, { name: `p:${facts.speaker}` }, { name: `sp:${facts.section}/${speakerClass(facts.speaker)}` }];
  for (const [kind, bit] of Object.entries(CONTEXT_BIT)) {
    if (facts.contexts & bit) features.push({ name: `${gate.gated & bit ? GATED_MARK : ''}c:${kind}` });
  }
  const tokens = facts.tokens;
  const gated = tokens.map((t) => (t.contexts & gate.gated) !== 0 || (gate.unless.length > 0 && inside(gate.unless, t)));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    features.push({ name: gated[i] ? GATED_MARK + t.word : t.word, token: i });
    if (t.pair) features.push({ name: gated[i] || gated[i + 1] ? GATED_MARK + t.pair : t.pair, token: i });
  }
  for (const hit of facts.hits) {
    const isGated = (hit.contexts & gate.gated) !== 0 || (gate.unless.length > 0 && inside(gate.unless, hit.match));
    features.push({ name: isGated ? GATED_MARK + hit.name : hit.name });
    if (hit.counted && !isGated) features.push({ name: hit.countedName });
  }
  return features;
}
