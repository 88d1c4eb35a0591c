import * as assert from 'node:assert/strict';
import { splitSentences } from '../../src/engine/sentences';
import type { Span } from '../../src/engine/types';

function sentencesOf(text: string): string[] {
  const spans: Span[] = [];
  splitSentences(text, 0, text.length, (s) => spans.push(s));
  return spans.map((s) => text.slice(s.start, s.end));
}

describe('sentences', () => {
  it('ends a sentence at . ! or ? before a capital or a number', () => {
    assert.deepEqual(sentencesOf('Cough for a week. No fever! Worse at night? 2 episodes of vomiting.'), [
      'Cough for a week.', 'No fever!', 'Worse at night?', '2 episodes of vomiting.',
    ]);
  });

  it('does not end a sentence after a title or a clinical abbreviation', () => {
    assert.deepEqual(sentencesOf('Seen by Dr. Lee and Mrs. Ortiz today. Naproxen 250 mg p.o. b.i.d. With food.'), [
      'Seen by Dr. Lee and Mrs. Ortiz today.', 'Naproxen 250 mg p.o. b.i.d. With food.',
    ]);
  });

  it('keeps decimals and lower-case continuations inside the sentence', () => {
    assert.deepEqual(sentencesOf('Temperature 38.5 today vs. 37.9 yesterday. Eating well.'), ['Temperature 38.5 today vs. 37.9 yesterday.', 'Eating well.']);
    assert.deepEqual(sentencesOf('Cough improved. then worse again.'), ['Cough improved. then worse again.']);
  });

  it('ends every sentence at a line break and trims white space', () => {
    assert.deepEqual(sentencesOf('  Cough\n\nNo fever  \r\n Sleeps well'), ['Cough', 'No fever', 'Sleeps well']);
  });

  it('keeps a closing quote with its sentence', () => {
    assert.deepEqual(sentencesOf('She said "it burns." Then she left.'), ['She said "it burns."', 'Then she left.']);
  });
});
