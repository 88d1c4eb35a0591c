/**
 * A literal prefilter for rule patterns. Most paragraphs hold nothing a given
 * rule looks for; a pattern's full regular expression (often large, and
 * compiled by V8 only when first run) is worth running on a paragraph only if
 * one of the literal words every match must begin with occurs there. The
 * prefixes are read from the pattern itself, conservatively: a pattern whose
 * start cannot be read as literals gets no prefilter and always runs.
 */

const META = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** Beyond this many alternatives a prefilter costs more than it saves. */
const MAX_PREFIXES = 300;

interface Parsed {
  /** Every match of the parsed part begins with one of these. */
  prefixes: string[] | undefined;
  /** The prefixes are the whole of what the part can match, so what follows may extend them. */
  complete: boolean;
  end: number;
}

/** Index just past the group that opens at `i`. */
function skipBalanced(source: string, i: number): number {
  let depth = 0;
  for (; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = skipClass(source, i) - 1;
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i + 1;
  }
  return source.length;
}

function skipClass(source: string, i: number): number {
  for (i++; i < source.length; i++) {
    if (source[i] === '\\') i++;
    else if (source[i] === ']') return i + 1;
  }
  return source.length;
}

/** Index of the `|` or `)` that ends the alternative containing `i` (at its own depth). */
function endOfAlternative(source: string, i: number): number {
  for (; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '[') i = skipClass(source, i) - 1;
    else if (c === '(') i = skipBalanced(source, i) - 1;
    else if (c === '|' || c === ')') return i;
  }
  return source.length;
}

/** Whether the quantifier at `i` (if any) lets the preceding atom match zero times. */
function optionalAt(source: string, i: number): boolean {
  const c = source[i];
  return c === '?' || c === '*' || (c === '{' && /^\{0[,}]/.test(source.slice(i)));
}

function quantifierAt(source: string, i: number): boolean {
  const c = source[i];
  return c === '?' || c === '*' || c === '+' || (c === '{' && /^\{\d/.test(source.slice(i)));
}

function zeroWidthAt(source: string, i: number): number {
  if (source.startsWith('(?=', i) || source.startsWith('(?!', i) || source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) {
    return skipBalanced(source, i);
  }
  if (source.startsWith('\\b', i) || source.startsWith('\\B', i)) return i + 2;
  return i;
}

function parseAlternation(source: string, i: number): Parsed {
  const all: string[] = [];
  let ok = true;
  let complete = true;
  for (;;) {
    const alternative = parseSequence(source, i);
    if (alternative.prefixes) all.push(...alternative.prefixes);
    else ok = false;
    complete &&= alternative.complete;
    const end = endOfAlternative(source, alternative.end);
    if (source[end] === '|') {
      i = end + 1;
      continue;
    }
    return { prefixes: ok ? all : undefined, complete: ok && complete, end };
  }
}

/**
 * Once every prefix holds its first whole word, reading further buys little
 * selectivity and multiplies the alternatives (and the prefilter's size).
 */
function wordComplete(prefixes: readonly string[]): boolean {
  return prefixes.every((p) => p.includes(' '));
}

function join(heads: string[], tails: string[]): string[] | undefined {
  if (heads.length * tails.length > MAX_PREFIXES) return undefined;
  return heads.flatMap((h) => tails.map((t) => h + t));
}

function parseSequence(source: string, i: number): Parsed {
  let prefixes = [''];
  const stop = (complete: boolean): Parsed => ({
    prefixes: prefixes.every((p) => p.length > 0) ? prefixes : undefined,
    complete,
    end: i,
  });
  for (;;) {
    for (let next = zeroWidthAt(source, i); next !== i; next = zeroWidthAt(source, i)) i = next;
    if (i >= source.length || source[i] === '|' || source[i] === ')') return stop(true);
    const c = source[i];
    if (c === '(') {
      const inner = source.startsWith('(?:', i) ? i + 3 : source.startsWith('(?<', i) ? source.indexOf('>', i) + 1 : i + 1;
      const group = parseAlternation(source, inner);
      const after = skipBalanced(source, i);
      if (!group.prefixes || optionalAt(source, after)) return stop(false);
      const joined = join(prefixes, group.prefixes);
      if (!joined) return stop(false);
      prefixes = joined;
      i = after;
      if (!group.complete || quantifierAt(source, after) || wordComplete(prefixes)) return stop(false);
      continue;
    }
    let atom: string[];
    let width = 1;
    if (c === '\\') {
      const next = source[i + 1] ?? '';
      width = 2;
      if (next === 'd') atom = DIGITS;
      else if (/[A-Za-z0-9]/.test(next)) return stop(false); // another class: \s, \w, \S ...
      else atom = [next];
    } else if (META.has(c)) return stop(false);
    else atom = [c];
    if (optionalAt(source, i + width)) return stop(false);
    const joined = join(prefixes, atom);
    if (!joined) return stop(false);
    prefixes = joined;
    i += width;
    if (quantifierAt(source, i) || wordComplete(prefixes)) return stop(false);
  }
}

/**
 * The literal texts that every match of `source` (a case-folded pattern) begins
 * with, or undefined when they cannot be read or are too short to filter.
 */
export function literalPrefixes(source: string): string[] | undefined {
  try {
    const { prefixes, end } = parseAlternation(source, 0);
    if (!prefixes || end !== source.length) return undefined;
    return [...new Set(prefixes)];
  } catch {
    return undefined;
  }
}

/** A cheap regular expression that finds where any of the prefixes starts a word. */
export function prefilterFor(source: string): RegExp | undefined {
  const prefixes = literalPrefixes(source);
  if (!prefixes) return undefined;
  const escaped = prefixes.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`(?<![a-z0-9])(?:${escaped.join('|')})`);
}
