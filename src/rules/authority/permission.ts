import type { Rule } from '../../engine/types';
import { COMPANION, CONVERSATION_AID, CONVERSATION_AID_CHOICE, NOT_CONVERSATION, PATIENT_OBJECT, WORDS } from '../vocabulary';

const TALKED = String.raw`(?:discussed|reviewed|went over|gone over|explained|talked about|talked through|counseled|counselled|presented|outlined|described|covered)`;
const CHOICE = String.raw`(?:options?|alternatives?|risks?|benefits?|side[- ]effects?|side[- ]effect profile|pros and cons|choices|possible complications|complications)`;
// What the patient (or family) said back: a discussion of options counts only beside it.
const RESPONSE = String.raw`agrees?|agreed|agreeable|agreement|wish(?:es|ed)?|elects?|elected|chooses|chose|decided|decides|prefers?|preferred|preference|would like|would rather|wants? to|wanted to|consents?|consented|accepts?|accepted|declines?|declined|refuses?|refused|willing|opts?|opted|questions|understood|understands|comfortable with|amenable|(?:will|would like to|wants? to) (?:think|consider)`;
// Whom a talk was with: the patient, or the family deciding with them.
const WITH_PATIENT = String.raw`(?:with|to) ${PATIENT_OBJECT}(?![a-z])`;
// What a decision is made between. Plural on purpose: 'the risk of a fall' is a warning, not a choice laid out.
const DECISION_CONTENT = String.raw`(?:risks|benefits|alternatives|options|pros and cons|treatment choices)(?![a-z])`;
const DECIDE = String.raw`(?:wish(?:es|ed)?|desires?|desired|wants?|wanted|elects?|elected|chooses?|chose|choosing|decides?|decided|prefers?|preferred|opts?|opted|is willing|was willing|would like)`;

export const permission: Rule = {
  id: 'authority.permission',
  title: 'Shared decision',
  skill: 'Share authority',
  behavior: 'Get permission to take the lead',
  level: 'core',
  severity: 'warning',
  message: 'No shared decision (options, preference, agreement) in {section}',
  weakMessage: 'Shared decision documented only as boilerplate: name the options and what the patient chose',
  rationale:
    'Healers lead with permission: they lay out the options, ask what the patient prefers, and decide together. The note should show the options offered and the patient\'s choice, not only the clinician\'s order.',
  counts:
    'Options, risks or benefits discussed with the patient; the patient\'s preference or choice; agreement or consent; an informed refusal ("declines colonoscopy after discussing risks"). A bare "risks and benefits discussed" or "agrees with plan" counts but is flagged as boilerplate. "Verbalized understanding" alone does not count.',
  evidence: [
    {
      pattern: String.raw`${TALKED} (?:\S+ ){0,10}?${CHOICE}|${CHOICE} (?:\S+ ){0,8}?(?:were|was|are|is|have been|has been) ${WORDS(1)}${TALKED}|${CHOICE} ${TALKED}|(?:other|treatment|management|medication|surgical) options? (?:include|included|would include|are|were|such as)|options? (?:include|included|would include|are|were|such as)|(?:offered|given) (?:the |a )?(?:option|choice)|(?:cautioned|warned|counseled|counselled|informed|advised) (?:\S+ ){0,3}?(?:about|of|regarding|on) (?:the )?(?:risks?|possibility|possible|potential|side[- ]effects?)`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      unless: String.raw`(?:risks and benefits|risks/benefits|r/b/a|risks, benefits,? and alternatives) (?:were |was )?(?:discussed|reviewed|explained)`,
      // One-way teaching is not a shared decision: the patient's response must be recorded beside it.
      alongWith: RESPONSE,
    },
    {
      pattern: String.raw`${DECIDE} (?:to )?(?:either )?(?:proceed|go ahead|try|re-?try|give (?:it|this|that|them|\S+) a (?:try|trial)|trial|start|begin|continue|have|undergo|pursue|defer|wait|hold off|avoid|forgo|stop|keep|take|use|get|return|remain|stay|go home|go to|go on|go with|leave|follow|be seen|embark|enroll)|(?:opts?|opted|elects?|elected|chooses|chose|decides?|decided|settled) (?:for|on)|(?:chose|chooses|picked|picks|selected|selects|prefers?|preferred|favou?rs|favou?red) (?!to )(?:the |a |an |her |his |their )?(?:\S+ ){0,3}?(?:option|approach|treatment|therapy|surgery|operation|procedure|medication|medicine|injection|drug|route|feeding|repair|regimen|course|management|observation|monitoring|waiting)s?(?![a-z])|(?:chose|chooses|picked|picks|selected|selects|prefers?|preferred|favou?rs|favou?red) (?!to )(?:\S+ ){1,4}?over (?:a |an |the )?\S|would not mind|(?:agrees?|agreed|agreeable|agreeing|consents?|consented|accepts?|accepted|amenable) (?:to|with|for)|(?:is|was|are|were) comfortable (?:with (?:the |this |that |our )?(?:plan|decision|approach|proceeding|going|discharge|options?|choice|recommendations?|(?:careful |close |continued |active )?(?:monitoring|observation|surveillance|watchful waiting|waiting))|to (?:proceed|go|try|start|continue|wait))|(?:is|was|are|were) in (?:full |complete |total )?agreement|(?:she|he|they|patient|parents?|family) (?:fully )?(?:understood|understands) and (?:agreed|agrees|wish(?:es|ed)? to proceed)|(?:is|was) requesting|requests?|requested|(?:wonders?|wondered|wondering|asks?|asked|asking|inquires?|inquired|inquiring) about (?:getting|having|trying|starting|switching|stopping|changing|coming off|what (?:we|i) (?:could|can|might) offer)|(?:has |had )?asked (?:to (?:establish|be seen|be referred|be started|be switched|switch|transfer|try|start|stop|change|come off|have)|for (?:a |an )?(?:referral|second opinion|prescription|trial|change|different))|feels? (?:that )?(?:she|he|they) (?:no longer |does not |doesn't )?(?:needs?|wants?|should)`,
      attribution: 'patient',
      notSections: [...NOT_CONVERSATION, 'ros'],
      unless: String.raw`(?:i|we) (?:have )?(?:agree|concur|decided|chose|elected|opted|prefer|wanted|would like)(?! together| jointly| with (?:the )?(?:patient|her|him|them|family|parents))|(?:consult(?:ation)?|evaluation|referral|records?|information) (?:was |were |has been )?requested|(?:sent|made|placed) (?:a )?request|agree with (?:the )?(?:above|assessment|findings|discharge)|request(?:ed|s)? (?:by|from) (?:dr|the|his|her)|consult(?:ation)? requested|requested (?:a |an )?(?:consult|consultation|evaluation) (?:by|from)|at the request of|(?:requested|asked) (?:me|us) to|(?:upon|at|per) the request|(?:decided|decides|chose|elected|wanted|wants|wished|opted) to (?:come|come in|go to the|take (?:her|him|them|the patient) to|present|seek|call 911|bring (?:her|him|them))|${CONVERSATION_AID_CHOICE}`,
    },
    {
      // Decisions written as joint acts or consent need no speaker; nor does a request the plan honours.
      pattern: String.raw`(?:at|per|upon) (?:her|his|their|the patient's|patient's|the family's|the parents'|the mother's|the father's) (?:own )?request|shared decision|decided together|decision (?:was )?made together|together (?:we|with (?:the )?(?:patient|her|him|them)) (?:decided|chose|agreed)|(?:we|i) (?:\S+ )?(?:decided|chose|agreed) together|jointly (?:decided|agreed)|mutually agreed|informed consent (?:was |is |has been )?(?:obtained|signed|given|reviewed)|consent (?:was |is |has been )?(?:obtained|signed|given|reviewed)|signed (?:the )?(?:informed )?consent|consented (?:to|for)`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      // A request about the conversation itself (who interprets, a chaperone) is no decision about care.
      unless: String.raw`(?:${CONVERSATION_AID}|interpret(?:ed|s|ing)|translat(?:ed|es|ing))[^.;\n]{0,60}?(?:at|per|upon) (?:her|his|their|the patient's|patient's|the family's|the parents'|the mother's|the father's) (?:own )?request|(?:at|per|upon) (?:her|his|their|the patient's|patient's|the family's|the parents'|the mother's|the father's) (?:own )?request[^.;\n]{0,40}?${CONVERSATION_AID}`,
    },
    {
      // A documented refusal is a decision the patient made, not an absence of one.
      pattern: String.raw`declines?|declined|declining|refuses?|refused|refusing|does not want|doesn't want|did not want|not interested|not contemplating|does not wish|did not wish|opts? against|opted against|elected not to|chose not to|decided against|decided not to|prefers? not to|would rather not`,
      attribution: 'patient',
      allowContext: ['negated'],
      notSections: [...NOT_CONVERSATION, 'ros', 'hpi', 'chief-complaint', 'social-history'],
      unless: CONVERSATION_AID_CHOICE,
    },
    {
      // The patient weighing a choice, open to one, or content with the one made. Each alternative opens on
      // a word rare in notes, so the pattern runs at few places.
      pattern: String.raw`interested in (?:trying|pursuing|having|getting|starting|undergoing|proceeding|continuing|switching|(?:a |an |the )?(?:\S+ )?(?:surgery|procedure|repair|reconstruction|trial|injection|therapy|treatment|operation|option|referral))|(?:think|thinks|thinking) (?:about|over) (?:it|this|that|these|those|the (?:options?|choices?|alternatives?|recommendations?|procedure|surgery)|(?:her|his|their) (?:options?|choices?)|what (?:she|he|they) (?:wants?|would like)|whether|which)|think (?:it|this|that) over|consider(?:s|ing)? (?:this|it|that|these|those|the (?:options?|choices?|alternatives?|recommendations?)|(?:her|his|their) (?:options?|choices?)|whether|which (?:option|one))|(?:content|satisfied|happy|pleased|comfortable|okay|ok|fine) with (?:this|the|that|our|these|her|his|their|such an?|an?) (?:\S+ )?(?:plan|treatment|approach|decision|recommendations?|option|choice|regimen|management|arrangement)s?(?![a-z])|(?:is|was|are|were|seems|seemed|appears|appeared|remains|remained) (?:agreeable|amenable)(?= *(?:[.;,\r\n]|$))|(?:agrees|agreed|consents|consented)(?= *(?:[.;\r\n]|$))`,
      attribution: 'patient',
      // As for a refusal: a choice told in the history may have been made at an earlier visit.
      notSections: [...NOT_CONVERSATION, 'ros', 'hpi', 'chief-complaint', 'social-history'],
    },
    {
      // Agreement said back, often with no subject ("Verbalized understanding and agreement with the plan"):
      // whoever else is named as its speaker (a colleague, the team) makes it no shared decision.
      pattern: String.raw`(?:verbali[sz](?:ed|es)|express(?:ed|es)|voic(?:ed|es)|indicat(?:ed|es)|gave|gives|acknowledg(?:ed|es)) (?:(?:good |full |complete |her |his |their )?understanding (?:of (?:the )?(?:\S+ )?and |and ))?(?:(?:full|complete|her|his|their|verbal) )?(?:agreement|willingness|acceptance)(?![a-z])`,
      notSections: [...NOT_CONVERSATION, 'ros', 'hpi', 'chief-complaint', 'social-history'],
      unless: String.raw`(?:i|we|dr\.?|doctor|physician|surgeon|attending|consultant|team|nurse|staff|[a-z]+ologist|internist|therapist|specialist|pharmacist|${COMPANION})(?![a-z])[^.;\n]{0,40}?(?:verbali[sz](?:ed|es)|express(?:ed|es)|voic(?:ed|es)|indicat(?:ed|es)|gave|gives|acknowledg(?:ed|es))`,
    },
    {
      // A choice made by the patient's wishes, which the plan follows.
      pattern: String.raw`(?:per|according to|in accordance with|respecting|honou?ring|consistent with) (?:her|his|their|the patient's|patient's|pt's|the family's|family's|the parents'|parents') (?:own )?(?:wishes|wish|preferences?|choice|decision)(?![a-z])`,
      notSections: [...NOT_CONVERSATION, 'ros'],
    },
    {
      // Options, risks or benefits talked over with the patient (or the family deciding with them): a conversation
      // about a choice, even when what was said back is not written (flagged as boilerplate). One-way warnings
      // ('the risk of a fall') and side effects alone are not choices laid out.
      pattern: String.raw`${TALKED} (?:in (?:detail|depth|length) |at length |again |also |thoroughly |extensively |carefully )?${WITH_PATIENT} ${WORDS(16)}${DECISION_CONTENT}|${TALKED} (?:the |all |both |possible |potential |treatment |surgical |management |his |her |their )?(?:\S+ )?${DECISION_CONTENT} ${WORDS(12)}${WITH_PATIENT}`,
      strength: 'boilerplate',
      notSections: [...NOT_CONVERSATION, 'ros'],
    },
    {
      pattern: String.raw`(?:talk|talks|discussion|discussions|conversation|conversations) ${WITH_PATIENT} ${WORDS(20)}${DECISION_CONTENT}|${DECISION_CONTENT} ${WORDS(10)}(?:(?:were|was|have been|has been) ${WORDS(2)})?${TALKED} ${WORDS(3)}${WITH_PATIENT}`,
      strength: 'boilerplate',
      notSections: [...NOT_CONVERSATION, 'ros'],
    },
    {
      pattern: String.raw`(?:risks and benefits|risks/benefits|r/b/a|risks, benefits,? and alternatives|risks, benefits and alternatives) (?:were |was |have been )?(?:discussed|reviewed|explained)|(?:patient|she|he|they) (?:agrees?|agreed) with (?:the )?plan|agreeable to (?:the )?plan|all questions (?:were )?answered|questions (?:were )?answered to (?:her|his|their) satisfaction`,
      strength: 'boilerplate',
      notSections: [...NOT_CONVERSATION, 'ros'],
    },
  ],
  // As for the explanation: in cross-validation the learned scorer adds no F1 and costs precision (docs/engine.md).
  learned: false,
  prompt: {
    label: 'Shared decision',
    snippet: "${1:<options offered>}; ${2:<the patient's choice and reasons, in their words>}",
    sections: ['plan', 'assessment-plan', 'instructions'],
    createSection: 'PLAN',
    createAfter: ['assessment', 'data', 'physical-exam', 'objective', 'hpi', 'subjective'],
  },
  examples: {
    documented: [
      'PLAN: We discussed options: physical therapy, an injection, or watchful waiting. She prefers physical therapy.',
      'PLAN: Colonoscopy recommended; patient declines after discussing the risk of a missed cancer.',
      'PLAN: Risks, benefits and alternatives of the knee scope were explained, and he wishes to proceed.',
      'A/P: Start sertraline; side effects reviewed and she agrees to try it for six weeks.',
      'PLAN: Risks and benefits discussed.',
      'PLAN: Knee arthroscopy. Risks and benefits were discussed. All questions were answered.',
      'PLAN: We went over a nerve block; for now she is not interested in one.',
      'A/P: Antibiotic course shortened by two days at his request.',
      'PLAN: After hearing about the patch from a friend, he wants to give it a try.',
      'PLAN: She opted for a repeat cesarean section.',
      'DISCUSSION: We had a long talk with her about bunion surgery, its risks and benefits.',
      'PLAN: I went over the risks, benefits and alternatives of a knee scope with him.',
      'PLAN: She will think about the options over the weekend.',
      'A/P: He is interested in trying acupuncture first.',
      'PLAN: Brace for six weeks; she seems content with this approach.',
      'PLAN: Verbalized understanding and agreement with the plan.',
      'PLAN: Comfort measures only, per the family\'s wishes.',
    ],
    missing: [
      'PLAN: Chest x-ray today. Patient declined an interpreter; she prefers to speak English.',
      'PLAN: Hydrocortisone cream. Declined an interpreter; her son interpreted at her request.',
      'PLAN: Start sertraline 50 mg daily. Return in 6 weeks.',
      'PLAN: Patient verbalized understanding.',
      'PLAN: Side effects of the new inhaler were reviewed with the patient.',
      'HPI: Her parents decided to bring her to the emergency department.',
      'HPI: Seen at the request of her cardiologist.',
      'PLAN: Will discuss options at the next visit.',
      'PLAN: Options discussed: [ ]',
      'ASSESSMENT: I agree with the above assessment.',
      'HPI: She previously declined a colonoscopy.',
      'HPI: Records were requested from her previous clinic.',
      'PLAN: The options were not discussed with him today.',
      'PLAN: Dr. Lee expressed agreement with the plan.',
      'PLAN: If she is interested in surgery, we will refer her.',
      'PLAN: Warned of the risk of a fall on the new medicine.',
      'HPI: At an earlier visit she was interested in trying a brace.',
    ],
  },
};
