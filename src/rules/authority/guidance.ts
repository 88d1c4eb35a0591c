import type { Rule } from '../../engine/types';
import { PATIENT_OBJECT, PLANNING_SECTIONS, WORDS } from '../vocabulary';

const REASON = String.raw`(?:because|since|in order to|so (?:that|as to)|to (?:help|reduce|prevent|lower|improve|protect|avoid|decrease|minimize|control|keep|relieve|ease|speed|promote|strengthen|slow)|as (?:this|it) (?:will|may|can|should|helps|reduces)|which (?:will|may|can|should) (?:help|reduce|lower|improve|prevent))`;

/** Written twice in the pattern, with and without a word in front, so that every match begins with a literal word (for the prefilter). */
const EDUCATION_GIVEN = String.raw`education (?:was |were |has been )?(?:provided|given|done|completed|reviewed|on|about|regarding)`;

export const guidance: Rule = {
  id: 'authority.guidance',
  title: 'Guidance with its reasons',
  skill: 'Share authority',
  behavior: 'Offer guidance',
  level: 'supporting',
  severity: 'hint',
  message: 'No recommendation with its reasons, or education given, in {section}',
  rationale:
    'Patients come for guidance, not only orders. Healers say what they recommend and why, and teach what the patient needs to carry it out; a recommendation with its reason is one a patient can weigh and remember.',
  counts:
    'Guidance given to the patient or family: a recommendation with its reason ("encouraged her to walk daily to improve her fitness"), advice addressed to them ("advised him to stay away from alcohol", "I recommended that they stop the juice"), education ("explained that tight sugar control slows the neuropathy", "written information on pre-eclampsia given", "counseled on ..."), or a patient instructions section with content. An order with no word to the patient ("Recommend MRI") does not count.',
  evidence: [
    {
      // Education and explanation.
      pattern: String.raw`(?:patient|family|caregiver|parent|diabetes|asthma|medication|dietary) ${EDUCATION_GIVEN}|${EDUCATION_GIVEN}|educat(?:ed|ing) ${PATIENT_OBJECT}|(?:was|were|has been|have been) educated|educational (?:materials?|supplies|handouts?|information|resources)|(?:handouts?|written (?:information|instructions|materials?)|pamphlets?|brochures?|information sheets?) ${WORDS(3)}(?:given|provided|dispensed|reviewed|sent|received|about|on|regarding)|(?:received|given|provided|gave (?:her|him|them)) ${WORDS(2)}(?:written|printed) (?:information|instructions|materials?)|counsel(?:l)?(?:ed|ing) (?:was |were )?${WORDS(3)}(?:on|about|regarding|given|provided|re:?)|(?:was|were|has been|have been) counsel(?:l)?ed|(?:explained|discussed|reviewed|talked (?:with (?:her|him|them) |to (?:her|him|them) )?(?:in detail )?about|went over|described) ${WORDS(6)}(?:the )?(?:importance|reasons?|rationale|purpose|why|benefits? of|need for|significance|nature of|natural history|diagnosis|procedure|how to|when to)|(?:explained|told|taught|showed|informed) (?:to )?${PATIENT_OBJECT}(?: and (?:her|his|their) [^\s.;:!?]+)? (?:that|why|how|about|in detail|regarding|when|what)`,
      sections: [...PLANNING_SECTIONS],
    },
    {
      // Advice addressed to the patient, or a recommendation with its reason.
      pattern: String.raw`(?:advised|encouraged|urged|counseled|counselled|instructed|recommended to|told) ${PATIENT_OBJECT}(?: and (?:her|his|their) [^\s.;:!?]+)? (?:to|that|about|against|on|regarding|not to)|(?:she|he|they|the patient|patient|pt|the parents|parents|the family|family|mother|father) (?:was|were|has been|have been) (?:[^\s.;:!?]+ )?(?:advised|encouraged|urged|instructed|counseled|counselled) (?:to|that|about|not|against|on|regarding)|(?:she|he|they|the patient|patient) (?:was|were) told to|recommend(?:ed)? that (?:she|he|they|the patient|patient|the family|the parents)|(?:recommend(?:ed|s)?|advised?|encouraged?|urged|suggested) ${WORDS(10)}${REASON}`,
      sections: [...PLANNING_SECTIONS],
    },
    {
      anyContent: { minWords: 6 },
      sections: ['instructions'],
    },
  ],
  prompt: {
    label: 'Advice',
    snippet: "${1:<the advice>}; ${2:<the reason, in the patient's terms>}",
    sections: ['plan', 'assessment-plan', 'instructions'],
    createSection: 'PLAN',
    createAfter: ['assessment', 'data', 'physical-exam', 'objective', 'hpi', 'subjective'],
  },
  examples: {
    documented: [
      'PLAN: I encouraged her to take a short walk each morning, because regular exercise makes migraines less frequent.',
      'A/P: Diabetic neuropathy. I explained to him that tighter sugar control slows the nerve damage.',
      'PLAN: She was advised to stick to clear fluids for a day so the stomach can settle.',
      'PATIENT INSTRUCTIONS: She was given a printed sheet about high blood pressure in pregnancy and the symptoms to watch for.',
    ],
    missing: [
      'RECOMMENDATIONS: MRI of the lumbar spine. Neurology consult.',
      'HPI: She was told she had a mild heart attack in 2019.',
      'PLAN: Will educate about inhaler technique at the next visit.',
      'PLAN: Advised the patient to <what> because <the reason>.',
      'PLAN: Education: ***',
    ],
  },
};
