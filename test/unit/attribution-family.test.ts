import * as assert from 'node:assert/strict';
import { analyze, defaultPack } from '../../src/engine';
import { Attribution, lacksCapacity, namedRelativePattern, namedRelatives, proxySpeaksForPatient, type NamedRelatives } from '../../src/engine/attribution';
import { wordListSource } from '../../src/engine/vocabulary';
import { notesIn } from './own-notes';
import { compilePack } from '../../src/engine/compile';

const attribution = compilePack(defaultPack).attribution;
const speakerOf = (sentence: string, proxy: boolean, relatives?: NamedRelatives) => attribution.speakerOf(sentence, proxy, relatives);

const statusOf = (text: string, ruleId: string) => analyze(text).results.find((r) => r.ruleId === ruleId)?.status;

describe('attribution: family members and proxies', () => {
  it('reads a sentence that opens on a relative as the relative, verb or not', () => {
    assert.equal(speakerOf('Wife very anxious about the surgery.', false), 'other');
    assert.equal(speakerOf('Husband worried since the fall.', false), 'other');
    assert.equal(speakerOf('Her daughter (a nurse) concerned about the new pills.', false), 'other');
    // A parent of a child speaks for the child.
    assert.equal(speakerOf('Mother very anxious about the fever.', true), 'proxy');
  });

  it('keeps the patient as the speaker when the relative is not the subject', () => {
    assert.notEqual(speakerOf("Wife's illness has her very anxious.", false), 'other');
    assert.notEqual(speakerOf('Husband and patient are both worried.', false), 'other');
    assert.equal(speakerOf('She is worried about her husband.', false), 'patient');
    assert.notEqual(speakerOf('Family history of anxiety.', false), 'other');
  });

  it('learns the names of relatives the note introduces', () => {
    const relatives = namedRelatives('HPI: Seen with her daughter, Ana Ruiz, and her son Tom.\nMr. Lee (husband) was on the phone.');
    assert.ok(relatives);
    assert.equal(speakerOf('Ana states she is worried about the cost.', false, relatives), 'other');
    assert.equal(speakerOf('Ana Ruiz believes the pills cause the dizziness.', false, relatives), 'other');
    assert.equal(speakerOf('Tom thinks she needs more help at home.', false, relatives), 'other');
    assert.equal(speakerOf('Mr. Lee is concerned about driving.', false, relatives), 'other');
    assert.equal(speakerOf('She states she is worried about the cost.', false, relatives), 'patient');
    assert.equal(namedRelatives('HPI: She lives with her husband.'), undefined);
  });

  it('does not credit a named daughter\'s worry to the patient', () => {
    const text = 'HPI: Dizziness. Here with her daughter, Ana Ruiz.\nAna says she is worried her mother will fall.\nPLAN: Orthostatic vitals. Return in 2 weeks.';
    assert.equal(statusOf(text, 'explain.fear-anger'), 'missing');
    assert.equal(statusOf(text.replace('Ana says she is', 'She says she is'), 'explain.fear-anger'), 'documented');
  });

  it('lets a proxy speak for an adult who cannot decide for themself', () => {
    assert.equal(proxySpeaksForPatient('HPI: 79-year-old woman. She lacks decision-making capacity.'), true);
    assert.equal(proxySpeaksForPatient('HPI: 66-year-old man; his wife is his health care power of attorney.'), true);
    assert.equal(proxySpeaksForPatient('HPI: 70-year-old man. History obtained from his daughter, as he is confused.'), true);
    assert.equal(proxySpeaksForPatient('HPI: 58-year-old man with a legal guardian.'), true);
    assert.equal(proxySpeaksForPatient('HPI: 45-year-old woman with knee pain. Her husband drove her.'), false);
    assert.equal(proxySpeaksForPatient('HPI: 61-year-old man. He has capacity and makes his own decisions.'), false);
  });

  it('credits the concern of a proxy for an adult who lacks capacity, and not of a spouse for one who decides', () => {
    const note = (opening: string) => `HPI: 84-year-old man. ${opening}\nWife is worried he is in pain.\nPLAN: Scheduled acetaminophen. Return in 1 week.`;
    assert.equal(statusOf(note('He lacks capacity; his wife is his surrogate decision-maker.'), 'explain.fear-anger'), 'documented');
    assert.equal(statusOf(note('He is alert and gives his own history.'), 'explain.fear-anger'), 'missing');
  });

  it('does not take a refused or chosen interpreter for a shared decision', () => {
    const plan = (line: string) => `HPI: Cough.\nPLAN: Chest x-ray. ${line}\nReturn in 1 week.`;
    assert.equal(statusOf(plan('Patient declined an interpreter.'), 'authority.permission'), 'missing');
    assert.equal(statusOf(plan('Interpreter services were refused.'), 'authority.permission'), 'missing');
    assert.equal(statusOf(plan('She prefers to use her son as interpreter.'), 'authority.permission'), 'missing');
    assert.equal(statusOf(plan('Patient declined the chest x-ray after we discussed the risks.'), 'authority.permission'), 'documented');
  });
});

describe('attribution: note-wide patterns read piece by piece', () => {
  const relatives = defaultPack.vocabulary.relatives;
  const capacity = lacksCapacity(wordListSource(relatives));
  const names = namedRelativePattern(wordListSource(relatives));
  const own = [
    'HPI: 80-year-old man. His daughter, Ana Ruiz, is his health care power of attorney; Tom (son) called.',
    'HPI: 72-year-old woman. She lacks decision-making capacity. Mr. Lee, her husband: present.',
    'Seen with her daughter Maria Lopez-Diaz; history obtained from her daughter. Plan: follow up.',
    ...notesIn('samples'),
    ...notesIn('test/fixtures/notes'),
  ];

  it('finds what a reading of the whole note finds, keystroke after keystroke, separators typed into matches', () => {
    const reader = new Attribution(relatives);
    let compared = 0;
    for (const start of own) {
      let text = start;
      // Each edit types a separator (or a letter) somewhere, the next one elsewhere: cached pieces meet new ones.
      for (let i = 0; i < 24; i++) {
        assert.equal(reader.proxySpeaksForPatient(text), proxySpeaksForPatient(text, capacity), `capacity after edit ${i}`);
        assert.equal(reader.namedRelatives(text)?.key, namedRelatives(text, names)?.key, `names after edit ${i}`);
        compared++;
        const at = Math.floor(((i * 7919) % 997) / 997 * text.length);
        text = text.slice(0, at) + ['.', ':', ';', 'x', ' '][i % 5] + text.slice(at);
      }
    }
    assert.ok(compared > 100);
  });

  it('compiles the pattern of the same names once', () => {
    const reader = new Attribution(relatives);
    const first = reader.namedRelatives('HPI: Seen with her daughter, Ana Ruiz.');
    assert.ok(first);
    assert.equal(reader.namedRelatives('HPI: Seen today with her daughter, Ana Ruiz.'), first);
  });
});
