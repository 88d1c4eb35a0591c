import type { Rule } from '../../engine/types';
import { CONVERSATION_AID_CHOICE, NOT_CONVERSATION } from '../vocabulary';

const WANT = String.raw`would (?:really )?like|would prefer|would rather|wants?|wanted|wanting|wishes|wished|wishing|hopes?|hoped|hoping|hopeful|desires?|desired|desiring|is requesting|requests?|requested|requesting|asks? for|asked for|asking for|prefers?|preferred|preference|is interested in|interested in|looking forward|looks forward|expects?|expected|expecting|expectations?|goals?|aims?|(?:is|are|was|were|has been|have been) trying to (?:lose|quit|stop|cut|get back|return|improve|avoid|reduce|increase|exercise|walk|keep)|is seeking|seeks|intends? to|plans? (?:to|on)|planning (?:to|on)|is determined|eager to|motivated to|does not want|doesn't want|did not want|does not wish|did not wish|not interested|would not want|would not mind|would like to avoid|priority|priorities|what matters most|most important to (?:her|him|them)|insist(?:s|ed|ing)? (?:on|that)|asks? (?:about|whether|if|that|to)|asked (?:about|whether|if|that|to|(?:me|us|the \S+) (?:about|whether|if|to|for))|asking (?:about|whether|if|to|for)|(?:has|have|had) asked|(?:at|per|upon) (?:her|his|their|the patient's|patient's|the family's|the parents') (?:own )?request|(?:is|was|were|are) wondering (?:about|whether|if)|wonder(?:s|ed)? (?:about (?:getting|having|trying|starting|taking|using|a |an )|(?:whether|if) (?:she|he|they|we|i) (?:could|can|should|might|may) (?:get|try|start|take|use|have (?:a |an |the |some )?(?:referral|prescription|refill|test|scan|trial|note|letter)|be (?:given|prescribed|referred|started|tested)))`;

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
      // A goal already met is no hope; an interpreter or chaperone asked for is about the conversation, not the care.
      unless: String.raw`(?:met|reached|achieved|attained|reach|meet|meeting|reaching) (?:\S+ ){0,3}?goals?|goals? (?:was |were |has been |have been )?(?:met|achieved|reached)|(?:consult(?:ation)?|evaluation|referral|records?|information|labs?|tests?) (?:was |were |has been |have been )?requested|requested (?:a |an )?(?:consult|consultation|evaluation)|request(?:ed|s)? (?:for|from) (?:information|records)|(?:sent|made|placed) (?:a )?request|wish(?:es|ed)? to proceed|wants? to proceed|prefers? to use (?:the |his |her )?(?:right|left)|(?:would like|wish|want) to thank|thank you|(?:goals?|target) (?:a1c|ldl|bp|blood pressure|hemoglobin|inr|weight|heart rate|of therapy is)|(?:a1c|ldl|bp|blood pressure) goal|expected (?:course|outcome|date|due date)|as expected|expectant management|plans? to (?:discharge|admit|obtain|order|start|continue)|goal[- ](?:directed|oriented)|(?:normal|within|beyond|exceeded|met|meets) (?:\S+ )?expectations|(?:requested|asked) (?:me|us) to|(?:was|were|is|are|been|being) asked|(?:upon|at|per) the request of|wants? (?:some )?(?:time )?to think|asked (?:me|us|the \S+) to (?:see|evaluate|consult)|${CONVERSATION_AID_CHOICE}`,
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
      'HPI: Sinus pressure. He asked about a steroid nasal spray.',
      'HPI: Knee arthritis. She is planning on seeing a surgeon closer to home.',
      'HPI: Laceration of the hand. He insisted on a simple repair only.',
    ],
    missing: [
      'HPI: Presents for evaluation of knee pain.',
      'PLAN: Goal A1c below 7. Continue metformin.',
      'Thank you for this referral. I would like to thank Dr. Smith for allowing me to see this patient.',
      'Patient goals: <what the patient hopes for from care>',
      'HPI: Knee pain. Her son wants her to have surgery.',
      'HPI: She met her weight-loss goal of ten pounds.',
      'HPI: Seen upon the request of Dr. Patel.',
      'HPI: Fall at home. He was asked to come in for an x-ray.',
      'EXAM: Speech clear, thought process goal-directed.',
      'HPI: Nausea. She wants to think about what to do next.',
    ],
  },
};
