// Every regular expression of the default pack, run once each in this one process, with markers
// around each run so that the parent can tell which V8 bytecode belongs to which regex. Run as
// `node --allow-natives-syntax --trace-regexp-tier-up regex-sizes.cjs <compile module> <rules module>`
// (for a bundle that exports both compilePack and defaultPack, pass it twice). V8 prints
// "bytecode size: N" on standard output when it compiles a regex for its interpreter (the first
// execution); %DebugPrint writes the markers to the same C stdio stream, so the order holds.
// Standard error gets one JSON line: the list of regexes (name, flags, source length, literals),
// and the time of each one's first execution (compile included; depends on load, unlike the size).
// See scripts/bench/lib/regex-sizes.cjs, which runs this and reads both streams.
const { performance } = require('node:perf_hooks');

const [compileModule, rulesModule] = process.argv.slice(2);
const { compilePack } = require(compileModule);
const { defaultPack } = require(rulesModule);
const pack = compilePack(defaultPack);
// Folded text, as the engine runs its rule regexes on it; one-byte (V8 compiles again for two-byte text).
const SAMPLE = 'she is worried that the pain will not go away; we will start ibuprofen and follow up in 2 weeks.';

const list = [];
// V8 compiles one regex per source and flags: a second regex with both the same (two prefilters of the same
// words) shares the first one's bytecode and prints no size of its own.
const seen = new Map();
const add = (entry, regex) => {
  const key = `${regex.flags}/${regex.source}`;
  const sameAs = seen.get(key);
  if (sameAs === undefined) seen.set(key, list.length);
  list.push({ ...entry, flags: regex.flags, sourceLength: regex.source.length, ...(sameAs === undefined ? {} : { sameAs }), regex });
};
for (const { rule, patterns } of pack.rules) {
  patterns.forEach((p, i) => {
    const at = { rule: rule.id, pattern: i + 1 };
    if (p.regex) {
      const literals = pack.literals?.literalsOf(p.regex);
      add({ ...at, kind: 'pattern', literals: literals ? literals.length : 0, someLiterals: literals?.slice(0, 6) }, p.regex);
    }
    if (p.unless) add({ ...at, kind: 'unless' }, p.unless);
    if (p.ignore) add({ ...at, kind: 'ignore' }, p.ignore);
  });
}
const context = pack.context;
for (const [i, t] of (context.triggers ?? []).entries()) add({ rule: 'context', pattern: i + 1, kind: `trigger (${t.trigger.kind})` }, t.regex);
if (context.terminator) add({ rule: 'context', pattern: 0, kind: 'terminators' }, context.terminator);
if (context.pseudo) add({ rule: 'context', pattern: 0, kind: 'pseudo-triggers' }, context.pseudo);

let mark;
try {
  mark = new Function('s', '%DebugPrint(s)');
} catch {
  process.stderr.write(JSON.stringify({ error: 'run with --allow-natives-syntax' }) + '\n');
  process.exit(2);
}
const times = [];
list.forEach(({ regex }, i) => {
  mark(`@@regex-size ${i} start`);
  const t = performance.now();
  regex.lastIndex = 0;
  regex.exec(SAMPLE);
  times.push(performance.now() - t);
  mark(`@@regex-size ${i} end`);
});
process.stderr.write(JSON.stringify({ regexes: list.map(({ regex, ...rest }, i) => ({ ...rest, firstExecMs: times[i] })) }) + '\n');
