import * as assert from 'node:assert/strict';
import { defaultPack } from '../../src/engine';
import { proxySpeaksForPatient } from '../../src/engine/attribution';
import { compilePack } from '../../src/engine/compile';

const { attribution } = compilePack(defaultPack);
const speakerOf = (sentence: string, proxy: boolean) => attribution.speakerOf(sentence, proxy);

describe('attribution: who a sentence speaks for', () => {
  const cases: [sentence: string, speaker: string][] = [
    ['She says the itching keeps her awake.', 'patient'],
    ['Per the patient, the swelling began on Friday.', 'patient'],
    ['Her husband says she has been forgetting her keys.', 'other'],
    // The earlier frame governs.
    ['She says her husband is worried about the cost.', 'patient'],
    ['Her husband says she is worried about the cost.', 'other'],
    // A clinician's frame anywhere in the sentence.
    ['After the exam, we discussed her options.', 'clinician'],
    ['I reviewed the x-ray with her.', 'clinician'],
    // Quoted speech is the patient's own words.
    ['"My knees feel older than the rest of me."', 'patient'],
    // An "I" inside quotation marks is whoever is quoted, not the clinician; outside them it is the clinician.
    ['"I want to be able to lift my grandson again."', 'patient'],
    ['"I think the new job is making me sick', 'patient'],
    ['I want her to see cardiology; "soon," she added.', 'clinician'],
    // The grammatical subject decides when patient and relative are both named without a frame.
    ['Despite the pain, she walks her mother\'s dog every day.', 'patient'],
    ['Worried about a blood clot.', 'unknown'],
  ];
  for (const [sentence, speaker] of cases) {
    it(`${speaker}: ${sentence}`, () => assert.equal(speakerOf(sentence, false), speaker));
  }

  it('a relative speaks for the patient when the patient cannot (a proxy)', () => {
    assert.equal(speakerOf('Her husband says she has been forgetting her keys.', true), 'proxy');
    assert.equal(speakerOf('She says her husband is worried about the cost.', true), 'patient');
  });
});

describe('attribution: when a proxy speaks for the patient', () => {
  const proxies = [
    '3-week-old girl brought in for poor feeding.',
    'A 15-year-old boy with a sprained wrist, here with his father.',
    'Seventeen-year-old with acne.',
    'Toddler with a barking cough.',
    'HPI: 80-year-old man, nonverbal since his stroke, brought by his daughter.',
  ];
  for (const opening of proxies) it(`proxy: ${opening}`, () => assert.equal(proxySpeaksForPatient(opening), true));

  const adults = ['18-year-old college student with a sore throat.', '45-year-old woman with knee pain.', 'HPI: Adult man with a cough.'];
  for (const opening of adults) it(`no proxy: ${opening}`, () => assert.equal(proxySpeaksForPatient(opening), false));

  it('reads only the opening of the note', () => {
    assert.equal(proxySpeaksForPatient(`45-year-old woman.\n${'Cough. '.repeat(600)}\nHer toddler is well.`), false);
  });
});
