import type { Rule } from '../../engine/types';
import { NOT_CONVERSATION } from '../vocabulary';

const FEEL_MEANING = String.raw`(?: a bit| somewhat| strongly)? (?:that|as if|as though|like (?:she|he|they) (?:did|had|was|were)|like (?:it|this|these) (?:is|was|are|could|might|may|must)|(?:it|this) (?:is|was|could|might|may|must)|(?:it|this|they|these|(?:her|his|their) \S+) (?:comes?|came|started|began|stems?|is due|are due|was due|were due|is from|are from|is caused|are caused|is related|are related))`;
const BELIEF = String.raw`(?:believes?|believed|thinks?|thought|suspects?|suspected|wonders?|wondered|is convinced|was convinced|is sure|was sure|is certain|assumes?|assumed|figures?|guesses|guessed|feels?${FEEL_MEANING}|felt${FEEL_MEANING})`;
const CAUSE = String.raw`(?:secondary to|due to|caused by|because of|related to|brought on by|triggered by|in the setting of|the result of|a result of|stems? from|comes? from|came from|started (?:after|when|with)|began (?:after|when|with)|worse (?:with|when|after) )`;
const REPORT = String.raw`(?:states?|stated|says|said|reports?|reported|relates?|related|notes?|noted|explains?|explained|describes?|described|recalls?|recalled|mentions?|mentioned)`;

export const understanding: Rule = {
  id: 'explain.understanding',
  title: "Patient's own explanation",
  skill: 'Let the patient explain',
  behavior: 'Listen for what and how they understand',
  level: 'core',
  severity: 'warning',
  message: "No patient's own explanation of the illness in {section}",
  rationale:
    "Healers ask what patients think is wrong and why, and listen to the answer: the patient's own explanation shows what the illness means to them and where advice must meet them. Write it in their words, or attribute it to them.",
  counts:
    'The patient\'s (or a proxy\'s) belief about cause or meaning, attributed to them: "she believes her headaches are from stress at work", "he thinks it could be arthritis", "which she attributes to her new shoes", "was told she had a mild heart attack", their label in quotes. A symptom list or the clinician\'s assessment does not count.',
  evidence: [
    {
      pattern: String.raw`${BELIEF}`,
      attribution: 'patient-voice',
      allowContext: ['historical'],
      notSections: [...NOT_CONVERSATION, 'ros'],
      // Look-alikes: how an injury happened ("she thinks she tripped") is the history of an event, not an explanation of
      // an illness; being thought of by others; wanting or needing something; feeling well or unwell; a sensation.
      unless: String.raw`(?:thinks?|believes?|feels?|felt|thought) (?:that )?(?:she|he|they|(?:her|his|their)(?: \S+){1,2}) (?:may have |might have |must have |probably )?(?:twisted|turned|rolled|inverted|everted|hyperextended|bent|buckled|gave way|popped|fell|tripped|slipped|landed|hit|bumped|banged|knocked|struck|stepped|jammed|caught)|(?:was|were|is|are|been|being) (?:\S+ )?(?:thought|believed|felt|suspected|figured)|feels? that (?:she|he|they) (?:no longer |does not |doesn't )?(?:needs?|wants?|should|would like|is ready|can)|(?:thinks?|feels?|believes?) (?:that )?(?:(?:she|he|they) (?:is|are|was|were|feels?) )?(?:better|fine|well|ok|okay|great|good|worse|tired|unwell|sick)|feels? like (?:(?:she|he|they) (?:is|are) going to )?(?:passing out|pass out|vomiting|throwing up|fainting)|feel(?:s|ing)? (?:the|a) (?:pain|lump|mass|pressure)`,
    },
    {
      pattern: String.raw`(?:attributes?|attributed|attributing|blames?|blamed|ascribes?|ascribed|relates?|related|links?|linked|connects?|connected|puts? it down) (?:(?:it|this|these|them|this pain|the \w+|her \w+|his \w+|their \w+|symptoms)(?: \w+)?\s+)?(?:to|on|with|for)`,
      attribution: 'patient-voice',
      allowContext: ['historical'],
      notSections: [...NOT_CONVERSATION, 'ros'],
      unless: String.raw`related to (?:the|his|her) (?:patient|procedure)|(?:related|connected) to (?:oxygen|a monitor|the ventilator)`,
    },
    {
      pattern: String.raw`(?:was|were|has been|had been|have been) (?:told|informed)(?: by \S+(?: \S+)?)? (?:that )?(?:she|he|they|it|this|her|his|their|the)|${REPORT} (?:that )?(?:she|he|they) (?:has|had|have|was|were) (?:been )?(?:diagnosed|told)|${REPORT} (?:that )?(?:she|he|they) (?:has|had|have) (?:had )?(?:a|an) (?:stroke|heart attack|seizure|infection|virus|\w+ attack)`,
      attribution: 'patient-voice',
      allowContext: ['historical'],
      notSections: [...NOT_CONVERSATION, 'ros'],
    },
    {
      pattern: String.raw`(?:understands?|understood|is aware|are aware|was aware|were aware|knows?|knew|recognizes?|recognized|acknowledges?|acknowledged|realizes?|realized) (?:of|that|about|what|why|how|his|her|their|this|she|he|they|the(?! (?:plan|instructions|discharge|risks?|benefits?)(?![a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f])) \S+)`,
      attribution: 'patient-voice',
      allowContext: ['historical'],
      notSections: [...NOT_CONVERSATION, 'ros'],
      unless: String.raw`understands? (?:and agrees|the (?:plan|instructions|risks|procedure))|verbali[sz]e[sd]? understanding|understanding (?:of|was verbali[sz]ed)`,
    },
    {
      pattern: String.raw`${REPORT}(?: that)? (?:(?:it|this|these|they|which|she|he|the \S+|her \S+|his \S+|their \S+)(?: \S+){0,2} )?(?:is|are|was|were|has been|have been|started|began|begins|starts|comes?|came|gets?|got|became|becomes?|worsen(?:s|ed)?|improve[sd]?|flares?|flared)(?: \S+){0,2}? ${CAUSE}`,
      attribution: 'patient-voice',
      notSections: [...NOT_CONVERSATION, 'ros'],
    },
    {
      pattern: String.raw`in (?:her|his|their) (?:own )?words|(?:patient's|pt's|her|his|their|parents'|mother's|father's) (?:own )?(?:understanding|explanation|belief|theory|view|interpretation|idea|perspective)s?(?: (?:of|about) (?:the )?(?:illness|problem|symptoms|condition|cause))?\s*(?:is|was|that|:)|(?:calls?|called|describes?|described|refers? to|referred to) (?:it|this|them|the \w+|her \w+|his \w+) as ["\u201c'][^"\u201d'\n]{2,}|(?:says|said|states?|stated|puts? it|in (?:her|his|their) (?:own )?words)[:,]? ["\u201c][^"\u201d\n]{3,}["\u201d]`,
      attribution: 'patient-voice',
    },
    {
      // Teach-back: the patient's explanation of the plan in their own words.
      pattern: String.raw`teach[- ]?back|(?:explained|repeated|restated|described) (?:it |the plan |the diagnosis )?back (?:to me|in (?:her|his|their) own words)`,
    },
  ],
  // The learned scorer adds about 0.03 F1 here in cross-validation but costs 0.13 precision and
  // throughput (docs/engine.md); a team that prefers recall sets "learned": true.
  learned: false,
  prompt: {
    label: "Patient's explanation",
    snippet: "${1:<cause or meaning of the illness, in the patient's words>}",
    sections: ['hpi', 'subjective', 'chief-complaint'],
    createSection: 'HPI',
    createAfter: ['chief-complaint', 'visit-info'],
  },
  examples: {
    documented: [
      'HPI: Headaches for two months. She believes they come from stress at work since her promotion.',
      'HPI: Shoulder pain. He thinks he pulled a muscle moving furniture for his son.',
      'HPI: Fatigue, which she attributes to poor sleep since the baby was born.',
      'HPI: Chest pain last year; he was told he had a mild heart attack.',
      'HPI: In her own words, "my sugar is running my life."',
      "HPI: Rash for a week.\nPatient's understanding: she believes it is from the new laundry soap.",
    ],
    missing: [
      'HPI: Headaches for two months, bifrontal, no aura, no nausea.',
      'ASSESSMENT: I believe this is tension-type headache.',
      'HPI: Rash. Her mother thinks it is from the new soap.',
      "HPI: Rash.\nPatient's understanding: <cause or meaning, in their words>",
      'HPI: She feels tired all the time and thinks she is fine otherwise.',
      'HPI: Cough. She did not offer any explanation.',
      'HPI: Ankle pain. She thinks her foot rolled on the curb.',
      'HPI: Sore thumb. He believes he jammed it catching a softball.',
      'HPI: Knee swelling. He thinks his knee buckled as he came down the stairs.',
      'HPI: She relates that she was connected to oxygen overnight.',
      "HPI: She understands the procedure from her sister's experience.",
    ],
  },
};
