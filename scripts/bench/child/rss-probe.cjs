// Preloaded (`node --expose-gc -r rss-probe.cjs dist/cli.js ...`) into the CLI for the memory run.
// It counts the notes the CLI reads from BENCH_RSS_DIR and samples memory at the read of note
// 251, 501, 751 and the last one (25/50/75% analysed, and all but the last: "100%"), and again
// at the first write of the report ("report": every note analysed and the report built), then
// writes the samples and process.resourceUsage().maxRSS to BENCH_RSS_OUT at exit.
// RSS is read before a forced GC; heapUsed after it (what is still retained).
const fs = require('node:fs');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const dir = path.resolve(process.env.BENCH_RSS_DIR);
const total = Number(process.env.BENCH_RSS_TOTAL);
const out = process.env.BENCH_RSS_OUT;
const marks = new Map([0.25, 0.5, 0.75].map((f) => [Math.round(total * f), Math.round(f * 100)]));
marks.set(total - 1, 100);
const samples = [];
let reads = 0;

function sample(percent, analysed) {
  const rss = process.memoryUsage.rss();
  globalThis.gc?.();
  const { heapUsed, external, arrayBuffers } = process.memoryUsage();
  samples.push({ percent, notes: analysed, ms: performance.now(), rss, heapUsedAfterGc: heapUsed, external, arrayBuffers });
}

const readFileSync = fs.readFileSync;
fs.readFileSync = function (file, ...rest) {
  if (typeof file === 'string' && file.endsWith('.note') && path.resolve(file).startsWith(dir)) {
    if (marks.has(reads)) sample(marks.get(reads), reads);
    reads++;
  }
  return readFileSync.call(this, file, ...rest);
};

const write = process.stdout.write;
let wrote = false;
process.stdout.write = function (...args) {
  if (!wrote) {
    wrote = true;
    sample('report', total);
  }
  return write.apply(this, args);
};

process.on('exit', () => {
  if (!wrote) sample('report', total);
  const usage = process.resourceUsage();
  fs.writeFileSync(out, JSON.stringify({ reads, samples, maxRssKb: usage.maxRSS, exitMs: performance.now() }));
});
