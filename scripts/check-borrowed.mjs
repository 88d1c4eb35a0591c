#!/usr/bin/env node
// Finds text borrowed from the shared corpus: any run of 8 words that occurs both in a corpus note
// (or the conversation beside it) and in the project's src, docs, samples, test or README. The
// project's examples and fixtures are to be written for it, never copied from real notes.
//
//   node scripts/check-borrowed.mjs [--corpus <dir>] [--words 8]
//
// The corpus is looked for in --corpus, $HEALING_NOTES_CORPUS, ../shared/corpus and
// ../../shared/corpus (from a worktree) beside the repository. Without one, it says so and exits 0:
// a clean clone elsewhere has nothing to compare with. Exits 1 when it finds borrowed text; each
// finding names the project file and line, the corpus file, and the shared words (so they can be
// rewritten), never more of the corpus note than that.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PROJECT = ['src', 'docs', 'samples', 'test', 'README.md'];
const CORPUS_SETS = ['dev', 'train', 'scribe'];
const TEXT = /\.(?:ts|mts|cts|js|mjs|cjs|json|md|note|txt|html|css|ya?ml|sh)$/i;

const { values } = parseArgs({ options: { corpus: { type: 'string' }, words: { type: 'string', default: '8' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  console.log('Usage: node scripts/check-borrowed.mjs [--corpus <dir>] [--words 8]');
  process.exit(0);
}
const RUN = Number(values.words);

function findCorpus() {
  const candidates = [values.corpus, process.env.HEALING_NOTES_CORPUS, path.join(ROOT, '../shared/corpus'), path.join(ROOT, '../../shared/corpus')];
  return candidates.find((dir) => dir && CORPUS_SETS.some((set) => fs.existsSync(path.join(dir, set))));
}

function filesUnder(entry) {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return [];
  if (fs.statSync(full).isFile()) return [full];
  return fs.readdirSync(full, { withFileTypes: true }).flatMap((e) => (e.name === 'node_modules' || e.name.startsWith('.') ? [] : filesUnder(path.join(entry, e.name))));
}

/** Words with their line numbers: letters and digits, lower case; escapes such as \n in source code are breaks. */
function wordsOf(text) {
  const words = [];
  const lines = text.replace(/[’‘]/g, "'").split('\n');
  lines.forEach((line, i) => {
    for (const m of line.replace(/\\[nrt]/g, ' ').toLowerCase().matchAll(/[a-z0-9]+(?:'[a-z]+)?/g)) words.push({ word: m[0], line: i + 1 });
  });
  return words;
}

const corpus = findCorpus();
if (!corpus) {
  console.log('check-borrowed: no shared corpus here (tried --corpus, $HEALING_NOTES_CORPUS, ../shared/corpus); nothing to compare, skipped.');
  process.exit(0);
}

// Every run of RUN words of the corpus, with the file it first came from.
const runs = new Map();
let corpusFiles = 0;
for (const set of CORPUS_SETS) {
  const dir = path.join(corpus, set);
  if (!fs.existsSync(dir)) continue;
  for (const name of fs.readdirSync(dir).filter((f) => /\.(?:note|txt)$/.test(f))) {
    corpusFiles++;
    const words = wordsOf(fs.readFileSync(path.join(dir, name), 'utf8')).map((w) => w.word);
    for (let i = 0; i + RUN <= words.length; i++) {
      const key = words.slice(i, i + RUN).join(' ');
      if (!runs.has(key)) runs.set(key, `${set}/${name}`);
    }
  }
}

const findings = [];
let projectFiles = 0;
for (const file of PROJECT.flatMap(filesUnder).filter((f) => TEXT.test(f))) {
  projectFiles++;
  const words = wordsOf(fs.readFileSync(file, 'utf8'));
  for (let i = 0; i + RUN <= words.length; i++) {
    const source = runs.get(words.slice(i, i + RUN).map((w) => w.word).join(' '));
    if (!source) continue;
    // One finding per shared stretch, however long.
    let end = i + RUN;
    while (end < words.length && runs.has(words.slice(end - RUN + 1, end + 1).map((w) => w.word).join(' '))) end++;
    findings.push({ file: path.relative(ROOT, file), line: words[i].line, source, words: words.slice(i, end).map((w) => w.word).join(' ') });
    i = end - 1;
  }
}

for (const f of findings) console.log(`${f.file}:${f.line}: ${f.words.split(' ').length} words shared with ${f.source}: "${f.words}"`);
console.log(`check-borrowed: ${projectFiles} project files against ${corpusFiles} corpus files (${corpus}): ${findings.length} runs of ${RUN} or more words shared.`);
process.exit(findings.length ? 1 : 0);
