#!/usr/bin/env node
/**
 * npm run bench:lsp [-- options]   (also run, with --no-build, by npm run bench)
 *
 * The language server's start-up, as an editor opening a note sees it: a fresh
 * `node dist/cli.js lsp` per run, driven by a minimal LSP client
 * (child/lsp-startup.cjs) that sends initialize, initialized and didOpen of the
 * 30 KB note the bench builds from the folder's notes. Times are taken from
 * just before the spawn: the initialize reply, the first diagnostics (on a cold
 * start the server publishes the core elements' findings first) and the last
 * (all findings), with the server's CPU time (user + system) beside the wall
 * time, since CPU time suffers less from other work on the machine. The bin
 * loads dist/lsp.js through V8's code cache (src/cli/codeCache.ts, here in a
 * folder of the bench's own): the first start ever, which has none yet and
 * saves it, is timed apart from the later starts that use it.
 *
 * Options:
 *   --dir <folder>   notes the 30 KB note is built from (default samples/)
 *   --runs <n>       fresh servers (default 7; one more, unmeasured, warms the file cache)
 *   --seed <n>       seed of the 30 KB note (default 8, as npm run bench)
 *   --json           print the results as one line of JSON
 *   --no-build       use dist/ as it is instead of running esbuild.js first
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { LSP_TARGET_MS, renderLsp } from './lib/lsp-report.mjs';
import { bytesOf, thirtyKbNote } from './lib/notes.mjs';
import { prepareBench } from './lib/setup.mjs';
import { printUsageAndExit } from './lib/usage.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const { values: opts } = parseArgs({
  options: {
    dir: { type: 'string', default: 'samples' },
    runs: { type: 'string', default: '7' },
    seed: { type: 'string', default: '8' },
    json: { type: 'boolean', default: false },
    'no-build': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) printUsageAndExit(import.meta.url);

const RUNS = Math.max(3, Number(opts.runs));
const r1 = (x) => (x === undefined ? undefined : Math.round(x * 10) / 10);
const median = (xs) => {
  const s = xs.filter((x) => x !== undefined).sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const { cli, notes, log } = prepareBench({ root, name: 'bench:lsp', build: !opts['no-build'], dir: opts.dir });
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-bench-lsp-'));
process.on('exit', () => fs.rmSync(tmp, { recursive: true, force: true }));
const note = thirtyKbNote(notes, Number(opts.seed) >>> 0);
const noteFile = path.join(tmp, 'note-30kb.note');
fs.writeFileSync(noteFile, note.text);

// The bin keeps V8's code cache of dist/lsp.js (src/cli/codeCache.ts) in a folder of the bench's own: a server's
// first start ever (no cache) is timed apart from later ones (the cache its first check saved).
const codeCache = path.join(tmp, 'code-cache');

function startOnce({ cache = true } = {}) {
  if (!cache) fs.rmSync(codeCache, { recursive: true, force: true });
  const env = { ...process.env, HEALING_NOTES_CODE_CACHE: codeCache };
  const r = spawnSync(process.execPath, [path.join(here, 'child', 'lsp-startup.cjs'), cli, noteFile], { cwd: root, encoding: 'utf8', timeout: 60_000, env });
  const line = (r.stdout ?? '').trim().split('\n').pop();
  if (r.status !== 0 || !line) throw new Error(`lsp-startup failed (exit ${r.status ?? r.signal}): ${(r.stderr ?? '').trim().split('\n').slice(-3).join(' | ')}`);
  return JSON.parse(line);
}

log(`${RUNS} fresh servers on the ${(bytesOf(note.text) / 1024).toFixed(1)} KB note (+1 unmeasured)`);
const loadAverageAtStart = r1(os.loadavg()[0]);
startOnce();
// First starts (no code cache yet), alternating with nothing else: fewer, as each leaves a cache behind that the next removes.
const firstStarts = Array.from({ length: Math.max(3, Math.ceil(RUNS / 2)) }, () => startOnce({ cache: false }));
const runs = Array.from({ length: RUNS }, () => startOnce());
const results = {
  note: { bytes: bytesOf(note.text), how: note.how },
  runs: RUNS,
  initializeMs: r1(median(runs.map((r) => r.initializeMs))),
  firstDiagnosticsMs: r1(median(runs.map((r) => r.firstDiagnosticsMs))),
  firstDiagnostics: runs[0].firstDiagnostics,
  firstServerCpuMs: r1(median(runs.map((r) => r.firstServerCpuMs))),
  allDiagnosticsMs: r1(median(runs.map((r) => r.allDiagnosticsMs))),
  allDiagnostics: runs[0].allDiagnostics,
  allServerCpuMs: r1(median(runs.map((r) => r.allServerCpuMs))),
  publications: runs[0].publications,
  firstStart: {
    runs: firstStarts.length,
    initializeMs: r1(median(firstStarts.map((r) => r.initializeMs))),
    firstDiagnosticsMs: r1(median(firstStarts.map((r) => r.firstDiagnosticsMs))),
    firstServerCpuMs: r1(median(firstStarts.map((r) => r.firstServerCpuMs))),
    allDiagnosticsMs: r1(median(firstStarts.map((r) => r.allDiagnosticsMs))),
  },
  loadAverage: [loadAverageAtStart, r1(os.loadavg()[0])],
  cores: os.cpus().length,
};
results.target = {
  measure: 'language server start-up to first diagnostics (30 KB note)',
  figure: `${results.firstDiagnosticsMs} ms (server CPU ${results.firstServerCpuMs} ms; all ${results.allDiagnostics} findings at ${results.allDiagnosticsMs} ms)`,
  target: `≤ ${LSP_TARGET_MS} ms`,
  status: results.firstDiagnosticsMs <= LSP_TARGET_MS ? 'PASS' : 'MISS',
};

if (opts.json) process.stdout.write(JSON.stringify(results) + '\n');
else process.stdout.write(renderLsp(results));
