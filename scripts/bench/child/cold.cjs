// One cold analysis in a fresh process: module load, then the first analyze() of the note.
// argv: <engine bundle> <note file>. Prints one JSON line.
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');

const [bundle, noteFile] = process.argv.slice(2);
const text = fs.readFileSync(noteFile, 'utf8');
// CPU time beside wall time: a shared machine inflates it far less.
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
const c0 = cpu();
const t0 = performance.now();
const engine = require(bundle);
const t1 = performance.now();
const c1 = cpu();
const analysis = engine.analyze(text);
const t2 = performance.now();
const c2 = cpu();
const compromise = globalThis.__benchCompromise ?? { loaded: false, loadMs: 0, parses: 0, parseMs: 0 };
process.stdout.write(
  JSON.stringify({
    loadMs: t1 - t0,
    firstMs: t2 - t1,
    totalMs: t2 - t0,
    loadCpuMs: c1 - c0,
    firstCpuMs: c2 - c1,
    // Node's own start-up before this script ran (not part of the target, shown for context).
    bootMs: t0,
    findings: analysis.findings.length,
    compromise,
  }) + '\n',
);
