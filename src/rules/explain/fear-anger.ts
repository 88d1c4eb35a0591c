import type { Rule } from '../../engine/types';
import { NOT_CONVERSATION, RECORD_SECTIONS, SOMEONE_ELSE } from '../vocabulary';

const EMOTION = String.raw`worried|worries|worry|worrying|concerned|concerns?|afraid|fears?|feared|fearful|scared|frightened|terrified|anxious|anxiety|nervous|nervousness|nerves|edgy|on edge|short[- ]tempered|impatient|irritab(?:le|ility)|resent(?:s|ed|ful|ment)?|furious|hostile|hostility|panic(?:ky|ked)?|frustrated|frustrating|frustration|angry|anger|upset|irritated|annoyed|distressed|distress|distressing|stressed|stress|stressful|overwhelmed|embarrass(?:ed|ing|ment)|ashamed|shame|hopeless(?:ness)?|helpless(?:ness)?|guilty|guilt|tearful|crying|cried|grief|grieving|dread(?:s|ed|ing)?|apprehensive|uneasy|alarmed|bothered|troubled|devastated|heartbroken|sad|sadness`;

// What an examiner saw of the patient's emotion: a mood or affect named ("Mood: anxious"), or how they looked.
const SEEN_EMOTION = String.raw`anxious|nervous|worried|fearful|frightened|scared|angry|irritable|frustrated|upset|tearful|tense|distressed`;

export const fearAnger: Rule = {
  id: 'explain.fear-anger',
  title: "Patient's fears and concerns",
  skill: 'Let the patient explain',
  behavior: 'Listen for the fear and for the anger',
  level: 'core',
  severity: 'warning',
  message: "No concern, worry or frustration voiced by the patient in {section}",
  rationale:
    'Fear and anger are often what brought the patient in, and what keeps them from hearing advice. Naming them in the note shows they were heard, and reminds the next clinician to address them.',
  counts:
    'Worries, fears, concerns, frustration or anger the patient (or a parent for a child) voiced: "she is worried it is cancer", "he is frustrated that the pain keeps him from work", "parents are concerned about his eating". A clinician\'s "concern for infection" does not count.',
  evidence: [
    {
      pattern: EMOTION,
      attribution: 'patient',
      // An assessment lists diagnoses ("3. Anxiety."): the clinician's, not a worry voiced.
      notSections: [...NOT_CONVERSATION, 'assessment'],
      // Anxiety or panic named as a condition (a history of it, treated or consulted for it) is a diagnosis, not a worry
      // voiced; a worry someone else holds ("the surgeon is concerned") is theirs.
      unless: String.raw`${SOMEONE_ELSE} (?:\S+ )?(?:is |are |was |were |am |remains? )?(?:also |very |quite |still )?(?:concerned|worried)|(?:history|hx|h/o) of (?:\S+ ){0,8}?(?:anxiety|panic|stress)|(?:suffers?|suffering|suffered) from (?:\S+ ){0,3}?(?:anxiety|panic)|(?:diagnosed with|diagnosis of|treated for|treatment for|consulted (?:\S+ ){0,3}?for|referred (?:\S+ ){0,3}?for|medications? for|(?:responded|responds) (?:well )?to \S+ for|(?:on|taking|takes|prescribed|started on|using|uses) (?:\S+ ){1,3}?for) (?:\S+ ){0,6}?(?:anxiety|panic)|(?:anxiety|panic attacks|panic disorder)(?:,| is| has been| remains)? (?:well |poorly |fairly |now )?(?:controlled|stable|managed|treated)|concerns? (?:today |for today |at this visit )?(?:include|including|are as follows)|in (?:mild |moderate |severe |acute |obvious |apparent |some |significant |marked |moderate to severe )?distress|stress (?:test|testing|echo|fracture|incontinence|ulcer|dose|reaction)|(?:setting of|due to|secondary to|with|from|by|induced by|related to|triggered by|worse with) (?:\S+ )?stress|stress[- ](?:induced|related)|(?:respiratory|fetal|cardiopulmonary|acute|mild|moderate|severe|no|without|not in|in no) (?:\S+ )?distress|distress syndrome|concern(?:ing)? for|of concern|no concerns?|chief concern|anxiety (?:disorder|medication|state|neurosis)|(?:generalized|social|performance) anxiety|panic (?:disorder|attacks? disorder)|(?:history|hx) of (?:anxiety|depression)|concerns? (?:were|was) (?:addressed|answered)|(?:all )?questions and concerns|concerns? (?:addressed|answered)|(?:stomach|gi|gastric) upset|upset stomach|(?:post-?traumatic|acute) stress|stress (?:disorder|syndrome)|crying (?:and|or) (?:moaning|screaming|fussing|fussy)|found (?:her|him|them) crying|(?:excessive|inconsolable|persistent|constant) crying|crying (?:more|less|a lot|excessively|inconsolably)|irritable (?:bowel|colon|bladder|uterus)|non-?irritable|irritab(?:le|ility),? (?:and |or )?fuss(?:y|iness)|fuss(?:y|iness),? (?:and |or )?irritab(?:le|ility)|irritable (?:baby|infant|child|toddler|newborn|neonate)|(?:new|other|further|any) (?:problems|questions|symptoms|issues)(?:,)? (?:or|and) concerns|(?:problems|questions|issues) or concerns`,
    },
    {
      // An exam records the emotion it saw ("Mood: anxious", "an anxious-appearing man", "appears frightened"): the
      // patient's, though nobody reports it. Other exam words ("cranial nerves", an infant crying) are not emotions.
      pattern: String.raw`(?:mood|affect)(?: is| was|:|: is)? "?(?:very |quite |mildly |somewhat |moderately |markedly )?(?:${SEEN_EMOTION})|(?:${SEEN_EMOTION})(?:,? [a-z]+){0,3}[- ]appearing|(?:appears?|appeared|looks?|looked|seems?|seemed) (?:very |quite |mildly |somewhat |visibly )?(?:${SEEN_EMOTION})`,
      // Nobody needs to say it, but a relative seen so is the relative.
      unless: String.raw`{relatives}(?: \S+){0,4} (?:appears?|appeared|looks?|looked|seems?|seemed)`,
      notSections: [...RECORD_SECTIONS, 'assessment'],
    },
  ],
  // As for the explanation: the patterns alone, unless a team turns the learned scorer on (docs/engine.md).
  learned: false,
  prompt: {
    label: "Patient's concerns",
    snippet: "${1:<fears, worries or anger, in the patient's words>}",
    sections: ['hpi', 'subjective', 'chief-complaint'],
    createSection: 'HPI',
    createAfter: ['chief-complaint', 'visit-info'],
  },
  examples: {
    documented: [
      'HPI: Breast lump for one week. She is worried that it is cancer like her sister had.',
      'HPI: Back pain. He is frustrated that he has missed two weeks of work.',
      'HPI: 3-year-old with poor eating. Parents are concerned about his weight.',
      'SUBJECTIVE: Afraid of needles; wants the fewest blood draws possible.',
      'HPI: Since the layoff he has been short-tempered and edgy with his kids.',
      'PHYSICAL EXAM: Tearful, anxious-appearing woman in no pain.',
      'MENTAL STATUS: Mood: "nervous." Affect congruent.',
    ],
    missing: [
      'HPI: Breast lump for one week, no skin changes.',
      'ASSESSMENT: Concern for early cellulitis.',
      'HPI: Patient did not express any concerns.',
      'PAST MEDICAL HISTORY: Anxiety, hypertension.',
      'HPI: Dizziness. Her husband is worried she will fall.',
      'Concerns: <what the patient fears or is angry about>',
      'HPI: Chest pain. Stress test last year was normal.',
      'ASSESSMENT:\n1. Hypertension.\n2. Anxiety.',
      'PLAN: Return if any new problems or concerns.',
      'HPI: Vomiting and stomach upset since Sunday.',
      'HPI: Toddler fell; his mother found him crying and holding his arm.',
      'HPI: Low mood; crying spells were noted in the past.',
      'HPI: Confused. Unable to say whether she has hallucinations or any symptoms of anxiety.',
      'HPI: Poor focus. His school reports that he is anxious in class.',
      'HPI: Loose stools; known irritable bowel.',
      'HPI: 5-week-old with fever, irritability and fussiness since last night.',
      'PHYSICAL EXAM: Patient calm. Her daughter at the bedside appears anxious.',
      'PHYSICAL EXAM: Cranial nerves II-XII intact.',
      'HPI: He has a history of depression with anxiety, stable on sertraline.',
      'HPI: Wound check. She says the surgeon is concerned about the healing.',
      'HPI: Referred by her doctor for anxiety and poor sleep.',
      'HPI: Anxiety, well controlled on her current dose. Other concerns include a sore knee.',
    ],
  },
};
