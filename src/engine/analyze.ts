/**
 * analyze(text, options) → NoteAnalysis: synchronous and deterministic.
 * Sections, then sentences, then each rule of the active pack through its
 * check kinds. Context and attribution are computed only for sentences a
 * rule's pattern actually matched.
 */
import { CHECK_KINDS, type NoteContext, type RuleRun } from './checks';
import { compilePack, type CompiledPack } from './compile';
import { NoteFacts } from './conditions';
import { noteHeading, severityOf } from './profiles';
import { maskOverrides, parseOverrides, type NoteOverride } from './overrides';
import { labelledLinesOf, PromptLines } from './promptLines';
import { findSections, type SectionVocabulary } from './sections';
import { contentWordCount } from './text';
import type { Finding, NoteAnalysis, Rule, RulePack, RuleResult, Severity } from './types';
import { UnitReader, unitsOf } from './units';
import { defaultPack } from '../rules';

export interface AnalyzeOptions {
  /** The rule pack; the built-in default pack when omitted. */
  pack?: RulePack;
  /** Profile id; detected from the note's heading ("Visit type: follow-up", a title "URGENT CARE VISIT") when omitted. */
  profile?: string;
  /** Notes longer than this many characters (UTF-16 code units) are not analysed; default DEFAULT_MAX_CHARS. */
  maxChars?: number;
  /** Notes larger than this many bytes (UTF-8, as saved) are not analysed: the editor's size limit. */
  maxBytes?: number;
  /**
   * Only the rules this accepts are run; the others get no result and no finding. Each rule's results and
   * findings are the same as in a full analysis, so a face can show some first (the core elements) and the
   * rest a moment later, paying only for the rules it asked for on a cold start.
   */
  only?: (rule: Rule) => boolean;
}

const LONE_CR = /\r(?!\n)/g;

export const DEFAULT_MAX_CHARS = 1_000_000;

/** The size of `text` saved as UTF-8, without encoding it. */
export function utf8ByteLength(text: string): number {
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    // A surrogate pair is 4 bytes for its 2 code units; a lone surrogate is saved as U+FFFD (3 bytes).
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 2;
      i++;
    } else bytes += 2;
  }
  return bytes;
}

/** Why a note is too large to analyse, or undefined. */
function sizeProblem(text: string, options: AnalyzeOptions): string | undefined {
  const maxChars = options.maxChars ?? DEFAULT_MAX_CHARS;
  if (text.length > maxChars) {
    return `The note is ${text.length.toLocaleString('en-US')} characters long, over the limit of ${maxChars.toLocaleString('en-US')}; it was not analysed.`;
  }
  // Each UTF-16 code unit is one to three bytes: only a note that may be over the limit is counted.
  if (options.maxBytes !== undefined && text.length * 3 > options.maxBytes) {
    const bytes = utf8ByteLength(text);
    if (bytes > options.maxBytes) {
      const kb = (n: number) => `${Math.ceil(n / 1024).toLocaleString('en-US')} KB`;
      return `The note is ${kb(bytes)}, over the limit of ${kb(options.maxBytes)}; it was not analysed.`;
    }
  }
  return undefined;
}

function skipped(text: string, profile: string, reason: string): NoteAnalysis {
  return { length: text.length, profile, profiles: [profile], sections: [], results: [], findings: [], skipped: { reason } };
}

/** The control characters looksBinary counts (not tab, line feed, form feed or carriage return). */
const CONTROL = /[\x00-\x08\x0b\x0e-\x1f]/;

/** Binary content: NUL bytes, or many control characters. */
export function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  // Most notes hold no control character at all: one regex pass says so.
  if (!CONTROL.test(sample)) return false;
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 32 && c !== 9 && c !== 10 && c !== 13 && c !== 12) controls++;
  }
  return controls > sample.length / 20;
}

export function analyze(text: string, options: AnalyzeOptions = {}): NoteAnalysis {
  return analyzeCompiled(text, compilePack(options.pack ?? defaultPack), options);
}

/** analyze() with a compiled pack (`options.pack` is not read). */
export function analyzeCompiled(text: string, pack: CompiledPack, options: AnalyzeOptions = {}): NoteAnalysis {
  const tooLarge = sizeProblem(text, options);
  if (tooLarge) return skipped(text, options.profile ?? 'default', tooLarge);
  if (looksBinary(text)) return skipped(text, options.profile ?? 'default', 'The file looks binary; it was not analysed.');

  // Override lines ("[Healing Notes: <rule> discussed, not documented — reason]", see overrides.ts)
  // are masked so that no rule reads them as evidence; their rules are marked below.
  const overrides = parseOverrides(text, pack.pack.rules);
  const note = readNote(text, pack, overrides);
  const sections = [...note.sections];
  const forced = pack.pack.profiles.find((p) => p.id === options.profile);
  const heading = noteHeading(note.text, sections);
  const profiles = forced ? [forced] : pack.profiles.detect(heading);
  // Rules that read a team's scoped header names read the note through them (see SectionHeaderDefinition.rules).
  const scopedNotes = new Map<SectionVocabulary, NoteContext>();
  const noteFor = (headers: SectionVocabulary | undefined): NoteContext => {
    if (!headers) return note;
    let scoped = scopedNotes.get(headers);
    if (!scoped) scopedNotes.set(headers, (scoped = readNote(text, pack, overrides, headers)));
    return scoped;
  };
  const ids = profiles.map((p) => p.id);
  const facts = new NoteFacts(note, ids, heading, pack.pack.vocabulary.relatives);

  const results: RuleResult[] = [];
  const findings: Finding[] = [];
  for (const compiled of pack.rules) {
    const { rule } = compiled;
    if (options.only && !options.only(rule)) continue;
    const reason = compiled.when?.failure(facts);
    if (reason !== undefined) {
      results.push({ ruleId: rule.id, status: 'not-applicable', evidence: [], reason });
      continue;
    }
    const setting = severityOf(rule, profiles);
    const run: RuleRun = {
      note: noteFor(compiled.headers),
      rule: compiled,
      severity: setting === 'off' ? 'hint' : setting,
      evidence: [],
      placeholders: [],
      findings: [],
    };
    const checks = setting === 'off' ? compiled.checks.filter((c) => c === 'evidence') : compiled.checks;
    for (const id of checks) CHECK_KINDS.get(id)?.run(run);
    results.push({ ruleId: rule.id, status: statusOf(run, checks), evidence: run.evidence });
    findings.push(...run.findings);
  }
  findings.sort((a, b) => a.range.start - b.range.start || severityRank(a.severity) - severityRank(b.severity));
  return { length: text.length, profile: ids[0], profiles: ids, sections, results, findings: applyOverrides(results, findings, overrides) };
}

/**
 * A rule the clinician marked "discussed, not documented" is 'overridden' rather than missing or weak, and has no
 * findings. A line whose reason is still a placeholder (`— <why it is not documented>`, as an editor without an input
 * box writes it) says nothing yet: like any unfilled prompt, it is not counted until the reason is written.
 */
function applyOverrides(results: RuleResult[], findings: Finding[], overrides: readonly NoteOverride[]): Finding[] {
  const stated = overrides.filter((o) => o.reason === '' || contentWordCount(o.reason) > 0);
  if (stated.length === 0) return findings;
  const overridden = new Set(stated.map((o) => o.ruleId));
  for (const result of results) {
    if (overridden.has(result.ruleId) && (result.status === 'missing' || result.status === 'weak')) result.status = 'overridden';
  }
  return findings.filter((f) => !overridden.has(f.ruleId));
}

function statusOf(run: RuleRun, checks: readonly string[]): RuleResult['status'] {
  if (run.evidence.some((e) => e.strength === 'specific')) return 'documented';
  if (run.evidence.length > 0) return 'weak';
  return checks.includes('missing') || checks.includes('placeholder') ? 'missing' : 'not-expected';
}

const SEVERITY_ORDER: Severity[] = ['error', 'warning', 'information', 'hint'];
export function severityRank(severity: Severity): number {
  return SEVERITY_ORDER.indexOf(severity);
}

/**
 * The note as every check reads it: override lines masked, lone CRs read as line breaks (one for
 * one, so offsets hold), its sections and paragraphs, and the reader that caches their scans.
 */
export function readNote(
  text: string,
  pack: CompiledPack,
  overrides: readonly NoteOverride[] = parseOverrides(text, pack.pack.rules),
  headers: SectionVocabulary = pack.headers,
): NoteContext {
  // A lone CR ends a line as VS Code reads it; as a one-for-one swap it keeps every offset.
  const analysed = maskOverrides(text, overrides).replace(LONE_CR, '\n');
  const sections = findSections(analysed, headers);
  let labelled: Map<string, number[]> | undefined;
  return {
    text: analysed,
    sections,
    units: unitsOf(analysed, sections),
    pack,
    headers,
    reader: new UnitReader(analysed, pack, pack.attribution.proxySpeaksForPatient(analysed), pack.attribution.namedRelatives(analysed)),
    promptLines: new PromptLines(analysed, pack.promptLabels),
    labelledLines: () => (labelled ??= labelledLinesOf(analysed)),
  };
}
