import type { Rule } from '../../engine/types';
import { COMPANION, RECORD_SECTIONS, WORDS } from '../vocabulary';

/** Every alternative begins with a literal word, so that the prefilter can read the pattern. */
const PERSON = String.raw`(?:${COMPANION}|home health aide|personal care aide|aide|caseworker|case worker|support worker|personal care attendant|(?:medical |spanish |sign language |asl |professional )(?:interpreter|translator)|interpreter|translator)`;
/** A companion with its determiner, after a verb ("accompanied by her daughter"); at the start of a phrase the match may begin with the noun. */
const WHO = String.raw`(?:(?:her|his|their|the|the patient's|patient's|a|an|both) )?${PERSON}`;
/**
 * The phrases that lead up to a companion, all in one alternation followed once by the list of
 * people (each branch used to spell WHO out; no two begin with the same word, so their order
 * decides nothing). The pack puts an empty look-ahead after each group (compact in
 * vocabulary.ts), so that V8 compiles the list once, not once per branch. Present at this visit: "accompanied by her daughter", "brought in by his
 * father", "through an interpreter".
 */
const PRESENT_WITH = String.raw`accompanied by|(?:here|seen|visiting|comes? in|came in|presents?|presented|arrives?|arrived) (?:today )?(?:together )?with|brought (?:in |to (?:the )?(?:clinic|office|er|ed|emergency (?:room|department)|hospital) )?by|through|via|using|(?:greeted|welcomed)(?: the patient and| her and| him and)?`;
/** What they added, or the clinician speaking with them: "history obtained from her son", "went over the plan with her mother too". */
const CONSULTED = String.raw`(?:history|information) (?:was )?(?:obtained|provided|given|gathered|taken|supplemented|corroborated|confirmed) ${WORDS(3)}(?:from|by|through|with)(?: the patient and)?|per|according to|as per|(?:discussed|reviewed|talked|spoke|went over|explained) ${WORDS(6)}(?:with|to)(?: the patient and)?|(?:explained|talked|spoke) to`;
/** The companion speaking with the patient: "the patient and his wife report". */
const CONTRIBUTED = String.raw`(?:the patient|patient|she|he) and ${WHO} (?:both )?(?:state|states|stated|report|reported|say|said|assure|assured|agree|agreed|were|are|ask|asked|express|expressed|note|noted|describe|described|confirm|confirmed)`;

export const greetAll: Rule = {
  id: 'little-things.greet-all',
  title: 'Everyone in the room',
  skill: 'Do the little things',
  behavior: 'Greet everybody in the room',
  level: 'supporting',
  severity: 'hint',
  message: 'No record of who came with the patient (family, interpreter) in {section}',
  rationale:
    'The daughter who drove, the husband who remembers the dates, the interpreter: everyone in the room is part of the visit. Greeting them, and writing down who they are and what they added, makes them allies in the care.',
  counts:
    'Companions or an interpreter recorded as present and taken into the conversation: "accompanied by her daughter", "brought in by his father", "her husband, who is present, ...", "the patient and his wife report ...", "history obtained from her son", "went over the plan with her mother too", "through a Spanish interpreter". "Brought in by EMS", a relative present at an earlier event, or "no family present" do not count.',
  evidence: [
    {
      // One pattern: the companion and what they did (present, reported, explained), then the
      // phrases that lead up to a companion, each group followed once by the list of people.
      pattern: String.raw`${PERSON}(?: brings? (?:the patient|her|him|them) in|,? (?:who (?:is|was) |(?:is|are) )(?:also )?(?:present|here|at (?:the )?bedside|in the room)| (?:was |were )?present (?:for|during|at|throughout) (?:the |this |today's |our |my )?(?:entire |whole )?(?:visit|interview|exam|examination|encounter|appointment|discussion|conversation|consultation|history)| at (?:the )?bedside| (?:reports?|reported|states?|stated|says|said|notes?|noted|describes?|described|adds?|added|recalls?|recalled)| ${WORDS(5)}(?:explain(?:ed)?|point(?:ed)? out|show(?:ed)?) (?:to )?(?:me|us))|(?:${PRESENT_WITH}|${CONSULTED}) ${WHO}|${CONTRIBUTED}`,
      notSections: [...RECORD_SECTIONS],
      allowContext: ['other-experiencer'],
    },
  ],
  prompt: {
    label: 'Present at the visit',
    snippet: '${1:<who came with the patient, and what they added>}',
    sections: ['hpi', 'subjective', 'chief-complaint'],
    createSection: 'HPI',
    createAfter: ['chief-complaint', 'visit-info'],
  },
  examples: {
    documented: [
      'HPI: Accompanied by her daughter, who keeps her medication calendar and confirms two missed doses this week.',
      'SUBJECTIVE: 4-year-old brought in by his grandmother for ear pain.',
      'HPI: Chest tightness. The patient and his wife report three similar episodes since spring.',
      'PLAN: Went over the inhaler schedule with her son at the bedside; he will fill the prescription today.',
      'HPI: Visit conducted through a Spanish interpreter present for the entire interview.',
    ],
    missing: [
      'HPI: Chest tightness for three days, worse with exertion.',
      'HPI: Brought in by EMS after a fall at home.',
      'HPI: No family present at the visit.',
      'FAMILY HISTORY: Mother with diabetes; father died of a stroke.',
      'HPI: Accompanied by <relationship> today.',
    ],
  },
};
