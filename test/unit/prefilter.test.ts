import * as assert from 'node:assert/strict';
import { defaultPack } from '../../src/engine';
import { compilePack } from '../../src/engine/compile';
import { literalPrefixes } from '../../src/engine/prefilter';

describe('literal prefilter', () => {
  it('reads the literal words every match begins with', () => {
    assert.deepEqual(literalPrefixes('(?:i|we) will (?:see|call)'), ['i ', 'we ']);
    assert.deepEqual(literalPrefixes('(?:follow|return)(?:ed)?'), ['follow', 'return']);
    assert.deepEqual(literalPrefixes('worried|concerns?'), ['worried', 'concern']);
    assert.deepEqual(literalPrefixes(String.raw`\d+ ?mg|rtc`), ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9', 'rtc']);
    assert.deepEqual(literalPrefixes(String.raw`(?<!x)plan\.`), ['plan.']);
  });

  it('gives up where a match could begin with anything', () => {
    for (const source of [String.raw`\S+ worried`, '(?:the )?plan', 'a*b', '[a-z]+ing', '(?:x|.)y']) {
      assert.equal(literalPrefixes(source), undefined, source);
    }
  });

  it('never filters out a paragraph in which the full pattern matches', () => {
    const texts = [
      'she is worried it is cancer', 'we will see her back in 2 weeks', 'i will call with results', 'return in 3 months',
      'risks and benefits discussed', 'follow-up in 2 weeks', 'he would like to avoid surgery', 'interpreter present',
      'she believes it is stress', 'consent obtained for the exam', 'thanked the patient', 'her daughter accompanied her',
    ];
    for (const { rule, patterns } of compilePack(defaultPack).rules) {
      for (const pattern of patterns) {
        if (!pattern.regex || !pattern.prefilter) continue;
        for (const text of texts) {
          pattern.regex.lastIndex = 0;
          if (pattern.regex.test(text)) assert.ok(pattern.prefilter.test(text), `${rule.id}: ${text}`);
        }
      }
    }
  });
});
