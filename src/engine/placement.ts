/**
 * Where a missing element's diagnostic is shown and its prompt inserted: on a
 * line labelled for the element (`Interpreter:`) when the note has one; else in
 * the section where it belongs (HPI for the patient's explanation, Plan for a
 * shared decision), after the section it should follow when the note lacks
 * one, or at the end of the note where its section would be created. A note
 * with no headers at all gets it on the paragraph where the element belongs:
 * the first for the patient's story, the last for plans.
 */
import { PLACEHOLDER_RUN_SOURCE } from './text';
import type { PromptInsertion, Rule, RulePrompt, Section, SectionKind, Span } from './types';

export interface Placement {
  /** The range the diagnostic is shown on. */
  anchor: Span;
  insertion: PromptInsertion;
  /** Title of the section the prompt goes into, for messages ("HPI", "the note"). */
  sectionTitle: string;
}

/** What placement reads beyond the note's sections (from the compiled pack). */
export interface PlacementContext {
  /** A line labelled for the element, read at a line start (flags `iy`, group 1 what follows the colon); see labelledLineRegex. */
  labelledLine?: RegExp;
  /** The starts of the note's lines labelled with one of the element's labels (see labelledLinesOf), in text order. */
  lineStarts?: readonly number[];
  /** Whether a header is one of the pack's known section names: such a line is placed as its section. */
  knownHeader?: (title: string) => boolean;
}

/** End of the section's content, before its trailing blank lines. */
export function contentEnd(text: string, section: Section): number {
  let end = section.bodyRange.end;
  while (end > section.bodyRange.start && /\s/.test(text[end - 1])) end--;
  return Math.max(end, section.headerRange.end);
}

const NON_SPACE = /\S/g;

/** The first non-blank line at or after `from` (up to `to`), trimmed. */
function lineFrom(text: string, from = 0, to = text.length): Span {
  // Searched in place: no copy of the rest of the note per finding.
  NON_SPACE.lastIndex = from;
  const found = NON_SPACE.exec(text);
  if (!found || found.index >= to) return { start: from, end: from };
  const start = found.index;
  let end = text.indexOf('\n', start);
  if (end < 0 || end > to) end = to;
  while (end > start && /\s/.test(text[end - 1])) end--;
  return { start, end };
}

function headerOrFirstLine(text: string, section: Section): Span {
  return section.headerRange.end > section.headerRange.start ? section.headerRange : lineFrom(text, 0, section.range.end);
}

/** The last of the contiguous sections of `section`'s kind that start with it (sub-headings inherit the kind). */
function lastOfRun(sections: readonly Section[], section: Section): Section {
  let index = sections.indexOf(section);
  while (index + 1 < sections.length && sections[index + 1].kind === section.kind) index++;
  return sections[index];
}

const UNFILLED = new RegExp(`^([ \\t]*)((?:${PLACEHOLDER_RUN_SOURCE})?)[ \\t.]*$`);

/** Whether a section holds nothing written: its body is empty or a template placeholder. */
function unfilledSection(text: string, section: Section): boolean {
  const body = text.slice(section.bodyRange.start, section.bodyRange.end).trim();
  return !body.includes('\n') && UNFILLED.test(body);
}

/** The first line labelled for the element that is not itself a known section header (unless that section is unfilled). */
function labelledLinePlacement(text: string, sections: readonly Section[], context: PlacementContext, homeKinds: readonly SectionKind[]): Placement | undefined {
  const regex = context.labelledLine;
  if (!regex) return undefined;
  for (const lineStart of context.lineStarts ?? []) {
    regex.lastIndex = lineStart;
    const m = regex.exec(text);
    if (!m) continue;
    const afterColon = m.index + m[0].length - m[1].length;
    const header = sections.find((s) => s.headerRange.end > s.headerRange.start && s.headerRange.start >= lineStart && s.headerRange.start < afterColon);
    // A known header is its section's, unless the section is only this line left unfilled (`MOBILITY:` or `MOBILITY: ***` in a
    // template) and is no section the prompt is written in (an empty `PLAN:` gets its prompts below it, as any section does).
    if (header && context.knownHeader?.(header.title) && !(unfilledSection(text, header) && !homeKinds.includes(header.kind))) continue;
    const section = [...sections].reverse().find((s) => s.range.start <= lineStart);
    const line = lineFrom(text, lineStart, m.index + m[0].length);
    const rest = UNFILLED.exec(m[1].replace(/\r$/, ''));
    const insertion: PromptInsertion = { offset: line.end, ...(section && section.kind !== 'preamble' ? { section: section.kind } : {}) };
    if (rest) {
      const start = afterColon + rest[1].length;
      insertion.fill = { start, end: start + rest[2].length };
    }
    return { anchor: line, insertion, sectionTitle: section && section.kind !== 'preamble' && section.title ? section.title : 'the note' };
  }
  return undefined;
}

/** Sections that come early in a note: an element that belongs there belongs to the first paragraph of a note without headers. */
const EARLY_KINDS: ReadonlySet<SectionKind> = new Set([
  'preamble', 'visit-info', 'chief-complaint', 'hpi', 'subjective', 'ros', 'past-history', 'medications', 'allergies', 'social-history', 'family-history',
]);

/** A note without headers: the first paragraph for the story, the last for plans. */
function paragraphPlacement(text: string, prompt: RulePrompt): Placement {
  const end = text.trimEnd().length;
  const paragraphs: Span[] = [];
  const blank = /\n[ \t]*\r?\n/g;
  let from = 0;
  for (let m = blank.exec(text); m; m = blank.exec(text)) {
    if (/\S/.test(text.slice(from, m.index))) paragraphs.push({ start: from, end: m.index });
    from = m.index + m[0].length;
  }
  if (/\S/.test(text.slice(from))) paragraphs.push({ start: from, end: text.length });
  if (paragraphs.length === 0) return { anchor: { start: 0, end: 0 }, insertion: { offset: 0, createSection: prompt.createSection }, sectionTitle: 'the note' };
  const early = EARLY_KINDS.has(prompt.sections[0]);
  const paragraph = early ? paragraphs[0] : paragraphs[paragraphs.length - 1];
  const paragraphEnd = Math.min(end, text.slice(0, paragraph.end).trimEnd().length);
  return {
    anchor: lineFrom(text, paragraph.start, paragraph.end),
    // After the story, a labelled line; after the last paragraph, the section the prompt names.
    insertion: early ? { offset: paragraphEnd } : { offset: end, createSection: prompt.createSection },
    sectionTitle: 'the note',
  };
}

export function promptPlacement(text: string, sections: readonly Section[], rule: Rule, context: PlacementContext = {}): Placement {
  const labelled = labelledLinePlacement(text, sections, context, rule.prompt?.sections ?? []);
  if (labelled) return labelled;
  const prompt = rule.prompt;
  if (!prompt) {
    // No prompt: the first section its evidence is read in, if it names any; else the note as a whole, from line 1.
    const kinds = rule.evidence.flatMap((e) => e.sections ?? []);
    const first = sections.find((s) => s.kind !== 'preamble' && kinds.includes(s.kind));
    if (first) return { anchor: headerOrFirstLine(text, first), insertion: { offset: contentEnd(text, first), section: first.kind }, sectionTitle: first.title };
    return { anchor: lineFrom(text), insertion: { offset: text.trimEnd().length }, sectionTitle: 'the note' };
  }
  const headed = sections.filter((s) => s.kind !== 'preamble');
  if (headed.length === 0) return paragraphPlacement(text, prompt);
  for (const kind of prompt.sections) {
    const first = headed.find((s) => s.kind === kind);
    if (!first) continue;
    // The first section of the kind carries the diagnostic; the prompt goes after its sub-sections.
    return {
      anchor: headerOrFirstLine(text, first),
      insertion: { offset: contentEnd(text, lastOfRun(headed, first)), section: kind },
      sectionTitle: first.title,
    };
  }
  const after = prompt.createAfter ?? [];
  const host = [...headed].reverse().find((s) => after.includes(s.kind));
  if (host) {
    return {
      anchor: headerOrFirstLine(text, host),
      insertion: { offset: contentEnd(text, lastOfRun(headed, host)), createSection: prompt.createSection },
      sectionTitle: host.title,
    };
  }
  // No section it belongs in or follows: its section is created at the end, and the finding sits there, not on an unrelated header.
  const end = text.trimEnd().length;
  const lastLineStart = text.lastIndexOf('\n', end - 1) + 1;
  return {
    anchor: lineFrom(text, lastLineStart, end),
    insertion: { offset: end, createSection: prompt.createSection },
    sectionTitle: 'the note',
  };
}
