/**
 * One pass over a paragraph for the literals of every rule pattern. Most
 * paragraphs hold nothing a given rule looks for; a pattern's full regular
 * expression (often large, and compiled by V8 only when first run) need run
 * only where one of the literal words every match begins with occurs. The
 * literals are read from each pattern itself, conservatively: a pattern whose
 * start cannot be read as literals gets none and is run over the whole
 * paragraph. All literals of a pack go into one trie, walked once per word
 * start, so a paragraph costs one scan however many patterns the pack holds.
 */
import readAhead from '../rules/literals.generated.json';
import builtInTrie from '../rules/literal-trie.generated.json';
import type { Span } from './types';

const META = new Set(['\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}']);
const QUANTIFIERS = new Set(['?', '*', '+', '{']);
const DIGITS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];
/** A literal's space stands for any white space (`\s` reads as one; see LiteralScanner). */
const SPACE = [' '];
/** Beyond this many alternatives, reading a pattern's literals costs more than it saves. */
const MAX_PREFIXES = 300;
/** A character class of more characters than this is not read as alternatives. */
const MAX_CLASS = 26;

/** The texts every match of a part of a pattern begins with. */
interface Parsed {
  /** Texts that are the whole of what the part matched, so what follows extends them. */
  open: string[];
  /** Texts that are only how a match of the part begins ('' says nothing). */
  done: string[];
  end: number;
}

/**
 * Where each group and class of a pattern ends, and each alternative: read in one pass, so that
 * reading literals costs time in proportion to the pattern, not to its length times its depth of
 * nesting (a pack's sources add up to over 100 KB, and are read on a cold start).
 */
interface Structure {
  source: string;
  /** At a `(` or `[`: the index just past its `)` or `]`. */
  closeAfter: Int32Array;
  /** At any index outside a class: the index of the `|` or `)` that ends the alternative holding it. */
  alternativeEnd: Int32Array;
}

let lastStructure: Structure | undefined;

function structureOf(source: string): Structure {
  if (lastStructure?.source === source) return lastStructure;
  const n = source.length;
  const closeAfter = new Int32Array(n);
  const alternativeEnd = new Int32Array(n).fill(n);
  /** Per open group (and the top level): its `(` and the indices waiting for their alternative's end. */
  const opens: number[] = [];
  const waiting: number[][] = [[]];
  const settle = (end: number) => {
    const list = waiting[waiting.length - 1];
    for (const at of list) alternativeEnd[at] = end;
    list.length = 0;
  };
  for (let i = 0; i < n; i++) {
    const c = source[i];
    if (c === '|' || c === ')') {
      settle(i);
      alternativeEnd[i] = i;
      if (c === ')' && opens.length > 0) {
        closeAfter[opens.pop()!] = i + 1;
        waiting.pop();
      }
      continue;
    }
    waiting[waiting.length - 1].push(i);
    if (c === '\\') {
      i++;
    } else if (c === '[') {
      let j = i + 1;
      for (; j < n; j++) {
        if (source[j] === '\\') j++;
        else if (source[j] === ']') break;
      }
      closeAfter[i] = Math.min(j + 1, n);
      i = j;
    } else if (c === '(') {
      opens.push(i);
      closeAfter[i] = n;
      waiting.push([]);
    }
  }
  // Unclosed groups (an invalid pattern) end with the source, as the scans this replaces did.
  return (lastStructure = { source, closeAfter, alternativeEnd });
}

/** Index just past the group that opens at `i`. */
function skipBalanced(source: string, i: number): number {
  return structureOf(source).closeAfter[i];
}

function skipClass(source: string, i: number): number {
  return structureOf(source).closeAfter[i];
}

/** Index of the `|` or `)` that ends the alternative containing `i` (at its own depth). */
function endOfAlternative(source: string, i: number): number {
  return i >= source.length ? source.length : structureOf(source).alternativeEnd[i];
}

const ZERO_COUNT = /\{0[,}]/y;
const COUNT = /\{\d/y;

/** Whether the quantifier at `i` (if any) lets the preceding atom match zero times. */
function optionalAt(source: string, i: number): boolean {
  const c = source[i];
  if (c !== '{') return c === '?' || c === '*';
  ZERO_COUNT.lastIndex = i;
  return ZERO_COUNT.test(source);
}

function quantifierAt(source: string, i: number): boolean {
  const c = source[i];
  if (c !== '{') return c === '?' || c === '*' || c === '+';
  COUNT.lastIndex = i;
  return COUNT.test(source);
}

function zeroWidthAt(source: string, i: number): number {
  if (source.startsWith('(?=', i) || source.startsWith('(?!', i) || source.startsWith('(?<=', i) || source.startsWith('(?<!', i)) {
    return skipBalanced(source, i);
  }
  if (source.startsWith('\\b', i) || source.startsWith('\\B', i)) return i + 2;
  return i;
}

/** Undefined when the alternatives hold more than `limit` texts. */
function parseAlternation(source: string, i: number, limit: number, lead: string): Parsed | undefined {
  const open = new Set<string>();
  const done = new Set<string>();
  for (;;) {
    const alternative = parseSequence(source, i, limit - open.size - done.size, lead);
    if (!alternative) return undefined;
    for (const text of alternative.open) open.add(text);
    for (const text of alternative.done) done.add(text);
    const end = endOfAlternative(source, alternative.end);
    if (source[end] === '|') {
      i = end + 1;
      continue;
    }
    return { open: [...open], done: [...done], end };
  }
}

/**
 * Reading on buys little selectivity once a text holds a long first word or two words
 * ("pleasure ", "she is "), and multiplies the alternatives.
 */
function selective(text: string): boolean {
  const space = text.indexOf(' ');
  return space >= 5 || (space > 0 && text.indexOf(' ', space + 1) > space + 1);
}

/** The characters of the class at `i` as alternatives (undefined: negated, or too many, or not literal), and its end. */
function parseClass(source: string, i: number): { chars: string[] | undefined; end: number } {
  const end = skipClass(source, i);
  if (source[i + 1] === '^') return { chars: undefined, end };
  const chars = new Set<string>();
  for (let j = i + 1; j < end - 1; j++) {
    let c = source[j];
    if (c === '\\') {
      const next = source[++j] ?? '';
      if (next === 's') c = ' ';
      else if (next === 'd') {
        for (const d of DIGITS) chars.add(d);
        continue;
      } else if (/[A-Za-z0-9]/.test(next)) return { chars: undefined, end };
      else c = next;
    } else if (source[j + 1] === '-' && j + 2 < end - 1) {
      const last = source[j + 2];
      if (last === '\\' || last < c) return { chars: undefined, end };
      for (let code = c.charCodeAt(0); code <= last.charCodeAt(0); code++) chars.add(String.fromCharCode(code));
      j += 2;
      continue;
    }
    chars.add(c);
  }
  return { chars: chars.size > 0 && chars.size <= MAX_CLASS ? [...chars] : undefined, end };
}

/** The end of the quantifier at `i` that makes the preceding atom optional (`?` or `??`), or `i` when there is none. */
function optionalEnd(source: string, i: number): number {
  if (source[i] !== '?') return i;
  return source[i + 1] === '?' ? i + 2 : i + 1;
}

/**
 * Undefined when the sequence has more than `limit` texts (`limit` < 1: it has at least one).
 * `lead` is one of the texts before it, so that a group reads only as far as its texts need.
 */
function parseSequence(source: string, i: number, limit: number, lead: string): Parsed | undefined {
  if (limit < 1) return undefined;
  let open = [''];
  const done: string[] = [];
  const stop = (): Parsed => ({ open: [], done: done.concat(open), end: i });
  for (;;) {
    for (let next = zeroWidthAt(source, i); next !== i; next = zeroWidthAt(source, i)) i = next;
    if (i >= source.length || source[i] === '|' || source[i] === ')') return { open, done, end: i };
    // What an atom may add before the texts are too many.
    const room = Math.floor((limit - done.length) / open.length);
    const c = source[i];
    let atom: Parsed | undefined;
    let after: number;
    if (c === '(') {
      const inner = source.startsWith('(?:', i) ? i + 3 : source.startsWith('(?<', i) ? source.indexOf('>', i) + 1 : i + 1;
      // One way is kept for leaving out an optional group.
      atom = parseAlternation(source, inner, room - 1, lead + open[0]);
      after = skipBalanced(source, i);
    } else if (c === '[') {
      const parsed = parseClass(source, i);
      atom = parsed.chars && { open: parsed.chars, done: [], end: parsed.end };
      after = parsed.end;
    } else if (c === '\\') {
      const next = source[i + 1] ?? '';
      after = i + 2;
      // Other letters are classes (\w, \S ...) or controls.
      const texts = next === 'd' ? DIGITS : next === 's' ? SPACE : /[A-Za-z0-9]/.test(next) ? undefined : [next];
      atom = texts && { open: texts, done: [], end: after };
    } else {
      // A run of plain characters is one atom, but for its last one if a quantifier follows.
      let end = i;
      while (end < source.length && !META.has(source[end])) end++;
      if (end > i + 1 && QUANTIFIERS.has(source[end])) end--;
      after = Math.max(end, i + 1);
      if (end > i) atom = { open: [source.slice(i, end)], done: [], end };
    }
    // An atom that may be left out ("?") is two ways on; any other quantifier that allows zero ends the reading.
    // A space in a literal stands for a run of white space (see LiteralScanner): "\s+" is one.
    if (atom?.open === SPACE && source[after] === '+') after += source[after + 1] === '?' ? 2 : 1;
    const optional = optionalEnd(source, after);
    if (!atom || (optional === after && optionalAt(source, after))) return stop();
    const tails = optional === after ? atom.open : [...atom.open, ''];
    if (tails.length + atom.done.length > room) return stop();
    // After a repeated atom ("+", "{2,}") what follows may be another copy of it.
    const repeated = optional === after && quantifierAt(source, after);
    const next: string[] = [];
    for (const head of open) {
      for (const tail of atom.done) done.push(head + tail);
      for (const tail of tails) {
        const text = head + tail;
        if (repeated || selective(lead + text)) done.push(text);
        else next.push(text);
      }
    }
    open = next;
    i = optional;
    if (open.length === 0) return { open, done, end: i };
  }
}

/**
 * The literal texts that every match of `source` (a case-folded pattern) begins
 * with, or undefined when they cannot be read or are too short to filter.
 */
export function literalPrefixes(source: string): string[] | undefined {
  try {
    const parsed = parseAlternation(source, 0, MAX_PREFIXES, '');
    if (!parsed) return undefined;
    const { open, done, end } = parsed;
    const texts = [...new Set(open.concat(done))].sort();
    if (end !== source.length || texts.some((t) => t === '' || /[^\x00-\x7f]/.test(t))) return undefined;
    // A text that begins with another adds nothing: where it occurs, so does the other. Sorted, the
    // texts that begin with one follow it directly.
    const kept: string[] = [];
    for (const text of texts) if (kept.length === 0 || !text.startsWith(kept[kept.length - 1])) kept.push(text);
    return kept;
  } catch {
    return undefined;
  }
}

/**
 * The key of a pattern source in the table of literals read ahead of time: its length and a
 * 53-bit hash (cyrb53), so that no two of a pack's sources share one.
 */
export function sourceKey(source: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < source.length; i++) {
    const c = source.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return `${source.length}:${(4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36)}`;
}

/**
 * The literals of the default pack's regexes, read when it was built (scripts/build-literals.mjs):
 * reading them is most of compiling a pack, and code that runs once runs slowly, so a cold
 * start would spend some 150 ms of CPU on it. A source the table does not hold (a team's own
 * pattern, a rule changed since) is read as it comes.
 */
const READ_AHEAD: Readonly<Record<string, readonly string[] | null>> = readAhead;

let recording: Map<string, readonly string[] | null> | undefined;

/** From now on, read every source afresh and note what was read, by key (for scripts/build-literals.mjs). */
export function recordLiteralReadings(): Map<string, readonly string[] | null> {
  return (recording = new Map());
}

/** literalPrefixes(source), from the table read ahead when it holds the source. */
export function readLiterals(source: string, key = sourceKey(source)): readonly string[] | undefined {
  if (recording) {
    const literals = literalPrefixes(source);
    recording.set(key, literals ?? null);
    return literals;
  }
  const known = READ_AHEAD[key];
  return known === undefined ? literalPrefixes(source) : (known ?? undefined);
}

/** What `\s` matches: a space in a literal stands for any of these. */
const WHITE_SPACE = /\s/;

const isSpaceCode = (c: number) => c === 32 || (c >= 9 && c <= 13) || (c > 127 && WHITE_SPACE.test(String.fromCharCode(c)));
const isWordCode = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57);

/**
 * Where the literals of each slot begin in one text, for a scanner of `slots` slots: the starts of
 * slot `s` are `hits[hits[s]]` up to (not including) `hits[hits[s + 1]]`, ascending.
 */
export type LiteralHits = Int32Array;

/** The hits of a scan as they are found (slot, start), reused from scan to scan: a scan allocates only its result. */
let foundSlots = new Int32Array(1024);
let foundStarts = new Int32Array(1024);

/**
 * Where the literals of many patterns occur in a text, in one pass: a trie of
 * every pattern's literals (see literalPrefixes), walked from each position
 * where a match may begin. Made once per compiled pack.
 *
 * A position may begin a match unless it holds a letter or digit right after
 * another one: the start boundary of every folded rule regex (wordBounded)
 * forbids that much at least, so no match is ever missed. The text must be
 * case-folded (foldCase), like the literals; they are ASCII, and a space in
 * one stands for any run of white space.
 */
export class LiteralScanner {
  /** Char code (ASCII) → column of the transition table; 0: no literal holds it. */
  private readonly columnOf = new Uint8Array(128);
  /** The trie, CELL numbers a node (see the constructor); the root is the first cell. */
  private readonly cells: Int32Array;
  /** The slots whose literals end at the node of cell s are endSlots[cells[s + 2] .. cells[s + 3]). */
  private readonly endSlots: Int32Array;
  readonly slots: number;
  private readonly spaceColumn: number;
  /** Per slot, the last start recorded for it in the current scan (a slot's literals may end at several nodes of one walk). */
  private readonly lastStart: Int32Array;

  /**
   * `literals[slot]`: the literals of one pattern (an empty list: the slot never occurs). With `stored`, the trie
   * those literals make, as `stored()` wrote it: read back instead of built (see StoredScanner).
   */
  constructor(literals: readonly (readonly string[])[], stored?: StoredScanner) {
    const { columnOf } = this;
    if (stored) {
      const trie = restoreTrie(stored, columnOf);
      this.cells = trie.cells;
      this.endSlots = trie.endSlots;
      this.spaceColumn = trie.spaceColumn;
      this.slots = literals.length;
      this.lastStart = new Int32Array(literals.length);
      return;
    }
    // Every literal, white space read as a space (the scan reads any run of it so), sorted: the literals
    // below a node of the trie are then one run of the list, and its children the runs within it.
    const texts: string[] = [];
    const slotOf: number[] = [];
    let columns = 0;
    let chars = 0;
    for (let slot = 0; slot < literals.length; slot++) {
      for (let literal of literals[slot]) {
        for (let i = 0; i < literal.length; i++) {
          const c = literal.charCodeAt(i);
          if (c >= 128) throw new Error('literals are ASCII (see literalPrefixes)');
          if (columnOf[c] === 0) columnOf[c] = ++columns;
        }
        if (OTHER_SPACE.test(literal)) literal = literal.replace(ANY_SPACE, ' ');
        chars += literal.length;
        texts.push(literal);
        slotOf.push(slot);
      }
    }
    const space = this.columnOf[32] || (this.columnOf[32] = ++columns);
    for (let c = 0; c < 128; c++) if (WHITE_SPACE.test(String.fromCharCode(c))) this.columnOf[c] = space;
    this.spaceColumn = space;
    const width = columns + 1;
    const order = texts.map((_, i) => i).sort((a, b) => (texts[a] < texts[b] ? -1 : texts[a] > texts[b] ? 1 : slotOf[a] - slotOf[b]));
    const sorted = order.map((i) => texts[i]);
    // The trie as a double array (cells of CELL numbers: check, base, first end, last end): the child of
    // the node in cell s by column c is in cell base(s) + c when that cell's check is s. It takes a
    // fraction of the memory of a table of every column, so the scan finds it in cache between the
    // engine's other work. Nodes are placed breadth first, each where its children's cells are free.
    let cells: Int32Array = new Int32Array((chars + width + 1) * CELL).fill(-1);
    const endSlots = (this.endSlots = new Int32Array(texts.length));
    // The queue of nodes: the run of `sorted` below each, its depth and its cell.
    const nodes = chars + 1;
    const runStart = new Int32Array(nodes);
    const runEnd = new Int32Array(nodes);
    const depthOf = new Int32Array(nodes);
    const cellOf = new Int32Array(nodes);
    runEnd[0] = sorted.length;
    const childStart = new Int32Array(width + 1);
    const childColumn = new Int32Array(width);
    let firstFree = 1;
    let used = 1;
    let ended = 0;
    for (let head = 0, tail = 1; head < tail; head++) {
      const depth = depthOf[head];
      const at = cellOf[head] * CELL;
      let i = runStart[head];
      const end = runEnd[head];
      // The literals that end here come first in the run; a slot is listed once.
      cells[at + 2] = ended;
      for (; i < end && sorted[i].length === depth; i++) {
        const slot = slotOf[order[i]];
        if (ended === cells[at + 2] || endSlots[ended - 1] !== slot) endSlots[ended++] = slot;
      }
      cells[at + 3] = ended;
      let children = 0;
      while (i < end) {
        const c = sorted[i].charCodeAt(depth);
        childStart[children] = i;
        childColumn[children++] = columnOf[c];
        while (i < end && sorted[i].charCodeAt(depth) === c) i++;
      }
      childStart[children] = end;
      cells[at + 1] = 0;
      if (children === 0) continue;
      // First fit: the lowest base at which every child's cell is free.
      while (cells[firstFree * CELL] !== -1) firstFree++;
      const first = childColumn[0];
      let base = 0;
      for (let free = Math.max(firstFree, first); ; free++) {
        if ((free + width) * CELL > cells.length) cells = grown(cells);
        if (cells[free * CELL] !== -1) continue;
        base = free - first;
        let k = 1;
        while (k < children && cells[(base + childColumn[k]) * CELL] === -1) k++;
        if (k === children) break;
      }
      cells[at + 1] = base;
      for (let k = 0; k < children; k++) {
        const cell = base + childColumn[k];
        cells[cell * CELL] = cellOf[head];
        used = Math.max(used, cell + 1);
        runStart[tail] = childStart[k];
        runEnd[tail] = childStart[k + 1];
        depthOf[tail] = depth + 1;
        cellOf[tail++] = cell;
      }
    }
    // Room for base + any column past the last cell used.
    this.cells = cells.slice(0, (used + width) * CELL);
    this.slots = literals.length;
    this.lastStart = new Int32Array(literals.length);
  }

  /**
   * The trie written out, for a later start to read back rather than build (scripts/build-literals.mjs): its
   * nodes breadth first, each child after its siblings of lower characters, as the constructor placed them.
   */
  stored(key: string): StoredScanner {
    const { cells, columnOf, endSlots } = this;
    const charOf: number[] = [];
    let columns = 0;
    for (let c = 0; c < 128; c++) columns = Math.max(columns, columnOf[c]);
    // A column no character keeps (a tab's, before white space joined the space's) stays, as NUL.
    charOf.length = columns + 1;
    charOf.fill(0);
    for (let c = 127; c >= 0; c--) if (columnOf[c] !== 0 && (c === 32 || !WHITE_SPACE.test(String.fromCharCode(c)))) charOf[columnOf[c]] = c;
    const byChar = charOf.map((_, column) => column).filter((column) => column > 0).sort((a, b) => charOf[a] - charOf[b]);
    const numbers: number[] = [];
    const queue = [0];
    let lastBase = 0;
    for (let head = 0; head < queue.length; head++) {
      const cell = queue[head];
      const at = cell * CELL;
      const ends = cells[at + 3] - cells[at + 2];
      const base = cells[at + 1];
      const children = byChar.filter((column) => cells[(base + column) * CELL] === cell);
      numbers.push(children.length * 4 + Math.min(ends, 3));
      if (ends >= 3) numbers.push(ends - 3);
      for (let k = cells[at + 2]; k < cells[at + 3]; k++) numbers.push(endSlots[k]);
      if (children.length === 0) continue;
      // Nodes are placed in order, so a base is near the one before: the difference, its sign in the lowest bit.
      const step = base - lastBase;
      numbers.push(step >= 0 ? 2 * step : -2 * step - 1, ...children);
      lastBase = base;
      for (const column of children) queue.push(base + column);
    }
    return {
      key,
      columns: String.fromCharCode(...charOf.slice(1, columns + 1)),
      cells: cells.length / CELL,
      ends: endSlots.length,
      trie: writeNumbers(numbers),
    };
  }

  /** For each slot, the ascending offsets in `text` where one of its literals begins a possible match. */
  scan(text: string): LiteralHits {
    const { columnOf, cells, endSlots, spaceColumn, lastStart, slots } = this;
    lastStart.fill(-1);
    const n = text.length;
    let found = 0;
    let afterWord = false;
    for (let i = 0; i < n; i++) {
      const c = text.charCodeAt(i);
      const word = isWordCode(c);
      if (afterWord && word) continue;
      afterWord = word;
      let cell = 0;
      for (let j = i, cj = c; ; cj = text.charCodeAt(++j)) {
        // NaN past the end is neither.
        const column = cj < 128 ? columnOf[cj] : isSpaceCode(cj) ? spaceColumn : 0;
        if (column === 0) break;
        const child = cells[cell + 1] + column;
        if (cells[child * CELL] * CELL !== cell) break;
        cell = child * CELL;
        if (column === spaceColumn) while (isSpaceCode(text.charCodeAt(j + 1))) j++;
        for (let k = cells[cell + 2], last = cells[cell + 3]; k < last; k++) {
          const slot = endSlots[k];
          if (lastStart[slot] === i) continue;
          lastStart[slot] = i;
          if (found === foundSlots.length) growFound();
          foundSlots[found] = slot;
          foundStarts[found++] = i;
        }
      }
    }
    // Grouped by slot (a counting sort): each slot's starts stay in text order. One typed array holds
    // the index and the starts (making one costs about a microsecond, as much as a short paragraph's scan).
    const hits = new Int32Array(slots + 1 + found);
    hits[0] = slots + 1;
    for (let k = 0; k < found; k++) hits[foundSlots[k] + 1]++;
    for (let s = 0; s < slots; s++) hits[s + 1] += hits[s];
    const next = lastStart;
    for (let s = 0; s < slots; s++) next[s] = hits[s];
    for (let k = 0; k < found; k++) hits[next[foundSlots[k]]++] = foundStarts[k];
    return hits;
  }
}

const OTHER_SPACE = /[^\S ]/;
const ANY_SPACE = /\s/g;

/**
 * A LiteralScanner's trie as data (LiteralScanner.stored). Building the built-in pack's trie, 57,000 characters of
 * literals, was the largest part of compiling the pack on a cold start; reading it back costs a fraction.
 */
export interface StoredScanner {
  /** What it was built from: the sourceKey of each slot's regex, in slot order, space-separated. */
  key: string;
  /** The characters of the columns, the first column's first. */
  columns: string;
  /** How many cells the double array has, and how many slot ends. */
  cells: number;
  ends: number;
  /**
   * Per node, breadth first (writeNumbers): its count of children times 4 plus its count of slots that end there (3:
   * three or more, the rest next), those slots, then for a node with children the difference of their base from
   * the last base written (doubled; odd: below it), and their columns.
   */
  trie: string;
}

/**
 * Numbers as text that JSON holds as it is: five bits a character, lowest first; a character from the upper
 * half of the alphabet says more follow. The trie's numbers are mostly under 32, so mostly one character.
 */
const DIGITS64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const DIGIT_OF = new Int8Array(128).fill(-1);
for (let i = 0; i < DIGITS64.length; i++) DIGIT_OF[DIGITS64.charCodeAt(i)] = i;

export function writeNumbers(numbers: readonly number[]): string {
  let text = '';
  for (let n of numbers) {
    if (!Number.isInteger(n) || n < 0) throw new Error(`not a count: ${n}`);
    while (n >= 32) {
      text += DIGITS64[32 + (n & 31)];
      n >>>= 5;
    }
    text += DIGITS64[n];
  }
  return text;
}

/** The trie's arrays (see the LiteralScanner constructor) read back from `stored`; fills `columnOf`. */
function restoreTrie(stored: StoredScanner, columnOf: Uint8Array): { cells: Int32Array; endSlots: Int32Array; spaceColumn: number } {
  const { columns, trie } = stored;
  for (let i = 0; i < columns.length; i++) if (columns.charCodeAt(i) !== 0) columnOf[columns.charCodeAt(i)] = i + 1;
  const spaceColumn = columnOf[32];
  for (let c = 0; c < 128; c++) if (WHITE_SPACE.test(String.fromCharCode(c))) columnOf[c] = spaceColumn;
  const cells = new Int32Array(stored.cells * CELL).fill(-1);
  const endSlots = new Int32Array(stored.ends);
  const queue = new Int32Array(stored.cells);
  let at = 0;
  const next = (): number => {
    let n = 0;
    for (let shift = 0; ; shift += 5) {
      // Past the end (NaN) or not a digit: undefined or -1.
      const digit = DIGIT_OF[trie.charCodeAt(at++)];
      if (!(digit >= 0) || shift > 30) throw new Error('damaged trie');
      if (digit < 32) return n + digit * 2 ** shift;
      n += (digit - 32) * 2 ** shift;
    }
  };
  let ended = 0;
  let lastBase = 0;
  for (let head = 0, tail = 1; head < tail; head++) {
    const cell = queue[head];
    const cellAt = cell * CELL;
    const counts = next();
    const children = counts >> 2;
    cells[cellAt + 2] = ended;
    for (let k = (counts & 3) === 3 ? 3 + next() : counts & 3; k > 0; k--) endSlots[ended++] = next();
    cells[cellAt + 3] = ended;
    let base = 0;
    if (children > 0) {
      const step = next();
      base = lastBase = lastBase + (step & 1 ? -(step + 1) / 2 : step / 2);
    }
    cells[cellAt + 1] = base;
    for (let k = 0; k < children; k++) {
      const child = base + next();
      if (child >= stored.cells || tail === queue.length) throw new Error('damaged trie');
      cells[child * CELL] = cell;
      queue[tail++] = child;
    }
  }
  if (at !== trie.length || ended !== stored.ends) throw new Error('damaged trie');
  return { cells, endSlots, spaceColumn };
}

/** Numbers per cell of LiteralScanner's double array: check (the parent's cell), base, first and last end. */
const CELL = 4;

function grown(cells: Int32Array): Int32Array {
  const more = new Int32Array(cells.length * 2).fill(-1);
  more.set(cells);
  return more;
}

function growFound(): void {
  const slots = new Int32Array(foundSlots.length * 2);
  slots.set(foundSlots);
  foundSlots = slots;
  const starts = new Int32Array(foundStarts.length * 2);
  starts.set(foundStarts);
  foundStarts = starts;
}

/** The starts of one slot in a scan's hits, as an array (for tests and scripts). */
export function startsOf(hits: LiteralHits, slot: number): number[] {
  return Array.from(hits.subarray(hits[slot], hits[slot + 1]));
}

/**
 * Whether a regex's literals occur seldom enough that running it only where they do saves time. A
 * one-letter literal (`[a-z]+ologist` reads as the 26 letters) occurs at a large share of word starts,
 * and running a regex, anchored, from each of them costs far more than one global run of it.
 */
export function selectiveLiterals(literals: readonly string[]): boolean {
  return !literals.some((literal) => literal.length === 1 && isLetterCode(literal.charCodeAt(0)));
}

const isLetterCode = (c: number) => c >= 97 && c <= 122;

/**
 * The literals of a pack's regexes (rule patterns, context triggers) in one scanner, each
 * regex under a slot. Only regexes that may begin no match with a letter or digit right after
 * another (wordBounded's, on folded text) belong here; one whose literals cannot be read gets
 * no slot and runs over the whole text as before.
 */
export class LiteralIndex {
  private readonly scanner: LiteralScanner;
  private readonly slots = new Map<RegExp, number>();
  private readonly sticky: RegExp[] = [];
  private readonly lists: (readonly string[])[] = [];

  /** The sourceKey of each slot's regex, in slot order: what a stored trie must have been built from. */
  private readonly key: string;

  constructor(regexes: Iterable<RegExp>) {
    const lists = this.lists;
    const keys: string[] = [];
    for (const regex of regexes) {
      if (this.slots.has(regex)) continue;
      const key = sourceKey(regex.source);
      const literals = readLiterals(regex.source, key);
      if (!literals || !selectiveLiterals(literals)) continue;
      this.slots.set(regex, lists.length);
      lists.push(literals);
      keys.push(key);
    }
    this.key = keys.join(' ');
    // The built-in pack's trie is read back (scripts/build-literals.mjs); any other pack's is built.
    const stored: StoredScanner = builtInTrie;
    this.scanner = !recording && stored.key === this.key ? new LiteralScanner(lists, stored) : new LiteralScanner(lists);
  }

  /** The trie of this index, for scripts/build-literals.mjs. */
  stored(): StoredScanner {
    return this.scanner.stored(this.key);
  }

  slotOf(regex: RegExp): number | undefined {
    return this.slots.get(regex);
  }

  /** The literals read from a regex (undefined: it has no slot, and runs over the whole text). */
  literalsOf(regex: RegExp): readonly string[] | undefined {
    const slot = this.slots.get(regex);
    return slot === undefined ? undefined : this.lists[slot];
  }

  /** The regex of a slot, sticky; made on first need (and compiled by V8 on its first run). */
  stickyOf(regex: RegExp, slot: number): RegExp {
    return (this.sticky[slot] ??= new RegExp(regex.source, regex.flags.replace('g', '') + 'y'));
  }

  /** Where the literals occur in `text` (case-folded). */
  scan(text: string): Occurrences {
    return new Occurrences(this, text, this.scanner.scan(text));
  }
}

/** Where the literals of an index occur in one text. */
export class Occurrences {
  constructor(
    private readonly index: LiteralIndex,
    private readonly text: string,
    private readonly hits: LiteralHits,
  ) {}

  /** The slots whose literals occur, ascending. */
  slots(): number[] {
    const { hits } = this;
    const slots: number[] = [];
    for (let slot = 0; slot < hits[0] - 1; slot++) if (hits[slot + 1] > hits[slot]) slots.push(slot);
    return slots;
  }

  /**
   * The matches of global `regex` in `part`, the part of the scanned text that begins at `offset`,
   * as a scan of the whole part finds them; a regex with a slot runs, anchored, only where its
   * literals occur (every match begins at one, so the first of them where it matches is the
   * leftmost match). Offsets are relative to `part`.
   */
  spans(regex: RegExp, part: string = this.text, offset = 0): Span[] {
    const slot = this.index.slotOf(regex);
    // A part that starts inside a word may begin a match where the whole text may not.
    const cut = offset > 0 && isWordCode(this.text.charCodeAt(offset - 1)) && isWordCode(this.text.charCodeAt(offset));
    if (slot === undefined || cut) return globalSpans(regex, part);
    const spans: Span[] = [];
    const starts = this.hits;
    const last = starts[slot + 1];
    // The first start at or after `offset` (a sentence of a long paragraph need not walk the ones before it).
    let k = starts[slot];
    for (let high = last; k < high; ) {
      const mid = (k + high) >> 1;
      if (starts[mid] < offset) k = mid + 1;
      else high = mid;
    }
    if (k === last) return spans;
    const sticky = this.index.stickyOf(regex, slot);
    const end = offset + part.length;
    let next = offset;
    for (; k < last; k++) {
      const start = starts[k];
      if (start < next) continue;
      if (start >= end) break;
      const at = start - offset;
      sticky.lastIndex = at;
      // test() rather than exec(): no match array; a sticky regex leaves lastIndex at the match's end.
      if (!sticky.test(part) || sticky.lastIndex === at) continue;
      next = offset + sticky.lastIndex;
      spans.push({ start: at, end: sticky.lastIndex });
    }
    return spans;
  }
}

/** Every match of global `regex` in `text`, in order (empty matches skipped). */
export function globalSpans(regex: RegExp, text: string): Span[] {
  const spans: Span[] = [];
  regex.lastIndex = 0;
  for (let m = regex.exec(text); m; m = regex.exec(text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    spans.push({ start: m.index, end: m.index + m[0].length });
  }
  return spans;
}
