import type { Rule } from '../../engine/types';
import { NOT_CONVERSATION, WORDS } from '../vocabulary';

export const still: Rule = {
  id: 'listen.still',
  title: 'Time and stillness',
  skill: 'Take time and listen',
  behavior: 'Be still',
  level: 'teaching',
  severity: 'hint',
  message: 'Time given or silence allowed not recorded',
  rationale:
    'Stillness tells a patient there is time for what is hard to say: a pause after bad news, no hand on the door. It happens in the room; when it shaped the visit (an extended visit, time to take in news) the note can say so.',
  counts:
    'Time and silence given: "unhurried visit", "allowed time to absorb the news", "gave her time to think before deciding", "sat in silence with him", "extended visit". "Allowed time for the medication to work" does not count.',
  evidence: [
    {
      pattern: String.raw`unhurried|(?:took|take|taking) (?:our|my|the|plenty of|extra|additional|ample) time (?:with|to (?:talk|listen|explain|hear|go over))|(?:gave|give|given|giving|allowed|allowing|allow) (?:her|him|them|the patient|the family|the parents) ${WORDS(3)}time to (?:think|process|reflect|absorb|consider|decide|talk|speak|tell|ask|grieve|collect|cry|take in)|(?:time|space) (?:was |were )?(?:given|allowed|provided|left) (?:for|to) (?:questions|reflection|silence|processing|grieve|cry|think)|(?:moments?|periods?|minutes?) of silence|silence (?:was )?(?:allowed|respected|held)|sat (?:in silence|quietly) with|(?:without|no) (?:rushing|rush)|(?:did not|didn't) rush|extended (?:visit|appointment|time)`,
      notSections: [...NOT_CONVERSATION],
    },
  ],
  examples: {
    documented: [
      'PLAN: After sharing the biopsy result I allowed her time to take in the news before we talked about next steps.',
      'HPI: Extended visit today; the patient had a lot to tell about the last year.',
      'A/P: We sat in silence with him for a minute; then he asked about hospice.',
    ],
    missing: [
      'PLAN: Allow time for the antibiotic to work; recheck in 3 days.',
      'HPI: He felt rushed at his last appointment elsewhere.',
      'PLAN: Start sertraline 25 mg daily.',
      'PLAN: Gave her time to <what>.',
    ],
  },
};
