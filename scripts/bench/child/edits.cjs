// Re-analysis after one-character edits, in one process, after a warm-up analysis of the same note.
// argv: <engine bundle> <note file> <edits> <seed>. Prints one JSON line.
const fs = require('node:fs');
const { performance } = require('node:perf_hooks');

const [bundle, noteFile, editsArg, seedArg] = process.argv.slice(2);
const edits = Number(editsArg);
let seed = Number(seedArg) >>> 0;
const random = () => {
  seed = (seed + 0x6d2b79f5) >>> 0;
  let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1);
  t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const LETTERS = 'etaoinshrdlucmfwypvbgk ';

const engine = require(bundle);
let text = fs.readFileSync(noteFile, 'utf8');
const w0 = performance.now();
engine.analyze(text);
const warmupMs = performance.now() - w0;
const before = { ...(globalThis.__benchCompromise ?? { parses: 0, parseMs: 0 }) };

/** Size of the paragraph (blank-line delimited block: the engine's cache unit) holding `at`. */
function blockBytesAt(t, at) {
  const blank = /\n[ \t]*\r?\n/g;
  let start = 0;
  for (let m = blank.exec(t); m; m = blank.exec(t)) {
    if (m.index >= at) return Buffer.byteLength(t.slice(start, m.index));
    start = m.index + m[0].length;
  }
  return Buffer.byteLength(t.slice(start));
}

const times = [];
const blocks = [];
const kinds = { insert: 0, delete: 0, replace: 0 };
for (let i = 0; i < edits; i++) {
  // Typing at a random place: mostly insertions, some deletions and replacements; the note keeps every edit.
  const at = Math.floor(random() * text.length);
  const roll = random();
  const ch = LETTERS[Math.floor(random() * LETTERS.length)];
  if (roll < 0.6 || text[at] === '\n' || text[at] === '\r') {
    text = text.slice(0, at) + ch + text.slice(at);
    kinds.insert++;
  } else if (roll < 0.8) {
    text = text.slice(0, at) + text.slice(at + 1);
    kinds.delete++;
  } else {
    text = text.slice(0, at) + ch + text.slice(at + 1);
    kinds.replace++;
  }
  const t = performance.now();
  engine.analyze(text);
  times.push(performance.now() - t);
  blocks.push(blockBytesAt(text, at));
}
const after = globalThis.__benchCompromise ?? { parses: 0, parseMs: 0 };
process.stdout.write(
  JSON.stringify({
    warmupMs,
    times,
    blocks,
    kinds,
    bytes: Buffer.byteLength(text),
    compromiseDuringEdits: { parses: after.parses - before.parses, parseMs: after.parseMs - before.parseMs },
  }) + '\n',
);
