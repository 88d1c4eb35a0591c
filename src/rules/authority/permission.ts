import type { Rule } from '../../engine/types';
import { CONVERSATION_AID, CONVERSATION_AID_CHOICE, NOT_CONVERSATION } from '../vocabulary';

const TALKED = String.raw`(?:discussed|reviewed|went over|gone over|explained|talked about|talked through|counseled|counselled|presented|outlined|described|covered)`;
const CHOICE = String.raw`(?:options?|alternatives?|risks?|benefits?|side[- ]effects?|side[- ]effect profile|pros and cons|choices|possible complications|complications)`;
// What the patient (or family) said back: a discussion of options counts only beside it.
const RESPONSE = String.raw`agrees?|agreed|agreeable|agreement|wish(?:es|ed)?|elects?|elected|chooses|chose|decided|decides|prefers?|preferred|preference|would like|would rather|wants? to|wanted to|consents?|consented|accepts?|accepted|declines?|declined|refuses?|refused|willing|opts?|opted|questions|understood|understands|comfortable with|amenable|(?:will|would like to|wants? to) (?:think|consider)`;
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
      pattern: String.raw`${TALKED} (?:\S+ ){0,10}?${CHOICE}|${CHOICE} (?:\S+ ){0,8}?(?:were|was|are|is|have been|has been) (?:\S+ )?${TALKED}|${CHOICE} ${TALKED}|(?:other|treatment|management|medication|surgical) options? (?:include|included|would include|are|were|such as)|options? (?:include|included|would include|are|were|such as)|(?:offered|given) (?:the |a )?(?:option|choice)|(?:cautioned|warned|counseled|counselled|informed|advised) (?:\S+ ){0,3}?(?:about|of|regarding|on) (?:the )?(?:risks?|possibility|possible|potential|side[- ]effects?)`,
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
    ],
  },
};
