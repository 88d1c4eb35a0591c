import type { Rule } from '../../engine/types';
import { RECORD_SECTIONS, WORDS } from '../vocabulary';

export const courtesies: Rule = {
  id: 'little-things.courtesies',
  title: 'Courtesies',
  skill: 'Do the little things',
  behavior: 'Shake hands, smile, sit down, make eye contact',
  level: 'teaching',
  severity: 'hint',
  message: 'Courtesies of the visit (sitting down, eye contact) not recorded',
  rationale:
    'Sitting down at eye level, a handshake, a smile: patients read them as time and respect, and remember them. They rarely reach the note, and need not, but when they mattered (a bedside talk, a camera kept on) a line keeps them.',
  counts:
    'Courtesies recorded: "I sat with her at the bedside", "sat down with the family", "shook hands with the patient and his son", "I made eye contact", camera on for a video visit. The patient\'s own eye contact in a mental status exam does not count.',
  evidence: [
    {
      pattern: String.raw`(?:i|we) (?:sat|sit|was seated|were seated) (?:down )?(?:with|beside|next to|at|by|across from|in)|sat (?:down )?(?:with|beside|next to) (?:the patient|her|him|them|the family|the parents)|(?:spoke|talked|met|sat) with ${WORDS(3)}(?:at|by) (?:the |her |his )?bedside|(?:shook|shake|shaking) hands with|(?:i|we) (?:made|kept|maintained) eye contact|at eye level|camera (?:was |were )?(?:on|turned on|kept on)|(?:both|all) (?:parties )?on camera`,
      notSections: [...RECORD_SECTIONS],
    },
  ],
  examples: {
    documented: [
      'PLAN: I sat with her at the bedside and went over the biopsy result.',
      'HPI: Sat down with the patient and his son; shook hands with both.',
      'VISIT: Video visit, camera on throughout; I made eye contact while reviewing the plan.',
    ],
    missing: [
      'MENTAL STATUS: Poor eye contact, flat affect.',
      'PHYSICAL EXAM: Sitting up in a recliner by the window, comfortable.',
      'HPI: Tremor; her hands are shaking when she holds a cup.',
      'HPI: I did not sit down during the visit.',
    ],
  },
};
