/**
 * npm run mutate [-- <mutation id>... | --list]
 *
 * Applies each mutation of scripts/mutations.ts to the engine, one at a time, runs the unit tests
 * against it (stopping at the first failure) and prints which mutations survived: a survivor is a
 * behaviour no test guards. Exits 1 if any survived, 2 if the run could not be made (a mutation
 * no longer applies, or the unmutated tests fail).
 *
 * Mutations are applied in memory by the test process (scripts/mutate-hook.ts): no file is ever
 * changed, so an interrupted run (Ctrl+C) leaves nothing to restore. One test process runs at a
 * time, so the run takes one core.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { mutationProblem, REPO_ROOT } from './mutate-apply';
import { MUTATIONS, type Mutation } from './mutations';

const UNIT_DIR = path.join(REPO_ROOT, 'out/test/unit');
/** Engine-level tests first: most mutations are caught in the first seconds. */
const FIRST = ['context', 'fixtures', 'analyze', 'attribution', 'units-cache', 'sentences', 'sections', 'rule-examples', 'overrides', 'plan', 'incremental'];
/**
 * Left out: they test the built bundles, packaging and worker threads (which do not load the
 * mutated module), time the engine on megabyte inputs, or compare text with the corpus; together
 * they are most of the suite's time.
 */
const SKIPPED = new Set(['cli-batch', 'cli-packaging', 'privacy', 'safety', 'borrowed-text']);
/** A mutation that makes the tests hang (an endless loop) counts as caught after this long. Single tests get 30 s: a loaded machine is not a failure. */
const TIMEOUT_MS = 5 * 60_000;

interface Outcome {
  mutation: Mutation;
  caught: boolean;
  /** The first failing test, or why the run stopped. */
  by: string;
  ms: number;
}

function testFiles(): string[] {
  const names = fs.readdirSync(UNIT_DIR).filter((f) => f.endsWith('.test.js')).map((f) => f.slice(0, -'.test.js'.length));
  const order = (name: string) => (FIRST.includes(name) ? FIRST.indexOf(name) : FIRST.length);
  return names
    .filter((n) => !SKIPPED.has(n))
    .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
    .map((n) => path.join(UNIT_DIR, `${n}.test.js`));
}

let current: ChildProcess | undefined;

/** Runs mocha once; resolves to the failing tests' titles (empty when all passed). */
function runTests(mutationId: string | undefined, files: string[]): Promise<{ failures: string[]; error?: string }> {
  const report = path.join(os.tmpdir(), `healing-notes-mutate-${process.pid}.json`);
  const mocha = path.join(REPO_ROOT, 'node_modules/mocha/bin/mocha.js');
  const args = [mocha, '--ui', 'bdd', '--bail', '--timeout', '30000', '--reporter', 'json', '--reporter-option', `output=${report}`, '--require', path.join(REPO_ROOT, 'out/scripts/mutate-hook.js'), ...files];
  return new Promise((resolve) => {
    let stderr = '';
    const child = spawn(process.execPath, args, { cwd: REPO_ROOT, env: { ...process.env, HN_MUTATION: mutationId ?? '' }, stdio: ['ignore', 'ignore', 'pipe'] });
    current = child;
    child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      current = undefined;
      let failures: string[] = [];
      try {
        failures = (JSON.parse(fs.readFileSync(report, 'utf8')) as { failures: { fullTitle: string }[] }).failures.map((f) => f.fullTitle);
      } catch {
        // No report: the process died before mocha wrote it.
      }
      fs.rmSync(report, { force: true });
      if (signal) resolve({ failures, error: `stopped (${signal}) after ${TIMEOUT_MS / 1000} s` });
      else if (code !== 0 && failures.length === 0) resolve({ failures, error: `mocha exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' ')}` });
      else resolve({ failures });
    });
  });
}

function interrupted(): void {
  current?.kill('SIGKILL');
  process.stderr.write('\nmutate: interrupted; no file was changed.\n');
  process.exit(130);
}

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--list')) {
    for (const m of MUTATIONS) process.stdout.write(`${m.id}\n    ${m.file}: ${m.breaks}\n`);
    return 0;
  }
  const unknown = argv.filter((id) => !MUTATIONS.some((m) => m.id === id));
  if (unknown.length) {
    process.stderr.write(`mutate: no mutation ${unknown.join(', ')} (see npm run mutate -- --list)\n`);
    return 2;
  }
  const chosen = argv.length ? MUTATIONS.filter((m) => argv.includes(m.id)) : MUTATIONS;
  const problems = chosen.flatMap((m) => mutationProblem(fs.readFileSync(path.join(REPO_ROOT, m.file), 'utf8'), m) ?? []);
  if (problems.length) {
    process.stderr.write(`mutate: ${problems.join('\nmutate: ')}\n`);
    return 2;
  }
  process.on('SIGINT', interrupted);
  process.on('SIGTERM', interrupted);

  const files = testFiles();
  const started = Date.now();
  process.stdout.write(`Unmutated: ${files.length} unit test files ... `);
  const baseline = await runTests(undefined, files);
  if (baseline.error || baseline.failures.length) {
    process.stdout.write('FAILED\n');
    process.stderr.write(`mutate: the tests fail without any mutation (${baseline.error ?? baseline.failures[0]}); fix them first\n`);
    return 2;
  }
  process.stdout.write(`pass (${((Date.now() - started) / 1000).toFixed(1)} s)\n`);

  const outcomes: Outcome[] = [];
  const width = Math.max(...chosen.map((m) => m.id.length));
  for (const [i, mutation] of chosen.entries()) {
    const t0 = Date.now();
    process.stdout.write(`[${String(i + 1).padStart(2)}/${chosen.length}] ${mutation.id.padEnd(width)}  `);
    const { failures, error } = await runTests(mutation.id, files);
    const outcome: Outcome = { mutation, caught: failures.length > 0 || error !== undefined, by: failures[0] ?? error ?? '', ms: Date.now() - t0 };
    outcomes.push(outcome);
    process.stdout.write(`${outcome.caught ? 'caught' : 'SURVIVED'}  ${(outcome.ms / 1000).toFixed(1)} s${outcome.caught ? `  by: ${outcome.by}` : ''}\n`);
  }

  const survivors = outcomes.filter((o) => !o.caught);
  process.stdout.write(`\n${outcomes.length} mutations, ${outcomes.length - survivors.length} caught, ${survivors.length} survived (${((Date.now() - started) / 1000).toFixed(0)} s)\n`);
  for (const { mutation } of survivors) process.stdout.write(`  SURVIVED ${mutation.id} (${mutation.file}): ${mutation.breaks}\n`);
  return survivors.length ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: Error) => {
    process.stderr.write(`mutate: ${error.message}\n`);
    process.exit(2);
  },
);
