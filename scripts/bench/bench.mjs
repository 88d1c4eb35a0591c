#!/usr/bin/env node
/**
 * npm run bench [-- --json] [-- --dir <folder>] [-- --profile]
 *
 * Measures the engine, the CLI and the extension against the performance
 * targets of issues 8 and 17, and peer prose linters on the same text in the same run;
 * the language server's start-up to first diagnostics (scripts/bench/lsp.mjs,
 * `npm run bench:lsp` alone);
 * then the JSONL mode of the CLI (scripts/bench/jsonl.mjs, `npm run bench:jsonl`
 * alone): throughput on every core and on one, RSS over 200,000 notes.
 * Every timing that must be cold runs in a fresh child process; throughput
 * children are pinned to one core. Notes are only read from the chosen folder;
 * generated notes go to a temporary folder that is removed at the end.
 *
 * Options:
 *   --dir <folder>   notes for the batch and for building the 30 KB note (default samples/)
 *   --json           print the results as JSON (progress still goes to stderr)
 *   --save <file>    also write the results as JSON to <file>
 *   --runs <n>       fresh processes for cold analysis and activation (default 7)
 *   --edits <n>      one-character edits for re-analysis (default 300, at least 200)
 *   --batch <n>      notes in the memory run (default 1000)
 *   --min-ms <ms>    timed passes per tool last at least this long (default 1500)
 *   --seed <n>       seed for generated notes and edit positions (default 8)
 *   --profile        also run the engine under --cpu-prof and print its top functions
 *   --no-build       use dist/ as it is instead of running esbuild.js first
 *   --no-jsonl       leave out the JSONL mode (npm run bench:jsonl, several minutes)
 *   --keep           keep the temporary folder (generated notes, bundles, profiles)
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildEngine, extensionVariants, minifiedExtensionBytes } from './lib/build.mjs';
import { renderJsonl } from './lib/jsonl-report.mjs';
import { LSP_TARGET_MS, renderLsp } from './lib/lsp-report.mjs';
import { KB, bytesOf, readFolder, thirtyKbNote, writeBatch } from './lib/notes.mjs';
import { printUsageAndExit } from './lib/usage.mjs';
import { summarizeProfile } from './lib/profile.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const child = (name) => path.join(here, 'child', name);

const { values: opts } = parseArgs({
  options: {
    dir: { type: 'string', default: 'samples' },
    json: { type: 'boolean', default: false },
    save: { type: 'string' },
    runs: { type: 'string', default: '7' },
    edits: { type: 'string', default: '300' },
    batch: { type: 'string', default: '1000' },
    'min-ms': { type: 'string', default: '1500' },
    seed: { type: 'string', default: '8' },
    profile: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    'no-jsonl': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) printUsageAndExit(import.meta.url);

const RUNS = Math.max(3, Number(opts.runs));
const EDITS = Math.max(200, Number(opts.edits));
const BATCH = Math.max(4, Number(opts.batch));
const MIN_MS = Math.max(200, Number(opts['min-ms']));
const SEED = Number(opts.seed) >>> 0;
const dir = path.resolve(process.cwd(), opts.dir);
const started = performance.now();

/** Issue 17's targets where it tightened issue 8's (cold, re-analysis, throughput). */
const TARGETS = {
  reanalysisMedianMs: 5,
  reanalysisP95Ms: 10,
  coldMs: 120,
  /** Ours ÷ each peer, on the same text in the same run. */
  peerFactors: { 'write-good': 5, textlint: 3 },
  regexFactor: 40,
  activationMs: 50,
  extensionBytes: 1024 * 1024,
  /** RSS at the end of analysis may exceed RSS at 25% by at most this share. */
  rssGrowth: 0.1,
};

const log = (line) => process.stderr.write(`bench: ${line}\n`);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const quantile = (xs, q) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
};
const r1 = (x) => (x === undefined ? undefined : Math.round(x * 10) / 10);
const hasTaskset = spawnSync('taskset', ['-c', '0', 'true']).status === 0;

/** Runs a child to completion and parses the last JSON line it printed. */
function runJson(args, { pin = false, env, timeoutMs = 300_000 } = {}) {
  const [cmd, argv] = pin && hasTaskset ? ['taskset', ['-c', '0', process.execPath, ...args]] : [process.execPath, args];
  const result = spawnSync(cmd, argv, { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: timeoutMs, env: { ...process.env, ...env } });
  const line = (result.stdout ?? '').trim().split('\n').pop();
  if (result.status !== 0 || !line) {
    throw new Error(`${path.basename(args.find((a) => !a.startsWith('-')) ?? '')} failed (exit ${result.status ?? result.signal}): ${(result.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  }
  return JSON.parse(line);
}

// ---------------------------------------------------------------- set-up
if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) {
  process.stderr.write(`bench: no such folder: ${opts.dir}\n`);
  process.exit(2);
}
const notes = readFolder(dir);
if (notes.length === 0) {
  process.stderr.write(`bench: no *.note files in ${opts.dir}\n`);
  process.exit(2);
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-bench-'));
const cleanup = () => {
  if (!opts.keep) fs.rmSync(tmp, { recursive: true, force: true });
};
process.on('exit', cleanup);
process.on('SIGINT', () => process.exit(130));

const results = {
  machine: {
    cpus: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    oneCorePinning: hasTaskset ? 'taskset -c 0' : 'none (taskset missing)',
    // Other work on the machine slows every figure; the ratios to peers suffer less.
    loadAverageAtStart: r1(os.loadavg()[0]),
  },
  folder: { path: path.relative(process.cwd(), dir) || '.', notes: notes.length, bytes: notes.reduce((s, n) => s + n.bytes, 0) },
  source: gitState(),
  build: {},
};

let distNote = 'dist/ rebuilt with esbuild.js';
if (!opts['no-build']) {
  log('building dist/ (node esbuild.js)');
  const build = spawnSync(process.execPath, ['esbuild.js'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) {
    distNote = `esbuild.js failed, using dist/ as it was: ${(build.stderr || build.stdout).trim().split('\n').slice(-2).join(' | ')}`;
    log(distNote);
  }
} else distNote = 'dist/ used as it was (--no-build)';
results.build.dist = distNote;
const distCli = path.join(root, 'dist/cli.js');
const distExtension = path.join(root, 'dist/extension.js');
for (const f of [distCli, distExtension]) {
  if (!fs.existsSync(f)) {
    process.stderr.write(`bench: ${path.relative(root, f)} is missing; run npm run build\n`);
    process.exit(2);
  }
}

log('bundling the engine for the bench children');
const engineBundle = await buildEngine(root, path.join(tmp, 'engine.js'));
results.build.engineBundle = 'scripts/bench/engine-entry.ts bundled like dist/ (compromise in its own file beside it, behind a counting shim)';

const note30 = thirtyKbNote(notes, SEED);
const note30File = path.join(tmp, 'note-30kb.note');
fs.writeFileSync(note30File, note30.text);
results.note30 = { bytes: bytesOf(note30.text), how: note30.how };

// ---------------------------------------------------------------- cold analysis
log(`cold analysis of the ${(results.note30.bytes / KB).toFixed(1)} KB note: ${RUNS} fresh processes (+1 unmeasured to warm the file cache)`);
runJson([child('cold.cjs'), engineBundle, note30File]);
const colds = [];
for (let i = 0; i < RUNS; i++) colds.push(runJson([child('cold.cjs'), engineBundle, note30File]));
results.cold = {
  runs: RUNS,
  loadMs: r1(median(colds.map((c) => c.loadMs))),
  firstAnalyzeMs: r1(median(colds.map((c) => c.firstMs))),
  totalMs: r1(median(colds.map((c) => c.totalMs))),
  loadCpuMs: r1(median(colds.map((c) => c.loadCpuMs))),
  firstAnalyzeCpuMs: r1(median(colds.map((c) => c.firstCpuMs))),
  nodeStartMs: r1(median(colds.map((c) => c.bootMs))),
  compromiseLoaded: colds.filter((c) => c.compromise.loaded).length,
  compromiseLoadMs: r1(median(colds.map((c) => c.compromise.loadMs))),
  compromiseParses: median(colds.map((c) => c.compromise.parses)),
  findings: colds[0].findings,
};

// ---------------------------------------------------------------- re-analysis after edits
log(`re-analysis after ${EDITS} one-character edits`);
const edits = runJson([child('edits.cjs'), engineBundle, note30File, String(EDITS), String(SEED)]);
results.reanalysis = {
  edits: EDITS,
  warmupMs: r1(edits.warmupMs),
  medianMs: r1(median(edits.times)),
  p95Ms: r1(quantile(edits.times, 0.95)),
  maxMs: r1(Math.max(...edits.times)),
  over10ms: edits.times.filter((t) => t > 10).length,
  kinds: edits.kinds,
  compromiseParses: edits.compromiseDuringEdits.parses,
  compromiseMs: r1(edits.compromiseDuringEdits.parseMs),
  byParagraph: byParagraphSize(edits.times, edits.blocks),
};

// ---------------------------------------------------------------- throughput, ours and peers, same text
const listFile = path.join(tmp, 'notes.json');
fs.writeFileSync(listFile, JSON.stringify(notes.map((n) => n.file)));
const warmupBytes = Math.min(results.folder.bytes, 64 * KB);
const TOOLS = ['engine', 'write-good', 'textlint', 'alex', 'regex'];
results.throughput = {};
for (const tool of TOOLS) {
  log(`throughput: ${tool} (one core, passes for ≥ ${MIN_MS} ms)`);
  try {
    const r = runJson([child('throughput.mjs'), tool, listFile, engineBundle, String(MIN_MS), String(warmupBytes)], { pin: true });
    results.throughput[tool] = { kbPerS: r1(r.kbPerS), kbPerCpuS: r1(r.kbPerCpuS), medianPassMs: r1(r.medianMs), medianPassCpuMs: r1(r.medianCpuMs), passes: r.passes, loadMs: r1(r.loadMs), compromise: r.compromise };
  } catch (error) {
    results.throughput[tool] = { error: error.message };
    log(error.message);
  }
}
// Ratios are taken on CPU time: each tool's passes ran at different moments, and on a shared machine
// a pinned core's wall time holds whatever else ran on it meanwhile.
const ours = results.throughput.engine.kbPerCpuS;
for (const tool of TOOLS) {
  const t = results.throughput[tool];
  if (t.kbPerCpuS && ours) t.oursDividedByThis = Math.round((ours / t.kbPerCpuS) * 100) / 100;
}

// ---------------------------------------------------------------- CLI end to end on the folder
log('CLI end to end: node dist/cli.js check --format json <folder>, 3 runs (+1 unmeasured)');
const cliRuns = [];
for (let i = 0; i < 4; i++) {
  const t = performance.now();
  const r = spawnSync(process.execPath, [distCli, 'check', '--format', 'json', dir], { cwd: root, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = performance.now() - t;
  if (r.status !== 0 && r.status !== 1) {
    results.cli = { error: `exit ${r.status}: ${(r.stderr || '').trim().split('\n').slice(-2).join(' | ')}` };
    break;
  }
  if (i > 0) cliRuns.push(ms);
}
if (!results.cli) {
  const wall = median(cliRuns);
  results.cli = { wallMs: r1(wall), kbPerS: r1(results.folder.bytes / KB / (wall / 1000)) };
}

// ---------------------------------------------------------------- extension activation and bundle sizes
log(`extension activation with a stub vscode module: ${RUNS} fresh processes (+1 unmeasured)`);
runJson([child('activate.cjs'), distExtension, root]);
const acts = [];
for (let i = 0; i < RUNS; i++) acts.push(runJson([child('activate.cjs'), distExtension, root]));
const activated = acts.every((a) => a.activateMs !== undefined);
const loadFailed = acts.find((a) => a.requireError)?.requireError;
results.activation = {
  loadError: loadFailed,
  stub: 'STUB vscode module (scripts/bench/child/activate.cjs), for this timing only',
  runs: RUNS,
  requireMs: r1(median(acts.map((a) => a.requireMs))),
  activateMs: activated ? r1(median(acts.map((a) => a.activateMs))) : undefined,
  totalMs: activated ? r1(median(acts.map((a) => a.requireMs + a.activateMs))) : undefined,
  timed: activated ? 'require + activate()' : 'require only',
  note: acts.find((a) => a.activateError)?.activateError,
};
results.bundles = {
  extensionBytes: fs.statSync(distExtension).size,
  cliBytes: fs.statSync(distCli).size,
  extensionMinifiedBytes: await minifiedExtensionBytes(root).catch(() => undefined),
};

// ---------------------------------------------------------------- language server start-up (issue 16)
log('language server: start-up to first diagnostics, scripts/bench/lsp.mjs (fresh servers on a 30 KB note)');
try {
  results.lsp = runJson([path.join(here, 'lsp.mjs'), '--no-build', '--json', '--dir', dir, '--runs', String(RUNS), '--seed', String(SEED)]);
} catch (error) {
  results.lsp = { error: error.message };
  log(error.message);
}
results.bundles.lspBytes = fs.statSync(path.join(root, 'dist/lsp.js')).size;
results.bundles.mcpBytes = fs.statSync(path.join(root, 'dist/mcp.js')).size;

// ---------------------------------------------------------------- memory over a batch
const batchDir = path.join(tmp, 'batch');
log(`memory: generating ${BATCH} notes, then the CLI over them with VmHWM polling`);
const batch = writeBatch(notes, batchDir, BATCH, SEED + 1);
results.memory = await memoryRun(batchDir, BATCH, batch);
try {
  const e = runJson(['--expose-gc', child('memory-engine.cjs'), engineBundle, batchDir]);
  const mb = (b) => r1(b / 1024 / 1024);
  results.memory.engineOnly = e.samples.map((x) => ({ percent: x.percent, rssMb: mb(x.rss), heapUsedAfterGcMb: mb(x.heapUsedAfterGc) }));
} catch (error) {
  results.memory.engineOnly = { error: error.message };
}

// ---------------------------------------------------------------- JSONL mode (tables of notes, issue 17)
if (opts['no-jsonl']) results.jsonl = { error: 'left out (--no-jsonl)' };
else {
  log('JSONL mode: scripts/bench/jsonl.mjs (a generated table on every core and on one; 200,000 short notes for memory; several minutes)');
  try {
    results.jsonl = runJson([path.join(here, 'jsonl.mjs'), '--no-build', '--json', '--dir', dir], { timeoutMs: 3_600_000 });
  } catch (error) {
    results.jsonl = { error: error.message };
    log(error.message);
  }
}

// ---------------------------------------------------------------- optional profile
if (opts.profile) {
  log('profiling the engine (node --cpu-prof): throughput, cold analysis, edits');
  const profDir = path.join(tmp, 'profiles');
  const focus = ['analyze', 'findSections', 'unitsOf', 'scanOf', 'scanPattern', 'matches', 'splitSentences', 'scan', 'contextsOf', 'speakerOf', 'firstSubject', 'collectMatches', 'collectSectionContent', 'fileReport'];
  const profiled = (name, args, opt) => {
    const d = path.join(profDir, name);
    runJson(['--cpu-prof', '--cpu-prof-dir', d, '--cpu-prof-interval', '200', ...args], opt);
    const file = fs.readdirSync(d).find((f) => f.endsWith('.cpuprofile'));
    return summarizeProfile(path.join(d, file), { top: 12, focus });
  };
  results.profile = {
    throughput: profiled('throughput', [child('throughput.mjs'), 'engine', listFile, engineBundle, String(MIN_MS), String(warmupBytes)], { pin: true }),
    cold: profiled('cold', [child('cold.cjs'), engineBundle, note30File]),
    edits: profiled('edits', [child('edits.cjs'), engineBundle, note30File, String(EDITS), String(SEED)]),
  };
  log('regular expressions: cost of their first executions in a fresh process');
  const rx = runJson([child('regex-compile.cjs'), engineBundle]);
  results.regexCompile = { regexes: rx.regexes, firstTwoExecsMs: r1(rx.firstTwoExecsMs), top: rx.top.slice(0, 6).map((x) => ({ where: x.where, flags: x.flags, sourceLength: x.sourceLength, firstMs: r1(x.firstMs), secondMs: r1(x.secondMs) })) };
  log('regular expressions: V8 bytecode size of each (one fresh process per regex)');
  results.regexBytecode = regexBytecode(engineBundle);
  log('extension require() time: as built, with compromise inside, minified (alternating fresh processes)');
  const variants = await extensionVariants(root, path.join(tmp, 'variants'));
  const times = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  for (let i = 0; i < RUNS; i++) for (const [name, file] of Object.entries(variants)) times[name].push(runJson([child('activate.cjs'), file, root]).requireMs);
  results.activationVariants = Object.fromEntries(Object.entries(variants).map(([name, file]) => [name, { bytes: fs.statSync(file).size, requireMs: r1(median(times[name])) }]));
}

results.machine.loadAverageAtEnd = r1(os.loadavg()[0]);
results.benchSeconds = r1((performance.now() - started) / 1000);
results.targets = targetsOf(results);
if (results.jsonl?.targets) results.targets.push(...results.jsonl.targets);

if (opts.save) fs.writeFileSync(path.resolve(process.cwd(), opts.save), JSON.stringify(results, null, 2) + '\n');
if (opts.json) process.stdout.write(JSON.stringify(results, null, 2) + '\n');
else process.stdout.write(render(results));
process.exitCode = 0;

// ================================================================= helpers

/** V8's bytecode size for each regex of the default pack (from --trace-regexp-tier-up): load-independent. */
function regexBytecode(bundle) {
  const file = child('regex-bytecode.cjs');
  const count = Number(spawnSync(process.execPath, [file, bundle, 'count'], { encoding: 'utf8' }).stderr.trim());
  const rows = [];
  for (let i = 0; i < count; i++) {
    const r = spawnSync(process.execPath, ['--trace-regexp-tier-up', file, bundle, String(i)], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
    const info = JSON.parse(r.stderr.trim().split('\n').pop());
    const sizes = [...r.stdout.matchAll(/bytecode size: (\d+)/g)].map((m) => Number(m[1]));
    // Node's own start-up regexes are tiny; the largest size printed is this regex's.
    rows.push({ ...info, bytecodeBytes: sizes.length ? Math.max(...sizes) : undefined });
  }
  rows.sort((a, b) => (b.bytecodeBytes ?? 0) - (a.bytecodeBytes ?? 0));
  return { regexes: rows.length, totalBytes: rows.reduce((s, r) => s + (r.bytecodeBytes ?? 0), 0), top: rows.slice(0, 8) };
}

/** Which code was measured: the commit, and how many files under src/ differ from it. */
function gitState() {
  const git = (...args) => spawnSync('git', args, { cwd: root, encoding: 'utf8' });
  const head = git('rev-parse', '--short', 'HEAD');
  if (head.status !== 0) return { commit: 'unknown (not a git checkout)' };
  const changed = git('status', '--porcelain', '--', 'src').stdout.split('\n').filter(Boolean).length;
  return { commit: head.stdout.trim(), changedFilesUnderSrc: changed };
}

/** Edit times grouped by the size of the paragraph edited (the engine re-scans that paragraph whole). */
function byParagraphSize(times, blocks) {
  const groups = [
    ['< 1 KB', 0, KB],
    ['1–4 KB', KB, 4 * KB],
    ['≥ 4 KB', 4 * KB, Infinity],
  ];
  return groups
    .map(([label, low, high]) => {
      const ts = times.filter((_, i) => blocks[i] >= low && blocks[i] < high);
      return ts.length ? { paragraph: label, edits: ts.length, medianMs: r1(median(ts)), p95Ms: r1(quantile(ts, 0.95)) } : undefined;
    })
    .filter(Boolean)
    .concat([{ paragraph: 'largest', bytes: Math.max(...blocks) }]);
}

async function memoryRun(folder, count, batchInfo) {
  const out = path.join(tmp, 'rss.json');
  const t0 = performance.now();
  const proc = spawn(process.execPath, ['--expose-gc', '-r', child('rss-probe.cjs'), distCli, 'check', '--format', 'json', '--jobs', '1', folder], {
    cwd: root,
    env: { ...process.env, BENCH_RSS_DIR: folder, BENCH_RSS_TOTAL: String(count), BENCH_RSS_OUT: out },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdoutBytes = 0;
  let stderr = '';
  proc.stdout.on('data', (d) => (stdoutBytes += d.length));
  proc.stderr.on('data', (d) => (stderr += d));
  let hwmKb = 0;
  let polls = 0;
  const poll = setInterval(() => {
    try {
      const status = fs.readFileSync(`/proc/${proc.pid}/status`, 'utf8');
      const m = /VmHWM:\s+(\d+)/.exec(status);
      if (m) hwmKb = Math.max(hwmKb, Number(m[1]));
      polls++;
    } catch {
      /* exited, or no /proc */
    }
  }, 10);
  const code = await new Promise((resolve) => proc.on('close', resolve));
  clearInterval(poll);
  const wallMs = performance.now() - t0;
  if (code !== 0 && code !== 1) return { error: `CLI exit ${code}: ${stderr.trim().split('\n').slice(-2).join(' | ')}` };
  const probe = JSON.parse(fs.readFileSync(out, 'utf8'));
  const mb = (b) => r1(b / 1024 / 1024);
  const samples = probe.samples.map((s) => ({ percent: s.percent, notes: s.notes, rssMb: mb(s.rss), heapUsedAfterGcMb: mb(s.heapUsedAfterGc), atMs: Math.round(s.ms) }));
  const at = (p) => samples.find((s) => s.percent === p);
  const growth = at(25) && at(100) ? (at(100).rssMb - at(25).rssMb) / at(25).rssMb : undefined;
  return {
    notes: count,
    bytes: batchInfo.bytes,
    how: batchInfo.how,
    command: `node dist/cli.js check --format json <${count} notes>`,
    wallMs: Math.round(wallMs),
    cliKbPerS: r1(batchInfo.bytes / KB / (wallMs / 1000)),
    reportBytes: stdoutBytes,
    peakRssMb: r1(Math.max(hwmKb, probe.maxRssKb) / 1024),
    vmHwmPolledMb: r1(hwmKb / 1024),
    maxRssReportedMb: r1(probe.maxRssKb / 1024),
    polls,
    samples,
    growth25to100: growth === undefined ? undefined : Math.round(growth * 1000) / 1000,
    retainedKbPerNote: at(25) && at(100) ? r1(((at(100).heapUsedAfterGcMb - at(25).heapUsedAfterGcMb) * 1024) / (at(100).notes - at(25).notes)) : undefined,
  };
}

function targetsOf(r) {
  const status = (ok) => (ok === undefined ? 'n/a' : ok ? 'PASS' : 'MISS');
  const t = [];
  t.push({
    measure: 're-analysis after a 1-char edit, median (p95)',
    figure: `${r.reanalysis.medianMs} ms (p95 ${r.reanalysis.p95Ms} ms)`,
    target: `≤ ${TARGETS.reanalysisMedianMs} ms (p95 ≤ ${TARGETS.reanalysisP95Ms} ms)`,
    status: status(r.reanalysis.medianMs <= TARGETS.reanalysisMedianMs && r.reanalysis.p95Ms <= TARGETS.reanalysisP95Ms),
  });
  t.push({ measure: 'cold 30 KB analysis (load + first analyze)', figure: `${r.cold.totalMs} ms`, target: `≤ ${TARGETS.coldMs} ms`, status: status(r.cold.totalMs <= TARGETS.coldMs) });
  for (const [name, factor] of Object.entries(TARGETS.peerFactors)) {
    const peer = r.throughput[name];
    t.push({
      measure: `batch throughput vs ${name === 'textlint' ? 'textlint + write-good' : name}`,
      figure: peer?.oursDividedByThis ? `${peer.oursDividedByThis}×` : 'n/a',
      target: `≥ ${factor}×`,
      status: status(peer?.oursDividedByThis ? peer.oursDividedByThis >= factor : undefined),
    });
  }
  const rx = r.throughput.regex;
  t.push({
    measure: 'batch throughput vs 25-alternative regex scan',
    figure: rx?.kbPerCpuS && ours ? `regex is ${r1(rx.kbPerCpuS / ours)}× faster` : 'n/a',
    target: `within ${TARGETS.regexFactor}×`,
    status: status(rx?.kbPerCpuS && ours ? rx.kbPerCpuS / ours <= TARGETS.regexFactor : undefined),
  });
  const a = r.activation;
  const actMs = a.totalMs ?? a.requireMs;
  t.push(
    a.loadError
      ? { measure: 'extension activation (stub vscode)', figure: 'bundle fails to load', target: `≤ ${TARGETS.activationMs} ms`, status: 'MISS (load error)' }
      : {
          measure: `extension activation (${a.timed}, stub vscode)`,
          figure: `${actMs} ms`,
          target: `≤ ${TARGETS.activationMs} ms`,
          status: status(actMs <= TARGETS.activationMs) + (a.totalMs === undefined ? ' (require only)' : ''),
        },
  );
  t.push(
    r.lsp.error
      ? { measure: 'language server start-up to first diagnostics (30 KB note)', figure: 'n/a', target: `≤ ${LSP_TARGET_MS} ms`, status: `MISS (${r.lsp.error.slice(0, 60)})` }
      : r.lsp.target,
  );
  // What ships is the minified build (`vscode:prepublish` runs esbuild.js --production); dist/ as built for tests is not.
  const shipped = r.bundles.extensionMinifiedBytes;
  t.push(
    shipped === undefined
      ? { measure: 'extension bundle as shipped (minified)', figure: 'not measured', target: '≤ 1 MB', status: 'MISS (not measured)' }
      : { measure: 'extension bundle as shipped (minified, vscode:prepublish)', figure: `${shipped.toLocaleString('en-US')} B`, target: '≤ 1 MB', status: status(shipped <= TARGETS.extensionBytes) },
  );
  const m = r.memory;
  t.push({
    measure: `RSS flat over a ${m.notes ?? BATCH}-note batch`,
    figure: m.error ? 'n/a' : `${m.growth25to100 >= 0 ? '+' : ''}${r1((m.growth25to100 ?? 0) * 100)}% from 25% to 100% (peak ${m.peakRssMb} MB)`,
    target: `≤ +${TARGETS.rssGrowth * 100}%`,
    status: status(m.error ? undefined : m.growth25to100 <= TARGETS.rssGrowth),
  });
  return t;
}

function table(rows, columns) {
  const widths = columns.map((c) => Math.max(c.length, ...rows.map((row) => String(row[c] ?? '').length)));
  const line = (cells) => `| ${cells.map((cell, i) => String(cell ?? '').padEnd(widths[i])).join(' | ')} |`;
  return [line(columns), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map((row) => line(columns.map((c) => row[c])))].join('\n');
}

function render(r) {
  const o = [];
  const kb = (b) => `${(b / KB).toFixed(1)} KB`;
  o.push(`Healing Notes benchmark — ${r.machine.cpus} cores (${r.machine.cpu}), Node ${r.machine.node}, ${r.machine.platform}`);
  o.push(`Code: commit ${r.source.commit}` + (r.source.changedFilesUnderSrc ? ` plus ${r.source.changedFilesUnderSrc} changed or new files under src/ (working tree)` : r.source.changedFilesUnderSrc === 0 ? ' (src/ clean)' : '') + '.');
  o.push(`Folder: ${r.folder.path} (${r.folder.notes} notes, ${kb(r.folder.bytes)}); ${r.build.dist}.`);
  o.push(`30 KB note: ${kb(r.note30.bytes)}, ${r.note30.how}.`);
  o.push('');
  o.push('Targets (issues 8 and 17)');
  o.push(table(r.targets, ['measure', 'figure', 'target', 'status']));
  o.push('');
  o.push(`Cold analysis, median of ${r.cold.runs} fresh processes: module load ${r.cold.loadMs} ms + first analyze ${r.cold.firstAnalyzeMs} ms = ${r.cold.totalMs} ms` +
    ` (CPU time: ${r.cold.loadCpuMs} + ${r.cold.firstAnalyzeCpuMs} ms, every thread)` +
    ` (Node's own start-up before the script: ${r.cold.nodeStartMs} ms, not counted). compromise loaded in ${r.cold.compromiseLoaded}/${r.cold.runs} runs` +
    (r.cold.compromiseLoaded ? ` (${r.cold.compromiseLoadMs} ms to load, ${r.cold.compromiseParses} parses)` : '') + '.');
  const e = r.reanalysis;
  o.push(`Machine load (1-minute average): ${r.machine.loadAverageAtStart} at start, ${r.machine.loadAverageAtEnd} at end on ${r.machine.cpus} cores` + (Math.max(r.machine.loadAverageAtStart, r.machine.loadAverageAtEnd) > r.machine.cpus / 2 ? ' — OTHER WORK WAS RUNNING: absolute times are inflated, ratios less so.' : '.'));
  o.push(`Re-analysis, ${e.edits} edits (${e.kinds.insert} insertions, ${e.kinds.delete} deletions, ${e.kinds.replace} replacements) after a ${e.warmupMs} ms warm-up: median ${e.medianMs} ms, p95 ${e.p95Ms} ms, max ${e.maxMs} ms; ${e.over10ms} edits over 10 ms; compromise parses during edits: ${e.compromiseParses} (${e.compromiseMs} ms).`);
  const paras = e.byParagraph.filter((g) => g.edits);
  o.push(`  by size of the edited paragraph: ${paras.map((g) => `${g.paragraph}: ${g.edits} edits, median ${g.medianMs} ms, p95 ${g.p95Ms} ms`).join('; ')}; largest paragraph ${(e.byParagraph.at(-1).bytes / KB).toFixed(1)} KB.`);
  o.push('');
  o.push(`Throughput on the same text (${r.folder.notes} notes, ${kb(r.folder.bytes)}), one note at a time, one core (${r.machine.oneCorePinning}), median pass after a warm-up; ratios on CPU time:`);
  const rows = TOOLS.map((tool) => {
    const t = r.throughput[tool];
    const name = { engine: 'Healing Notes engine (analyze)', 'write-good': 'write-good', textlint: 'textlint + textlint-rule-write-good', alex: 'alex (text)', regex: 'one regex, 25 alternatives (ceiling)' }[tool];
    if (t.error) return { tool: name, 'KB/s': 'error', 'KB per CPU-s': '', passes: '', 'ours ÷ this': t.error.slice(0, 60) };
    return {
      tool: name,
      'KB/s': Math.round(t.kbPerS).toLocaleString('en-US'),
      'KB per CPU-s': Math.round(t.kbPerCpuS).toLocaleString('en-US'),
      passes: t.passes,
      'ours ÷ this': tool === 'engine' ? '1' : `${t.oursDividedByThis}×`,
    };
  });
  o.push(table(rows, ['tool', 'KB/s', 'KB per CPU-s', 'passes', 'ours ÷ this']));
  const ec = r.throughput.engine?.compromise;
  o.push(`Engine passes start with an empty paragraph cache; compromise ${ec?.loaded ? `ran ${ec.parses} parses (${r1(ec.parseMs)} ms) over the warm-up and all passes (its per-sentence cache is kept between passes)` : 'was never needed on this text'}.`);
  o.push(r.cli.error ? `CLI end to end on the folder: ${r.cli.error}` : `CLI end to end (node dist/cli.js check --format json ${r.folder.path}): ${r.cli.wallMs} ms wall, ${Math.round(r.cli.kbPerS)} KB/s including Node start-up (median of 3).`);
  o.push('');
  const a = r.activation;
  if (a.loadError) o.push(`Extension activation — ${a.stub}: dist/extension.js does not load: ${a.loadError}`);
  else o.push(`Extension activation — ${a.stub}: require ${a.requireMs} ms` + (a.activateMs !== undefined ? ` + activate() ${a.activateMs} ms = ${a.totalMs} ms` : ` (activate() not timed: ${a.note})`) + ` (median of ${a.runs}).`);
  const b = r.bundles;
  o.push(`Bundles: dist/extension.js ${b.extensionBytes.toLocaleString('en-US')} B (${b.extensionBytes <= TARGETS.extensionBytes ? '≤' : '>'} 1 MB), dist/cli.js ${b.cliBytes.toLocaleString('en-US')} B, dist/lsp.js ${b.lspBytes.toLocaleString('en-US')} B, dist/mcp.js ${b.mcpBytes.toLocaleString('en-US')} B` + (b.extensionMinifiedBytes ? `; the extension minified would be ${b.extensionMinifiedBytes.toLocaleString('en-US')} B.` : '.'));
  o.push(r.lsp.error ? `Language server start-up: ${r.lsp.error}` : renderLsp(r.lsp).trimEnd());
  o.push('');
  const m = r.memory;
  if (m.error) o.push(`Memory: ${m.error}`);
  else {
    o.push(`Memory: ${m.notes} notes (${kb(m.bytes)}, ${m.how}); ${m.command}: ${m.wallMs} ms wall (${Math.round(m.cliKbPerS)} KB/s end to end), peak RSS ${m.peakRssMb} MB (VmHWM polled ${m.vmHwmPolledMb} MB, maxRSS ${m.maxRssReportedMb} MB).`);
    o.push(table(m.samples.map((s) => ({ 'batch done': s.percent === 'report' ? `report built (${s.notes} notes)` : `${s.percent}% (${s.notes} notes analysed)`, 'RSS MB': s.rssMb, 'heap after GC MB': s.heapUsedAfterGcMb, 'at ms': s.atMs })), ['batch done', 'RSS MB', 'heap after GC MB', 'at ms']));
    const eo = Array.isArray(m.engineOnly) ? m.engineOnly : undefined;
    const engineKb = eo ? r1(((eo.find((x) => x.percent === 100).heapUsedAfterGcMb - eo.find((x) => x.percent === 25).heapUsedAfterGcMb) * 1024) / (m.notes * 0.75)) : undefined;
    o.push(`Retained heap grows ${m.retainedKbPerNote} KB per note between 25% and 100% in the CLI` + (engineKb !== undefined ? `, ${engineKb} KB per note in the engine alone (its paragraph cache); the rest is what the CLI keeps until it prints.` : '.'));
    o.push('(Samples are taken as the CLI reads the next note; "100%" at the read of the last note; "report built" at the first write of the report. Heap is measured after a forced GC: what is still retained.)');
    if (Array.isArray(m.engineOnly)) o.push(`Engine alone over the same notes, keeping no results (diagnostic): RSS ${m.engineOnly.map((x) => `${x.percent}% ${x.rssMb} MB`).join(', ')}; heap after GC ${m.engineOnly.map((x) => `${x.heapUsedAfterGcMb}`).join(' → ')} MB.`);
  }
  o.push('');
  o.push(r.jsonl.error ? `JSONL mode: ${r.jsonl.error}` : renderJsonl(r.jsonl).trimEnd());
  if (r.profile) {
    for (const [name, p] of Object.entries(r.profile)) {
      o.push('');
      o.push(`Profile (${name}): ${p.sampledMs} ms sampled, GC ${p.gcMs} ms. Top functions by self time:`);
      o.push(table(p.top.map((x) => ({ function: x.function, 'self ms': x.selfMs, 'total ms': x.totalMs })), ['function', 'self ms', 'total ms']));
      if (p.focus.length) o.push('Engine functions, total (inclusive) ms: ' + p.focus.map((f) => `${f.function.split(' ')[0]} ${f.totalMs}`).join(', '));
    }
  }
  if (r.regexCompile) {
    o.push('');
    o.push(`Regular expressions of the default pack: ${r.regexCompile.regexes}; their first two executions on one sentence in a fresh process cost ${r.regexCompile.firstTwoExecsMs} ms in all (V8 compiles each lazily). Costliest:`);
    o.push(table(r.regexCompile.top.map((x) => ({ regex: x.where, flags: x.flags, 'source chars': x.sourceLength, '1st exec ms': x.firstMs, '2nd exec ms': x.secondMs })), ['regex', 'flags', 'source chars', '1st exec ms', '2nd exec ms']));
  }
  if (r.regexBytecode) {
    const b = r.regexBytecode;
    o.push(`V8 regex bytecode (independent of machine load): ${b.regexes} regexes, ${(b.totalBytes / 1024).toFixed(0)} KB in all. Largest:`);
    o.push(table(b.top.map((x) => ({ regex: x.name, flags: x.flags, 'source chars': x.sourceLength, 'bytecode KB': ((x.bytecodeBytes ?? 0) / 1024).toFixed(1) })), ['regex', 'flags', 'source chars', 'bytecode KB']));
  }
  if (r.activationVariants) {
    const v = r.activationVariants;
    o.push(`Extension require() (median of ${RUNS}, stub vscode): as built ${v.asBuilt.bytes.toLocaleString('en-US')} B ${v.asBuilt.requireMs} ms; with compromise inside ${v.withCompromise.bytes.toLocaleString('en-US')} B ${v.withCompromise.requireMs} ms; minified ${v.minified.bytes.toLocaleString('en-US')} B ${v.minified.requireMs} ms.`);
  }
  o.push('');
  o.push(`Bench took ${r.benchSeconds} s.`);
  return o.join('\n') + '\n';
}
