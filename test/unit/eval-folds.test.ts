import * as assert from 'node:assert/strict';
import { defaultPack } from '../../src/engine';
import type { LabelledNote } from '../../src/eval/corpus';
import { crossValidate } from '../../src/eval/crossValidate';
import { seededRandom, stratifiedFolds } from '../../src/eval/folds';

const WORRIED = 'HPI: Cough for a week. She is worried that it is pneumonia.\nPLAN: Chest x-ray today.\n';
const CALM = 'HPI: Cough for a week, no fever.\nPLAN: Chest x-ray today.\n';

/** Twenty small notes written for this test: every third has a worry in it. */
function notes(): LabelledNote[] {
  return Array.from({ length: 20 }, (_, i) => {
    const worried = i % 3 === 0;
    const file = `${String(i).padStart(2, '0')}.note`;
    return {
      id: `set/${file}`,
      source: 'set',
      file,
      text: worried ? WORRIED : CALM,
      labels: {
        file,
        elements: {
          'explain.fear-anger': { present: worried, evidence: worried ? ['She is worried that it is pneumonia.'] : [] },
          plan: { present: true, evidence: ['Chest x-ray today.'] },
        },
      },
    };
  });
}

describe('stratified folds', () => {
  it('gives the same folds for the same seed and other folds for another seed', () => {
    const items = Array.from({ length: 40 }, (_, i) => i);
    const labels = (i: number) => (i % 4 === 0 ? ['a'] : ['-a']);
    assert.deepEqual(stratifiedFolds(items, 5, 7, labels), stratifiedFolds(items, 5, 7, labels));
    assert.notDeepEqual(stratifiedFolds(items, 5, 7, labels), stratifiedFolds(items, 5, 8, labels));
  });

  it('spreads every label evenly over the folds (within two notes)', () => {
    const random = seededRandom(3);
    const items = Array.from({ length: 97 }, () => ({ a: random() < 0.2, b: random() < 0.5, c: random() < 0.05 }));
    const labels = (item: { a: boolean; b: boolean; c: boolean }) =>
      (['a', 'b', 'c'] as const).map((key) => (item[key] ? key : `-${key}`));
    const fold = stratifiedFolds(items, 5, 1, labels);
    for (const label of ['a', '-a', 'b', '-b', 'c', '-c']) {
      const perFold = [0, 1, 2, 3, 4].map((f) => items.filter((item, i) => fold[i] === f && labels(item).includes(label)).length);
      assert.ok(Math.max(...perFold) - Math.min(...perFold) <= 2, `${label}: ${perFold.join(', ')}`);
    }
    const sizes = [0, 1, 2, 3, 4].map((f) => fold.filter((x) => x === f).length);
    assert.ok(Math.max(...sizes) - Math.min(...sizes) <= 1, `fold sizes ${sizes.join(', ')}`);
  });

  it('refuses fewer notes than folds, and fewer than two folds', () => {
    assert.throws(() => stratifiedFolds([1, 2], 3, 1, () => []), /at least 3 notes/);
    assert.throws(() => stratifiedFolds([1, 2, 3], 1, 1, () => []), /at least 2/);
  });
});

describe('cross-validation', () => {
  it('fits on the training folds only and holds every note out exactly once', () => {
    const all = notes();
    const seen: string[][] = [];
    const cv = crossValidate(all, {
      folds: 4,
      seed: 11,
      fit: (training, fold) => {
        seen[fold] = training.map((n) => n.id);
        return defaultPack;
      },
    });
    const heldOut = cv.assignment.flat().sort();
    assert.deepEqual(heldOut, all.map((n) => n.id).sort());
    cv.assignment.forEach((ids, fold) => {
      for (const id of ids) assert.ok(!seen[fold].includes(id), `${id} was trained on in the fold it was held out of`);
      assert.equal(seen[fold].length + ids.length, all.length);
    });
    assert.equal(cv.outcomes.length, all.length * 2);
  });

  it('reports the mean over folds and the worst fold', () => {
    const cv = crossValidate(notes(), { folds: 4, seed: 11 });
    const fear = cv.elements['explain.fear-anger'];
    assert.equal(fear.folds.length, 4);
    assert.equal(fear.mean.f1, 1);
    assert.equal(fear.evidenceOverlap, 7);
    assert.equal(fear.evidenceChecked, 7);
    const worst = Math.min(...fear.folds.map((s) => s.f1));
    assert.equal(fear.worst.f1, worst);
    assert.equal(cv.elements.plan.mean.precision, 1);
  });
});
