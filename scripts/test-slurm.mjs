#!/usr/bin/env node
// The Slurm array job (scripts/slurm/) on a real single-node Slurm cluster, started here from
// Debian's packages (slurm-wlm, munge) by scripts/slurm/local-cluster.sh: installed if missing
// (as root), started in a scratch folder with its own munge key, config and free ports, and
// stopped at the end, whatever happens. Checks that a JSONL export split into shards and checked
// by the array tasks gives the same per-note lines and the same summary as one run over the whole
// export, that a malformed row is reported by the export's line number, and that a failing task
// keeps the merge from running.
//
// Skips (exit 0, saying why) only where the cluster cannot run: not root and Slurm not installed,
// or not Linux. Prints "N passed, N failed" last; exit 1 when a check fails, 2 when the cluster
// cannot be started as root.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { readFolder, rng, variantOf } from './bench/lib/notes.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SLURM = path.join(ROOT, 'scripts', 'slurm');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const started = performance.now();
const log = (line) => process.stdout.write(`slurm: ${line}\n`);
const isRoot = process.getuid?.() === 0;

function run(command, args, options = {}) {
  return spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
}
const has = (tool) => run('sh', ['-c', `command -v ${tool}`]).status === 0;

function skip(reason) {
  log(`SKIPPED: ${reason}`);
  process.stdout.write('0 passed, 0 failed, 1 skipped\n');
  process.exit(0);
}

if (process.platform !== 'linux') skip('the single-node cluster runs on Linux only');
if (!fs.existsSync(CLI)) {
  log('dist/cli.js is missing: run npm run build first');
  process.exit(2);
}
const tools = ['slurmctld', 'slurmd', 'sbatch', 'sinfo', 'munged', 'mungekey'];
if (!tools.every(has)) {
  if (!isRoot) skip(`not root, and Slurm is not installed (${tools.filter((t) => !has(t)).join(', ')} missing): apt-get install slurm-wlm munge as root to run it`);
  log('installing slurm-wlm and munge from Debian (apt-get)');
  const install = run(path.join(SLURM, 'local-cluster.sh'), ['install'], { stdio: 'inherit' });
  if (install.status !== 0) {
    log('could not install slurm-wlm and munge');
    process.exit(2);
  }
}

/** A TCP port nothing listens on now. */
function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '0.0.0.0', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-slurm-'));
const clusterDir = path.join(scratch, 'cluster');
let clusterStarted = false;
const stopCluster = () => {
  if (!clusterStarted) return;
  clusterStarted = false;
  const stop = run(path.join(SLURM, 'local-cluster.sh'), ['stop', clusterDir]);
  log((stop.stdout || stop.stderr).trim());
};
process.on('exit', () => {
  stopCluster();
  if (!process.env.HN_SLURM_KEEP) fs.rmSync(scratch, { recursive: true, force: true });
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => process.exit(130));

const ctldPort = await freePort();
let slurmdPort = await freePort();
while (slurmdPort === ctldPort) slurmdPort = await freePort();
log(`starting a single-node cluster in ${clusterDir} (ports ${ctldPort}, ${slurmdPort})`);
clusterStarted = true;
const start = run(path.join(SLURM, 'local-cluster.sh'), ['start', clusterDir, String(ctldPort), String(slurmdPort)]);
if (start.status !== 0) {
  const why = (start.stderr || start.stdout).trim().split('\n').slice(-3).join(' | ');
  stopCluster();
  if (!isRoot) skip(`not root, and a cluster could not be started as this user: ${why}`);
  log(`the cluster did not start: ${why}`);
  process.exit(2);
}
const env = { ...process.env, SLURM_CONF: path.join(clusterDir, 'slurm.conf') };
log(`cluster up after ${Math.round((performance.now() - started) / 1000)} s`);

// ---------------------------------------------------------------- the export
// Varied copies of the project's own sample notes (samples/: sentences shuffled, numbers and names
// changed), each with a marker that must never reach a log or a result; one row is malformed, one
// lacks its text.
const SECRET = 'Quokka-Zanzibar-3317';
const samples = readFolder(path.join(ROOT, 'samples'));
const random = rng(11);
const rows = [];
for (let i = 0; i < 40; i++) {
  const text = `Reference: ${SECRET}-${i}\n${variantOf(samples[i % samples.length].text, random)}`;
  rows.push(JSON.stringify({ mrn_hash: `h${i}`, note_id: `enc-${1000 + i}`, note_text: text }));
}
rows.splice(17, 0, `{"note_id": "enc-broken", "note_text": "${SECRET}`);
rows.splice(29, 0, JSON.stringify({ note_id: 'enc-empty' }));
const exportFile = path.join(scratch, 'export.jsonl');
fs.writeFileSync(exportFile, rows.join('\n') + '\n');
const FIELDS = ['--text-field', 'note_text', '--id-field', 'note_id'];

// One run over the whole export, in one process: what the cluster must reproduce.
const whole = run(process.execPath, [CLI, 'check', '--input-format', 'jsonl', ...FIELDS, '--format', 'jsonl', '--jobs', '1', exportFile]);
const wholeSummary = run(process.execPath, [CLI, 'summary', '--input-format', 'jsonl', ...FIELDS, '--format', 'json', '--jobs', '1', exportFile]);

let passed = 0;
let failed = 0;
function check(name, fn) {
  try {
    fn();
    passed++;
    log(`ok: ${name}`);
  } catch (error) {
    failed++;
    log(`FAILED: ${name}: ${error.message}`);
  }
}
const assert = (ok, message) => {
  if (!ok) throw new Error(message);
};
const read = (file) => fs.readFileSync(file, 'utf8');
const counts = (summary) => JSON.stringify({ notes: summary.notes, skipped: summary.skipped, profiles: Object.entries(summary.profiles).sort(), skills: summary.skills });

function submit(out, extra) {
  const t = performance.now();
  const result = run('bash', [path.join(SLURM, 'submit.sh'), '--shards', '3', '--cpus', '1', '--out', out, ...FIELDS, '--wait', ...extra, exportFile], { env, timeout: 300_000 });
  log(`submit.sh ${extra.join(' ')}: exit ${result.status} after ${Math.round((performance.now() - t) / 1000)} s`);
  return result;
}

check('one run over the whole export, as the reference', () => {
  assert(whole.status === 3, `check exit ${whole.status}: ${whole.stderr}`);
  assert(wholeSummary.status === 3, `summary exit ${wholeSummary.status}: ${wholeSummary.stderr}`);
});

const perNote = path.join(scratch, 'per-note');
const first = submit(perNote, ['--per-note']);
check('submit.sh --per-note: the array job and the merge job succeed', () => {
  assert(first.status === 0, `exit ${first.status}: ${first.stderr.trim()}`);
  assert(/array job \d+ checks 3 shards/.test(first.stdout), first.stdout);
});
check('each task checked its shard: 3 shards, 3 exit codes (0, 1 or 3)', () => {
  const exits = fs.readdirSync(path.join(perNote, 'logs')).filter((f) => f.endsWith('.exit')).sort();
  assert(exits.join() === 'check-0000.exit,check-0001.exit,check-0002.exit', exits.join());
  for (const f of exits) assert(['0', '1', '3'].includes(read(path.join(perNote, 'logs', f)).trim()), `${f}: ${read(path.join(perNote, 'logs', f))}`);
});
check('the shards\' per-note lines, in shard order, are the whole run\'s lines', () => {
  const results = fs.readdirSync(path.join(perNote, 'results')).sort().map((f) => read(path.join(perNote, 'results', f))).join('');
  assert(results.split('\n').length === 41, `${results.split('\n').length - 1} lines`);
  assert(results === whole.stdout, 'the per-note lines differ from one run over the whole export');
});
check('the merged summary is the whole export\'s summary', () => {
  const merged = JSON.parse(read(path.join(perNote, 'summary.json')));
  assert(merged.merged === 3, `merged ${merged.merged}`);
  assert(counts(merged) === counts(JSON.parse(wholeSummary.stdout)), 'the counts differ');
  assert(/^40 notes analysed, added up from 3 summaries/.test(read(path.join(perNote, 'summary.txt'))), 'summary.txt');
  assert(/^<!doctype html>/i.test(read(path.join(perNote, 'summary.html'))), 'summary.html');
});
check('skipped rows are listed by the export\'s line numbers, never their text', () => {
  const skipped = read(path.join(perNote, 'skipped-rows.txt'));
  assert(skipped === "line 18: not valid JSON\nline 30: no 'note_text' field\n", JSON.stringify(skipped));
  for (const f of fs.readdirSync(path.join(perNote, 'logs'))) assert(!read(path.join(perNote, 'logs', f)).includes(SECRET), `${f} quotes a note`);
  assert(!fs.readdirSync(path.join(perNote, 'results')).some((f) => read(path.join(perNote, 'results', f)).includes(SECRET)), 'a result quotes a note');
});

const summaryOnly = path.join(scratch, 'summary-only');
const second = submit(summaryOnly, []);
check('submit.sh without --per-note: summaries only, the same merged summary', () => {
  assert(second.status === 0, `exit ${second.status}: ${second.stderr.trim()}`);
  assert(!fs.existsSync(path.join(summaryOnly, 'results')), 'results/ written');
  assert(counts(JSON.parse(read(path.join(summaryOnly, 'summary.json')))) === counts(JSON.parse(wholeSummary.stdout)), 'the counts differ');
});

const broken = path.join(scratch, 'broken');
const third = submit(broken, ['--rules', path.join(scratch, 'no-such-pack.json')]);
check('a task that fails (a usage error, exit 2) keeps the merge from running, and submit.sh fails', () => {
  assert(third.status === 1, `submit.sh exit ${third.status}`);
  assert(/no summary: 3 of 3 tasks failed/.test(third.stderr), third.stderr);
  assert(!fs.existsSync(path.join(broken, 'summary.json')), 'the merge ran');
  assert(read(path.join(broken, 'logs', 'check-0000.exit')).trim() === '2', 'exit code');
});

stopCluster();
log(`took ${Math.round((performance.now() - started) / 1000)} s`);
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exitCode = failed ? 1 : 0;
