import type { Rule } from '../../engine/types';
import { WORDS } from '../vocabulary';

const NOT_ASKED_HERE = ['family-history', 'medications', 'allergies', 'data'] as const;

export const unspoken: Rule = {
  id: 'open.unspoken',
  title: 'Other concerns, mood, safety',
  skill: 'Be open',
  behavior: 'Look for the unspoken',
  level: 'supporting',
  severity: 'hint',
  message: 'No record of asking about other concerns, mood or safety in {section}',
  rationale:
    'The reason a patient gives at the door is often not the one that brought them. "Is there anything else?", a question about mood, and a question about safety at home let the unspoken be said, and a denial is as worth recording as a yes.',
  counts:
    'Asked about the unspoken: "anything else?", other concerns, mood or coping, a depression or anxiety screen (PHQ-9, GAD-7, EPDS), safety at home, suicidal thoughts or self-harm, firearms. A denial counts ("denies suicidal ideation", "feels safe at home"): it shows the question was asked. A mood line in a review-of-systems checklist does not.',
  evidence: [
    {
      // Screening instruments and safety questions: a negative answer still shows the question.
      pattern: String.raw`phq[- ]?(?:2|9|a)|gad[- ]?(?:2|7)|epds|edinburgh (?:postnatal )?depression|(?:depression|anxiety|mood|suicide|suicide risk|safety|ipv|domestic violence|social needs) screen(?:ing)?|screened ${WORDS(2)}for (?:depression|anxiety|mood|intimate partner violence|domestic violence|ipv|safety|suicid\w*|food insecurity|social needs|housing)|(?:feels?|felt|feeling) safe (?:at home|in (?:her|his|their) (?:home|relationship))|safety (?:at home|plan|assessment|concerns|of (?:her|his|their) home)|(?:suicidal|homicidal) (?:ideation|ideations|thoughts|intent|plan)|(?:is|was) not suicidal|suicid(?:al|e) (?:risk|screen\w*|assessment)|thoughts of (?:self[- ]harm|suicide|hurting|harming|ending)|self[- ]harm|si/hi|hi/si|(?:denies|no|passive|active) si\b|(?:firearms?|guns?) (?:in the home|at home|access|storage|safely stored|locked)|access to (?:firearms|guns|weapons)`,
      notSections: [...NOT_ASKED_HERE],
      allowContext: ['negated', 'historical'],
      unless: String.raw`si joints?|sacroiliac|(?:phq|gad|epds|screen(?:ing)?)[^.;\n]{0,20}?(?:not (?:done|completed|performed|obtained|administered|indicated)|deferred|n/a)|(?:not|never) (?:been )?(?:done|completed|screened)`,
    },
    {
      // Asked about other concerns, mood, or coping.
      pattern: String.raw`(?:asked|inquired|checked|explored) ${WORDS(4)}(?:about|regarding|if|whether) ${WORDS(3)}(?:anything else|other concerns?|other (?:issues|problems|worries)|(?:her|his|their) mood|mood|depression|anxiety|stress|coping|safety|home life|relationships?|sexual health|what (?:else )?(?:worries|concerns|bothers))|anything else (?:she|he|they) (?:wanted|wants|would like|needed|needs) to (?:discuss|talk about|mention|raise)|(?:any|no|other|additional) (?:other )?(?:concerns?|issues|worries) (?:she|he|they) (?:wanted|wants|would like) to (?:discuss|raise|mention)|hidden agenda|(?:real|main|underlying|true) reason for (?:the|her|his|their|today's) visit|(?:mood|coping) (?:was |were )?(?:screened|assessed|discussed|explored|asked about)|how (?:she|he|they) (?:is|are|has been|have been) coping|(?:coping|copes) (?:well|poorly|with)`,
      notSections: [...NOT_ASKED_HERE, 'ros'],
    },
    {
      // "No other concerns" is the trace of "anything else?", though often a stock phrase.
      pattern: String.raw`(?:no|denies any|denies) (?:other|further|additional) (?:concerns|complaints|issues)|(?:no|denies) other (?:concerns|issues) (?:at this time|today)`,
      notSections: [...NOT_ASKED_HERE, 'ros', 'physical-exam', 'objective'],
      allowContext: ['negated'],
      strength: 'boilerplate',
    },
  ],
  prompt: {
    label: 'Other concerns',
    snippet: '${1:<what was asked about: other concerns, mood, safety>}; ${2:<the answer>}',
    sections: ['hpi', 'subjective'],
    createSection: 'HPI',
    createAfter: ['chief-complaint', 'visit-info'],
  },
  examples: {
    documented: [
      'HPI: Asked whether there was anything else she wanted to discuss; she then raised her son\'s drinking.',
      'SUBJECTIVE: PHQ-9 score 14 today, up from 6.',
      'HPI: Denies suicidal ideation; feels safe at home.',
      'HPI: I asked about his mood since the layoff; he has been low and sleeping poorly.',
    ],
    missing: [
      'HPI: Cough for three days, no fever.',
      'REVIEW OF SYSTEMS: Psychiatric: negative for depression and anxiety.',
      'PHYSICAL EXAM: Back: SI joint tenderness on the right.',
      'FAMILY HISTORY: Brother with depression and a suicide attempt.',
      'HPI: Asked about mood: <what the patient said>.',
      'PLAN: Depression screening not done today.',
    ],
  },
};
