/**
 * A cheap sentence splitter for the hot path: line breaks, then sentence-final
 * punctuation followed by a capital, skipping clinical abbreviations (p.o.,
 * b.i.d., Dr.). compromise is kept for the few candidate sentences that need
 * linguistic structure (see attribution.ts).
 */
import type { Span } from './types';

// Words that end in a period without ending the sentence.
const ABBREVIATION = /(?:\b(?:dr|mr|mrs|ms|st|vs|etc|approx|no|fig|pt|pts|hx|dx|tx|sx|yo|y\/o|mg|ml|min|hrs?|wks?|mos?|yrs?|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)|\b(?:[a-z]\.){1,4}[a-z]?)\.$/i;

// Starts only at the first mark of a run ("?!", "..."): retrying from every mark of a long run is quadratic.
const BOUNDARY = /(?<![.!?])[.!?]+["'”’)]*\s+(?=["'“‘(]?[A-Z0-9])/g;

/** Splits [start, end) of `text` into sentences, trimmed of surrounding whitespace. */
export function splitSentences(text: string, start: number, end: number, push: (span: Span) => void): void {
  let lineStart = start;
  while (lineStart < end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1 || lineEnd > end) lineEnd = end;
    splitLine(text, lineStart, lineEnd, push);
    lineStart = lineEnd + 1;
  }
}

function splitLine(text: string, start: number, end: number, push: (span: Span) => void): void {
  const line = text.slice(start, end);
  let from = 0;
  BOUNDARY.lastIndex = 0;
  for (let m = BOUNDARY.exec(line); m; m = BOUNDARY.exec(line)) {
    const head = line.slice(Math.max(from, m.index - 12), m.index + 1);
    if (ABBREVIATION.test(head)) continue;
    emit(text, start + from, start + m.index + m[0].trimEnd().length, push);
    from = m.index + m[0].length;
  }
  emit(text, start + from, end, push);
}

function emit(text: string, start: number, end: number, push: (span: Span) => void): void {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  if (end > start) push({ start, end });
}
