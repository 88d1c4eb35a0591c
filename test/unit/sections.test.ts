import * as assert from 'node:assert/strict';
import { analyze, defaultPack } from '../../src/engine';
import { findSections, SectionVocabulary } from '../../src/engine/sections';
import { notesIn } from './own-notes';

const kinds = (text: string) => analyze(text).sections.map((s) => s.kind);

describe('sections', () => {
  it('reads upper-case headers with colons, inline text and title case', () => {
    const text = 'CHIEF COMPLAINT: Cough.\nHistory of Present Illness: Two days.\nPLAN: Start amoxicillin.\n';
    assert.deepEqual(kinds(text), ['chief-complaint', 'hpi', 'plan']);
    const plan = analyze(text).sections[2];
    assert.equal(text.slice(plan.headerRange.start, plan.headerRange.end), 'PLAN:');
    assert.equal(text.slice(plan.bodyRange.start, plan.bodyRange.end).trim(), 'Start amoxicillin.');
  });

  it('reads markdown headings, numbered headers and a known header alone on its line', () => {
    assert.deepEqual(kinds('## Subjective\nFeels better.\n\n1. Assessment and Plan: Continue.\nPHYSICAL EXAMINATION\nClear.'), [
      'subjective',
      'assessment-plan',
      'physical-exam',
    ]);
  });

  it('keeps unknown all-caps labels inside the section they sit in', () => {
    assert.deepEqual(kinds('PHYSICAL EXAM:\nHEENT: Normal.\nLUNGS: Clear.\nPLAN: Rest.'), ['physical-exam', 'physical-exam', 'physical-exam', 'plan']);
  });

  it('does not take prose with a colon for a header', () => {
    assert.deepEqual(kinds('She said this: it hurts.\nPatient understanding: stress.'), ['preamble']);
  });

  it('reads CRLF notes with the same sections as LF notes', () => {
    const lf = 'HPI: Cough.\nPLAN: Rest.\n';
    const crlf = lf.replace(/\n/g, '\r\n');
    assert.deepEqual(kinds(crlf), kinds(lf));
    const plan = analyze(crlf).sections[1];
    assert.equal(crlf.slice(plan.bodyRange.start, plan.bodyRange.end).trim(), 'Rest.');
  });
});

describe('sections: lines read once', () => {
  it('finds the same sections, edit after edit, as a vocabulary that has read nothing yet', () => {
    const shared = new SectionVocabulary(defaultPack.sections);
    let compared = 0;
    for (const start of [...notesIn('samples'), ...notesIn('test/fixtures/notes')]) {
      let text = start;
      for (let i = 0; i < 12; i++) {
        assert.deepEqual(findSections(text, shared), findSections(text, new SectionVocabulary(defaultPack.sections)), `edit ${i}`);
        compared++;
        // Type a header's colon, a line break or a letter somewhere: lines split, join and change under the cache.
        const at = Math.floor((((i * 7919) % 997) / 997) * text.length);
        text = text.slice(0, at) + [':', '\n', 'X', '\nPLAN:'][i % 4] + text.slice(at);
      }
    }
    assert.ok(compared > 50);
  });
});
