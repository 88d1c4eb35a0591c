import type { Rule } from '../../engine/types';
import { PLANNING_SECTIONS } from '../vocabulary';

export const confident: Rule = {
  id: 'authority.confident',
  title: 'Clear assessment and advice',
  skill: 'Share authority',
  behavior: 'Be confident',
  level: 'teaching',
  severity: 'hint',
  message: 'No clear assessment or recommendation in the clinician\'s own voice',
  rationale:
    'Sharing authority is not giving it up: patients want a clinician who says clearly what they think is going on and what they recommend. A plain "I think this is reflux, and I recommend ..." is the confident half of a shared decision.',
  counts:
    'A clear assessment or recommendation in the clinician\'s voice: "I think this is reflux", "my recommendation is surgery", "I strongly recommend", "the presentation is consistent with vestibular migraine". Hedges ("I suspect", "possibly") and "I would not recommend" alone do not count.',
  evidence: [
    {
      pattern: String.raw`(?:i|we) (?:strongly |would |do |firmly |now |have |had |also )?(?:recommend|advise)(?:ed)?|my (?:recommendation|advice|impression|assessment) is|(?:i|we) (?:am|are) (?:confident|certain|sure) (?:that|this|it)|(?:i|we) (?:believe|think|feel),? (?:strongly )?(?:that )?(?:this|it|she|he|her|his) (?:is|has|was|represents)(?! (?:possibly|probably|perhaps|likely|unlikely|not))|(?:diagnosis|presentation|picture|findings|history) (?:is|are) (?:most |entirely |fully )?(?:consistent with|typical of|classic for|diagnostic of)`,
      sections: [...PLANNING_SECTIONS],
      // "Because of last year's work-up, I think this is reflux": the judgment is today's.
      allowContext: ['historical'],
    },
  ],
  examples: {
    documented: [
      'A/P: Chest pain. I think this is reflux, not the heart, and I recommend a trial of omeprazole.',
      'IMPRESSION AND PLAN: Spinning spells with light sensitivity; the history is typical of vestibular migraine.',
      'ASSESSMENT AND PLAN: With the fever and crackles at the right base, I believe this is a pneumonia.',
    ],
    missing: [
      'A/P: Upper belly pain; I feel it may well be connected to her reflux.',
      'A/P: I would not recommend a transesophageal echo at this point.',
      'HPI: She thinks this is from stress at work.',
      'PLAN: Start omeprazole 20 mg daily.',
    ],
  },
};
