/**
 * Stratified k-fold assignment for notes that carry several labels at once.
 * Deterministic for a seed: the same notes and seed give the same folds on
 * every machine.
 */

/** mulberry32: a small, fast, well-mixed 32-bit generator; enough for shuffling. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Iterative stratification (Sechidis, Tsoumakas & Vlahavas 2011): labels are
 * placed rarest first, each note going to the fold that still wants most of
 * that label, so every fold gets about its share of every element, present
 * and absent alike. `labelsOf` lists the labels a note carries (for example
 * "explain.hopes" and "-plan" for absent). Returns the fold of each note.
 */
export function stratifiedFolds<T>(items: readonly T[], k: number, seed: number, labelsOf: (item: T) => readonly string[]): number[] {
  if (!Number.isInteger(k) || k < 2) throw new RangeError(`folds must be an integer of at least 2, not ${k}`);
  if (items.length < k) throw new RangeError(`${k} folds need at least ${k} notes; there are ${items.length}`);
  const random = seededRandom(seed);
  const order = shuffled(items.map((_, i) => i), random);
  const labels = items.map(labelsOf);
  const fold = new Array<number>(items.length).fill(-1);
  const wantedNotes = new Array<number>(k).fill(items.length / k);
  const wanted = new Map<string, number[]>();
  const remaining = new Map<string, number>();
  for (const list of labels) {
    for (const label of list) remaining.set(label, (remaining.get(label) ?? 0) + 1);
  }
  for (const [label, count] of remaining) wanted.set(label, new Array<number>(k).fill(count / k));
  let left = items.length;
  while (left > 0) {
    // The rarest label still to place; ties by name so the order never depends on Map insertion.
    let rarest: string | undefined;
    for (const [label, count] of remaining) {
      if (count === 0) continue;
      if (rarest === undefined || count < remaining.get(rarest)! || (count === remaining.get(rarest)! && label < rarest)) rarest = label;
    }
    const batch = rarest === undefined ? order.filter((i) => fold[i] < 0) : order.filter((i) => fold[i] < 0 && labels[i].includes(rarest!));
    for (const i of batch) {
      const want = rarest === undefined ? wantedNotes : wanted.get(rarest)!;
      let best = 0;
      for (let f = 1; f < k; f++) {
        if (want[f] > want[best] || (want[f] === want[best] && wantedNotes[f] > wantedNotes[best])) best = f;
      }
      fold[i] = best;
      wantedNotes[best]--;
      for (const label of labels[i]) {
        wanted.get(label)![best]--;
        remaining.set(label, remaining.get(label)! - 1);
      }
      left--;
    }
  }
  return fold;
}
