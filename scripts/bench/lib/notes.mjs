/**
 * Bench inputs: reading a folder of notes, a seeded RNG, the 30 KB note, and a
 * batch of varied notes. Every generated paragraph is varied (sentences shuffled,
 * numbers and names changed) so that the engine's content-keyed unit cache cannot
 * flatter a measurement by seeing the same paragraph twice.
 */
import fs from 'node:fs';
import path from 'node:path';

/** mulberry32: small, fast, seeded. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (list) => list[Math.floor(next() * list.length)];
  next.shuffle = (list) => {
    const copy = [...list];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [copy[i], copy[j]] = [copy[j], copy[i]];
    }
    return copy;
  };
  return next;
}

/** The *.note files of a folder (recursively), sorted by path, with their text and UTF-8 size. */
export function readFolder(dir) {
  const files = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const p = path.join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (entry.isFile() && entry.name.endsWith('.note')) files.push(p);
    }
  };
  walk(dir);
  return files.map((file) => {
    const text = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '');
    return { file, text, bytes: Buffer.byteLength(text) };
  });
}

export const KB = 1024;
export const bytesOf = (text) => Buffer.byteLength(text);

const HEADER = /^([A-Za-z][A-Za-z0-9 /&'(),-]{1,60}):[ \t]*(.*)$/;

function groupOf(name) {
  const n = name.toLowerCase();
  if (/visit type|note type/.test(n)) return 'visit';
  if (/chief|reason for|presenting/.test(n)) return 'cc';
  if (/present illness|^hpi|subjective|history$|interval/.test(n)) return 'history';
  if (/assessment and plan|a\/p|assessment & plan/.test(n)) return 'plan';
  if (/^plan|recommend|disposition|instructions|follow/.test(n)) return 'plan';
  if (/assessment|impression|diagnos/.test(n)) return 'assessment';
  if (/exam|objective|vital|findings|data|lab/.test(n)) return 'exam';
  if (/medication|allerg/.test(n)) return 'meds';
  return 'other';
}

// Sentence ends, not after a title or a common abbreviation ("Ms. Alvarez", "Dr. Lee", "p.o. Daily").
const SENTENCE_END = /(?<!\b(?:Mr|Mrs|Ms|Dr|St|Jr|vs|[a-z]\.[a-z])\.)(?<=[.!?]["”)]?)\s+(?=["“(]?[A-Z0-9])/;

function sentencesOf(paragraph) {
  return paragraph
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(?:\d{1,2}[.)]|[-*•])\s+/, '').trim())
    .filter(Boolean)
    .flatMap((line) => line.split(SENTENCE_END))
    .map((s) => s.trim())
    .filter((s) => s.length > 1);
}

/** Section headers and sentence pools, by a coarse section group, from a set of notes. */
export function poolsOf(notes) {
  const pools = { visit: [], cc: [], history: [], assessment: [], plan: [], exam: [], meds: [], other: [] };
  for (const { text } of notes) {
    let group = 'other';
    for (const paragraph of text.split(/\r?\n[ \t]*\r?\n/)) {
      const lines = [];
      for (const line of paragraph.split(/\r?\n/)) {
        const m = HEADER.exec(line);
        if (m && m[1].split(/\s+/).length <= 6 && /^[A-Z]/.test(m[1])) {
          if (lines.length) pools[group].push(...sentencesOf(lines.join('\n')));
          lines.length = 0;
          group = groupOf(m[1]);
          if (m[2].trim()) lines.push(m[2]);
        } else lines.push(line);
      }
      if (lines.length) pools[group].push(...sentencesOf(lines.join('\n')));
    }
  }
  const all = Object.values(pools).flat();
  for (const key of Object.keys(pools)) if (pools[key].length === 0) pools[key] = all;
  return pools;
}

const SURNAMES = ['Alvarez', 'Nguyen', 'Okafor', 'Kowalski', 'Haddad', 'Silva', 'Brennan', 'Tanaka', 'Mensah', 'Ivanova', 'Patel', 'Lindqvist'];

/** Changes whole numbers (by up to ±30%) and surnames, so that repeated sentences differ. */
export function vary(sentence, r) {
  return sentence
    .replace(/\b(Mr|Mrs|Ms|Miss)\. [A-Z][a-z]+/g, (_, t) => `${t}. ${r.pick(SURNAMES)}`)
    .replace(/\b\d{1,4}\b/g, (digits) => String(Math.max(1, Math.round(Number(digits) * (0.7 + 0.6 * r())))));
}

/** `count` different sentences of the pool (as many as it has), varied. */
function paragraph(pool, r, count) {
  const out = [];
  const picked = new Set();
  for (let tries = 0; out.length < count && tries < count * 4; tries++) {
    const i = r.int(pool.length);
    if (picked.has(i) && picked.size < pool.length) continue;
    picked.add(i);
    out.push(vary(pool[i], r));
  }
  return out.join(' ');
}

/** A paragraph not yet in `seen` (tries a few draws), so the unit cache never sees one twice in a note. */
function freshParagraph(pool, r, count, seen) {
  let text = paragraph(pool, r, count);
  for (let tries = 0; seen.has(text) && tries < 20; tries++) text = paragraph(pool, r, count);
  seen.add(text);
  return text;
}

/**
 * A realistic multi-problem visit note built from the pools: visit line, chief
 * complaint, an HPI paragraph per problem, medications, exam, and a numbered
 * assessment and plan; problems are added until the note reaches `targetBytes`.
 */
export function generateNote(pools, r, targetBytes) {
  const head = [
    `Visit type: ${r.pick(['new patient', 'follow-up', 'urgent care', 'telehealth'])}`,
    `CHIEF COMPLAINT: ${paragraph(pools.cc, r, 1)}`,
  ];
  const seen = new Set();
  const hpi = [];
  const plan = [];
  const exam = [freshParagraph(pools.exam, r, 3 + r.int(3), seen)];
  const meds = [paragraph(pools.meds, r, 1 + r.int(2))];
  const render = () =>
    [
      ...head,
      `HPI: ${hpi.join('\n\n')}`,
      `MEDICATIONS: ${meds.join('\n\n')}`,
      `PHYSICAL EXAM: ${exam.join('\n\n')}`,
      `ASSESSMENT AND PLAN:\n${plan.join('\n')}`,
    ].join('\n\n') + '\n';
  let text = render();
  for (let problem = 1; bytesOf(text) < targetBytes; problem++) {
    hpi.push(freshParagraph(pools.history, r, 3 + r.int(4), seen));
    if (problem % 3 === 0) exam.push(freshParagraph(pools.exam, r, 2 + r.int(3), seen));
    plan.push(`${problem}. ${paragraph(pools.assessment, r, 1)} ${paragraph(pools.plan, r, 1 + r.int(3))}`);
    text = render();
  }
  return text;
}

/** A variant of a real note: sentences shuffled within each paragraph, numbers and names changed, line structure kept. */
export function variantOf(text, r) {
  return text
    .split(/(\r?\n[ \t]*\r?\n)/)
    .map((part, i) => {
      if (i % 2 === 1) return part;
      return part
        .split(/(\r?\n)/)
        .map((line, j) => {
          if (j % 2 === 1) return line;
          const m = HEADER.exec(line);
          const prefix = m ? line.slice(0, line.length - m[2].length) : '';
          const body = m ? m[2] : line;
          const sentences = body.split(SENTENCE_END);
          if (sentences.length < 2) return prefix + vary(body, r);
          return prefix + r.shuffle(sentences).map((s) => vary(s, r)).join(' ');
        })
        .join('');
    })
    .join('');
}

/** True when the folder's notes are too few or too small to stand for real notes on their own. */
export function isSmallFolder(notes) {
  const total = notes.reduce((sum, n) => sum + n.bytes, 0);
  return total < 64 * KB;
}

/**
 * A 30 KB note: whole notes of the folder in a seeded order, the last one cut
 * at a paragraph, when the folder holds enough text; otherwise a generated
 * multi-problem note from the folder's sentences.
 */
export function thirtyKbNote(notes, seed, targetBytes = 30 * KB) {
  const r = rng(seed);
  if (isSmallFolder(notes)) {
    return { text: generateNote(poolsOf(notes), r, targetBytes), how: `generated multi-problem note from the ${notes.length} notes' sentences (varied)` };
  }
  const parts = [];
  let size = 0;
  let used = 0;
  for (const note of r.shuffle(notes)) {
    const text = note.text.trim();
    if (size + bytesOf(text) + 2 <= targetBytes) {
      parts.push(text);
      size += bytesOf(text) + 2;
      used++;
      continue;
    }
    const tail = [];
    for (const para of text.split(/\r?\n[ \t]*\r?\n/)) {
      if (size + bytesOf(para) + 2 > targetBytes) break;
      tail.push(para);
      size += bytesOf(para) + 2;
    }
    if (tail.length) parts.push(tail.join('\n\n'));
    break;
  }
  return { text: parts.join('\n\n') + '\n', how: `${used} whole notes of the folder concatenated in a seeded order, plus part of one more` };
}

/** Writes `count` varied notes into `dir`; returns their total bytes. */
export function writeBatch(notes, dir, count, seed) {
  const r = rng(seed);
  const small = isSmallFolder(notes);
  const pools = small ? poolsOf(notes) : undefined;
  fs.mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const text = small ? generateNote(pools, r, 2 * KB + r.int(6 * KB)) : variantOf(r.pick(notes).text, r);
    fs.writeFileSync(path.join(dir, `${String(i + 1).padStart(4, '0')}.note`), text);
    bytes += bytesOf(text);
  }
  return {
    bytes,
    how: small ? `generated multi-problem notes of 2–8 KB from the folder's sentences` : 'variants of the folder\'s notes (sentences shuffled within paragraphs, numbers and names changed)',
  };
}
