#!/usr/bin/env node
/**
 * node scripts/bench/regex-size.mjs [--out] [--bundle <file>] [--all] [--json] [--budget <KB>]
 *
 * Prints, for every evidence pattern of the default rule pack, the size of the bytecode V8
 * compiles for it (on its first execution, in one fresh process), the time of that first
 * execution, and the literals the engine's one-pass scan (src/engine/prefilter.ts) reads from it
 * (the pattern runs only where one occurs). Bytecode size does not depend on machine load; the
 * time does. test/unit/regex-budget.test.ts fails when a pack regex exceeds the budget.
 *
 * Options:
 *   --out            measure the tsc output (out/src, after `npx tsc -p .`) instead of a fresh
 *                    esbuild bundle of the current sources (the default)
 *   --bundle <file>  measure a bundle that exports compilePack and defaultPack
 *                    (e.g. one kept by `npm run bench -- --keep`)
 *   --all            also list the `unless`, `ignore` and context regexes (always counted in the totals)
 *   --json           print everything as JSON
 *   --budget <KB>    the per-regex budget to flag (default 64, as in the unit test)
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildEngine } from './lib/build.mjs';

const require = createRequire(import.meta.url);
const { measureRegexSizes } = require('./lib/regex-sizes.cjs');
const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');

const { values: opts } = parseArgs({
  options: {
    out: { type: 'boolean', default: false },
    bundle: { type: 'string' },
    all: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
    budget: { type: 'string', default: '64' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (opts.help) {
  process.stdout.write(fs.readFileSync(fileURLToPath(import.meta.url), 'utf8').split('*/')[0].replace(/^#!.*\n\/\*\*\n/, '').replace(/^ \* ?/gm, ''));
  process.exit(0);
}
const budget = Number(opts.budget) * 1024;

let where;
let tmp;
if (opts.bundle) {
  const file = path.resolve(process.cwd(), opts.bundle);
  where = { compileModule: file, rulesModule: file, label: path.relative(root, file) };
} else if (opts.out) {
  where = {
    compileModule: path.join(root, 'out/src/engine/compile.js'),
    rulesModule: path.join(root, 'out/src/rules/index.js'),
    label: 'out/src (tsc output)',
  };
  if (!fs.existsSync(where.compileModule)) throw new Error('out/src/engine/compile.js is missing: run `npx tsc -p .` first');
} else {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'regex-size-'));
  const file = await buildEngine(root, path.join(tmp, 'engine.cjs'));
  where = { compileModule: file, rulesModule: file, label: 'esbuild bundle of the current sources' };
}

let measured;
try {
  measured = measureRegexSizes(where);
} finally {
  if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
}
const { regexes, totalBytes } = measured;

if (opts.json) {
  process.stdout.write(JSON.stringify({ measured: where.label, node: process.version, budgetBytes: budget, totalBytes, regexes }, null, 2) + '\n');
  process.exit(0);
}

const kb = (bytes) => (bytes === undefined ? '?' : (bytes / 1024).toFixed(1));
const rows = regexes.filter((r) => opts.all || r.kind === 'pattern');
const header = ['rule', 'pat', 'kind', 'flags', 'src chars', 'bytecode KB', '1st exec ms', 'literals (one-pass scan)'];
const lines = rows.map((r) => [
  r.rule,
  String(r.pattern),
  r.kind,
  r.flags,
  String(r.sourceLength),
  kb(r.bytecodeBytes) + ((r.bytecodeBytes ?? 0) > budget ? ' !' : ''),
  r.firstExecMs.toFixed(2),
  r.kind !== 'pattern' ? '' : r.literals ? `${r.literals} (${r.someLiterals.slice(0, 3).map((p) => JSON.stringify(p)).join(' ')}${r.literals > 3 ? ' ...' : ''})` : 'NONE: runs over every paragraph',
]);
const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
const right = new Set([1, 4, 5, 6]);
const fmt = (cells) => cells.map((c, i) => (right.has(i) ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ').trimEnd();
const out = [`Regex sizes of the default pack (${where.label}; Node ${process.version}, V8 bytecode from --trace-regexp-tier-up)`, ''];
out.push(fmt(header), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(fmt), '');

const sum = (xs) => xs.reduce((s, r) => s + (r.bytecodeBytes ?? 0), 0);
const patterns = regexes.filter((r) => r.kind === 'pattern');
const byKind = new Map();
for (const r of regexes) {
  const k = r.rule === 'context' ? 'context' : r.kind;
  byKind.set(k, [...(byKind.get(k) ?? []), r]);
}
const largest = [...regexes].sort((a, b) => (b.bytecodeBytes ?? 0) - (a.bytecodeBytes ?? 0))[0];
out.push(`All pack regexes: ${regexes.length}, ${kb(totalBytes)} KB of bytecode (${[...byKind].map(([k, rs]) => `${k} ${rs.length}: ${kb(sum(rs))} KB`).join('; ')}).`);
out.push(`First execution of all of them: ${regexes.reduce((s, r) => s + r.firstExecMs, 0).toFixed(1)} ms (depends on load).`);
out.push(`Largest: ${largest.rule} ${largest.kind} ${largest.pattern}, ${kb(largest.bytecodeBytes)} KB.`);
const over = regexes.filter((r) => (r.bytecodeBytes ?? 0) > budget);
out.push(`Over the ${kb(budget)} KB budget: ${over.length ? over.map((r) => `${r.rule} ${r.kind} ${r.pattern} (${kb(r.bytecodeBytes)} KB)`).join(', ') : 'none'}.`);
const unread = regexes.filter((r) => r.bytecodeBytes === undefined);
if (unread.length) out.push(`No size read for ${unread.length} regexes (did this Node print "bytecode size"?).`);
const unfiltered = patterns.filter((r) => !r.literals);
out.push(`Patterns without literals for the one-pass scan: ${unfiltered.length} of ${patterns.length}${unfiltered.length ? `: ${unfiltered.map((r) => `${r.rule} ${r.pattern}`).join(', ')}` : ''}.`);
process.stdout.write(out.join('\n') + '\n');
