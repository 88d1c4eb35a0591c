/**
 * Sets of code points as sorted, disjoint, inclusive ranges: just enough to
 * ask whether two parts of a regular expression can match the same character.
 * Non-ASCII classes are over-approximated (a larger set can only make the
 * safety check stricter, never laxer).
 */
export type CharSet = readonly (readonly [number, number])[];

export const MAX_CODE_POINT = 0x10ffff;
export const ANY: CharSet = [[0, MAX_CODE_POINT]];

export function charSet(...ranges: (readonly [number, number])[]): CharSet {
  const sorted = ranges.filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export function single(cp: number): CharSet {
  return [[cp, cp]];
}

export function union(...sets: CharSet[]): CharSet {
  return charSet(...sets.flat());
}

export function complement(set: CharSet): CharSet {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

export function intersects(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i][1] < b[j][0]) i++;
    else if (b[j][1] < a[i][0]) j++;
    else return true;
  }
  return false;
}

const cp = (c: string): number => c.codePointAt(0)!;

export const DIGIT: CharSet = [[cp('0'), cp('9')]];
export const WORD: CharSet = charSet([cp('0'), cp('9')], [cp('A'), cp('Z')], [cp('_'), cp('_')], [cp('a'), cp('z')]);
/** ECMAScript WhiteSpace and LineTerminator. */
export const SPACE: CharSet = charSet(
  [9, 13],
  [32, 32],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
);
export const LINE_TERMINATORS: CharSet = charSet([10, 10], [13, 13], [0x2028, 0x2029]);
export const DOT: CharSet = complement(LINE_TERMINATORS);

/** Every non-ASCII code point that is not white space: where letters and digits of other scripts live. */
const NON_ASCII_NON_SPACE: CharSet = complement(union([[0, 127]], SPACE));

/**
 * `\p{...}` over-approximated: letter-like and number-like properties keep
 * out ASCII punctuation and white space (so `\p{L}+\s+` is seen as safe);
 * any other property is treated as every character.
 */
export function unicodeProperty(name: string): CharSet {
  const value = name.includes('=') ? name.slice(name.indexOf('=') + 1) : name;
  if (/^(?:L|Letter|Lu|Uppercase_Letter|Ll|Lowercase_Letter|Lt|Lm|Lo|Alphabetic|Alpha|Uppercase|Lowercase|Latin|Latn)$/.test(value)) {
    return union([[cp('A'), cp('Z')], [cp('a'), cp('z')]], NON_ASCII_NON_SPACE);
  }
  if (/^(?:N|Number|Nd|Decimal_Number|digit|Nl|No)$/.test(value)) return union(DIGIT, NON_ASCII_NON_SPACE);
  if (/^(?:White_Space|space|Zs|Space_Separator)$/.test(value)) return SPACE;
  return ANY;
}

/** Adds the other case of every cased character (the `i` flag). ASCII exactly; other scripts for small sets. */
export function caseFold(set: CharSet): CharSet {
  const extra: [number, number][] = [];
  for (const [lo, hi] of set) {
    const upperLo = Math.max(lo, cp('A'));
    const upperHi = Math.min(hi, cp('Z'));
    if (upperLo <= upperHi) extra.push([upperLo + 32, upperHi + 32]);
    const lowerLo = Math.max(lo, cp('a'));
    const lowerHi = Math.min(hi, cp('z'));
    if (lowerLo <= lowerHi) extra.push([lowerLo - 32, lowerHi - 32]);
    if (hi > 127 && hi - Math.max(lo, 128) < 512) {
      for (let c = Math.max(lo, 128); c <= hi; c++) {
        const s = String.fromCodePoint(c);
        for (const other of [s.toLowerCase(), s.toUpperCase()]) {
          if ([...other].length === 1) extra.push([cp(other), cp(other)]);
        }
      }
    }
  }
  return extra.length ? union(set, extra) : set;
}
