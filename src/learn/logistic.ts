/**
 * Sparse logistic regression, trained with FTRL-proximal (McMahan et al.,
 * "Ad click prediction: a view from the trenches", KDD 2013): per-feature
 * learning rates and an L1 term that leaves most weights at exactly zero,
 * so the weights file stays small. Deterministic: the example order comes
 * from a seeded shuffle. Features whose name starts with the gated mark are
 * held at or below zero while training, as the engine holds them when scoring.
 */
import { GATED_MARK } from '../engine/learned/features';
import { seededRandom, shuffled } from '../eval/folds';

export interface LogisticOptions {
  /** FTRL learning-rate scale. */
  alpha: number;
  beta: number;
  l1: number;
  l2: number;
  epochs: number;
  seed: number;
  /** L1 for word and word-pair features, when it should differ from `l1` (which then applies to the rest). */
  wordL1?: number;
}

export const DEFAULT_LOGISTIC: LogisticOptions = { alpha: 0.1, beta: 1, l1: 0.5, l2: 1, epochs: 12, seed: 13 };

export interface WeightedExample {
  features: readonly string[];
  label: 0 | 1;
  weight: number;
}

export interface LogisticModel {
  bias: number;
  weights: Map<string, number>;
}

export function trainLogistic(examples: readonly WeightedExample[], options: LogisticOptions = DEFAULT_LOGISTIC): LogisticModel {
  const index = new Map<string, number>();
  const names: string[] = [];
  const encoded = examples.map((e) => {
    const ids = new Int32Array(e.features.length);
    e.features.forEach((name, i) => {
      let id = index.get(name);
      if (id === undefined) {
        id = names.length;
        index.set(name, id);
        names.push(name);
      }
      ids[i] = id;
    });
    return { ids, label: e.label, weight: e.weight };
  });
  const size = names.length;
  const gated = new Uint8Array(size);
  names.forEach((name, i) => (gated[i] = name.startsWith(GATED_MARK) ? 1 : 0));
  const lasso = new Float64Array(size).fill(options.l1);
  if (options.wordL1 !== undefined) names.forEach((name, i) => {
    if (/^~?[wb]:/.test(name)) lasso[i] = options.wordL1!;
  });
  const z = new Float64Array(size);
  const n = new Float64Array(size);
  const w = new Float64Array(size);
  // The bias learns without L1 (it is not a feature to drop).
  let biasZ = 0;
  let biasN = 0;
  let bias = 0;
  const { alpha, beta, l2 } = options;
  const weightOf = (i: number): number => {
    const zi = z[i];
    const l1 = lasso[i];
    if (Math.abs(zi) <= l1) return 0;
    const value = -(zi - Math.sign(zi) * l1) / ((beta + Math.sqrt(n[i])) / alpha + l2);
    return gated[i] && value > 0 ? 0 : value;
  };
  const random = seededRandom(options.seed);
  let order = encoded.map((_, i) => i);
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    order = shuffled(order, random);
    for (const k of order) {
      const { ids, label, weight } = encoded[k];
      bias = -biasZ / ((beta + Math.sqrt(biasN)) / alpha);
      let margin = bias;
      for (let j = 0; j < ids.length; j++) {
        const i = ids[j];
        w[i] = weightOf(i);
        margin += w[i];
      }
      const p = 1 / (1 + Math.exp(-Math.max(-35, Math.min(35, margin))));
      const g = (p - label) * weight;
      for (let j = 0; j < ids.length; j++) {
        const i = ids[j];
        const sigma = (Math.sqrt(n[i] + g * g) - Math.sqrt(n[i])) / alpha;
        z[i] += g - sigma * w[i];
        n[i] += g * g;
      }
      const sigma = (Math.sqrt(biasN + g * g) - Math.sqrt(biasN)) / alpha;
      biasZ += g - sigma * bias;
      biasN += g * g;
    }
  }
  const weights = new Map<string, number>();
  for (let i = 0; i < size; i++) {
    const value = weightOf(i);
    if (value !== 0) weights.set(names[i], value);
  }
  return { bias: -biasZ / ((beta + Math.sqrt(biasN)) / alpha), weights };
}

export function scoreOf(model: LogisticModel, features: readonly string[]): number {
  let score = model.bias;
  for (const name of features) score += model.weights.get(name) ?? 0;
  return score;
}
