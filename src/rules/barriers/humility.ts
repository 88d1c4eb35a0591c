import type { Rule } from '../../engine/types';
import { NOT_CONVERSATION, WORDS } from '../vocabulary';

export const humility: Rule = {
  id: 'barriers.humility',
  title: 'Limits of knowledge',
  skill: 'Remove barriers',
  behavior: 'Practice humility',
  level: 'teaching',
  severity: 'hint',
  message: 'Limits of knowledge, or a second opinion, not recorded',
  rationale:
    'Humility removes the distance of the expert: saying what medicine does not know, offering a second opinion, deferring to someone who knows more. Patients trust a clinician who is honest about the edges of knowledge.',
  counts:
    'Limits stated or help sought: "we do not yet know what is causing this", "explained the uncertainty", "offered a second opinion", "outside my expertise, so I asked neurology", "I apologized for the delay". "Etiology unclear" on its own, and a patient who comes for a second opinion, do not count.',
  evidence: [
    {
      pattern: String.raw`(?:offered|offer|suggested|recommended|encouraged|welcomed?|supported|arranged|refer(?:red)? (?:her |him |them )?for) ${WORDS(2)}second opinion|second opinion (?:was |is |has been )?(?:offered|encouraged|welcomed|supported|arranged)|(?:limits?|limitations?) of (?:my|our|medical|current) (?:knowledge|expertise|understanding|science|evidence|testing)|(?:outside|beyond) (?:my|our) (?:area of )?(?:expertise|scope|knowledge)|not (?:my|an?) (?:area of )?expert(?:ise)?|(?:i|we) (?:do not|don't|cannot|can't) (?:yet )?(?:fully |exactly |really )?(?:know|say|tell|explain|predict) (?:exactly |for certain |for sure |with certainty )?(?:what (?:the cause|is causing|caused|is wrong|is going on|this is|will happen)|why|the (?:cause|reason)|how (?:long|this will|it will|things will)|whether (?:this|it|she|he|they) will)|(?:i|we) (?:do not|don't) (?:yet )?have (?:a |an |all the |the )?(?:answers?|explanation|clear answer)|(?:explained|discussed|acknowledged|shared|was honest about|were honest about) ${WORDS(3)}(?:the |our )?(?:diagnostic )?uncertainty|medicine (?:does not|doesn't|cannot|can't) ${WORDS(2)}(?:answer|explain|know)|(?:defer(?:red)?|deferring) to ${WORDS(3)}(?:expertise|judgment|judgement)|(?:i|we) (?:could|may|might) be wrong|(?:i|we) (?:apologized|apologised)`,
      notSections: [...NOT_CONVERSATION, 'ros'],
    },
  ],
  examples: {
    documented: [
      'A/P: We do not yet know what is causing her liver disease; I was open with her about that.',
      'PLAN: Offered a second opinion at the university center; she will think about it.',
      'A/P: Explained the uncertainty of the imaging findings and why we will repeat the scan.',
      'PLAN: I apologized for the delay in getting her results.',
    ],
    missing: [
      'ASSESSMENT: Abdominal pain, etiology unclear.',
      'A/P: We do not have the outside records yet.',
      'HPI: She does not know why the pain started.',
      'HPI: Her daughter wants a second opinion.',
      'HPI: Here for a second opinion about her thyroid nodule.',
    ],
  },
};
