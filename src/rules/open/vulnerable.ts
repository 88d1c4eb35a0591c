import type { Rule } from '../../engine/types';
import { RECORD_SECTIONS } from '../vocabulary';

/** Written twice in the pattern, with and without an article, so that every match begins with a literal word (for the prefilter). */
const HARD_FOR_US = String.raw`(?:hard|difficult|painful|emotional) (?:conversation|visit|discussion) for (?:me|us|both of us|all of us)`;

export const vulnerable: Rule = {
  id: 'open.vulnerable',
  title: "Clinician's own uncertainty",
  skill: 'Be open',
  behavior: 'Be vulnerable',
  level: 'teaching',
  severity: 'hint',
  message: "Clinician's own uncertainty or feelings not recorded",
  rationale:
    'Healers let patients see that they are people too: unsure at times, moved at times. Saying "I am not sure yet" or "I was sorry to give you this news" builds trust rather than costing it.',
  counts:
    'The clinician\'s own uncertainty or feelings: "I am not sure what is causing this", "I could not quite understand the story", "I was saddened", "I share her frustration". Clinical worry ("I am concerned for sepsis") and "etiology unclear" do not count.',
  evidence: [
    {
      pattern: String.raw`(?:i|we) (?:am|was|are|were|remain|feel|felt) (?:still |honestly |frankly )?(?:not (?:sure|certain)|unsure|uncertain)|i (?:do not|don't|did not|didn't) (?:fully |completely |yet )?(?:know|understand) (?:what|why|how|whether|the)|i (?:could not|couldn't|cannot|can't) (?:quite |fully )?(?:understand|explain|tell)|(?:i|we) (?:told|admitted to|shared with|acknowledged to) (?:her|him|them|the patient|the family|the parents) (?:that )?(?:i|we) (?:do not|don't|did not|didn't|am not|was not|are not) (?:know|sure|certain|have (?:an|all the) answers?)|(?:i|we) (?:feel|felt|was|am|were|are) (?:deeply |very )?(?:sad|saddened|moved|touched|humbled|heartbroken|disappointed)|(?:i|we) (?:share|shared) (?:her|his|their) (?:frustration|sadness|grief|disappointment)|(?:a|an) ${HARD_FOR_US}|${HARD_FOR_US}|my own (?:uncertainty|feelings|limitations|sadness)`,
      notSections: [...RECORD_SECTIONS],
    },
  ],
  examples: {
    documented: [
      'A/P: I am not sure yet what is causing her dizziness, and I told her so.',
      'HPI: I could not quite understand the sequence of events, partly because of the language barrier.',
      'PLAN: I was saddened to share this result; we will meet again Friday.',
    ],
    missing: [
      'ASSESSMENT: Dizziness, etiology unclear.',
      'A/P: I am concerned for early sepsis; blood cultures drawn.',
      'HPI: She is not sure when the pain started.',
      'ASSESSMENT: I find no sign of a demyelinating disease on this exam.',
    ],
  },
};
