import type { Rule } from '../../engine/types';
import { HISTORY_SECTIONS, INTERVAL, NOT_CONVERSATION, OUTPATIENT_INTERVAL } from '../vocabulary';

const FOLLOW_UP = String.raw`follow(?:ing)?(?:-| )?up|followup|f/u`;
// Following a test result, a lab value or a vital sign is monitoring, not a next contact with the patient
// (unless a clinician, a place or a time comes first: 'follow up in 2 weeks for labs').
const MONITORED = String.raw`follow(?:ing)?(?:(?:-| )?up)? (?:on |with )?(?:the |his |her |their )?(?:(?!(?:dr|doctor|pcp|physician|primary|provider|clinic|office|me|us|in|within|after|next|\d)\b)\S+ ){0,4}?(?:blood sugars?|glucose|labs?|levels?|counts?|cultures?|vitals|vital signs|electrolytes|renal function|creatinine|potassium|hemoglobin|inr|blood pressures?|weights?|urine output)`;
// "Follow up with Dr X" names a next contact only with a time, a condition or a place to it ("as needed" is
// none): LABELING.md asks for a stated schedule. A look-alike over the whole clause when none is in it.
const SCHEDULED = String.raw`\d|in (?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|several|a few|the (?:next|morning|office|clinic|outpatient))\b|within|next|tomorrow|today|tonight|schedul|arrang|appointment|appt|week|month|day|year|if|when|once|after|before|upon|following|outpatient|office|clinic|soon|sooner|shortly|as directed|time|(?:mon|tues|wednes|thurs|fri|satur|sun)day|morning|afternoon|evening|later|early|prior`;
const UNSCHEDULED_CLINICIAN = String.raw`(?<!\b(?:${SCHEDULED})[^.;\n]*)(?:follow(?:-| )?up|followup|f/u) with (?:(?:her|his|their|the|a|an|your) )?(?:(?:primary care |family |regular |own |usual )?(?:dr\.?|doctor|physician|provider|pcp|md|specialist|[a-z]+ologist|surgeon|orthopedist|pediatrician|internist)|primary care)(?![a-z])(?:(?!\b(?:${SCHEDULED}))[^;\n])*?(?=[;\n]|$|(?<!\b(?:dr|mr|mrs|ms|st))\.(?:\s|$))`;
const RETURN = String.raw`return(?:s|ing)?|come back|comes back|bring (?:her|him|them|the (?:child|baby|patient)) back|be brought back|be seen|to be seen|see (?:her|him|them|the patient|you|me)|seeing (?:her|him|them)|recheck(?:ing)?|re-?check(?:ing)?|re-?evaluat(?:e|ion)|re-?examin(?:e|ation)|revisit|next (?:visit|appointment|appt)`;

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
    'A return interval ("follow up in 2 weeks"), a next contact ("I will call her with the results", "see me back after the MRI"), or return precautions ("return sooner if fever or worse pain", "call 911 if chest pain"). "Follow up with Dr X" counts with a time, a condition or a place ("in 2 weeks", "if worse", "as scheduled"), not bare or "as needed". "No follow-up needed" and follow-up from an earlier visit do not count.',
  evidence: [
    {
      // A Follow-up section with real content ("Follow-up: 2 weeks, with labs").
      anyContent: {
        minWords: 2,
        ignore: String.raw`(?:is |are )?not (?:needed|required|necessary|indicated|applicable)|no(?:ne)? (?:follow(?:-| )?up )?(?:needed|required|necessary|indicated)|none|n/?a|(?:tbd|to be (?:determined|decided)|undecided|deferred)[^.;,\n]*|unknown`,
      },
      sections: ['follow-up'],
    },
    {
      pattern: String.raw`(?:${FOLLOW_UP}|${RETURN}|follow(?:s|ed)?|check in|check back|touch base)(?: \S+){0,8}? (?:in|within|after|at|for|by) ${INTERVAL}|(?:be |being )?followed (?:up )?(?:in|at) (?:my|our|the) (?:office|clinic)|(?:${RETURN}|come in|brought back|bring (?:her|him|them) back) for (?!today|a follow|follow|her follow|his follow)\S+|(?:will|to|should|needs? to) (?:get|have|receive|need|undergo|repeat) (?:a |an |the |her |his |their |another |repeat )?(?:\S+ ){0,3}?(?:in|within|after) ${OUTPATIENT_INTERVAL}|(?:repeat|recheck|re-?check|redo|surveillance) (?:\S+ ){0,4}?(?:in|within|after) ${OUTPATIENT_INTERVAL}|(?:arrange|schedule|set up|have) (?:to have |for )?(?:\S+ ){0,4}?(?:weekly|monthly|every (?:\S+ )?(?:weeks?|months?))|(?:${FOLLOW_UP}|${RETURN})(?: \S+){0,5}? (?:as needed|prn|p\.r\.n\.?|sooner|if|when|should|for any|with any|in the (?:office|clinic)|with (?:me|us|dr\.?|her|his|their|the|pcp|primary)|appointment|visit|\d)|(?:${FOLLOW_UP}) (?:with|appointment|visit|in|as|to|after|at|is|has been|was|scheduled|arranged|planned)|(?:${RETURN}) to (?:the )?(?:clinic|office|er|ed|emergency(?: department| room)?|hospital|urgent care|us|me)|(?:rtc|rto|ftu)\b`,
      notSections: [...HISTORY_SECTIONS, ...NOT_CONVERSATION],
      allowContext: ['hypothetical'],
      unless: String.raw`(?:here|presents?|presented|seen|comes? in|came in|returns?|returned|is back) (?:today )?for (?:a |her |his |their )?(?:${FOLLOW_UP}|recheck)|lost to (?:${FOLLOW_UP})|(?:${FOLLOW_UP}) (?:with|on) (?:the )?(?:\S+ )?recommendations|(?:${FOLLOW_UP}) (?:visit|appointment) (?:for|today)|recheck(?:ed)? (?:the |her |his |a )?(?:labs?|cbc|bmp|cmp|electrolytes|potassium|white (?:blood )?(?:cell )?count|hemoglobin|vitals)(?: \S+)? (?:in the morning|tomorrow|tonight|this (?:afternoon|evening)|daily|q\s?\d)|${MONITORED}|see (?:about|if|whether|how)|${UNSCHEDULED_CLINICIAN}`,
    },
    {
      // 'To check in three days': a next contact with no 'follow up' or 'return' in it (its own pattern, to keep each regex small).
      pattern: String.raw`(?:check in|check back in|check back with (?:me|us) in|check in with (?:me|us) in) ${INTERVAL}`,
      notSections: [...HISTORY_SECTIONS, ...NOT_CONVERSATION],
      allowContext: ['hypothetical'],
    },
    {
      // A safety net: what to do if things get worse.
      pattern: String.raw`(?:call|contact|notify|phone|page|message|let (?:me|us|staff|someone|the (?:office|clinic|staff|nurses?|team|doctor)|(?:her|his|their) (?:doctor|physician|pcp|provider)) know|come back|seek (?:immediate |urgent )?(?:medical )?(?:care|attention|help|evaluation)|(?:go|proceed|head|come)(?: directly| straight| immediately)? to (?:the |an )?(?:nearest )?(?:er|ed|emergency|urgent care|hospital)|results? back to (?:the patient|her|him|them)|call 911|call ems|(?:return|ed|er|emergency|strict|usual|bleeding|fall|seizure|safety|standard) precautions|precautions (?:were |have been )?(?:given|reviewed|discussed|explained)|warning signs|red flags?)`,
      notSections: [...HISTORY_SECTIONS, ...NOT_CONVERSATION],
      allowContext: ['hypothetical'],
      unless: String.raw`feel free to (?:contact|call|page)|(?:called|contacted|notified) (?:by|from)|call (?:was )?(?:received|placed) (?:from|by)|(?:on|per) call`,
    },
    {
      pattern: String.raw`(?:i|we) (?:will|would like to|'d like to|plan to|am going to|are going to|(?:will|would) be (?:happy|glad|pleased) to)(?: continue to)? (?:follow|see|call|contact|check on|touch base|(?:recheck|re-?evaluate|re-?examine) (?:her|him|them|the patient))|(?:i|we)(?:'ll| will) (?:follow|see|call)|will (?:see|follow) (?:her|him|them|the patient|this patient|you|up|along)|(?:look|looking) forward to (?:seeing|following|working with|caring for) (?:her|him|them|the patient|this patient)|(?:made|have made|has made) (?:the )?arrangements|(?:has|have) (?:an|a|her|his|their) (?:\S+ )?(?:appointment|appt) (?:in|on|with|for|scheduled)|(?:\S+ )(?:is |are |has been |have been )?(?<!was |were |be |had been )scheduled(?= *(?:[.;\r\n]|$))|(?:scheduled|booked|set up|planned) (?:\S+ ){0,4}?(?:for|on) (?:\d{1,2}/\d{1,2}|(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.? \d)|(?:is|are|was|has been|have been) (?:scheduled|set up|booked|arranged) (?:for|with|to see|to return)|(?:scheduled|booked|arranged|made) (?:a |an |the )?(?:appointment|visit|${FOLLOW_UP})|(?:next|return|${FOLLOW_UP}) (?:visit|appointment|appt)(?: is| will be| scheduled| on| in|:)|(?:she|he|they|patient) (?:will|is to|is going to|agreed to|should) (?:call|report|let (?:me|us) know|contact|return|come back|follow|see (?:me|us|you|her|his|their|dr))|keep (?:her|his|their|that|the|this) (?:\S+ )?appointment|(?:re-?examine|re-?evaluate) (?:her|him|them|the patient)`,
      notSections: [...HISTORY_SECTIONS, ...NOT_CONVERSATION],
      allowContext: ['hypothetical'],
      unless: String.raw`${MONITORED}|see (?:about|if|whether|how)|${UNSCHEDULED_CLINICIAN}`,
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
      'PLAN: Discharged home, to be followed in my office in 5 days.',
      'PLAN: If the wound drains pus, he was told to come back for a wound check.',
      'PLAN: We plan to see him again in about three months.',
      'RECOMMENDATIONS: I will be happy to follow her along with you.',
      'PLAN: Repeat colonoscopy in 3 years.',
      'PLAN: She has an appointment with her oncologist next week.',
      'PLAN: If her lips swell after the shot, she is to go directly to the nearest emergency room.',
      'PLAN: Ibuprofen for the sprain; he is to check in 3 days by phone.',
      'PLAN: Follow up in 2 weeks for labs.',
      'PLAN: If no better in a week, follow up with her doctor.',
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
      'PLAN: Admit. We will continue to follow her blood sugars closely.',
      'PLAN: We will see about a shower chair for home.',
      'HOSPITAL COURSE: She did well until the morning her stress test was scheduled.',
      'PLAN: Continue methotrexate; follow up with her rheumatologist as needed.',
      'PLAN: He should follow up with Dr. Ames regarding his cholesterol.',
      'PLAN: Admit. Team to follow up on her wound, urine, and blood cultures.',
    ],
  },
};
