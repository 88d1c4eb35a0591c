/**
 * Incremental analysis. A note is cut into units — the paragraphs of each
 * section — and everything the rules need from a unit (its sentences, the
 * matches of each pattern with their context and speaker) is cached by the
 * unit's content. After a keystroke only the edited paragraph is scanned
 * again; the result is the same as a fresh analysis because a unit's scan
 * depends on nothing but its text, its section kind, the proxy flag and the
 * relatives the note names.
 */
import type { NamedRelatives, Speaker } from './attribution';
import { contextBits, tokenize, type PatternHit, type SentenceFacts } from './learned/features';
import type { CompiledPack, CompiledPattern } from './compile';
import type { ParagraphHit, SentenceContext } from './context';
import { splitSentences } from './sentences';
import { globalSpans, type Occurrences } from './prefilter';
import { foldCase } from './text';
import type { ContextKind, Section, SectionKind, Span } from './types';

export interface Unit extends Span {
  section: SectionKind;
  sectionIndex: number;
}

/** A pattern match, in absolute offsets, with what the checks need to judge it. */
export interface UnitMatch {
  sentence: Span;
  match: Span;
  contexts: ReadonlySet<ContextKind>;
  /** The match overlaps one of the pattern's `unless` look-alikes, or its paragraph lacks the pattern's `alongWith`. */
  excepted: boolean;
  speaker(): Speaker;
}

interface RelativeMatch {
  sentence: number;
  match: Span;
  contexts: ReadonlySet<ContextKind>;
  excepted: boolean;
}

interface PendingHit {
  index: number;
  hit: PatternHit;
  found: RelativeMatch;
  keyed: KeyedPattern;
}

interface UnitScan {
  sentences: Span[];
  matches: Map<CompiledPattern, RelativeMatch[]>;
  contexts: Map<number, SentenceContext>;
  /** Triggers whose context runs to the end of the paragraph (a copied block's marker); read once. */
  paragraphHits?: ParagraphHit[];
  /** By sentence index, or by "sentence:clause start" for a clause that may name its own speaker. */
  speakers: Map<number | string, Speaker>;
  /** What the learned scorer reads of each sentence, once per unit content (see learned/features.ts). */
  facts?: SentenceFacts[];
  /** The pattern hits of `facts` whose `counted` is read when their sentence is completed. */
  pendingHits?: PendingHit[];
  /** The slots of the pack's literal index whose literals occur in the unit (see UnitReader.unitsWith). */
  slots?: readonly number[];
  /** Anything else derived from the unit's content alone, by owner (the learned scorer's scores). */
  derived?: Map<object, unknown>;
}

/** Which pairs of neighbouring stems a model may weigh (see tokenize). */
export type PairFilter = (first: string, second: string) => boolean;

/** A pattern whose matches the learned scorer reads, under its key in the model. */
export interface KeyedPattern {
  key: string;
  /** Its feature names (see PatternHit). */
  name: string;
  countedName: string;
  ruleId: string;
  pattern: CompiledPattern;
  /** Whether a match in this unit counts as evidence for its own rule. */
  counts(match: UnitMatch, section: SectionKind): boolean;
}

const BLANK_LINE = /\n[ \t]*\r?\n/g;

/** Cuts each section body into paragraphs; sentences never cross a line, so never a paragraph. */
export function unitsOf(text: string, sections: readonly Section[]): Unit[] {
  const units: Unit[] = [];
  sections.forEach((section, sectionIndex) => {
    const { start, end } = section.bodyRange;
    const body = text.slice(start, end);
    let from = 0;
    BLANK_LINE.lastIndex = 0;
    for (let m = BLANK_LINE.exec(body); m; m = BLANK_LINE.exec(body)) {
      if (m.index > from) units.push({ start: start + from, end: start + m.index, section: section.kind, sectionIndex });
      from = m.index + m[0].length;
    }
    if (end > start + from) units.push({ start: start + from, end, section: section.kind, sectionIndex });
  });
  return units;
}

/**
 * The cache is bounded by the text it holds, not by a count, so that a batch
 * of thousands of notes keeps memory flat while an editor keeps every
 * paragraph of the notes it has open (1 MB of text is over thirty 30 KB notes).
 */
const MAX_CACHED_CHARS = 1_000_000;
let maxCachedChars = MAX_CACHED_CHARS;

/**
 * Bounds the paragraph cache at `chars` characters of paragraph text (default 1,000,000). A batch
 * that reads each note once (the CLI) gains only from paragraphs that recur from note to note
 * (template lines), which a small cache keeps as well as a large one; a large one fills over the
 * first few hundred notes and memory grows with it.
 */
export function limitUnitCache(chars: number = MAX_CACHED_CHARS): void {
  maxCachedChars = chars;
}

interface UnitCache {
  scans: Map<string, UnitScan>;
  chars: number;
}

/** Per compiled pack: unit key → scan. Insertion order doubles as a crude LRU. */
const caches = new WeakMap<CompiledPack, UnitCache>();

/** Forgets every cached scan (tests compare incremental and fresh results with it). */
export function clearUnitCache(pack: CompiledPack): void {
  caches.delete(pack);
}

function scanOf(pack: CompiledPack, key: string, unitText: string): UnitScan {
  let cache = caches.get(pack);
  if (!cache) {
    cache = { scans: new Map(), chars: 0 };
    caches.set(pack, cache);
  }
  let scan = cache.scans.get(key);
  if (scan) {
    // Refresh its place so that live paragraphs outlast stale ones.
    cache.scans.delete(key);
    cache.scans.set(key, scan);
    return scan;
  }
  const sentences: Span[] = [];
  splitSentences(unitText, 0, unitText.length, (s) => sentences.push(s));
  scan = { sentences, matches: new Map(), contexts: new Map(), speakers: new Map() };
  if (cache.chars + key.length > maxCachedChars) {
    // Drop the least recently used quarter at once, so eviction is not paid on every miss.
    for (const old of cache.scans.keys()) {
      cache.scans.delete(old);
      cache.chars -= old.length;
      if (cache.chars + key.length <= (maxCachedChars * 3) / 4) break;
    }
  }
  cache.scans.set(key, scan);
  cache.chars += key.length;
  return scan;
}

function sentenceIndexAt(sentences: readonly Span[], offset: number): number {
  let low = 0;
  let high = sentences.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    if (offset < sentences[mid].start) high = mid - 1;
    else if (offset >= sentences[mid].end) low = mid + 1;
    else return mid;
  }
  return -1;
}

/** Every match of a global regex in `text`, in order (the learned scorer's look-alikes, once per paragraph). */
export { globalSpans as spansOf } from './prefilter';

interface UnitEntry {
  scan: UnitScan;
  unitText: string;
  folded?: string;
  /** Where the pack's literals occur in `folded` (see CompiledPack.literals): read once per note, not cached. */
  occurrences?: Occurrences;
}

/** Reads one note's units through the shared cache. */
export class UnitReader {
  private readonly scans = new Map<Unit, UnitEntry>();
  private bySlot?: { units: readonly Unit[]; lists: Unit[][] };

  constructor(
    private readonly text: string,
    private readonly pack: CompiledPack,
    private readonly proxy: boolean,
    private readonly relatives?: NamedRelatives,
  ) {}

  private entry(unit: Unit) {
    let entry = this.scans.get(unit);
    if (!entry) {
      const unitText = this.text.slice(unit.start, unit.end);
      const key = `${unit.section}\u0001${this.proxy ? 1 : 0}\u0001${this.relatives?.key ?? ''}\u0001${unitText}`;
      entry = { scan: scanOf(this.pack, key, unitText), unitText };
      this.scans.set(unit, entry);
    }
    return entry;
  }

  /** Matches of a regex pattern in a unit, relative to it, with the index of their sentence; computed once per unit content. */
  private relativeMatches(unit: Unit, pattern: CompiledPattern): RelativeMatch[] {
    const entry = this.entry(unit);
    const { scan } = entry;
    let relative = scan.matches.get(pattern);
    if (!relative) {
      // Rule regexes are compiled for case-folded text (see wordBounded); offsets are the same.
      const folded = this.foldedText(unit);
      const occurrences = this.occurrences(entry);
      const spans = !pattern.regex ? [] : occurrences ? occurrences.spans(pattern.regex) : globalSpans(pattern.regex, folded);
      relative = this.scanPattern(scan, folded, pattern, spans, occurrences);
      scan.matches.set(pattern, relative);
    }
    return relative;
  }

  /** Where the pack's literals occur in the unit, scanned on first need (undefined: the pack has no literal index). */
  private occurrences(entry: UnitEntry): Occurrences | undefined {
    if (!this.pack.literals) return undefined;
    entry.folded ??= foldCase(entry.unitText);
    return (entry.occurrences ??= this.pack.literals.scan(entry.folded));
  }

  /**
   * The units, of `units`, in which `pattern` may match: those holding one of its literals (all of
   * them when it has none). One list per slot, made on first need for the note.
   */
  unitsWith(units: readonly Unit[], pattern: CompiledPattern): readonly Unit[] {
    const slot = pattern.regex && this.pack.literals?.slotOf(pattern.regex);
    if (slot === undefined) return units;
    if (this.bySlot?.units !== units) {
      const lists: Unit[][] = [];
      for (const unit of units) {
        const entry = this.entry(unit);
        entry.scan.slots ??= this.occurrences(entry)!.slots();
        for (const s of entry.scan.slots) (lists[s] ??= []).push(unit);
      }
      this.bySlot = { units, lists };
    }
    return this.bySlot.lists[slot] ?? [];
  }

  /** Matches of a regex pattern in a unit, each with its context; computed once per unit content. */
  matches(unit: Unit, pattern: CompiledPattern): UnitMatch[] {
    const { scan, unitText } = this.entry(unit);
    const relative = this.relativeMatches(unit, pattern);
    return relative.map((r) => {
      const s = scan.sentences[r.sentence];
      return {
        sentence: { start: unit.start + s.start, end: unit.start + s.end },
        match: { start: unit.start + r.match.start, end: unit.start + r.match.end },
        contexts: r.contexts,
        excepted: r.excepted,
        speaker: () => this.speaker(scan, unitText, r.sentence, r.match.start),
      };
    });
  }

  private scanPattern(scan: UnitScan, unitText: string, pattern: CompiledPattern, spans: readonly Span[], occurrences?: Occurrences): RelativeMatch[] {
    const found: RelativeMatch[] = [];
    let unlessSpans: Span[] | undefined;
    let nextUnless = 0;
    // Without its companion in the paragraph ("options discussed" with no response recorded), no match counts.
    let alone: boolean | undefined;
    for (const match of spans) {
      const sentence = sentenceIndexAt(scan.sentences, match.start);
      if (sentence < 0) continue;
      const s = scan.sentences[sentence];
      let context = scan.contexts.get(sentence);
      if (!context) {
        context = this.pack.context.scan(unitText, s, occurrences);
        scan.contexts.set(sentence, context);
      }
      if (pattern.alongWith) {
        pattern.alongWith.lastIndex = 0;
        alone ??= !pattern.alongWith.test(unitText);
      }
      let excepted = alone === true;
      if (!excepted && pattern.unless) {
        unlessSpans ??= occurrences ? occurrences.spans(pattern.unless) : globalSpans(pattern.unless, unitText);
        // Both lists run in text order, so the look-alikes behind this match can be skipped for good.
        while (nextUnless < unlessSpans.length && unlessSpans[nextUnless].end <= match.start) nextUnless++;
        excepted = nextUnless < unlessSpans.length && unlessSpans[nextUnless].start < match.end;
      }
      const contexts = this.pack.context.contextsOf(unitText, context, match, this.proxy);
      for (const kind of this.carried(scan, unitText, s, occurrences)) contexts.add(kind);
      found.push({ sentence, match, contexts, excepted });
    }
    return found;
  }

  /**
   * Every sentence of the unit with its words and pattern hits (offsets relative to the unit),
   * computed once per unit content; `complete` adds contexts and speaker to the sentences that
   * need them. `patterns` must be the same list for every call with one pack.
   */
  facts(unit: Unit, patterns: readonly KeyedPattern[], pairs?: PairFilter): SentenceFacts[] {
    const entry = this.entry(unit);
    const { scan } = entry;
    if (scan.facts) return scan.facts;
    entry.folded ??= foldCase(entry.unitText);
    const folded = entry.folded;
    const facts: SentenceFacts[] = scan.sentences.map((sentence) => ({
      sentence,
      section: unit.section,
      tokens: tokenize(folded, sentence, pairs),
      hits: [] as PatternHit[],
      contextsRead: false,
      complete: false,
      speaker: 'unknown',
      contexts: 0,
    }));
    const pending: PendingHit[] = [];
    for (const keyed of patterns) {
      if (keyed.pattern.sections && !keyed.pattern.sections.has(unit.section)) continue;
      if (keyed.pattern.notSections?.has(unit.section)) continue;
      // The unit's own (relative) matches: no absolute copies for sentences that are never scored.
      for (const found of this.relativeMatches(unit, keyed.pattern)) {
        const hit: PatternHit = {
          key: keyed.key,
          name: keyed.name,
          countedName: keyed.countedName,
          ruleId: keyed.ruleId,
          match: found.match,
          contexts: contextBits(found.contexts),
          // Whether it counts may need the speaker: read when the sentence is completed.
          counted: false,
          strength: keyed.pattern.spec.strength ?? 'specific',
        };
        facts[found.sentence].hits.push(hit);
        pending.push({ index: found.sentence, hit, found, keyed });
      }
    }
    scan.facts = facts;
    scan.pendingHits = pending;
    return facts;
  }

  /** Fills in the contexts of a sentence's words (once; the facts are cached with the unit). */
  readContexts(unit: Unit, facts: SentenceFacts): SentenceFacts {
    if (facts.contextsRead) return facts;
    const entry = this.entry(unit);
    const { scan } = entry;
    const folded = this.foldedText(unit);
    const index = sentenceIndexAt(scan.sentences, facts.sentence.start);
    let context = scan.contexts.get(index);
    if (!context) {
      context = this.pack.context.scan(folded, facts.sentence, this.occurrences(entry));
      scan.contexts.set(index, context);
    }
    let contexts = 0;
    if (context.byStart.length > 0) {
      for (const token of facts.tokens) {
        token.contexts = contextBits(this.pack.context.contextsOf(folded, context, token, this.proxy));
        contexts |= token.contexts;
      }
      for (const hit of context.sentenceWide) contexts |= contextBits([hit.trigger.kind]);
    }
    const carried = contextBits(this.carried(scan, folded, facts.sentence, this.occurrences(entry)));
    if (carried) {
      for (const token of facts.tokens) token.contexts |= carried;
      contexts |= carried;
    }
    facts.contexts = contexts;
    facts.contextsRead = true;
    return facts;
  }

  /** Fills in the contexts, the speaker and which pattern hits count (once; the facts are cached with the unit). */
  complete(unit: Unit, facts: SentenceFacts): SentenceFacts {
    if (facts.complete) return facts;
    this.readContexts(unit, facts);
    const { scan, unitText } = this.entry(unit);
    const index = sentenceIndexAt(scan.sentences, facts.sentence.start);
    // The cheap frames only: the speaker a rule's pattern needs is still read in full (speaker()).
    const s = scan.sentences[index];
    facts.speaker = this.pack.attribution.speakerOf(unitText.slice(s.start, s.end), this.proxy, this.relatives, false);
    // Whether a hit counts, with that same speaker: consistent between training and scoring, and no parse.
    const speaker = facts.speaker;
    for (const p of scan.pendingHits ?? []) {
      if (p.index !== index || p.found.excepted) continue;
      const found: UnitMatch = { sentence: facts.sentence, match: p.found.match, contexts: p.found.contexts, excepted: false, speaker: () => speaker };
      p.hit.counted = p.keyed.counts(found, unit.section);
    }
    facts.complete = true;
    return facts;
  }

  /** The contexts a paragraph-wide trigger earlier in the unit (or in this sentence) carries into `sentence`. */
  private carried(scan: UnitScan, unitText: string, sentence: Span, occurrences?: Occurrences) {
    // `unitText` is the folded text here, as the triggers are compiled for it.
    scan.paragraphHits ??= this.pack.context.paragraphHits(unitText, scan.sentences, occurrences);
    return scan.paragraphHits.length === 0 ? [] : this.pack.context.carriedInto(scan.paragraphHits, sentence.start, this.proxy);
  }

  /** The unit's folded text (ASCII lower case, same offsets). */
  foldedText(unit: Unit): string {
    const entry = this.entry(unit);
    entry.folded ??= foldCase(entry.unitText);
    return entry.folded;
  }

  /** A value derived from the unit's content alone, computed once per content and owner. */
  derived<T>(unit: Unit, owner: object, compute: () => T): T {
    const { scan } = this.entry(unit);
    scan.derived ??= new Map();
    if (scan.derived.has(owner)) return scan.derived.get(owner) as T;
    const value = compute();
    scan.derived.set(owner, value);
    return value;
  }

  /**
   * Who speaks in the clause of `sentence` that holds `at`: a clause after "; however" or "but" may name
   * its own speaker ("We went over the options; she prefers to wait"). A clause that names none speaks for
   * its sentence.
   */
  private speaker(scan: UnitScan, unitText: string, sentence: number, at: number): Speaker {
    const s = scan.sentences[sentence];
    const clause = clauseAround(unitText, s, at);
    const key = clause.start === s.start && clause.end === s.end ? sentence : `${sentence}:${clause.start}`;
    let speaker = scan.speakers.get(key);
    if (!speaker) {
      const clauseText = unitText.slice(clause.start, clause.end);
      if (key !== sentence) speaker = this.pack.attribution.speakerOf(clauseText, this.proxy, this.relatives, false);
      // After "and", a pronoun most often goes on with the sentence's subject ("Her daughter is worried and she wants
      // a scan"): such a clause speaks for itself only after the clinician's own ("I went over it with her and she agrees").
      if (speaker && speaker !== 'unknown' && AND_CLAUSE.test(clauseText) && this.sentenceSpeaker(scan, unitText, sentence) !== 'clinician') speaker = undefined;
      if (!speaker || speaker === 'unknown') speaker = this.sentenceSpeaker(scan, unitText, sentence);
      scan.speakers.set(key, speaker);
    }
    return speaker;
  }

  private sentenceSpeaker(scan: UnitScan, unitText: string, sentence: number): Speaker {
    let speaker = scan.speakers.get(sentence);
    if (!speaker) {
      const s = scan.sentences[sentence];
      speaker = this.pack.attribution.speakerOf(unitText.slice(s.start, s.end), this.proxy, this.relatives);
      scan.speakers.set(sentence, speaker);
    }
    return speaker;
  }
}

/**
 * Where one clause ends and the next, which may name its own speaker, begins: a semicolon, a contrast, or
 * "and" before a new subject ("I went over the options with her and she prefers to wait").
 */
const AND_CLAUSE = /^and\b/i;
const CLAUSE_BREAK = /;|(?<![A-Za-z])(?:but|however|although|though|whereas|and(?= (?:she|he|they|the patient|patient|pt|her|his|their|the family|family) ))(?![A-Za-z])/gi;

/** The clause of `sentence` (offsets in `text`) that holds offset `at`. */
export function clauseAround(text: string, sentence: Span, at: number): Span {
  let start = sentence.start;
  let end = sentence.end;
  const body = text.slice(sentence.start, sentence.end);
  CLAUSE_BREAK.lastIndex = 0;
  for (let m = CLAUSE_BREAK.exec(body); m; m = CLAUSE_BREAK.exec(body)) {
    const offset = sentence.start + m.index;
    if (offset <= at) start = offset;
    else {
      end = offset;
      break;
    }
  }
  return { start, end };
}
