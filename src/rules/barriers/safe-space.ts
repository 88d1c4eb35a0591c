import type { Rule } from '../../engine/types';
import { RECORD_SECTIONS, WORDS } from '../vocabulary';

const EXAM = String.raw`(?:exam|examination|breast exam|pelvic(?: exam)?|genital exam|rectal exam|sensitive exam|physical exam|skin exam)`;

/** Written twice in the pattern, with and without a word in front, so that every match begins with a literal word (for the prefilter). */
const CONSENT_FOR_EXAM = String.raw`consent (?:was |is )?(?:obtained |given |received )?(?:for|to|before|prior to) (?:the |a |her |his )?${EXAM}`;

export const safeSpace: Rule = {
  id: 'barriers.safe-space',
  title: 'Privacy, chaperone, consent',
  skill: 'Remove barriers',
  behavior: 'Be safe and make welcoming spaces',
  level: 'supporting',
  severity: 'hint',
  message: 'No privacy, chaperone or consent to examine recorded in {section}',
  rationale:
    'Patients speak and undress only where they feel safe. A chaperone offered, consent asked before a sensitive exam, time alone with a teenager, a door closed: the note shows the space was made safe.',
  counts:
    'A safe space made: chaperone offered or present; consent obtained before an exam; interviewed alone or privately (adolescent confidentiality); privacy ensured; trauma-informed care. Consent for a procedure belongs to the shared decision, and a confidentiality footer or a privacy-practices notice does not count.',
  evidence: [
    {
      pattern: String.raw`chaperon(?:e|ed|es)|(?:verbal|written|informed) ${CONSENT_FOR_EXAM}|${CONSENT_FOR_EXAM}|consent(?:ed)? to (?:be )?examin(?:e|ed|ation)|(?:agreed|permission|consented) ${WORDS(2)}(?:to|for|before) (?:the |a |an |her |his )?(?:[^\s.;:!?]+ )?${EXAM}|(?:asked|obtained|with) (?:her |his |their |the patient's )?permission ${WORDS(3)}(?:to examine|before examining|to proceed with the exam|to touch)|(?:interviewed|seen|spoke with|spoken to|met with|talked with) ${WORDS(3)}(?:alone|privately|in private|confidentially)|(?:parents?|mother|father|family|partner|husband|wife|boyfriend|girlfriend) ${WORDS(2)}(?:stepped|left|was asked to (?:step|leave)|were asked to (?:step|leave)|excused|waited) (?:out|outside|the room)|confidential(?:ity|ly)? ${WORDS(3)}(?:discussed|explained|reviewed|assured|maintained|interview|discussion|conversation|portion|time)|(?:discussed|explained|reviewed|assured) ${WORDS(2)}confidentiality|privacy (?:was |were )?(?:ensured|maintained|respected|provided|offered|curtain)|private (?:room|space|area|setting|location)|trauma[- ]informed|(?:door|curtain) (?:was )?(?:closed|drawn)|(?:stop|pause) (?:the exam )?at any time|(?:safe|welcoming) (?:space|environment)`,
      notSections: [...RECORD_SECTIONS],
      unless: String.raw`(?:no|without|not) (?:[^\s.;:!?]+ )?chaperone|chaperone:? (?:none|n/a|not|no)\b|privacy (?:practices|notice|policy|act|rule)|lives (?:alone|privately)`,
    },
  ],
  prompt: {
    label: 'Privacy and consent',
    snippet: '${1:<chaperone, consent or private interview>}; ${2:<who was present>}',
    sections: ['physical-exam', 'objective', 'hpi', 'subjective'],
    createSection: 'PHYSICAL EXAM',
    createAfter: ['ros', 'social-history', 'family-history', 'hpi', 'subjective'],
  },
  examples: {
    documented: [
      'PHYSICAL EXAM: Chaperone (RN Diaz) present for the breast and pelvic exam.',
      'HPI: 16-year-old interviewed alone after her mother stepped out; confidentiality explained.',
      'EXAM: Verbal consent obtained before the rectal exam; she was told she could stop at any time.',
      'Video visit; patient in a private room at home.',
    ],
    missing: [
      'PHYSICAL EXAM: Abdomen soft, nontender.',
      'PROCEDURE: Informed consent was obtained for the procedure.',
      'SOCIAL HISTORY: Lives alone in an apartment.',
      'This note contains confidential health information. See the notice of privacy practices.',
      'PHYSICAL EXAM: No chaperone present.',
      'PHYSICAL EXAM: Chaperone offered: <who was present>.',
      'PHYSICAL EXAM: Chaperone none today.',
    ],
  },
};
