/**
 * Hostile-input properties of the engine, shared by the unit test
 * (test/unit/fuzz.test.ts, a few hundred cases) and the nightly fuzzer
 * (scripts/fuzz.mjs, thousands). Inputs are synthetic: made from section
 * headers, sentences and placeholders clinicians write, the rule pack's own
 * examples, and hostile characters (CR, BOM, astral Unicode, control and
 * binary bytes, very long lines).
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { analyze, defaultPack, type AnalyzeOptions, type NoteAnalysis, type Span } from '../src/engine';

// ---------------------------------------------------------------------------
// Material

const HEADERS = [
  'HPI', 'PLAN', 'ASSESSMENT AND PLAN', 'Assessment & Plan', 'A/P', 'ASSESSMENT', 'SUBJECTIVE', 'OBJECTIVE',
  'CHIEF COMPLAINT', 'CC', 'REASON FOR VISIT', 'HISTORY OF PRESENT ILLNESS', 'ROS', 'PHYSICAL EXAM', 'PE',
  'SOCIAL HISTORY', 'FAMILY HISTORY', 'MEDICATIONS', 'ALLERGIES', 'FOLLOW-UP', 'Follow up', 'INSTRUCTIONS',
  'COUNSELING', 'Visit type', 'HEENT', 'GENERAL', 'Patient\'s understanding', 'Options discussed', 'Goals',
  ...defaultPack.sections.flatMap((s) => s.names.slice(0, 3)),
];

const HEADER_PREFIXES = ['', '', '', '## ', '# ', '1. ', 'II) ', '  ', '\t', '**'];
const HEADER_SUFFIXES = [':', ':', ':', '', ' :', ':**', '**:', ' -', '::'];

const SENTENCES = [
  'She is worried it is cancer.',
  'Follow up in 2 weeks.',
  'He thinks he twisted it playing football with his son.',
  'Her mother is worried about seizures.',
  'No fever.',
  'Denies chest pain.',
  'We discussed the options and she chose physical therapy.',
  'Risks and benefits discussed.',
  'Patient agrees with plan.',
  'Return if worse.',
  'If worse, return to clinic.',
  'She hopes to walk her daughter down the aisle in June.',
  'Start amoxicillin 500 mg p.o. t.i.d. x 10 days.',
  'Dr. Smith will see him on 3/14.',
  'Pt. states "my sugar is running my life."',
  'I will call her with the results on Friday.',
  'She declined the colonoscopy after we talked about it.',
  'May I examine your knee? She agreed.',
  'BP 132/78. A1c 7.9, up from 7.4.',
  'Visit type: follow-up',
  'Per the patient, the pain began after the fall.',
  'No concerns.',
  'Type 2 diabetes, above goal.',
  '34-year-old man with a dry cough for five days, worse at night.',
  '5-year-old girl brought in by her father.',
  ...defaultPack.rules.flatMap((r) => [...r.examples.documented, ...r.examples.missing]),
];

const PLACEHOLDERS = ['***', '[ ]', '[]', '___', '<patient goals>', '{reason}', '???', 'XXX', '<', '>', '{', '}', '[', ']'];

/** Characters that have broken text tools before: line breaks, BOM, astral and combining characters, controls. */
const HOSTILE = [
  '\r', '\n', '\r\n', '\n\r', '\ufeff', '\u0000', '\u0001', '\u0007', '\u0008', '\u000b', '\u000c', '\u001b', '\u007f',
  '\u0085', '\u00a0', '\u2028', '\u2029', '\u200b', '\u200d', '\u202e', '\ufffd', '😀', '👩‍⚕️', '𝔘', '𝔫𝔦𝔠𝔬𝔡𝔢',
  'e\u0301', '\ud800', '\udc00', 'ǅ', 'İ', 'ß', 'ﬁ', 'Σ', '\t', '  ', '.', '. ', '?!', ',', ';', ':', '"', '“', '”', "'",
  '’', '(', ')', '-', '/', '\\', '*', '#', '_', '$', '^',
];

const EOLS = ['\n', '\r\n', '\r'] as const;

// ---------------------------------------------------------------------------
// Arbitraries

/** One line of a note: a header (maybe with inline text), sentences, a placeholder, or nothing. */
const lineArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...HEADER_PREFIXES), fc.constantFrom(...HEADERS), fc.constantFrom(...HEADER_SUFFIXES), fc.option(fc.constantFrom(...SENTENCES), { nil: '' }))
    .map(([prefix, header, suffix, inline]) => `${prefix}${header}${suffix}${inline ? ` ${inline}` : ''}`) },
  { weight: 2, arbitrary: fc.constantFrom(...HEADERS).map((h) => h.toUpperCase() + ':') },
  { weight: 5, arbitrary: fc.array(fc.constantFrom(...SENTENCES), { minLength: 1, maxLength: 4 }).map((s) => s.join(' ')) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...SENTENCES), fc.constantFrom(...PLACEHOLDERS)).map(([s, p]) => `${s.replace(/[.]$/, '')}: ${p}`) },
  { weight: 1, arbitrary: fc.constantFrom(...PLACEHOLDERS) },
  { weight: 2, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.string({ maxLength: 30 }) },
  { weight: 1, arbitrary: fc.string({ unit: fc.constantFrom(...HOSTILE, ...SENTENCES.slice(0, 10)), maxLength: 12 }) },
);

/** A real-looking note with one kind of line break throughout, `\n`. */
export const lfNoteArb: fc.Arbitrary<string> = fc
  .tuple(fc.array(lineArb, { maxLength: 25 }), fc.boolean(), fc.nat(9).map((n) => n === 0))
  .map(([lines, finalEol, bom]) => (bom ? '\ufeff' : '') + lines.join('\n').replace(/\r\n?/g, '\n') + (finalEol ? '\n' : ''));

/** One edit that a hostile or careless source might make to a note. */
type Mutation =
  | { kind: 'insert'; at: number; text: string }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'case'; upper: boolean };

const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), text: fc.oneof(fc.constantFrom(...HOSTILE), fc.constantFrom(...PLACEHOLDERS), fc.string({ unit: 'binary', maxLength: 8 })) }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 20 }) }),
  fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 200 }) }),
  fc.record({ kind: fc.constant('case' as const), upper: fc.boolean() }),
);

function applyMutation(text: string, m: Mutation): string {
  if (m.kind === 'case') return m.upper ? text.toUpperCase() : text.toLowerCase();
  const at = text.length === 0 ? 0 : m.at % (text.length + 1);
  switch (m.kind) {
    case 'insert': return text.slice(0, at) + m.text + text.slice(at);
    case 'delete': return text.slice(0, at) + text.slice(at + m.length);
    case 'duplicate': return text.slice(0, at + m.length) + text.slice(at, at + m.length) + text.slice(at + m.length);
  }
}

/** A real-looking note, then a few hostile edits, with line breaks mixed (LF, CRLF, lone CR). */
export const mutatedNoteArb: fc.Arbitrary<string> = fc
  .tuple(lfNoteArb, fc.array(fc.constantFrom(...EOLS), { minLength: 1, maxLength: 4 }), fc.array(mutationArb, { maxLength: 6 }))
  .map(([note, eols, mutations]) => {
    let i = 0;
    const mixed = note.replace(/\n/g, () => eols[i++ % eols.length]);
    return mutations.reduce(applyMutation, mixed);
  });

/** Arbitrary text: any code units (lone surrogates included), hostile characters, or text from a small alphabet that forms words and breaks. */
export const randomTextArb: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: fc.constantFrom(...HOSTILE, ...PLACEHOLDERS, 'a', 'B', 'she', 'worried', 'plan', 'HPI:', 'PLAN:', ' ', '\n'), maxLength: 120 }),
  fc.string({ unit: 'grapheme', maxLength: 200 }),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
  fc.uint8Array({ maxLength: 400 }).map((bytes) => Buffer.from(bytes).toString('utf8')),
);

/** A note with one very long line (tens of thousands of characters, no line break). */
export const longLineNoteArb: fc.Arbitrary<string> = fc
  .tuple(lfNoteArb, fc.constantFrom(...SENTENCES, 'a', 'word ', '😀', '.', ' ', '*', '<a'), fc.integer({ min: 10_000, max: 100_000 }), fc.nat())
  .map(([note, unit, length, at]) => {
    const line = unit.replace(/\n/g, ' ').repeat(Math.ceil(length / unit.length)).slice(0, length);
    const i = at % (note.length + 1);
    return note.slice(0, i) + line + note.slice(i);
  });

/** Any of the above, weighted to the notes. */
export const anyNoteArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: mutatedNoteArb },
  { weight: 2, arbitrary: lfNoteArb },
  { weight: 3, arbitrary: randomTextArb },
);

export const optionsArb: fc.Arbitrary<AnalyzeOptions> = fc.record(
  {
    profile: fc.constantFrom(...defaultPack.profiles.map((p) => p.id), 'no-such-profile'),
    maxLength: fc.oneof(fc.integer({ min: 0, max: 2000 }), fc.constant(1_000_000)),
  },
  { requiredKeys: [] },
);

// ---------------------------------------------------------------------------
// Properties

function checkSpan(text: string, span: Span, what: string): void {
  assert.ok(Number.isInteger(span.start) && Number.isInteger(span.end), `${what}: offsets are integers (${span.start}, ${span.end})`);
  assert.ok(span.start >= 0 && span.end <= text.length && span.start <= span.end, `${what}: [${span.start}, ${span.end}) is inside [0, ${text.length}]`);
}


/** Every offset the analysis reports, with a name for messages. */
export function spansOf(analysis: NoteAnalysis): [string, Span][] {
  const spans: [string, Span][] = [];
  analysis.sections.forEach((s, i) => {
    spans.push([`sections[${i}].range`, s.range], [`sections[${i}].headerRange`, s.headerRange], [`sections[${i}].bodyRange`, s.bodyRange]);
  });
  analysis.findings.forEach((f, i) => {
    spans.push([`findings[${i}] ${f.ruleId}.range`, f.range], [`findings[${i}] ${f.ruleId}.insertion`, { start: f.insertion.offset, end: f.insertion.offset }]);
  });
  for (const r of analysis.results) r.evidence.forEach((e, i) => spans.push([`${r.ruleId}.evidence[${i}]`, e.span]));
  return spans;
}

/**
 * The structural invariants of one analysis of `text`: the length, every
 * range inside the text and ordered, section ranges nested, no offset inside a
 * CRLF pair (an insertion there would split the line break) or a surrogate
 * pair, and a clear reason when skipped.
 */
export function checkInvariants(text: string, analysis: NoteAnalysis): void {
  assert.equal(analysis.length, text.length, 'analysis.length is the text length');
  for (const [what, span] of spansOf(analysis)) {
    checkSpan(text, span, what);
    for (const offset of [span.start, span.end]) {
      assert.ok(!(text.charCodeAt(offset - 1) === 13 && text.charCodeAt(offset) === 10), `${what}: offset ${offset} splits a CRLF`);
      const high = text.charCodeAt(offset - 1);
      const low = text.charCodeAt(offset);
      assert.ok(!(high >= 0xd800 && high <= 0xdbff && low >= 0xdc00 && low <= 0xdfff), `${what}: offset ${offset} splits a surrogate pair`);
    }
  }
  for (const [i, s] of analysis.sections.entries()) {
    assert.ok(s.range.start <= s.headerRange.start && s.headerRange.end <= s.bodyRange.start && s.bodyRange.end <= s.range.end, `sections[${i}]: header and body inside the section`);
    if (i > 0) assert.ok(analysis.sections[i - 1].range.end <= s.range.start, `sections[${i}] starts after sections[${i - 1}] ends`);
  }
  if (analysis.skipped) {
    assert.ok(analysis.skipped.reason.length > 0, 'a skipped note says why');
    assert.deepEqual([analysis.findings.length, analysis.results.length], [0, 0], 'a skipped note has no findings or results');
  }
  for (const f of analysis.findings) {
    assert.ok(f.message.length > 0, `${f.ruleId}: finding has a message`);
    assert.ok(['missing', 'weak', 'placeholder'].includes(f.kind), `${f.ruleId}: finding kind ${f.kind}`);
  }
}

/** analyze() must not throw, and its result must satisfy the invariants; returns the analysis. */
export function analyzeChecked(text: string, options?: AnalyzeOptions): NoteAnalysis {
  const analysis = analyze(text, options);
  checkInvariants(text, analysis);
  return analysis;
}

/** Same text, same options → deep-equal result, even after other notes ran in between (no state kept across calls). */
export function checkDeterministic(text: string, other: string, options?: AnalyzeOptions): void {
  const first = analyze(text, options);
  analyze(other, options);
  const second = analyze(text, options);
  assert.deepEqual(second, first, 'analysing the same note twice gives the same result');
}

/** Maps offsets of `crlf` (the `\n` note with every `\n` written `\r\n`) to offsets of the `\n` note. */
export function crlfToLf(crlf: string): (offset: number) => number {
  const crBefore = new Uint32Array(crlf.length + 1);
  for (let i = 0; i < crlf.length; i++) crBefore[i + 1] = crBefore[i] + (crlf.charCodeAt(i) === 13 ? 1 : 0);
  return (offset) => offset - crBefore[offset];
}

/** The comparable content of an analysis, offsets passed through `map`. */
export function comparable(analysis: NoteAnalysis, map: (offset: number) => number = (o) => o) {
  const span = (s: Span) => [map(s.start), map(s.end)];
  return {
    profile: analysis.profile,
    skipped: Boolean(analysis.skipped),
    sections: analysis.sections.map((s) => ({ kind: s.kind, title: s.title, range: span(s.range), header: span(s.headerRange), body: span(s.bodyRange) })),
    results: analysis.results.map((r) => ({ ruleId: r.ruleId, status: r.status, evidence: r.evidence.map((e) => ({ span: span(e.span), strength: e.strength, section: e.section })) })),
    findings: analysis.findings.map((f) => ({
      ruleId: f.ruleId,
      kind: f.kind,
      severity: f.severity,
      message: f.message,
      range: span(f.range),
      insertion: { ...f.insertion, offset: map(f.insertion.offset) },
    })),
  };
}

/** A byte-order mark before the note changes nothing but the offsets (the CLI drops one; an API caller may not). */
export function checkBom(note: string, options?: AnalyzeOptions): void {
  const text = note.replace(/^\ufeff/, '');
  const a = analyze(text, options);
  const b = analyze(`\ufeff${text}`, options);
  if (a.skipped || b.skipped) return;
  assert.deepEqual(comparable(b, (offset) => Math.max(0, offset - 1)), comparable(a), 'the note with a BOM gives the analysis of the note without');
}

/** The `\n` note and its classic Mac version (a lone `\r` for each line break, same length) give the same analysis. */
export function checkLfCr(lf: string, options?: AnalyzeOptions): void {
  assert.deepEqual(comparable(analyze(lf.replace(/\n/g, '\r'), options)), comparable(analyze(lf, options)), 'the CR note gives the LF note\'s analysis');
}

/** The `\n` note and its `\r\n` version give the same analysis, offsets mapped. */
export function checkLfCrlf(lf: string, options?: AnalyzeOptions): void {
  assert.ok(!lf.includes('\r'), 'the LF note has no CR');
  const crlf = lf.replace(/\n/g, '\r\n');
  const a = analyze(lf, options);
  const b = analyze(crlf, options);
  checkInvariants(crlf, b);
  // A size limit counts the CRs; compare only when both were analysed.
  if (a.skipped || b.skipped) return;
  assert.deepEqual(comparable(b, crlfToLf(crlf)), comparable(a), 'the CRLF note gives the LF note\'s analysis');
}

// ---------------------------------------------------------------------------
// The property set

export interface FuzzProperty {
  name: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- properties over different tuples of inputs
  property: fc.IProperty<any>;
  /** Relative share of the cases; long-line properties are slow. */
  weight: number;
  /** Too slow for `npm test`: run by scripts/fuzz.mjs only. */
  nightlyOnly?: boolean;
  /** A reported product bug makes this property fail: the tests skip it until it is fixed. */
  knownBug?: string;
}

/** The slowest case seen by the timed properties: its time and the input's length (never its text). */
export const slowest = { ms: 0, length: 0, property: '' };

function timedCheck(property: string, text: string, check: () => void): void {
  const start = performance.now();
  check();
  const ms = performance.now() - start;
  if (ms > slowest.ms) Object.assign(slowest, { ms, length: text.length, property });
}

/** Builds the properties; each is an fc.property over synthetic notes. */
export function properties(): FuzzProperty[] {
  return [
    { name: 'no exception and every range inside the text (notes)', weight: 4, property: fc.property(anyNoteArb, (text) => void analyzeChecked(text)) },
    { name: 'no exception and every range inside the text (any options)', weight: 2, property: fc.property(anyNoteArb, optionsArb, (text, options) => void analyzeChecked(text, options)) },
    { name: 'deterministic, with no state kept between notes', weight: 2, property: fc.property(anyNoteArb, anyNoteArb, (text, other) => checkDeterministic(text, other)) },
    { name: 'LF and CRLF versions give the same analysis', weight: 4, property: fc.property(lfNoteArb, (lf) => checkLfCrlf(lf)) },
    { name: 'LF and CRLF versions agree after hostile edits', weight: 2, property: fc.property(mutatedNoteArb.map((t) => t.replace(/\r\n?/g, '\n')), (lf) => checkLfCrlf(lf)) },
    { name: 'a byte-order mark changes nothing but the offsets', weight: 1, property: fc.property(lfNoteArb, (note) => checkBom(note)) },
    {
      name: 'LF and lone-CR (classic Mac) versions give the same analysis',
      weight: 1,
      property: fc.property(lfNoteArb.map((t) => t.replace(/^\ufeff/, '')), (lf) => checkLfCr(lf)),
    },
    {
      name: 'a very long line is analysed without exception',
      weight: 0.05,
      nightlyOnly: true,
      property: fc.property(longLineNoteArb, (text) => timedCheck('long line', text, () => analyzeChecked(text))),
    },
  ];
}
