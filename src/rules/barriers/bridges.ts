import type { Rule } from '../../engine/types';
import { COMPANION, NOT_CONVERSATION, WORDS } from '../vocabulary';

const LANGUAGE = String.raw`(?:spanish|vietnamese|mandarin|cantonese|chinese|arabic|somali|russian|ukrainian|portuguese|french|haitian creole|creole|korean|tagalog|hindi|punjabi|urdu|farsi|dari|pashto|nepali|swahili|amharic|tigrinya|polish|karen|burmese|hmong|marshallese|asl|american sign language|sign language)`;

export const bridges: Rule = {
  id: 'barriers.bridges',
  title: 'Bridges built',
  skill: 'Remove barriers',
  behavior: 'Create bridges',
  level: 'supporting',
  severity: 'hint',
  message: 'No bridge recorded (interpreter, family, social work, cost, transport) in {section}',
  rationale:
    'Language, money, distance and isolation keep good plans from happening. Healers build bridges: an interpreter, a family member brought into the plan, a social worker, a cheaper drug, a ride. The note records the bridge so the next visit can use it.',
  counts:
    'A bridge across a barrier: an interpreter or the patient\'s language ("Spanish interpreter present", "through a translator"); family enlisted in the plan ("her daughter will fill the pill box"); social work, case management, community resources; cost addressed (generic, coupon, assistance program, "cannot afford"); transport or distance addressed. "Language barrier" with no bridge, "no interpreter needed", and a radiologist\'s "interpretation" do not count.',
  evidence: [
    {
      // Language.
      pattern: String.raw`interpreters?|interpretor|translators?|interpret(?:ing|ation|ive) services|language line|languageline|(?:visit|history|interview|conversation|discussion|exam|counsel(?:l)?ing|education) ${WORDS(3)}(?:conducted|done|obtained|performed|held|given|provided) in ${LANGUAGE}|in (?:her|his|their) (?:native|preferred|primary|own) language|bilingual (?:[^\s.;:!?]+ )?(?:staff|provider|clinician|nurse|physician)`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      allowContext: ['other-experiencer'],
      unless: String.raw`(?:interpreter|translator)s?(?: services)?(?: (?:used|needed|required|present|requested))?:? (?:no|none|n/a|not)\b|(?:no|without|not) (?:[^\s.;:!?]+ )?(?:interpreter|translator) (?:needed|required|necessary)|(?:interpreter|translator) (?:was |is )?(?:not needed|not required|unnecessary)`,
    },
    {
      // Social work, community, and money.
      pattern: String.raw`social work(?:er|ers)?|(?:case|care) manage(?:r|rs|ment)|care coordinat(?:or|ion)|community (?:health workers?|resources?|services|programs?|agency|agencies|center|organizations?|support|paramedic)|patient navigator|food (?:bank|pantry|pantries|assistance|stamps)|snap benefits|\bwic\b|meals on wheels|support group|housing (?:assistance|resources|application|support|voucher)|homeless shelter|legal aid|financial (?:counsel(?:l)?or|counsel(?:l)?ing|assistance|aid|concerns?|burden|hardship|barriers?|constraints|strain)|(?:patient |prescription |medication )assistance program|assistance program|charity care|sliding[- ]scale|(?:medicaid|disability|benefits) application|copays?|co-pays?|(?:out[- ]of[- ]pocket|drug|medication|prescription) costs?|costs? of (?:the |her |his |their )?(?:medications?|prescriptions?|inhalers?|insulin|test|treatment|visit)|(?:cannot|can't|could not|unable to|able to) afford|affordab(?:le|ility)|coupons?|goodrx|(?:cheaper|less expensive|lower[- ]cost) (?:option|alternative|generic|medication|drug)|generic ${WORDS(3)}(?:cost|cheaper|less expensive|to save|afford)|prior auth(?:orization)?|insurance (?:coverage|will not cover|does not cover|denied|appeal)`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      allowContext: ['other-experiencer'],
    },
    {
      // Transport, distance, access.
      pattern: String.raw`transportation|(?:bus|taxi|cab|uber|lyft|medicaid) (?:pass|voucher|ride|rides|transport)|rides? (?:to and from|to (?:her|his|their|the) (?:appointments?|visits?|clinic|dialysis|therapy))|(?:lives?|living) ${WORDS(3)}(?:hours?|miles?) away|closer to (?:her|his|their) home|(?:telehealth|telephone|video|phone) (?:follow-?up|visits?) ${WORDS(4)}(?:to avoid|because of|given|due to) ${WORDS(3)}(?:travel|distance|transport|work)|(?:evening|weekend|after-hours|early morning) (?:appointments?|clinic|visits?)|child ?care|time off (?:from )?work|(?:mail[- ]order|home delivery) (?:pharmacy|of (?:her|his|their )?medications)|home visits?`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      allowContext: ['other-experiencer'],
      unless: String.raw`(?:ambulance|ems|air|helicopter|stretcher) transport(?:ation)?|transportation (?:by|via) (?:ambulance|ems|helicopter|stretcher)`,
    },
    {
      // Family or companions brought into the plan.
      pattern: String.raw`(?:involved|include|included|including|enlisted|engaged) ${WORDS(1)}(?:her|his|their|the) (?:[^\s.;:!?]+ )?(?:${COMPANION}|support system|caregivers?) (?:in|with) (?:the )?(?:plan|care|decision|discussion|medications?|dosing|monitoring|teaching)|(?:${COMPANION}) (?:will|is going to|agreed to|is able to|can|offered to) (?:help|assist|drive|bring|provide|supervise|administer|manage|remind|give|fill|check|stay|pick up)|(?:with (?:her|his|their) permission|at (?:her|his|their) request),? (?:i|we) ${WORDS(2)}(?:called|spoke|talked|updated|discussed|met) (?:with )?(?:her|his|their) (?:[^\s.;:!?]+ )?${COMPANION}|family meeting|(?:caregiver|family) (?:education|training|teaching)`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      allowContext: ['other-experiencer'],
    },
  ],
  prompt: {
    label: 'Barrier addressed',
    snippet: '${1:<the barrier: language, cost, transport>}; ${2:<the bridge: interpreter and ID, resource, referral>}',
    sections: ['plan', 'assessment-plan', 'instructions'],
    createSection: 'PLAN',
    createAfter: ['assessment', 'data', 'physical-exam', 'objective', 'hpi', 'subjective'],
  },
  examples: {
    documented: [
      'HPI: Visit conducted with a Vietnamese interpreter by video (ID 4471).',
      'PLAN: Switched to generic losartan because the brand copay was $80 a month; social work referral for a prescription assistance program.',
      'PLAN: Her daughter will fill the weekly pill box and drive her to the dialysis sessions.',
      'A/P: He lives about 3 hours away; telephone follow-up in between visits to avoid the travel.',
      'PLAN: The risks and alternatives were explained through a translator.',
    ],
    missing: [
      'HPI: History limited by a language barrier.',
      'DIAGNOSTIC DATA: Radiologic interpretation is pending.',
      'HPI: No interpreter needed; English is her first language.',
      'PLAN: Transported to radiology by stretcher.',
      'PLAN: Interpreter used: [ ]',
      'HPI: Interpreter services none, English is her first language.',
      'PLAN: Ambulance transportation to the hospital arranged.',
    ],
  },
};
