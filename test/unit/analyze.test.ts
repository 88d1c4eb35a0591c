// How analyze() turns pattern matches into evidence, statuses and findings, on small rules made up
// for the test (the default pack's context words, none of its rules).
import * as assert from 'node:assert/strict';
import { analyze, defaultPack, type AnalyzeOptions, type EvidencePattern, type Rule, type RulePack, type SeveritySetting } from '../../src/engine';

function rule(id: string, evidence: EvidencePattern[], fields: Partial<Rule> = {}): Rule {
  return {
    id,
    skill: 'Test',
    behavior: 'Test',
    title: `Test ${id}`,
    level: 'core',
    severity: 'warning',
    message: `No ${id} in {section}`,
    rationale: 'For the test.',
    counts: 'For the test.',
    evidence,
    prompt: { label: `Insert ${id}`, snippet: `${id}: \${1:<text>}`, sections: ['plan'], createSection: 'PLAN' },
    examples: { documented: [], missing: [] },
    ...fields,
  };
}

const PACK: RulePack = {
  ...defaultPack,
  name: 'analyze-test',
  profiles: [
    { id: 'default', description: 'Default.' },
    { id: 'quiet', description: 'Turns one rule down.', detect: ['quiet visit'], rules: { worry: 'information' } },
  ],
  rules: [
    rule('worry', [{ phrases: ['worried'], attribution: 'patient' }]),
    rule('worry-voiced', [{ phrases: ['worried'], attribution: 'patient-voice' }]),
    rule('splint', [{ phrases: ['splint'], sections: ['plan'] }]),
    rule('sling', [{ phrases: ['sling'], notSections: ['physical-exam'] }]),
    rule('declined', [{ phrases: ['declines the splint'], allowContext: ['negated'] }]),
    rule('ice', [{ phrases: ['ice'], unless: 'ice cream' }]),
    rule('choices', [{ phrases: ['choices reviewed'], alongWith: 'prefers|agrees' }]),
    rule('prefers', [{ phrases: ['prefers'], attribution: 'patient' }]),
    rule('talked', [
      { phrases: ['talked it over'] },
      { phrases: ['options reviewed'], strength: 'boilerplate' },
    ]),
    rule('teaching', [{ phrases: ['nutrition'] }], { level: 'teaching' }),
  ],
};

/** `severities` set rules' own severities, as a setting or a pack file does. */
function run(text: string, options: AnalyzeOptions & { severities?: Record<string, SeveritySetting> } = {}) {
  const { severities = {}, ...rest } = options;
  const pack = { ...PACK, rules: PACK.rules.map((r) => (severities[r.id] ? { ...r, severity: severities[r.id] } : r)) };
  const analysis = analyze(text, { pack, ...rest });
  return {
    analysis,
    status: (id: string) => analysis.results.find((r) => r.ruleId === id)?.status,
    findings: (id: string) => analysis.findings.filter((f) => f.ruleId === id),
  };
}

describe('analyze: who must be speaking', () => {
  it('an unattributed sentence is the patient\'s in a history section, for `patient` patterns only', () => {
    for (const header of ['HPI', 'SUBJECTIVE', 'CHIEF COMPLAINT', 'REVIEW OF SYSTEMS', 'SOCIAL HISTORY']) {
      const { status } = run(`${header}: Worried about the long drive home.`);
      assert.equal(status('worry'), 'documented', header);
      assert.equal(status('worry-voiced'), 'missing', header);
    }
  });

  it('outside a history section, an unattributed sentence is nobody\'s', () => {
    for (const header of ['ASSESSMENT', 'PLAN', 'HOSPITAL COURSE']) {
      assert.equal(run(`${header}: Worried about the long drive home.`).status('worry'), 'missing', header);
    }
  });

  it('the patient named as speaker counts anywhere, for both', () => {
    const { status } = run('ASSESSMENT: She is worried about the long drive home.');
    assert.equal(status('worry'), 'documented');
    assert.equal(status('worry-voiced'), 'documented');
  });

  it("the clinician's or another person's words count for neither", () => {
    for (const sentence of ['We discussed that the team is worried about the long drive.', 'Her husband says he is worried about the long drive.']) {
      const { status } = run(`HPI: ${sentence}`);
      assert.equal(status('worry'), 'missing', sentence);
      assert.equal(status('worry-voiced'), 'missing', sentence);
    }
  });

  it("a parent's words count for a child", () => {
    const { status } = run('HPI: 6-year-old boy with a cough. His father says he is worried about the long drive.');
    assert.equal(status('worry'), 'documented');
    assert.equal(status('worry-voiced'), 'documented');
  });
});

describe('analyze: where and how a pattern counts', () => {
  it('`sections` limits a pattern to those sections', () => {
    assert.equal(run('PLAN: Wrist splint at night.').status('splint'), 'documented');
    assert.equal(run('HPI: Wears a wrist splint at night.').status('splint'), 'missing');
  });

  it('`notSections` keeps a pattern out of those sections', () => {
    assert.equal(run('PLAN: Arm sling for a week.').status('sling'), 'documented');
    assert.equal(run('PHYSICAL EXAM: Arm in a sling.').status('sling'), 'missing');
  });

  it('`allowContext` lets a match count in that context', () => {
    assert.equal(run('PLAN: She declines the splint.').status('declined'), 'documented');
    assert.equal(run('PLAN: She never declines the splint.').status('declined'), 'documented');
    assert.equal(run('PLAN: She never talked it over.').status('talked'), 'missing');
  });

  it('`unless` look-alikes do not count', () => {
    assert.equal(run('PLAN: Ice the ankle.').status('ice'), 'documented');
    assert.equal(run('PLAN: Ice cream after the tonsillectomy.').status('ice'), 'missing');
  });

  it('`alongWith` counts a match only beside its companion in the same paragraph', () => {
    assert.equal(run('PLAN: Choices reviewed: a brace or surgery. She prefers the brace.').status('choices'), 'documented');
    assert.equal(run('PLAN: Choices reviewed: a brace or surgery.').status('choices'), 'missing');
    assert.equal(run('PLAN: Choices reviewed: a brace or surgery.\n\nShe prefers the brace.').status('choices'), 'missing');
  });

  it('a clause after a semicolon or a contrast may name its own speaker', () => {
    assert.equal(run('PLAN: We went over the brace and surgery; she prefers the brace.').status('prefers'), 'documented');
    assert.equal(run('PLAN: Her husband wants surgery; she prefers the brace.').status('prefers'), 'documented');
    assert.equal(run('PLAN: Her husband wants surgery, but she prefers the brace.').status('prefers'), 'documented');
    assert.equal(run('PLAN: She heard about the brace; her sister prefers surgery.').status('prefers'), 'missing');
  });
});

describe('analyze: statuses and findings', () => {
  it('specific evidence documents a rule, with no finding', () => {
    const { status, findings } = run('PLAN: We talked it over.');
    assert.equal(status('talked'), 'documented');
    assert.deepEqual(findings('talked'), []);
  });

  it('boilerplate alone is weak, reported on the evidence', () => {
    const text = 'HPI: Cough.\nPLAN: Options reviewed.';
    const { status, findings } = run(text);
    assert.equal(status('talked'), 'weak');
    const [finding] = findings('talked');
    assert.equal(finding.kind, 'weak');
    assert.equal(text.slice(finding.range.start, finding.range.end), 'Options reviewed.');
  });

  it('a weak finding of a rule set to error is shown as a warning: weak is not as bad as missing', () => {
    const { findings } = run('PLAN: Options reviewed.', { severities: { talked: 'error' } });
    assert.deepEqual(findings('talked').map((f) => [f.kind, f.severity]), [['weak', 'warning']]);
    const missing = run('PLAN: Rest.', { severities: { talked: 'error' } }).findings('talked');
    assert.deepEqual(missing.map((f) => [f.kind, f.severity]), [['missing', 'error']]);
  });

  it('no evidence is missing, reported where the prompt belongs', () => {
    const text = 'HPI: Cough.\nPLAN: Rest.';
    const [finding] = run(text).findings('talked');
    assert.equal(finding.kind, 'missing');
    assert.equal(text.slice(finding.range.start, finding.range.end), 'PLAN:');
  });

  it('a teaching rule is never missing', () => {
    const { status, findings } = run('PLAN: Rest.');
    assert.equal(status('teaching'), 'not-expected');
    assert.deepEqual(findings('teaching'), []);
  });

  it('an unfilled placeholder is reported once, as a placeholder, not also as missing', () => {
    const text = 'PLAN: We talked it over: ***';
    const { status, findings } = run(text);
    assert.equal(status('talked'), 'missing');
    assert.deepEqual(findings('talked').map((f) => [f.kind, text.slice(f.range.start, f.range.end)]), [['placeholder', '***']]);
  });
});

describe('analyze: severities', () => {
  it("the note type's profile outranks the rule's severity (which settings and pack files set)", () => {
    const text = 'Visit type: quiet visit\nPLAN: Rest.';
    assert.equal(run('PLAN: Rest.').findings('worry')[0].severity, 'warning');
    assert.equal(run('PLAN: Rest.', { severities: { worry: 'error' } }).findings('worry')[0].severity, 'error');
    assert.equal(run(text).findings('worry')[0].severity, 'information');
    assert.equal(run(text, { severities: { worry: 'error' } }).findings('worry')[0].severity, 'information');
    assert.equal(run(text, { profile: 'default', severities: { worry: 'error' } }).findings('worry')[0].severity, 'error');
  });

  it('a rule turned off reports nothing but still collects its evidence', () => {
    assert.deepEqual(run('PLAN: Rest.', { severities: { worry: 'off' } }).findings('worry'), []);
    const { status } = run('PLAN: She is worried.', { severities: { worry: 'off' } });
    assert.equal(status('worry'), 'documented');
  });

  it('orders findings by position, then by severity', () => {
    const { analysis } = run('PLAN: Rest.', { severities: { talked: 'error', sling: 'hint' } });
    const onPlan = analysis.findings.filter((f) => f.range.start === analysis.findings[0].range.start).map((f) => f.severity);
    assert.deepEqual(onPlan, [...onPlan].sort((a, b) => ['error', 'warning', 'information', 'hint'].indexOf(a) - ['error', 'warning', 'information', 'hint'].indexOf(b)));
    assert.equal(onPlan[0], 'error');
    assert.equal(onPlan[onPlan.length - 1], 'hint');
  });
});

describe('analyze: override lines', () => {
  const override = (id: string) => `[Healing Notes: ${id} discussed, not documented — ran out of time]`;

  it('turn a weak rule into an overridden one, without findings', () => {
    const { status, findings } = run(`PLAN: Options reviewed.\n${override('talked')}\n`);
    assert.equal(status('talked'), 'overridden');
    assert.deepEqual(findings('talked'), []);
  });

  it('turn a missing rule into an overridden one, and leave documented rules alone', () => {
    const { status, findings } = run(`PLAN: We talked it over.\n${override('talked')}\n${override('splint')}\n`);
    assert.equal(status('talked'), 'documented');
    assert.equal(status('splint'), 'overridden');
    assert.deepEqual(findings('splint'), []);
  });
});
