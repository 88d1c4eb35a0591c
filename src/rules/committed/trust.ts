import type { Rule } from '../../engine/types';
import { NOT_CONVERSATION, WORDS } from '../vocabulary';

const RESULT = String.raw`(?:results?|findings|report|pathology|biopsy|labs?|lab work|levels?|scan|mri|ct|x-?rays?|ultrasound|echo(?:cardiogram)?)`;
const TO_PATIENT = String.raw`(?:the patient|patient|her|him|them|the family|the parents|you)`;
// A consultant's closing offer to the referring clinician ("do not hesitate to call me", "should you need further
// information, ..."): contact given to a colleague, not to the patient. It runs to the end of its clause.
const OFFER_TO_COLLEAGUE = String.raw`(?:feel free|do not hesitate|don't hesitate) to (?:contact|call|page|reach)[^.;]*|(?:if|should) (?:you )?(?:need|require) (?:any )?(?:further|additional|more) (?:information|details)[^.;]*`;

export const trust: Rule = {
  id: 'committed.trust',
  title: 'Results, contact, continuity',
  skill: 'Be committed and trustworthy',
  behavior: 'Invest in trust',
  level: 'supporting',
  severity: 'hint',
  message: 'No word on how results will reach the patient, or how to reach you, in {section}',
  rationale:
    'Trust grows from small promises kept: "I will call you with the biopsy result on Thursday", a direct number, the same clinician next time. The note records the promise so that it is kept, by whoever reads it.',
  counts:
    'How results will be communicated ("I will call her with the biopsy result", "results will be released to the patient portal with a message"), contact given ("gave her my direct number", "knows how to reach the on-call line"), continuity ("we have been following her", "wishes to continue care with our clinic", "reestablish care with Dr. X"). Results awaited from another hospital, a consultant\'s "feel free to contact me" to the referring doctor, and nursing orders to notify the physician do not count.',
  evidence: [
    {
      // Results: who tells the patient, and how.
      pattern: String.raw`(?:call|contact|notify|phone|message|email|e-mail|inform|update|send|mail|text) (?:${TO_PATIENT} )?${WORDS(3)}(?:with|about|of|regarding|when (?:we|i) (?:get|have|receive)) (?:the |her |his |their |any |all |these )?(?:[^\s.;:!?]+ )?${RESULT}|let ${TO_PATIENT} know (?:the |her |his |their |about (?:the |her |his |their )?)?(?:[^\s.;:!?]+ )?${RESULT}|${RESULT} ${WORDS(3)}(?:will be|to be|would be) (?:[^\s.;:!?]+ )?(?:called|communicated|sent|mailed|released|posted|shared|discussed|reviewed|given) (?:to|with) ${TO_PATIENT}|${RESULT} ${WORDS(3)}(?:will be|to be|would be) (?:[^\s.;:!?]+ )?(?:called|communicated|sent|mailed|released|posted|shared) (?:by|via|through|on|in) (?:phone|telephone|letter|mail|mychart|the portal|the patient portal|patient portal|email|message)|(?:review|discuss|go over) ${WORDS(3)}${RESULT} (?:with ${TO_PATIENT}|at (?:the|her|his|their) (?:next|follow-?up|return) (?:visit|appointment))|(?:next|follow-?up|return) (?:visit|appointment) ${WORDS(6)}(?:to (?:review|discuss|go over) ${WORDS(2)}${RESULT}|with (?:all |the )?(?:[^\s.;:!?]+ )?${RESULT} (?:available|back|in hand))|mychart|patient portal`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      unless: String.raw`(?:notify|call|page) (?:md|physician|provider|doctor|house officer|the team|team|me|us|surgery|cardiology)|(?:from|by) (?:the )?(?:outside|other|referring|previous) (?:hospital|facility|provider|physician|office|clinic)|${OFFER_TO_COLLEAGUE}`,
    },
    {
      // Contact given.
      pattern: String.raw`(?:gave|given|provided|has|have) ${WORDS(3)}(?:my|our|the clinic'?s?|the office|a direct|the direct|the after[- ]hours|the nurse|the 24[- ]hour) (?:[^\s.;:!?]+ )?(?:number|phone|phone number|contact (?:information|info|details)|card|email|pager|line)|(?:can|may|should|knows how to|know how to) (?:reach|contact|call|message) (?:me|us|the clinic|the office|the nurse line|our office|the on-?call)|contact (?:information|info|details) ${WORDS(2)}(?:given|provided|reviewed|confirmed)|(?:welcome|encouraged|invited) to (?:contact|call|message|reach) (?:me|us)|how to (?:reach|contact) (?:me|us|the clinic|the office|the team|the on-?call)|(?:after[- ]hours|on-?call|nurse advice|24[- ]hour) (?:line|number)`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      unless: OFFER_TO_COLLEAGUE,
    },
    {
      // Continuity.
      pattern: String.raw`continuity(?: of care)?|(?:i|we) will (?:continue to )?(?:be|remain) (?:her|his|their) (?:primary|doctor|physician|provider|pcp|oncologist|surgeon|cardiologist)|(?:we|i) have been (?:following|seeing|caring for) (?:her|him|them|this patient|the patient)|(?:continue|continuing) (?:to )?(?:follow(?:-| )?up|care|be seen|see) ${WORDS(2)}with (?:me|us|our|this|the|her|his|their)|(?:establish(?:ed|ing)?|re-?establish(?:ed|ing)?) (?:care|contact) (?:with|here)|(?:with|see) the same (?:provider|clinician|physician|doctor|team)|usually (?:provide|provides|see|sees|care for|cares for)|(?:her|his|their) (?:usual|regular|longtime|long-time) (?:primary care )?(?:physician|doctor|provider|pcp|oncologist|team|clinic|care providers?)|(?:i|we) (?:will )?(?:stay|keep) in (?:touch|contact)`,
      notSections: [...NOT_CONVERSATION, 'ros'],
    },
  ],
  prompt: {
    label: 'Results and contact',
    snippet: '${1:<how and when results reach the patient>}; ${2:<contact given>}',
    sections: ['follow-up', 'plan', 'assessment-plan', 'instructions'],
    createSection: 'FOLLOW-UP',
    createAfter: ['plan', 'assessment-plan', 'instructions', 'assessment'],
  },
  examples: {
    documented: [
      'PLAN: Biopsy sent. I will call her with the pathology result by Friday.',
      'FOLLOW-UP: Lab results will be released to the patient portal with a note from me; she has my nurse\'s direct line.',
      'HPI: Nine-year-old with eczema; we have been seeing her in this clinic since she was a baby.',
      'A/P: He wishes to continue follow-up with our clinic despite the distance.',
      'INSTRUCTIONS: If you have questions before the scan, you know how to reach the nurse line.',
    ],
    missing: [
      'PLAN: Results from outside hospital will be sent to her primary doctor.',
      'Should you require further information about this patient, you know how to reach me.',
      'PLAN: Notify MD of critical lab results.',
      'HPI: Her epilepsy is managed by a neurologist across town.',
      'PLAN: I will call the patient with the <test> results <when>.',
    ],
  },
};
