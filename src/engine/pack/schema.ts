/**
 * The JSON Schema of `.healingnotes.json`, as data: the single source from
 * which `schema/healingnotes.schema.json` is written (scripts/build-schema.mjs)
 * and against which pack files are validated (./json-schema.ts). The property
 * tables are typed `Record<keyof Rule, ...>` and so on, so a field added to the
 * rule model does not compile until it is described here.
 */
import { CHECK_KINDS } from '../checks';
import {
  CONTEXT_KINDS,
  SECTION_GROUPS,
  SECTION_KINDS,
  type AgeRange,
  type ConditionPhrases,
  type PackContextTrigger,
  type EvidencePattern,
  type LookAlike,
  type RuleCondition,
  type Level,
  type Profile,
  type Rule,
  type RuleExamples,
  type RulePrompt,
  type SectionHeaderDefinition,
  type SeveritySetting,
  type Strength,
} from '../types';
import type { VocabularyAdditions } from '../vocabulary';

/** The subset of JSON Schema draft-07 used here, plus VS Code's description keywords. */
export interface JsonSchema {
  $schema?: string;
  $id?: string;
  $ref?: string;
  title?: string;
  description?: string;
  type?: 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';
  enum?: readonly (string | number | boolean)[];
  /** VS Code: one description per `enum` value. */
  enumDescriptions?: string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  minItems?: number;
  uniqueItems?: boolean;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  pattern?: string;
  /** VS Code: the message shown when `pattern` does not match. */
  patternErrorMessage?: string;
  anyOf?: JsonSchema[];
  definitions?: Record<string, JsonSchema>;
  default?: unknown;
  examples?: unknown[];
}

/** Keeps the literal lists below equal to the union types of the rule model. */
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
function exhaustive<T>(values: readonly T[], _check: true): readonly T[] {
  return values;
}

export const SEVERITY_SETTINGS = exhaustive(['off', 'error', 'warning', 'information', 'hint'] as const, true satisfies Same<'off' | 'error' | 'warning' | 'information' | 'hint', SeveritySetting>);
export const LEVELS = exhaustive(['core', 'supporting', 'teaching'] as const, true satisfies Same<'core' | 'supporting' | 'teaching', Level>);
const STRENGTHS = exhaustive(['specific', 'boilerplate'] as const, true satisfies Same<'specific' | 'boilerplate', Strength>);
const ATTRIBUTIONS = exhaustive(['patient', 'patient-voice'] as const, true satisfies Same<'patient' | 'patient-voice', NonNullable<EvidencePattern['attribution']>>);

/** The file name looked up at the root of each workspace folder. */
export const PACK_FILE_NAME = '.healingnotes.json';
/** Where the schema lives in the repository and the extension package. */
export const SCHEMA_PATH = 'schema/healingnotes.schema.json';
/** Rule ids: lower-case words joined by dots or hyphens, as the built-in `explain.fear-anger`. */
export const RULE_ID_PATTERN = '^[a-z][a-z0-9]*(?:[-.][a-z0-9]+)*$';

const ref = (name: string): JsonSchema => ({ $ref: `#/definitions/${name}` });
const text = (description: string): JsonSchema => ({ type: 'string', minLength: 1, description });
const sectionList = (description: string): JsonSchema => ({ type: 'array', items: ref('sectionKind'), description });

const evidenceProperties: Record<keyof EvidencePattern, JsonSchema> = {
  phrases: {
    type: 'array',
    minItems: 1,
    items: { type: 'string', minLength: 1 },
    description: 'Literal phrases, matched case-insensitively on word boundaries; spaces match any white space. Safe everywhere, including restricted mode.',
  },
  pattern: {
    type: 'string',
    minLength: 1,
    description:
      'A regular expression source (JavaScript syntax; flags `iu` are added and the match is word-bounded); `{relatives}` and `{negations}` stand for any entry of the pack\'s word lists. Refused in restricted mode and when it could backtrack catastrophically (nested or overlapping repeats, backreferences, over 2000 characters).',
  },
  anyContent: {
    type: 'object',
    properties: { minWords: { type: 'integer', minimum: 1, description: 'How many real words the section must hold.' } },
    required: ['minWords'],
    additionalProperties: false,
    description: 'Counts any real (non-placeholder) content of the sections in `sections`.',
  },
  sections: sectionList('Only in these sections; default: anywhere.'),
  notSections: sectionList('Never in these sections.'),
  attribution: {
    type: 'string',
    enum: ATTRIBUTIONS,
    enumDescriptions: [
      'The patient or a proxy is speaking, or nobody is named in a history section (the history is the patient\'s account).',
      'An explicit patient or proxy frame anywhere ("she believes", "per the patient", quoted speech).',
    ],
    description: 'Who must be speaking for a match to count.',
  },
  unless: {
    type: 'string',
    minLength: 1,
    description: 'A regular expression for look-alikes: a match overlapping one of its matches does not count. Same limits as `pattern`.',
  },
  alongWith: {
    type: 'string',
    minLength: 1,
    description: 'A regular expression that must also match in the same paragraph for a match to count (options discussed count only beside the patient\'s response). Same limits as `pattern`.',
  },
  allowContext: {
    type: 'array',
    items: ref('contextKind'),
    uniqueItems: true,
    description: 'Context kinds in which this pattern still counts (a documented refusal is negated yet a decision).',
  },
  strength: {
    type: 'string',
    enum: STRENGTHS,
    enumDescriptions: ['Says something about this patient.', 'A stock phrase: counts, but may be reported as weak.'],
    description: "How much a match counts; default 'specific'.",
  },
};

const promptProperties: Record<keyof RulePrompt, JsonSchema> = {
  label: text('The label the prompt writes before its placeholders, without the colon ("Shared decision"). A line that begins with it and a colon is this rule\'s to fill.'),
  snippet: text('The placeholders after the label, in VS Code snippet syntax: `${1:<what to write>}; ${2:<...>}`. A prompt states nothing: no default text saying what happened, and the first tab stop is the text to write, not a choice.'),
  sections: { ...sectionList('Sections the prompt belongs in, in order of preference.'), minItems: 1 },
  createSection: text('The header to create when the note has none of those sections.'),
  createAfter: sectionList('Where a created section goes: after the last section of these kinds; default the end of the note.'),
  labels: {
    type: 'array',
    items: { type: 'string', minLength: 1 },
    description:
      'Other labels of this element\'s line in your templates ("Interpreter", "PDMP"), besides `label` and the rule\'s title. A line that begins with one of them and a colon is where the element is written: the finding sits on that line, and the prompt fills it in place when nothing (or only a placeholder) follows the colon.',
  },
};

const lookAlikeProperties: Record<keyof LookAlike, JsonSchema> = {
  phrases: evidenceProperties.phrases,
  pattern: evidenceProperties.pattern,
  sections: evidenceProperties.sections,
  notSections: evidenceProperties.notSections,
};

const conditionPhraseProperties: Record<keyof ConditionPhrases, JsonSchema> = {
  ...lookAlikeProperties,
  allowContext: { ...evidenceProperties.allowContext, description: 'Context kinds in which a match still counts for the condition (by default a negated, hypothetical, someone else\'s or historical mention does not).' },
};

const phraseList = (description: string): JsonSchema => ({ type: 'array', minItems: 1, items: { type: 'string', minLength: 1 }, description });
const phrasesOrList = (description: string): JsonSchema => ({ anyOf: [ref('conditionPhrases'), { type: 'array', minItems: 1, items: ref('conditionPhrases') }], description });

const ageProperties: Record<keyof AgeRange, JsonSchema> = {
  min: { type: 'number', minimum: 0, description: 'Youngest age in years, inclusive (0.5 for six months).' },
  max: { type: 'number', minimum: 0, description: 'Oldest age in years, inclusive: `17` holds until the 18th birthday.' },
  unknown: { type: 'boolean', description: 'Whether a note that states no age meets the condition; default false.' },
};

const conditionProperties: Record<keyof RuleCondition, JsonSchema> = {
  profiles: phraseList('The note carries at least one of these profiles (see `profiles` and `healing-notes rules --format json`).'),
  notProfiles: phraseList('The note carries none of these profiles.'),
  type: phraseList('One of these phrases is in the note\'s heading: its `Visit type:` line, its title line, or a header above the first clinical section. Word-bounded, any case.'),
  notType: phraseList('None of these phrases is in the note\'s heading.'),
  hasSections: { ...sectionList('The note has a section of at least one of these kinds.'), minItems: 1 },
  lacksSections: { ...sectionList('The note has no section of any of these kinds.'), minItems: 1 },
  found: phrasesOrList('Found in the note (one entry, or a list of which at least one must be found): phrases or a pattern, in `sections` if given. A negated, hypothetical, someone else\'s or historical mention does not count.'),
  notFound: phrasesOrList('Not found in the note: none of these entries matches.'),
  age: {
    type: 'object',
    properties: ageProperties,
    additionalProperties: false,
    description: 'The patient\'s age as the note states it ("72-year-old", "72 yo", "6-month-old", "Age: 15", "de 15 años"). A note that states no age does not meet the condition unless `unknown` is true.',
  },
  anyOf: { type: 'array', minItems: 1, items: ref('condition'), description: 'At least one of these conditions holds.' },
};

const exampleProperties: Record<keyof RuleExamples, JsonSchema> = {
  documented: {
    type: 'array',
    minItems: 1,
    items: { type: 'string', minLength: 1 },
    description: 'Notes (or fragments) in which the rule must find evidence. Run them with `healing-notes test-rules`.',
  },
  missing: {
    type: 'array',
    minItems: 1,
    items: { type: 'string', minLength: 1 },
    description: 'Notes in which the rule must find none: near misses, negations, look-alikes.',
  },
};

const ruleProperties: Record<keyof Rule, JsonSchema> = {
  id: {
    type: 'string',
    pattern: RULE_ID_PATTERN,
    patternErrorMessage: 'Use lower-case words joined by dots or hyphens, e.g. "clinic.interpreter".',
    description: 'A new rule id; prefix it with your team or clinic ("clinic.interpreter"). The documentation anchor is the id without dots.',
  },
  skill: text('The healing skill ("Remove barriers").'),
  behavior: text('The behavior the note shows ("Create bridges").'),
  title: text('The element in a few words ("Interpreter use"), for lists and coverage.'),
  level: ref('level'),
  severity: ref('severity'),
  message: text('Diagnostic text when missing; `{section}` is replaced by the section it belongs in.'),
  weakMessage: text('Diagnostic text when only boilerplate was found.'),
  rationale: text('One or two sentences that teach the skill.'),
  counts: text('What counts as evidence, in words, for hovers and docs.'),
  evidence: { type: 'array', minItems: 1, items: ref('evidence'), description: 'Ways the rule recognises evidence; any one is enough.' },
  prompt: ref('prompt'),
  examples: ref('examples'),
  checks: {
    type: 'array',
    items: ref('checkKind'),
    minItems: 1,
    uniqueItems: true,
    description: 'Check kinds to run, "evidence" first; default by level (core: evidence, missing, weak, placeholder).',
  },
  learned: {
    type: 'boolean',
    description:
      'Whether the built-in learned sentence scorer decides this rule\'s evidence (core elements only; default true). `false` keeps the rule to its patterns alone. A rule whose evidence a pack replaces, or removes from, uses its patterns alone; evidence a pack adds keeps the scorer.',
  },
  when: ref('condition'),
  except: {
    type: 'array',
    minItems: 1,
    items: ref('lookAlike'),
    description: 'Look-alikes: a sentence holding a match of one of these is no evidence for this rule, whichever pattern (or the learned scorer) found it.',
  },
  placeholderMessage: text('Diagnostic text for an unfilled template placeholder (`{section}` as in `message`); default the rule\'s `message` and "(template placeholder left unfilled)".'),
};

/** What a pack may add to, or take from, an existing rule without restating it. */
interface RuleAdditions {
  addEvidence?: EvidencePattern[];
  removeEvidence?: number[];
  removePhrases?: string[];
}
const additionProperties: Record<keyof RuleAdditions, JsonSchema> = {
  addEvidence: {
    type: 'array',
    minItems: 1,
    items: ref('evidence'),
    description: 'Evidence entries added after the rule\'s own (which stay as they are): your phrases or patterns, in any language, with their own scope.',
  },
  removeEvidence: {
    type: 'array',
    minItems: 1,
    uniqueItems: true,
    items: { type: 'integer', minimum: 0 },
    description: 'Indexes of the rule\'s own evidence entries to drop, as `healing-notes explain <rule> --format json` lists them (`evidence[].index`).',
  },
  removePhrases: phraseList('Phrases to drop from the rule\'s own `phrases` lists (an entry left with none is dropped).'),
};

/** The fields a pack may change on an existing rule. */
type OverrideKey = Exclude<keyof Rule, 'id' | 'skill' | 'behavior'>;
export const OVERRIDE_KEYS: readonly OverrideKey[] = [
  'severity', 'message', 'weakMessage', 'placeholderMessage', 'rationale', 'level', 'title', 'counts', 'evidence', 'prompt', 'examples', 'checks', 'learned', 'when', 'except',
];
/** Keys of a rule override that add to the rule rather than replace a field. */
export const ADDITION_KEYS = Object.keys(additionProperties) as (keyof RuleAdditions)[];
const overrideProperties: Record<OverrideKey | keyof RuleAdditions, JsonSchema> = {
  ...(Object.fromEntries(
    OVERRIDE_KEYS.map((key) => [key, key === 'evidence' ? { ...ruleProperties.evidence, description: 'Replaces the rule\'s evidence entirely (to add to it, use `addEvidence`).' } : ruleProperties[key]]),
  ) as Record<OverrideKey, JsonSchema>),
  ...additionProperties,
};
export type { RuleAdditions };

const sectionProperties: Record<keyof SectionHeaderDefinition, JsonSchema> = {
  kind: ref('sectionKind'),
  names: {
    type: 'array',
    minItems: 1,
    items: { type: 'string', minLength: 1 },
    description: 'Header texts, without colon, matched case-insensitively. A name already known under another kind moves to this one.',
  },
  rules: {
    type: 'array',
    minItems: 1,
    items: { type: 'string', minLength: 1 },
    description: 'Only these rules (by id) read these names; the other rules, built-in ones included, read the note as before. Without it, every rule does.',
  },
};

const profileProperties: Record<keyof Profile, JsonSchema> = {
  id: { type: 'string', minLength: 1, description: 'An existing profile id (merged) or a new one.' },
  description: text('What the note type is; required for a new profile.'),
  detect: {
    type: 'array',
    items: { type: 'string', minLength: 1 },
    description:
      'Phrases that select this profile when the note\'s heading holds one (its `Visit type:` line, its title line, or a header above the first clinical section); word-bounded, any case. Replaces the existing list; to add to it, use `addDetect`.',
  },
  rules: {
    type: 'object',
    additionalProperties: ref('severity'),
    description: 'Per-rule severity for this note type, merged into the existing profile\'s.',
  },
};

/** What a pack may add to a profile's detection phrases without restating them. */
interface ProfileAdditions {
  addDetect?: string[];
}
const profileAdditionProperties: Record<keyof ProfileAdditions, JsonSchema> = {
  addDetect: phraseList('Phrases added to the profile\'s detection phrases (the existing ones stay).'),
};
export type { ProfileAdditions };

const contextTriggerProperties: Record<keyof PackContextTrigger, JsonSchema> = {
  kind: {
    type: 'string',
    enum: CONTEXT_KINDS.filter((k) => k !== 'placeholder'),
    enumDescriptions: [
      'Negation ("niega", "sin"): what follows does not count.',
      'Hypothetical or deferred ("si empeora", "en la próxima visita"): not done yet.',
      'Someone else\'s words ("su esposa dice"): not the patient\'s.',
      'Historical ("hace años"): not this visit.',
      'Deferred ("a decidir", "pendiente"): a decision or arrangement left for later, which no rule counts.',
      'Copied forward ("copiado de la nota del 3/2:"): its sentence and the rest of its paragraph are an earlier note\'s record.',
    ],
    description: 'The context the trigger puts nearby words in.',
  },
  phrases: { ...evidenceProperties.phrases, description: 'Literal trigger phrases, any language, matched as evidence phrases are. Safe everywhere, including restricted mode.' },
  pattern: { ...evidenceProperties.pattern, description: 'A regular expression for the trigger (same rules and limits as an evidence `pattern`; refused in restricted mode).' },
  direction: {
    type: 'string',
    enum: ['forward', 'backward', 'both'],
    enumDescriptions: ['The words after the trigger (default).', 'The words before it ("... was deferred").', 'Both.'],
    description: 'Which words the trigger reaches.',
  },
  maxWords: { type: 'integer', minimum: 1, description: 'How many words it reaches (default: negated 5, hypothetical 6, other-experiencer 10, historical 8, deferred 8; copied-forward reaches the rest of its paragraph); never past "but", "however" or a semicolon.' },
  endsAtComma: { type: 'boolean', description: 'Whether its reach also ends at a comma (default: true for negated and hypothetical).' },
};

const vocabularyProperties: Record<keyof VocabularyAdditions, JsonSchema> = {
  relatives: phraseList('Words for people close to the patient, added to the built-in list ("esposa", "abuela", "case manager"): who may speak for the patient or voice their own worries. Patterns name the list as `{relatives}`.'),
  negations: phraseList('Single words that negate what follows, added to the built-in list ("niega", "sin", "nunca"). Patterns name the list as `{negations}`.'),
  sectionGroups: {
    type: 'object',
    properties: Object.fromEntries(SECTION_GROUPS.map((g) => [g, sectionList(`Section kinds added to the ${g} group.`)])),
    additionalProperties: false,
    description: 'Section kinds added to the engine\'s groups: `history` (a sentence there with no named speaker is the patient\'s own account), `records`, `notConversation`, `planning`.',
  },
};

const SEVERITY_DESCRIPTIONS: Record<SeveritySetting, string> = {
  off: 'Not reported (evidence is still shown in coverage).',
  error: 'Reported as an error.',
  warning: 'Reported as a warning.',
  information: 'Reported as information.',
  hint: 'Shown as a hint only.',
};

const LEVEL_DESCRIPTIONS: Record<Level, string> = {
  core: 'A visit note should document it; missing is a diagnostic by default.',
  supporting: 'Credit when found, a gentle hint when absent.',
  teaching: 'Shown in coverage and hovers only.',
};

/** Builds the schema; check kinds are read from the engine's registry. */
export function packSchema(): JsonSchema {
  const checkKinds = [...CHECK_KINDS.values()];
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title: 'Healing Notes rule pack',
    description:
      'A `.healingnotes.json` file (JSON with comments): changes to the built-in healing-skill rules for a workspace folder or team. Layers: built-in pack, then the `healingNotes.rules` setting, then this file.',
    type: 'object',
    properties: {
      $schema: { type: 'string', description: 'The schema of this file, for editors.' },
      extends: {
        anyOf: [
          ref('extendsEntry'),
          { type: 'array', items: ref('extendsEntry'), description: 'Packs applied in order before this file.' },
        ],
        description: 'Packs this one builds on: "default" (the built-in pack, always the start) or paths relative to this file.',
      },
      profile: {
        type: 'string',
        minLength: 1,
        description: 'The profile for notes that do not name one with a `Visit type:` line (e.g. "urgent" for an urgent-care clinic).',
      },
      rules: {
        type: 'object',
        description: 'Changes to existing rules, by id: a severity ("off", "warning" ...) or an object of fields to replace.',
        additionalProperties: {
          anyOf: [ref('severity'), ref('ruleOverride')],
        },
      },
      customRules: {
        type: 'array',
        items: ref('rule'),
        description: 'New rules, complete with evidence and examples. Ids must not clash with existing rules.',
      },
      sections: {
        type: 'array',
        items: ref('sectionHeaders'),
        description: 'Extra section header names (your template\'s headers), merged into the built-in ones.',
      },
      profiles: {
        type: 'array',
        items: ref('profile'),
        description: 'Note-type profiles, merged by id with the existing ones.',
      },
      vocabulary: {
        type: 'object',
        properties: vocabularyProperties,
        additionalProperties: false,
        description: 'Words added to the built-in word lists, in any language; every pattern and context trigger that names a list reads the additions.',
      },
      contextTriggers: {
        type: 'array',
        items: ref('contextTrigger'),
        description: 'Context triggers added to the built-in ones (negation, someone else, hypothetical, deferred, historical, copied forward from an earlier note), in any language.',
      },
    },
    additionalProperties: false,
    definitions: {
      severity: {
        type: 'string',
        enum: SEVERITY_SETTINGS,
        enumDescriptions: SEVERITY_SETTINGS.map((s) => SEVERITY_DESCRIPTIONS[s]),
        description: 'How a missing element is reported.',
      },
      level: {
        type: 'string',
        enum: LEVELS,
        enumDescriptions: LEVELS.map((l) => LEVEL_DESCRIPTIONS[l]),
        description: 'How much a visit note is expected to show the element; sets the default checks.',
      },
      sectionKind: {
        type: 'string',
        enum: SECTION_KINDS,
        description: 'A canonical section kind (LOINC / C-CDA names where one exists).',
      },
      contextKind: {
        type: 'string',
        enum: CONTEXT_KINDS,
        description: 'A context that, by default, stops a match from counting.',
      },
      checkKind: {
        type: 'string',
        enum: checkKinds.map((k) => k.id),
        enumDescriptions: checkKinds.map((k) => k.summary),
        description: 'A declarative check kind of the engine.',
      },
      extendsEntry: {
        type: 'string',
        minLength: 1,
        description: '"default", or a path to another pack file relative to this one.',
      },
      evidence: {
        type: 'object',
        description: 'One way to recognise evidence: exactly one of `phrases`, `pattern` or `anyContent`, with optional scope and context.',
        properties: evidenceProperties,
        additionalProperties: false,
      },
      prompt: {
        type: 'object',
        description: 'What the quick fix inserts, and where.',
        properties: promptProperties,
        required: ['label', 'snippet', 'sections', 'createSection'],
        additionalProperties: false,
      },
      examples: {
        type: 'object',
        description: 'Self-tests: notes the rule must and must not find evidence in.',
        properties: exampleProperties,
        required: ['documented', 'missing'],
        additionalProperties: false,
      },
      rule: {
        type: 'object',
        description: 'A complete rule.',
        properties: ruleProperties,
        required: ['id', 'skill', 'behavior', 'title', 'level', 'severity', 'message', 'rationale', 'counts', 'evidence', 'examples'],
        additionalProperties: false,
      },
      ruleOverride: {
        type: 'object',
        description: 'Fields that replace the rule\'s own (`evidence`, `prompt`, `examples` and `when` are replaced whole), and additions: `addEvidence`, `removeEvidence`, `removePhrases`.',
        properties: overrideProperties,
        additionalProperties: false,
      },
      condition: {
        type: 'object',
        description: 'When the rule applies: every field given must hold. A note that does not meet it gets "not-applicable" for the rule, never "missing".',
        properties: conditionProperties,
        additionalProperties: false,
      },
      conditionPhrases: {
        type: 'object',
        description: 'Phrases or a pattern looked for by a condition, optionally only in some sections.',
        properties: conditionPhraseProperties,
        additionalProperties: false,
      },
      lookAlike: {
        type: 'object',
        description: 'Phrases or a pattern that stop a sentence from counting for the rule, optionally only in some sections.',
        properties: lookAlikeProperties,
        additionalProperties: false,
      },
      contextTrigger: {
        type: 'object',
        description: 'A context trigger: exactly one of `phrases` or `pattern`.',
        properties: contextTriggerProperties,
        required: ['kind'],
        additionalProperties: false,
      },
      sectionHeaders: {
        type: 'object',
        properties: sectionProperties,
        required: ['kind', 'names'],
        additionalProperties: false,
      },
      profile: {
        type: 'object',
        properties: { ...profileProperties, ...profileAdditionProperties },
        required: ['id'],
        additionalProperties: false,
      },
    },
  };
}

/** The schema file's text, exactly as checked in. */
export function packSchemaText(): string {
  return `${JSON.stringify(packSchema(), null, 2)}\n`;
}
