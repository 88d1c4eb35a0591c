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
  SECTION_KINDS,
  type EvidencePattern,
  type Level,
  type Profile,
  type Rule,
  type RuleExamples,
  type RulePrompt,
  type SectionHeaderDefinition,
  type SeveritySetting,
  type Strength,
} from '../types';

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
      'Whether the built-in learned sentence scorer decides this rule\'s evidence (core elements only; default true). `false` keeps the rule to its patterns alone. A rule whose evidence a pack replaces uses its patterns alone.',
  },
};

/** The fields a pack may change on an existing rule. */
type OverrideKey = 'severity' | 'message' | 'weakMessage' | 'rationale' | 'level' | 'evidence' | 'prompt' | 'examples' | 'title' | 'counts' | 'checks' | 'learned';
export const OVERRIDE_KEYS: readonly OverrideKey[] = ['severity', 'message', 'weakMessage', 'rationale', 'level', 'title', 'counts', 'evidence', 'prompt', 'examples', 'checks', 'learned'];
const overrideProperties = Object.fromEntries(
  OVERRIDE_KEYS.map((key) => [key, key === 'evidence' ? { ...ruleProperties.evidence, description: 'Replaces the rule\'s evidence entirely.' } : ruleProperties[key]]),
) as Record<OverrideKey, JsonSchema>;

const sectionProperties: Record<keyof SectionHeaderDefinition, JsonSchema> = {
  kind: ref('sectionKind'),
  names: {
    type: 'array',
    minItems: 1,
    items: { type: 'string', minLength: 1 },
    description: 'Header texts, without colon, matched case-insensitively. A name already known under another kind moves to this one.',
  },
};

const profileProperties: Record<keyof Profile, JsonSchema> = {
  id: { type: 'string', minLength: 1, description: 'An existing profile id (merged) or a new one.' },
  description: text('What the note type is; required for a new profile.'),
  detect: {
    type: 'array',
    items: { type: 'string', minLength: 1 },
    description: 'Values of a `Visit type:` line that select this profile; replaces the existing list.',
  },
  rules: {
    type: 'object',
    additionalProperties: ref('severity'),
    description: 'Per-rule severity for this note type, merged into the existing profile\'s.',
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
        description: 'Fields that replace the rule\'s own; `evidence`, `prompt` and `examples` are replaced whole.',
        properties: overrideProperties,
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
        properties: profileProperties,
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
