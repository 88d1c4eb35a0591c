import * as assert from 'node:assert/strict';
import { analyze, defaultPack, type RulePack } from '../../src/engine';
import { applyPackConfig, formatPackError, loadPackFile, validatePack, validatePackText, type PackError } from '../../src/engine/pack';
import { interpreterRule, json, memoryFiles } from './pack-helpers';

const FILE = '/ws/.healingnotes.json';

function load(text: string, base: RulePack = defaultPack, restricted = false) {
  return loadPackFile(FILE, memoryFiles({ [FILE]: text }), base, { restricted });
}

/** Loads a pack expected to fail; the base pack must come back unchanged. */
function failing(text: string, restricted = false): PackError[] {
  const base: RulePack = { ...defaultPack, name: 'last-good' };
  const result = load(text, base, restricted);
  assert.ok(result.errors.length > 0, 'expected errors');
  assert.equal(result.pack, base, 'the last good pack stays');
  for (const error of result.errors) assert.equal(error.file, FILE);
  return result.errors;
}

function only(errors: PackError[]): PackError {
  assert.equal(errors.length, 1, errors.map(formatPackError).join('\n'));
  return errors[0];
}

const rule = (pack: RulePack, id: string) => pack.rules.find((r) => r.id === id)!;

describe('pack loading', () => {
  describe('valid packs', () => {
    it('changes a severity and a message, leaving the base pack alone', () => {
      const result = load(json({ rules: { plan: 'off', 'explain.hopes': { message: 'No goals written' } } }));
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.files, [FILE]);
      assert.equal(rule(result.pack, 'plan').severity, 'off');
      if (defaultPack.rules.some((r) => r.id === 'explain.hopes')) assert.equal(rule(result.pack, 'explain.hopes').message, 'No goals written');
      assert.equal(rule(defaultPack, 'plan').severity, 'error');
    });

    it('accepts comments, trailing commas and an empty file', () => {
      const result = load('{\n  // quieter\n  "rules": { "plan": "hint", /* why */ },\n}\n');
      assert.deepEqual(result.errors, []);
      assert.equal(rule(result.pack, 'plan').severity, 'hint');
      assert.deepEqual(load('').errors, []);
      assert.deepEqual(load('// nothing yet\n').errors, []);
    });

    it('adds a custom rule that analyze() runs', () => {
      const result = load(json({ customRules: [interpreterRule()] }));
      assert.deepEqual(result.errors.map(formatPackError), []);
      const found = analyze('HPI: Seen with a Spanish interpreter by video.\nPLAN: Start ibuprofen.', { pack: result.pack });
      assert.equal(found.results.find((r) => r.ruleId === 'clinic.interpreter')?.status, 'documented');
      const missing = analyze('HPI: Cough for three days.\nPLAN: Start ibuprofen.', { pack: result.pack });
      const finding = missing.findings.find((f) => f.ruleId === 'clinic.interpreter');
      assert.equal(finding?.message, 'No interpreter use recorded in HPI');
      assert.equal(finding?.severity, 'warning');
    });

    it('merges section header names, moving a name from another kind', () => {
      const result = load(json({ sections: [{ kind: 'hpi', names: ['Story In Her Words'] }, { kind: 'plan', names: ['summary'] }] }));
      assert.deepEqual(result.errors, []);
      const note = 'STORY IN HER WORDS: Cough for a week.\nSUMMARY: Start ibuprofen 400 mg.';
      assert.deepEqual(analyze(note, { pack: result.pack }).sections.map((s) => s.kind), ['hpi', 'plan']);
      assert.ok(!result.pack.sections.find((s) => s.kind === 'assessment')?.names.includes('summary'));
    });

    it('merges profiles by id and selects the pack profile for notes that name none', () => {
      const result = load(json({ profile: 'clinic-walk-in', profiles: [{ id: 'clinic-walk-in', description: 'Walk-in clinic', rules: { plan: 'hint' } }, { id: 'brief', rules: { plan: 'off' } }] }));
      assert.deepEqual(result.errors, []);
      assert.equal(analyze('HPI: Cough.', { pack: result.pack }).profile, 'clinic-walk-in');
      assert.equal(analyze('Visit type: follow-up\nHPI: Cough.', { pack: result.pack }).profile, 'follow-up');
      const brief = result.pack.profiles.find((p) => p.id === 'brief')!;
      assert.equal(brief.rules?.plan, 'off');
      assert.ok(Object.keys(brief.rules ?? {}).length > 1, 'existing per-rule settings of the profile are kept');
    });

    it('layers user settings below the workspace file', () => {
      const user = applyPackConfig({ rules: { plan: 'hint' }, customRules: [interpreterRule()] }, 'User settings', defaultPack);
      assert.deepEqual(user.errors, []);
      const result = load(json({ rules: { 'clinic.interpreter': 'off' } }), user.pack);
      assert.deepEqual(result.errors, []);
      assert.equal(rule(result.pack, 'plan').severity, 'hint');
      assert.equal(rule(result.pack, 'clinic.interpreter').severity, 'off');
    });
  });

  describe('malformed packs name the file, the JSON path and what is allowed', () => {
    it('invalid JSON, with its position', () => {
      const error = only(failing('{\n  "rules": {\n    "plan": "off"\n    "explain.hopes": "hint"\n  }\n}'));
      assert.match(error.message, /^invalid JSON: expected ","/);
      assert.deepEqual([error.line, error.column], [4, 5]);
      assert.match(formatPackError(error), /^\/ws\/\.healingnotes\.json:4:5: invalid JSON/);
    });

    it('a wrong type', () => {
      const error = only(failing('{ "rules": { "plan": 5 } }'));
      assert.equal(error.path, 'rules.plan');
      assert.match(error.message, /expected a string or an object, found a number \(5\)/);
    });

    it('a bad severity, with a suggestion and the allowed values', () => {
      const error = only(failing('{\n  "rules": {\n    "plan": "warn"\n  }\n}'));
      assert.equal(formatPackError(error), '/ws/.healingnotes.json:3:13: rules.plan: "warn" is not allowed; did you mean "warning"?; use one of "off", "error", "warning", "information", "hint"');
    });

    it('an unknown rule id in overrides', () => {
      const error = only(failing('{\n  "rules": {\n    "plan.": "off"\n  }\n}'));
      assert.equal(error.path, 'rules["plan."]');
      assert.match(error.message, /no rule "plan\." in the pack; did you mean "plan"\?/);
      assert.deepEqual([error.line, error.column], [3, 5]);
    });

    it('an unknown property', () => {
      const error = only(failing('{ "rules": { "plan": { "severty": "off" } } }'));
      assert.equal(error.path, 'rules.plan.severty');
      assert.match(error.message, /unknown property "severty"; did you mean "severity"\?; allowed: severity, message/);
    });

    it('a custom rule missing a required field, or its examples', () => {
      const { rationale: _, ...noRationale } = interpreterRule();
      const error = only(failing(json({ customRules: [noRationale] })));
      assert.equal(error.path, 'customRules[0]');
      assert.equal(error.message, 'missing required property "rationale"');
      const { examples: __, ...noExamples } = interpreterRule();
      assert.equal(only(failing(json({ customRules: [noExamples] }))).message, 'missing required property "examples"');
      const empty = only(failing(json({ customRules: [interpreterRule({ examples: { documented: [], missing: ['x'] } })] })));
      assert.equal(empty.path, 'customRules[0].examples.documented');
    });

    it('duplicate custom ids, and ids that clash with existing rules', () => {
      const twice = only(failing(json({ customRules: [interpreterRule(), interpreterRule()] })));
      assert.equal(twice.path, 'customRules[1].id');
      assert.match(twice.message, /defined twice, also at customRules\[0\]/);
      const clash = only(failing(json({ customRules: [interpreterRule({ id: 'plan' })] })));
      assert.match(clash.message, /"plan" is already a rule \("Recorded plan"\)/);
      const layered = applyPackConfig({ customRules: [interpreterRule()] }, 'User settings').pack;
      const result = load(json({ customRules: [interpreterRule()] }), layered);
      assert.match(only(result.errors).message, /already a rule/);
    });

    it('a malformed rule id', () => {
      const error = only(failing(json({ customRules: [interpreterRule({ id: 'Clinic Interpreter' })] })));
      assert.equal(error.path, 'customRules[0].id');
      assert.match(error.message, /Use lower-case words joined by dots or hyphens/);
    });

    it('unknown check kinds, and checks that do not start with evidence', () => {
      const unknown = only(failing(json({ rules: { plan: { checks: ['evidence', 'mising'] } } })));
      assert.equal(unknown.path, 'rules.plan.checks[1]');
      assert.match(unknown.message, /did you mean "missing"\?; use one of "evidence", "missing", "weak", "placeholder"/);
      const order = only(failing(json({ rules: { plan: { checks: ['missing', 'evidence'] } } })));
      assert.match(order.message, /must start with "evidence"/);
    });

    it('unknown section kinds and context kinds', () => {
      const section = only(failing(json({ sections: [{ kind: 'histroy', names: ['story'] }] })));
      assert.equal(section.path, 'sections[0].kind');
      assert.match(section.message, /^"histroy" is not allowed; use one of "preamble", "visit-info"/);
      const scoped = only(failing(json({ customRules: [interpreterRule({ evidence: [{ phrases: ['x'], notSections: ['labs'] }] })] })));
      assert.equal(scoped.path, 'customRules[0].evidence[0].notSections[0]');
      const context = only(failing(json({ rules: { plan: { evidence: [{ phrases: ['x'], allowContext: ['negation'] }] } } })));
      assert.equal(context.path, 'rules.plan.evidence[0].allowContext[0]');
      assert.match(context.message, /use one of "negated", "hypothetical", "other-experiencer", "historical", "placeholder"/);
    });

    it('evidence with no source, or two', () => {
      assert.match(only(failing(json({ rules: { plan: { evidence: [{ sections: ['plan'] }] } } }))).message, /give one of "phrases", "pattern" or "anyContent"/);
      assert.match(only(failing(json({ rules: { plan: { evidence: [{ phrases: ['x'], pattern: 'y' }] } } }))).message, /give only one of "phrases", "pattern"/);
    });

    it('an invalid regular expression', () => {
      const error = only(failing(json({ rules: { plan: { evidence: [{ pattern: '(abc' }] } } })));
      assert.equal(error.path, 'rules.plan.evidence[0].pattern');
      assert.match(error.message, /^invalid regular expression "\(abc": Unterminated group/);
      assert.match(formatPackError(error), /^\/ws\/\.healingnotes\.json:\d+:\d+: rules\.plan\.evidence\[0\]\.pattern: invalid regular expression/);
    });

    it('a hostile regular expression, in a pattern or an unless', () => {
      const error = only(failing(json({ customRules: [interpreterRule({ evidence: [{ pattern: '(a+)+b' }] })] })));
      assert.equal(error.path, 'customRules[0].evidence[0].pattern');
      assert.match(error.message, /"\(a\+\)\+b" is refused: nested quantifier/);
      const unless = only(failing(json({ rules: { plan: { evidence: [{ phrases: ['plan'], unless: '(x|x)*y' }] } } })));
      assert.equal(unless.path, 'rules.plan.evidence[0].unless');
    });

    it('unknown profiles and profile rules; a new profile without a description', () => {
      assert.match(only(failing(json({ profile: 'urgnt' }))).message, /"urgnt" is not a profile; did you mean "urgent"\?/);
      const errors = failing(json({ profiles: [{ id: 'clinic', rules: { plann: 'off' } }] }));
      assert.deepEqual(errors.map((e) => e.path), ['profiles[0]', 'profiles[0].rules.plann']);
    });

    it('a top level that is not an object, and a "__proto__" key', () => {
      assert.match(only(failing('[]')).message, /expected an object, found an array/);
      const proto = only(failing('{ "rules": { "__proto__": "off" } }'));
      assert.equal(proto.path, 'rules.__proto__');
      assert.match(proto.message, /no rule "__proto__"/);
    });

    it('reports several errors at once, each located', () => {
      const errors = failing('{\n  "rules": { "plan": "warn" },\n  "profile": 3\n}');
      assert.deepEqual(errors.map((e) => [e.path, e.line]), [['rules.plan', 2], ['profile', 3]]);
    });

    it('reports the errors the schema finds and those it cannot find on the same save', () => {
      const errors = failing(
        json({
          rules: { plan: 'loud', 'explain.hope': 'off', 'clinic.interpreter': 'warning' },
          profile: 'weekend',
          customRules: [{ ...interpreterRule(), severity: 'sometimes' }, { ...interpreterRule(), id: 'clinic.other', evidence: [{ pattern: '(a+)+' }] }],
        }),
      );
      assert.deepEqual(errors.map((e) => e.path).sort(), [
        'customRules[0].severity',
        'customRules[1].evidence[0].pattern',
        'profile',
        'rules.plan',
        'rules["explain.hope"]',
      ]);
      // The custom rule the schema refused is still known by id: no false "no rule" for its reference.
      assert.ok(!errors.some((e) => e.path === 'rules["clinic.interpreter"]'));
    });
  });

  describe('extends', () => {
    it('applies a chain in order, relative to each file', () => {
      const read = memoryFiles({
        [FILE]: json({ extends: ['default', '../shared/team.json'], rules: { plan: 'warning' } }),
        '/shared/team.json': json({ extends: './base/clinic.json', customRules: [interpreterRule()], rules: { plan: 'hint' } }),
        '/shared/base/clinic.json': json({ rules: { plan: 'off' }, sections: [{ kind: 'hpi', names: ['story'] }] }),
      });
      const result = loadPackFile(FILE, read);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.files, [FILE, '/shared/team.json', '/shared/base/clinic.json']);
      assert.equal(rule(result.pack, 'plan').severity, 'warning');
      assert.ok(rule(result.pack, 'clinic.interpreter'));
      assert.ok(result.pack.sections.find((s) => s.kind === 'hpi')?.names.includes('story'));
    });

    it('reports a cycle where it closes', () => {
      const read = memoryFiles({
        [FILE]: json({ extends: './a.json' }),
        '/ws/a.json': json({ extends: './b.json' }),
        '/ws/b.json': json({ extends: ['./a.json'] }),
      });
      const result = loadPackFile(FILE, read);
      const error = only(result.errors);
      assert.equal(error.file, '/ws/b.json');
      assert.equal(error.path, 'extends[0]');
      assert.equal(error.message, 'circular extends: a.json → b.json → a.json');
      assert.equal(result.pack, defaultPack);
    });

    it('reports a file that extends itself', () => {
      const error = only(loadPackFile(FILE, memoryFiles({ [FILE]: json({ extends: './.healingnotes.json' }) })).errors);
      assert.match(error.message, /circular extends: \.healingnotes\.json → \.healingnotes\.json/);
    });

    it('reports a missing extended file in the file that names it, and lists it for watchers', () => {
      const result = loadPackFile(FILE, memoryFiles({ [FILE]: '{\n  "extends": "./missing.json"\n}' }));
      const error = only(result.errors);
      assert.equal(error.file, FILE);
      assert.equal(error.path, 'extends');
      assert.equal(error.line, 2);
      assert.equal(error.message, 'cannot read "/ws/missing.json": file not found');
      assert.deepEqual(result.files, [FILE, '/ws/missing.json']);
    });

    it('names the extended file for errors inside it', () => {
      const result = loadPackFile(FILE, memoryFiles({ [FILE]: json({ extends: 'team.json' }), '/ws/team.json': json({ rules: { plan: 'loud' } }) }));
      const error = only(result.errors);
      assert.equal(error.file, '/ws/team.json');
      assert.equal(error.path, 'rules.plan');
    });

    it('reports a missing top-level file', () => {
      const result = loadPackFile('/ws/none.json', memoryFiles({}));
      assert.equal(only(result.errors).message, 'cannot read the file: file not found');
      assert.deepEqual(result.files, ['/ws/none.json']);
    });

    it('resolves Windows paths', () => {
      const read = memoryFiles({ 'C:\\ws\\.healingnotes.json': json({ extends: '..\\team\\pack.json' }), 'C:\\team\\pack.json': json({ rules: { plan: 'off' } }) });
      const result = loadPackFile('C:\\ws\\.healingnotes.json', read);
      assert.deepEqual(result.errors, []);
      assert.deepEqual(result.files, ['C:\\ws\\.healingnotes.json', 'C:\\team\\pack.json']);
    });

    it('refuses relative extends in settings without a base folder', () => {
      const result = applyPackConfig({ extends: './team.json' }, 'User settings', defaultPack, { readFile: memoryFiles({}), pathPrefix: 'healingNotes.rules' });
      const error = only(result.errors);
      assert.equal(error.path, 'healingNotes.rules.extends');
      assert.match(error.message, /needs a file to start from/);
    });
  });

  describe('restricted mode (untrusted workspace)', () => {
    it('allows severities, messages, sections and phrase rules', () => {
      const result = load(json({ rules: { plan: { severity: 'hint', message: 'Plan?' } }, customRules: [interpreterRule()], sections: [{ kind: 'hpi', names: ['story'] }] }), defaultPack, true);
      assert.deepEqual(result.errors, []);
      assert.equal(rule(result.pack, 'plan').message, 'Plan?');
    });

    it('refuses regular expressions with a clear error', () => {
      const errors = failing(json({ customRules: [interpreterRule({ evidence: [{ pattern: 'interpreter' }] })], rules: { plan: { evidence: [{ phrases: ['plan'], unless: 'no plan' }] } } }), true);
      assert.deepEqual(errors.map((e) => e.path), ['customRules[0].evidence[0].pattern', 'rules.plan.evidence[0].unless']);
      for (const error of errors) assert.match(error.message, /regular expressions from a workspace pack do not run in restricted mode/);
    });

    it('refuses absolute extends paths', () => {
      const result = loadPackFile(FILE, memoryFiles({ [FILE]: json({ extends: '/etc/team.json' }) }), defaultPack, { restricted: true });
      assert.match(only(result.errors).message, /absolute paths are not followed in restricted mode/);
      assert.deepEqual(result.files, [FILE]);
    });
  });

  describe('validatePack and applyPackConfig', () => {
    it('validates objects and text without applying them', () => {
      assert.deepEqual(validatePack({ rules: { plan: 'off' } }, 'User settings'), []);
      const error = only(validatePack({ rules: { plan: 'loud' } }, 'User settings', defaultPack, { pathPrefix: 'healingNotes.rules' }));
      assert.equal(formatPackError(error), 'User settings: healingNotes.rules.rules.plan: "loud" is not allowed; use one of "off", "error", "warning", "information", "hint"');
      assert.equal(only(validatePackText('{ "rules": { "plan": "loud" } }', FILE)).line, 1);
    });

    it('keeps the base pack when a settings object is bad', () => {
      const base = { ...defaultPack, name: 'last-good' };
      const result = applyPackConfig({ rules: 'off' }, 'User settings', base);
      assert.equal(result.pack, base);
      assert.match(only(result.errors).message, /expected an object, found a string/);
    });
  });
});
