#!/usr/bin/env node
// The language server in Neovim: runs test/integration-nvim/lsp.lua in headless Neovim against the built bin
// (dist/cli.js lsp), on a note of our own, and compares with the CLI's JSON for the same note. Prints each
// check and "N passed, N failed"; exits 1 when one failed, 2 when Neovim cannot run.
// Neovim comes from Debian's packages: as root, a missing `nvim` is installed with apt-get (as
// scripts/setup-code-server.sh installs Chromium); not root and without it, the test says so and skips.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'dist', 'cli.js');
const log = (line) => console.log(`[nvim] ${line}`);

function hasNvim() {
  return spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;
}

if (!hasNvim()) {
  if (process.getuid?.() !== 0) {
    // As the Slurm test does: CI runs as root and installs it; elsewhere, say what to do.
    log("skipped: nvim is not installed and this is not root (run 'apt-get install neovim', then npm run test:nvim)");
    process.exit(0);
  }
  log('installing Debian neovim (apt-get)');
  for (const args of [['update'], ['install', '-y', '--no-install-recommends', 'neovim']]) {
    const result = spawnSync('apt-get', args, { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      log(`apt-get ${args[0]} failed`);
      process.exit(2);
    }
  }
}
if (!fs.existsSync(BIN)) {
  log('dist/cli.js is missing: run npm run build first');
  process.exit(2);
}
log(spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout.split('\n')[0]);

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-nvim-'));
const note = path.join(dir, 'visit.note');
fs.writeFileSync(
  note,
  [
    'Visit type: follow-up',
    '',
    'HPI: 58-year-old man with a dry cough for five days, worse at night. He thinks it came from his grandson.',
    '',
    'ASSESSMENT: Post-viral cough.',
    '',
    'PLAN: Honey and fluids. Return in one week, or sooner if short of breath.',
    '',
  ].join('\n'),
);
const expected = path.join(dir, 'expected.json');
const cli = spawnSync(process.execPath, [BIN, 'check', '--format', 'json', '--no-config', note], { encoding: 'utf8' });
fs.writeFileSync(expected, cli.stdout);
const results = path.join(dir, 'results.json');

const run = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(ROOT, 'test', 'integration-nvim', 'lsp.lua')}`], {
  cwd: dir,
  encoding: 'utf8',
  timeout: 120_000,
  env: { ...process.env, HN_BIN: BIN, HN_NOTE: note, HN_EXPECTED: expected, HN_RESULTS: results },
});
if (!fs.existsSync(results)) {
  log(`Neovim wrote no results (exit ${run.status ?? run.signal}): ${(run.stderr || run.stdout || '').trim().slice(-500)}`);
  console.log('0 passed, 1 failed');
  process.exit(1);
}
const checks = JSON.parse(fs.readFileSync(results, 'utf8'));
let passed = 0;
for (const c of checks) {
  if (c.ok) passed++;
  log(`${c.ok ? 'ok  ' : 'FAIL'} ${c.name}${c.ok ? '' : `: ${c.detail}`}`);
}
fs.rmSync(dir, { recursive: true, force: true });
console.log(`${passed} passed, ${checks.length - passed} failed`);
process.exit(passed === checks.length && checks.length > 0 ? 0 : 1);
