import type { Rule } from '../../engine/types';
import { RECORD_SECTIONS, WORDS } from '../vocabulary';

/** Written twice in the pattern, with and without a word in front, so that every match begins with a literal word (for the prefilter). */
const PLEASURE = String.raw`pleasure (?:to|of) (?:[^\s.;:!?]+ )?(?:meet|meeting|see|seeing|care for|caring for|know|knowing|work with|working with|participate)`;

export const risk: Rule = {
  id: 'like.risk',
  title: 'Personal connection',
  skill: 'Find something to like',
  behavior: 'Take the risk',
  level: 'teaching',
  severity: 'hint',
  message: 'No personal connection or appreciation of the patient recorded',
  rationale:
    'Healers take the small risk of connecting as people: enjoying a patient\'s humor, admiring their persistence, sharing a story. Liking something about a patient changes how both of them experience the care.',
  counts:
    'A connection or appreciation recorded: "I enjoyed hearing about her trip", "I admire his persistence", "we laughed about ...", "I have known her for 12 years". "Pleasant 48-year-old" is a stock phrase and does not count; "a pleasure to see" in a consult letter is boilerplate.',
  evidence: [
    {
      pattern: String.raw`(?:i|we) (?:really )?(?:enjoyed|enjoy) ${WORDS(3)}(?:meeting|seeing|talking|caring|working|hearing|visiting|getting to know|catching up)|privilege (?:to|of) ${WORDS(2)}(?:care|caring|know|knowing|meet|meeting|be (?:her|his|their))|(?:i|we) (?:admire|admired|appreciate|appreciated|respect|respected) (?:her|his|their|the patient's) (?:[^\s.;:!?]+ )?(?:persistence|humor|humour|courage|resilience|honesty|candor|determination|kindness|spirit|strength|dedication|openness|insight|good humor)|(?:impressed|inspired|moved|touched) by (?:her|his|their)|(?:we|she and i|he and i|they and i) (?:shared|laughed|joked|talked about ${WORDS(2)}(?:family|grandchildren|grandkids|trip|travels|garden|hobbies|interests|dog|book|team|music))|(?:have|has) known (?:her|him|them|the patient|this patient|the family|(?:mr|mrs|ms|miss)\.? [a-z]+) (?:for|since)|(?:her|his|their) (?:sense of humou?r|resilience|courage|strength|kindness|determination) (?:is|was) (?:[^\s.;:!?]+ )?(?:remarkable|inspiring|admirable|evident|impressive|wonderful)`,
      notSections: [...RECORD_SECTIONS],
    },
    {
      pattern: String.raw`(?:a|it was a|it is a|always a) ${PLEASURE}|${PLEASURE}`,
      notSections: [...RECORD_SECTIONS],
      strength: 'boilerplate',
    },
  ],
  examples: {
    documented: [
      'HPI: I have known Mrs. Ortiz for twelve years; she came in today with her usual jokes despite the pain.',
      'A/P: I admire her persistence with the exercises after two setbacks.',
      'PLAN: We laughed about her grandson\'s soccer team before reviewing the results.',
    ],
    missing: [
      'HPI: Pleasant 52-year-old man seen for a sore left heel.',
      'HPI: Her husband has known about the lump for a month.',
      'PLAN: Start amoxicillin 500 mg three times daily.',
      'A/P: I do not admire <what>.',
    ],
  },
};
