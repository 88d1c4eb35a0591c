// Fresh process: how long each regular expression of the default pack takes on its first two
// executions (V8 compiles a regex lazily: to bytecode on the first exec, to native code on a
// later one), on a short sentence. Shows the fixed cost a cold analysis pays before reading a word.
// argv: <engine bundle>. Prints one JSON line.
const { performance } = require('node:perf_hooks');

const [bundle] = process.argv.slice(2);
const engine = require(bundle);
const pack = engine.compilePack(engine.defaultPack);
const SAMPLE = 'She is worried that the pain will not go away; we will start ibuprofen and follow up in 2 weeks.';

const regexes = [];
for (const { rule, patterns } of pack.rules) {
  patterns.forEach((p, i) => {
    if (p.regex) regexes.push({ where: `${rule.id} pattern ${i + 1}`, regex: p.regex });
    if (p.unless) regexes.push({ where: `${rule.id} pattern ${i + 1} unless`, regex: p.unless });
    if (p.ignore) regexes.push({ where: `${rule.id} pattern ${i + 1} ignore`, regex: p.ignore });
  });
}
const context = pack.context;
for (const [i, t] of (context.triggers ?? []).entries()) regexes.push({ where: `context trigger ${i + 1} (${t.trigger.kind})`, regex: t.regex });
if (context.terminator) regexes.push({ where: 'context terminators', regex: context.terminator });
if (context.pseudo) regexes.push({ where: 'context pseudo-triggers', regex: context.pseudo });

const rows = regexes.map(({ where, regex }) => {
  const times = [];
  for (let k = 0; k < 3; k++) {
    const t = performance.now();
    regex.lastIndex = 0;
    regex.exec(SAMPLE);
    times.push(performance.now() - t);
  }
  return { where, flags: regex.flags, sourceLength: regex.source.length, firstMs: times[0], secondMs: times[1], thirdMs: times[2] };
});
const total = rows.reduce((s, r) => s + r.firstMs + r.secondMs, 0);
rows.sort((a, b) => b.firstMs + b.secondMs - (a.firstMs + a.secondMs));
process.stdout.write(JSON.stringify({ regexes: rows.length, firstTwoExecsMs: total, top: rows.slice(0, 10) }) + '\n');
