import type { Rule } from '../../engine/types';
import { NOT_CONVERSATION, WORDS } from '../vocabulary';

/** Written twice below, with and without a word in front, so that every match begins with a literal word (for the prefilter). */
const QUESTIONS_HEARD = String.raw`questions:? (?:were |was |have been )?(?:invited|encouraged|elicited|welcomed|answered|addressed|asked and answered)`;
const ASKER = String.raw`(?:the patient's|patient's|her|his|their|the family's|family's|the parents'|parents'|the mother's|the father's)`;

export const present: Rule = {
  id: 'listen.present',
  title: 'Questions invited and answered',
  skill: 'Take time and listen',
  behavior: 'Be present',
  level: 'supporting',
  severity: 'hint',
  message: 'No record that the patient\'s questions were invited and answered in {section}',
  rationale:
    'Being present means the visit is not over until the patient\'s questions are: asking "what questions do you have?" and answering them. The note records that the door was opened, and what the patient asked.',
  counts:
    'Questions invited and answered: "all questions answered", "she asked about driving; answered", "questions invited, none further", "had no further questions". Screening or orientation questions the patient answered do not count.',
  evidence: [
    {
      pattern: String.raw`(?:all|any|her|his|their|the|${ASKER}) ${QUESTIONS_HEARD}|${QUESTIONS_HEARD}|answered (?:all )?(?:of )?${ASKER} (?:[^\s.;:!?]+ )?questions|(?:invited|encouraged|welcomed|solicited) ${WORDS(2)}questions|opportunity ${WORDS(2)}(?:to ask|for) questions|(?:no|without) (?:further|additional|other|more) questions|(?:had|has|have|with) no questions|time (?:was )?(?:allowed|given|left) for questions|(?:she|he|they|the patient|patient|the family|family|parents|the parents|mother|father) (?:asked|had|has|have) ${WORDS(3)}questions|(?:asked|invited) (?:her|him|them|the patient|the family|the parents) (?:if|whether) (?:she|he|they) had (?:any )?questions|questions? (?:about|regarding|on) ${WORDS(5)}(?:were |was )?(?:answered|addressed)`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      unless: String.raw`(?:orientation|screening|intake|survey|mmse|moca|cognitive) questions|questions? ${WORDS(3)}(?:appropriately|correctly|incorrectly)|(?:did not|does not|unable to) (?:answer|respond to) (?:[^\s.;:!?]+ )?questions`,
    },
  ],
  prompt: {
    label: 'Questions',
    snippet: '${1:<what the patient asked>}; ${2:<the answers given>}',
    sections: ['plan', 'assessment-plan', 'instructions'],
    createSection: 'PLAN',
    createAfter: ['assessment', 'data', 'physical-exam', 'objective', 'hpi', 'subjective'],
  },
  examples: {
    documented: [
      'PLAN: Start metformin. All questions answered.',
      'A/P: She asked whether she can still drive; questions about driving and work were answered.',
      'PLAN: Reviewed the plan with her mother, who had no further questions.',
      'PLAN: Invited questions; he asked how long the cast stays on.',
    ],
    missing: [
      'PLAN: Start metformin 500 mg twice daily.',
      'MENTAL STATUS: Did not answer orientation questions.',
      'HPI: She answered the screening questions appropriately.',
      'PLAN: Questions answered: [ ]',
      'PLAN: All orientation questions were answered correctly.',
    ],
  },
};
