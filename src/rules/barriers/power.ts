import type { Rule } from '../../engine/types';
import { RECORD_SECTIONS, WORDS } from '../vocabulary';

const BACK = String.raw`(?:the plan|the instructions|how to|when to|the dosing|the doses?|the warning signs|the (?:red flags|signs)|what to do|the reasons?|back)`;
const WHO = String.raw`(?:she|he|they|patient|the patient|mother|father|parents|the parents|caregiver|the caregiver|the family)`;

export const power: Rule = {
  id: 'barriers.power',
  title: 'Plain language, teach-back',
  skill: 'Remove barriers',
  behavior: 'Pay attention to power and its differentials',
  level: 'supporting',
  severity: 'hint',
  message: 'No check of understanding (teach-back, plain language) recorded in {section}',
  rationale:
    'The white coat, the jargon and the hurry put the clinician above the patient. Plain words, a teach-back ("tell me how you will take it"), and respect for the patient\'s choice bring the conversation level.',
  counts:
    'Power leveled: teach-back ("patient restated the plan in her own words", "demonstrated the inhaler technique back"), plain language or a picture, health literacy considered, the patient\'s decision respected. A bare "verbalized understanding" is boilerplate. Reading a chart (eye chart) does not count.',
  evidence: [
    {
      pattern: String.raw`teach[- ]?back|(?:repeated|restated|summarized|explained|demonstrated|stated|described|verbalized|taught) ${WORDS(4)}(?:back|in (?:her|his|their) own words)|${WHO} (?:(?:was|were) able to|correctly|accurately) (?:repeat|restate|explain|demonstrate|teach|describe|state|repeated|restated|explained|demonstrated|described|stated) ${WORDS(3)}${BACK}|${WHO} (?:repeated|restated|re-stated) ${WORDS(3)}${BACK}|(?:plain|simple|everyday|lay|layman'?s|nonmedical|non-medical|non-technical) (?:language|terms|words|english)|(?:avoided|without) (?:medical )?jargon|health literacy|(?:literacy|reading) level|large[- ]print|(?:used|using|with|drew|drawing|showed (?:her|him|them)) (?:a |an )?(?:pictures?|diagrams?|drawings?|models?|visual aids?)|visual aids?|(?:respected|respect|honou?red|honou?r|supported|support) ${WORDS(2)}(?:her|his|their|the patient's|patient's) (?:decision|choice|wishes|preference|autonomy|right to)|(?:her|his|their) (?:decision|choice|wishes|autonomy) (?:was |were |is |are |will be )?(?:respected|honou?red|supported)`,
      notSections: [...RECORD_SECTIONS, 'ros'],
      unless: String.raw`(?:eye|snellen|vision) chart|with respect to|in respect of|(?:read|reading) glasses`,
    },
    {
      // A stock phrase: it names understanding without showing how it was checked.
      pattern: String.raw`(?:verbalized|verbalizes|voiced|voices|expressed|expresses) (?:good |full |clear )?understanding`,
      notSections: [...RECORD_SECTIONS, 'ros'],
      strength: 'boilerplate',
    },
  ],
  prompt: {
    label: 'Teach-back',
    snippet: '${1:<what the patient restated or showed, in their words>}',
    sections: ['plan', 'assessment-plan', 'instructions'],
    createSection: 'PLAN',
    createAfter: ['assessment', 'data', 'physical-exam', 'objective', 'hpi', 'subjective'],
  },
  examples: {
    documented: [
      'PLAN: Insulin pen technique taught; she demonstrated it back correctly, and teach-back of the hypoglycemia plan was accurate.',
      'A/P: Explained the diagnosis in plain language with a drawing of the heart valves.',
      'PLAN: The patient restated the plan in her own words: one pill at night, call if dizzy.',
      'PLAN: He declines dialysis; we respect his decision and will focus on comfort.',
    ],
    missing: [
      'PLAN: Start lisinopril 10 mg daily. Recheck BMP in 2 weeks.',
      'PHYSICAL EXAM: Unable to read the eye chart past the second line.',
      'HPI: Her mother explained the plan from the last visit.',
      'PLAN: Teach-back: <what the patient said back>.',
      'PLAN: With respect to her decision about surgery, she will tell us in the spring.',
    ],
  },
};
