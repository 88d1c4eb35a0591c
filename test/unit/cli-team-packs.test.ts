/** The CLI on team packs: rules that do not apply, in every output; profiles in reports. */
import * as assert from 'node:assert/strict';
import { json } from './pack-helpers';
import { run, tempDir, writeNotes } from './cli-helpers';
import { interpreterRule } from './pack-helpers';

/** A clinic whose interpreter rule applies only to notes that record a language other than English. */
function clinic(): string {
  const dir = tempDir('hn-team-');
  writeNotes(dir, {
    '.healingnotes.json': json({
      customRules: [
        interpreterRule({
          when: { found: { phrases: ['spanish', 'limited english', 'preferred language: somali'] } },
          severity: 'error',
        }),
      ],
    }),
    'english.note': 'URGENT CARE VISIT\nHPI: Cough for three days.\nPLAN: Rest and fluids; return if worse.\n',
    'spanish.note': 'Visit type: video visit\nHPI: Prefers Spanish. Cough for three days.\nPLAN: Rest and fluids; return if worse.\n',
  });
  return dir;
}

describe('cli: rules that do not apply', () => {
  it('text: a dim n/a line with the reason, never a missing finding, and a count in the totals', () => {
    const out = run(['check', 'english.note', 'spanish.note'], { cwd: clinic() });
    assert.match(out.stdout, /^english\.note {2}n\/a {2}clinic\.interpreter {2}Does not apply: the note does not mention "spanish", "limited english" or "preferred language: somali"$/m);
    assert.doesNotMatch(out.stdout, /^english\.note:\d+:\d+ +\w+ +clinic\.interpreter/m);
    assert.match(out.stdout, /^spanish\.note:\d+:\d+ {2}error {2}clinic\.interpreter {2}No interpreter use recorded in HPI$/m);
    assert.match(out.stdout, /; 1 not applicable\n$/);
    assert.equal(out.code, 1);
  });

  it('json: the status, its reason and the note\'s profiles', () => {
    const report = JSON.parse(run(['check', '--format', 'json', 'english.note', 'spanish.note'], { cwd: clinic() }).stdout);
    const [english, spanish] = report.files;
    assert.deepEqual(english.results.find((r: { ruleId: string }) => r.ruleId === 'clinic.interpreter'), {
      ruleId: 'clinic.interpreter',
      status: 'not-applicable',
      reason: 'the note does not mention "spanish", "limited english" or "preferred language: somali"',
    });
    assert.deepEqual(english.profiles, ['urgent']);
    assert.deepEqual(spanish.profiles, ['telehealth']);
    assert.equal(spanish.results.find((r: { ruleId: string }) => r.ruleId === 'clinic.interpreter').status, 'missing');
    assert.equal(report.totals.notApplicable, 1);
  });

  it('sarif: a notApplicable result at level none, not a failure', () => {
    const log = JSON.parse(run(['check', '--format', 'sarif', 'english.note'], { cwd: clinic() }).stdout);
    const results = log.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === 'clinic.interpreter');
    assert.equal(results.length, 1);
    assert.equal(results[0].kind, 'notApplicable');
    assert.equal(results[0].level, 'none');
    assert.match(results[0].message.text, /^Does not apply: /);
    assert.ok(!('region' in results[0].locations[0].physicalLocation));
  });

  it('jsonl and summary: counted apart, and left out of the rule\'s share', () => {
    const dir = clinic();
    const lines = run(['check', '--format', 'jsonl', 'english.note'], { cwd: dir }).stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines[0].statuses['clinic.interpreter'], 'not-applicable');
    assert.match(lines[0].notApplicable['clinic.interpreter'], /does not mention/);
    const summary = JSON.parse(run(['summary', '--format', 'json', '.'], { cwd: dir }).stdout);
    const rule = summary.skills.flatMap((s: { rules: unknown[] }) => s.rules).find((r: { id: string }) => r.id === 'clinic.interpreter');
    assert.deepEqual([rule.notes, rule.notApplicable, rule.missing, rule.share], [2, 1, 1, 0]);
    assert.deepEqual(summary.profiles, { urgent: 1, telehealth: 1 });
    const text = run(['summary', '.'], { cwd: dir }).stdout;
    assert.match(text, /clinic\.interpreter .* 0\/1 +Interpreter use \(1 not applicable\)/);
    const csv = run(['summary', '--format', 'csv', '.'], { cwd: dir }).stdout;
    assert.match(csv.split('\n')[0], /not_expected,not_applicable,share/);
  });
});
