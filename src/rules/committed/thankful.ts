import type { Rule } from '../../engine/types';
import { COMPANION, RECORD_SECTIONS, WORDS } from '../vocabulary';

export const thankful: Rule = {
  id: 'committed.thankful',
  title: 'Thanks to the patient',
  skill: 'Be committed and trustworthy',
  behavior: 'Be thankful',
  level: 'teaching',
  severity: 'hint',
  message: 'No thanks to the patient recorded',
  rationale:
    'Healers are grateful to patients: for their trust, their candor, the privilege of caring for them. Saying thank you is a small act that patients remember; a line in the note is rare and need not be.',
  counts:
    'Thanks to the patient or family: "thanked the patient for her candor", "I am grateful for his trust", "appreciated her patience". A consultant\'s "thank you for the referral" to a colleague, or a patient thanking staff, does not count.',
  evidence: [
    {
      pattern: String.raw`thank(?:ed|s)? (?:the patient|patient|her|him|them|the family|family|the parents|parents|the mother|mother|the father|father|both)|(?:grateful|thankful) (?:to (?:the patient|her|him|them|the family)|for (?:her|his|their) (?:[^\s.;:!?]+ )?(?:trust|patience|candor|candour|honesty|openness|willingness|time|participation|feedback))|(?:i|we) (?:appreciate|appreciated) (?:the patient's|her|his|their) (?:[^\s.;:!?]+ )?(?:trust|patience|candor|candour|honesty|openness|willingness|time|participation|sharing|feedback)|(?:expressed|offered) (?:my |our )?(?:thanks|gratitude|appreciation) (?:to|for)`,
      notSections: [...RECORD_SECTIONS],
      unless: String.raw`thank(?:s| you) for (?:the |this |your |allowing|letting|involving|referring|asking)|(?:the patient|patient|she|he|they|${COMPANION}) ${WORDS(1)}thank(?:ed|s)`,
    },
  ],
  examples: {
    documented: [
      'PLAN: I thanked her for her honesty about the missed doses.',
      'A/P: Thanked the patient and his wife for their patience with the long workup.',
      'PLAN: We appreciate his trust in coming back after last year.',
    ],
    missing: [
      'Thank you for the consultation.',
      'Thank you for letting me see this kind gentleman in consultation.',
      'PLAN: The patient thanked the nurses on discharge.',
      'HPI: Her husband thanked her for coming in.',
    ],
  },
};
