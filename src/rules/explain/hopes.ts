import type { Rule } from '../../engine/types';
import { CONVERSATION_AID, CONVERSATION_AID_CHOICE, NOT_CONVERSATION, SOMEONE_ELSE } from '../vocabulary';

const WANT = String.raw`would (?:really )?like|would prefer|would rather|wants?|wanted|wanting|wishes|wished|wishing|hopes?|hoped|hoping|hopeful|desires?|desired|desiring|is requesting|requests?|requested|requesting|asks? for|asked for|asking for|prefers?|preferred|preference|is interested in|interested in|looking forward|looks forward|expects?|expected|expecting|expectations?|goals?|aims?|(?:is|are|was|were|has been|have been) trying to (?:lose|quit|stop|cut|get back|return|improve|avoid|reduce|increase|exercise|walk|keep)|is seeking|seeks|intends? to|plans? (?:to|on)|planning (?:to|on)|is determined|eager to|motivated to|does not want|doesn't want|did not want|does not wish|did not wish|not interested|would not want|would not mind|would like to avoid|priority|priorities|what matters most|most important to (?:her|him|them)|insist(?:s|ed|ing)? (?:on|that)|asks? (?:about|whether|if|that|to)|asked (?:about|whether|if|that|to|(?:me|us|the \S+) (?:about|whether|if|to|for))|asking (?:about|whether|if|to|for)|(?:has|have|had) asked|(?:at|per|upon) (?:her|his|their|the patient's|patient's|the family's|the parents') (?:own )?request|(?:is|was|were|are) wondering (?:about|whether|if)|wonder(?:s|ed)? (?:about (?:getting|having|trying|starting|taking|using|a |an )|(?:whether|if) (?:she|he|they|we|i) (?:could|can|should|might|may) (?:get|try|start|take|use|have (?:a |an |the |some )?(?:referral|prescription|refill|test|scan|trial|note|letter)|be (?:given|prescribed|referred|started|tested)))`;

/** Care a patient may ask for, weigh or turn down. */
const CARE = String.raw`(?:surgery|operation|procedure|treatment|therapy|medications?|medicines?|steroids?|insulin|antibiotics?|admission|hospitali[sz]ation|transfusions?|blood|intubation|dialysis|chemotherapy|radiation|work-?up|testing|tests?|evaluation|scans?|imaging|biopsy|colonoscopy|vaccin\S*|immuni[sz]\S*|injections?|shots?|catheteri[sz]ation|transfer|placement|care)`;

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
      // Someone else's wish, or the clinician asking ("the surgeon would not want", "when I asked about"), is not the patient's.
      unless: String.raw`${SOMEONE_ELSE}(?:,[^,]{1,40},)? (?:\S+ )?(?:would not want|would like|would prefer|wants?|wanted|hopes?|hoped|prefers?|preferred|requests?|requested|expects?|expected)|(?:when (?:i |we )?|(?<![a-z"\u201c])(?:i|we) (?:have |had |also |then )?)asked|(?:is|are|was|were|be|being|been) (?:\S+ )?expected|what (?:she|he|they) (?:wants?|would like) to do|(?:met|reached|achieved|attained|reach|meet|meeting|reaching) (?:\S+ ){0,3}?goals?|goals? (?:was |were |has been |have been )?(?:met|achieved|reached)|(?:consult(?:ation)?|evaluation|referral|records?|information|labs?|tests?) (?:was |were |has been |have been )?requested|requested (?:a |an )?(?:consult|consultation|evaluation)|request(?:ed|s)? (?:for|from) (?:information|records)|(?:sent|made|placed) (?:a )?request|wish(?:es|ed)? to proceed|wants? to proceed|prefers? to use (?:the |his |her )?(?:right|left)|(?:would like|wish|want) to thank|thank you|(?:goals?|target) (?:a1c|ldl|bp|blood pressure|hemoglobin|inr|weight|heart rate|of therapy is)|(?:a1c|ldl|bp|blood pressure) goal|expected (?:course|outcome|date|due date)|as expected|expectant management|plans? to (?:discharge|admit|obtain|order|start|continue)|goal[- ](?:directed|oriented)|(?:normal|within|beyond|exceeded|met|meets) (?:\S+ )?expectations|(?:requested|asked) (?:me|us) to|(?:was|were|is|are|been|being) asked|(?:upon|at|per) the request of|wants? (?:some )?(?:time )?to think|asked (?:me|us|the \S+) to (?:see|evaluate|consult)|${CONVERSATION_AID_CHOICE}`,
      allowContext: ['historical'],
    },
    {
      // What the patient turns down is a preference against it ("refused the stress test", "declines surgery"); what they
      // came in for, when it is something to take away ("here to get something for the pain", "needs refills"), a request;
      // a treatment they are weighing, a hope for it. A refusal at an earlier visit is that visit's.
      pattern: String.raw`(?:refuses?|refused|refusing|declines?|declined|declining) (?:to (?:have|undergo|take|complete|start|continue|be|go|consider|proceed|stay|use)|(?:\S+ ){0,3}?${CARE})|(?:is|are|was|were|comes?|came|presents?|presented) (?:in |here |back )?(?:today )?(?:to (?:get|obtain|have) (?:something|some|a refill|refills|medication|medicine|help|relief)|for (?:a |her |his |their )?(?:refills?|medication refills?|something for))|needs? (?:a |some |more |her |his |their )?(?:medication |prescription )?refills?(?= (?:on|of|for)|[.,;]|$)|(?:is|are|was|were) (?:still |now |also |seriously )?(?:considering|contemplating) (?:[a-z]+ing|a|an|the|options?|(?:\S+ ){0,2}?${CARE})(?![a-z])`,
      attribution: 'patient',
      notSections: [...NOT_CONVERSATION, 'ros'],
      unless: String.raw`(?:used to|previously|in the past|at that time|(?:years?|months?|weeks?) ago)(?: \S+){0,16}? (?:refused|declined)|${CONVERSATION_AID_CHOICE}`,
    },
    {
      // A request named as the patient's needs no speaker: "stopped early at his request" in the clinician's plan.
      pattern: String.raw`(?:at|per|upon|on) (?:her|his|their|the patient's|patient's|the family's|the parents') (?:own |specific |express |explicit )?request(?![a-z])`,
      // What a relative or an interpreter did at the patient's request is about them or the conversation, not the care.
      unless: String.raw`(?:{relatives}|interpret\S*|${CONVERSATION_AID})(?: \S+){0,4}? (?:at|per|upon|on) (?:her|his|their|the patient's|patient's)(?: \S+)? request`,
    },
    {
      pattern: String.raw`goals? of care|code status:? (?:dnr|dni|comfort)|do not resuscitate|wants? to be (?:dnr|full code|comfort)|comfort (?:care|measures) (?:only|per (?:patient|family))|second opinion`,
      // A second reading of a specimen or a film is the clinicians' own.
      unless: String.raw`pending (?:a )?second opinion|(?:patholog\S*|slides?|specimens?|biops\S+|films?|radiolog\S*) (?:\S+ ){0,4}?second opinion|second opinion (?:\S+ ){0,3}?(?:patholog\S*|slides?|specimens?|biops\S+|films?|radiolog\S*)`,
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
      'HPI: Chest pain, now resolved. She declines the stress test for now.',
      'HPI: Insomnia. He is here to get something to help him sleep.',
      'HPI: COPD, stable. Needs refills on both inhalers.',
      'HPI: Knee arthritis. She is considering a steroid injection.',
      'PLAN: Stop the antibiotic after five days, at her request.',
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
      'HPI: Colon cancer screening due. Years ago she declined a colonoscopy.',
      'HPI: Back pain. She used to see a surgeon in town and declined surgery with him.',
      'HPI: Biopsy today. She declines interpreter services for the procedure.',
      'EXAM: Capillary refill under 2 seconds.',
      'HPI: Knee arthritis. Her surgeon, she says, would prefer that she lose weight first.',
      'HPI: Poor sleep. When I asked about naps, he said he takes none.',
      'HPI: Lung nodule. The biopsy slides were sent for a second opinion.',
      'HPI: Ankle fracture. He is expected to heal in six weeks.',
      'PLAN: MRI of the knee. Her son interpreted at her request.',
    ],
  },
};
