import * as assert from 'node:assert/strict';
import { defaultPack } from '../../src/engine';
import { applyPackConfig, runRuleExamples } from '../../src/engine/pack';
import { interpreterRule } from './pack-helpers';

describe('runRuleExamples', () => {
  // Whether the built-in rules pass is rule-examples.test.ts's business; here, that every rule is run, in order.
  it('runs every rule of the pack, in pack order', () => {
    const results = runRuleExamples(defaultPack);
    assert.deepEqual(results.map((r) => r.ruleId), defaultPack.rules.map((r) => r.id));
  });

  it('passes a rule whose examples hold', () => {
    const { pack } = applyPackConfig({ customRules: [interpreterRule()] }, 'test');
    assert.deepEqual(runRuleExamples(pack, ['clinic.interpreter']), [{ ruleId: 'clinic.interpreter', passed: true, failures: [] }]);
  });

  it('reports each failing example by kind, index and reason', () => {
    const rule = interpreterRule({
      examples: {
        documented: ['HPI: Seen with an interpreter.', 'HPI: Spoke through her son.'],
        missing: ['HPI: Cough.', 'HPI: Interpreter services were used throughout the visit.'],
      },
    });
    const { pack, errors } = applyPackConfig({ customRules: [rule] }, 'test');
    assert.deepEqual(errors, []);
    const [result] = runRuleExamples(pack, ['clinic.interpreter']);
    assert.equal(result.ruleId, 'clinic.interpreter');
    assert.equal(result.passed, false);
    assert.deepEqual(
      result.failures.map((f) => [f.kind, f.index]),
      [['documented', 1], ['missing', 1]],
    );
    assert.match(result.failures[0].reason, /no evidence found/);
    assert.match(result.failures[1].reason, /evidence found in the hpi section: "Interpreter services were used throughout the visit\."/);
  });

  it('runs the examples of overridden rules against the new evidence', () => {
    const { pack } = applyPackConfig({ rules: { plan: { evidence: [{ phrases: ['plan of care'] }] } } }, 'test');
    const [result] = runRuleExamples(pack, ['plan']);
    assert.equal(result.passed, false);
    assert.ok(result.failures.every((f) => f.kind === 'documented'));
  });
});
