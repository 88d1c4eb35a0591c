// Size of the bytecode V8 compiles for one regular expression of the default pack. Run as
// `node --trace-regexp-tier-up regex-bytecode.cjs <engine bundle> <index>`: V8 prints
// "bytecode size: N" on standard output when it first compiles a regex; this script names the
// regex on standard error and runs it once on a short sentence. With <index> "count" it prints
// how many regexes there are. Bytecode size does not depend on machine load: it tracks how long
// a regex takes to compile and how much code it runs.
const [bundle, which] = process.argv.slice(2);
const engine = require(bundle);
const pack = engine.compilePack(engine.defaultPack);
const list = [];
for (const { rule, patterns } of pack.rules) {
  patterns.forEach((p, i) => {
    if (p.regex) list.push([`${rule.id} pattern ${i + 1}`, p.regex]);
    if (p.unless) list.push([`${rule.id} pattern ${i + 1} unless`, p.unless]);
  });
}
for (const [i, t] of (pack.context.triggers ?? []).entries()) list.push([`context trigger ${i + 1} (${t.trigger.kind})`, t.regex]);
if (which === 'count') {
  process.stderr.write(`${list.length}\n`);
  process.exit(0);
}
const [name, regex] = list[Number(which)];
process.stderr.write(JSON.stringify({ name, flags: regex.flags, sourceLength: regex.source.length }) + '\n');
regex.lastIndex = 0;
regex.exec('She is worried about her daughter.');
