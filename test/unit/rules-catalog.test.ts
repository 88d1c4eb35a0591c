import * as assert from 'node:assert/strict';
import { analyze, defaultPack, type Level, type Rule } from '../../src/engine';

/** The 31 behaviors of Churchill & Schenck's table, in its order, with their level (shared/design/skills.md). */
const BEHAVIORS: [string, Level][] = [
  ['little-things.introduce', 'supporting'],
  ['little-things.greet-all', 'supporting'],
  ['little-things.courtesies', 'teaching'],
  ['little-things.attention', 'teaching'],
  ['little-things.personable', 'supporting'],
  ['listen.still', 'teaching'],
  ['listen.quiet', 'teaching'],
  ['listen.interested', 'supporting'],
  ['listen.present', 'supporting'],
  ['open.vulnerable', 'teaching'],
  ['open.brave', 'supporting'],
  ['open.face-pain', 'supporting'],
  ['open.unspoken', 'supporting'],
  ['like.risk', 'teaching'],
  ['like.stretch', 'teaching'],
  ['like.family', 'teaching'],
  ['barriers.humility', 'teaching'],
  ['barriers.power', 'supporting'],
  ['barriers.bridges', 'supporting'],
  ['barriers.safe-space', 'supporting'],
  ['explain.understanding', 'core'],
  ['explain.fear-anger', 'core'],
  ['explain.hopes', 'core'],
  ['authority.guidance', 'supporting'],
  ['authority.permission', 'core'],
  ['authority.self-healing', 'supporting'],
  ['authority.confident', 'teaching'],
  ['committed.no-abandon', 'core'],
  ['committed.trust', 'supporting'],
  ['committed.faithful', 'supporting'],
  ['committed.thankful', 'teaching'],
];
const EXPECTED_LEVELS = new Map<string, Level>([...BEHAVIORS, ['plan', 'core']]);

const SKILLS: Record<string, string> = {
  'little-things': 'Do the little things',
  listen: 'Take time and listen',
  open: 'Be open',
  like: 'Find something to like',
  barriers: 'Remove barriers',
  explain: 'Let the patient explain',
  authority: 'Share authority',
  committed: 'Be committed and trustworthy',
};

const SEVERITY: Record<Level, string> = { core: '', supporting: 'hint', teaching: 'hint' };

/** A note with the usual sections and nothing of the supporting or teaching behaviors in it. */
const BARE_NOTE = [
  'CHIEF COMPLAINT: Cough.',
  'HPI: Dry cough for five days, worse at night. No fever.',
  'SOCIAL HISTORY: Nonsmoker.',
  'PHYSICAL EXAM: Lungs clear. Throat mildly red.',
  'ASSESSMENT: Post-viral cough.',
  'PLAN: Honey at night. Recheck in 2 weeks.',
  '',
].join('\n');

/** The text VS Code inserts for a snippet left at its defaults: first choice, tabstop default text. */
function snippetDefaults(snippet: string): string {
  return snippet
    .replace(/\$\{\d+\|([^|]*)\|\}/g, (_, choices: string) => choices.split(',')[0])
    .replace(/\$\{\d+:([^}]*)\}/g, '$1')
    .replace(/\$\d+/g, '');
}

const rules = defaultPack.rules;
const byId = (id: string): Rule => rules.find((r) => r.id === id)!;
const resultOf = (text: string, id: string) => analyze(text).results.find((r) => r.ruleId === id)!;

describe('default rule catalog', function () {
  // The first analysis compiles the pack's regular expressions.
  this.timeout(20_000);

  it('covers exactly the 31 behaviors of the paper, plus the plan', () => {
    assert.deepEqual([...rules.map((r) => r.id)].sort(), [...EXPECTED_LEVELS.keys()].sort());
    assert.equal(rules.length, 32);
  });

  it('has unique ids', () => {
    assert.equal(new Set(rules.map((r) => r.id)).size, rules.length);
  });

  it("lists the behaviors in the order of the paper's table", () => {
    assert.deepEqual(
      rules.map((r) => r.id).filter((id) => id !== 'plan'),
      BEHAVIORS.map(([id]) => id),
    );
  });

  for (const [id, level] of EXPECTED_LEVELS) {
    describe(id, () => {
      it(`is a ${level} rule of the right skill`, () => {
        const rule = byId(id);
        assert.equal(rule.level, level);
        if (id !== 'plan') assert.equal(rule.skill, SKILLS[id.split('.')[0]]);
        if (level !== 'core') assert.equal(rule.severity, SEVERITY[level]);
      });

      it('says what it is, why it matters and what counts', () => {
        const rule = byId(id);
        for (const field of ['title', 'behavior', 'message', 'rationale', 'counts'] as const) {
          assert.ok(rule[field].trim().length > 0, `${id}: empty ${field}`);
        }
        assert.ok(rule.title.split(/\s+/).length <= 6, `${id}: title "${rule.title}" is more than a few words`);
        assert.ok(rule.evidence.length > 0, `${id}: no evidence patterns`);
      });

      it('has at least 3 documented and 3 missing examples', () => {
        const { documented, missing } = byId(id).examples;
        assert.ok(documented.length >= 3, `${id}: ${documented.length} documented examples`);
        assert.ok(missing.length >= 3, `${id}: ${missing.length} missing examples`);
      });
    });
  }

  describe('teaching rules', () => {
    const teaching = rules.filter((r) => r.level === 'teaching');

    it('run only the evidence check and carry no prompt', () => {
      for (const rule of teaching) {
        assert.equal(rule.checks, undefined, `${rule.id} sets its own checks`);
        assert.equal(rule.prompt, undefined, `${rule.id} has a prompt`);
      }
    });

    it('produce no findings on a note that lacks them', () => {
      const analysis = analyze(BARE_NOTE);
      for (const rule of teaching) {
        const result = analysis.results.find((r) => r.ruleId === rule.id)!;
        assert.equal(result.status, 'not-expected', rule.id);
        assert.deepEqual(analysis.findings.filter((f) => f.ruleId === rule.id), [], rule.id);
      }
    });

    it('still credit the behavior when the note shows it', () => {
      for (const rule of teaching) {
        assert.equal(resultOf(rule.examples.documented[0], rule.id).status, 'documented', rule.id);
      }
    });
  });

  describe('supporting rules', () => {
    const supporting = rules.filter((r) => r.level === 'supporting');

    it('are gentle hints: one hint on a note that lacks them', () => {
      const analysis = analyze(BARE_NOTE);
      for (const rule of supporting) {
        const findings = analysis.findings.filter((f) => f.ruleId === rule.id);
        assert.deepEqual(findings.map((f) => [f.kind, f.severity]), [['missing', 'hint']], rule.id);
      }
    });

    for (const rule of supporting) {
      it(`${rule.id}: its prompt, left at its defaults, is an unfilled placeholder rather than evidence`, () => {
        assert.ok(rule.prompt, `${rule.id} has no prompt`);
        assert.ok(!rule.message.includes('{section}') || rule.prompt.sections.length > 0);
        const [missing] = analyze(BARE_NOTE).findings.filter((f) => f.ruleId === rule.id);
        const { offset, createSection } = missing.insertion;
        const inserted = `${createSection ? `\n\n${createSection}:` : ''}\n${rule.prompt.label}: ${snippetDefaults(rule.prompt.snippet)}`;
        const text = BARE_NOTE.slice(0, offset) + inserted + BARE_NOTE.slice(offset);
        const analysis = analyze(text);
        assert.deepEqual(analysis.results.find((r) => r.ruleId === rule.id)!.evidence, [], `evidence in:\n${text}`);
        const kinds = analysis.findings.filter((f) => f.ruleId === rule.id).map((f) => f.kind);
        assert.ok(kinds.length > 0 && kinds.every((k) => k === 'placeholder'), `findings ${kinds.join(', ') || 'none'} in:\n${text}`);
      });
    }
  });
});
