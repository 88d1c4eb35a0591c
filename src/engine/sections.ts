/**
 * The sectionizer: finds headers as clinicians write them (upper or title case
 * with a colon, inline `PLAN: start ...`, numbered, markdown headings, a known
 * header alone on its line) and maps them to canonical kinds through the rule
 * pack's header synonyms, which are data.
 */
import type { Section, SectionHeaderDefinition, SectionKind } from './types';

/** Looks headers up by their normalised text. */
export class SectionVocabulary {
  private readonly byName = new Map<string, SectionKind>();

  /**
   * Names scoped to some rules (`rules`) are read only for `ruleId`, and then win over the
   * same name under another kind: a team's header moves only its own rules' anchors.
   */
  constructor(definitions: readonly SectionHeaderDefinition[], ruleId?: string) {
    const applies = (d: SectionHeaderDefinition) => !d.rules?.length || (ruleId !== undefined && d.rules.includes(ruleId));
    const ordered = [...definitions.filter((d) => !d.rules?.length), ...definitions.filter((d) => d.rules?.length)];
    for (const definition of ordered) {
      if (!applies(definition)) continue;
      for (const name of definition.names) this.byName.set(normalizeHeader(name), definition.kind);
    }
  }

  kindOf(name: string): SectionKind | undefined {
    return this.byName.get(normalizeHeader(name));
  }
}

export function normalizeHeader(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’`]/g, "'")
    .replace(/\s*&\s*/g, ' and ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .replace(/[\s,;:-]+$/, '')
    .trim();
}

/**
 * A regular-expression source (no flags needed beyond case-insensitivity) that matches every
 * header name of the vocabulary as a clinician may write it: any spacing, `&` for "and", spaces
 * around `/`, either apostrophe. Longest names first. The note grammar colours these as headers.
 */
export function headerNamesSource(definitions: readonly SectionHeaderDefinition[]): string {
  const names = [...new Set(definitions.flatMap((d) => d.names.map(normalizeHeader)))].sort((a, b) => b.length - a.length || a.localeCompare(b));
  return names
    .map((name) =>
      name
        .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        .replace(/ and /g, '\\s*(?:and|&)\\s*')
        .replace(/\//g, '\\s*/\\s*')
        .replace(/'/g, "['’]")
        .replace(/ /g, '\\s+'),
    )
    .join('|');
}

// prefix (a byte-order mark, indent, markdown #, numbering) · optional bold · name · optional bold · colon or end of line
// prefix · optional bold · name · an aside in brackets ("ASSESSMENT AND PLAN (CARRIED FORWARD FROM 3/2)") · optional bold · colon or end of line
const HEADER_LINE =
  /^(\ufeff?[ \t]*(?:(#{1,6})[ \t]+)?(?:(?:\d{1,2}|[IVX]{1,4})[.)][ \t]+)?)(?:\*\*|__)?([A-Za-z][A-Za-z0-9 \t/&'’(),-]{0,60}?)(?:[ \t]*\(([^()\n]{1,80})\))?(?:\*\*|__)?[ \t]*(?:(:)(?!\/\/)(?:\*\*|__)?|$)/;

const MAX_UNKNOWN_HEADER_WORDS = 6;

function isAllCaps(name: string): boolean {
  const letters = name.replace(/[^A-Za-z]/g, '');
  return letters.length >= 2 && letters === letters.toUpperCase();
}

interface HeaderHit {
  kind: SectionKind;
  /** A new top-level section, or a sub-heading that stays within the current section's kind. */
  inherits: boolean;
  title: string;
  lineStart: number;
  headerStart: number;
  headerEnd: number;
  /** An unknown label read as a history by its words (see historyKind). */
  historyLabel?: boolean;
  /** An unknown label naming this visit ("TODAY"): after an earlier note's record it starts a section of its own. */
  present?: boolean;
}

function readHeader(line: string, lineStart: number, vocabulary: SectionVocabulary): HeaderHit | undefined {
  const m = HEADER_LINE.exec(line);
  if (!m) return undefined;
  const [whole, prefix, markdown, rawName, aside, colon] = m;
  const name = rawName.trim();
  if (!name) return undefined;
  const title = aside === undefined ? name : `${name} (${aside.trim()})`;
  const rest = line.slice(whole.length).trim();
  const headerStart = lineStart + prefix.length;
  const headerEnd = lineStart + whole.length;
  const ends = Boolean(colon || rest === '' || markdown);
  // A header whose name or aside says it comes from an earlier note ("PREVIOUS VISIT PLAN (copied 4/2):",
  // "ASSESSMENT AND PLAN (CARRIED FORWARD FROM PRIOR NOTE)") is that visit's record, whatever the header.
  if (aside !== undefined && ends && EARLIER_LABEL.test(title) && (vocabulary.kindOf(name) || (isAllCaps(name) && name.split(/\s+/).length <= MAX_UNKNOWN_HEADER_WORDS))) {
    return { kind: 'past-history', inherits: false, title, lineStart, headerStart, headerEnd };
  }
  // Otherwise an aside does not change the header's kind ("MEDICATION (S):", "PLAN (continued)").
  const known = vocabulary.kindOf(title) ?? (aside !== undefined ? vocabulary.kindOf(name) : undefined);
  if (known && ends) {
    return { kind: known, inherits: false, title, lineStart, headerStart, headerEnd };
  }
  if (known) return undefined;
  if (markdown && rest === '') return { kind: 'other', inherits: false, title, lineStart, headerStart, headerEnd };
  const words = title.split(/\s+/).length;
  if (words > MAX_UNKNOWN_HEADER_WORDS || !isAllCaps(title)) return undefined;
  // A label naming this visit after a copied block ("TODAY:") ends that block (see findSections).
  if (PRESENT_LABEL.test(title)) return { kind: 'other', inherits: true, title, lineStart, headerStart, headerEnd, present: true };
  if (!(colon || rest === '')) return undefined;
  // A label about the past ("PAST TREATMENT", "FAMILY PSYCHIATRIC HISTORY") is a history, never a plan: it
  // starts one rather than continuing the section above it.
  // What an earlier note said ("PLAN FROM LAST VISIT", "COPIED FROM PRIOR NOTE") is that visit's record, wherever it sits.
  if (EARLIER_LABEL.test(title)) return { kind: 'past-history', inherits: false, title, lineStart, headerStart, headerEnd };
  const history = historyKind(title);
  if (history) return { kind: history, inherits: false, title, lineStart, headerStart, headerEnd, historyLabel: true };
  // A longer unknown label named after a plan-like one ("ER COURSE", "PLAN OF CARE", "EQUIPMENT RECOMMENDATION") is
  // that section; other labels ("PAIN ASSESSMENT" inside an HPI) stay sub-headings.
  const named = words > 1 ? kindWithin(title, vocabulary) : undefined;
  if (named) return { kind: named, inherits: false, title, lineStart, headerStart, headerEnd };
  // An unknown all-caps label (GENERAL:, HEENT:, HTN:) is a sub-heading of the section it sits in.
  return { kind: 'other', inherits: true, title, lineStart, headerStart, headerEnd };
}

const STORY = new Set<SectionKind>(['hpi', 'subjective', 'chief-complaint']);
// "SINCE LAST VISIT" is this visit's interval history, not the earlier visit's record.
const EARLIER_LABEL = /(?<!\bsince (?:the |her |his |their |my |our )?)\b(?:last|previous|prior|earlier|preceding) (?:visit|note|encounter|appointment)|\b(?:copied|pasted)\b(?! to\b)|\bcarried (?:forward|over)\b/i;
const PRESENT_LABEL = /^(?:today(?:'s|’s)?(?: (?:visit|plan|changes|update))?|this visit|now|current(?: visit| plan)?|updates?|changes today|interval changes)$/i;
const PAST_LABEL = /^(?:past|previous|prior|former|old)\b/i;
const HISTORY_LABEL = /\b(?:history|hx)$/i;
const FAMILY_LABEL = /\bfamily\b/i;
const SOCIAL_LABEL = /\b(?:social|drug|alcohol|substance|tobacco|smoking|sexual|work|occupational|educational|marital|legal|military)\b/i;

/**
 * The history an unknown label names: one that opens on the past ("PAST TREATMENT AND/OR MEDICATIONS") or
 * whose head noun is a history ("FAMILY PSYCHIATRIC HISTORY", "DRUG AND ALCOHOL HISTORY").
 */
function historyKind(title: string): SectionKind | undefined {
  if (!PAST_LABEL.test(title) && !HISTORY_LABEL.test(title)) return undefined;
  if (FAMILY_LABEL.test(title)) return 'family-history';
  if (SOCIAL_LABEL.test(title)) return 'social-history';
  return 'past-history';
}

const NAMED_WITHIN = new Set<SectionKind>(['plan', 'assessment-plan', 'instructions', 'follow-up', 'hospital-course']);

/**
 * The kind of the longest known plan-like header name inside `title` (the later one on a tie: English puts
 * the head noun last, "ER COURSE"), ignoring names of one or two letters ("A", "PE").
 */
function kindWithin(title: string, vocabulary: SectionVocabulary): SectionKind | undefined {
  const words = title.split(/[\s/]+/).filter(Boolean);
  for (let length = words.length - 1; length >= 1; length--) {
    for (let from = words.length - length; from >= 0; from--) {
      const phrase = words.slice(from, from + length);
      if (phrase.join(' ').length <= 2) continue;
      const kind = vocabulary.kindOf(phrase.join(' ')) ?? vocabulary.kindOf(phrase.join('/'));
      if (kind && NAMED_WITHIN.has(kind)) return kind;
    }
  }
  return undefined;
}

/** Splits a note into sections. The text before the first header is the preamble. */
/**
 * What each line reads as (a header or none), relative to the line, per vocabulary: a keystroke
 * changes one line, and the others need not be read again. Bounded like the paragraph cache.
 */
const headerReadings = new WeakMap<SectionVocabulary, Map<string, HeaderHit | null>>();
const HEADER_READINGS_LIMIT = 20_000;

function readingOf(line: string, vocabulary: SectionVocabulary): HeaderHit | null {
  let readings = headerReadings.get(vocabulary);
  if (!readings) headerReadings.set(vocabulary, (readings = new Map()));
  let hit = readings.get(line);
  if (hit === undefined) {
    hit = readHeader(line, 0, vocabulary) ?? null;
    if (readings.size >= HEADER_READINGS_LIMIT) readings.clear();
    readings.set(line, hit);
  }
  return hit;
}

export function findSections(text: string, vocabulary: SectionVocabulary): Section[] {
  const hits: HeaderHit[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    let contentEnd = lineEnd;
    if (contentEnd > lineStart && text.charCodeAt(contentEnd - 1) === 13) contentEnd--;
    // Long lines are prose, not headers; skip the regex for them.
    const line = text.slice(lineStart, Math.min(contentEnd, lineStart + 200));
    const hit = readingOf(line, vocabulary);
    if (hit) hits.push({ ...hit, lineStart, headerStart: hit.headerStart + lineStart, headerEnd: hit.headerEnd + lineStart });
    lineStart = lineEnd + 1;
  }

  const sections: Section[] = [];
  const firstStart = hits.length ? hits[0].lineStart : text.length;
  if (firstStart > 0 && /\S/.test(text.slice(0, firstStart))) {
    sections.push({
      kind: 'preamble',
      title: '',
      headerRange: { start: 0, end: 0 },
      bodyRange: { start: 0, end: firstStart },
      range: { start: 0, end: firstStart },
    });
  }
  let currentKind: SectionKind = 'preamble';
  hits.forEach((hit, i) => {
    const end = i + 1 < hits.length ? hits[i + 1].lineStart : text.length;
    // A label naming the patient's own past ("PAST TREATMENT", "PSYCHIATRIC HISTORY") inside the story of the
    // illness is part of that story; anywhere else (under a plan, in the review of systems) it starts a history.
    const inherits =
      (hit.inherits && !(hit.present && currentKind === 'past-history')) || (hit.kind === 'past-history' && hit.historyLabel === true && STORY.has(currentKind));
    const kind = inherits ? (currentKind === 'preamble' ? 'other' : currentKind) : hit.kind;
    if (!inherits) currentKind = hit.kind;
    sections.push({
      kind,
      title: hit.title,
      headerRange: { start: hit.headerStart, end: hit.headerEnd },
      bodyRange: { start: hit.headerEnd, end },
      range: { start: hit.lineStart, end },
    });
  });
  return sections;
}
