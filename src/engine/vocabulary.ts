/**
 * The pack's word lists inside its regular expressions: `{relatives}` in a rule's pattern or a
 * context trigger stands for any entry of `vocabulary.relatives`, expanded when the pack is
 * compiled. So a list is written once, and a pack that adds to it reaches every pattern that
 * names it. An unescaped `{name}` is never a valid pattern on its own (the `u` flag refuses it),
 * so the reference cannot be mistaken for something a pattern meant literally.
 */
import { escapeRegExp } from './text';
import { SECTION_GROUPS, WORD_LISTS, type SectionGroup, type SectionKind, type Vocabulary, type WordList } from './types';

// `{list}` not preceded by a backslash, and what follows it (a quantifier, or the end of a group).
const REFERENCE = new RegExp(String.raw`(?<!\\)\{(${WORD_LISTS.join('|')})\}(?=([?*+{|)]|$)|)`, 'g');

/**
 * Any entry of a word list, as a regular expression source: longest first, white space as any
 * white space, letters beyond ASCII as \u escapes (so that the pattern still compiles for
 * case-folded text, see wordBounded).
 */
export function wordListSource(entries: readonly string[]): string {
  // A pack's lists are named in many of its patterns: each list is made into a source once (again if its entries changed).
  const key = entries.join('\u0000');
  let made = listSources.get(entries);
  if (made?.key !== key) listSources.set(entries, (made = { key, source: listSourceOf(entries) }));
  return made.source;
}

const listSources = new WeakMap<readonly string[], { key: string; source: string }>();

function listSourceOf(entries: readonly string[]): string {
  const alternatives = [...new Set(entries.map((e) => e.trim().toLowerCase()).filter(Boolean))]
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .map((e) => escapeRegExp(e).replace(/\s+/g, String.raw`\s+`).replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  return alternatives.length ? `(?:${alternatives.join('|')})` : '(?!)';
}

/**
 * `source` with each `{list}` replaced by its entries. Where more of the pattern follows, an
 * empty look-ahead comes after the group: it matches nothing, and keeps V8 from compiling the
 * rest of the pattern once per length of entry (see compact in src/rules/vocabulary.ts).
 */
export function expandWordLists(source: string, lists: Readonly<Record<WordList, readonly string[]>>): string {
  if (!source.includes('{')) return source;
  return source.replace(REFERENCE, (_match, name: WordList, next: string | undefined) => wordListSource(lists[name]) + (next === undefined ? '(?=)' : ''));
}

/** What a pack may add to the vocabulary it builds on: entries for each word list, section kinds for each group. */
export type VocabularyAdditions = Partial<Record<WordList, string[]>> & { sectionGroups?: Partial<Record<SectionGroup, SectionKind[]>> };

/** `base` with `additions` appended (each entry once), the base's own entries kept: a team adds "niega" without restating the rest. */
export function addToVocabulary(base: Vocabulary, additions: VocabularyAdditions): Vocabulary {
  const merge = <T>(list: readonly T[], extra: readonly T[] = []): T[] => [...new Set([...list, ...extra])];
  const lists = Object.fromEntries(WORD_LISTS.map((name) => [name, merge(base[name], additions[name])])) as Record<WordList, string[]>;
  const sectionGroups = Object.fromEntries(
    SECTION_GROUPS.map((group) => [group, merge(base.sectionGroups[group], additions.sectionGroups?.[group])]),
  ) as Record<SectionGroup, SectionKind[]>;
  return { ...lists, sectionGroups };
}

/**
 * An empty look-ahead: it always succeeds and matches nothing, so it changes no match. Between an
 * alternation and a long list that follows every branch ("(?:accompanied by|here with|...)
 * ${JOIN}${COMPANION}") it keeps V8 from compiling the list again after each branch of different
 * length (up to ten copies). `compact` puts one after every group of the pack's patterns, so rule
 * files need not write it; attribution.ts compacts its own. The literal prefilter (src/engine/prefilter.ts) reads through it.
 */
export const JOIN = '(?=)';

/**
 * What compact reads: an escape, a character class or an empty look-ahead (all kept as they
 * are), or the end of a group with its whole quantifier (read atomically: the look-ahead and
 * back-reference keep it from being split), when more than `|` or `)` follows and no ${JOIN}
 * does already. One regular expression rather than a loop over characters: it runs
 * when the module loads, before anything is compiled, and costs a fraction of a millisecond.
 */
const COMPACT_TOKEN = /\\[\s\S]|\[(?:\\[\s\S]|[^\]\\])*\]|\(\?=\)|\)(?=((?:[?*+]|\{\d+(?:,\d*)?\})?\??))\1(?![|)]|\(\?=\)|$)/g;

/**
 * The same regular expression, with ${JOIN} after every group that more of the pattern follows
 * (and its quantifier, if any). It matches exactly what `source` matches: an empty look-ahead
 * always succeeds and consumes nothing. What it changes is V8's compiled size. V8 compiles the
 * rest of a pattern again for each way of reaching it with a different length behind (the
 * branches of an alternation, an optional word), up to ten copies each time, so that a pattern
 * like "(?:the |this |our )?(?:entire |whole )?(?:visit|interview|...)" holds its last list a
 * dozen times over and nested groups multiply. A look-ahead makes V8 settle the position first,
 * after which the rest is compiled once. On the default pack this cuts the bytecode about four
 * times over and the cost of the first analysis with it (docs/performance.md).
 * Character classes and escapes are copied as they are; a group is never separated from its
 * quantifier.
 */
export function compact(source: string): string {
  return source.replace(COMPACT_TOKEN, (token) => (token[0] === ')' ? token + JOIN : token));
}

/**
 * A regular expression as its author wrote it, without the empty look-aheads `compact` adds (an
 * empty look-ahead always matches and consumes nothing, so the match is the same): for what the
 * CLI publishes to teams.
 */
export function readablePattern(source: string): string {
  return source.replace(/\\[\s\S]|\[(?:\\[\s\S]|[^\]\\])*\]|\(\?=\)/g, (token) => (token === JOIN ? '' : token));
}
