/**
 * V8 bytecode size of every regular expression of the default pack, read in one fresh process
 * (child/regex-sizes.cjs under `--trace-regexp-tier-up`). The size does not depend on machine
 * load and is the same on every run of one Node version: it tracks what a regex costs to compile
 * (V8 compiles lazily, on a regex's first execution) and how much code it runs. Used by
 * scripts/bench/regex-size.mjs and by the unit test test/unit/regex-budget.test.ts.
 */
const { spawnSync } = require('node:child_process');
const path = require('node:path');

const CHILD = path.join(__dirname, '..', 'child', 'regex-sizes.cjs');

/**
 * @param {{ compileModule: string, rulesModule?: string, node?: string }} where compileModule exports
 *   compilePack, rulesModule (default: the same file) exports defaultPack.
 * @returns {{ regexes: Array<{ rule: string, pattern: number, kind: string, flags: string, sourceLength: number,
 *   bytecodeBytes: number | undefined, firstExecMs: number, literals?: number, someLiterals?: string[], sameAs?: number }>, totalBytes: number, node: string }}
 */
function measureRegexSizes({ compileModule, rulesModule = compileModule, node = process.execPath }) {
  const r = spawnSync(node, ['--allow-natives-syntax', '--trace-regexp-tier-up', '--regexp-tier-up', CHILD, compileModule, rulesModule], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`regex-sizes child failed (${r.status}): ${r.stderr.slice(-2000)}`);
  const info = JSON.parse(r.stderr.trim().split('\n').pop());
  const sizes = new Map();
  let current;
  for (const line of r.stdout.split('\n')) {
    const marker = /"@@regex-size (\d+) (start|end)"|#@@regex-size (\d+) (start|end)/.exec(line);
    if (marker) {
      const index = Number(marker[1] ?? marker[3]);
      current = (marker[2] ?? marker[4]) === 'start' ? index : undefined;
      continue;
    }
    const size = /bytecode size: (\d+)/.exec(line);
    // A regex compiled for both one-byte and two-byte text would print twice: the sizes add up.
    if (size && current !== undefined) sizes.set(current, (sizes.get(current) ?? 0) + Number(size[1]));
  }
  // A regex that shares another's source and flags shares its bytecode too: counted once, as none of its own.
  const regexes = info.regexes.map((entry, i) => ({ ...entry, bytecodeBytes: entry.sameAs === undefined ? sizes.get(i) : 0 }));
  return { regexes, totalBytes: regexes.reduce((s, x) => s + (x.bytecodeBytes ?? 0), 0), node: process.version };
}

module.exports = { measureRegexSizes };
