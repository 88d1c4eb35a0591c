import type { Rule } from '../../engine/types';
import { COMPANION, NOT_CONVERSATION } from '../vocabulary';

const OCCUPATION = String.raw`(?:teacher|nurse|engineer|physician|doctor|lawyer|attorney|accountant|mechanic|(?:truck|bus|school bus|delivery|taxi) driver|chef|cook|waitress|waiter|bartender|cashier|clerk|(?:security )?guard|police officer|firefighter|soldier|veteran|farmer|rancher|carpenter|electrician|plumber|painter|janitor|custodian|housekeeper|secretary|receptionist|manager|chemist|scientist|professor|pastor|minister|priest|artist|musician|writer|transcriptionist|student|homemaker|nursing assistant|aide|technician|programmer|librarian|realtor|salesman|saleswoman|contractor|laborer|welder|machinist|pilot|dentist|pharmacist|therapist|social worker|banker|mail carrier|postal worker|barber|hairdresser|hairstylist|nanny|coach|athlete|dancer|(?:reading |education )?specialist|consultant|administrator|executive|business owner|analyst|veterinarian|paramedic|emt|server|construction worker|retiree)`;
const HOBBY = String.raw`(?:enjoys|enjoyed|hobbies|hobby|(?:likes|loves|liked|loved) to|(?:plays|played|playing) (?:tennis|golf|soccer|football|basketball|baseball|softball|volleyball|hockey|pickleball|cards|bridge|chess|piano|guitar|violin|drums|music|in a band)|gardening|gardens|fishing|fishes|hunting|hunts|hiking|hikes|knitting|quilting|woodworking|golfs|jogs|jogging|runs marathons|marathons?|cycling|bikes|swims|dancing|dances|sings|singing|choir|church|volunteers|volunteering|volunteered|travels|traveling|travelling|crossword|puzzles|has (?:a |two |\d+ )?(?:dogs?|cats?|horses?))`;
const HISTORY = ['social-history', 'hpi', 'subjective', 'chief-complaint', 'preamble', 'assessment', 'assessment-plan'] as const;

export const personable: Rule = {
  id: 'little-things.personable',
  title: 'The person beyond the illness',
  skill: 'Do the little things',
  behavior: 'Be human, be personable',
  level: 'supporting',
  severity: 'hint',
  message: 'Nothing about who the patient is beyond the illness (work, family, interests) in {section}',
  rationale:
    'Healers meet a person, not a diagnosis: a retired teacher who gardens, a grandmother raising two grandsons. A line about who the patient is tells the next clinician the same, and often what the plan has to fit around.',
  counts:
    'Who the patient is: work ("works as a bus driver", "retired reading specialist", "a 60-year-old chemist"), family ("lives with her husband of 40 years", "has three grandchildren"), interests ("plays tennis", "sings in the church choir"), what matters to them. A bare "married" is boilerplate. Tobacco, alcohol and drug use ("denies tobacco") and "work, diet and exercise patterns within normal limits" do not count.',
  evidence: [
    {
      // Work, in the history or the one-liner.
      pattern: String.raw`works? (?:as|in (?:a|an|the)|nights|night shift|full[- ]time|part[- ]time|construction|from home|at (?!(?:night|times|first|all|best|least|bedtime|rest)\b)[a-z]+)|worked (?:as|at|in|for)|working (?:as|at|full[- ]time|part[- ]time)|employed (?:as|at|by|full[- ]time|part[- ]time)|(?:is|was) (?:a|an) (?:retired |former |full[- ]time |part[- ]time |high[- ]school |college |graduate |university |medical |nursing |law )?${OCCUPATION}|retired (?:from|as|after|in)|(?:is|was|has been) retired|(?:her|his|their) (?:job|work|career|occupation|profession) (?:as|at|in|is)|(?:full[- ]time|part[- ]time) (?:student|job)|year[- ]old (?:[^\s.;:!?]+ ){0,2}?(?:retired |former )?${OCCUPATION}|homemaker|stay[- ]at[- ]home (?:mom|mother|dad|father|parent)|(?:high[- ]school|college|university) (?:graduate|degree|student)|(?:has|with) (?:a |an )?(?:masters?|bachelor'?s|doctorate|phd|degree)`,
      sections: [...HISTORY],
      // "Previously worked as a welder" is still who the patient is.
      allowContext: ['historical'],
      unless: String.raw`(?:work|diet|exercise),? (?:and )?(?:work|diet|exercise)|works? (?:in|at) the (?:morning|evening|afternoon|day|night)|(?:medication|medicine|pills?|it|this|that|nothing|something) (?:[^\s.;:!?]+ )?works?`,
    },
    {
      // Family, interests and what matters: the social history.
      pattern: String.raw`lives? (?:at home |together )?with (?:(?:her|his|their|a|an|the|both|two|one|\d+) )?(?:[^\s.;:!?]+ )?(?:${COMPANION}|children|kids|grandchildren|grandkids|boyfriend|girlfriend)|(?:${COMPANION}|husband|wife|partner|spouse) of (?:\d+|many|over|more than)|(?:has|have|with|raising|raised) (?:a |an |one |two |three |four |five |six |\d+ )?(?:grown |adult |young |teenage |older |younger |small )?(?:children|kids|sons?|daughters?|grandchildren|grandkids|grandsons?|granddaughters?|great-grandchildren|siblings|brothers?|sisters?|stepchildren)|(?:cares?|caring|caregiver) for (?:her|his|their)|(?:mother|father|parent) of (?:[^\s.;:!?]+ )?(?:children|kids|two|three|four|\d+)|${HOBBY}|retired|originally from|grew up in|born and raised|immigrated|moved (?:here )?from|(?:is|was) (?:a |an )?(?:widow|widower)|widowed|(?:her|his|their) (?:faith|church|pets?|dog|cat)`,
      sections: ['social-history'],
    },
    {
      pattern: String.raw`what matters (?:most )?to (?:her|him|them)|most important (?:thing )?to (?:her|him|them)|(?:she|he|they) (?:is|are) (?:very |so )?proud of|(?:her|his|their) (?:greatest |main |biggest )?(?:joy|pride|passion)|means? (?:a lot|everything|the world) to (?:her|him|them)|(?:she|he|they) (?:values?|cherish(?:es)?) (?:her|his|their)`,
      notSections: [...NOT_CONVERSATION, 'ros'],
    },
    {
      // A bare marital status is a checkbox, not a person.
      pattern: String.raw`single|married|divorced|separated`,
      sections: ['social-history'],
      strength: 'boilerplate',
    },
  ],
  prompt: {
    label: 'About the patient',
    snippet: '${1:<work, family, interests, what matters to them>}',
    sections: ['social-history', 'hpi', 'subjective'],
    createSection: 'SOCIAL HISTORY',
    createAfter: ['family-history', 'past-history', 'medications', 'allergies', 'hpi', 'subjective'],
  },
  examples: {
    documented: [
      'SOCIAL HISTORY: Works as a school bus driver. Lives with her husband of 40 years; two grown daughters nearby.',
      'SOCIAL HISTORY: Retired reading specialist. Plays tennis three times a week and volunteers at the library.',
      'HPI: This is a 68-year-old retired carpenter with knee pain.',
      'SOCIAL HISTORY: Raising two grandsons since her daughter died; church choir is what keeps her going.',
    ],
    missing: [
      'SOCIAL HISTORY: Never smoked; no alcohol or drugs.',
      'SOCIAL HISTORY: No substance use. Occupation and exercise habits unremarkable.',
      'FAMILY HISTORY: Her sister works as a nurse and has diabetes.',
      'HPI: Ibuprofen works at night but not during the day.',
      'SOCIAL HISTORY: Works as <occupation>.',
      'HPI: Back pain. This works as well as the pills did.',
    ],
  },
};
