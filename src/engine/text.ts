/** Offsets ↔ line/column, and small text helpers shared by the engine and its faces. */

export interface Position {
  /** 0-based line. */
  line: number;
  /** 0-based UTF-16 column. */
  character: number;
}

/** Maps offsets to positions; a `\r\n` counts as one line break, as in VS Code. */
export class LineIndex {
  private readonly starts: number[];

  constructor(private readonly text: string) {
    const starts = [0];
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 /* \n */) starts.push(i + 1);
      else if (c === 13 /* \r */) {
        if (text.charCodeAt(i + 1) === 10) i++;
        starts.push(i + 1);
      }
    }
    this.starts = starts;
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: clamped - this.starts[low] };
  }

  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.starts.length - 1));
    return Math.min(this.starts[line] + Math.max(0, position.character), this.lineEnd(line));
  }

  lineStart(line: number): number {
    return this.starts[line];
  }

  /** Offset of the end of the line's content (before its line break). */
  lineEnd(line: number): number {
    let end = line + 1 < this.starts.length ? this.starts[line + 1] : this.text.length;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.starts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }
}

/**
 * Template placeholders a clinician has not filled in: ***, [ ], ___, {...}, <...>, XX ("Follow up in XX weeks").
 * Two X's or more after a title or a test form ("Mrs. XXX", "Form XX") are a name or form left out, not a prompt;
 * after a digit and a comma they are a karyotype ("46,XX").
 */
export const PLACEHOLDER_SOURCE = String.raw`\*{3,}|\[\s*\]|_{3,}|\{[^{}\n]{0,60}\}|<[A-Za-z][^<>\n]{0,80}>|\?{3,}|(?<!\b(?:[Mm]rs?|[Mm]s|[Mm]iss|[Dd]r|[Ff]orm)\.? |\d,)\bX{2,}\b`;

/** Placeholders in a row (`<language>; <name or ID>`), as a regular-expression source. */
export const PLACEHOLDER_RUN_SOURCE = `(?:${PLACEHOLDER_SOURCE})(?:[ \\t;,./-]*(?:${PLACEHOLDER_SOURCE}))*`;

const PLACEHOLDER_ONLY = new RegExp(String.raw`(?:${PLACEHOLDER_SOURCE})`, 'g');

/** Counts the words of `text` that are real content, not placeholders or punctuation. */
export function contentWordCount(text: string): number {
  const stripped = text.replace(PLACEHOLDER_ONLY, ' ');
  const words = stripped.match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu);
  return words ? words.length : 0;
}

/** Escapes a literal for use inside a regular expression. */
export function escapeRegExp(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Lower-cases ASCII letters one for one, so every offset stays valid. Rule
 * regular expressions run on this form of the text: matching without the `i`
 * flag is about three times faster in V8.
 */
export function foldCase(text: string): string {
  // ASCII only (most notes): lower-casing all of it is the same, and one native call.
  if (!NON_ASCII.test(text)) return text.toLowerCase();
  return text.replace(/[A-Z]+/g, (run) => run.toLowerCase());
}

const NON_ASCII = /[^\x00-\x7f]/;

/** The same pattern for case-folded text: ASCII letters lower-cased, escapes (\S, \W, \B ...) kept. */
export function foldPatternSource(source: string): string {
  // One native pass (a pack's sources add up to over 100 KB, folded on a cold start): a letter run is
  // lower-cased unless an odd number of backslashes stands before it, which escapes its first letter.
  return source.replace(UNESCAPED_CAPITALS, (run) => run.toLowerCase());
}

/** Capital letters that no backslash escapes: preceded by an even number of backslashes (none included). */
const UNESCAPED_CAPITALS = /(?<=(?:^|[^\\])(?:\\\\)*)[A-Z]+/g;
