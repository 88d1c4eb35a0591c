// Throughput of one tool over the same notes, one note at a time, in this (single-core) process.
// argv: <tool> <notes.json: array of file paths> <engine bundle> <min ms> <warm-up bytes>.
// Notes are read before timing; a warm-up over the first notes loads the tool and its JIT;
// then whole passes over every note run until <min ms> has passed (at least one). Prints one JSON line.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import path from 'node:path';

const [tool, listFile, bundle, minMsArg, warmupBytesArg] = process.argv.slice(2);
const minMs = Number(minMsArg);
const warmupBytes = Number(warmupBytesArg);
const root = process.cwd();
const require = createRequire(path.join(root, 'package.json'));
const texts = JSON.parse(fs.readFileSync(listFile, 'utf8')).map((f) => fs.readFileSync(f, 'utf8').replace(/^\uFEFF/, ''));
const bytes = texts.reduce((sum, t) => sum + Buffer.byteLength(t), 0);

// 25 alternatives: trigger words of the kind the rules look for, one case-insensitive pass per note.
const REGEX_ALTERNATIVES = [
  'worried', 'concerned', 'afraid', 'scared', 'frustrated', 'believes', 'thinks', 'wonders', 'hopes', 'wants',
  'would like', 'goal', 'plan', 'will start', 'recommend', 'referred', 'follow up', 'return', 'call', 'discussed',
  'options', 'agrees', 'prefers', 'declined', 'consent',
];

async function load() {
  const t0 = performance.now();
  let run;
  switch (tool) {
    case 'engine': {
      const engine = require(bundle);
      run = (text) => engine.analyze(text).findings.length;
      globalThis.__reset = () => engine.resetCaches();
      break;
    }
    case 'write-good': {
      const writeGood = require('write-good');
      run = (text) => writeGood(text).length;
      break;
    }
    case 'alex': {
      const alex = await import('alex');
      run = (text) => alex.text(text).messages.length;
      break;
    }
    case 'textlint': {
      const { createLinter } = require('textlint');
      const { TextlintKernelDescriptor } = require('@textlint/kernel');
      const mod = (m) => m.default ?? m;
      const descriptor = new TextlintKernelDescriptor({
        rules: [{ ruleId: 'write-good', rule: mod(require('textlint-rule-write-good')) }],
        plugins: [{ pluginId: 'text', plugin: mod(require('@textlint/textlint-plugin-text')) }],
        filterRules: [],
      });
      const linter = createLinter({ descriptor });
      run = async (text) => (await linter.lintText(text, 'note.txt')).messages.length;
      break;
    }
    case 'regex': {
      const regex = new RegExp(String.raw`\b(?:${REGEX_ALTERNATIVES.join('|')})\b`, 'gi');
      run = (text) => {
        let n = 0;
        regex.lastIndex = 0;
        while (regex.exec(text) !== null) n++;
        return n;
      };
      break;
    }
    default:
      throw new Error(`unknown tool ${tool}`);
  }
  return { run, loadMs: performance.now() - t0 };
}

const { run, loadMs } = await load();
const isAsync = tool === 'textlint';

let warmed = 0;
const w0 = performance.now();
for (const text of texts) {
  const r = run(text);
  if (isAsync) await r;
  warmed += Buffer.byteLength(text);
  if (warmed >= warmupBytes) break;
}
const warmupMs = performance.now() - w0;

const passes = [];
/** CPU time of each pass (this process, every thread: the collector and the compiler count): a shared machine inflates it far less than wall time. */
const cpuPasses = [];
const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};
let results = 0;
const started = performance.now();
do {
  globalThis.__reset?.();
  const t = performance.now();
  const c = cpuMs();
  results = 0;
  if (isAsync) for (const text of texts) results += await run(text);
  else for (const text of texts) results += run(text);
  passes.push(performance.now() - t);
  cpuPasses.push(cpuMs() - c);
} while (performance.now() - started < minMs && passes.length < 2000);

const sorted = [...passes].sort((a, b) => a - b);
const medianMs = sorted[Math.floor((sorted.length - 1) / 2)];
const medianCpuMs = [...cpuPasses].sort((a, b) => a - b)[Math.floor((cpuPasses.length - 1) / 2)];
process.stdout.write(
  JSON.stringify({
    tool,
    notes: texts.length,
    bytes,
    loadMs,
    warmupMs,
    passes: passes.length,
    medianMs,
    minMs: sorted[0],
    kbPerS: bytes / 1024 / (medianMs / 1000),
    medianCpuMs,
    kbPerCpuS: bytes / 1024 / (Math.max(medianCpuMs, 0.001) / 1000),
    results,
    compromise: globalThis.__benchCompromise,
  }) + '\n',
);
