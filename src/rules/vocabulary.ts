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

/**
 * An empty look-ahead: it always succeeds and matches nothing, so it changes no match. Between an
 * alternation and a long list that follows every branch ("(?:accompanied by|here with|...)
 * ${JOIN}${COMPANION}") it keeps V8 from compiling the list again after each branch of different
 * length (up to ten copies). `compact` puts one after every group of the pack's patterns, so rule
 * files need not write it. The literal prefilter (src/engine/prefilter.ts) reads through it.
 */
export const JOIN = '(?=)';

/**
 * Help with the conversation itself (an interpreter, a chaperone): declining or choosing it is not
 * a decision about care, so it is no shared decision ("declines an interpreter").
 */
export const CONVERSATION_AID = String.raw`(?:(?:professional|medical|certified|in-person|phone|telephone|video|hospital) )?(?:interpreters?|interpret(?:er|ation|ing) services?|translators?|translation services?|language (?:line|services?)|chaperones?)`;

/** People who come with a patient or share their care at home: the pack's relatives. */
export const COMPANION = '{relatives}';

/** The patient, or whoever speaks and decides with them, as the object of a verb ("advised her", "told the parents"). COMPANION is spelled once. */
export const PATIENT_OBJECT = String.raw`(?:the patient|patient|pt|her|him|them|(?:(?:the|her|his|their) )?${COMPANION})`;

/**
 * What compact reads: an escape, a character class or an empty look-ahead (all kept as they
 * are), or the end of a group with its whole quantifier (read atomically: the look-ahead and
 * back-reference keep it from being split), when more than `|` or `)` follows and no ${JOIN}
 * does already. One regular expression rather than a loop over characters: it runs
 * when the module loads, before anything is compiled, and costs a fraction of a millisecond.
 */
const COMPACT_TOKEN = /\\[\s\S]|\[(?:\\[\s\S]|[^\]\\])*\]|\(\?=\)|\)(?=((?:[?*+]|\{\d+(?:,\d*)?\})?\??))\1(?![|)]|\(\?=\)|$)/g;

/**
 * The same regular expression, with ${JOIN} after every group that more of the pattern follows
 * (and its quantifier, if any). It matches exactly what `source` matches: an empty look-ahead
 * always succeeds and consumes nothing. What it changes is V8's compiled size. V8 compiles the
 * rest of a pattern again for each way of reaching it with a different length behind (the
 * branches of an alternation, an optional word), up to ten copies each time, so that a pattern
 * like "(?:the |this |our )?(?:entire |whole )?(?:visit|interview|...)" holds its last list a
 * dozen times over and nested groups multiply. A look-ahead makes V8 settle the position first,
 * after which the rest is compiled once. On the default pack this cuts the bytecode about four
 * times over and the cost of the first analysis with it (docs/performance.md).
 * Character classes and escapes are copied as they are; a group is never separated from its
 * quantifier.
 */
export function compact(source: string): string {
  return source.replace(COMPACT_TOKEN, (token) => (token[0] === ')' ? token + JOIN : token));
}
