import * as assert from 'node:assert/strict';
import { defaultPack } from '../../src/engine';
import { MAX_PATTERN_LENGTH, regexProblem, regexSafetyProblem } from '../../src/engine/pack';
import { expandWordLists } from '../../src/engine/vocabulary';

const HOSTILE: [string, RegExp][] = [
  ['(a+)+', /nested quantifier/],
  ['(a*)*b', /nested quantifier/],
  ['(x+x+)+y', /nested quantifier/],
  ['(?:\\s*\\w+)*$', /nested quantifier/],
  ['(?:[a-z]+,?)+!', /nested quantifier/],
  ['(?:a?)*', /nested quantifier/],
  ['(a|a)*b', /overlapping alternatives/],
  ['(a|ab)*c', /overlapping alternatives/],
  ['(\\w|\\d)+!', /overlapping alternatives/],
  ['(?:worried|worry|worried about)+', /overlapping alternatives/],
  ['(a)\\1', /backreference "\\1"/],
  ['(?<w>\\w)\\k<w>', /backreference "\\k<w>"/],
  ['\\w+\\w+!', /can match the same characters one after the other/],
  ['\\d+\\.?\\d+x', /can match the same characters one after the other/],
  ['.*.*=x', /can match the same characters one after the other/],
  ['\\w+(?:\\s*)\\w+!', /"\\w\+" and "\\w\+" can match the same characters/],
  ['(\\w+)\\w+!', /can match the same characters one after the other/],
  ['(?:(\\w+)(\\w+))+!', /nested quantifier/],
  ['x'.repeat(MAX_PATTERN_LENGTH + 1), /characters long; the limit is 2000/],
];

const SAFE = [
  'interpreter',
  'interpret(?:er|ing|ation)',
  '(?:spanish|mandarin|cantonese) interpreter',
  'used (?:a |an )?(?:phone |video )?interpreter',
  '(?:\\w+\\s){0,3}interpreter',
  '(?:(\\w+)\\s){0,3}interpreter',
  '(?:\\S+ ){0,8}?because',
  '(?:cat|car)+',
  '\\p{L}+\\s+\\p{L}+',
  'worried[^.]{0,60}cancer',
  'worried.*cancer',
  '\\d+(?:\\.\\d+)?\\s?mg',
  'interpreter (?:id|#)\\s*\\d+',
  '(?<!not )agrees?',
  '[A-Z]{2,}',
];

describe('regular-expression safety', () => {
  for (const [source, reason] of HOSTILE) {
    it(`refuses ${source.length > 40 ? `${source.slice(0, 20)}... (${source.length} characters)` : source}`, () => {
      assert.match(regexSafetyProblem(source) ?? '(accepted)', reason);
    });
  }

  for (const source of SAFE) {
    it(`accepts ${source}`, () => {
      assert.equal(regexProblem(source), undefined);
    });
  }

  it('runs the accepted patterns on adversarial text in linear-looking time', () => {
    const inputs = ['a'.repeat(20_000), `${'ab '.repeat(7_000)}!`, `${'1'.repeat(20_000)}x`, `${'interpreter '.repeat(2_000)}?`];
    for (const source of SAFE) {
      const regex = new RegExp(`(?<![\\p{L}\\p{N}])(?:${source})(?![\\p{L}\\p{N}])`, 'giu');
      const started = Date.now();
      for (const input of inputs) input.replace(regex, '');
      assert.ok(Date.now() - started < 1000, `${source} took ${Date.now() - started} ms`);
    }
  });

  it('refuses patterns that do not compile, or that match empty text', () => {
    assert.match(regexProblem('a{2,1}') ?? '', /invalid regular expression/);
    assert.match(regexProblem('\\-') ?? '', /invalid regular expression "\\\\-"/);
    assert.match(regexProblem('x?') ?? '', /matches empty text/);
  });

  it('holds the built-in rules to the same limits', () => {
    for (const rule of defaultPack.rules) {
      rule.evidence.forEach((evidence, i) => {
        for (const source of [evidence.pattern, evidence.unless]) {
          // Built-in rules are reviewed code: the shape limits apply, the length limit does not.
          if (source !== undefined) assert.equal(regexSafetyProblem(expandWordLists(source, defaultPack.vocabulary), { maxLength: Infinity }), undefined, `${rule.id} evidence[${i}]`);
        }
      });
    }
    for (const trigger of defaultPack.context.triggers) assert.equal(regexSafetyProblem(expandWordLists(trigger.pattern, defaultPack.vocabulary)), undefined, trigger.pattern);
  });
});
