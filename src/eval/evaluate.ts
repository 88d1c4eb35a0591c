/**
 * Accuracy against a labelled folder of notes: note-level precision, recall
 * and F1 per element, and how often an evidence span overlaps a labelled quote.
 * Works on any folder of `*.note` files with a `labels.json` in the corpus format.
 */
import { analyze, type RulePack } from '../engine';
import type { LabelRecord } from './corpus';

export type { LabelRecord } from './corpus';

export interface ElementScore {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Of the true positives with labelled quotes, how many had an evidence span overlapping one. */
  evidenceOverlap: number;
  evidenceChecked: number;
}

export interface NoteOutcome {
  file: string;
  element: string;
  outcome: 'tp' | 'fp' | 'fn' | 'tn';
  /** The sentences the engine took as evidence. */
  found: string[];
  labelled: string[];
}

export interface Evaluation {
  elements: Record<string, ElementScore>;
  notes: NoteOutcome[];
}

export function evaluate(notes: { file: string; text: string; labels: LabelRecord }[], pack?: RulePack): Evaluation {
  const elements: Record<string, ElementScore> = {};
  const outcomes: NoteOutcome[] = [];
  for (const { file, text, labels } of notes) {
    const analysis = analyze(text, { pack, maxChars: Number.MAX_SAFE_INTEGER });
    for (const [element, label] of Object.entries(labels.elements)) {
      const result = analysis.results.find((r) => r.ruleId === element);
      if (!result) continue;
      const score = (elements[element] ??= { tp: 0, fp: 0, fn: 0, tn: 0, precision: 0, recall: 0, f1: 0, evidenceOverlap: 0, evidenceChecked: 0 });
      const predicted = result.evidence.length > 0;
      const outcome = predicted ? (label.present ? 'tp' : 'fp') : label.present ? 'fn' : 'tn';
      score[outcome]++;
      const quotes = label.evidence ?? [];
      if (outcome === 'tp' && quotes.length) {
        score.evidenceChecked++;
        const quoteSpans = quotes.flatMap((q) => {
          const at = text.indexOf(q);
          return at < 0 ? [] : [{ start: at, end: at + q.length }];
        });
        if (result.evidence.some((e) => quoteSpans.some((q) => e.span.start < q.end && q.start < e.span.end))) score.evidenceOverlap++;
      }
      outcomes.push({ file, element, outcome, found: result.evidence.map((e) => text.slice(e.span.start, e.span.end)), labelled: quotes });
    }
  }
  for (const score of Object.values(elements)) {
    score.precision = ratio(score.tp, score.tp + score.fp);
    score.recall = ratio(score.tp, score.tp + score.fn);
    score.f1 = ratio(2 * score.precision * score.recall, score.precision + score.recall);
  }
  return { elements, notes: outcomes };
}

function ratio(a: number, b: number): number {
  return b === 0 ? 0 : Math.round((a / b) * 1000) / 1000;
}
