import type { Rule } from '../../engine/types';
import { NOT_CONVERSATION } from '../vocabulary';

const WANT = String.raw`would (?:really )?like|would prefer|would rather|wants?|wanted|wanting|wishes|wished|wishing|hopes?|hoped|hoping|hopeful|desires?|desired|desiring|is requesting|requests?|requested|requesting|asks? for|asked for|asking for|prefers?|preferred|preference|is interested in|interested in|looking forward|looks forward|expects?|expected|expecting|expectations?|goals?|aims?|trying to|tries to|is seeking|seeks|intends? to|plans? to|planning to|is determined|eager to|does not want|doesn't want|did not want|not interested in|would not want|would like to avoid|priority|priorities|what matters most|most important to (?:her|him|them)`;

export const hopes: Rule = {
  id: 'explain.hopes',
  title: "Patient's hopes and goals",
  skill: 'Let the patient explain',
  behavior: 'Listen for expectations and for hopes',
  level: 'core',
  severity: 'warning',
  message: "No goal, expectation or hope of the patient's in {section}",
  rationale:
    "What the patient hopes for from care (to walk the dog again, to avoid surgery, to be at a daughter's wedding) is the measure of a good plan. Writing it down lets the plan answer it.",
  counts:
    'The patient\'s goals, expectations, requests and preferences: "she hopes to get back to running", "he would like to avoid surgery", "requesting a referral", "does not want more medications", goals of care. "Presents for evaluation" does not count.',
  evidence: [
    {
      pattern: WANT,
      attribution: 'patient',
      notSections: [...NOT_CONVERSATION, 'ros'],
      unless: String.raw`(?:met|reached|achieved|attained|reach|meet|meeting|reaching) (?:\S+ ){0,3}?goals?|goals? (?:was |were |has been |have been )?(?:met|achieved|reached)|(?:consult(?:ation)?|evaluation|referral|records?|information|labs?|tests?) (?:was |were |has been |have been )?requested|requested (?:a |an )?(?:consult|consultation|evaluation)|request(?:ed|s)? (?:for|from) (?:information|records)|(?:sent|made|placed) (?:a )?request|wish(?:es|ed)? to proceed|wants? to proceed|prefers? to use (?:the |his |her )?(?:right|left)|(?:would like|wish|want) to thank|thank you|(?:goals?|target) (?:a1c|ldl|bp|blood pressure|hemoglobin|inr|weight|heart rate|of therapy is)|(?:a1c|ldl|bp|blood pressure) goal|expected (?:course|outcome|date|due date)|as expected|expectant management|plans? to (?:discharge|admit|obtain|order|start|continue)`,
      allowContext: ['historical'],
    },
    {
      pattern: String.raw`goals? of care|code status:? (?:dnr|dni|comfort)|do not resuscitate|wants? to be (?:dnr|full code|comfort)|comfort (?:care|measures) (?:only|per (?:patient|family))|second opinion`,
    },
  ],
  prompt: {
    label: "Patient's hopes",
    snippet: "${1:<hopes and goals for care, in the patient's words>}",
    sections: ['hpi', 'subjective', 'chief-complaint'],
    createSection: 'HPI',
    createAfter: ['chief-complaint', 'visit-info'],
  },
  examples: {
    documented: [
      "HPI: Knee pain. She hopes to be able to walk her daughter down the aisle in June.",
      'HPI: Low back pain. He would like to avoid surgery if at all possible.',
      'SUBJECTIVE: Requesting a referral to physical therapy.',
      'HPI: Long discussion about goals of care; she wants to stay at home.',
      'HPI: He does not want to start insulin.',
    ],
    missing: [
      'HPI: Presents for evaluation of knee pain.',
      'PLAN: Goal A1c below 7. Continue metformin.',
      'Thank you for this referral. I would like to thank Dr. Smith for allowing me to see this patient.',
      'Patient goals: <what the patient hopes for from care>',
      'HPI: Knee pain. Her son wants her to have surgery.',
      'HPI: She met her weight-loss goal of ten pounds.',
    ],
  },
};
