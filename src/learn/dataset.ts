/**
 * From labelled notes to training examples: every sentence the engine reads,
 * for every element the model learns, as the engine's own feature names
 * (src/engine/learned/features.ts) and a label taken from the labelled
 * evidence spans. Built with the engine's own reading of the note, so what
 * is learned is what the engine will see.
 */
import { analyze, readNote } from '../engine/analyze';
import { compilePack, type CompiledPack } from '../engine/compile';
import { featuresOf } from '../engine/learned/features';
import { ElementScorer, keyedPatterns } from '../engine/learned/model';
import type { KeyedPattern } from '../engine/units';
import type { RulePack, Span } from '../engine/types';
import type { LabelledNote } from '../eval/corpus';

/** One sentence of one note, for one element. */
export interface SentenceExample {
  /** Index of the note in the list given. */
  note: number;
  /** The sentence in the note. */
  span: Span;
  features: string[];
  /** 1: overlaps a labelled evidence span; 0: in a note where the element is absent, or not labelled. */
  label: 0 | 1;
  /** The sentence is in a note that has the element but is not among its labelled spans. */
  unlabelled: boolean;
  /** One of the rule's own patterns credits the sentence (it counts whatever its score). */
  credited: boolean;
}

export interface ElementData {
  ruleId: string;
  sentences: SentenceExample[];
  /**
   * Per note: labelled present, and whether evidence outside the scored sentences finds it: the
   * rule's section content, or a pattern crediting a sentence the scorer may not add (another speaker's).
   */
  notes: { present: boolean; direct: boolean }[];
}

function labelledSpans(text: string, quotes: readonly string[]): Span[] {
  const spans: Span[] = [];
  for (const quote of quotes) {
    if (!quote) continue;
    for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) spans.push({ start: at, end: at + quote.length });
  }
  return spans;
}

/** A pack in which only the rules' section-content evidence runs, to tell which notes need no sentence to be scored. */
function sectionContentOnly(pack: RulePack, ruleIds: readonly string[]): RulePack {
  return {
    ...pack,
    learned: undefined,
    rules: pack.rules
      .filter((r) => ruleIds.includes(r.id) && r.evidence.some((e) => e.anyContent))
      .map((r) => ({ ...r, evidence: r.evidence.filter((e) => e.anyContent) })),
  };
}

/**
 * The examples of every element in `ruleIds`, from `notes` read with `pack` (its rules and
 * context; any weights it carries are ignored).
 */
export function buildExamples(notes: readonly LabelledNote[], pack: RulePack, ruleIds: readonly string[]): ElementData[] {
  const base: RulePack = { ...pack, learned: undefined };
  const compiled: CompiledPack = compilePack(base);
  const patterns: KeyedPattern[] = keyedPatterns(compiled);
  const contentPack = sectionContentOnly(base, ruleIds);
  const elements = ruleIds.map((ruleId) => {
    const rule = compiled.rules.find((r) => r.rule.id === ruleId);
    if (!rule) throw new Error(`the pack has no rule ${ruleId}`);
    const scorer = new ElementScorer(rule.rule, { evidence: '', bias: 0, threshold: 0, weights: {} }, rule.patterns);
    return { ruleId, scorer, data: { ruleId, sentences: [] as SentenceExample[], notes: [] as ElementData['notes'] } };
  });
  notes.forEach((labelled, noteIndex) => {
    const note = readNote(labelled.text, compiled);
    // Which rules the section-content evidence alone documents, through the engine itself.
    const content = analyze(labelled.text, { pack: contentPack, maxChars: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER });
    for (const { ruleId, scorer, data } of elements) {
      const label = labelled.labels.elements[ruleId];
      const present = label?.present === true;
      const spans = present ? labelledSpans(note.text, label.evidence ?? []) : [];
      data.notes.push({ present, direct: content.results.some((r) => r.ruleId === ruleId && r.evidence.length > 0) });
      for (const unit of note.units) {
        if (!scorer.reads(unit.section)) continue;
        const facts = note.reader.facts(unit, patterns);
        const gate = scorer.gate(note.reader.foldedText(unit));
        for (const light of facts) {
          const f = note.reader.complete(unit, light);
          const credited = f.hits.some((h) => h.counted && h.ruleId === ruleId);
          if (!scorer.eligible(f)) {
            if (credited) data.notes[noteIndex].direct = true;
            continue;
          }
          const start = unit.start + f.sentence.start;
          const end = unit.start + f.sentence.end;
          const positive = spans.some((s) => s.start < end && start < s.end);
          data.sentences.push({
            note: noteIndex,
            span: { start, end },
            features: featuresOf(f, gate).map((x) => x.name),
            label: positive ? 1 : 0,
            unlabelled: present && !positive,
            credited,
          });
        }
      }
    }
  });
  return elements.map((e) => e.data);
}
