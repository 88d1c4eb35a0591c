// The engine alone over the memory batch, keeping nothing of the results: shows whether the
// engine's own caches stay flat, apart from what the CLI keeps for its report.
// argv: <engine bundle> <batch folder>. Run with --expose-gc. Prints one JSON line.
const fs = require('node:fs');
const path = require('node:path');

const [bundle, folder] = process.argv.slice(2);
const engine = require(bundle);
const files = fs.readdirSync(folder).filter((f) => f.endsWith('.note')).sort();
const marks = new Map([0.25, 0.5, 0.75, 1].map((f) => [Math.round(files.length * f), Math.round(f * 100)]));
const samples = [];
files.forEach((f, i) => {
  engine.analyze(fs.readFileSync(path.join(folder, f), 'utf8'));
  if (marks.has(i + 1)) {
    const rss = process.memoryUsage.rss();
    globalThis.gc?.();
    samples.push({ percent: marks.get(i + 1), rss, heapUsedAfterGc: process.memoryUsage().heapUsed });
  }
});
process.stdout.write(JSON.stringify({ samples, maxRssKb: process.resourceUsage().maxRSS }) + '\n');
