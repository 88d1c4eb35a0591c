import type { Rule } from '../../engine/types';
import { NOT_CONVERSATION, WORDS } from '../vocabulary';

export const stretch: Rule = {
  id: 'like.stretch',
  title: 'Culture, beliefs, values',
  skill: 'Find something to like',
  behavior: 'Stretch yourself and your world',
  level: 'teaching',
  severity: 'hint',
  message: "The patient's culture, beliefs or values not recorded",
  rationale:
    'Patients whose lives are unlike our own stretch us: a faith that shapes decisions, a traditional healer consulted first, a fast observed during treatment. Asking about them, and writing them down, makes the plan theirs.',
  counts:
    'Culture, faith and values explored: "her faith is important in decisions about treatment", "Jehovah\'s Witness, declines blood products", "fasting for Ramadan", "sees a curandero", "cultural beliefs about insulin". Blood cultures, "no religious preference", and lab values do not count.',
  evidence: [
    {
      pattern: String.raw`cultur(?:al|ally)|(?:her|his|their) culture|religio(?:n|us)|spiritual(?:ity)?|(?:her|his|their) faith|faith (?:community|leader|tradition|is important)|(?:attends?|goes to|member of (?:a |her |his |their )?)(?:church|mosque|synagogue|temple)|(?:pastor|imam|rabbi|chaplain|priest)|prayer|prays|catholic|muslim|jewish|buddhist|hindu|christian|sikh|(?:attends|goes to) (?:mass|services|worship)|ramadan|jehovah'?s witness|(?:health|cultural|religious|spiritual|personal|traditional|family) beliefs?|beliefs? (?:about|regarding|around) ${WORDS(2)}(?:illness|health|medicine|medications|insulin|treatment|death|dying|surgery|vaccines?|blood)|traditional (?:healer|medicine|remed(?:y|ies)|herbs|chinese medicine)|curandero|(?:her|his|their) values|values (?:her|his|their)|what (?:she|he|they) values|worldview|explanatory model`,
      notSections: [...NOT_CONVERSATION, 'ros'],
      unless: String.raw`(?:no|none|denies) (?:[^\s.;:!?]+ )?(?:religious|spiritual) (?:preference|affiliation)|religio(?:n|us)(?: preference| affiliation)?:? (?:none|n/a|not|no)\b|(?:her|his|their) values (?:are|were|is|was|remain(?:ed)?) ${WORDS(1)}(?:stable|normal|elevated|low|high|within|unremarkable|improved|improving|pending|trending)`,
    },
  ],
  examples: {
    documented: [
      'HPI: Her faith is central to how she decides about treatment; she wants her pastor present for the surgery discussion.',
      'A/P: Jehovah\'s Witness; declines blood products, and we planned the surgery around that.',
      'PLAN: He will be fasting for Ramadan; metformin timing moved to the evening meal.',
    ],
    missing: [
      'PLAN: Blood cultures x2, then start ceftriaxone.',
      'LABS: His values are stable compared with last week.',
      'SOCIAL HISTORY: No religious preference.',
      'HPI: Headache at the temples for a week.',
      'SOCIAL HISTORY: Religious preference none.',
    ],
  },
};
