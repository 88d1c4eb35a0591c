/**
 * The learned sentence scorer: one logistic model per core element, trained
 * from labelled notes (src/learn, `npm run train`) and shipped as data in the
 * rule pack (`learned`). It works beside the rule's patterns, not instead
 * of them: what a pattern credits still counts, and any other sentence counts
 * when its score reaches the element's `threshold` (chosen on training notes;
 * absent when scoring did not help there, and then the patterns decide
 * alone). A sentence the scorer adds must pass the hard gates:
 * - a sentence that still holds an unfilled placeholder never counts;
 * - for an element the patient must voice (its rule asks for a speaker),
 *   another person's sentence never counts;
 * - a word in a gated context (negated, deferred, another person's words, a
 *   look-alike the rule excludes) only ever lowers the score (features.ts).
 * Evidence names the words that weighed most, as offsets, so a hover can say why.
 */
import { countsAsEvidence } from '../checks/evidence';
import type { CompiledPattern } from '../compile';
import { CONTEXT_BIT, featuresOf, GATED_MARK, SPEAKERS, speakerClass, type ElementGate, type SentenceFacts } from './features';
import { spansOf, type KeyedPattern, type UnitMatch } from '../units';
import type { ContextKind, EvidencePattern, Rule, SectionKind, Span } from '../types';

/** The weights file: what `npm run train` writes and a rule pack carries as `learned`. */
export interface LearnedWeights {
  format: 1;
  /** How the weights were made, in words (data, seed, options). */
  trainedOn: string;
  /** Pattern key ("explain.hopes#0") → fingerprint of the pattern it was trained with. */
  patterns: Record<string, string>;
  elements: Record<string, LearnedElement>;
}

export interface LearnedElement {
  /** Fingerprint of the rule's evidence list when trained; another list (a pack that replaced it) turns the model off for the rule. */
  evidence: string;
  bias: number;
  /** A sentence counts when bias + Σ weights ≥ threshold; absent: the scorer adds none (the patterns decide alone). */
  threshold?: number;
  weights: Record<string, number>;
}

/** Why a sentence counts, for hovers: its score over the threshold and the words that weighed most. */
export interface LearnedReason {
  kind: 'learned';
  score: number;
  threshold: number;
  /** The words that raised the score most, strongest first (offsets into the note). */
  words: Span[];
  /** Rules whose patterns matched in the sentence and raised the score. */
  patterns: string[];
}

/** A short, stable fingerprint (FNV-1a, 32 bits) of a pattern or evidence list. */
export function fingerprint(value: unknown): string {
  const text = JSON.stringify(value);
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export function patternKey(ruleId: string, index: number): string {
  return `${ruleId}#${index}`;
}

const GATEABLE: readonly ContextKind[] = ['negated', 'hypothetical', 'other-experiencer', 'deferred', 'copied-forward'];

/** The contexts that gate an element's words: all gateable ones, except those every pattern of its rule allows. */
export function gatedContexts(rule: Rule): number {
  const regexPatterns = rule.evidence.filter((e) => e.anyContent === undefined);
  let bits = 0;
  for (const kind of GATEABLE) {
    if (!regexPatterns.length || !regexPatterns.every((e) => e.allowContext?.includes(kind))) bits |= CONTEXT_BIT[kind];
  }
  return bits;
}

/** Whether the rule asks for the patient's voice (any of its patterns names a speaker). */
export function patientVoiced(rule: Rule): boolean {
  return rule.evidence.some((e: EvidencePattern) => e.attribution !== undefined);
}

export interface ScoredSentence {
  /** Index into the unit's facts. */
  index: number;
  score: number;
  reason: LearnedReason;
}

export class ElementScorer {
  readonly ruleId: string;
  private readonly weights: Map<string, number>;
  private readonly bias: number;
  /** Scores at or above this add a sentence (Infinity: never). */
  readonly threshold: number;
  /** Whether the rule looks for evidence in a section at all (some pattern of it may match there): the scorer reads only those. */
  readonly reads: (section: SectionKind) => boolean;
  private readonly gated: number;
  private readonly voiced: boolean;
  /** The look-alikes of the rule's patterns, as regexes on folded text. */
  private readonly unless: RegExp[];
  private readonly speakerUpper = new Map<string, number>();
  constructor(rule: Rule, element: LearnedElement, patterns: readonly CompiledPattern[]) {
    this.ruleId = rule.id;
    const searched = patterns.filter((p) => p.regex);
    this.reads = (section) => searched.some((p) => (!p.sections || p.sections.has(section)) && !p.notSections?.has(section));
    this.bias = element.bias;
    this.threshold = element.threshold ?? Infinity;
    // A gated feature never raises a score, whatever the file says.
    this.weights = new Map(Object.entries(element.weights).map(([name, w]) => [name, name.startsWith(GATED_MARK) ? Math.min(w, 0) : w]));
    this.gated = gatedContexts(rule);
    this.voiced = patientVoiced(rule);
    this.unless = patterns.flatMap((p) => (p.unless ? [p.unless] : []));
  }

  /** The feature weights, for bounds over several scorers. */
  weightEntries(): IterableIterator<[string, number]> {
    return this.weights.entries();
  }

  weightOf(name: string): number {
    return this.weights.get(name) ?? 0;
  }

  get biasWeight(): number {
    return this.bias;
  }

  /** The score with the speaker's features (and whether hits count, which may need the speaker) at their most. */
  private boundWithoutSpeaker(facts: SentenceFacts, gate: ElementGate): number {
    let bound = this.bias + this.speakerBound(facts.section);
    for (const feature of featuresOf(facts, gate)) {
      if (feature.name.startsWith('p:') || feature.name.startsWith('sp:')) continue;
      bound += this.weights.get(feature.name) ?? 0;
    }
    for (const hit of facts.hits) bound += Math.max(0, this.weights.get(hit.countedName) ?? 0);
    return bound;
  }

  private speakerBound(section: string): number {
    let bound = this.speakerUpper.get(section);
    if (bound === undefined) {
      bound = Math.max(...SPEAKERS.map((speaker) => (this.weights.get(`p:${speaker}`) ?? 0) + (this.weights.get(`sp:${section}/${speakerClass(speaker)}`) ?? 0)));
      this.speakerUpper.set(section, bound);
    }
    return bound;
  }

  /** The gate of this element in one paragraph (its look-alike spans there). */
  gate(folded: string): ElementGate {
    return { gated: this.gated, unless: this.unless.flatMap((regex) => spansOf(regex, folded)) };
  }

  /** Whether a sentence may count at all, whatever its words (a section the rule does not search, a placeholder, another speaker). */
  eligible(facts: SentenceFacts): boolean {
    if (!this.reads(facts.section)) return false;
    if (facts.contexts & CONTEXT_BIT.placeholder) return false;
    if (this.voiced && (facts.speaker === 'other')) return false;
    return true;
  }

  /** The sentence's score: bias plus the weights of its features. */
  score(facts: SentenceFacts, gate: ElementGate): number {
    let score = this.bias;
    for (const feature of featuresOf(facts, gate)) score += this.weights.get(feature.name) ?? 0;
    return score;
  }

  /**
   * The sentences of one paragraph that score over the threshold, with the reason (offsets of `words`
   * relative to the paragraph). Only a sentence whose bound reaches the threshold is scored;
   * `complete` fills in its contexts and speaker, which cost the most to read.
   */
  review(facts: readonly SentenceFacts[], bounds: readonly Float64Array[], column: number, folded: string, reader: FactsReader): ScoredSentence[] {
    const added: ScoredSentence[] = [];
    let gate: ElementGate | undefined;
    facts.forEach((light, index) => {
      if (bounds[index][column] < this.threshold) return;
      gate ??= this.gate(folded);
      // With the contexts read, a tighter bound: only the speaker and what depends on it left open.
      if (!light.complete && this.boundWithoutSpeaker(reader.readContexts(light), gate) < this.threshold) return;
      const f = reader.complete(light);
      if (!this.eligible(f)) return;
      const features = featuresOf(f, gate);
      let score = this.bias;
      const byToken = new Map<number, number>();
      const patterns = new Set<string>();
      for (const feature of features) {
        const w = this.weights.get(feature.name);
        if (w === undefined) continue;
        score += w;
        if (w > 0 && feature.token !== undefined) byToken.set(feature.token, (byToken.get(feature.token) ?? 0) + w);
        if (w > 0 && feature.name.startsWith('r')) patterns.add(feature.name.slice(feature.name.indexOf(':') + 1).split('#')[0]);
      }
      if (score < this.threshold) return;
      const words = [...byToken.entries()]
        .filter(([, w]) => w > 0)
        .sort((a, b) => b[1] - a[1] || a[0] - b[0])
        .slice(0, 3)
        .map(([token]) => ({ start: f.tokens[token].start, end: f.tokens[token].end }));
      added.push({ index, score, reason: { kind: 'learned', score: round(score), threshold: this.threshold, words, patterns: [...patterns].sort() } });
    });
    return added;
  }
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/**
 * Upper bounds of every scorer's score for a sentence, from its words and pattern hits alone:
 * whatever the contexts of its words and its speaker turn out to be, no score can be higher. A
 * sentence under every threshold by this bound needs neither (they cost the most to read). One
 * lookup per word serves all the scorers.
 */
export class ScoreBounds {
  /** Per ungated feature name: per scorer, the most it or its gated twin can add (never below zero). */
  private readonly upper = new Map<string, Float64Array>();
  private readonly bySection = new Map<string, Float64Array>();
  /** Stems that begin, and that end, a pair feature of some scorer. */
  private readonly pairFirsts = new Set<string>();
  private readonly pairSeconds = new Set<string>();
  /** Only pairs of stems some scorer weighs are worth naming when a sentence is read. */
  readonly pairs = (first: string, second: string): boolean => this.pairFirsts.has(first) && this.pairSeconds.has(second);

  constructor(private readonly scorers: readonly ElementScorer[]) {
    scorers.forEach((scorer, column) => {
      for (const [name, w] of scorer.weightEntries()) {
        const plain = name.startsWith(GATED_MARK) ? name.slice(GATED_MARK.length) : name;
        if (plain.startsWith('b:')) {
          const [first, second] = plain.slice(2).split(' ');
          this.pairFirsts.add(first);
          this.pairSeconds.add(second);
        }
        let row = this.upper.get(plain);
        if (!row) this.upper.set(plain, (row = new Float64Array(scorers.length)));
        row[column] = Math.max(row[column], w);
      }
    });
  }

  /** What every sentence of a section starts from: bias, section, the most its context flags and speaker can add. */
  private base(section: string): Float64Array {
    let base = this.bySection.get(section);
    if (!base) {
      base = new Float64Array(this.scorers.map((scorer, column) => {
        let bound = scorer.biasWeight + scorer.weightOf(`s:${section}`);
        for (const kind of Object.keys(CONTEXT_BIT)) bound += this.upper.get(`c:${kind}`)?.[column] ?? 0;
        bound += Math.max(...SPEAKERS.map((speaker) => scorer.weightOf(`p:${speaker}`) + scorer.weightOf(`sp:${section}/${speakerClass(speaker)}`)));
        return bound;
      }));
      this.bySection.set(section, base);
    }
    return base;
  }

  of(facts: SentenceFacts): Float64Array {
    const bound = Float64Array.from(this.base(facts.section));
    const n = bound.length;
    for (const t of facts.tokens) {
      const word = this.upper.get(t.word);
      if (word) for (let i = 0; i < n; i++) bound[i] += word[i];
      const pair = t.pair === undefined ? undefined : this.upper.get(t.pair);
      if (pair) for (let i = 0; i < n; i++) bound[i] += pair[i];
    }
    // Whether a hit counts is not known yet: bound it as if it did.
    for (const hit of facts.hits) {
      const matched = this.upper.get(hit.name);
      if (matched) for (let i = 0; i < n; i++) bound[i] += matched[i];
      const counted = this.upper.get(hit.countedName);
      if (counted) for (let i = 0; i < n; i++) bound[i] += counted[i];
    }
    return bound;
  }
}

/** Reads the dearer facts of a sentence on demand (a paragraph's UnitReader). */
export interface FactsReader {
  readContexts(facts: SentenceFacts): SentenceFacts;
  complete(facts: SentenceFacts): SentenceFacts;
}

/** The learned part of a compiled pack: the patterns it reads, one scorer per element it covers, and their bounds. */
export interface LearnedModel {
  patterns: KeyedPattern[];
  scorers: Map<string, ElementScorer>;
  bounds: ScoreBounds;
  /** Each scorer's column in a bound vector. */
  columns: Map<ElementScorer, number>;
}

/** What of a compiled pack the learned scorer reads: its rules, and where an unnamed speaker is the patient. */
export interface ScoredPack {
  rules: readonly { rule: Rule; patterns: CompiledPattern[] }[];
  historySections: ReadonlySet<SectionKind>;
}

/** Every regular-expression pattern of the rules, under its key: what a model may read. */
export function keyedPatterns(pack: ScoredPack): KeyedPattern[] {
  return pack.rules.flatMap(({ rule, patterns }) =>
    patterns.flatMap((pattern, i) => {
      if (!pattern.regex) return [];
      const key = patternKey(rule.id, i);
      const counts = (found: UnitMatch, section: SectionKind) => countsAsEvidence(pattern, found, pack.historySections.has(section));
      return [{ key, name: `r:${key}`, countedName: `r+:${key}`, ruleId: rule.id, pattern, counts }];
    }),
  );
}

/**
 * Compiles a pack's weights against the pack's rules. An element gets a scorer only when its rule
 * is in the pack, does not turn learning off (`learned: false`), and still has the evidence list the
 * model was trained with. A pattern is read only when it is the one the model knows under its key.
 */
/** How many of the first evidence entries are the list the model was trained with (by fingerprint); 0 when none. */
function trainedLength(evidence: Rule['evidence'], trainedFingerprint: string): number {
  for (let n = evidence.length; n > 0; n--) if (fingerprint(evidence.slice(0, n)) === trainedFingerprint) return n;
  return 0;
}

export function compileLearned(weights: LearnedWeights | undefined, pack: ScoredPack): LearnedModel | undefined {
  if (!weights || weights.format !== 1) return undefined;
  const scorers = new Map<string, ElementScorer>();
  for (const compiledRule of pack.rules) {
    const { rule } = compiledRule;
    const element = weights.elements[rule.id];
    if (element?.threshold === undefined || rule.learned === false) continue;
    // Evidence a pack added (`addEvidence`) comes after the trained list: the scorer keeps to that list.
    const trained = trainedLength(rule.evidence, element.evidence);
    if (trained > 0) scorers.set(rule.id, new ElementScorer({ ...rule, evidence: rule.evidence.slice(0, trained) }, element, compiledRule.patterns.slice(0, trained)));
  }
  // Without a scorer, no rule's patterns are read here (they are compiled when a check first needs them).
  if (scorers.size === 0) return undefined;
  const patterns = keyedPatterns(pack).filter((p) => weights.patterns[p.key] === fingerprint(p.pattern.spec));
  const list = [...scorers.values()];
  // Only the patterns some scorer weighs are read: scanning the others in every paragraph would cost for nothing.
  const weighed = patterns.filter((p) => list.some((scorer) => scorer.weightOf(p.name) !== 0 || scorer.weightOf(GATED_MARK + p.name) !== 0 || scorer.weightOf(p.countedName) !== 0));
  return { patterns: weighed, scorers, bounds: new ScoreBounds(list), columns: new Map(list.map((scorer, i) => [scorer, i])) };
}
