// check and summary over worker threads (--jobs): the same bytes, errors and exit codes as in one thread.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { jobsFor, parseJobs, SMALL_RUN_FILES } from '../../src/cli/batch';
import { resolveInputs } from '../../src/cli/files';
import { JsonStream } from '../../src/cli/formatters/json';
import { run, runAsync, SECRET, tempDir, writeNotes } from './cli-helpers';

/** A small seeded generator (mulberry32): the same notes on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// Fragments written for this test; each note takes some of each, in varied order and line ends.
const VISIT = ['', 'Visit type: follow-up\n', 'Visit type: urgent\n', 'Visit type: telehealth\n', 'Visit type: new patient\n'];
const HPI = [
  `${SECRET} reports a dry cough for ten days, worse at night.`,
  'She thinks the cough started after her grandson had a cold.',
  'He is worried this could be pneumonia like his brother had last winter.',
  'Patient hopes to be well enough to sing in the choir on Sunday.',
  'Her daughter came with her today and helped with the history.',
  'He says the pain in his left knee began after a long hike.',
  'She feels frustrated that the rash keeps coming back.',
  'No fever, no chills, no weight loss.',
  'Sleep has been poor because of the itching.',
  'He wants to avoid surgery if at all possible.',
];
const ASSESSMENT = ['Acute bronchitis, likely viral.', 'Patellofemoral pain.', 'Contact dermatitis.', 'Tension-type headache.', 'Type 2 diabetes, not at goal.'];
const PLAN = [
  'Start albuterol inhaler as needed.',
  'We agreed together to try physical therapy first.',
  'Discussed options; she chose a topical steroid twice daily.',
  'Follow up in 2 weeks, sooner if worse.',
  'Call the clinic if the fever returns.',
  'Check HbA1c in 3 months.',
  '***',
  'Return to clinic in one week to review the results.',
];

function pick<T>(random: () => number, list: readonly T[], n: number): T[] {
  const copy = [...list];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, n);
}

function makeNotes(count: number, seed = 7): Record<string, string | Buffer> {
  const random = rng(seed);
  const notes: Record<string, string | Buffer> = {};
  for (let i = 0; i < count; i++) {
    const hpi = pick(random, HPI, 1 + Math.floor(random() * 5)).join(' ');
    const plan = pick(random, PLAN, Math.floor(random() * 4));
    let text =
      VISIT[Math.floor(random() * VISIT.length)] +
      `CHIEF COMPLAINT: ${['Cough.', 'Knee pain.', 'Rash.', 'Headache.'][i % 4]}\n` +
      `HPI: ${hpi}\n` +
      `ASSESSMENT: ${ASSESSMENT[Math.floor(random() * ASSESSMENT.length)]}\n` +
      `PLAN:${plan.length ? '\n' + plan.map((p, k) => `${k + 1}. ${p}`).join('\n') : ''}\n`;
    if (i % 9 === 4) text = text.replace(/\n/g, '\r\n');
    const name = `${i % 3 === 0 ? 'ward-a/' : i % 3 === 1 ? 'ward-b/deep/' : ''}note-${String(i).padStart(2, '0')}.note`;
    notes[name] = i % 13 === 6 ? Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) : text;
  }
  notes['ward-a/scan.note'] = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 13, 1, 2, 3]);
  return notes;
}

describe('cli --jobs: worker threads', function () {
  // Each run with workers starts them afresh (the engine's regexes compile in each); the machine may be loaded.
  this.timeout(180_000);
  let dir: string;

  before(() => {
    dir = tempDir('hn-batch-');
    writeNotes(dir, makeNotes(40));
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('gives the same bytes, stderr and exit code with --jobs 1 and --jobs 3, in every check format', async () => {
    for (const format of ['text', 'json', 'csv', 'sarif']) {
      const one = await runAsync(['check', '--format', format, '--jobs', '1', '.'], { cwd: dir });
      const three = await runAsync(['check', '--format', format, '--jobs', '3', '.'], { cwd: dir });
      assert.equal(one.code, 1, `${format}: ${one.stderr}`);
      assert.deepEqual([three.code, three.stderr], [one.code, one.stderr], format);
      assert.ok(three.stdout === one.stdout, `${format}: the outputs differ`);
      assert.equal(one.stderr, "healing-notes: skipped 'ward-a/scan.note': the file looks binary\n");
      // The synchronous runCli (tests, embedding) gives the same, in-process.
      assert.ok(run(['check', '--format', format, '--jobs', '3', '.'], { cwd: dir }).stdout === one.stdout, `${format}: runCli differs`);
      // Streamed: one write per file with findings (and the opening/closing), not one at the end.
      assert.ok(three.writes > 10, `${format}: ${three.writes} writes`);
    }
  });

  it('the streamed JSON is one valid document with every file in input order and the totals', async () => {
    const out = await runAsync(['check', '--format', 'json', '--jobs', '3', '.'], { cwd: dir });
    const json = JSON.parse(out.stdout);
    assert.equal(json.files.length, 41);
    assert.deepEqual(
      json.files.map((f: { path: string }) => f.path),
      resolveInputs(['.'], dir).map((s) => s.path),
      'input order',
    );
    assert.deepEqual(Object.keys(json), ['tool', 'files', 'totals']);
    assert.equal(json.totals.files, 41);
    assert.equal(json.totals.skipped, 1);
    assert.ok(json.files.some((f: { evidence: unknown[] }) => f.evidence.length > 0), 'evidence travels back from the workers');
  });

  it('gives the same summary with --jobs 1 and --jobs 3 (json, html, csv, text; named and anonymized)', async () => {
    for (const args of [['--format', 'json'], ['--format', 'json', '--anonymize'], ['--format', 'html'], ['--format', 'csv'], []]) {
      const one = await runAsync(['summary', ...args, '--jobs', '1', '.'], { cwd: dir });
      const three = await runAsync(['summary', ...args, '--jobs', '3', '.'], { cwd: dir });
      assert.equal(one.code, 0, one.stderr);
      assert.deepEqual([three.code, three.stderr], [one.code, one.stderr], args.join(' '));
      assert.ok(three.stdout === one.stdout, `${args.join(' ')}: the outputs differ`);
    }
    const json = JSON.parse((await runAsync(['summary', '--format', 'json', '--jobs', '3', '.'], { cwd: dir })).stdout);
    assert.deepEqual([json.notes, json.skipped, json.files.length], [40, 1, 41]);
  });

  it('workers use the same rules: --rules, .healingnotes.json (with extends) and --profile', async () => {
    const packs = tempDir('hn-batch-pack-');
    try {
      writeNotes(packs, {
        'base.json': JSON.stringify({ rules: { plan: 'warning' } }),
        'team.json': JSON.stringify({ extends: './base.json', rules: { 'explain.hopes': 'off', 'explain.fear-anger': 'error' } }),
        '.healingnotes.json': JSON.stringify({ extends: './base.json', profile: 'urgent' }),
      });
      const notes = path.join(dir);
      for (const args of [['--rules', 'team.json'], [], ['--profile', 'brief'], ['--no-config', '--profile', 'follow-up']]) {
        const one = await runAsync(['check', '--format', 'json', '--jobs', '1', ...args, notes], { cwd: packs });
        const three = await runAsync(['check', '--format', 'json', '--jobs', '3', ...args, notes], { cwd: packs });
        assert.notEqual(one.code, 2, one.stderr);
        assert.deepEqual([three.code, three.stderr], [one.code, one.stderr], args.join(' '));
        assert.ok(three.stdout === one.stdout, `${args.join(' ')}: the outputs differ`);
      }
      const team = JSON.parse((await runAsync(['check', '--format', 'json', '--jobs', '3', '--rules', 'team.json', notes], { cwd: packs })).stdout);
      const findings = team.files.flatMap((f: { findings: { ruleId: string; severity: string }[] }) => f.findings);
      assert.ok(findings.every((f: { ruleId: string; severity: string }) => f.ruleId !== 'plan' || f.severity === 'warning'), 'base.json read by the workers');
      assert.ok(findings.some((f: { ruleId: string; severity: string }) => f.ruleId === 'explain.fear-anger' && f.severity === 'error'), 'team.json read by the workers');
    } finally {
      fs.rmSync(packs, { recursive: true, force: true });
    }
  });

  it('a file that cannot be read mid-batch: the same one line, the others reported, exit 2', async function () {
    // Root reads anything whatever its mode; /proc/self/mem is a regular file that no read() can read (EIO).
    let bad: string;
    if (process.getuid?.() !== 0) {
      bad = path.join(dir, 'locked.txt');
      fs.writeFileSync(bad, 'HPI: x\n');
      fs.chmodSync(bad, 0o000);
    } else if (process.platform === 'linux') {
      bad = '/proc/self/mem';
    } else {
      this.skip();
    }
    const files = ['note-00.note', 'note-03.note', 'note-06.note', 'note-09.note'].map((f) => path.join('ward-a', f));
    const args = ['check', '--format', 'json', files[0], files[1], bad!, files[2], files[3], '-'];
    const stdin = () => Buffer.from(`HPI: ${SECRET} is here.\nPLAN:\n`);
    const one = await runAsync([...args, '--jobs', '1'], { cwd: dir, readStdin: stdin });
    const three = await runAsync([...args, '--jobs', '3'], { cwd: dir, readStdin: stdin });
    for (const out of [one, three]) {
      assert.equal(out.code, 2);
      assert.match(out.stderr, new RegExp(`^healing-notes: cannot read '${bad!.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}': [\\w ]+\\n$`));
      const json = JSON.parse(out.stdout);
      assert.deepEqual(json.files.map((f: { path: string }) => f.path), [...files, '<stdin>']);
      assert.ok(!out.stdout.includes(SECRET) && !out.stderr.includes(SECRET));
    }
    assert.ok(three.stdout === one.stdout && three.stderr === one.stderr);
    // SARIF: the unreadable file is an error notification, and the run is not successful.
    const sarif = JSON.parse((await runAsync(['check', '--format', 'sarif', ...args.slice(3), '--jobs', '3'], { cwd: dir, readStdin: stdin })).stdout);
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, false);
    if (process.getuid?.() !== 0) fs.rmSync(bad!, { force: true });
  });

  describe('a worker that fails', () => {
    let scripts: string;
    const outSrc = path.resolve(__dirname, '../../src');
    before(() => {
      scripts = tempDir('hn-batch-worker-');
      // The real worker, with the engine's analyze failing on a worker's third note: by throwing an error whose
      // message quotes the note (as a TypeError can), or by stopping the thread.
      const wrap = (failure: string) =>
        [
          `const analyzeModule = require(${JSON.stringify(path.join(outSrc, 'engine/analyze.js'))});`,
          'const original = analyzeModule.analyze;',
          'let n = 0;',
          `analyzeModule.analyze = (text, options) => { if (++n === 3) { ${failure} } return original(text, options); };`,
          `require(${JSON.stringify(path.join(outSrc, 'cli/worker.js'))});`,
        ].join('\n');
      fs.writeFileSync(path.join(scripts, 'throws.js'), wrap("throw new TypeError(`Cannot read properties of undefined (reading '${text.slice(0, 60)}')`);"));
      fs.writeFileSync(path.join(scripts, 'exits.js'), wrap('process.exit(3);'));
    });
    after(() => fs.rmSync(scripts, { recursive: true, force: true }));

    it('an error in a worker: one line with its kind and place, no note text, exit 2', async () => {
      const out = await runAsync(['check', '--jobs', '3', '.'], { cwd: dir, workerScript: path.join(scripts, 'throws.js') });
      assert.equal(out.code, 2);
      assert.match(out.stderr, /^healing-notes: internal error \(TypeError at [\w.-]+\.js:\d+\); no note text is shown, please report it\n$/);
      assert.ok(!out.stderr.includes(SECRET) && !out.stdout.includes(SECRET));
    });

    it('a worker that stops: one line, exit 2', async () => {
      const out = await runAsync(['summary', '--jobs', '2', '.'], { cwd: dir, workerScript: path.join(scripts, 'exits.js') });
      assert.equal(out.code, 2);
      assert.equal(out.stderr, 'healing-notes: internal error (a worker stopped with exit code 3); no note text is shown, please report it\n');
    });

    it('a missing worker script: a warning, then the run in one thread', async () => {
      const one = await runAsync(['check', '--jobs', '1', '.'], { cwd: dir });
      const out = await runAsync(['check', '--jobs', '3', '.'], { cwd: dir, workerScript: path.join(scripts, 'cli-worker.js') });
      assert.equal(out.code, one.code);
      assert.ok(out.stdout === one.stdout);
      assert.equal(out.stderr, "healing-notes: warning: cli-worker.js is missing beside the CLI; the notes are analysed in one thread\n" + one.stderr);
    });

    it('the same error in one thread prints the same kind of line', async () => {
      const analyzeModule = require(path.join(outSrc, 'engine/analyze.js'));
      const original = analyzeModule.analyze;
      analyzeModule.analyze = (text: string) => {
        throw new TypeError(`Cannot read properties of undefined (reading '${text.slice(0, 60)}')`);
      };
      try {
        const out = await runAsync(['check', '--jobs', '1', '.'], { cwd: dir });
        assert.equal(out.code, 2);
        assert.match(out.stderr, /^healing-notes: internal error \(TypeError at [\w.-]+\.js:\d+\); no note text is shown, please report it\n$/);
        assert.ok(!out.stderr.includes(SECRET));
      } finally {
        analyzeModule.analyze = original;
      }
    });
  });

  it('keeps the exit codes: 0 clean, 1 error findings, 2 nothing analysed', async () => {
    const clean = tempDir('hn-batch-clean-');
    try {
      const note = 'HPI: He is worried about his knee and hopes to hike again.\nPLAN: We agreed together on physical therapy. Follow up in 2 weeks.\n';
      writeNotes(clean, Object.fromEntries(Array.from({ length: 10 }, (_, i) => [`n${i}.note`, note])));
      writeNotes(clean, { 'bin/a.note': Buffer.from([0, 1, 2]), 'bin/b.note': Buffer.from([0, 3, 4]) });
      for (const jobs of ['1', '3']) {
        assert.equal((await runAsync(['check', '--min-severity', 'error', '--jobs', jobs, '.'], { cwd: clean })).code, 0);
        assert.equal((await runAsync(['check', '--jobs', jobs, '.'], { cwd: dir })).code, 1);
        const none = await runAsync(['check', '--jobs', jobs, 'bin'], { cwd: clean });
        assert.equal(none.code, 2);
        assert.match(none.stderr, /no notes could be analysed\n$/);
        assert.equal((await runAsync(['summary', '--jobs', jobs, 'bin'], { cwd: clean })).code, 2);
      }
    } finally {
      fs.rmSync(clean, { recursive: true, force: true });
    }
  });

  it('chooses the jobs: as asked (at most one per file), else one per core, one for a small run', () => {
    const sources = (n: number) => Array.from({ length: n }, (_, i) => ({ path: `n${i}`, file: path.join(dir, `ward-a/note-${String(i * 3).padStart(2, '0')}.note`) }));
    assert.equal(jobsFor(8, sources(3)), 3);
    assert.equal(jobsFor(2, sources(3)), 2);
    assert.equal(jobsFor(4, [{ path: '<stdin>' }]), 1);
    assert.equal(jobsFor(undefined, sources(SMALL_RUN_FILES - 1)), 1, 'few files');
    assert.equal(jobsFor(undefined, sources(SMALL_RUN_FILES)), 1, 'few bytes');
    assert.equal(parseJobs(undefined), undefined);
    assert.equal(parseJobs('auto'), undefined);
    assert.equal(parseJobs('4'), 4);
    for (const bad of ['0', '-1', '1.5', 'many']) assert.throws(() => parseJobs(bad), /--jobs/);
    const out = run(['check', '--jobs', 'many', '.'], { cwd: dir });
    assert.equal(out.code, 2);
    assert.equal(out.stderr, "healing-notes: invalid value 'many' for --jobs (a whole number from 1, or auto)\n");
  });

  it('streams JSON laid out exactly as JSON.stringify(value, null, 2)', () => {
    for (const items of [[], [1], [{ a: [1, { b: [] }], c: 'x' }, { d: {} }, 'e']]) {
      let out = '';
      const stream = new JsonStream((t) => (out += t));
      const first = stream.slot();
      const second = stream.slot();
      const doc = (end: unknown) => ({ head: { deep: [1, 2] }, list: first, middle: 3, runs: [{ nested: second, end }] });
      stream.open(doc(null));
      const a = stream.array<unknown>(1);
      for (const item of items) a.push(item);
      a.close(doc(null));
      const b = stream.array<unknown>(3);
      for (const item of items) b.push(item);
      b.close(doc({ total: items.length }));
      assert.equal(out, JSON.stringify({ head: { deep: [1, 2] }, list: items, middle: 3, runs: [{ nested: items, end: { total: items.length } }] }, null, 2) + '\n');
    }
  });

  it('summary --merge adds up the summaries of shards', async () => {
    const merged = tempDir('hn-batch-merge-');
    try {
      const shardA = path.join(merged, 'a.json');
      const shardB = path.join(merged, 'b.json');
      await runAsync(['summary', '--format', 'json', '--jobs', '2', '-o', shardA, 'ward-a'], { cwd: dir });
      await runAsync(['summary', '--format', 'json', '--jobs', '2', '-o', shardB, 'ward-b', 'note-02.note', 'note-05.note'], { cwd: dir });
      const whole = JSON.parse(run(['summary', '--format', 'json', 'ward-a', 'ward-b', 'note-02.note', 'note-05.note'], { cwd: dir }).stdout);
      const out = run(['summary', '--merge', '--format', 'json', shardA, shardB]);
      assert.equal(out.code, 0, out.stderr);
      const sum = JSON.parse(out.stdout);
      assert.deepEqual([sum.notes, sum.skipped, sum.merged, sum.files], [whole.notes, whole.skipped, 2, []]);
      assert.deepEqual(sum.skills, whole.skills);
      assert.deepEqual(Object.entries(sum.profiles).sort(), Object.entries(whole.profiles).sort());
      assert.match(run(['summary', '--merge', shardA, shardB]).stdout, /notes analysed \(1 skipped\), added up from 2 summaries/);
      assert.match(run(['summary', '--merge', '--format', 'html', shardA, shardB]).stdout, /added up from 2 summaries/);

      // Shards made with other rules, and files that are not summaries, are refused.
      fs.writeFileSync(path.join(merged, 'pack.json'), JSON.stringify({ customRules: [] }));
      const other = JSON.parse(fs.readFileSync(shardB, 'utf8'));
      other.skills[0].rules.pop();
      fs.writeFileSync(path.join(merged, 'other.json'), JSON.stringify(other));
      const mismatch = run(['summary', '--merge', shardA, path.join(merged, 'other.json')]);
      assert.equal(mismatch.code, 2);
      assert.match(mismatch.stderr, /^healing-notes: summary 2 has other skills or rules than summary 1/);
      for (const file of [path.join(merged, 'pack.json'), path.join(merged, 'none.json')]) {
        const bad = run(['summary', '--merge', shardA, file]);
        assert.equal(bad.code, 2);
        assert.equal(bad.stderr.split('\n').length, 2, bad.stderr);
      }
      assert.equal(run(['summary', '--merge', '--jobs', '2', shardA]).code, 2);
    } finally {
      fs.rmSync(merged, { recursive: true, force: true });
    }
  });
});
