// The ConText machinery on triggers made up for the test, one behaviour at a time; what the
// default pack's own triggers do to real sentences is in test/fixtures/notes.
import * as assert from 'node:assert/strict';
import { ContextMatcher } from '../../src/engine/context';
import { foldCase } from '../../src/engine/text';
import type { ContextDefinitions } from '../../src/engine/types';

const DEFINITIONS: ContextDefinitions = {
  triggers: [
    { kind: 'negated', pattern: 'no', direction: 'forward', maxWords: 3, endsAtComma: true },
    { kind: 'negated', pattern: 'not needed', direction: 'backward', maxWords: 4 },
    { kind: 'hypothetical', pattern: 'maybe', direction: 'both', maxWords: 2 },
    { kind: 'other-experiencer', pattern: 'her sister says', direction: 'forward', maxWords: 6, proxyCounts: true },
    { kind: 'other-experiencer', pattern: 'patient absent', direction: 'both', scope: 'sentence' },
    // The widest reach of all, so that it sets the window the matcher searches.
    { kind: 'historical', pattern: 'last spring', direction: 'forward', maxWords: 9 },
  ],
  terminators: ['but', 'except'],
  pseudo: ['no change'],
};

const NO_LISTS = { relatives: [], negations: [] };
const matcher = new ContextMatcher(DEFINITIONS, NO_LISTS);

/** The contexts of the first occurrence of `phrase` in `sentence` (case-folded, as the engine reads text). */
function contextsOf(sentence: string, phrase: string, options: { proxy?: boolean; matcher?: ContextMatcher } = {}): string[] {
  const text = foldCase(sentence);
  const start = text.indexOf(foldCase(phrase));
  assert.ok(start >= 0, `"${phrase}" is not in "${sentence}"`);
  const m = options.matcher ?? matcher;
  const scan = m.scan(text, { start: 0, end: text.length });
  return [...m.contextsOf(text, scan, { start, end: start + phrase.length }, options.proxy ?? false)].sort();
}

/** `n` filler words. */
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i}`).join(' ');

describe('context: trigger directions', () => {
  it('a forward trigger covers the words after it', () => {
    assert.deepEqual(contextsOf('No rash today.', 'rash'), ['negated']);
  });

  it('a forward trigger does not cover the words before it', () => {
    assert.deepEqual(contextsOf('Rash today and no fever.', 'rash'), []);
  });

  it('a backward trigger covers the words before it', () => {
    assert.deepEqual(contextsOf('Splint not needed.', 'splint'), ['negated']);
  });

  it('a backward trigger does not cover the words after it', () => {
    assert.deepEqual(contextsOf('Not needed: a splint.', 'splint'), []);
  });

  it('a two-way trigger covers both sides', () => {
    assert.deepEqual(contextsOf('Maybe surgery later.', 'surgery'), ['hypothetical']);
    assert.deepEqual(contextsOf('Surgery maybe later.', 'surgery'), ['hypothetical']);
  });
});

describe('context: how far a trigger reaches', () => {
  it('reaches exactly its word limit and no further', () => {
    assert.deepEqual(contextsOf(`No ${words(3)} rash.`, 'rash'), ['negated']);
    assert.deepEqual(contextsOf(`No ${words(4)} rash.`, 'rash'), []);
    assert.deepEqual(contextsOf(`Rash ${words(4)} not needed.`, 'rash'), ['negated']);
    assert.deepEqual(contextsOf(`Rash ${words(5)} not needed.`, 'rash'), []);
  });

  it('the widest trigger is found at the edge of its reach, in a long sentence', () => {
    assert.deepEqual(contextsOf(`${words(12)} last spring ${words(9)} surgery ${words(12)}.`, 'surgery'), ['historical']);
    assert.deepEqual(contextsOf(`${words(12)} last spring ${words(10)} surgery ${words(12)}.`, 'surgery'), []);
  });

  it('stops at a terminator word, in either direction', () => {
    assert.deepEqual(contextsOf('No fever but rash.', 'rash'), []);
    assert.deepEqual(contextsOf('Rash except splint not needed.', 'rash'), []);
    assert.deepEqual(contextsOf('Last spring, except for surgery.', 'surgery'), []);
  });

  it('stops at a semicolon', () => {
    assert.deepEqual(contextsOf('No fever; rash.', 'rash'), []);
    assert.deepEqual(contextsOf('Rash; splint not needed.', 'rash'), []);
  });

  it('stops at a comma only for triggers that end at one', () => {
    assert.deepEqual(contextsOf('No fever, rash.', 'rash'), []);
    assert.deepEqual(contextsOf('Last spring, in May, surgery.', 'surgery'), ['historical']);
  });

  it('never reaches into the next sentence', () => {
    const text = foldCase('No fever. Rash today.');
    const scan = matcher.scan(text, { start: 10, end: text.length });
    const start = text.indexOf('rash');
    assert.deepEqual([...matcher.contextsOf(text, scan, { start, end: start + 4 }, false)], []);
  });
});

describe('context: sentence-wide triggers, pseudo-triggers and the match itself', () => {
  it('a sentence-wide trigger covers the whole sentence, past terminators and word limits', () => {
    assert.deepEqual(contextsOf(`Surgery ${words(15)} but patient absent.`, 'surgery'), ['other-experiencer']);
  });

  it('a pseudo-trigger is not a trigger', () => {
    assert.deepEqual(contextsOf('No change in rash.', 'rash'), []);
    assert.deepEqual(contextsOf('No rash.', 'rash'), ['negated']);
  });

  it('a trigger inside the matched phrase is part of what was asked for', () => {
    assert.deepEqual(contextsOf('No rash.', 'no rash'), []);
  });

  it('a proxy trigger does not apply when a proxy speaks for the patient', () => {
    assert.deepEqual(contextsOf('Her sister says she fears surgery.', 'fears'), ['other-experiencer']);
    assert.deepEqual(contextsOf('Her sister says she fears surgery.', 'fears', { proxy: true }), []);
  });

  it('an unfilled placeholder puts its whole sentence in placeholder context', () => {
    assert.deepEqual(contextsOf('Follow up in *** weeks, sooner if worse.', 'sooner'), ['placeholder']);
    assert.deepEqual(contextsOf('Options: [ ] and then surgery.', 'surgery'), ['placeholder']);
    assert.deepEqual(contextsOf('Follow up in two weeks, sooner if worse.', 'sooner'), []);
  });

  it('collects every kind that applies', () => {
    assert.deepEqual(contextsOf('Last spring, maybe surgery.', 'surgery'), ['historical', 'hypothetical']);
  });

  it('a trigger may name a word list of the pack', () => {
    const listed = new ContextMatcher({ triggers: [{ kind: 'negated', pattern: '{negations}', direction: 'forward' }], terminators: [], pseudo: [] }, { relatives: [], negations: ['hardly', 'sin'] });
    assert.deepEqual(contextsOf('Hardly any rash.', 'rash', { matcher: listed }), ['negated']);
    assert.deepEqual(contextsOf('Sin rash.', 'rash', { matcher: listed }), ['negated']);
    assert.deepEqual(contextsOf('No rash.', 'rash', { matcher: listed }), []);
  });

  it('a pack without terminators or pseudo-triggers still scans', () => {
    const bare = new ContextMatcher({ triggers: DEFINITIONS.triggers, terminators: [], pseudo: [] }, NO_LISTS);
    assert.deepEqual(contextsOf('No change in rash.', 'rash', { matcher: bare }), ['negated']);
    assert.deepEqual(contextsOf('No fever but rash.', 'rash', { matcher: bare }), ['negated']);
  });
});

describe('context: paragraph-wide triggers', () => {
  const copied = new ContextMatcher(
    { triggers: [{ kind: 'historical', pattern: 'copied from', direction: 'both', scope: 'paragraph' }], terminators: [], pseudo: [] },
    NO_LISTS,
  );
  const sentencesOf = (text: string) => [...text.matchAll(/[^.]+\./g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length }));

  it('covers its own sentence, before and after it, and every later sentence of the paragraph', () => {
    const text = foldCase('Seen in May. Surgery advised, copied from her chart. Brace. Rest.');
    const hits = copied.paragraphHits(text, sentencesOf(text));
    const [may, advised, brace, rest] = sentencesOf(text);
    assert.deepEqual(copied.carriedInto(hits, may.start, false), []);
    assert.deepEqual(copied.carriedInto(hits, advised.start, false), ['historical']);
    assert.deepEqual(copied.carriedInto(hits, brace.start, false), ['historical']);
    assert.deepEqual(copied.carriedInto(hits, rest.start, false), ['historical']);
    assert.deepEqual(contextsOf('Surgery advised, copied from her chart.', 'surgery', { matcher: copied }), ['historical']);
  });

  it('finds nothing in a paragraph without the trigger', () => {
    const text = foldCase('Surgery advised. Brace.');
    assert.deepEqual(copied.paragraphHits(text, sentencesOf(text)), []);
  });
});

describe('context: a trigger that shares words with the match', () => {
  const straddling = new ContextMatcher(
    {
      triggers: [
        { kind: 'other-experiencer', pattern: 'the aide is upset', direction: 'forward', maxWords: 4 },
        { kind: 'deferred', pattern: 'visit to be set', direction: 'backward', maxWords: 4 },
        { kind: 'negated', pattern: 'is not', direction: 'forward', maxWords: 4 },
      ],
      terminators: [],
      pseudo: [],
    },
    NO_LISTS,
  );

  it('reaches the match from the side where it begins before it or ends after it', () => {
    assert.deepEqual(contextsOf('The aide is upset about the wait.', 'upset about the wait', { matcher: straddling }), ['other-experiencer']);
    assert.deepEqual(contextsOf('Return visit to be set.', 'return visit', { matcher: straddling }), ['deferred']);
  });

  it('leaves a negation that shares words with the match to the match ("is not" in "not interested")', () => {
    assert.deepEqual(contextsOf('She is not interested in surgery.', 'not interested in surgery', { matcher: straddling }), []);
    assert.deepEqual(contextsOf('She is not keen, interested in surgery.', 'interested in surgery', { matcher: straddling }), ['negated']);
  });
});
