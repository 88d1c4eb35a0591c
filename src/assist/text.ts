/** Small text helpers of the assist layer. */

/** The line break the note already uses. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The end of the line holding `offset` (before its line break). */
export function lineEndAt(text: string, offset: number): number {
  const at = Math.max(0, Math.min(offset, text.length));
  const match = /\r\n|\r|\n/.exec(text.slice(at));
  return match ? at + match.index : text.length;
}

/** The start of the line holding `offset`. */
export function lineStartAt(text: string, offset: number): number {
  const at = Math.max(0, Math.min(offset, text.length));
  let start = at;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

/** `text` cut to at most `max` characters at a word boundary, with an ellipsis when cut. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, Math.max(0, max - 1));
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, '')}…`;
}
