import type { Rule } from '../../engine/types';
import { NOT_CONVERSATION, WORDS } from '../vocabulary';

const LAST_VISIT = String.raw`(?:last|previous|prior|recent|preceding) (?:visit|appointment|encounter|time)`;
const EARLIER = String.raw`(?:the |her |his |their |our |my )?${LAST_VISIT}`;
/** Each written twice in the patterns, with and without a word in front, so that every match begins with a literal word (for the prefilter). */
const CHANGED_AT_LAST_VISIT = String.raw`${LAST_VISIT},? (?:was |were )?(?:started|prescribed|referred|ordered|increased|changed) (?:on|to)`;
const PENDING_NOW_BACK = String.raw`pending ${WORDS(3)}(?:results?|labs?|cultures?|pathology|studies) ${WORDS(3)}(?:now |have |has )?(?:returned|back|resulted|reviewed|available)`;
const TESTS = String.raw`(?:results?|labs?|lab work|imaging|mri|ct|x-?rays?|biopsy|pathology|echo(?:cardiogram)?|studies|tests?|ultrasound|sleep study|colonoscopy|work-?up|blood work)`;
const REFERRAL = String.raw`(?:referral|consult(?:ation)?|appointment|evaluation|visit)`;

export const faithful: Rule = {
  id: 'committed.faithful',
  title: 'Earlier plans followed through',
  skill: 'Be committed and trustworthy',
  behavior: 'Be faithful',
  level: 'supporting',
  severity: 'hint',
  message: 'No follow-through on earlier plans (results, referrals from the last visit) in {section}',
  rationale:
    'Faithfulness is visible in the loop closed: the test ordered last time reviewed this time, the referral checked on, the medication started last visit reassessed. The note shows that nothing promised was dropped.',
  counts:
    'Earlier plans followed through: "labs from the last visit reviewed with her", "saw cardiology as referred", "the referral to dermatology was completed", "pending culture from last week returned and reviewed", "since the last visit we requested her records", "last visit started on Cialis; mild improvement". A comparison ("improved from the last visit"), a referral not kept, or a plan for next time do not count.',
  evidence: [
    {
      pattern: String.raw`(?:reviewed|discussed|went over|followed up on|following up on|follow(?:-| )?up (?:on|of)) ${WORDS(4)}${TESTS} ${WORDS(4)}(?:from|ordered at|ordered during|obtained since|done since|since|at|after) ${EARLIER}|${TESTS} ${WORDS(4)}(?:from|of|ordered at|ordered during|obtained since|done since|since|at) ${EARLIER}(?: (?:were|was|are|is|have been|has been))? (?:[^\s.;:!?]+ )?(?:reviewed|discussed|back|returned|available|normal|abnormal|unremarkable)|as (?:planned|discussed|agreed|arranged|recommended) (?:at|during) ${EARLIER}|(?:since|after) ${EARLIER},? (?:she|he|they|the patient|patient|we|i) ${WORDS(2)}(?:saw|has seen|was seen|completed|had|underwent|started|sent|obtained|received|followed|tried|was asked|were asked|requested|called|contacted)|(?:started|prescribed|begun|initiated|recommended|ordered|referred|increased|changed) ${WORDS(4)}(?:at|during) ${EARLIER}|(?:the|her|his|their|our|my) ${CHANGED_AT_LAST_VISIT}|${CHANGED_AT_LAST_VISIT}`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      allowContext: ['historical'],
      // Continuing a standing prescription is not a loop closed.
      unless: String.raw`continue ${WORDS(4)}as (?:prescribed|started|ordered|before)`,
    },
    {
      pattern: String.raw`${REFERRAL} (?:to|with) ${WORDS(3)}(?:was |has been )?(?:completed|done|kept|attended)|(?:referral|consult(?:ation)?) (?:to [^\s.;:!?]+ )?(?:from|made at|placed at) ${EARLIER} (?:was |has been )?(?:completed|done|kept|attended)|(?:saw|has seen|was seen by|seen by|met with|has met with|followed up with|completed) ${WORDS(4)}as (?:referred|planned|recommended|arranged)|(?:referral|consult(?:ation)?|specialist'?s?) ${WORDS(2)}(?:report|note|letter|recommendations) (?:was |were |has been |have been )?(?:received|reviewed)|(?:kept|attended|completed) (?:her|his|their|the) (?:[^\s.;:!?]+ )?(?:appointment|referral|consultation|therapy sessions|physical therapy)|(?:previously|still) ${PENDING_NOW_BACK}|${PENDING_NOW_BACK}|(?:closing|closed) the loop|loop (?:was )?closed`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      allowContext: ['historical'],
    },
  ],
  prompt: {
    label: 'Since the last visit',
    snippet: '${1:<results or referrals from the last visit, and what was done>}',
    sections: ['hpi', 'subjective', 'assessment-plan', 'plan'],
    createSection: 'HPI',
    createAfter: ['chief-complaint', 'visit-info'],
  },
  examples: {
    documented: [
      'HPI: Labs from the last visit were reviewed with her: A1c down to 7.2.',
      'SUBJECTIVE: She saw dermatology as referred; the biopsy was benign.',
      'HPI: Since the last visit we requested records from her previous cardiologist.',
      'A/P: The pending urine culture from last week has returned and was reviewed; sensitive to nitrofurantoin.',
    ],
    missing: [
      'PLAN: Blood pressure improved from the last visit; continue lisinopril.',
      'HPI: She did not keep her appointment with cardiology.',
      'PLAN: Will review the MRI at the next visit.',
      'HPI: Here for follow-up of hypertension.',
      'HPI: Results from the last visit reviewed: <test, what it showed>.',
      'PLAN: Continue the inhaler as started at her last visit.',
    ],
  },
};
