import * as assert from 'node:assert/strict';
import { analyze, defaultPack } from '../../src/engine';

// Every rule carries its own examples; the default pack must pass all of them.
describe('default pack rule examples', () => {
  for (const rule of defaultPack.rules) {
    describe(rule.id, () => {
      rule.examples.documented.forEach((example, i) => {
        it(`documented example ${i + 1} has evidence`, () => {
          const result = analyze(example).results.find((r) => r.ruleId === rule.id)!;
          assert.ok(result.evidence.length > 0, `no evidence in: ${example}`);
        });
      });
      rule.examples.missing.forEach((example, i) => {
        it(`missing example ${i + 1} has none`, () => {
          const result = analyze(example).results.find((r) => r.ruleId === rule.id)!;
          assert.equal(result.evidence.length, 0, `unexpected evidence in: ${example}`);
        });
      });
    });
  }
});
