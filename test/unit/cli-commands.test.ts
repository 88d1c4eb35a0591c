import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { STARTER_CONFIG } from '../../src/cli/commands/init';
import { parse as parseJsonc } from 'jsonc-parser';
import { defaultPack } from '../../src/engine';
import { validatePackText } from '../../src/engine/pack';
import { NOTES, run, tempDir, writeNotes } from './cli-helpers';
import { interpreterRule } from './pack-helpers';

describe('cli explain', () => {
  it("prints the rule's rationale, what counts and its examples", () => {
    const plan = defaultPack.rules.find((r) => r.id === 'plan')!;
    const out = run(['explain', 'plan']);
    assert.equal(out.code, 0);
    assert.match(out.stdout, /^plan: Recorded plan\n/);
    assert.match(out.stdout, /Why it matters:/);
    assert.match(out.stdout, /What counts:/);
    const flat = out.stdout.replace(/\s+/g, ' ');
    assert.ok(flat.includes(plan.rationale.replace(/\s+/g, ' ')));
    assert.ok(flat.includes(plan.counts.replace(/\s+/g, ' ')));
    assert.ok(out.stdout.includes(plan.examples.documented[0].split('\n')[0]));
    assert.match(out.stdout, /Not documented, for example:/);
  });

  it('explains every active rule, as text and JSON', () => {
    for (const rule of defaultPack.rules) {
      assert.equal(run(['explain', rule.id]).code, 0, rule.id);
      const json = JSON.parse(run(['explain', '--format', 'json', rule.id]).stdout);
      assert.deepEqual([json.id, json.skill, json.behavior, json.rationale, json.counts], [rule.id, rule.skill, rule.behavior, rule.rationale, rule.counts]);
    }
  });

  it("publishes each rule's prompt: label, snippet, and the line it writes", () => {
    for (const rule of defaultPack.rules) {
      const { prompt } = JSON.parse(run(['explain', '--format', 'json', rule.id]).stdout);
      if (!rule.prompt) {
        assert.equal(prompt, null, rule.id);
        continue;
      }
      assert.deepEqual([prompt.label, prompt.snippet, prompt.sections, prompt.createSection], [rule.prompt.label, rule.prompt.snippet, rule.prompt.sections, rule.prompt.createSection]);
      assert.equal(prompt.line, `${rule.prompt.label}: ${rule.prompt.snippet}`);
      assert.ok(run(['explain', rule.id]).stdout.includes(prompt.text), rule.id);
    }
    assert.equal(JSON.parse(run(['explain', '--format', 'json', 'committed.no-abandon']).stdout).prompt.text, 'Follow-up: <when, and with whom>; <warning signs that need a call sooner>');
  });

  it('says which rule ids exist when given an unknown one', () => {
    const out = run(['explain', 'no-such-rule']);
    assert.equal(out.code, 2);
    assert.match(out.stderr, /^healing-notes: unknown rule 'no-such-rule'.*healing-notes rules/);
    assert.equal(run(['explain']).code, 2);
  });
});

describe('cli rules', () => {
  it('lists id, skill, behavior, level and severity of each active rule', () => {
    const out = run(['rules']);
    assert.equal(out.code, 0);
    const lines = out.stdout.trimEnd().split('\n');
    assert.match(lines[0], /^ID +SKILL +BEHAVIOR +LEVEL +SEVERITY$/);
    for (const rule of defaultPack.rules) {
      assert.ok(lines.some((l) => l.startsWith(rule.id + ' ') && l.includes(rule.skill) && l.includes(rule.behavior) && l.endsWith(rule.severity)), rule.id);
    }
    assert.match(lines.at(-2)!, new RegExp(`^${defaultPack.rules.length} rules? `));
    assert.match(lines.at(-1)!, /^Profiles: default, /);
  });

  it('prints JSON, with severities after the profile', () => {
    const json = JSON.parse(run(['rules', '--format', 'json']).stdout);
    assert.deepEqual(json.rules.map((r: { id: string }) => r.id), defaultPack.rules.map((r) => r.id));
    for (const r of json.rules) for (const key of ['id', 'skill', 'behavior', 'level', 'severity']) assert.equal(typeof r[key], 'string');
    const withOverride = defaultPack.profiles.find((p) => p.rules && Object.keys(p.rules).some((id) => defaultPack.rules.some((r) => r.id === id)));
    if (withOverride) {
      const [id, severity] = Object.entries(withOverride.rules!).find(([ruleId]) => defaultPack.rules.some((r) => r.id === ruleId))!;
      const listed = JSON.parse(run(['rules', '--format', 'json', '--profile', withOverride.id]).stdout);
      assert.equal(listed.rules.find((r: { id: string }) => r.id === id).severity, severity);
    }
  });
});

describe('cli init and .healingnotes.json', () => {
  let dir: string;
  beforeEach(() => {
    dir = tempDir('hn-init-');
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a starter file that references the schema, with commented examples', () => {
    const out = run(['init'], { cwd: dir });
    assert.equal(out.code, 0);
    const text = fs.readFileSync(path.join(dir, '.healingnotes.json'), 'utf8');
    assert.equal(text, STARTER_CONFIG);
    const parsed = parseJsonc(text) as Record<string, unknown>;
    assert.equal(parsed.$schema, './node_modules/healing-notes/schema/healingnotes.schema.json');
    assert.deepEqual(parsed.rules, {}, 'the examples are commented out');
    assert.match(text, /\/\/ +"[\w.-]+": "(error|warning|information|hint)"/);
    assert.match(text, /\/\/ +"[\w.-]+": "off"/);
    assert.deepEqual(validatePackText(text, '.healingnotes.json'), [], 'a valid pack file');
    // Uncommented, the examples are valid too.
    const uncommented = text.replace(/\/\/ ("(?:authority\.permission|explain\.hopes|profile)")/g, '$1');
    assert.deepEqual(validatePackText(uncommented, '.healingnotes.json'), []);
    const config = parseJsonc(uncommented);
    assert.equal(Object.keys(config.rules).length, 2);
    assert.ok(Object.values(config.rules).includes('off'));
    // The starter file is accepted as it is.
    writeNotes(dir, { 'a.note': NOTES.withPlan });
    const check = run(['check', 'a.note'], { cwd: dir });
    assert.equal(check.stderr, '');
  });

  it('refuses to overwrite an existing file, with exit 2', () => {
    fs.writeFileSync(path.join(dir, '.healingnotes.json'), '{"rules": {"plan": "off"}}');
    const out = run(['init'], { cwd: dir });
    assert.equal(out.code, 2);
    assert.match(out.stderr, /^healing-notes: \.healingnotes\.json already exists; not overwritten/);
    assert.equal(fs.readFileSync(path.join(dir, '.healingnotes.json'), 'utf8'), '{"rules": {"plan": "off"}}');
  });

  it('applies severity overrides and turns rules off', () => {
    writeNotes(dir, { 'b.note': NOTES.noPlan });
    assert.equal(run(['check', 'b.note'], { cwd: dir }).code, 1);
    fs.writeFileSync(path.join(dir, '.healingnotes.json'), '{\n  // plan as a warning\n  "rules": { "plan": "warning", },\n}\n');
    const warned = run(['check', '--format', 'json', 'b.note'], { cwd: dir });
    assert.equal(warned.code, 0);
    const plan = JSON.parse(warned.stdout).files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'plan');
    assert.ok(plan.length > 0 && plan.every((f: { severity: string }) => f.severity === 'warning'));
    fs.writeFileSync(path.join(dir, '.healingnotes.json'), '{"rules": {"plan": "off"}}');
    const off = JSON.parse(run(['check', '--format', 'json', 'b.note'], { cwd: dir }).stdout);
    assert.equal(off.files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'plan').length, 0);
    assert.equal(run(['check', '--no-config', 'b.note'], { cwd: dir }).code, 1, '--no-config ignores the file');
    assert.match(run(['rules'], { cwd: dir }).stdout, /^plan .* off$/m);
  });

  it('reports pack errors one a line as file:line:col: path: message, exit 2', () => {
    writeNotes(dir, { 'b.note': NOTES.noPlan });
    const cases: [string, RegExp][] = [
      ['{"rules": {"plan": "loud"}}', /^healing-notes: \.healingnotes\.json:1:\d+: rules\.plan: .*"loud"/],
      ['{"rules": ["plan"]}', /^healing-notes: \.healingnotes\.json:1:\d+: rules: /],
      ['{"profile": "weekly"}', /^healing-notes: \.healingnotes\.json:1:\d+: profile: .*"weekly"/],
      ['{\n  "rules": {\n    "plan": "off"\n    "x": 1\n  }\n}', /^healing-notes: \.healingnotes\.json:4:\d+: /],
      ['{"rules": {"no.such-rule": "off"}}', /^healing-notes: \.healingnotes\.json:1:\d+: rules\["no\.such-rule"\]: /],
      ['{"colour": true}', /^healing-notes: \.healingnotes\.json:1:\d+: colour: /],
    ];
    for (const [text, expected] of cases) {
      fs.writeFileSync(path.join(dir, '.healingnotes.json'), text);
      const out = run(['check', 'b.note'], { cwd: dir });
      assert.equal(out.code, 2, text);
      assert.equal(out.stderr.trim().split('\n').length, 1, out.stderr);
      assert.match(out.stderr, expected);
      assert.equal(out.stdout, '');
    }
    const missing = run(['check', '--rules', 'nope.json', 'b.note'], { cwd: dir });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^healing-notes: nope\.json: cannot read/);
    assert.equal(run(['check', '--no-config', 'b.note'], { cwd: dir }).code, 1, '--no-config ignores the broken file');
  });

  it('--rules reads another pack file, with extends relative to it', () => {
    writeNotes(dir, {
      'b.note': NOTES.noPlan,
      'packs/base.json': '{"rules": {"plan": "information"}}',
      'packs/team.json': '{"extends": "./base.json", "profile": "urgent"}',
    });
    const json = JSON.parse(run(['check', '--format', 'json', '--rules', 'packs/team.json', 'b.note'], { cwd: dir }).stdout);
    const plan = json.files[0].findings.filter((f: { ruleId: string }) => f.ruleId === 'plan');
    assert.ok(plan.length > 0 && plan.every((f: { severity: string }) => f.severity === 'information'));
    assert.equal(json.files[0].profile, 'urgent', "the pack's default profile");
    assert.match(run(['rules', '--rules', 'packs/team.json'], { cwd: dir }).stdout, /^plan .* information$/m);
  });

  it('--rules adds custom rules that explain, rules, check, summary and test-rules all see', () => {
    const custom = {
      customRules: [
        interpreterRule({
          rationale: 'Recording the interpreter shows the bridge was built.',
          evidence: [{ phrases: ['interpreter'] }],
          prompt: undefined,
          examples: { documented: ['HPI: Visit with a Spanish interpreter.'], missing: ['HPI: Cough.', 'HPI: The interpreter arrived late.'] },
        }),
      ],
    };
    writeNotes(dir, { 'b.note': NOTES.noPlan, 'team.json': JSON.stringify(custom) });
    assert.match(run(['explain', '--rules', 'team.json', 'clinic.interpreter'], { cwd: dir }).stdout, /^clinic\.interpreter: Interpreter use/);
    assert.match(run(['rules', '--rules', 'team.json'], { cwd: dir }).stdout, /^clinic\.interpreter +Remove barriers +Create bridges +supporting +warning$/m);
    assert.match(run(['check', '--rules', 'team.json', 'b.note'], { cwd: dir }).stdout, /b\.note:\d+:\d+  warning  clinic\.interpreter  No interpreter use/);
    const summary = JSON.parse(run(['summary', '--format', 'json', '--rules', 'team.json', '.'], { cwd: dir }).stdout);
    assert.ok(summary.skills.some((s: { skill: string }) => s.skill === 'Remove barriers'));
    const tested = run(['test-rules', 'team.json'], { cwd: dir });
    assert.equal(tested.code, 1, 'the second missing example has evidence');
    assert.match(tested.stdout, /^FAIL  clinic\.interpreter$/m);
    assert.match(tested.stdout, /^ +clinic\.interpreter examples\.missing\[1\]/m);
    // The closing count agrees with the lines above it, whatever the built-in rules' own state.
    const [, passed, failed] = /(\d+) passed, (\d+) failed\n$/.exec(tested.stdout) ?? [];
    assert.equal(Number(passed), tested.stdout.match(/^pass  /gm)?.length ?? 0);
    assert.equal(Number(failed), tested.stdout.match(/^FAIL  /gm)?.length);
  });
});

describe('cli test-rules', () => {
  it('runs the built-in rules\' examples and prints pass/fail per rule', () => {
    const out = run(['test-rules']);
    const lines = out.stdout.trimEnd().split('\n');
    for (const rule of defaultPack.rules) assert.ok(lines.some((l) => new RegExp(`^(pass|FAIL)  ${rule.id.replace('.', '\\.')}\\b`).test(l)), rule.id);
    assert.match(lines.at(-1)!, /^\d+ passed, \d+ failed$/);
    assert.equal(out.code, /FAIL/.test(out.stdout) ? 1 : 0);
    const json = JSON.parse(run(['test-rules', '--format', 'json']).stdout);
    assert.equal(json.rules.length, defaultPack.rules.length);
  });
});
