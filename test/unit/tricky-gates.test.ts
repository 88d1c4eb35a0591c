// The hard gates on notes written to trip them (issue 13's tricky notes): each case is one gate, with the
// default pack's own words, and a look-alike that must still count so that a gate cannot pass by refusing all.
// The labelled set these came from is test/fixtures/tricky (scored by `npm run eval -- test/fixtures/tricky`).
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { analyze } from '../../src/engine';
import { readLabelledDir } from '../../src/eval/corpus';

/** The sentences credited to `ruleId` in `text`. */
function evidenceOf(text: string, ruleId: string): string[] {
  const result = analyze(text).results.find((r) => r.ruleId === ruleId);
  assert.ok(result, `no result for ${ruleId}`);
  return result.evidence.map((e) => text.slice(e.span.start, e.span.end));
}

const credits = (text: string, ruleId: string, sentence: string) => evidenceOf(text, ruleId).some((e) => e.includes(sentence) || sentence.includes(e));

describe('tricky notes: placeholders', () => {
  it('reads XX as an unfilled placeholder, not as a follow-up or an agreement', () => {
    const text = 'HPI: Headaches.\nPLAN: Magnesium 400 mg nightly. Patient agrees with plan: XX\nFOLLOW-UP: Follow up in XX weeks.\n';
    assert.deepEqual(evidenceOf(text, 'committed.no-abandon'), []);
    assert.deepEqual(evidenceOf(text, 'authority.permission'), []);
    // The written sentence of the same line is still the plan.
    assert.ok(credits(text, 'plan', 'Magnesium 400 mg nightly.'));
    assert.ok(credits('HPI: Headaches.\nPLAN: Magnesium nightly.\nFOLLOW-UP: Follow up in 6 weeks.\n', 'committed.no-abandon', 'Follow up in 6 weeks.'));
  });

  it('keeps a name left out after a title, and a karyotype, as text', () => {
    const text = 'HPI: Mrs. XX states she is worried about the biopsy result.\nPLAN: Biopsy Friday.\n';
    assert.ok(credits(text, 'explain.fear-anger', 'Mrs. XX states she is worried about the biopsy result.'));
    assert.ok(credits('HPI: Karyotype 46,XX. She is worried about the test.\nPLAN: Genetics referral.\n', 'explain.fear-anger', 'She is worried about the test.'));
  });
});

describe('tricky notes: negation', () => {
  it('reads a label answered "none" as negated', () => {
    const text = 'HPI: Foot pain.\nConcerns: none.\nPLAN: Night splint.\n';
    assert.deepEqual(evidenceOf(text, 'explain.fear-anger'), []);
    assert.ok(credits('HPI: Foot pain.\nConcerns: she is scared of surgery.\nPLAN: Night splint.\n', 'explain.fear-anger', 'she is scared of surgery'));
  });

  it('ends a negation where a second verb of belief begins after "and"', () => {
    const text = 'HPI: Cough for three weeks. She is not worried and thinks it is her seasonal allergies.\nPLAN: Chest x-ray.\n';
    assert.ok(credits(text, 'explain.understanding', 'thinks it is her seasonal allergies'));
    assert.deepEqual(evidenceOf(text, 'explain.fear-anger'), []);
  });

  it('does not take a question about the cause that names none for an account of it', () => {
    assert.deepEqual(evidenceOf('HPI: Itchy rash for 5 days. She is not sure what caused it.\nPLAN: Cream.\n', 'explain.understanding'), []);
    assert.ok(
      credits('HPI: Itchy rash. She is not sure whether the rash is from the new soap.\nPLAN: Cream.\n', 'explain.understanding', 'not sure whether the rash is from the new soap'),
    );
  });
});

describe('tricky notes: deferral', () => {
  it('does not count a decision or a follow-up left to be determined', () => {
    const text = 'HPI: Back pain.\nASSESSMENT AND PLAN\n1. Lumbar strain.\n- Naproxen 500 mg twice daily.\n- Need for follow-up to be determined.\n- Anticoagulation: to be decided after the echo.\n';
    assert.deepEqual(evidenceOf(text, 'committed.no-abandon'), []);
    // A safety net is hypothetical by nature, and still counts.
    assert.ok(credits(text.replace('Need for follow-up to be determined.', 'Return if the pain spreads to the leg.'), 'committed.no-abandon', 'Return if the pain spreads'));
  });

  it('does not take a plan that is still to come for a plan', () => {
    assert.deepEqual(evidenceOf('HPI: Abdominal pain.\nPLAN: To be determined after the attending examines her.\n', 'plan'), []);
    assert.deepEqual(evidenceOf('HPI: Numbness.\nASSESSMENT AND PLAN\nPlan to follow once the study has been reviewed.\n', 'plan'), []);
    assert.ok(credits('HPI: Numbness.\nASSESSMENT AND PLAN\nPlan to follow up in 2 weeks with the study.\n', 'plan', 'Plan to follow up in 2 weeks'));
  });
});

describe('tricky notes: text copied from an earlier note', () => {
  it('reads a header whose aside says it was carried forward as that visit\'s record', () => {
    const text =
      'HPI: Palpitations when she skips her walk.\n\nASSESSMENT AND PLAN (CARRIED FORWARD FROM PRIOR NOTE)\n\nApixaban 5 mg twice daily. Risks and benefits reviewed, and she agrees to continue. Follow up in 3 months.\n';
    assert.deepEqual(evidenceOf(text, 'authority.permission'), []);
    assert.deepEqual(evidenceOf(text, 'committed.no-abandon'), []);
    const copiedLabel = 'HPI: Tired.\nPREVIOUS VISIT PLAN (copied 04/02):\nIncrease levothyroxine. She agreed to the dose increase. Return in 6 weeks.\nPLAN: Continue levothyroxine.\n';
    assert.deepEqual(evidenceOf(copiedLabel, 'authority.permission'), []);
    assert.ok(credits(copiedLabel, 'plan', 'Continue levothyroxine.'));
  });

  it('keeps a copied block out even of a rule that accepts the patient\'s own past', () => {
    const text = 'HPI: Leg pain.\n\nCopied from visit on 09/14: Gabapentin at night. Patient prefers to avoid an epidural injection.\n\nPLAN: Gabapentin.\n';
    assert.deepEqual(evidenceOf(text, 'explain.hopes'), []);
    // Told in today's own words, the same wish counts.
    assert.ok(credits(text.replace('Copied from visit on 09/14: ', ''), 'explain.hopes', 'Patient prefers to avoid an epidural injection.'));
  });
});

describe('tricky notes: who is speaking', () => {
  it('does not credit a nurse\'s concern to the patient', () => {
    const text = 'HPI: Foot ulcer. The wound care nurse is concerned about the depth of the wound.\nPLAN: MRI.\n';
    assert.deepEqual(evidenceOf(text, 'explain.fear-anger'), []);
  });

  it('reads the patient\'s own first name as the patient, and a relative named at a sentence\'s start as the relative', () => {
    const text =
      'HPI: Helen Park is an 84-year-old female seen with her daughter. Her son, Mark, would like her to move. Mark is angry about the delay.\nPLAN: Reduce furosemide. Helen agreed to the lower dose.\n';
    assert.ok(credits(text, 'authority.permission', 'Helen agreed to the lower dose.'));
    assert.deepEqual(evidenceOf(text, 'explain.fear-anger'), []);
    assert.deepEqual(evidenceOf(text, 'explain.hopes'), []);
  });

  it('lets a proxy speak for an adult the note says cannot make decisions', () => {
    const text =
      'HPI: 83-year-old woman with agitation at night. Her niece, who holds medical power of attorney, says the patient has been scared of the dark.\nASSESSMENT: Patient is not able to make medical decisions.\nPLAN: Melatonin. The niece would like to avoid sedating medicines.\n';
    assert.ok(credits(text, 'explain.hopes', 'The niece would like to avoid sedating medicines.'));
    // Without a word about capacity, the niece's wish is hers.
    const capable = text.replace('Her niece, who holds medical power of attorney,', 'Her niece').replace('Patient is not able to make medical decisions.', 'Alert and oriented.');
    assert.deepEqual(evidenceOf(capable, 'explain.hopes'), []);
  });
});

describe('tricky notes: the labelled set', () => {
  it('quotes every label and trap exactly from its note', () => {
    const dir = path.resolve(__dirname, '../../../test/fixtures/tricky');
    const notes = readLabelledDir(dir);
    assert.ok(notes.length >= 40, `${notes.length} notes`);
    for (const note of notes) {
      const record = note.labels as typeof note.labels & { traps?: string[] };
      for (const [element, label] of Object.entries(record.elements)) {
        assert.equal(label.present, (label.evidence ?? []).length > 0, `${note.file} ${element}`);
        for (const quote of label.evidence ?? []) assert.ok(note.text.includes(quote), `${note.file} ${element}: ${quote}`);
      }
      for (const trap of record.traps ?? []) assert.ok(note.text.includes(trap), `${note.file} trap: ${trap}`);
    }
    // Both line-ending styles are in the set, and a lone CR.
    assert.ok(notes.some((n) => n.text.includes('\r\n')));
    assert.ok(notes.some((n) => /\r(?!\n)/.test(n.text)));
  });
});
