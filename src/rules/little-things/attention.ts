import type { Rule } from '../../engine/types';
import { RECORD_SECTIONS, WORDS } from '../vocabulary';

const MINUTES = String.raw`(?:\d+|ten|fifteen|twenty|thirty|forty|forty-five|sixty)(?:\+)? ?(?:minutes?|min)`;

export const attention: Rule = {
  id: 'little-things.attention',
  title: 'Undivided attention',
  skill: 'Do the little things',
  behavior: 'Give your undivided attention',
  level: 'teaching',
  severity: 'hint',
  message: 'Time given to the patient (face-to-face, counseling) not recorded',
  rationale:
    'Patients feel the difference between a clinician who is with them and one who is half at the screen. The note can show the time given: face-to-face minutes, most of the visit spent counseling.',
  counts:
    'Time with the patient recorded: "25 minutes face-to-face, more than half in counseling", "spent 30 minutes with the patient and family", "undivided attention". Time spent on a procedure does not count.',
  evidence: [
    {
      pattern: String.raw`undivided attention|${MINUTES} ${WORDS(4)}(?:was |were )?spent ${WORDS(3)}(?:counsel(?:l)?ing|in counsel|with the patient|with (?:her|him|them|the family|the parents)|discussing|in discussion|educating|on education)|(?:spent|spending) (?:over |more than |greater than |approximately |about |at least )?${MINUTES} ${WORDS(3)}(?:with (?:the patient|her|him|them|the family|the parents)|counsel(?:l)?ing|discussing|educating|talking)|(?:more than|over|greater than) (?:half|50 ?%) (?:of )?(?:the |this |our )?(?:total )?(?:[^\s.;:!?]+ )?(?:visit|time|encounter|appointment)`,
      notSections: [...RECORD_SECTIONS],
      unless: String.raw`(?:during|for|on) the procedure|procedure time|(?:not|no) face[- ]to[- ]face`,
    },
    {
      // "Face-to-face" alone is usually a billing or certification phrase.
      pattern: String.raw`face[- ]to[- ]face`,
      notSections: [...RECORD_SECTIONS],
      strength: 'boilerplate',
    },
  ],
  examples: {
    documented: [
      'I spent 40 minutes face-to-face with the patient, more than half in counseling about the new diagnosis.',
      'PLAN: Reviewed the diet handout with her for more than half of the visit.',
      'Total time 35 minutes, of which 25 minutes were spent counseling the parents.',
    ],
    missing: [
      'PLAN: Start metformin 500 mg daily.',
      'PROCEDURE: 25 minutes of procedure time were spent with the patient.',
      'Time: <minutes face-to-face>',
      'HPI: Headaches last about 30 minutes.',
    ],
  },
};
