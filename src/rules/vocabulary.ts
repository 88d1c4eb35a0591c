/** Phrase lists shared by several rules (regular-expression sources). */

/** Sections that hold other people's history, lists, or findings rather than what happened in this conversation. */
export const NOT_CONVERSATION = ['past-history', 'family-history', 'medications', 'allergies', 'physical-exam', 'objective', 'data'] as const;

/** Sections where this visit's decisions and arrangements are written. */
export const PLANNING_SECTIONS = ['plan', 'assessment-plan', 'assessment', 'instructions', 'follow-up', 'hospital-course', 'preamble', 'other', 'counseling'] as const;

/** Someone the patient is, or speaks through. */
export const PATIENT_WORDS = String.raw`(?:the patient|patient|pt|she|he|they|parents?|mother|father|mom|dad|family|caregiver|guardian)`;

/** Numbers as clinicians write them. */
export const NUMBER = String.raw`(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a couple of|a|an)`;

export const INTERVAL = String.raw`(?:${NUMBER}(?:\s*(?:-|to)\s*${NUMBER})?\s*(?:days?|weeks?|wks?|months?|mos?|years?|yrs?|week\s*\(s\)|month\s*\(s\))|(?:a|one|the next) (?:day|week|month|year)|tomorrow|next week|next month)`;

/**
 * Up to `n` words inside one clause, matched lazily: the gap between two phrases that
 * belong together ("discussed ${WORDS(6)}prognosis"). Words hold no sentence punctuation,
 * so a gap never reaches into the next sentence, and no negation: a "not" inside a match
 * would be taken for part of the phrase and stop negating it ("prognosis not discussed").
 */
export const WORDS = (n: number): string =>
  String.raw`(?:(?!(?:not|no|never|without|none|nor|denies|denied|deny|cannot|can't|didn't|doesn't|don't|isn't|wasn't|won't)\b)[^\s.;:!?]+ ){0,${n}}?`;

/** People who come with a patient or share their care at home. */
export const COMPANION = String.raw`(?:mother|mom|father|dad|parents?|wife|husband|spouse|partner|sons?|daughters?|sisters?|brothers?|grandmother|grandfather|grandparents?|grandsons?|granddaughters?|aunt|uncle|niece|nephew|cousin|friend|neighbou?r|caregivers?|guardian|family(?: members?)?|fianc(?:e|ee)|girlfriend|boyfriend|roommate|foster (?:mother|father|parents?)|step(?:mother|father|son|daughter))`;

/** The patient, or whoever speaks and decides with them, as the object of a verb ("advised her", "told the parents"). */
export const PATIENT_OBJECT = String.raw`(?:the patient|patient|pt|her|him|them|(?:the|her|his|their) ${COMPANION}|${COMPANION})`;
