import type { Rule } from '../engine/types';

const FUTURE_ACTION = String.raw`(?:will|we'll|i'll|to|plan(?:s|ned)? to|going to|should|needs? to|would like to)\s+(?:(?:also|then|now|likely|please|go ahead and)\s+)?(?:start|begin|initiate|continue|resume|increase|decrease|reduce|taper|titrate|stop|discontinue|hold|change|switch|add|order|obtain|check|recheck|repeat|draw|send|get|schedule|arrange|refer|consult|admit|discharge|prescribe|give|treat|perform|proceed|monitor|follow|see|call|return|place|apply|use|take|try|begin)`;
const PLAN_STATEMENT = String.raw`plan(?: is| was| will be)? to|the plan (?:is|will be)|recommend(?:ed|s|ation)?|advised|instructed|prescribed|prescription (?:for|given|sent)|(?:was|were) referred to|referred to|referral (?:to|placed|made|sent)|orders? (?:placed|written|given)|(?:start|continue|resume|increase|decrease|discontinue|stop|hold|begin|add) (?:on )?(?:the |her |his |current |with )?(?:[a-z-]+ )?(?:\d+(?:\.\d+)? ?(?:mg|mcg|g|units?|ml)|medications?|therapy|antibiotics?|treatment)|rx:?`;

// Words that make a line a thing to do rather than a finding: actions, orders, doses, tests.
const ACTIONABLE = String.raw`continue[sd]?|start(?:ed)?|begin|initiate[sd]?|stop|discontinue[sd]?|hold|increase[sd]?|decrease[sd]?|taper|titrate|adjust|switch|add|order(?:ed|s)?|obtain|check|recheck|repeat|draw|labs?|x-?rays?|ct|mri|ultrasound|ekg|ecg|echo(?:cardiogram)?|biopsy|cultures?|refer(?:ral|red)?|consult(?:ation)?|admit(?:ted)?|admission|discharged?|prescri(?:be|bed|ption)|\d+(?:\.\d+)?\s?(?:mg|mcg|g|units?|ml)|daily|b\.?i\.?d|t\.?i\.?d|q\.?i\.?d|q\.?d|p\.?r\.?n|as needed|therapy|counsel(?:ed|ing)?|educat(?:ed|ion)|advised?|recommend(?:ed|ations?)?|instruct(?:ed|ions)?|follow[- ]?up|return|schedule[sd]?|monitor(?:ing)?|observe|observation|rest|ice|fluids|diet|exercise|surgery|injection|vaccin(?:e|ation)|immunization|diary|trial of|will|plan(?:ned)?`;

export const plan: Rule = {
  id: 'plan',
  title: 'Recorded plan',
  skill: 'Be committed and trustworthy',
  behavior: 'A recorded plan',
  level: 'core',
  severity: 'error',
  message: 'No recorded plan: what will be done (tests, treatment, referral, instructions)',
  rationale:
    'Every patient should leave with a plan, and the note is where the team finds it. A plan is the ground on which a shared decision and a follow-up stand.',
  counts:
    'A Plan or Assessment and Plan section with real content (not only *** or [ ]), or plan statements elsewhere: "will start", "recommend", "referred to", "plan is to".',
  evidence: [
    {
      anyContent: { minWords: 2, ignore: String.raw`(?:as|see|per) (?:noted |discussed )?above|none|n/?a|(?:tbd|to be (?:determined|decided)|undecided|deferred|pending|to follow)[^.;,\n]*|discussed|reviewed|same|unchanged|no changes?|nothing new|not applicable|plan` },
      sections: ['plan', 'instructions'],
    },
    { pattern: ACTIONABLE, sections: ['assessment-plan', 'hospital-course'] },
    { pattern: FUTURE_ACTION, notSections: ['past-history', 'family-history', 'social-history', 'ros', 'medications', 'allergies'] },
    { pattern: PLAN_STATEMENT, notSections: ['past-history', 'family-history', 'social-history', 'ros', 'medications', 'allergies', 'hpi', 'subjective', 'chief-complaint'] },
  ],
  prompt: {
    label: 'Plan',
    snippet: '${1:<what will be done, and why>}',
    sections: ['plan', 'assessment-plan'],
    createSection: 'PLAN',
    createAfter: ['assessment', 'data', 'physical-exam', 'objective', 'hpi', 'subjective'],
  },
  examples: {
    documented: [
      'ASSESSMENT: Hypertension, above goal.\nPLAN: Start lisinopril 10 mg daily. Recheck BMP in 2 weeks.',
      'Assessment and Plan:\n1. Low back strain. Ibuprofen with food, heat, and a home exercise sheet.',
      'HPI: Cough for 3 days.\nWe will obtain a chest x-ray today.',
      'PLAN: Start lisinopril 10 mg daily.',
    ],
    missing: [
      'HPI: Cough for 3 days.\nASSESSMENT: Viral bronchitis.\nPLAN: ***',
      'HPI: Cough for 3 days.\nPLAN:\n\nFOLLOW-UP: [ ]',
      'HPI: She was started on amoxicillin last week by urgent care.\nASSESSMENT: Sinusitis.',
      'Assessment: Stable.',
      'HPI: Cough.\nASSESSMENT: Bronchitis.\nPLAN: As above.',
    ],
  },
};
