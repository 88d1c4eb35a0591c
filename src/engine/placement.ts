/**
 * Where a missing element's diagnostic is shown and its prompt inserted: in
 * the section where it belongs (HPI for the patient's explanation, Plan for a
 * shared decision), after the section it should follow when the note lacks
 * one, and on the first line only when the note has no sections at all.
 */
import type { PromptInsertion, Rule, Section, Span } from './types';

export interface Placement {
  /** The range the diagnostic is shown on. */
  anchor: Span;
  insertion: PromptInsertion;
  /** Title of the section the prompt goes into, for messages ("HPI", "the note"). */
  sectionTitle: string;
}

/** End of the section's content, before its trailing blank lines. */
export function contentEnd(text: string, section: Section): number {
  let end = section.bodyRange.end;
  while (end > section.bodyRange.start && /\s/.test(text[end - 1])) end--;
  return Math.max(end, section.headerRange.end);
}

function firstLine(text: string): Span {
  const start = text.search(/\S/);
  if (start < 0) return { start: 0, end: 0 };
  let end = text.indexOf('\n', start);
  if (end < 0) end = text.length;
  if (text[end - 1] === '\r') end--;
  return { start, end };
}

function headerOrFirstLine(text: string, section: Section): Span {
  return section.headerRange.end > section.headerRange.start ? section.headerRange : firstLine(text.slice(0, section.range.end));
}

/** The last of the contiguous sections of `section`'s kind that start with it (sub-headings inherit the kind). */
function lastOfRun(sections: readonly Section[], section: Section): Section {
  let index = sections.indexOf(section);
  while (index + 1 < sections.length && sections[index + 1].kind === section.kind) index++;
  return sections[index];
}

export function promptPlacement(text: string, sections: readonly Section[], rule: Rule): Placement {
  const prompt = rule.prompt;
  const headed = sections.filter((s) => s.kind !== 'preamble');
  if (!prompt || headed.length === 0) {
    return {
      anchor: firstLine(text),
      insertion: { offset: text.trimEnd().length, createSection: prompt?.createSection },
      sectionTitle: 'the note',
    };
  }
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
  const lastSection = headed[headed.length - 1];
  return {
    anchor: headerOrFirstLine(text, lastSection),
    insertion: { offset: text.trimEnd().length, createSection: prompt.createSection },
    sectionTitle: 'the note',
  };
}
