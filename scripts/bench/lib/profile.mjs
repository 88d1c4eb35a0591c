/**
 * Reads a V8 .cpuprofile (from `node --cpu-prof`) into the functions that took
 * the time: self time (samples whose top frame is the function) and total time
 * (samples with the function anywhere on the stack). Bundle lines are mapped to
 * the source file esbuild marked them with (`// src/engine/units.ts`).
 */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

/** For a bundle file: line → source path, from esbuild's `// path` markers. */
function sourceMapperFor(file) {
  let text;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return () => undefined;
  }
  const marks = [];
  text.split('\n').forEach((line, i) => {
    const m = /^\/\/ ((?:src|node_modules|scripts)\/\S+)$/.exec(line);
    if (m) marks.push({ line: i, source: m[1] });
  });
  return (line) => {
    let found;
    for (const mark of marks) {
      if (mark.line > line) break;
      found = mark.source;
    }
    return found;
  };
}

export function summarizeProfile(profileFile, { top = 12, focus = [] } = {}) {
  const profile = JSON.parse(fs.readFileSync(profileFile, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const mappers = new Map();
  const where = (frame) => {
    const url = frame.url || '';
    if (!url) return '';
    let file = url;
    try {
      if (url.startsWith('file:')) file = fileURLToPath(url);
    } catch {
      /* keep the url */
    }
    if (!mappers.has(file)) mappers.set(file, sourceMapperFor(file));
    const source = mappers.get(file)(frame.lineNumber);
    if (source) return source;
    const short = file.replace(/^.*\/node_modules\//, 'node_modules/').replace(/^.*\/(dist|scripts)\//, '$1/').replace(/^.*\/hn-bench-[^/]+\//, '');
    return `${short}:${frame.lineNumber + 1}`;
  };
  const keyOf = (node) => {
    const f = node.callFrame;
    let name = f.functionName || '(anonymous)';
    // V8 names a regular expression's own frames after its source: keep the start of it.
    if (name.startsWith('RegExp: ') && name.length > 90) name = `${name.slice(0, 87)}…`;
    return `${name} ${where(f)}`;
  };
  const self = new Map();
  const total = new Map();
  let allMs = 0;
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) {
    const ms = (timeDeltas[i + 1] ?? timeDeltas[i] ?? 0) / 1000;
    allMs += ms;
    const k = keyOf(byId.get(samples[i]));
    self.set(k, (self.get(k) ?? 0) + ms);
    const seen = new Set();
    for (let id = samples[i]; id !== undefined; id = parent.get(id)) {
      const key = keyOf(byId.get(id));
      if (seen.has(key)) continue;
      seen.add(key);
      total.set(key, (total.get(key) ?? 0) + ms);
    }
  }
  const rows = [...self.entries()]
    .filter(([k]) => !/^\((idle|program|root)\)/.test(k))
    .sort((a, b) => b[1] - a[1])
    .slice(0, top)
    .map(([fn, ms]) => ({ function: fn, selfMs: round(ms), totalMs: round(total.get(fn) ?? ms) }));
  const gc = self.get('(garbage collector) ') ?? 0;
  const focused = focus
    .map((name) => {
      const entries = [...total.entries()].filter(([k]) => k.startsWith(`${name} `));
      if (!entries.length) return undefined;
      const [fn, ms] = entries.sort((a, b) => b[1] - a[1])[0];
      return { function: fn, totalMs: round(ms), selfMs: round(self.get(fn) ?? 0) };
    })
    .filter(Boolean);
  return { sampledMs: round(allMs), gcMs: round(gc), top: rows, focus: focused };
}

const round = (x) => Math.round(x * 10) / 10;
