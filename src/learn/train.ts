/**
 * Trains the learned sentence scorer from labelled notes: for each element,
 * a logistic model over the engine's sentence features, and a threshold
 * chosen by an inner cross-validation on the same training notes (never on
 * the notes it will be scored on). Returns the weights in the format a rule
 * pack carries (`learned`). Deterministic for a seed.
 */
import { compilePack } from '../engine/compile';
import { fingerprint, keyedPatterns, type LearnedElement, type LearnedWeights } from '../engine/learned/model';
import type { RulePack } from '../engine/types';
import type { LabelledNote } from '../eval/corpus';
import { stratifiedFolds } from '../eval/folds';
import { buildExamples, type ElementData, type SentenceExample } from './dataset';
import { DEFAULT_LOGISTIC, scoreOf, trainLogistic, type LogisticOptions, type WeightedExample } from './logistic';

export interface TrainOptions {
  seed: number;
  /** Folds of the inner cross-validation that picks each threshold. */
  innerFolds: number;
  logistic: LogisticOptions;
  /** Weight of a labelled evidence sentence against 1 for a sentence of a note without the element. */
  positiveWeight: number;
  /** Weight of a sentence that is not labelled, in a note that has the element (it may be evidence nobody listed). */
  unlabelledWeight: number;
  /** F-beta the threshold maximises on notes: below 1 favours precision. */
  beta: number;
  /** Weights smaller than this are dropped from the file. */
  minWeight: number;
}

export const DEFAULT_TRAIN: TrainOptions = {
  seed: 13,
  innerFolds: 4,
  logistic: { ...DEFAULT_LOGISTIC, l1: 0.3, wordL1: 4 },
  positiveWeight: 3,
  unlabelledWeight: 0.3,
  beta: 1,
  minWeight: 0.002,
};

/** The elements a set of notes is labelled with, in the pack's rule order. */
export function labelledElements(notes: readonly LabelledNote[], pack: RulePack): string[] {
  const labelled = new Set(notes.flatMap((n) => Object.keys(n.labels.elements)));
  return pack.rules.filter((r) => labelled.has(r.id)).map((r) => r.id);
}

function weighted(sentences: readonly SentenceExample[], options: TrainOptions): WeightedExample[] {
  return sentences.map((s) => ({
    features: s.features,
    label: s.label,
    weight: s.label === 1 ? options.positiveWeight : s.unlabelled ? options.unlabelledWeight : 1,
  }));
}

/** Note-level decisions for a threshold: section content, a sentence a pattern credits, or a sentence over the threshold. */
function decide(sentences: readonly SentenceExample[], scores: ArrayLike<number>, notes: ElementData['notes'], threshold: number): boolean[] {
  const present = notes.map((n) => n.direct);
  sentences.forEach((s, i) => {
    if (s.credited || scores[i] >= threshold) present[s.note] = true;
  });
  return present;
}

function fBeta(predicted: readonly boolean[], notes: ElementData['notes'], beta: number): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  predicted.forEach((p, i) => {
    if (p && notes[i].present) tp++;
    else if (p) fp++;
    else if (notes[i].present) fn++;
  });
  const b2 = beta * beta;
  return tp === 0 ? 0 : ((1 + b2) * tp) / ((1 + b2) * tp + b2 * fn + fp);
}

/**
 * The threshold that maximises F-beta over the training notes, from out-of-fold sentence scores,
 * with what the patterns find counted as found. The candidates are high quantiles of the scores,
 * and none: when adding sentences does not help, the patterns decide alone (a tie keeps them so).
 */
export function chooseThreshold(sentences: readonly SentenceExample[], scores: ArrayLike<number>, notes: ElementData['notes'], beta: number): number | undefined {
  const sorted = Array.from(scores).sort((a, b) => a - b);
  const quantile = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  let best = { f: fBeta(decide(sentences, scores, notes, Infinity), notes, beta), threshold: Infinity };
  for (const q of THRESHOLD_QUANTILES) {
    const threshold = quantile(q);
    const f = fBeta(decide(sentences, scores, notes, threshold), notes, beta);
    if (f > best.f + 1e-9) best = { f, threshold };
  }
  return best.threshold === Infinity ? undefined : round(best.threshold);
}

/** Where a threshold may fall: only the highest-scoring sentences are ever added. */
const THRESHOLD_QUANTILES = [0.99, 0.995, 0.997, 0.998, 0.999, 0.9995];

export function trainElement(data: ElementData, options: TrainOptions): LearnedElement & { ruleId: string } {
  const noteCount = data.notes.length;
  const folds = stratifiedFolds(data.notes, Math.min(options.innerFolds, noteCount), options.seed, (n) => [n.present ? 'present' : 'absent']);
  const outOfFold = new Float64Array(data.sentences.length);
  for (let fold = 0; fold < options.innerFolds; fold++) {
    const training = data.sentences.filter((s) => folds[s.note] !== fold);
    const model = trainLogistic(weighted(training, options), options.logistic);
    data.sentences.forEach((s, i) => {
      if (folds[s.note] === fold) outOfFold[i] = scoreOf(model, s.features);
    });
  }
  const threshold = chooseThreshold(data.sentences, outOfFold, data.notes, options.beta);
  const model = trainLogistic(weighted(data.sentences, options), options.logistic);
  const weights: Record<string, number> = {};
  for (const [name, w] of [...model.weights.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    if (Math.abs(w) >= options.minWeight) weights[name] = round(w);
  }
  return { ruleId: data.ruleId, evidence: '', bias: round(model.bias), ...(threshold === undefined ? {} : { threshold }), weights };
}

function round(x: number): number {
  return Math.round(x * 10000) / 10000;
}

export function trainWeights(notes: readonly LabelledNote[], pack: RulePack, options: TrainOptions = DEFAULT_TRAIN, elements = labelledElements(notes, pack)): LearnedWeights {
  const data = buildExamples(notes, pack, elements);
  const compiled = compilePack({ ...pack, learned: undefined });
  const patterns: Record<string, string> = {};
  for (const p of keyedPatterns(compiled)) patterns[p.key] = fingerprint(p.pattern.spec);
  const out: LearnedWeights = {
    format: 1,
    trainedOn: `${notes.length} labelled notes; seed ${options.seed}; logistic ${JSON.stringify(options.logistic)}; positive weight ${options.positiveWeight}, unlabelled ${options.unlabelledWeight}; threshold by ${options.innerFolds}-fold F${options.beta}`,
    patterns,
    elements: {},
  };
  for (const element of data) {
    const { ruleId, ...trained } = trainElement(element, options);
    const rule = pack.rules.find((r) => r.id === ruleId)!;
    // Without a threshold the scorer adds nothing for this element: its weights would be dead weight.
    out.elements[ruleId] = { ...trained, evidence: fingerprint(rule.evidence), weights: trained.threshold === undefined ? {} : trained.weights };
  }
  return out;
}
