/**
 * k-fold cross-validation: the notes are split into k stratified folds; for
 * each fold, whatever is learned from labels is fitted on the other folds
 * only (`fit`), and the engine is scored on the held-out fold. A figure on
 * notes the engine learned from is a tuning figure; these are not.
 */
import type { RulePack } from '../engine';
import type { LabelledNote } from './corpus';
import { evaluate, type ElementScore, type NoteOutcome } from './evaluate';
import { stratifiedFolds } from './folds';

export interface CrossValidationOptions {
  folds: number;
  seed: number;
  /**
   * Learns from the training folds and returns the pack to score the held-out
   * fold with. Without it the pack is used as it is (nothing is learned).
   */
  fit?: (training: readonly LabelledNote[], fold: number) => RulePack;
  /** The pack when there is no `fit`; the built-in pack when omitted. */
  pack?: RulePack;
  /** Called after each fold is scored (progress for long runs). */
  onFold?: (fold: number, scores: Record<string, ElementScore>) => void;
}

export interface Summary {
  precision: number;
  recall: number;
  f1: number;
}

export interface ElementCrossValidation {
  /** Means over the folds. */
  mean: Summary;
  /** The fold with the lowest F1, with its own figures. */
  worst: Summary & { fold: number };
  /** Every fold's own score, in fold order. */
  folds: ElementScore[];
  /** Of the held-out true positives with labelled quotes, how many had an evidence span overlapping one (all folds). */
  evidenceOverlap: number;
  evidenceChecked: number;
}

export interface CrossValidation {
  folds: number;
  seed: number;
  notes: number;
  /** The notes of each fold, by id. */
  assignment: string[][];
  elements: Record<string, ElementCrossValidation>;
  /** Every held-out note's outcome per element, with the fold it was held out in. */
  outcomes: (NoteOutcome & { fold: number })[];
}

/** The labels a note is stratified on: each element, present or absent. */
function strata(note: LabelledNote): string[] {
  return Object.entries(note.labels.elements).map(([element, label]) => (label.present ? element : `-${element}`));
}

export function crossValidate(notes: readonly LabelledNote[], options: CrossValidationOptions): CrossValidation {
  const foldOf = stratifiedFolds(notes, options.folds, options.seed, strata);
  const assignment: string[][] = Array.from({ length: options.folds }, () => []);
  notes.forEach((note, i) => assignment[foldOf[i]].push(note.id));
  const perFold: Record<string, ElementScore>[] = [];
  const outcomes: CrossValidation['outcomes'] = [];
  for (let fold = 0; fold < options.folds; fold++) {
    const heldOut = notes.filter((_, i) => foldOf[i] === fold);
    const training = notes.filter((_, i) => foldOf[i] !== fold);
    const pack = options.fit ? options.fit(training, fold) : options.pack;
    const result = evaluate(heldOut.map((n) => ({ file: n.id, text: n.text, labels: n.labels })), pack);
    perFold.push(result.elements);
    outcomes.push(...result.notes.map((o) => ({ ...o, fold })));
    options.onFold?.(fold, result.elements);
  }
  const elements: Record<string, ElementCrossValidation> = {};
  const ids = [...new Set(perFold.flatMap((scores) => Object.keys(scores)))];
  for (const id of ids) {
    const folds = perFold.map((scores) => scores[id] ?? emptyScore());
    const mean = (key: keyof Summary) => round(folds.reduce((sum, s) => sum + s[key], 0) / folds.length);
    let worstFold = 0;
    folds.forEach((s, fold) => {
      if (s.f1 < folds[worstFold].f1) worstFold = fold;
    });
    const worst = folds[worstFold];
    elements[id] = {
      mean: { precision: mean('precision'), recall: mean('recall'), f1: mean('f1') },
      worst: { fold: worstFold, precision: worst.precision, recall: worst.recall, f1: worst.f1 },
      folds,
      evidenceOverlap: folds.reduce((sum, s) => sum + s.evidenceOverlap, 0),
      evidenceChecked: folds.reduce((sum, s) => sum + s.evidenceChecked, 0),
    };
  }
  return { folds: options.folds, seed: options.seed, notes: notes.length, assignment, elements, outcomes };
}

function emptyScore(): ElementScore {
  return { tp: 0, fp: 0, fn: 0, tn: 0, precision: 0, recall: 0, f1: 0, evidenceOverlap: 0, evidenceChecked: 0 };
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
