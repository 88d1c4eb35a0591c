// Hostile input the engine must survive quickly: huge notes, binary files, very long lines.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, DEFAULT_MAX_CHARS, defaultPack, looksBinary } from '../../src/engine';
import { utf8ByteLength } from '../../src/engine/analyze';
import { ContextMatcher } from '../../src/engine/context';
import { checkInvariants } from '../../scripts/fuzz-properties';

const root = path.resolve(__dirname, '../../..');
// A note that misses several elements: every rule scans the whole text (a complete note stops at its evidence).
const SAMPLE = fs.readFileSync(path.join(root, 'samples', '02-cough-no-plan.note'), 'utf8');

/** `unit` over and over, cut to exactly `length` characters. */
function noteOfLength(length: number, unit: string): string {
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

/**
 * A real-looking note of exactly `length` characters: the sample note over and
 * over, each copy's longer lines numbered so that no paragraph repeats (the
 * engine may cache the analysis of a paragraph it has seen).
 */
function realNoteOfLength(length: number): string {
  const parts: string[] = [];
  let total = 0;
  for (let copy = 0; total < length; copy++) {
    const part = `${SAMPLE.replace(/^(.{20,}?)$/gm, `$1 (${copy})`)}\n`;
    parts.push(part);
    total += part.length;
  }
  return parts.join('').slice(0, length);
}

/** Median wall time of `runs` calls, in milliseconds. */
function timed(fn: () => void, runs = 1): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

const KB = 1000;
const MB = 1000 * KB;

describe('safety: size limits', function () {
  this.timeout(180_000);
  before(() => analyze(SAMPLE)); // compile the pack and load modules outside the timings

  it('skips a 5 MB note over the default limit in well under a second, and says why', () => {
    const text = realNoteOfLength(5 * MB);
    let analysis!: ReturnType<typeof analyze>;
    const ms = timed(() => (analysis = analyze(text)));
    assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
    assert.ok(analysis.skipped, 'the note is skipped');
    assert.match(analysis.skipped.reason, /5,000,000 characters/);
    assert.match(analysis.skipped.reason, new RegExp(`limit of ${DEFAULT_MAX_CHARS.toLocaleString('en-US')}`));
    assert.match(analysis.skipped.reason, /not analysed/);
    assert.deepEqual([analysis.findings, analysis.results, analysis.sections], [[], [], []]);
    checkInvariants(text, analysis);
  });

  it('analyses a note of exactly the limit and skips one character more', () => {
    const text = realNoteOfLength(2000);
    assert.equal(analyze(text, { maxChars: 2000 }).skipped, undefined);
    assert.ok(analyze(`${text}x`, { maxChars: 2000 }).skipped);
    assert.ok(analyze('HPI: x', { maxChars: 0 }).skipped);
    assert.equal(analyze('', { maxChars: 0 }).skipped, undefined);
  });

  it('measures the byte limit in UTF-8 bytes, as the note is saved', () => {
    const accented = 'HPI: Café, jalapeño, naïve. '.repeat(40); // 2 bytes for each of é, ñ, ï
    const bytes = Buffer.byteLength(accented, 'utf8');
    assert.ok(bytes > accented.length);
    assert.equal(analyze(accented, { maxBytes: bytes }).skipped, undefined);
    assert.match(analyze(accented, { maxBytes: bytes - 1 }).skipped?.reason ?? '', /^The note is 2 KB, over the limit of 2 KB; it was not analysed\.$/);
    assert.equal(analyze(accented, { maxBytes: accented.length }).skipped !== undefined, true, 'characters are not bytes');
  });

  it('counts UTF-8 bytes as Node does, surrogate pairs and lone surrogates included', () => {
    for (const text of ['', 'plain', 'é', '€', '😀', 'a\ud800b', '\udc00', '😀\ud83d', 'HPI: 頭痛 😀 ñ']) {
      assert.equal(utf8ByteLength(text), Buffer.byteLength(text, 'utf8'), JSON.stringify(text));
    }
  });

  it('is linear in the note size: 100 KB, 1 MB and 5 MB notes at the limit', () => {
    const ms: Record<string, number> = {};
    for (const [name, size] of [['100 KB', 100 * KB], ['1 MB', MB], ['5 MB', 5 * MB]] as const) {
      const text = realNoteOfLength(size);
      let analysis!: ReturnType<typeof analyze>;
      ms[name] = timed(() => (analysis = analyze(text, { maxChars: size })), size >= MB ? 1 : 3);
      assert.equal(analysis.skipped, undefined, `${name} is analysed`);
      assert.ok(analysis.sections.length > size / 1000, `${name}: sections found`);
      checkInvariants(text, analysis);
    }
    console.log(`      analyse times: ${Object.entries(ms).map(([k, v]) => `${k} ${v.toFixed(0)} ms`).join(', ')}`);
    // A hang guard only: absolute times depend on the machine and its load.
    assert.ok(ms['5 MB'] < 60_000, `5 MB took ${ms['5 MB'].toFixed(0)} ms`);
    // Five times the text may take some more than five times as long (GC, caches), never twenty-five.
    assert.ok(ms['5 MB'] < 12 * Math.max(ms['1 MB'], 20), `5 MB took ${ms['5 MB'].toFixed(0)} ms, 1 MB ${ms['1 MB'].toFixed(0)} ms: superlinear`);
  });

  it('analyses a 100,000-character line without a line break in under a second', () => {
    for (const unit of ['word ', 'a', '😀', 'No fever. ', '*', '<a', '{', '.', ' ', 'Follow up in 2 weeks ']) {
      const text = `HPI: ${noteOfLength(100 * KB, unit)}`;
      let analysis!: ReturnType<typeof analyze>;
      const ms = timed(() => (analysis = analyze(text)));
      assert.ok(ms < 1000, `${JSON.stringify(unit)} × 100 KB took ${ms.toFixed(0)} ms`);
      checkInvariants(text, analysis);
    }
  });

  it('reads the context of thousands of matches in one 100,000-character sentence in under a second', () => {
    const matcher = new ContextMatcher(defaultPack.context, defaultPack.vocabulary);
    const text = noteOfLength(100 * KB, 'no concerns if worse her mother thinks ');
    const sentence = { start: 0, end: text.length };
    const ms = timed(() => {
      const context = matcher.scan(text, sentence);
      const kinds = new Set<string>();
      for (let at = text.indexOf('concerns'); at !== -1; at = text.indexOf('concerns', at + 1)) {
        for (const kind of matcher.contextsOf(text, context, { start: at, end: at + 8 }, false)) kinds.add(kind);
      }
      assert.ok(kinds.has('negated'), 'the matches are negated');
    });
    assert.ok(ms < 1000, `took ${ms.toFixed(0)} ms`);
  });

  // One 100 KB run-on sentence with a rule match every few words: look-alikes are scanned once per paragraph.
  it('analyses a 100,000-character sentence full of rule matches in under a second', () => {
    for (const unit of ['Her mother is worried about seizures ', 'She is worried it is cancer ', 'it is cancer worried about it and ', 'No concerns.']) {
      const text = `HPI: ${noteOfLength(100 * KB, unit)}`;
      const ms = timed(() => analyze(text));
      assert.ok(ms < 1000, `${JSON.stringify(unit)} × 100 KB took ${ms.toFixed(0)} ms`);
    }
  });
});

describe('safety: binary content', () => {
  const BINARY = [
    'HPI: cough\u0000PLAN: rest',
    '\x89PNG\r\n\x1a\n\u0000\u0000\u0000\rIHDR',
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]).toString('latin1'),
    '\u0001\u0002\u0003\u0004\u0005\u0006 some text \u0007\u0008\u000e\u000f',
    '%PDF-1.7\n' + '\u0001\u0002\u0003\u0010\u0011\u0012\u001a\u001b'.repeat(20),
  ];

  it('recognises binary content', () => {
    for (const text of BINARY) assert.ok(looksBinary(text), JSON.stringify(text.slice(0, 20)));
  });

  it('skips binary content with a message, not an exception', () => {
    for (const text of BINARY) {
      const analysis = analyze(text);
      assert.ok(analysis.skipped, JSON.stringify(text.slice(0, 20)));
      assert.match(analysis.skipped.reason, /binary/);
      assert.deepEqual(analysis.findings, []);
      checkInvariants(text, analysis);
    }
  });

  it('does not take ordinary notes for binary: tabs, form feeds, CRLF, Unicode, a BOM', () => {
    for (const text of [SAMPLE, SAMPLE.replace(/\n/g, '\r\n'), '\ufeffHPI:\tcough\f\nPLAN: rest 😀 𝔘', 'HPI: a\u001bb c d e f g h i j k l m n o p q r s t u v w']) {
      assert.ok(!looksBinary(text), JSON.stringify(text.slice(0, 20)));
      assert.equal(analyze(text).skipped, undefined);
    }
  });
});
