import * as assert from 'node:assert/strict';
import { analyze } from '../../src/engine';

const planOf = (text: string) => {
  const analysis = analyze(text);
  return { result: analysis.results.find((r) => r.ruleId === 'plan')!, findings: analysis.findings.filter((f) => f.ruleId === 'plan') };
};

describe('plan rule', () => {
  it('finds a plan section with actionable content', () => {
    const text = 'HPI: Cough.\nASSESSMENT: Bronchitis.\nPLAN: Start albuterol 2 puffs q4h as needed.\n';
    const { result, findings } = planOf(text);
    assert.equal(result.status, 'documented');
    assert.deepEqual(findings, []);
    assert.match(text.slice(result.evidence[0].span.start, result.evidence[0].span.end), /albuterol/);
  });

  it('reports an empty plan section on its header', () => {
    const text = 'HPI: Cough.\nASSESSMENT: Bronchitis.\nPLAN:\n\n';
    const { result, findings } = planOf(text);
    assert.equal(result.status, 'missing');
    assert.equal(findings.length, 1);
    assert.equal(text.slice(findings[0].range.start, findings[0].range.end), 'PLAN:');
    assert.equal(findings[0].insertion.section, 'plan');
  });

  it('reports a placeholder-only plan at the placeholder', () => {
    const text = 'HPI: Cough.\nPLAN: ***\n';
    const { findings } = planOf(text);
    assert.equal(findings.length, 1);
    assert.equal(findings[0].kind, 'placeholder');
    assert.equal(text.slice(findings[0].range.start, findings[0].range.end), '***');
  });

  it('accepts plan statements outside a plan section', () => {
    assert.equal(planOf('Cough for three days. We will obtain a chest x-ray today.').result.status, 'documented');
  });

  it('does not take a past treatment in the history for a plan', () => {
    const { result, findings } = planOf('HPI: She was started on amoxicillin last week.\nASSESSMENT: Sinusitis.\n');
    assert.equal(result.status, 'missing');
    assert.equal(findings[0].insertion.createSection, 'PLAN');
  });

  it('needs an action in an assessment-and-plan section, not only a diagnosis', () => {
    assert.equal(planOf('HPI: Thirsty.\nASSESSMENT AND PLAN:\nType 2 diabetes, above goal.\n').result.status, 'missing');
    assert.equal(planOf('HPI: Thirsty.\nASSESSMENT AND PLAN:\nType 2 diabetes. Increase metformin to 1000 mg b.i.d.\n').result.status, 'documented');
  });

  it('anchors on the first line when the note has no sections', () => {
    const text = '\nCough for three days, no fever.\nLungs clear.';
    const { findings } = planOf(text);
    assert.equal(text.slice(findings[0].range.start, findings[0].range.end), 'Cough for three days, no fever.');
  });

  it('is deterministic and handles empty notes', () => {
    const text = 'HPI: Cough.\nPLAN: Rest.\n';
    assert.deepEqual(analyze(text), analyze(text));
    assert.equal(analyze('').findings[0].ruleId, 'plan');
    assert.deepEqual(analyze('').findings[0].range, { start: 0, end: 0 });
  });

  it('skips binary and oversized input with a reason', () => {
    assert.match(analyze('abc\u0000def').skipped!.reason, /binary/);
    assert.match(analyze('x'.repeat(50), { maxChars: 10 }).skipped!.reason, /over the limit/);
  });
});
