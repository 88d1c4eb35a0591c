#!/usr/bin/env node
// Nightly fuzzing of the engine: the properties of scripts/fuzz-properties.ts (run `npm run compile` first)
// over many synthetic notes. Prints the cases and the time per property; on a counterexample prints the
// seed, the path to replay it, the shrunk input's length and the failure, and exits 1.
//
//   node scripts/fuzz.mjs [--runs 10000] [--seed <n>] [--only <text in a property name>] [--known-bugs]
//
// --known-bugs also runs the properties that a reported bug breaks (skipped otherwise).
//
// The inputs are synthetic (made from header and sentence lists and random characters), never real notes,
// so printing a counterexample is safe.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    only: { type: 'string' },
    'known-bugs': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  },
});
if (values.help) {
  console.log('Usage: node scripts/fuzz.mjs [--runs 10000] [--seed <n>] [--only <text in a property name>] [--known-bugs]');
  process.exit(0);
}
const totalRuns = Number(values.runs);
if (!Number.isInteger(totalRuns) || totalRuns < 1) {
  console.error(`fuzz: --runs must be a positive integer (got '${values.runs}')`);
  process.exit(2);
}
const seed = values.seed === undefined ? (Date.now() ^ (Math.random() * 0x7fffffff)) | 0 : Number(values.seed);

let fc, properties, slowest;
try {
  fc = require('fast-check');
  ({ properties, slowest } = require(path.join(ROOT, 'out', 'scripts', 'fuzz-properties.js')));
} catch (error) {
  console.error(`fuzz: ${error.message.split('\n')[0]} (run 'npm run compile' first)`);
  process.exit(2);
}

const selected = properties().filter((p) => !values.only || p.name.includes(values.only));
if (selected.length === 0) {
  console.error(`fuzz: no property matches '${values.only}'`);
  process.exit(2);
}
const weights = selected.reduce((sum, p) => sum + p.weight, 0);
console.log(`fuzz: seed ${seed}, ${totalRuns} cases over ${selected.length} properties`);

const started = performance.now();
let cases = 0;
let failed = false;
const withBugs = Boolean(values['known-bugs']);
for (const { name, property, weight, knownBug } of selected) {
  if (knownBug && !withBugs) {
    console.log(`  skip  ${name}: known bug (${knownBug}); --known-bugs runs it`);
    continue;
  }
  const numRuns = Math.max(5, Math.ceil((totalRuns * weight) / weights));
  const t0 = performance.now();
  const result = fc.check(property, { seed, numRuns });
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  cases += result.numRuns;
  if (!result.failed) {
    console.log(`  ok    ${name}: ${result.numRuns} cases, ${seconds} s`);
    continue;
  }
  failed = true;
  const inputs = result.counterexample ?? [];
  const lengths = inputs.map((input) => (typeof input === 'string' ? `${input.length} characters` : JSON.stringify(input))).join(', ');
  const error = result.errorInstance instanceof Error ? result.errorInstance.message : String(result.errorInstance);
  console.log(`  FAIL  ${name}: after ${result.numRuns} cases, ${seconds} s`);
  console.log(`        seed ${result.seed}, path "${result.counterexamplePath}" (replay: fc.assert(property, { seed: ${result.seed}, path: "${result.counterexamplePath}" }))`);
  console.log(`        shrunk ${result.numShrinks} times to: ${lengths}`);
  console.log(`        ${error.split('\n').slice(0, 6).join('\n        ')}`);
  // Synthetic input: safe to print, cut so a 100 KB line does not flood the log.
  for (const input of inputs) {
    const shown = JSON.stringify(input);
    console.log(`        input: ${shown.length > 2000 ? `${shown.slice(0, 2000)}… (${shown.length} characters as JSON)` : shown}`);
  }
}
if (slowest.ms > 0) console.log(`  slowest ${slowest.property} case: ${slowest.length} characters in ${(slowest.ms / 1000).toFixed(2)} s`);
const total = ((performance.now() - started) / 1000).toFixed(1);
console.log(`fuzz: ${cases} cases in ${total} s, ${failed ? 'counterexample found' : 'no counterexample'} (seed ${seed})`);
process.exit(failed ? 1 : 0);
