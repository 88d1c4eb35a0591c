/** The default pack's word lists and section groups, and phrase lists shared by several rules (regular-expression sources). */
import type { SectionKind, Vocabulary } from '../engine/types';

const RECORDS: SectionKind[] = ['past-history', 'family-history', 'medications', 'allergies', 'data'];

/**
 * The pack's vocabulary (see Vocabulary in src/engine/types.ts). Rule patterns and context
 * triggers name the word lists as `{relatives}` and `{negations}`; rules take the section groups
 * through the names below.
 */
export const vocabulary: Vocabulary = {
  relatives: [
    'mother', 'mom', 'father', 'dad', 'parent', 'parents', 'guardian', 'caregiver', 'caregivers',
    'wife', 'husband', 'spouse', 'partner', 'fiance', 'fiancee', 'fianc\u00e9', 'fianc\u00e9e', 'girlfriend', 'boyfriend',
    'son', 'sons', 'daughter', 'daughters', 'sister', 'sisters', 'brother', 'brothers', 'family', 'family member', 'family members',
    'grandmother', 'grandfather', 'grandparent', 'grandparents', 'grandson', 'grandsons', 'granddaughter', 'granddaughters',
    'aunt', 'uncle', 'niece', 'nephew', 'cousin', 'friend', 'neighbor', 'neighbour', 'roommate',
    'foster mother', 'foster father', 'foster parent', 'foster parents', 'stepmother', 'stepfather', 'stepson', 'stepdaughter',
  ],
  negations: [
    'no', 'not', 'never', 'without', 'none', 'nor', 'cannot', "can't", "didn't", "doesn't", "don't", "hasn't", "haven't",
    "isn't", "wasn't", "won't", 'denies', 'denied', 'deny', 'denying',
  ],
  sectionGroups: {
    history: ['hpi', 'subjective', 'chief-complaint', 'ros', 'social-history'],
    records: RECORDS,
    notConversation: [...RECORDS, 'physical-exam', 'objective'],
    planning: ['plan', 'assessment-plan', 'assessment', 'instructions', 'follow-up', 'hospital-course', 'preamble', 'other', 'counseling'],
  },
};

/** Sections that are the patient's own account. */
export const HISTORY_SECTIONS = vocabulary.sectionGroups.history;

/** Sections of lists, results and other people's history. */
export const RECORD_SECTIONS = vocabulary.sectionGroups.records;

/** Sections that hold other people's history, lists, or findings rather than what happened in this conversation. */
export const NOT_CONVERSATION = vocabulary.sectionGroups.notConversation;

/** Sections where this visit's decisions and arrangements are written. */
export const PLANNING_SECTIONS = vocabulary.sectionGroups.planning;

/** Numbers as clinicians write them. */
export const NUMBER = String.raw`(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a couple of|a|an)`;

export const INTERVAL = String.raw`(?:(?:about|approximately|around|roughly|another|the next|the following) )?(?:${NUMBER}(?:\s*(?:-|to)\s*${NUMBER})?\s*(?:days?|weeks?|wks?|months?|mos?|years?|yrs?|week\s*\(s\)|month\s*\(s\))(?:'s? time)?|(?:a|one|the next) (?:day|week|month|year)|tomorrow|next week|next month|(?:few|couple of) (?:days|weeks|months))`;

/** An interval of weeks or longer: the time to a test or visit outside the hospital ("a repeat scan in 6 months"). */
export const OUTPATIENT_INTERVAL = String.raw`(?:(?:about|approximately|around|roughly|another|the next) )?(?:${NUMBER}(?:\s*(?:-|to)\s*${NUMBER})?\s*(?:weeks?|wks?|months?|mos?|years?|yrs?)|(?:a|one) (?:week|month|year)|next (?:week|month|year)|(?:few|couple of) (?:weeks|months))`;

/**
 * Up to `n` words inside one clause, matched lazily: the gap between two phrases that
 * belong together ("discussed ${WORDS(6)}prognosis"). Words hold no sentence punctuation,
 * so a gap never reaches into the next sentence, and no negation (a word of `{negations}`): a
 * "not" inside a match would be taken for part of the phrase and stop negating it ("prognosis
 * not discussed").
 *
 * Cost (V8 bytecode): the negation test is about 2 KB. V8 unrolls a repeat of at most three
 * into that many copies unless the repeated group holds a capture, so the group begins with an
 * empty one, `()`, which matches nothing and which nothing reads: every gap is then one loop.
 * The test ends in `\W` rather than `\b`: a gap word is always followed by at least its space,
 * so the two agree, and `\W` compiles to half the bytecode.
 */
export const WORDS = (n: number): string => String.raw`(?:()(?!{negations}\W)[^\s.;:!?]+ ){0,${n}}?`;

// The empty look-ahead and `compact` live with the engine, which compacts its own regexes too.
export { compact, JOIN, readablePattern } from '../engine/vocabulary';

/**
 * Help with the conversation itself (an interpreter, a chaperone): declining or choosing it is not
 * a decision about care, so it is no shared decision ("declines an interpreter").
 */
export const CONVERSATION_AID = String.raw`(?:(?:professional|medical|certified|in-person|phone|telephone|video|hospital) )?(?:interpreters?|interpret(?:er|ation|ing) services?|translators?|translation services?|language (?:line|services?)|chaperones?)`;

// Declining or choosing an interpreter or a chaperone: about the conversation, not the care.
export const CONVERSATION_AID_CHOICE = String.raw`(?:declines?|declined|declining|refuses?|refused|refusing|asks?|asked|asking|does not want|doesn't want|did not want|not interested in|prefers?|preferred|wants?|wanted|wish(?:es|ed)?|requests?|requested|asks? for|asked for|would like|would rather|chose|chooses|elects?|elected|accepts?|accepted|agrees? to|agreed to)(?: to use| to have)?(?: (?:an?|the|any|her|his|their))?(?: own)?(?: \S+)? (?:as (?:an? |the |her |his |their )?)?${CONVERSATION_AID}|${CONVERSATION_AID} (?:was |were |is |has been )?(?:declined|refused|not wanted)`;

/** People who come with a patient or share their care at home: the pack's relatives. */
export const COMPANION = '{relatives}';

/** The patient, or whoever speaks and decides with them, as the object of a verb ("advised her", "told the parents"). COMPANION is spelled once. */
export const PATIENT_OBJECT = String.raw`(?:the patient|patient|pt|her|him|them|(?:(?:the|her|his|their) )?${COMPANION})`;

/**
 * Someone other than the patient, named as the subject of a belief, a wish or a worry: the clinician ("which I believe
 * is viral"), another clinician or a service ("where they thought it was gastritis", "the team feels", "the
 * rheumatologist would not want"), or a spouse, friend or sibling (not a proxy for a patient who can speak). The
 * sentence may still be the patient's ("She says her husband thinks it is stress"); that belief or wish is not.
 */
export const SOMEONE_ELSE = String.raw`(?:(?<![a-z"\u201c\u2018'])(?:i|we)|where they|(?:dr\.?|doctor) \S+|(?:\S+ )?(?:doctors?|physicians?|surgeons?|[a-z]+ologists?|nurses?|staff|team|service|providers?|pcp|consultants?|clinicians?|hospitalists?|practitioners?|chiropractors?|therapists?)|(?:her|his|their|the patient's) (?:husband|wife|spouse|partner|boyfriend|girlfriend|fianc\S*|friends?|neighbou?r|roommate|sisters?|brothers?|cousin|aunt|uncle|co-?workers?|boss|employer))`;
