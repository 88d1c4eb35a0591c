// The one-pass literal scan (src/engine/prefilter.ts) stands in for running every rule regex over
// every paragraph. It must never change a result: the regexes it runs anchored at their literals
// find exactly what a scan of the whole paragraph finds, and whole analyses are the same with it
// as without it (the reference path: a compiled pack with no literal index).
import * as assert from 'node:assert/strict';
import { defaultPack, type RulePack } from '../../src/engine';
import { analyzeCompiled } from '../../src/engine/analyze';
import { compilePack, type CompiledPack } from '../../src/engine/compile';
import { beginsAtWordStart } from '../../src/engine/context';
import { globalSpans, LiteralScanner, literalPrefixes, readLiterals, selectiveLiterals, sourceKey, startsOf } from '../../src/engine/prefilter';
import readAhead from '../../src/rules/literals.generated.json';
import builtInTrie from '../../src/rules/literal-trie.generated.json';
import { splitSentences } from '../../src/engine/sentences';
import { foldCase } from '../../src/engine/text';
import type { Span } from '../../src/engine/types';
import { notesIn } from './own-notes';


/** The project's own texts: samples, fixture notes, every rule example. */
const ownTexts = [
  ...notesIn('samples'),
  ...notesIn('test/fixtures/notes'),
  ...defaultPack.rules.flatMap((r) => [...r.examples.documented, ...r.examples.missing]),
];

/** The same texts with white space, word edges and letter case disturbed where a literal scan could slip. */
function variants(text: string): string[] {
  return [
    text,
    text.replace(/ /g, '\t'),
    text.replace(/ /g, '\u00a0'),
    text.replace(/ (?=\w)/g, ' \n'),
    text.replace(/ (\w)/g, '$1'),
    text.replace(/ (\w)/g, ' -$1'),
    text.replace(/(\w+)/g, (w, _s, at: number) => (at % 3 === 0 ? w.toUpperCase() : `x${w}`)),
  ];
}

describe('literal prefixes', () => {
  it('reads the literal words every match begins with, as far as two words or one long one', () => {
    assert.deepEqual(literalPrefixes('(?:i|we) will (?:see|call)'), ['i will ', 'we will ']);
    assert.deepEqual(literalPrefixes('(?:follow|return)(?:ed)?'), ['follow', 'return']);
    assert.deepEqual(literalPrefixes('worried|concerns?'), ['concern', 'worried']);
    assert.deepEqual(literalPrefixes(String.raw`\d+ ?mg|rtc`), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'rtc']);
    assert.deepEqual(literalPrefixes(String.raw`(?<!x)plan\.`), ['plan.']);
  });

  it('reads optional words both ways, simple classes as alternatives, and \\s as a space', () => {
    assert.deepEqual(literalPrefixes('(?:the )?plan'), ['plan', 'the plan']);
    assert.deepEqual(literalPrefixes('follow[- ]?up'), ['follow ', 'follow-up', 'followup']);
    assert.deepEqual(literalPrefixes(String.raw`she\s+is\s+worried`), ['she is ']);
    assert.deepEqual(literalPrefixes(String.raw`(?:she|he)(?=) (?:is|was) afraid`), ['he is afraid', 'he was afraid', 'she is afraid', 'she was afraid']);
  });

  it('gives up where a match could begin with anything', () => {
    for (const source of [String.raw`\S+ worried`, '(?:the )*plan', 'a*b', '[^a-z]+ing', '(?:x|.)y', '(?:a|)+b']) {
      assert.equal(literalPrefixes(source), undefined, source);
    }
  });
});

describe('case folding', () => {
  it('lower-cases ASCII letters only, one for one, with or without other characters in the text', () => {
    assert.equal(foldCase('Plan: RTC in 2 WEEKS.'), 'plan: rtc in 2 weeks.');
    // Other letters keep their case and every offset holds ('İ' lower-cased would be two code units).
    assert.equal(foldCase('ÉLAN İSTANBUL'), 'Élan İstanbul');
    assert.equal(foldCase('Señora AGREES'), 'señora agrees');
  });
});

describe('literal scanner', () => {
  it('finds literals where a word may start, never inside a word', () => {
    const scanner = new LiteralScanner([['plan', 'rtc'], ['he is ']]);
    const found = scanner.scan(foldCase('Plan: RTC. Then she is; he is\u00a0well. -he is\tfine'));
    assert.deepEqual(startsOf(found, 0), [0, 6]);
    // "she is" holds "he is" inside a word: not a start. A space in a literal is any white space.
    assert.deepEqual(startsOf(found, 1), [24, 37]);
    assert.deepEqual(startsOf(new LiteralScanner([['ab']]).scan('xab ab'), 0), [4]);
  });

  it('records a start once per slot, however many of its literals begin there, in text order', () => {
    const scanner = new LiteralScanner([['follow', 'follow up', 'follow up in'], [], ['up', 'in']]);
    const found = scanner.scan('follow up in a week; follow-up\nfollow  up in');
    assert.deepEqual(startsOf(found, 0), [0, 21, 31]);
    assert.deepEqual(startsOf(found, 1), []);
    assert.deepEqual(startsOf(found, 2), [7, 10, 28, 39, 42]);
    // White space in a literal reads as a space; a literal may end where another's branch goes on.
    const spaced = new LiteralScanner([['he\tis'], ['he'], ['hea', 'heart']]);
    const hits = spaced.scan('he is; heart he\n\nis');
    assert.deepEqual([0, 1, 2].map((slot) => startsOf(hits, slot)), [[0, 13], [0, 7, 13], [7]]);
  });
});

describe('one-pass matching', () => {
  const pack = compilePack(defaultPack);
  const index = pack.literals!;
  const regexes = [
    ...pack.rules.flatMap((r) => r.patterns.flatMap((p) => [p.regex, p.unless])),
    ...pack.context.regexes(),
  ].filter((r): r is RegExp => r !== undefined && index.slotOf(r) !== undefined);

  it('indexes every pattern, look-alike and context trigger whose literals can be read', () => {
    const all = [...pack.rules.flatMap((r) => r.patterns.flatMap((p) => [p.regex, p.unless])), ...pack.context.regexes()];
    for (const regex of all) {
      // The placeholder trigger may begin inside a word ("a***"): it is no word-start regex, and runs over the text.
      // One whose literals begin at most word starts (a one-letter literal) runs over the text too.
      const literals = regex && literalPrefixes(regex.source);
      if (regex) assert.equal(index.slotOf(regex) !== undefined, beginsAtWordStart(regex) && literals !== undefined && selectiveLiterals(literals), regex.source.slice(0, 80));
    }
    // A pattern that may begin with any word ("\S+ scheduled") runs over every paragraph; few do.
    const patterns = pack.rules.flatMap((r) => r.patterns.filter((p) => p.regex));
    const unread = patterns.filter((p) => index.slotOf(p.regex!) === undefined);
    assert.ok(unread.length <= patterns.length / 10, `${unread.length} of ${patterns.length} patterns have no literals`);
  });

  it('reads the literals of the built-in pack ahead of time, as they read now (npm run build:literals)', () => {
    const table = readAhead as Record<string, readonly string[] | null>;
    const all = [...pack.rules.flatMap((r) => r.patterns.flatMap((p) => [p.regex, p.unless])), ...pack.context.regexes()];
    const sources = [...new Set(all.filter((r): r is RegExp => r !== undefined && beginsAtWordStart(r)).map((r) => r.source))];
    const keys = new Set(sources.map(sourceKey));
    assert.equal(keys.size, sources.length, 'two sources share a key');
    for (const source of sources) {
      // Stale or missing: a cold start reads the source itself, which is slow, not wrong.
      assert.deepEqual(table[sourceKey(source)], literalPrefixes(source) ?? null, `src/rules/literals.generated.json is stale (${source.slice(0, 60)}): run npm run build:literals`);
      assert.deepEqual(readLiterals(source), literalPrefixes(source));
    }
    // A source the table does not hold is read as it comes.
    assert.deepEqual(readLiterals('(?<![a-z0-9])(?:unheard-of phrase)'), literalPrefixes('(?<![a-z0-9])(?:unheard-of phrase)'));
  });

  it("reads the built-in pack's trie back as it was built (npm run build:literals)", () => {
    // Written out again, the trie read back is the stored one; built afresh from the same literals, so is it.
    assert.deepEqual(index.stored(), builtInTrie, 'src/rules/literal-trie.generated.json is stale: run npm run build:literals');
    const slotted = [...new Set(regexes)].sort((a, b) => index.slotOf(a)! - index.slotOf(b)!);
    assert.deepEqual(slotted.map((r) => index.slotOf(r)), slotted.map((_, i) => i));
    const built = new LiteralScanner(slotted.map((r) => index.literalsOf(r)!));
    assert.deepEqual(built.stored(builtInTrie.key), builtInTrie);
    const restored = new LiteralScanner(slotted.map((r) => index.literalsOf(r)!), builtInTrie);
    for (const text of ownTexts.slice(0, 40).flatMap(variants)) assert.deepEqual(restored.scan(foldCase(text)), built.scan(foldCase(text)));
  });

  it('builds the trie of any other set of regexes, and refuses a damaged stored one', () => {
    const scanner = new LiteralScanner([['plan', 'rtc'], ['he is ']]);
    const stored = scanner.stored('k');
    const back = new LiteralScanner([['plan', 'rtc'], ['he is ']], stored);
    const text = foldCase('Plan: RTC. Then she is; he is\u00a0well.');
    assert.deepEqual(back.scan(text), scanner.scan(text));
    assert.throws(() => new LiteralScanner([['plan']], { ...stored, trie: stored.trie.slice(0, -1) }), /damaged/);
    assert.throws(() => new LiteralScanner([['plan']], { ...stored, trie: `${stored.trie}!` }), /damaged/);
  });

  it("finds each regex's matches, in paragraphs and in sentences, exactly as a scan of the whole text does", function () {
    this.timeout(60_000);
    let compared = 0;
    for (const text of ownTexts.flatMap(variants)) {
      const folded = foldCase(text);
      const occurrences = index.scan(folded);
      const sentences: Span[] = [];
      splitSentences(folded, 0, folded.length, (s) => sentences.push(s));
      for (const regex of regexes) {
        assert.deepEqual(occurrences.spans(regex), globalSpans(regex, folded), `${regex.source.slice(0, 80)} in ${JSON.stringify(folded.slice(0, 60))}`);
        for (const s of sentences) {
          const part = folded.slice(s.start, s.end);
          assert.deepEqual(occurrences.spans(regex, part, s.start), globalSpans(regex, part));
        }
        compared++;
      }
    }
    assert.ok(compared > 10_000, `${compared} comparisons`);
  });
});

describe('one-pass analysis', () => {
  /** The same compiled pack without its literal index: every regex over every paragraph. */
  const reference = (pack: CompiledPack): CompiledPack => ({ ...pack, literals: undefined });
  // The learned scorer reads every paragraph's pattern hits; as shipped it is off (`learned: false`).
  const learnedOn: RulePack = { ...defaultPack, rules: defaultPack.rules.map((r) => ({ ...r, learned: undefined })) };

  for (const [name, rulePack] of [['default pack', defaultPack], ['learned scorer on', learnedOn]] as const) {
    it(`gives every sample, fixture and rule example the same analysis as the reference path (${name})`, function () {
      this.timeout(60_000);
      const onePass = compilePack(rulePack);
      const perPattern = reference(onePass);
      for (const text of ownTexts.flatMap((t) => variants(t).slice(0, 3))) {
        assert.deepEqual(analyzeCompiled(text, onePass), analyzeCompiled(text, perPattern), JSON.stringify(text.slice(0, 80)));
      }
    });
  }
});
