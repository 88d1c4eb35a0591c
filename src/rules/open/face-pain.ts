import type { Rule } from '../../engine/types';
import { NOT_CONVERSATION, WORDS } from '../vocabulary';

const FEELING = String.raw`(?:feelings?|emotions?|grief|loss|fears?|frustration|anger|sadness|distress|suffering|worry|worries|anxiety|despair|guilt|shame|hurt)`;
const WHOSE = String.raw`(?:her|his|their|the patient's|patient's|the family's|the parents')`;

export const facePain: Rule = {
  id: 'open.face-pain',
  title: 'Emotion acknowledged',
  skill: 'Be open',
  behavior: 'Face the pain',
  level: 'supporting',
  severity: 'hint',
  message: 'No emotion or suffering recorded as acknowledged in {section}',
  rationale:
    'Suffering is more than symptoms. Healers notice the tears, name the grief or fear, and stay with it instead of hurrying past; the note records what was seen and how it was met.',
  counts:
    'Emotion seen and met: "tearful when discussing her son", "grieving the loss of her husband", "acknowledged his frustration", "empathy expressed", "emotional support provided", condolences offered. An infant crying with feeds, "not tearful", and a mental status finding in the exam do not count.',
  evidence: [
    {
      // Emotion in the room.
      pattern: String.raw`tearful|teary-eyed|in tears|(?:cried|crying|wept|weeping|sobbing) (?:when|while|as|during|throughout|at times|talking|describing|discussing|speaking|recounting|about|over)|(?:was|became|is|were|began|started) (?:very |quite |visibly )?(?:crying|weeping|emotional|distraught|overwhelmed with emotion)|broke down|crying spells|(?:grieving|grief|bereaved|bereavement|mourning)`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      unless: String.raw`(?:baby|infant|newborn|neonate|toddler|child|boy|girl)[^.;\n]{0,60}?(?:cry|cried|crying|cries)|(?:cry|cried|crying|cries)[^.;\n]{0,30}?(?:inconsolab|feeds?|feeding|urinat|voiding|stool|bowel movement|diaper)|grief (?:counsel(?:l)?or|group) (?:phone|number)|(?:tearful|tearing|teary|watery) eyes|eyes? (?:are |were )?(?:tearful|tearing|teary|watery)`,
    },
    {
      // The clinician meeting it.
      pattern: String.raw`empathy|empathic|empathetic|compassion|condolences|sympathy|(?:acknowledged|validated|normalized|named|reflected|recognized) ${WORDS(2)}${WHOSE} (?:[^\s.;:!?]+ )?${FEELING}|(?:emotional|psychological|grief|bereavement) support (?:was )?(?:provided|given|offered)|(?:provided|offered|gave) ${WORDS(2)}(?:emotional|psychological|grief|bereavement) support|(?:explored|discussed|talked about|spent time on|made space for) ${WORDS(3)}${WHOSE} (?:[^\s.;:!?]+ )?${FEELING}|(?:listened|sat with (?:her|him|them)) ${WORDS(3)}(?:as|while) (?:she|he|they) (?:cried|grieved|wept|talked about|described|shared)|(?:space|room|time) to (?:grieve|cry|express (?:her|his|their) (?:feelings|emotions|grief))|(?:expressed|offered) (?:my |our )?(?:sympathy|condolences|empathy)|(?:this|it) (?:is|was|has been|must be) (?:[^\s.;:!?]+ )?(?:hard|difficult|painful|frightening|scary|overwhelming) for (?:her|him|them|the family)`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      unless: String.raw`sympathy for the devil`,
    },
  ],
  prompt: {
    label: 'Emotion',
    snippet: '${1:<the emotion shown>}; ${2:<how it was acknowledged>}',
    sections: ['hpi', 'subjective', 'assessment-plan', 'plan'],
    createSection: 'HPI',
    createAfter: ['chief-complaint', 'visit-info'],
  },
  examples: {
    documented: [
      'HPI: Tearful when describing the months since her husband died.',
      'A/P: Depression, moderate. Acknowledged his frustration with the slow recovery; emotional support provided.',
      'SUBJECTIVE: She is grieving the loss of her son in March.',
      'PLAN: Expressed condolences to the family and gave time to ask questions.',
    ],
    missing: [
      'HPI: 2-month-old crying with feeds for three days.',
      'HPI: Denies feeling sad or tearful.',
      'MENTAL STATUS: Affect tearful, mood "down".',
      'HPI: Her daughter was tearful in the waiting room.',
      'HPI: Tearful when discussing <what, and how it was acknowledged>.',
      'HPI: Infant has been crying when feeding.',
      'SOCIAL HISTORY: Sings "Sympathy for the Devil" with his band on weekends.',
    ],
  },
};
