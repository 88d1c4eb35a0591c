/** The CLI on team packs: rules that do not apply, in every output; profiles in reports. */
import * as assert from 'node:assert/strict';
import { defaultPack } from '../../src/engine';
import { compact } from '../../src/rules/vocabulary';
import { json } from './pack-helpers';
import { run, runAsync, tempDir, writeNotes } from './cli-helpers';
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

/**
 * Two clinics in one repository: each folder's `.healingnotes.json` holds its own rule, and the
 * parent folder holds none. A note must be checked with its own folder's pack only.
 */
function twoClinics(): string {
  const dir = tempDir('hn-clinics-');
  const rule = (id: string, phrase: string, message: string) =>
    interpreterRule({ id, title: message, message: `${message} in {section}`, evidence: [{ phrases: [phrase] }], severity: 'error', examples: { documented: [`HPI: ${phrase} reviewed.`], missing: ['HPI: Cough.'] } });
  const note = 'HPI: Knee pain for a week after a fall.\nPLAN: Ice and rest; return if worse.\n';
  writeNotes(dir, {
    'teen-health/.healingnotes.json': json({ customRules: [rule('teen.confidential', 'confidential time', 'No confidential time recorded')] }),
    'teen-health/visit.note': note,
    'pain-clinic/.healingnotes.json': json({ customRules: [rule('pain.pdmp', 'pdmp', 'No PDMP check recorded')] }),
    'pain-clinic/deep/visit.note': note,
  });
  return dir;
}

describe('cli: each note checked with its own folder\'s pack', () => {
  it('text: a teen note gets only the teen rule, a pain-clinic note (in a sub-folder) only the pain rule', () => {
    const out = run(['check', 'teen-health', 'pain-clinic'], { cwd: twoClinics() });
    assert.match(out.stdout, /^teen-health\/visit\.note:\d+:\d+ {2}error {2}teen\.confidential /m);
    assert.match(out.stdout, /^pain-clinic\/deep\/visit\.note:\d+:\d+ {2}error {2}pain\.pdmp /m);
    assert.doesNotMatch(out.stdout, /teen-health\/visit\.note:.*pain\.pdmp|pain-clinic\/deep\/visit\.note:.*teen\.confidential/);
    assert.equal(out.code, 1);
  });

  it('json, jsonl and sarif name the pack each note used', () => {
    const dir = twoClinics();
    const report = JSON.parse(run(['check', '--format', 'json', 'teen-health', 'pain-clinic'], { cwd: dir }).stdout);
    assert.deepEqual(report.files.map((f: { path: string; pack: string }) => [f.path, f.pack]), [
      ['teen-health/visit.note', 'teen-health/.healingnotes.json'],
      ['pain-clinic/deep/visit.note', 'pain-clinic/.healingnotes.json'],
    ]);
    const lines = run(['check', '--format', 'jsonl', 'pain-clinic'], { cwd: dir }).stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines[0].pack, 'pain-clinic/.healingnotes.json');
    assert.equal(lines[0].statuses['pain.pdmp'], 'missing');
    assert.equal(lines[0].statuses['teen.confidential'], undefined);
    const log = JSON.parse(run(['check', '--format', 'sarif', 'teen-health', 'pain-clinic'], { cwd: dir }).stdout);
    const ruleIds = log.runs[0].tool.driver.rules.map((r: { id: string }) => r.id);
    assert.ok(ruleIds.includes('teen.confidential') && ruleIds.includes('pain.pdmp'));
    const pdmp = log.runs[0].results.find((r: { ruleId: string }) => r.ruleId === 'pain.pdmp');
    assert.equal(pdmp.properties.pack, 'pain-clinic/.healingnotes.json');
    assert.equal(pdmp.ruleIndex, ruleIds.indexOf('pain.pdmp'));
  });

  it('text names the pack files used in one line above the totals, with no note name or text; none for the built-in rules', () => {
    const dir = twoClinics();
    writeNotes(dir, { 'loose.note': 'HPI: Knee pain.\n' });
    const both = run(['check', 'teen-health', 'pain-clinic', 'loose.note'], { cwd: dir }).stdout.split('\n');
    assert.equal(both.at(-3), 'Rule packs: pain-clinic/.healingnotes.json 1 note, teen-health/.healingnotes.json 1 note, built-in rules only 1 note');
    assert.match(both.at(-2)!, /^3 notes checked: /);
    const one = run(['check', 'pain-clinic'], { cwd: dir }).stdout.split('\n');
    assert.equal(one.at(-3), 'Rule pack: pain-clinic/.healingnotes.json');
    // The built-in rules alone: the footer stays as it was.
    const builtIn = run(['check', 'loose.note'], { cwd: dir }).stdout;
    assert.doesNotMatch(builtIn, /Rule pack/);
    assert.doesNotMatch(run(['check', '--no-config', 'pain-clinic'], { cwd: dir }).stdout, /Rule pack/);
    // --quiet leaves the footer out, the pack line with it.
    assert.doesNotMatch(run(['check', '--quiet', 'pain-clinic'], { cwd: dir }).stdout, /Rule pack/);
    // --rules names the file as given.
    writeNotes(dir, { 'shared.json': json({ rules: { 'explain.understanding': 'error' } }) });
    const shared = run(['check', '--rules', 'shared.json', 'teen-health'], { cwd: dir }).stdout.split('\n');
    assert.equal(shared.at(-3), 'Rule pack: shared.json');
  });

  it('summary text names the pack files with their counts of notes; its JSON has them, and --merge adds them up', () => {
    const dir = twoClinics();
    writeNotes(dir, { 'teen-health/second.note': 'HPI: Sore throat.\n' });
    const text = run(['summary', 'teen-health', 'pain-clinic'], { cwd: dir }).stdout;
    assert.match(text, /^Rule packs: pain-clinic\/\.healingnotes\.json 1 note, teen-health\/\.healingnotes\.json 2 notes$/m);
    const summary = JSON.parse(run(['summary', '--format', 'json', 'teen-health', 'pain-clinic'], { cwd: dir }).stdout);
    assert.deepEqual(summary.packs, { 'teen-health/.healingnotes.json': 2, 'pain-clinic/.healingnotes.json': 1 });
    writeNotes(dir, { 'a.json': JSON.stringify(summary), 'b.json': JSON.stringify(summary) });
    const merged = JSON.parse(run(['summary', '--merge', '--format', 'json', 'a.json', 'b.json'], { cwd: dir }).stdout);
    assert.deepEqual(merged.packs, { 'teen-health/.healingnotes.json': 4, 'pain-clinic/.healingnotes.json': 2 });
    const builtIn = run(['summary', '--format', 'json', '--no-config', 'teen-health'], { cwd: dir }).stdout;
    assert.equal(JSON.parse(builtIn).packs, undefined, 'no packs key for the built-in rules alone');
    assert.doesNotMatch(run(['summary', '--no-config', 'teen-health'], { cwd: dir }).stdout, /Rule pack/);
  });

  it('a note from the folder of the run uses that folder\'s pack; the built-in rules alone are named by no pack', () => {
    const dir = twoClinics();
    writeNotes(dir, { 'loose.note': 'HPI: Knee pain.\n' });
    const report = JSON.parse(run(['check', '--format', 'json', 'loose.note', 'teen-health'], { cwd: dir }).stdout);
    assert.equal(report.files[0].pack, undefined);
    assert.equal(report.files[0].results.some((r: { ruleId: string }) => r.ruleId === 'teen.confidential'), false);
    assert.equal(report.files[1].pack, 'teen-health/.healingnotes.json');
  });

  it('worker threads (--jobs 2) use each note\'s own pack too', async function () {
    this.timeout(30_000);
    const dir = twoClinics();
    for (let i = 0; i < 4; i++) writeNotes(dir, { [`teen-health/more-${i}.note`]: 'HPI: Sore throat.\n', [`pain-clinic/more-${i}.note`]: 'HPI: Back pain.\n' });
    const out = await runAsync(['check', '--jobs', '2', '--format', 'jsonl', 'teen-health', 'pain-clinic'], { cwd: dir });
    const lines = out.stdout.trim().split('\n').map((l) => JSON.parse(l));
    assert.equal(lines.length, 10);
    for (const line of lines) {
      const clinic = line.path.split('/')[0];
      assert.equal(line.pack, `${clinic}/.healingnotes.json`);
      assert.equal(line.statuses[clinic === 'teen-health' ? 'teen.confidential' : 'pain.pdmp'], 'missing');
      assert.equal(line.statuses[clinic === 'teen-health' ? 'pain.pdmp' : 'teen.confidential'], undefined);
    }
  });

  it('summary: each clinic\'s rule is counted over its own notes only', () => {
    const summary = JSON.parse(run(['summary', '--format', 'json', 'teen-health', 'pain-clinic'], { cwd: twoClinics() }).stdout);
    const rule = (id: string) => summary.skills.flatMap((s: { rules: unknown[] }) => s.rules).find((r: { id: string }) => r.id === id);
    assert.deepEqual([rule('teen.confidential').missing, rule('teen.confidential').notApplicable], [1, 1]);
    assert.deepEqual([rule('pain.pdmp').missing, rule('pain.pdmp').notApplicable], [1, 1]);
  });

  it('a bad pack in one sub-folder is an error naming its file, with every pack\'s errors at once; nothing is checked', () => {
    const dir = twoClinics();
    writeNotes(dir, {
      'teen-health/.healingnotes.json': '{ "rules": { "explain.understandin": "off" } }',
      'pain-clinic/.healingnotes.json': '{ "profile": 3 }',
    });
    const out = run(['check', 'teen-health', 'pain-clinic'], { cwd: dir });
    assert.equal(out.code, 2);
    assert.equal(out.stdout, '');
    assert.match(out.stderr, /^healing-notes: teen-health\/\.healingnotes\.json:1:\d+: rules\["explain\.understandin"\]: .*did you mean/m);
    assert.match(out.stderr, /^healing-notes: pain-clinic\/\.healingnotes\.json:1:\d+: profile: /m);
  });

  it('--rules is used for every note, and says which nearer pack files it keeps from being used', () => {
    const dir = twoClinics();
    writeNotes(dir, { 'shared.json': json({ rules: { 'explain.understanding': 'error' } }) });
    const out = run(['check', '--format', 'json', '--rules', 'shared.json', 'teen-health', 'pain-clinic'], { cwd: dir });
    const report = JSON.parse(out.stdout);
    assert.deepEqual(report.files.map((f: { pack: string }) => f.pack), ['shared.json', 'shared.json']);
    assert.match(out.stderr, /--rules shared\.json is used for every note; these pack files nearer the notes are not used: pain-clinic\/\.healingnotes\.json, teen-health\/\.healingnotes\.json/);
  });

  it('--print-config: the pack a file is checked with, its profiles and each rule\'s severity and when', () => {
    const dir = twoClinics();
    writeNotes(dir, {
      'pain-clinic/.healingnotes.json': json({
        extends: './base.json',
        profiles: [{ id: 'procedure', description: 'Procedure visits', detect: ['procedure visit'], rules: { 'pain.pdmp': 'off' } }],
        customRules: [interpreterRule({ id: 'pain.pdmp', title: 'PDMP', evidence: [{ phrases: ['pdmp'] }], when: { hasSections: ['plan'] } })],
      }),
      'pain-clinic/base.json': json({ rules: { 'explain.understanding': 'error' } }),
      'pain-clinic/deep/proc.note': 'PROCEDURE VISIT\nHPI: Back pain.\nPLAN: Injection.\n',
    });
    const out = run(['check', '--print-config', 'pain-clinic/deep/proc.note'], { cwd: dir });
    assert.equal(out.code, 0);
    const config = JSON.parse(out.stdout);
    assert.equal(config.pack, 'pain-clinic/.healingnotes.json');
    assert.deepEqual(config.packFiles, ['pain-clinic/.healingnotes.json', 'pain-clinic/base.json']);
    assert.deepEqual(config.noteProfiles, ['procedure']);
    assert.deepEqual(config.profiles.find((p: { id: string }) => p.id === 'procedure').detect, ['procedure visit']);
    const rule = (id: string) => config.rules.find((r: { id: string }) => r.id === id);
    assert.deepEqual([rule('pain.pdmp').severity, rule('pain.pdmp').defaultSeverity, rule('pain.pdmp').when], ['off', 'warning', { hasSections: ['plan'] }]);
    assert.equal(rule('explain.understanding').severity, 'error');
    assert.equal(config.rules.some((r: { id: string }) => r.id === 'teen.confidential'), false);
    assert.deepEqual(JSON.parse(run(['--print-config', 'pain-clinic/deep/proc.note'], { cwd: dir }).stdout), config, 'also as a top-level option');
    assert.equal(run(['check', '--print-config', 'pain-clinic/deep/proc.note', 'other.note'], { cwd: dir }).code, 2);
    const loose = JSON.parse(run(['check', '--print-config', 'not-yet.note'], { cwd: dir }).stdout);
    assert.equal(loose.pack, null);
    assert.equal(loose.noteProfiles, undefined);
  });
});

describe('cli: what a team needs to write a pack, published', () => {
  it('rules --format json: each rule\'s evidence (readable patterns), phrases, prompt and when; header names, context triggers, word lists and detection phrases', () => {
    const published = JSON.parse(run(['rules', '--format', 'json', '--no-config']).stdout);
    for (const rule of defaultPack.rules) {
      const listed = published.rules.find((r: { id: string }) => r.id === rule.id);
      assert.equal(listed.evidence.length, rule.evidence.length, rule.id);
      rule.evidence.forEach((entry, i) => {
        // The published pattern is the same regular expression, less the engine's empty look-aheads.
        if (entry.pattern !== undefined) assert.equal(compact(listed.evidence[i].pattern), entry.pattern, `${rule.id} evidence[${i}]`);
        if (entry.pattern !== undefined) assert.ok(!listed.evidence[i].pattern.includes('(?=)'), `${rule.id} evidence[${i}]`);
        assert.deepEqual(listed.evidence[i].sections, entry.sections);
        assert.deepEqual(listed.evidence[i].attribution, entry.attribution);
      });
      assert.deepEqual(listed.phrases, [...new Set(rule.evidence.flatMap((e) => e.phrases ?? []))]);
      assert.equal(listed.when, rule.when ?? null);
      assert.equal(listed.prompt?.label, rule.prompt?.label);
    }
    assert.ok(published.headers.hpi.includes('history of present illness'));
    assert.ok(published.headers.assessment.length > 5);
    assert.ok(published.context.triggers.some((t: { kind: string; pattern: string }) => t.kind === 'negated' && t.pattern === '{negations}'));
    assert.ok(published.context.triggers.every((t: { pattern: string }) => !t.pattern.includes('(?=)')));
    assert.ok(published.vocabulary.relatives.includes('wife') && published.vocabulary.negations.includes('denies'));
    assert.ok(published.profiles.find((p: { id: string }) => p.id === 'urgent').detect.includes('urgent care'));
    assert.equal(published.defaultProfile, 'default');
  });

  it('explain --format json: a team rule\'s evidence, when and prompt labels; a built-in rule changed by the pack shows the change', () => {
    const dir = tempDir('hn-publish-');
    writeNotes(dir, {
      '.healingnotes.json': json({
        customRules: [interpreterRule({ when: { found: { phrases: ['spanish'] } }, prompt: { label: 'Interpreter', snippet: '${1:<language>}', sections: ['hpi'], createSection: 'HPI', labels: ['Interpreter used'] } })],
        rules: { 'explain.understanding': { addEvidence: [{ phrases: ['cree que'], attribution: 'patient' }] } },
      }),
    });
    const team = JSON.parse(run(['explain', '--format', 'json', 'clinic.interpreter'], { cwd: dir }).stdout);
    assert.deepEqual(team.when, { found: { phrases: ['spanish'] } });
    assert.deepEqual(team.phrases, ['interpreter', 'language line']);
    assert.deepEqual(team.prompt.labels, ['Interpreter used']);
    const builtIn = JSON.parse(run(['explain', '--format', 'json', 'explain.understanding'], { cwd: dir }).stdout);
    assert.ok(builtIn.phrases.includes('cree que'));
    assert.equal(builtIn.evidence.at(-1).attribution, 'patient');
  });
});
