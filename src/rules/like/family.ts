import type { Rule } from '../../engine/types';
import { NOT_CONVERSATION, WORDS } from '../vocabulary';

const KIN = String.raw`(?:mother|father|mom|dad|parents?|wife|husband|sister|brother|son|daughter|child|children|grandmother|grandfather|grandparents?|family(?: members?)?|relatives?|loved ones?)`;

export const family: Rule = {
  id: 'like.family',
  title: 'Care as for my own',
  skill: 'Find something to like',
  behavior: 'Think of your family',
  level: 'teaching',
  severity: 'hint',
  message: 'Care framed as for one\'s own family not recorded',
  rationale:
    'Asking "what would I want if this were my mother?" cuts through defensive medicine and habit. It is rarely written, but when a recommendation was made in that spirit, saying so tells the patient how seriously it was meant.',
  counts:
    'Care framed as for the clinician\'s own family: "if she were my mother, I would recommend surgery", "what I would want for my own father". A patient\'s own family history does not count.',
  evidence: [
    {
      pattern: String.raw`(?:if|as if) ${WORDS(3)}(?:were|was) my (?:own )?${KIN}|(?:for|to) my own ${KIN}|(?:i|we) would ${WORDS(2)}(?:for|want for|give|tell|offer|recommend (?:to|for)|do for|choose for) (?:my own|a member of my own|a member of my) ${KIN}|as (?:i|we) would (?:treat|care for|want for) (?:my|our) own`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      allowContext: ['hypothetical', 'other-experiencer'],
    },
  ],
  examples: {
    documented: [
      'A/P: I told her that if she were my mother, I would recommend the surgery now rather than later.',
      'PLAN: Recommended hospice as I would for my own father, and said so.',
      'PLAN: I gave him the advice I would give my own brother: stop smoking now.',
    ],
    missing: [
      'FAMILY HISTORY: My mother had breast cancer at 50, per the patient.',
      'HPI: Her mother would like her to have surgery.',
      'PLAN: Recommend knee replacement.',
      'A/P: If she were <relationship>, I would recommend <what>.',
    ],
  },
};
