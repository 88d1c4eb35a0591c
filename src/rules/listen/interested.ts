import type { Rule } from '../../engine/types';
import { COMPANION, WORDS } from '../vocabulary';

const STORY = ['hpi', 'subjective', 'chief-complaint', 'preamble'] as const;
const LIFE = String.raw`(?:work|go to work|do (?:her|his|their) job|care for|look after|take care of|play with|pick up (?:her|his|their) (?:[^\s.;:!?]+ )?(?:child|children|kids|baby|grandchildren|grandkids)|sleep through the night|walk (?:her|his|their) dog|garden|drive|attend|go to school|keep up (?:at|with)|play (?:sports|golf|tennis|soccer|football|basketball|the \w+)|run|exercise|dance|travel)`;

export const interested: Rule = {
  id: 'listen.interested',
  title: "The patient's life in the story",
  skill: 'Take time and listen',
  behavior: 'Be interested',
  level: 'supporting',
  severity: 'hint',
  message: "The history has symptoms but nothing of the patient's life around them in {section}",
  rationale:
    'Interest in the patient shows in the history: what the illness is doing to their work, family and days, and what was happening in their life when it began. That context is often where the diagnosis, and always where the plan, has to fit.',
  counts:
    'Life context in the history: how the illness affects work, family or daily life ("has missed two weeks of work", "keeps her from picking up her grandson"), life events around it ("headaches worse since her husband died", "stress about an upcoming audit at work"), where and with whom the patient lives. Symptoms alone, "denies stress", or a family member\'s own medical history do not count.',
  evidence: [
    {
      // What the illness does to the patient's life.
      pattern: String.raw`(?:keeps?|kept|keeping|prevents?|prevented|preventing|stops?|stopped|stopping) (?:her|him|them) from|(?:unable|not able|hard|difficult|struggl(?:es|ing)|difficulty) to ${LIFE}|(?:missed|missing|misses|miss) (?:[^\s.;:!?]+ )?(?:days? of |weeks? of |shifts? at )?(?:work|school|shifts?|classes|practice)|(?:affect(?:s|ed|ing)?|interfer(?:es|ed|ing) with|impact(?:s|ed|ing)? (?:on )?|limit(?:s|ed|ing)|disrupt(?:s|ed|ing)) (?:her|his|their) (?:[^\s.;:!?]+ )?(?:work|job|sleep|life|daily (?:life|activities|routine)|activities|ability to|marriage|relationship|family|hobbies|studies|schoolwork|caregiving|independence)|(?:had to|has had to|have had to) (?:stop|quit|give up|cut back|take time off)|(?:quit|left|lost|gave up) (?:her|his|their) (?:job|work|position)|(?:off|out of) work|(?:continues|able|unable|returned|return|back|went back) to work|on (?:medical |sick |disability )leave|(?:medical |sick |disability )leave|light duty`,
      sections: [...STORY],
    },
    {
      // Where the illness sits in the patient's life.
      pattern: String.raw`at work|at school|(?:her|his|their) (?:new )?(?:job|work|workplace|boss|employer|coworkers?|shift|classes|school|teacher|business|keyboard|desk)|(?:works?|worked|working) (?:as|at|in (?:a|an)|nights|long hours|full[- ]time|part[- ]time|construction|double shifts)|(?:lives?|living) (?:alone|independently|with (?:her|his|their|a|an|the|\d|one|two|three)|(?:in|at) (?!(?:fear|pain|denial|the moment)\b)[a-z]+)|(?:plays|played|playing) (?:tennis|golf|soccer|football|basketball|baseball|softball|volleyball|hockey|pickleball|in a band)|(?:since|after|when) (?:her|his|their) (?:[^\s.;:!?]+ )?(?:${COMPANION}|child|baby|pet|dog) (?:died|passed|was born|moved|left|was diagnosed|became ill|got sick)|(?:death|loss|passing|illness|diagnosis) of (?:her|his|their) (?:[^\s.;:!?]+ )?(?:${COMPANION}|child|baby|pet|dog)|divorce|separation from|breakup|bereavement|recently widowed|new baby|recently moved (?:here|to|in with|out)|moved (?:here|to|in with|out)|new job|(?:lost (?:her|his|their) job|unemployed|laid off)|retire(?:d|ment)|immigration|eviction|homeless(?:ness)?|financial (?:stress|strain|difficult(?:y|ies)|problems|worries)|stress (?:at|from|about|regarding|related to|over) ${WORDS(2)}(?:work|home|school|job|upcoming|finances|money|family|marriage|caregiving|audits?|exams?|moving)|(?:caring|cares) for (?:her|his|their) (?:[^\s.;:!?]+ )?(?:${COMPANION}|children|kids|grandchildren)|caregiver for`,
      sections: [...STORY],
      // How an injury happened is mechanism, not life context.
      unless: String.raw`work-?up|worked up|while (?:playing|at work|at school)|(?:disease|illness|sick|going around|outbreak|cases?|exposures?|exposed|contacts?) (?:[^\s.;:!?]+ )?at (?:school|work|daycare)|(?:medication|medicine|pills?|it|this|that|nothing|something|tylenol|ibuprofen) (?:[^\s.;:!?]+ )?works?|(?:sick|ill) contacts? at (?:work|school)`,
    },
  ],
  prompt: {
    label: 'Life context',
    snippet: '${1:<work, home, family; what the illness is doing to daily life>}',
    sections: ['hpi', 'subjective'],
    createSection: 'HPI',
    createAfter: ['chief-complaint', 'visit-info'],
  },
  examples: {
    documented: [
      'HPI: Low back pain for a month. He drives a delivery truck and has missed two weeks of work.',
      'SUBJECTIVE: Headaches began after her mother died in March; she is now caring for her father.',
      'HPI: Knee pain keeps her from walking her dog, which she used to do twice a day.',
      'HPI: Tingling in the right hand; she recently moved her keyboard lower at work.',
    ],
    missing: [
      'HPI: Low back pain for a month, no radiation, no numbness.',
      'HPI: She denies stress at work.',
      'FAMILY HISTORY: Mother died of breast cancer at 60.',
      'HPI: Chest pain; the prior cardiac work-up was negative.',
      'HPI: Ibuprofen works for the pain at night.',
      'HPI: Life context: works as <occupation; effect on daily life>.',
      'HPI: Twisted the knee while playing basketball.',
    ],
  },
};
