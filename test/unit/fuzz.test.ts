// Property-based fuzzing of the engine with synthetic notes (a few hundred cases; `npm run fuzz` runs thousands).
// The seed is fixed so `npm test` is repeatable; FUZZ_SEED=<n> or FUZZ_RUNS=<n> explore further.
import fc from 'fast-check';
import { properties } from '../../scripts/fuzz-properties';

const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : 20260901;
const RUNS = process.env.FUZZ_RUNS ? Number(process.env.FUZZ_RUNS) : 120;

describe('engine fuzzing (fast-check)', function () {
  this.timeout(60_000);
  // Very long lines are checked with fixed inputs in safety.test.ts; the fuzzer varies them nightly.
  for (const { name, property, weight, knownBug } of properties().filter((p) => !p.nightlyOnly)) {
    // A property that a reported bug breaks is listed as pending, with the bug, until the fix lands.
    (knownBug ? it.skip : it)(knownBug ? `${name} (BUG: ${knownBug})` : name, () => {
      fc.assert(property, { seed: SEED, numRuns: Math.max(3, Math.round(RUNS * weight)) });
    });
  }
});
