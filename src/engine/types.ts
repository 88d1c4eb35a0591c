/**
 * The note model and the rule model. Everything the engine returns is plain
 * data (offsets into the original text), so the CLI, the editor and the tests
 * read the same results.
 */

import type { LearnedReason, LearnedWeights } from './learned/model';

/** A half-open range of UTF-16 offsets into the note text: [start, end). */
export interface Span {
  start: number;
  end: number;
}

/**
 * Canonical section kinds. Names follow LOINC / C-CDA section names where one
 * exists (HPI 10164-2, Subjective 61150-9, Assessment 51848-0, Plan of
 * Treatment 18776-5, Assessment and Plan 51847-2, Reason for Visit 29299-5,
 * Instructions 69730-0).
 */
export const SECTION_KINDS = [
  'preamble',
  'visit-info',
  'chief-complaint',
  'hpi',
  'subjective',
  'ros',
  'past-history',
  'medications',
  'allergies',
  'social-history',
  'family-history',
  'physical-exam',
  'objective',
  'data',
  'hospital-course',
  'assessment',
  'plan',
  'assessment-plan',
  'instructions',
  'follow-up',
  'counseling',
  'other',
] as const;
export type SectionKind = (typeof SECTION_KINDS)[number];

export interface Section {
  kind: SectionKind;
  /** The header as written (without numbering, markdown marks or colon); '' for the preamble. */
  title: string;
  /** The header's own range; empty at the section start for the preamble. */
  headerRange: Span;
  /** The content after the header (inline text after the colon included). */
  bodyRange: Span;
  /** Header and body together. */
  range: Span;
}

export type Level = 'core' | 'supporting' | 'teaching';
export type Severity = 'error' | 'warning' | 'information' | 'hint';
export type SeveritySetting = Severity | 'off';
/** Specific evidence says something about this patient; boilerplate is a stock phrase. */
export type Strength = 'specific' | 'boilerplate';

/**
 * Context that, by default, stops a match from counting as evidence. `deferred`: a decision or arrangement
 * left for later ("to be determined", "TBD", "plan to follow"), which no rule allows, unlike a hypothetical
 * ("if worse, return"); `copied-forward`: text copied from an earlier note, that visit's record, unlike
 * this visit's own account of the past (`historical`).
 */
export const CONTEXT_KINDS = ['negated', 'hypothetical', 'other-experiencer', 'historical', 'placeholder', 'deferred', 'copied-forward'] as const;
export type ContextKind = (typeof CONTEXT_KINDS)[number];

export interface Evidence {
  ruleId: string;
  span: Span;
  strength: Strength;
  section: SectionKind;
  /** Why it counts: the learned score and the words that weighed most; absent when a rule pattern matched. */
  learned?: LearnedReason;
}

export type FindingKind = 'missing' | 'weak' | 'placeholder';

/** Something a clinician may want to act on; `range` is where it is shown. */
export interface Finding {
  ruleId: string;
  kind: FindingKind;
  severity: Severity;
  message: string;
  /** Where the diagnostic is shown: a section header, a placeholder, or the first line. */
  range: Span;
  /** Where the rule's prompt belongs. */
  insertion: PromptInsertion;
}

/** Where a prompt is inserted, and whether a new section header has to come with it. */
export interface PromptInsertion {
  offset: number;
  /** The section the prompt goes into; undefined when a new section is to be created. */
  section?: SectionKind;
  /** Title of the section to create before the prompt, when the note has none that fits. */
  createSection?: string;
  /** An unfilled line labelled for the element (`Goals of care:` with nothing, or only placeholders, after the colon): the prompt's placeholders replace this span, after the colon. */
  fill?: Span;
}

/**
 * `not-expected`: the note's profile turns the rule off, or its level expects nothing.
 * `not-applicable`: the rule's `when` condition does not hold for this note; the rule did not run.
 */
export type RuleStatus = 'documented' | 'weak' | 'missing' | 'not-expected' | 'not-applicable' | 'overridden';

export interface RuleResult {
  ruleId: string;
  status: RuleStatus;
  evidence: Evidence[];
  /** For `not-applicable`: which condition failed, in words from the pack (never note text). */
  reason?: string;
}

export interface NoteAnalysis {
  /** Length of the analysed text, so consumers can check ranges. */
  length: number;
  /** The note's first profile (see `profiles`). */
  profile: string;
  /** Every profile the note carries, in pack order (a setting and a modality may both hold); at least one. */
  profiles: string[];
  sections: Section[];
  results: RuleResult[];
  findings: Finding[];
  /** Set when the note was not analysed (too large, binary); no results then. */
  skipped?: { reason: string };
}

// ---------------------------------------------------------------------------
// Rules as data

/**
 * One way a rule recognises evidence. `phrases` are literal (case-insensitive,
 * word-bounded); `pattern` is a regular expression source (flags `iu` added).
 * `anyContent` counts any real (non-placeholder) content of the scoped sections.
 */
export interface EvidencePattern {
  phrases?: string[];
  pattern?: string;
  anyContent?: {
    minWords: number;
    /** Regular expression for words that say nothing ("as above", "TBD"); removed before counting. */
    ignore?: string;
  };
  /** Only in these sections; default: anywhere. */
  sections?: SectionKind[];
  /** Never in these sections. */
  notSections?: SectionKind[];
  /**
   * Who must be speaking. `patient`: the patient or a proxy, or nobody named
   * in a history section (the history is the patient's account).
   * `patient-voice`: an explicit patient or proxy frame ("she believes",
   * "per the patient", quoted speech) anywhere.
   */
  attribution?: 'patient' | 'patient-voice';
  /** A regular expression for look-alikes: a match that overlaps one of its matches does not count. */
  unless?: string;
  /**
   * A regular expression that must also match in the same paragraph for a match to count: options
   * discussed count as a shared decision only beside the patient's response.
   */
  alongWith?: string;
  /** Context kinds in which this pattern still counts (e.g. a documented refusal is negated yet a decision). */
  allowContext?: ContextKind[];
  /** Default 'specific'. */
  strength?: Strength;
}

/**
 * What the quick fix writes into the note: `label: snippet` on a line of its own
 * ("Shared decision: <options offered>; <the patient's choice ...>"). A prompt
 * states nothing: only a label and empty placeholders, which the clinician fills.
 */
export interface RulePrompt {
  /** The label written before the placeholders, without its colon ("Shared decision"). A line that begins with it (or the rule's title) and a colon is this rule's to fill. */
  label: string;
  /** The placeholders after the label, in VS Code snippet syntax: `${1:<what to write>}`, `${2:<...>}`; the first tab stop is the text to write, not a choice. */
  snippet: string;
  /** Sections the prompt belongs in, in order of preference. */
  sections: SectionKind[];
  /** The header to create when the note has none of those sections. */
  createSection: string;
  /** Where a created section goes: after the last section of these kinds; default the end of the note. */
  createAfter?: SectionKind[];
  /**
   * Other labels of this element's line in your templates (`Interpreter`, `PDMP`), besides `label` and the
   * rule's title. A line that begins with one of them and a colon is where the element is written: a finding
   * sits on it, and the prompt fills it in place when nothing is written after the colon.
   */
  labels?: string[];
}

export interface RuleExamples {
  /** Notes (or note fragments) in which the rule must find evidence. */
  documented: string[];
  /** Notes in which it must not. */
  missing: string[];
}

export interface Rule {
  id: string;
  skill: string;
  behavior: string;
  /** The element in a few words ("Patient's own explanation"), for lists and coverage. */
  title: string;
  level: Level;
  severity: SeveritySetting;
  /** Diagnostic text when missing; `{section}` is replaced by the section it belongs in. */
  message: string;
  /** Diagnostic text when only boilerplate was found. */
  weakMessage?: string;
  /** One or two sentences that teach the skill. */
  rationale: string;
  /** What counts as evidence, in words, for hovers and docs. */
  counts: string;
  evidence: EvidencePattern[];
  prompt?: RulePrompt;
  examples: RuleExamples;
  /** Check kinds to run; default depends on the level. */
  checks?: string[];
  /**
   * Whether the pack's learned scorer (`RulePack.learned`) decides this rule's evidence, when it
   * has weights for it; default true. `false` keeps the rule to its patterns alone.
   */
  learned?: boolean;
  /** When the rule applies; a note that does not meet it gets `not-applicable` for the rule, never "missing". */
  when?: RuleCondition;
  /** Look-alikes: a sentence holding a match of one of these is no evidence for this rule (a team's "does not count"). */
  except?: LookAlike[];
  /** Diagnostic text for an unfilled template placeholder; default the rule's `message` and "(template placeholder left unfilled)". */
  placeholderMessage?: string;
}

/** Phrases (or a pattern) that stop a sentence from counting for a rule, in the sections given (default: anywhere). */
export type LookAlike = Pick<EvidencePattern, 'phrases' | 'pattern' | 'sections' | 'notSections'>;

/** Phrases (or a pattern) looked for in a note by a `when` condition, with the evidence fields that scope them. */
export type ConditionPhrases = Pick<EvidencePattern, 'phrases' | 'pattern' | 'sections' | 'notSections' | 'allowContext'>;

/**
 * When a rule applies. Every field given must hold (`anyOf`: at least one of its conditions). Phrases are
 * matched as evidence is: case-insensitive, word-bounded, and not in negated, hypothetical, someone else's,
 * historical or placeholder context unless `allowContext` says so.
 */
export interface RuleCondition {
  /** The note carries at least one of these profiles. */
  profiles?: string[];
  /** The note carries none of these profiles. */
  notProfiles?: string[];
  /** One of these phrases is in the note's heading: its `Visit type:` line, its title line, or a header above the first clinical section. */
  type?: string[];
  /** None of these phrases is in the note's heading. */
  notType?: string[];
  /** The note has a section of at least one of these kinds. */
  hasSections?: SectionKind[];
  /** The note has no section of any of these kinds. */
  lacksSections?: SectionKind[];
  /** At least one of these is found in the note (each in its own sections). */
  found?: ConditionPhrases | ConditionPhrases[];
  /** None of these is found in the note. */
  notFound?: ConditionPhrases | ConditionPhrases[];
  /** The patient's age, read from the note ("72-year-old", "age: 15", "6 month old"), in years. */
  age?: AgeRange;
  /** At least one of these conditions holds. */
  anyOf?: RuleCondition[];
}

export interface AgeRange {
  /** Youngest age, in years, inclusive. */
  min?: number;
  /** Oldest age, in years, inclusive (`17` includes 17 years and 11 months). */
  max?: number;
  /** Whether a note that states no age meets the condition; default false. */
  unknown?: boolean;
}

export interface SectionHeaderDefinition {
  kind: SectionKind;
  /** Header texts, lower case, without colon. */
  names: string[];
  /** Only these rules read the names (a team's headers that should not move the built-in rules' anchors); default every rule. */
  rules?: string[];
}

/** A ConText trigger: a phrase that puts nearby words in a context. */
export interface ContextTrigger {
  kind: ContextKind;
  /** Regular expression source (matched case-insensitively, word-bounded by the engine); may name a word list, as `{negations}`. */
  pattern: string;
  /** forward: words after the trigger; backward: words before it; both. */
  direction: 'forward' | 'backward' | 'both';
  /** How many words the context reaches; default 6, never past a terminator. */
  maxWords?: number;
  /**
   * `sentence`: the trigger qualifies its whole sentence, across clauses ("...; patient not present").
   * `paragraph`: its whole sentence and every later sentence of its paragraph (a block copied from an
   * earlier note, under "Copied from the note of 3/2:").
   */
  scope?: 'sentence' | 'paragraph';
  /** The scope also ends at a comma ("If worse, return to clinic"). */
  endsAtComma?: boolean;
  /** Does not apply when a proxy speaks for the patient (a child's parent). */
  proxyCounts?: boolean;
}

/**
 * A context trigger as a pack file adds it: literal `phrases` (safe in restricted mode) or a `pattern`,
 * in any language ("niega", "su esposa"). Direction and reach default by kind (see CONTEXT_DEFAULTS).
 */
export interface PackContextTrigger {
  kind: Exclude<ContextKind, 'placeholder'>;
  phrases?: string[];
  pattern?: string;
  direction?: ContextTrigger['direction'];
  maxWords?: number;
  endsAtComma?: boolean;
}

/** How a pack's trigger of each kind reaches when it does not say: as the built-in triggers of that kind mostly do. */
export const CONTEXT_DEFAULTS: Record<PackContextTrigger['kind'], Omit<ContextTrigger, 'kind' | 'pattern'>> = {
  negated: { direction: 'forward', maxWords: 5, endsAtComma: true },
  hypothetical: { direction: 'forward', maxWords: 6, endsAtComma: true },
  'other-experiencer': { direction: 'forward', maxWords: 10, proxyCounts: true },
  historical: { direction: 'forward', maxWords: 8 },
  deferred: { direction: 'both', maxWords: 8 },
  'copied-forward': { direction: 'both', scope: 'paragraph' },
};

export interface ContextDefinitions {
  triggers: ContextTrigger[];
  /** Words that end a trigger's scope (but, however, although, except ...). */
  terminators: string[];
  /** Triggers that look like context but are not (pseudo-triggers: "no increase", "not only"). */
  pseudo: string[];
}

/** Word lists a pack's regular expressions may name as `{relatives}`, `{negations}` (see Vocabulary). */
export const WORD_LISTS = ['relatives', 'negations'] as const;
export type WordList = (typeof WORD_LISTS)[number];

/** Groups of section kinds by what they hold. */
export const SECTION_GROUPS = ['history', 'records', 'notConversation', 'planning'] as const;
export type SectionGroup = (typeof SECTION_GROUPS)[number];

/**
 * The words and section groups that the engine and the rules share, each defined once. A word
 * list is literal words or phrases, lower case (plurals written out); any regular expression of
 * the pack (a rule's `pattern` or `unless`, a context trigger) may name one in braces, as
 * `{relatives}`, to match any of its entries. A pack that adds entries changes every pattern
 * that names the list.
 */
export interface Vocabulary {
  /**
   * Relatives and others close to the patient ("mother", "husband", "roommate"): who may come
   * with a patient, speak for one who cannot (a child's parent), or voice their own worries.
   * The engine reads it to tell who a sentence speaks for.
   */
  relatives: string[];
  /** Single words that negate what follows them ("no", "denies", "didn't"). */
  negations: string[];
  /**
   * `history`: sections that are the patient's own account, where a sentence with no named
   * speaker is the patient's (the engine reads it). `records`: lists, results and other
   * people's history. `notConversation`: the records and the examination, rather than this
   * visit's conversation. `planning`: sections where this visit's decisions and arrangements
   * are written.
   */
  sectionGroups: Record<SectionGroup, SectionKind[]>;
}

export interface Profile {
  id: string;
  description: string;
  /**
   * Phrases that select this profile when the note's heading holds one: its `Visit type:` line, its
   * title line, or a header above the first clinical section ("URGENT CARE VISIT"). Word-bounded, any case.
   */
  detect?: string[];
  /** Per-rule severity overrides for this note type. */
  rules?: Record<string, SeveritySetting>;
}

export interface RulePack {
  name: string;
  sections: SectionHeaderDefinition[];
  vocabulary: Vocabulary;
  context: ContextDefinitions;
  profiles: Profile[];
  rules: Rule[];
  /** The profile for notes that name none (a pack file's `profile`); default: the profile with id `default`. */
  profile?: string;
  /** Weights of the learned sentence scorer (written by `npm run train`); without them, rules use their patterns alone. */
  learned?: LearnedWeights;
}
