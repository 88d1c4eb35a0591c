/**
 * A static check for regular expressions from rule packs.
 *
 * JavaScript regular expressions run synchronously and cannot be interrupted,
 * so a pattern that backtracks catastrophically would freeze the editor on a
 * long note; a timeout is impossible without a worker. Instead, patterns are
 * parsed here and the shapes that cause super-linear backtracking are refused
 * before they ever run:
 *
 * - nested quantifiers: a quantifier inside a repeated group (`(a+)+`,
 *   `(a*)*`, `(\s*\w+)*`), unless the inner one is a single character class
 *   closed by a required delimiter it cannot match (`(?:\w+\s)*` is fine);
 * - overlapping alternatives under a repeat (`(a|a)*`, `(a|ab)+`, `(\w|\d)+`):
 *   the alternatives of a repeated group must differ at some fixed position;
 * - two unbounded quantifiers in a row that can match the same characters
 *   (`\w+\w+`, `\d+\.?\d+`, `.*.*`), which backtrack polynomially;
 * - backreferences (`\1`, `\k<name>`), which defeat any such reasoning;
 * - over-long patterns (pack files only; the built-in rules are reviewed code).
 *
 * The check is conservative: it may refuse a pattern that would have been
 * safe, never the other way round for the shapes above. Character sets are
 * compared under the flags the engine uses (`iu`).
 */
import {
  ANY,
  DIGIT,
  DOT,
  SPACE,
  WORD,
  caseFold,
  complement,
  intersects,
  single,
  union,
  unicodeProperty,
  type CharSet,
} from './charset';

export const MAX_PATTERN_LENGTH = 2000;
/** Alternatives of a repeated group are compared pairwise; beyond this many the group is too complex to check. */
const MAX_EXPANSIONS = 64;

type Node =
  | { type: 'set'; chars: CharSet }
  | { type: 'assert' }
  | { type: 'backref'; text: string }
  | { type: 'group'; lookaround: boolean; body: Node[][] }
  | { type: 'quant'; min: number; max: number; body: Node; text: string };

/** Thrown for syntax this checker does not know; the pattern is then refused rather than guessed at. */
class Unsupported extends Error {}

class Parser {
  private i = 0;

  constructor(private readonly source: string) {}

  parse(): Node[][] {
    const body = this.alternation();
    if (this.i < this.source.length) throw new Unsupported(`unexpected "${this.source[this.i]}" at ${this.i}`);
    return body;
  }

  private peek(offset = 0): string {
    return this.source[this.i + offset] ?? '';
  }

  private alternation(): Node[][] {
    const alternatives = [this.sequence()];
    while (this.peek() === '|') {
      this.i++;
      alternatives.push(this.sequence());
    }
    return alternatives;
  }

  private sequence(): Node[] {
    const items: Node[] = [];
    while (this.i < this.source.length && this.peek() !== '|' && this.peek() !== ')') {
      const start = this.i;
      const atom = this.atom();
      items.push(this.quantified(atom, start));
    }
    return items;
  }

  private quantified(atom: Node, start: number): Node {
    let min: number;
    let max: number;
    const c = this.peek();
    if (c === '*') [min, max] = [0, Infinity];
    else if (c === '+') [min, max] = [1, Infinity];
    else if (c === '?') [min, max] = [0, 1];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.source.slice(this.i));
      if (!m) throw new Unsupported('malformed {n,m}');
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3]);
      this.i += m[0].length - 1;
    } else return atom;
    this.i++;
    if (this.peek() === '?') this.i++;
    if (atom.type === 'assert' || (atom.type === 'group' && atom.lookaround)) return atom;
    return { type: 'quant', min, max, body: atom, text: this.source.slice(start, this.i) };
  }

  private atom(): Node {
    const c = this.peek();
    if (c === '(') return this.group();
    if (c === '[') return { type: 'set', chars: this.characterClass() };
    if (c === '.') {
      this.i++;
      return { type: 'set', chars: DOT };
    }
    if (c === '^' || c === '$') {
      this.i++;
      return { type: 'assert' };
    }
    if (c === '\\') return this.escape();
    return { type: 'set', chars: caseFold(single(this.codePoint())) };
  }

  private codePoint(): number {
    const value = this.source.codePointAt(this.i)!;
    this.i += value > 0xffff ? 2 : 1;
    return value;
  }

  private group(): Node {
    const rest = this.source.slice(this.i);
    let lookaround = false;
    if (rest.startsWith('(?:')) this.i += 3;
    else if (rest.startsWith('(?=') || rest.startsWith('(?!')) {
      lookaround = true;
      this.i += 3;
    } else if (rest.startsWith('(?<=') || rest.startsWith('(?<!')) {
      lookaround = true;
      this.i += 4;
    } else if (rest.startsWith('(?<')) {
      const close = rest.indexOf('>');
      if (close < 0) throw new Unsupported('unterminated group name');
      this.i += close + 1;
    } else if (rest.startsWith('(?')) throw new Unsupported(`group syntax "${rest.slice(0, 4)}"`);
    else this.i += 1;
    const body = this.alternation();
    if (this.peek() !== ')') throw new Unsupported('unterminated group');
    this.i++;
    return { type: 'group', lookaround, body };
  }

  private escape(): Node {
    const start = this.i;
    this.i++; // backslash
    const c = this.peek();
    if (c === 'b' || c === 'B') {
      this.i++;
      return { type: 'assert' };
    }
    if (c === 'k') {
      const m = /^k<[^>]+>/.exec(this.source.slice(this.i));
      if (!m) throw new Unsupported('malformed \\k');
      this.i += m[0].length;
      return { type: 'backref', text: this.source.slice(start, this.i) };
    }
    if (/[1-9]/.test(c)) {
      const m = /^\d+/.exec(this.source.slice(this.i))!;
      this.i += m[0].length;
      return { type: 'backref', text: this.source.slice(start, this.i) };
    }
    this.i = start;
    return { type: 'set', chars: caseFold(this.characterEscape(false)) };
  }

  /** A character or class escape at `\`; in a class `\b` is a backspace. */
  private characterEscape(inClass: boolean): CharSet {
    this.i++; // backslash
    const c = this.peek();
    this.i++;
    switch (c) {
      case 'd': return DIGIT;
      case 'D': return complement(DIGIT);
      case 'w': return WORD;
      case 'W': return complement(WORD);
      case 's': return SPACE;
      case 'S': return complement(SPACE);
      case 'f': return single(12);
      case 'n': return single(10);
      case 'r': return single(13);
      case 't': return single(9);
      case 'v': return single(11);
      case '0': return single(0);
      case 'b':
        if (inClass) return single(8);
        throw new Unsupported('\\b');
      case 'c': {
        const letter = this.peek();
        this.i++;
        return single(letter.charCodeAt(0) % 32);
      }
      case 'x': {
        const hex = this.source.slice(this.i, this.i + 2);
        this.i += 2;
        return single(parseInt(hex, 16));
      }
      case 'u': {
        const m = /^(?:\{([0-9a-fA-F]+)\}|([0-9a-fA-F]{4}))/.exec(this.source.slice(this.i));
        if (!m) throw new Unsupported('malformed \\u');
        this.i += m[0].length;
        return single(parseInt(m[1] ?? m[2], 16));
      }
      case 'p':
      case 'P': {
        const m = /^\{([^}]+)\}/.exec(this.source.slice(this.i));
        if (!m) throw new Unsupported('malformed \\p');
        this.i += m[0].length;
        const set = unicodeProperty(m[1]);
        // \P of an over-approximated set cannot be computed exactly; stay conservative.
        return c === 'p' ? set : ANY;
      }
      default:
        this.i -= 1;
        return single(this.codePoint());
    }
  }

  private characterClass(): CharSet {
    this.i++; // [
    const negated = this.peek() === '^';
    if (negated) this.i++;
    const parts: CharSet[] = [];
    while (this.i < this.source.length && this.peek() !== ']') {
      const low = this.classAtom();
      if (this.peek() === '-' && this.peek(1) !== ']' && this.peek(1) !== '' && low.length === 1 && low[0][0] === low[0][1]) {
        this.i++;
        const high = this.classAtom();
        if (high.length !== 1 || high[0][0] !== high[0][1]) throw new Unsupported('class range to a class');
        parts.push([[low[0][0], high[0][0]]]);
      } else {
        parts.push(low);
      }
    }
    if (this.peek() !== ']') throw new Unsupported('unterminated class');
    this.i++;
    const set = union(...parts.map(caseFold));
    return negated ? complement(set) : set;
  }

  /** One class member, unfolded so that a range reads its ends (the class is folded as a whole). */
  private classAtom(): CharSet {
    return this.peek() === '\\' ? this.characterEscape(true) : single(this.codePoint());
  }
}

function walk(nodes: Node[][], visit: (node: Node) => void): void {
  for (const sequence of nodes) {
    for (const node of sequence) {
      visit(node);
      if (node.type === 'group') walk(node.body, visit);
      if (node.type === 'quant') walk([[node.body]], visit);
    }
  }
}

function isRepeat(node: Node): node is Extract<Node, { type: 'quant' }> {
  return node.type === 'quant' && node.max > 1;
}

/** `(?:x)` and `(x)` read as `x`: a group of one item adds nothing to the shape. */
function unwrap(node: Node): Node {
  while (node.type === 'group' && !node.lookaround && node.body.length === 1 && node.body[0].length === 1) node = node.body[0][0];
  return node;
}

/** A quantifier applied to one character set: `\w+`, `[a-z]*`, `x?`, `(\w+)`. */
function simpleQuant(given: Node): { set: CharSet; min: number; max: number; text: string } | undefined {
  const node = unwrap(given);
  if (node.type !== 'quant') return undefined;
  const body = unwrap(node.body);
  return body.type === 'set' ? { set: body.chars, min: node.min, max: node.max, text: node.text } : undefined;
}

/** The characters a required single-character item matches; undefined when the item may be empty or is not one character. */
function requiredSet(given: Node | undefined): CharSet | undefined {
  if (!given) return undefined;
  const node = unwrap(given);
  if (node.type === 'set') return node.chars;
  const q = simpleQuant(node);
  return q && q.min >= 1 ? q.set : undefined;
}

function canBeEmpty(node: Node): boolean {
  switch (node.type) {
    case 'set': return false;
    case 'assert': return true;
    case 'backref': return true;
    case 'group': return node.lookaround || node.body.some((seq) => seq.every(canBeEmpty));
    case 'quant': return node.min === 0 || canBeEmpty(node.body);
  }
}

/** Characters that can start a match of the sequence. */
function firstSet(sequence: Node[]): CharSet {
  const parts: CharSet[] = [];
  for (const node of sequence) {
    if (node.type === 'set') return union(...parts, node.chars);
    if (node.type === 'group' && !node.lookaround) parts.push(union(...node.body.map(firstSet)));
    if (node.type === 'quant') parts.push(node.body.type === 'set' ? node.body.chars : firstSet([node.body]));
    if (!canBeEmpty(node)) break;
  }
  return union(...parts);
}

interface Token {
  set: CharSet;
  /** Matches a variable number of characters (an inner delimited quantifier). */
  variable: boolean;
}

/** The alternatives of a quantifier-free body as token sequences; undefined when there are too many. */
function expansions(sequence: Node[]): Token[][] | undefined {
  let result: Token[][] = [[]];
  for (const node of sequence) {
    let options: Token[][];
    if (node.type === 'set') options = [[{ set: node.chars, variable: false }]];
    else if (node.type === 'quant') {
      const q = simpleQuant(node);
      options = q ? [[{ set: q.set, variable: true }]] : [[{ set: ANY, variable: true }]];
    } else if (node.type === 'group' && !node.lookaround) {
      options = [];
      for (const alternative of node.body) {
        const inner = expansions(alternative);
        if (!inner) return undefined;
        options.push(...inner);
      }
    } else continue; // zero-width
    const next: Token[][] = [];
    for (const prefix of result) for (const option of options) next.push([...prefix, ...option]);
    if (next.length > MAX_EXPANSIONS) return undefined;
    result = next;
  }
  return result;
}

/** Whether two alternatives can match the same text, or one a prefix of the other's. */
function overlapping(a: Token[], b: Token[]): boolean {
  for (let i = 0; ; i++) {
    if (i >= a.length || i >= b.length) return true;
    if (!intersects(a[i].set, b[i].set)) return false;
    if (a[i].variable || b[i].variable) return true;
  }
}

/** Why a repeated group backtracks catastrophically, or undefined. */
function repeatedGroupProblem(node: Extract<Node, { type: 'quant' }>): string | undefined {
  const alternatives = node.body.type === 'group' ? node.body.body : [[node.body]];
  const bodyFirst = union(...alternatives.map(firstSet));
  for (const sequence of alternatives) {
    for (let k = 0; k < sequence.length; k++) {
      const inner = sequence[k];
      let problem: string | undefined;
      walk([[inner]], (n) => {
        if (n.type !== 'quant' || problem) return;
        const q = n === unwrap(inner) ? simpleQuant(n) : undefined;
        if (!q) {
          problem = `nested quantifier: "${n.text}" is repeated inside "${node.text}"`;
          return;
        }
        // The inner run must end at a character it cannot match: the next required item, or the start of the next repetition.
        const after = k + 1 < sequence.length ? requiredSet(sequence[k + 1]) : bodyFirst;
        if (!after || intersects(q.set, after)) {
          problem = `nested quantifier: "${n.text}" inside "${node.text}" can match the same text in more than one way`;
        }
      });
      if (problem) return problem;
    }
  }
  const expanded: Token[][] = [];
  for (const sequence of alternatives) {
    const tokens = expansions(sequence);
    if (!tokens) return `"${node.text}" repeats too many alternatives to check; simplify it`;
    expanded.push(...tokens);
  }
  for (let x = 0; x < expanded.length; x++) {
    for (let y = x + 1; y < expanded.length; y++) {
      if (overlapping(expanded[x], expanded[y])) {
        return `overlapping alternatives under a quantifier: "${node.text}" can match the same text in more than one way`;
      }
    }
  }
  if (alternatives.some((sequence) => sequence.every(canBeEmpty))) {
    return `"${node.text}" repeats something that can be empty`;
  }
  return undefined;
}

/** Two unbounded runs over shared characters with only optional or shared characters between them: polynomial backtracking. */
function adjacentRunsProblem(sequence: Node[]): string | undefined {
  for (let i = 0; i < sequence.length; i++) {
    const first = simpleQuant(sequence[i]);
    if (!first || first.max !== Infinity) continue;
    for (let j = i + 1; j < sequence.length; j++) {
      const node = unwrap(sequence[j]);
      if (node.type === 'assert') continue;
      if (node.type === 'set') {
        if (!intersects(node.chars, first.set)) break;
        continue;
      }
      const next = simpleQuant(node);
      if (!next) break;
      if (next.max === Infinity && intersects(next.set, first.set)) {
        return `"${first.text}" and "${next.text}" can match the same characters one after the other, which backtracks on long text`;
      }
      if (next.min >= 1 && !intersects(next.set, first.set)) break;
    }
  }
  return undefined;
}

/**
 * Why a pattern is refused, or undefined when it is safe to run. The source
 * must already compile with the `u` flag; the message names the construct
 * and suggests what to write instead.
 */
export function regexSafetyProblem(source: string, options: { maxLength?: number } = {}): string | undefined {
  const maxLength = options.maxLength ?? MAX_PATTERN_LENGTH;
  if (source.length > maxLength) {
    return `pattern is ${source.length} characters long; the limit is ${maxLength} (split it into several evidence entries, or use "phrases")`;
  }
  let tree: Node[][];
  try {
    tree = new Parser(source).parse();
  } catch (error) {
    return `pattern uses syntax the safety check does not support (${(error as Error).message})`;
  }
  let problem: string | undefined;
  const sequences: Node[][] = [...tree];
  walk(tree, (node) => {
    if (problem) return;
    if (node.type === 'backref') problem = `backreference "${node.text}" is not allowed (it can make matching exponential); repeat the words instead`;
    else if (node.type === 'group') sequences.push(...node.body);
    else if (isRepeat(node)) {
      const found = repeatedGroupProblem(node);
      if (found) problem = `${found}; write the alternatives out without the outer repeat, or use a bounded, delimited form such as (?:\\w+\\s){0,3}`;
    }
  });
  if (problem) return problem;
  for (const sequence of sequences) {
    const found = adjacentRunsProblem(sequence);
    if (found) return `${found}; keep one of them, or bound the gap, e.g. [^.]{0,60}`;
  }
  return undefined;
}
