// The paragraph cache (units.ts) must never change a result: every input that changes how a
// paragraph is read is part of its key, so any order of analyses gives what a fresh one gives.
import * as assert from 'node:assert/strict';
import { analyze, defaultPack } from '../../src/engine';
import { compilePack } from '../../src/engine/compile';
import { clearUnitCache } from '../../src/engine/units';

const compiled = compilePack(defaultPack);
const fresh = (text: string) => {
  clearUnitCache(compiled);
  return analyze(text);
};
const statusOf = (text: string, ruleId: string) => analyze(text).results.find((r) => r.ruleId === ruleId)?.status;

// The same paragraph in notes that must read it differently.
const PARAGRAPH = 'Her mother is worried the rash will spread to the rest of the family.';
const ADULT = `HPI: 40-year-old woman with a rash on both hands.\n\n${PARAGRAPH}\n`;
const CHILD = `HPI: 4-year-old boy with a rash on both hands.\n\n${PARAGRAPH}\n`;
const IN_ASSESSMENT = `HPI: Rash on both hands.\n\nASSESSMENT: Contact dermatitis.\n\n${PARAGRAPH}\n`;

describe('paragraph cache', () => {
  afterEach(() => clearUnitCache(compiled));

  it("reads a paragraph again when a proxy speaks for the patient (a child's note after an adult's)", () => {
    // The difference is real: the mother's worry is the child's concern, not the adult's.
    assert.equal(fresh(ADULT).results.find((r) => r.ruleId === 'explain.fear-anger')?.status, 'missing');
    assert.equal(fresh(CHILD).results.find((r) => r.ruleId === 'explain.fear-anger')?.status, 'documented');
    clearUnitCache(compiled);
    analyze(ADULT);
    assert.equal(statusOf(CHILD, 'explain.fear-anger'), 'documented');
    clearUnitCache(compiled);
    analyze(CHILD);
    assert.equal(statusOf(ADULT, 'explain.fear-anger'), 'missing');
  });

  it('gives every note of a batch the fresh result, in any order', () => {
    const notes = [ADULT, CHILD, IN_ASSESSMENT, CHILD.replace('HPI:', 'SUBJECTIVE:'), ADULT.replace(/\n\n/g, '\n')];
    const expected = notes.map(fresh);
    for (const order of [[0, 1, 2, 3, 4], [4, 3, 2, 1, 0], [2, 0, 3, 1, 4, 0, 2]]) {
      clearUnitCache(compiled);
      for (const i of order) assert.deepEqual(analyze(notes[i]), expected[i], `note ${i} in order ${order.join(',')}`);
    }
  });

  it('keeps one cache per pack: the same paragraph under two packs is read by each', () => {
    const noContext = { ...defaultPack, context: { triggers: [], terminators: [], pseudo: [] } };
    const text = 'HPI: Rash.\n\nShe is not worried about it.\n';
    analyze(text);
    assert.equal(analyze(text, { pack: noContext }).results.find((r) => r.ruleId === 'explain.fear-anger')?.status, 'documented');
    assert.equal(statusOf(text, 'explain.fear-anger'), 'missing');
  });
});
