import type { Rule } from '../../engine/types';
import { NOT_CONVERSATION } from '../vocabulary';

const MEMBER = String.raw`(?:students?|residents?|interns?|fellows?|attending|nurses?|scribe|learners?|pharmacist|interpreter|chaplain|social worker|colleague)`;
/** Every alternative begins with a literal word (no optional one in front), so that the prefilter can read the pattern. */
const ROLE = String.raw`(?:care team(?: members?)?|team(?: members?)?|(?:medical|nursing|pa|np) ${MEMBER}|${MEMBER})`;

export const introduce: Rule = {
  id: 'little-things.introduce',
  title: 'Introductions',
  skill: 'Do the little things',
  behavior: 'Introduce yourself and everyone on the team',
  level: 'supporting',
  severity: 'hint',
  message: 'No introductions recorded (who you and the team are) in {section}',
  rationale:
    'A patient who knows who is in the room, and why, can speak freely. Healers introduce themselves and every member of the team, and a line in the note shows it was done.',
  counts:
    'Introductions recorded: "I introduced myself and the medical student", "introduced myself as her new primary care physician", "introductions were made", "team members were introduced". A catheter "introduced into" a vein does not count.',
  evidence: [
    {
      pattern: String.raw`introduced (?:myself|ourselves)|introduced (?:me|us) to|introduced (?:the |our |my |a )?${ROLE}|${ROLE} (?:was |were )?introduced (?:to|themselves)|introductions (?:were |was )?(?:made|done|exchanged|completed)|(?:explained|described) (?:my|our|each person's|everyone's) roles?`,
      notSections: [...NOT_CONVERSATION],
    },
  ],
  prompt: {
    label: 'Introductions',
    snippet: '${1:<who was introduced to whom, and the roles explained>}',
    sections: ['hpi', 'subjective', 'chief-complaint'],
    createSection: 'HPI',
    createAfter: ['chief-complaint', 'visit-info'],
  },
  examples: {
    documented: [
      'HPI: I introduced myself and the medical student, Ms. Lee, and explained our roles. She presents with ankle pain.',
      'SUBJECTIVE: Introduced myself as her new primary care physician. Here to establish care.',
      'HPI: Seen with Dr. Patel (resident); introductions were made to the patient and her husband.',
      'Team members were introduced to the family at the start of the visit.',
    ],
    missing: [
      'HPI: Ankle pain for two days after a fall.',
      'PROCEDURE: The catheter was introduced into the right femoral vein.',
      'HPI: She was introduced to a low-FODMAP diet by her dietitian last year.',
      'HPI: I introduced myself and <team members and roles>.',
    ],
  },
};
