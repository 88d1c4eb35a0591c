import type { Rule } from '../../engine/types';
import { COMPANION, NOT_CONVERSATION, WORDS } from '../vocabulary';

export const quiet: Rule = {
  id: 'listen.quiet',
  title: 'The story told uninterrupted',
  skill: 'Take time and listen',
  behavior: 'Be quiet',
  level: 'teaching',
  severity: 'hint',
  message: 'The patient telling their story in their own words not recorded',
  rationale:
    'Most patients finish their opening story in under two minutes when they are not interrupted, and what they say first is often what matters most. A history written as their narrative, in their words, shows that the clinician let them tell it.',
  counts:
    'The story heard out: "in her own words", "told his story without interruption", "let her finish", open-ended questions. "Uninterrupted sleep" and "therapy without interruption" do not count.',
  evidence: [
    {
      pattern: String.raw`in (?:her|his|their) own words|(?:told|tells|shared|recounted|related|narrated) (?:her|his|their) (?:own |whole |full )?story|(?:let|allowed|allowing|letting) (?:her|him|them|the patient|the family) (?:to )?(?:tell|talk|speak|finish|describe|explain)|(?:listened|listening) ${WORDS(3)}without interrupt(?:ion|ing)|(?:i|we) (?:did not|didn't) interrupt|(?:told|talked|spoke|speaking|talking|described|telling) ${WORDS(4)}(?:without interruption|uninterrupted)|uninterrupted (?:account|story|narrative|opening|time to (?:talk|speak))|open[- ]ended questions?|(?:her|his|their|patient's) (?:own )?narrative`,
      notSections: [...NOT_CONVERSATION],
      unless: String.raw`narrative (?:of|from) the (?:chart|record|ed|emergency)|${COMPANION} ${WORDS(1)}(?:told|tells|shared|recounted|related|narrated)`,
    },
  ],
  examples: {
    documented: [
      'HPI: In her own words, "the pain is like a belt pulled tight around my chest."',
      'HPI: I let him tell the story of the last three months before asking questions.',
      'SUBJECTIVE: She told her story without interruption for about two minutes; the main worry came last.',
    ],
    missing: [
      'HPI: Sleeps 7 hours uninterrupted; no daytime fatigue.',
      'PLAN: Continue anticoagulation without interruption through the procedure.',
      'HPI: Her mother told her story to the nurse.',
      'HPI: Chest pain for 2 days, pressure-like, no radiation.',
    ],
  },
};
