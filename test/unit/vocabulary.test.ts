// The pack's vocabulary: word lists named in patterns, section groups, and the engine reading both
// from the pack it is given rather than from lists of its own.
import * as assert from 'node:assert/strict';
import { analyze, defaultPack, type RulePack } from '../../src/engine';
import { compilePack } from '../../src/engine/compile';
import { applyPackConfig, regexProblem } from '../../src/engine/pack';
import { foldPatternSource } from '../../src/engine/text';
import { addToVocabulary, expandWordLists, wordListSource, type VocabularyAdditions } from '../../src/engine/vocabulary';
import { interpreterRule } from './pack-helpers';

const LISTS = { relatives: ['aunt', 'foster parent', 'fiancé'], negations: ['no', 'not'] };

/** The default pack with some words added, as a team's pack would add them. */
const extended = (additions: VocabularyAdditions): RulePack => ({ ...defaultPack, vocabulary: addToVocabulary(defaultPack.vocabulary, additions) });
const statusOf = (text: string, ruleId: string, pack: RulePack = defaultPack) => analyze(text, { pack }).results.find((r) => r.ruleId === ruleId)?.status;

describe('vocabulary: word lists in patterns', () => {
  it('a list is its literal entries, longest first, white space as any white space', () => {
    assert.equal(wordListSource(LISTS.relatives), String.raw`(?:foster\s+parent|fianc\u00e9|aunt)`);
    assert.equal(wordListSource(['s/o', 'pt.']), String.raw`(?:pt\.|s/o)`);
    assert.equal(wordListSource([]), '(?!)');
  });

  it('a list changed since it was last made into a source is made again', () => {
    const list = ['aunt', 'uncle'];
    assert.equal(wordListSource(list), '(?:uncle|aunt)');
    list.push('grandmother');
    assert.equal(wordListSource(list), '(?:grandmother|uncle|aunt)');
    list[0] = 'niece';
    assert.equal(wordListSource(list), '(?:grandmother|niece|uncle)');
  });

  it('{name} is replaced by the list, with an empty look-ahead when more of the pattern follows', () => {
    assert.equal(expandWordLists('per {relatives}', LISTS), String.raw`per (?:foster\s+parent|fianc\u00e9|aunt)`);
    assert.equal(expandWordLists('{negations} fever', LISTS), '(?:not|no)(?=) fever');
    assert.equal(expandWordLists('(?:{negations})?', LISTS), '(?:(?:not|no))?');
    assert.equal(expandWordLists('{negations}s?', LISTS), '(?:not|no)(?=)s?');
  });

  it('leaves escaped braces, quantifiers and unknown names alone', () => {
    for (const source of [String.raw`\{relatives}`, 'a{2,3}', '{others}']) assert.equal(expandWordLists(source, LISTS), source);
  });

  it('the expanded lists match what they list, case-insensitively', () => {
    const regex = new RegExp(`^${expandWordLists('{relatives}', LISTS)}$`, 'i');
    for (const word of ['aunt', 'Foster  parent', 'fiancé', 'FIANCÉ']) assert.ok(regex.test(word), word);
    assert.ok(!regex.test('aunts'));
  });
});

describe('vocabulary: additions', () => {
  it('appends entries and section kinds, each once, keeping the base', () => {
    const base = { relatives: ['aunt'], negations: ['no'], sectionGroups: { history: ['hpi'], records: [], notConversation: [], planning: ['plan'] } } as const;
    const added = addToVocabulary(
      { relatives: [...base.relatives], negations: [...base.negations], sectionGroups: { history: ['hpi'], records: [], notConversation: [], planning: ['plan'] } },
      { negations: ['niega', 'no'], relatives: ['su esposo'], sectionGroups: { history: ['assessment'] } },
    );
    assert.deepEqual(added, {
      relatives: ['aunt', 'su esposo'],
      negations: ['no', 'niega'],
      sectionGroups: { history: ['hpi', 'assessment'], records: [], notConversation: [], planning: ['plan'] },
    });
  });
});

describe('vocabulary: the engine reads it from the pack', () => {
  it('an added negation negates, in context triggers and in the gaps of rule patterns', () => {
    const text = 'HPI: Cough. She is hardly worried about it.';
    assert.equal(statusOf(text, 'explain.fear-anger'), 'documented');
    assert.equal(statusOf(text, 'explain.fear-anger', extended({ negations: ['hardly'] })), 'missing');
  });

  it('an added relative is another person speaking, for context and for attribution', () => {
    const text = 'HPI: Back pain. Her godmother says she is worried about the pain.';
    assert.equal(statusOf(text, 'explain.fear-anger'), 'documented');
    assert.equal(statusOf(text, 'explain.fear-anger', extended({ relatives: ['godmother'] })), 'missing');
    const { attribution } = compilePack(extended({ relatives: ['godmother'] }));
    assert.equal(attribution.speakerOf('Her godmother says the pain began on Monday.', false), 'other');
  });

  it('the history group decides where a sentence with no named speaker is the patient\'s', () => {
    const text = 'PLAN: Heat and rest. Worried about missing work.';
    assert.equal(statusOf(text, 'explain.fear-anger'), 'missing');
    assert.equal(statusOf(text, 'explain.fear-anger', extended({ sectionGroups: { history: ['plan'] } })), 'documented');
  });

  it('a custom rule may name a word list, and is checked with the list expanded', () => {
    const rule = interpreterRule({ evidence: [{ pattern: '{relatives} (?:interpreted|translated)' }], examples: { documented: ['HPI: Her nephew interpreted.'], missing: ['HPI: Cough.'] } });
    const { pack, errors } = applyPackConfig({ customRules: [rule] }, 'test');
    assert.deepEqual(errors, []);
    assert.equal(statusOf('HPI: Her nephew interpreted for her.', 'clinic.interpreter', pack), 'documented');
    assert.equal(regexProblem('{relatives} helped'), undefined);
    assert.match(regexProblem('{others} helped') ?? '', /invalid regular expression "\{others\} helped"/);
  });
});

describe('patterns for case-folded text', () => {
  it('lower-cases the letters of a pattern, never an escape (\\S, \\W, \\B, \\D)', () => {
    assert.equal(foldPatternSource(String.raw`Plan\s+RTC\S+`), String.raw`plan\s+rtc\S+`);
    assert.equal(foldPatternSource(String.raw`\SABC\W[A-Z]\Bx\D`), String.raw`\Sabc\W[a-z]\Bx\D`);
    // An escaped backslash escapes nothing after it; a third one escapes the letter again.
    assert.equal(foldPatternSource(String.raw`\\SAB \\\SAB`), String.raw`\\sab \\\Sab`);
    assert.equal(foldPatternSource('AB\\'), 'ab\\');
    assert.equal(foldPatternSource(''), '');
  });
});
