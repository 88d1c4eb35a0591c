#!/usr/bin/env node
/**
 * npm run bench:jsonl [-- options]   (also run, with --no-build, at the end of npm run bench)
 *
 * The JSONL mode end to end, as a warehouse export is checked: the CLI
 * (dist/cli.js check --input-format jsonl --format jsonl) over a generated
 * table, its output to /dev/null. Notes are generated from the sentences of
 * the folder's notes (default samples/), every one varied; nothing is read
 * from elsewhere, and the generated tables are removed at the end.
 *
 * Figures:
 *   - throughput on every core (--jobs = cores) and on one core (--jobs 1,
 *     pinned with taskset), in MB/s and GB/hour: the second sizes a cluster;
 *   - RSS (of the process, workers included) at --early notes and at the
 *     end of one run over --rss-notes notes: the median RSS polled while
 *     notes early/2..early were written, and while the last early/2 were.
 *     Memory stays flat when the two are within 10%.
 *
 * Options:
 *   --dir <folder>     notes whose sentences the tables are made of (default samples/)
 *   --mb <n>           size of the throughput table in MB (default 24)
 *   --rss-notes <n>    notes in the memory run (default 200000; short notes, 0.5–1.5 KB)
 *   --early <n>        notes of the first RSS figure (default 10000)
 *   --seed <n>         seed of the generated notes (default 17)
 *   --json             print the results as one line of JSON
 *   --no-build         use dist/ as it is instead of running esbuild.js first
 *   --keep             keep the generated tables
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { renderJsonl, TARGETS } from './lib/jsonl-report.mjs';
import { generateNote, poolsOf, rng } from './lib/notes.mjs';
import { prepareBench } from './lib/setup.mjs';
import { printUsageAndExit } from './lib/usage.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const { values: opts } = parseArgs({
  options: {
    dir: { type: 'string', default: 'samples' },
    mb: { type: 'string', default: '24' },
    'rss-notes': { type: 'string', default: '200000' },
    early: { type: 'string', default: '10000' },
    seed: { type: 'string', default: '17' },
    json: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) printUsageAndExit(import.meta.url);

const MB = 1024 * 1024;
const r1 = (x) => Math.round(x * 10) / 10;
const r2 = (x) => Math.round(x * 100) / 100;
const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;
const { cli, notes, log } = prepareBench({ root, name: 'bench:jsonl', build: !opts['no-build'], dir: opts.dir });
const pools = poolsOf(notes);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-bench-jsonl-'));
process.on('exit', () => {
  if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
});
process.on('SIGINT', () => process.exit(130));

/** Writes a JSONL table of generated notes (`size(r)` bytes each) until `stop(notes, bytes)`; returns its size. */
function writeTable(file, seed, size, stop) {
  const r = rng(seed);
  const fd = fs.openSync(file, 'w');
  let chunk = '';
  let count = 0;
  let bytes = 0;
  while (!stop(count, bytes)) {
    const line = JSON.stringify({ note_id: `enc-${String(count + 1).padStart(7, '0')}`, department: 'clinic', note_text: generateNote(pools, r, size(r)) }) + '\n';
    chunk += line;
    bytes += Buffer.byteLength(line);
    count++;
    if (chunk.length > MB) {
      fs.writeSync(fd, chunk);
      chunk = '';
    }
  }
  fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  return { notes: count, bytes };
}

/**
 * Runs the CLI over a table, its JSONL output counted and dropped. Polls the
 * process's RSS (workers included) every 20 ms and keeps its peak (VmHWM),
 * the RSS at each tenth of the notes, and every sample taken in each window
 * of notes written (`windows`: [from, to) note counts): a window's median
 * compares steady states apart from the garbage collector's ups and downs.
 */
function runCli(table, { jobs, pin = false, windows = [], total }) {
  const args = [cli, 'check', '--input-format', 'jsonl', '--text-field', 'note_text', '--id-field', 'note_id', '--format', 'jsonl', '--jobs', String(jobs), '--quiet', table];
  const [cmd, argv] = pin && hasTaskset ? ['taskset', ['-c', '0', process.execPath, ...args]] : [process.execPath, args];
  const t0 = performance.now();
  const proc = spawn(cmd, argv, { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  let lines = 0;
  let stderr = '';
  let hwmKb = 0;
  const windowSamplesKb = windows.map(() => []);
  const tenths = [];
  const poll = () => {
    try {
      const status = fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8');
      const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
      hwmKb = Math.max(hwmKb, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
      if (total && lines >= ((tenths.length + 1) * total) / 10) tenths.push(Math.round(rssKb / 1024));
      windows.forEach(([from, to], i) => {
        if (lines >= from && lines < to) windowSamplesKb[i].push(rssKb);
      });
    } catch {
      // exited, or no /proc
    }
  };
  const timer = setInterval(poll, 20);
  proc.stdout.on('data', (data) => {
    for (let i = data.indexOf(10); i >= 0; i = data.indexOf(10, i + 1)) lines++;
  });
  proc.stderr.on('data', (d) => (stderr += d));
  return new Promise((resolve) => {
    proc.on('close', (code) => {
      clearInterval(timer);
      const seconds = (performance.now() - t0) / 1000;
      const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
      const windowsMb = windowSamplesKb.map((xs) => (xs.length ? { medianMb: median(xs) / 1024, maxMb: Math.max(...xs) / 1024, samples: xs.length } : undefined));
      if (code !== 0 && code !== 1) resolve({ error: `exit ${code}: ${stderr.trim().split('\n').slice(-2).join(' | ')}` });
      else resolve({ seconds, lines, peakRssMb: hwmKb / 1024, windowsMb, rssByTenthMb: tenths });
    });
  });
}

const results = {
  machine: { cores, cpu: os.cpus()[0]?.model, node: process.version, loadAverageAtStart: r1(os.loadavg()[0]), oneCorePinning: hasTaskset ? 'taskset -c 0' : 'none (taskset missing)' },
  folder: { path: path.relative(process.cwd(), path.resolve(opts.dir)) || '.', notes: notes.length },
};

// ---------------------------------------------------------------- throughput
const throughputTable = path.join(tmp, 'throughput.jsonl');
const wantBytes = Math.max(1, Number(opts.mb)) * MB;
log(`generating a ${opts.mb} MB table of notes of 2–8 KB`);
const table = writeTable(throughputTable, Number(opts.seed), (r) => 2048 + r.int(6144), (_, bytes) => bytes >= wantBytes);
results.throughput = { notes: table.notes, bytes: table.bytes, runs: {} };
for (const [name, jobs, pin] of [['allCores', cores, false], ['oneCore', 1, true]]) {
  log(`throughput: --jobs ${jobs}${pin && hasTaskset ? ', pinned to one core' : ''}`);
  const run = await runCli(throughputTable, { jobs, pin });
  if (run.error) {
    results.throughput.runs[name] = { jobs, error: run.error };
    continue;
  }
  const mbPerS = table.bytes / MB / run.seconds;
  results.throughput.runs[name] = { jobs, seconds: r1(run.seconds), notes: run.lines, mbPerS: r2(mbPerS), gbPerHour: r2((table.bytes / 1e9) * (3600 / run.seconds)), notesPerS: Math.round(run.lines / run.seconds), peakRssMb: r1(run.peakRssMb) };
}

// ---------------------------------------------------------------- memory over a long table
const rssNotes = Math.max(2, Number(opts['rss-notes']));
const early = Math.min(Math.max(1, Number(opts.early)), rssNotes - 1);
const rssTable = path.join(tmp, 'rss.jsonl');
log(`generating ${rssNotes.toLocaleString('en-US')} short notes (0.5–1.5 KB) for the memory run`);
const long = writeTable(rssTable, Number(opts.seed) + 1, (r) => 512 + r.int(1024), (count) => count >= rssNotes);
log(`memory: --jobs ${cores} over ${(long.bytes / MB).toFixed(0)} MB, peak RSS polled`);
// RSS while the notes early/2..early were written, and while the last early/2 were (before the run ends).
const windows = [
  [Math.floor(early / 2), early],
  [rssNotes - Math.floor(early / 2), rssNotes],
];
const rss = await runCli(rssTable, { jobs: cores, windows, total: rssNotes });
const [earlyRss, lateRss] = rss.windowsMb ?? [];
results.memory = rss.error
  ? { error: rss.error }
  : {
      notes: long.notes,
      bytes: long.bytes,
      jobs: cores,
      seconds: r1(rss.seconds),
      windows,
      earlyRssMb: r1(earlyRss.medianMb),
      lateRssMb: r1(lateRss.medianMb),
      earlyMaxRssMb: r1(earlyRss.maxMb),
      lateMaxRssMb: r1(lateRss.maxMb),
      growth: r2(lateRss.medianMb / earlyRss.medianMb - 1),
      peakRssMb: r1(rss.peakRssMb),
      rssByTenthMb: rss.rssByTenthMb,
      gbPerHour: r2((long.bytes / 1e9) * (3600 / rss.seconds)),
    };
results.machine.loadAverageAtEnd = r1(os.loadavg()[0]);

// ---------------------------------------------------------------- targets
const all = results.throughput.runs.allCores;
const m = results.memory;
const status = (ok) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS');
results.targets = [
  {
    measure: `JSONL throughput, ${cores} cores (--jobs ${cores})`,
    figure: all?.gbPerHour !== undefined ? `${all.gbPerHour} GB/hour (${all.mbPerS} MB/s)` : 'n/a',
    target: `≥ ${TARGETS.gbPerHourTwoCores} GB/hour on 2 cores`,
    status: cores === 2 ? status(all?.gbPerHour === undefined ? undefined : all.gbPerHour >= TARGETS.gbPerHourTwoCores) : `n/a (${cores} cores)`,
  },
  {
    measure: `JSONL RSS at ${early.toLocaleString('en-US')} vs ${rssNotes.toLocaleString('en-US')} notes`,
    figure: m.error ? 'n/a' : `${m.earlyRssMb} → ${m.lateRssMb} MB (${m.growth >= 0 ? '+' : ''}${r1(m.growth * 100)}%)`,
    target: `within ±${TARGETS.rssGrowth * 100}%`,
    status: status(m.error ? undefined : Math.abs(m.growth) <= TARGETS.rssGrowth),
  },
];

if (opts.json) process.stdout.write(JSON.stringify(results) + '\n');
else process.stdout.write(renderJsonl(results));
