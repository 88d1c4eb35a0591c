import type { Rule } from '../../engine/types';
import { HISTORY_SECTIONS, INTERVAL, NOT_CONVERSATION } from '../vocabulary';

const FOLLOW_UP = String.raw`follow(?:-| )?up|followup|f/u`;
const RETURN = String.raw`return(?:s|ing)?|come back|comes back|be seen|to be seen|see (?:her|him|them|the patient|you|me)|seeing (?:her|him|them)|recheck(?:ing)?|re-?check(?:ing)?|re-?evaluat(?:e|ion)|re-?examin(?:e|ation)|revisit|next (?:visit|appointment|appt)`;

export const noAbandon: Rule = {
  id: 'committed.no-abandon',
  title: 'Follow-up and safety net',
  skill: 'Be committed and trustworthy',
  behavior: 'Do not abandon',
  level: 'core',
  severity: 'warning',
  message: 'No follow-up or safety net (when to return, whom to call) in {section}',
  rationale:
    'Healers do not abandon: every patient leaves knowing when they will be seen again and what to do if things get worse. The note records the next contact and the return precautions.',
  counts:
    'A return interval ("follow up in 2 weeks"), a next contact ("I will call her with the results", "see me back after the MRI"), or return precautions ("return sooner if fever or worse pain", "call 911 if chest pain"). "No follow-up needed" and follow-up from an earlier visit do not count.',
  evidence: [
    {
      // A Follow-up section with real content ("Follow-up: 2 weeks, with labs").
      anyContent: {
        minWords: 2,
        ignore: String.raw`(?:is |are )?not (?:needed|required|necessary|indicated|applicable)|no(?:ne)? (?:follow(?:-| )?up )?(?:needed|required|necessary|indicated)|none|n/?a|tbd|to be determined|deferred|unknown`,
      },
      sections: ['follow-up'],
    },
    {
      pattern: String.raw`(?:${FOLLOW_UP}|${RETURN})(?: \S+){0,8}? (?:in|within|after|at|for|by) ${INTERVAL}|(?:${FOLLOW_UP}|${RETURN})(?: \S+){0,5}? (?:as needed|prn|p\.r\.n\.?|sooner|if|when|should|for any|with any|in the (?:office|clinic)|with (?:me|us|dr\.?|her|his|their|the|pcp|primary)|appointment|visit|\d)|(?:${FOLLOW_UP}) (?:with|appointment|visit|in|as|to|after|at|is|has been|was|scheduled|arranged|planned)|(?:${RETURN}) to (?:the )?(?:clinic|office|er|ed|emergency(?: department| room)?|hospital|urgent care|us|me)|(?:rtc|rto|ftu)\b`,
      notSections: [...HISTORY_SECTIONS, ...NOT_CONVERSATION],
      allowContext: ['hypothetical'],
      unless: String.raw`(?:here|presents?|presented|seen|comes? in|came in|returns?|returned|is back) (?:today )?for (?:a |her |his |their )?(?:${FOLLOW_UP}|recheck)|lost to (?:${FOLLOW_UP})|(?:${FOLLOW_UP}) (?:with|on) (?:the )?(?:\S+ )?recommendations|(?:${FOLLOW_UP}) (?:visit|appointment) (?:for|today)|recheck(?:ed)? (?:the |her |his |a )?(?:labs?|cbc|bmp|cmp|electrolytes|potassium|white (?:blood )?(?:cell )?count|hemoglobin|vitals)(?: \S+)? (?:in the morning|tomorrow|tonight|this (?:afternoon|evening)|daily|q\s?\d)`,
    },
    {
      // A safety net: what to do if things get worse.
      pattern: String.raw`(?:call|contact|notify|phone|page|message|let (?:me|us|the (?:office|clinic)) know|come back|seek (?:immediate |urgent )?(?:medical )?(?:care|attention|help|evaluation)|go (?:to|straight to) (?:the )?(?:er|ed|emergency|urgent care|hospital)|call 911|call ems|(?:return|ed|er|emergency|strict|usual|bleeding|fall|seizure|safety|standard) precautions|precautions (?:were |have been )?(?:given|reviewed|discussed|explained)|warning signs|red flags?)`,
      notSections: [...HISTORY_SECTIONS, ...NOT_CONVERSATION],
      allowContext: ['hypothetical'],
      unless: String.raw`feel free to (?:contact|call|page)|(?:called|contacted|notified) (?:by|from)|call (?:was )?(?:received|placed) (?:from|by)|(?:on|per) call`,
    },
    {
      pattern: String.raw`(?:i|we) will (?:continue to )?(?:follow|see|call|contact|recheck|re-?evaluate|re-?examine|check on|touch base)|(?:i|we)(?:'ll| will) (?:follow|see|call)|will (?:see|follow) (?:her|him|them|the patient|this patient|you|up)|(?:is|are|was|has been|have been) (?:scheduled|set up|booked|arranged) (?:for|with|to see|to return)|(?:scheduled|booked|arranged|made) (?:a |an |the )?(?:appointment|visit|${FOLLOW_UP})|(?:next|return|${FOLLOW_UP}) (?:visit|appointment|appt)(?: is| will be| scheduled| on| in|:)|(?:she|he|they|patient) (?:will|is to|is going to|agreed to|should) (?:call|report|let (?:me|us) know|contact|return|come back|follow|see (?:me|us|you|her|his|their|dr))|keep (?:her|his|their|that|the|this) (?:\S+ )?appointment|(?:re-?examine|re-?evaluate) (?:her|him|them|the patient)`,
      notSections: [...HISTORY_SECTIONS, ...NOT_CONVERSATION],
      allowContext: ['hypothetical'],
    },
  ],
  prompt: {
    label: 'Follow-up',
    snippet: '${1:<when, and with whom>}; ${2:<warning signs that need a call sooner>}',
    sections: ['follow-up', 'plan', 'assessment-plan', 'instructions'],
    createSection: 'FOLLOW-UP',
    createAfter: ['plan', 'assessment-plan', 'instructions', 'assessment'],
  },
  examples: {
    documented: [
      'PLAN: Start lisinopril. Follow up in 4 weeks with a blood pressure log.',
      'PLAN: Rest and fluids. If the fever lasts more than three days, call the clinic.',
      'PLAN: Return to the emergency department for chest pain or shortness of breath.',
      'PLAN: I will call her with the biopsy result next week.',
      'FOLLOW-UP: Return in 3 months, sooner if needed.',
      'FOLLOW-UP: Two weeks, with the blood pressure log.',
      'A/P: MRI of the knee. He will see me back once the MRI is done.',
    ],
    missing: [
      'PLAN: Start lisinopril 10 mg daily.',
      'PLAN: No follow-up needed.',
      'HPI: Here for follow-up of hypertension.',
      'FOLLOW-UP: ***',
      'FOLLOW-UP: Not needed.',
      'PLAN: Recheck potassium in the morning.',
      'PLAN: Referral to cardiology.',
      'A/P: Lost to follow-up for a year.',
      'PLAN: Per call with her pharmacist, dose clarified.',
    ],
  },
};
