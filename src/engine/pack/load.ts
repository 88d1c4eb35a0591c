/**
 * Loading a pack file: parse (JSON with comments), validate against the
 * schema, resolve `extends`, check what the schema cannot (ids, regular
 * expressions, restricted mode), then merge onto the pack below. Pure: files
 * are read through an injected `readFile`.
 */
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';
import { wordBounded } from '../context';
import { LineIndex } from '../text';
import {
  CONTEXT_DEFAULTS,
  type ConditionPhrases,
  type ContextTrigger,
  type EvidencePattern,
  type PackContextTrigger,
  type Profile,
  type Rule,
  type RuleCondition,
  type RulePack,
  type SectionHeaderDefinition,
  type SeveritySetting,
  type Vocabulary,
  type WordList,
} from '../types';
import { addToVocabulary, expandWordLists, wordListSource, type VocabularyAdditions } from '../vocabulary';
import { defaultPack } from '../../rules';
import { didYouMean, listOf, showValue, validateAgainstSchema, type JsonPath, type SchemaIssue } from './json-schema';
import { basenameOf, dirnameOf, formatJsonPath, isAbsolutePath, resolvePath } from './paths';
import { regexSafetyProblem } from './regex-safety';
import { OVERRIDE_KEYS, packSchema, type JsonSchema, type ProfileAdditions, type RuleAdditions } from './schema';

/**
 * A problem in a pack file or settings object: which file, where in it (a
 * JSON path such as `customRules[0].evidence[1].pattern`), and what is wrong
 * and allowed. Never holds note text.
 */
export interface PackError {
  /** The pack file's path, or a label such as "User settings" for settings objects. */
  file: string;
  /** JSON path inside the file; '' for the file as a whole. */
  path: string;
  message: string;
  /** 1-based line, when the text of the file is known. */
  line?: number;
  /** 1-based column (UTF-16). */
  column?: number;
  /** 0-based offset of the offending text in the file, and its length: for editor ranges. */
  offset?: number;
  length?: number;
}

export type ReadFile = (path: string) => string;

export interface PackLoadOptions {
  /**
   * Untrusted workspace: severities, messages and phrases may change, but no
   * regular expression from the pack is accepted.
   */
  restricted?: boolean;
}

export interface PackConfigOptions extends PackLoadOptions {
  /** Reads files named by `extends`; without it, `extends` may only name "default". */
  readFile?: ReadFile;
  /** Directory that relative `extends` paths start from; without it, only absolute paths are followed. */
  baseDir?: string;
  /** Prepended to every error path, e.g. `healingNotes.rules` for a setting. */
  pathPrefix?: string;
}

export interface PackLoadResult {
  /** The merged pack; on any error, the base pack unchanged. */
  pack: RulePack;
  errors: PackError[];
  /** Every file that was read or tried (for file watchers). */
  files: string[];
}

/** Fields a pack may replace on an existing rule, and what it may add to or take from its evidence. */
export type RuleOverride = Partial<Pick<Rule, (typeof OVERRIDE_KEYS)[number]>> & RuleAdditions;

/** The content of a `.healingnotes.json` file (see schema/healingnotes.schema.json). */
export interface PackFile {
  $schema?: string;
  extends?: string | string[];
  profile?: string;
  rules?: Record<string, SeveritySetting | RuleOverride>;
  customRules?: Rule[];
  sections?: SectionHeaderDefinition[];
  profiles?: (Partial<Profile> & ProfileAdditions & { id: string })[];
  vocabulary?: VocabularyAdditions;
  contextTriggers?: PackContextTrigger[];
}

/** `file:line:col: path: message`, the shape compilers and linters use. */
export function formatPackError(error: PackError): string {
  const where = error.line !== undefined ? `${error.file}:${error.line}:${error.column ?? 1}` : error.file;
  return error.path ? `${where}: ${error.path}: ${error.message}` : `${where}: ${error.message}`;
}

type Locate = (path: JsonPath, atKey?: boolean) => Pick<PackError, 'line' | 'column' | 'offset' | 'length'>;

const PARSE_MESSAGES: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'expected a property name in double quotes',
  ValueExpected: 'expected a value',
  ColonExpected: 'expected ":"',
  CommaExpected: 'expected "," between entries',
  CloseBraceExpected: 'expected "}"',
  CloseBracketExpected: 'expected "]"',
  EndOfFileExpected: 'expected the end of the file after the top-level object',
  InvalidCommentToken: 'invalid comment',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

function locator(text: string, root: JsonNode | undefined): Locate {
  const lines = new LineIndex(text);
  const at = (offset: number, length: number) => {
    const position = lines.positionAt(offset);
    return { line: position.line + 1, column: position.character + 1, offset, length };
  };
  return (path, atKey) => {
    if (!root) return at(0, 0);
    // The node itself, or the nearest ancestor that exists (a missing property is reported on its object).
    let node: JsonNode | undefined;
    for (let n = path.length; n >= 0 && !node; n--) node = findNodeAtLocation(root, path.slice(0, n));
    node ??= root;
    const key = node.parent?.type === 'property' ? node.parent.children?.[0] : undefined;
    if (key && (atKey || node.type === 'object' || node.type === 'array')) return at(key.offset, key.length);
    if (node.type === 'object' || node.type === 'array') return at(node.offset, 1);
    return at(node.offset, node.length);
  };
}

/** Parses pack text; JSON with comments and trailing commas. An empty file is an empty pack. */
export function parsePackText(text: string, file: string): { config?: unknown; errors: PackError[]; locate: Locate } {
  const parseErrors: ParseError[] = [];
  const root = parseTree(text, parseErrors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  const locate = locator(text, root);
  if (parseErrors.length) {
    const first = parseErrors[0];
    const lines = new LineIndex(text);
    const position = lines.positionAt(first.offset);
    const reason = PARSE_MESSAGES[printParseErrorCode(first.error)] ?? printParseErrorCode(first.error);
    return {
      errors: [{ file, path: '', message: `invalid JSON: ${reason}`, line: position.line + 1, column: position.character + 1, offset: first.offset, length: first.length }],
      locate,
    };
  }
  return { config: root ? nodeValue(root) : {}, errors: [], locate };
}

function nodeValue(node: JsonNode): unknown {
  switch (node.type) {
    case 'object': {
      const object: Record<string, unknown> = {};
      for (const property of node.children ?? []) {
        const [key, value] = property.children ?? [];
        // defineProperty: a "__proto__" key stays a plain key (and is then reported as unknown).
        if (key && value) Object.defineProperty(object, key.value as string, { value: nodeValue(value), enumerable: true, writable: true, configurable: true });
      }
      return object;
    }
    case 'array':
      return (node.children ?? []).map(nodeValue);
    default:
      return node.value;
  }
}

let schemaCache: JsonSchema | undefined;
function schema(): JsonSchema {
  return (schemaCache ??= packSchema());
}

/** Where an `extends` entry was written, for errors about the file it names. */
interface Origin {
  file: string;
  path: JsonPath;
  prefix: string;
  locate: Locate;
}

function prefixed(prefix: string, path: JsonPath): string {
  const formatted = formatJsonPath(path);
  if (!prefix) return formatted;
  return !formatted || formatted.startsWith('[') ? `${prefix}${formatted}` : `${prefix}.${formatted}`;
}

/** One load: collects errors and files across the `extends` chain. */
export class PackLoader {
  readonly errors: PackError[] = [];
  readonly files: string[] = [];

  constructor(
    private readonly readFile: ReadFile | undefined,
    private readonly restricted: boolean,
  ) {}

  /** Reads, validates and applies one pack file on top of `pack`. */
  loadFile(file: string, pack: RulePack, stack: readonly string[] = [], origin?: Origin): RulePack {
    if (!this.files.includes(file)) this.files.push(file);
    let text: string;
    try {
      if (!this.readFile) throw new Error('no file access here');
      text = this.readFile(file);
    } catch (error) {
      const code = (error as { code?: string }).code;
      const reason = code === 'ENOENT' ? 'file not found' : code === 'EISDIR' ? 'is a folder, not a file' : (error as Error).message;
      if (origin) this.report(origin.file, origin.locate, origin.prefix, origin.path, `cannot read ${JSON.stringify(file)}: ${reason}`);
      else this.errors.push({ file, path: '', message: `cannot read the file: ${reason}` });
      return pack;
    }
    const parsed = parsePackText(text, file);
    if (parsed.errors.length) {
      this.errors.push(...parsed.errors);
      return pack;
    }
    return this.applyConfig(parsed.config, file, pack, [...stack, file], parsed.locate, '', dirnameOf(file));
  }

  applyConfig(config: unknown, file: string, pack: RulePack, stack: readonly string[], locate: Locate, prefix: string, baseDir: string | undefined): RulePack {
    const report = (issues: SchemaIssue[]) => {
      for (const issue of issues) this.report(file, locate, prefix, issue.path, issue.message, issue.atKey);
    };
    const shapeIssues = validateAgainstSchema(config, schema());
    if (shapeIssues.length) {
      report(shapeIssues);
      // The rest of the file is checked too, so that a team sees every error at once, not one per save.
      const rest = withoutRefused(config, shapeIssues);
      const more = rest && !hasExtends(rest) ? semanticIssues(rest, pack, this.restricted) : [];
      // An entry the schema refused is left out of that check: its regular expressions are checked here.
      const refusedPatterns = patternIssuesOfRefused(config, shapeIssues, this.restricted, pack.vocabulary);
      report([...more, ...refusedPatterns.filter((issue) => !more.some((m) => samePath(m.path, issue.path)))]);
      return pack;
    }
    const packFile = config as PackFile;
    const errorsBefore = this.errors.length;

    const entries = packFile.extends === undefined ? [] : Array.isArray(packFile.extends) ? packFile.extends : [packFile.extends];
    entries.forEach((entry, i) => {
      if (entry === 'default') return; // every layer starts from the built-in pack
      const path: JsonPath = Array.isArray(packFile.extends) ? ['extends', i] : ['extends'];
      const origin: Origin = { file, path, prefix, locate };
      if (this.restricted && isAbsolutePath(entry)) {
        this.report(file, locate, prefix, path, `${showValue(entry)}: absolute paths are not followed in restricted mode (this workspace is not trusted); use a path relative to this file`);
        return;
      }
      if (!this.readFile) {
        this.report(file, locate, prefix, path, `${showValue(entry)}: other pack files cannot be read here; use "default", or put the pack in a .healingnotes.json file`);
        return;
      }
      if (baseDir === undefined && !isAbsolutePath(entry)) {
        this.report(file, locate, prefix, path, `${showValue(entry)}: a relative path needs a file to start from; use an absolute path here`);
        return;
      }
      const target = resolvePath(baseDir ?? '', entry);
      if (stack.includes(target)) {
        const cycle = [...stack.slice(stack.indexOf(target)), target].map(basenameOf).join(' → ');
        this.report(file, locate, prefix, path, `circular extends: ${cycle}`);
        return;
      }
      pack = this.loadFile(target, pack, stack, origin);
    });

    report(semanticIssues(packFile, pack, this.restricted));
    if (this.errors.length > errorsBefore) return pack;
    return mergePack(pack, packFile, file);
  }

  private report(file: string, locate: Locate, prefix: string, path: JsonPath, message: string, atKey?: boolean): void {
    this.errors.push({ file, path: prefixed(prefix, path), message, ...locate(path, atKey) });
  }
}

/**
 * The pack file without what the schema refused, when what is left has the schema's shape: a
 * refused rule entry or top-level value is left out, and a refused custom rule or profile
 * keeps only its id (so that references to it, and the indexes of the others, stay as written).
 */
function withoutRefused(config: unknown, issues: readonly SchemaIssue[]): PackFile | undefined {
  if (!isRecord(config)) return undefined;
  const rest = JSON.parse(JSON.stringify(config)) as Record<string, unknown>;
  const stubs: JsonPath[] = [];
  const outsideStubs = (issue: SchemaIssue) => !stubs.some((stub) => stub.every((key, i) => issue.path[i] === key));
  let pending = issues.filter(outsideStubs);
  for (let round = 0; round < 4 && pending.length > 0; round++) {
    for (const issue of pending) refuse(rest, issue.path, stubs);
    pending = validateAgainstSchema(rest, schema()).filter(outsideStubs);
  }
  return pending.length === 0 ? (rest as PackFile) : undefined;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function refuse(rest: Record<string, unknown>, path: JsonPath, stubs: JsonPath[]): void {
  const [top, entry] = path;
  if (top === undefined) return;
  const value = rest[String(top)];
  if (Array.isArray(value) && typeof entry === 'number' && (top === 'customRules' || top === 'profiles')) {
    const refused: unknown = value[entry];
    const id = isRecord(refused) && typeof refused.id === 'string' ? refused.id : `\u0000refused-${entry}`;
    value[entry] = top === 'profiles' ? { id, description: '' } : { id };
    stubs.push([top, entry]);
  } else if (isRecord(value) && entry !== undefined) delete value[String(entry)];
  else delete rest[String(top)];
}

const PATTERN_KEYS: ReadonlySet<string> = new Set(['pattern', 'unless', 'alongWith']);

/** Regular expressions refused (unsafe, invalid) inside the entries the schema refused, so that they come in the same report. */
function patternIssuesOfRefused(config: unknown, shapeIssues: readonly SchemaIssue[], restricted: boolean, vocabulary: Vocabulary): SchemaIssue[] {
  if (!isRecord(config)) return [];
  const issues: SchemaIssue[] = [];
  const walked = new Set<string>();
  const walk = (value: unknown, path: JsonPath): void => {
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (isRecord(value)) {
      for (const [key, item] of Object.entries(value)) {
        if (PATTERN_KEYS.has(key) && typeof item === 'string') {
          const problem = regexProblem(item, restricted, vocabulary);
          if (problem) issues.push({ path: [...path, key], message: problem });
        } else walk(item, [...path, key]);
      }
    }
  };
  for (const issue of shapeIssues) {
    const [top, entry] = issue.path;
    if (top === undefined || entry === undefined || walked.has(`${top}\u0000${entry}`)) continue;
    walked.add(`${top}\u0000${entry}`);
    const container = config[String(top)];
    // A refused custom rule or profile is left out alone; a refused entry of another list drops the whole list (see refuse()).
    if (Array.isArray(container) && top !== 'customRules' && top !== 'profiles') {
      if (!walked.has(String(top))) walk(container, [top]);
      walked.add(String(top));
      continue;
    }
    const value = Array.isArray(container) && typeof entry === 'number' ? container[entry] : isRecord(container) ? container[String(entry)] : undefined;
    walk(value, [top, entry]);
  }
  return issues.filter((issue) => !shapeIssues.some((s) => samePath(s.path, issue.path)));
}

function samePath(a: JsonPath, b: JsonPath): boolean {
  return a.length === b.length && a.every((key, i) => key === b[i]);
}

function hasExtends(file: PackFile): boolean {
  const entries = file.extends === undefined ? [] : Array.isArray(file.extends) ? file.extends : [file.extends];
  return entries.some((e) => e !== 'default');
}

// ---------------------------------------------------------------------------
// What the schema cannot say

function semanticIssues(file: PackFile, pack: RulePack, restricted: boolean): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  const existing = new Map(pack.rules.map((rule) => [rule.id, rule]));
  const added = new Map<string, number>();

  file.customRules?.forEach((rule, i) => {
    const path: JsonPath = ['customRules', i];
    const clash = existing.get(rule.id);
    if (clash) {
      issues.push({
        path: [...path, 'id'],
        message: `${showValue(rule.id)} is already a rule ("${clash.title}"); choose a new id, or change that rule under "rules": { ${JSON.stringify(rule.id)}: { ... } }`,
      });
    } else if (added.has(rule.id)) {
      issues.push({ path: [...path, 'id'], message: `${showValue(rule.id)} is defined twice, also at customRules[${added.get(rule.id)}]` });
    } else added.set(rule.id, i);
    issues.push(...ruleBodyIssues(rule, path, restricted, pack.vocabulary));
  });

  const known = [...existing.keys(), ...added.keys()];
  for (const [id, value] of Object.entries(file.rules ?? {})) {
    if (!existing.has(id) && !added.has(id)) {
      issues.push({ path: ['rules', id], atKey: true, message: `no rule ${JSON.stringify(id)} in the pack${didYouMean(id, known)}; to add a rule, put it in "customRules"` });
    } else if (typeof value === 'object') {
      issues.push(...ruleBodyIssues(value, ['rules', id], restricted, pack.vocabulary));
      const base = existing.get(id) ?? file.customRules?.[added.get(id)!];
      if (base) issues.push(...additionIssues(value, base, ['rules', id]));
    }
  }

  file.sections?.forEach((definition, i) => {
    definition.rules?.forEach((id, j) => {
      if (!existing.has(id) && !added.has(id)) issues.push({ path: ['sections', i, 'rules', j], message: `no rule ${JSON.stringify(id)} in the pack${didYouMean(id, known)}` });
    });
  });
  file.contextTriggers?.forEach((trigger, i) => {
    const at: JsonPath = ['contextTriggers', i];
    const sources = (['phrases', 'pattern'] as const).filter((key) => trigger[key] !== undefined);
    if (sources.length !== 1) issues.push({ path: at, message: sources.length ? 'give only one of "phrases" or "pattern"; use separate triggers' : 'give one of "phrases" or "pattern"' });
    if (trigger.pattern !== undefined) {
      const problem = regexProblem(trigger.pattern, restricted, pack.vocabulary);
      if (problem) issues.push({ path: [...at, 'pattern'], message: problem });
    }
  });

  const profileIds = new Set(pack.profiles.map((p) => p.id));
  file.profiles?.forEach((profile, i) => {
    if (!profileIds.has(profile.id) && profile.description === undefined) {
      issues.push({ path: ['profiles', i], message: `new profile ${JSON.stringify(profile.id)} needs a "description" (existing profiles: ${listOf([...profileIds])})` });
    }
    for (const id of Object.keys(profile.rules ?? {})) {
      if (!existing.has(id) && !added.has(id)) {
        issues.push({ path: ['profiles', i, 'rules', id], atKey: true, message: `no rule ${JSON.stringify(id)} in the pack${didYouMean(id, known)}` });
      }
    }
  });
  for (const profile of file.profiles ?? []) profileIds.add(profile.id);
  if (file.profile !== undefined && !profileIds.has(file.profile)) {
    issues.push({ path: ['profile'], message: `${showValue(file.profile)} is not a profile${didYouMean(file.profile, profileIds)}; use one of ${listOf([...profileIds])}` });
  }
  // Profiles a condition names must exist once this file is applied.
  const conditions: [RuleCondition, JsonPath][] = [];
  file.customRules?.forEach((rule, i) => rule.when && conditions.push([rule.when, ['customRules', i, 'when']]));
  for (const [id, value] of Object.entries(file.rules ?? {})) if (typeof value === 'object' && value.when) conditions.push([value.when, ['rules', id, 'when']]);
  for (const [condition, path] of conditions) issues.push(...conditionProfileIssues(condition, path, profileIds));
  return issues;
}

const EVIDENCE_SOURCES = ['phrases', 'pattern', 'anyContent'] as const;

function conditionProfileIssues(condition: RuleCondition, path: JsonPath, profileIds: ReadonlySet<string>): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const key of ['profiles', 'notProfiles'] as const) {
    condition[key]?.forEach((id, i) => {
      if (!profileIds.has(id)) issues.push({ path: [...path, key, i], message: `${showValue(id)} is not a profile${didYouMean(id, profileIds)}; use one of ${listOf([...profileIds])}, or add it under "profiles"` });
    });
  }
  condition.anyOf?.forEach((alternative, i) => issues.push(...conditionProfileIssues(alternative, [...path, 'anyOf', i], profileIds)));
  return issues;
}

/** Patterns, and the choice of one source, in a list of evidence-like entries. */
function entryIssues(
  entries: readonly (Partial<EvidencePattern> | ConditionPhrases)[] | undefined,
  path: JsonPath,
  restricted: boolean,
  vocabulary: Vocabulary,
  sources: readonly (keyof EvidencePattern)[] = EVIDENCE_SOURCES,
): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  entries?.forEach((entry, j) => {
    const at: JsonPath = [...path, j];
    const evidence = entry as Partial<EvidencePattern>;
    const given = sources.filter((key) => evidence[key] !== undefined);
    const names = sources.map((s) => JSON.stringify(s));
    if (given.length === 0) issues.push({ path: at, message: `give one of ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}` });
    if (given.length > 1) issues.push({ path: at, message: `give only one of ${listOf(given)}; use separate entries` });
    for (const key of ['pattern', 'unless', 'alongWith'] as const) {
      const source = evidence[key];
      if (source === undefined) continue;
      const problem = regexProblem(source, restricted, vocabulary);
      if (problem) issues.push({ path: [...at, key], message: problem });
    }
  });
  return issues;
}

const asList = <T>(value: T | T[] | undefined): T[] | undefined => (value === undefined ? undefined : Array.isArray(value) ? value : [value]);

function conditionIssues(condition: RuleCondition, path: JsonPath, restricted: boolean, vocabulary: Vocabulary): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  for (const key of ['found', 'notFound'] as const) {
    const value = condition[key];
    if (value === undefined) continue;
    // A single entry is reported at its own path, a list at each index.
    if (Array.isArray(value)) issues.push(...entryIssues(value, [...path, key], restricted, vocabulary, ['phrases', 'pattern']));
    else for (const issue of entryIssues([value], [...path], restricted, vocabulary, ['phrases', 'pattern'])) issues.push({ ...issue, path: [...path, key, ...issue.path.slice(path.length + 1)] });
  }
  if (condition.age && condition.age.min !== undefined && condition.age.max !== undefined && condition.age.min > condition.age.max) {
    issues.push({ path: [...path, 'age'], message: `"min" (${condition.age.min}) is above "max" (${condition.age.max})` });
  }
  condition.anyOf?.forEach((alternative, i) => issues.push(...conditionIssues(alternative, [...path, 'anyOf', i], restricted, vocabulary)));
  return issues;
}

function ruleBodyIssues(rule: Partial<Rule> & RuleAdditions, path: JsonPath, restricted: boolean, vocabulary: Vocabulary): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  issues.push(...entryIssues(rule.evidence, [...path, 'evidence'], restricted, vocabulary));
  issues.push(...entryIssues(rule.addEvidence, [...path, 'addEvidence'], restricted, vocabulary));
  issues.push(...entryIssues(rule.except, [...path, 'except'], restricted, vocabulary, ['phrases', 'pattern']));
  if (rule.when) issues.push(...conditionIssues(rule.when, [...path, 'when'], restricted, vocabulary));
  if (rule.checks && rule.checks[0] !== 'evidence') {
    issues.push({ path: [...path, 'checks'], message: 'must start with "evidence": the other checks read the evidence it collects' });
  }
  return issues;
}

/** What `removeEvidence` and `removePhrases` name must be in the rule they change. */
function additionIssues(change: RuleAdditions & Partial<Rule>, rule: Rule, path: JsonPath): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  if (change.evidence && (change.addEvidence || change.removeEvidence || change.removePhrases)) {
    issues.push({ path: [...path, 'evidence'], message: '"evidence" replaces the rule\'s evidence whole: add to it with "addEvidence" (and "removeEvidence", "removePhrases") instead, not both' });
  }
  change.removeEvidence?.forEach((index, i) => {
    if (index >= rule.evidence.length) {
      issues.push({ path: [...path, 'removeEvidence', i], message: `${rule.id} has ${rule.evidence.length} evidence entries (0 to ${rule.evidence.length - 1}); see 'healing-notes explain ${rule.id} --format json'` });
    }
  });
  const phrases = new Set(rule.evidence.flatMap((e) => e.phrases ?? []).map((p) => p.toLowerCase()));
  change.removePhrases?.forEach((phrase, i) => {
    if (!phrases.has(phrase.toLowerCase())) {
      const shown = [...phrases].slice(0, 12).map((p) => JSON.stringify(p));
      issues.push({
        path: [...path, 'removePhrases', i],
        message: `${showValue(phrase)} is not one of ${rule.id}'s phrases${didYouMean(phrase, phrases)}${shown.length ? `; its phrases: ${shown.join(', ')}${phrases.size > shown.length ? ' ...' : ''}` : ' (its evidence is patterns only: use "except" to stop a wording from counting)'}`,
      });
    }
  });
  return issues;
}

const ONE_WORD_LISTS: Record<WordList, string[]> = { relatives: ['someone'], negations: ['not'] };

/**
 * Why a regular expression from a pack is refused, or undefined. Word lists it names
 * (`{relatives}`) are read from `vocabulary`, as the compiled pack will read them.
 */
export function regexProblem(source: string, restricted = false, vocabulary: Vocabulary = defaultPack.vocabulary): string | undefined {
  if (restricted) {
    return 'regular expressions from a workspace pack do not run in restricted mode (this workspace is not trusted); use "phrases", or trust the workspace';
  }
  const expanded = expandWordLists(source, vocabulary);
  try {
    new RegExp(expanded, 'iu');
    wordBounded(expanded);
  } catch (error) {
    const reason = (error as Error).message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /s, '');
    return `invalid regular expression ${showValue(source)}: ${reason} (JavaScript syntax with the "u" flag)`;
  }
  // A word list is literal alternatives, safe whatever its length: the limits apply to what the pack wrote.
  const unsafe = regexSafetyProblem(expandWordLists(source, ONE_WORD_LISTS));
  if (unsafe) return `${showValue(source)} is refused: ${unsafe}`;
  if (new RegExp(`^(?:${expanded})$`, 'iu').test('')) return `${showValue(source)} matches empty text, so it cannot be evidence of anything`;
  return undefined;
}

// ---------------------------------------------------------------------------
// Merging

function mergePack(pack: RulePack, file: PackFile, fileName: string): RulePack {
  const overrides = file.rules ?? {};
  const rules = [...pack.rules, ...(file.customRules ?? [])].map((rule) => {
    if (!Object.hasOwn(overrides, rule.id)) return rule;
    const override = overrides[rule.id];
    if (typeof override === 'string') return { ...rule, severity: override };
    const picked = Object.fromEntries(OVERRIDE_KEYS.filter((key) => override[key] !== undefined).map((key) => [key, override[key]]));
    const changed: Rule = { ...rule, ...picked };
    return override.addEvidence || override.removeEvidence || override.removePhrases ? { ...changed, evidence: changedEvidence(changed.evidence, override) } : changed;
  });
  const merged: RulePack = {
    ...pack,
    name: `${pack.name}+${basenameOf(fileName)}`,
    rules,
    sections: mergeSections(pack.sections, file.sections ?? []),
    profiles: mergeProfiles(pack.profiles, file.profiles ?? []),
    vocabulary: file.vocabulary ? addToVocabulary(pack.vocabulary, file.vocabulary) : pack.vocabulary,
    context: file.contextTriggers?.length ? { ...pack.context, triggers: [...pack.context.triggers, ...file.contextTriggers.map(contextTrigger)] } : pack.context,
  };
  if (file.profile !== undefined) merged.profile = file.profile;
  return merged;
}

/** The rule's evidence with the additions applied: entries removed by index, phrases removed, entries added at the end. */
function changedEvidence(evidence: readonly EvidencePattern[], change: RuleAdditions): EvidencePattern[] {
  const removed = new Set(change.removeEvidence ?? []);
  const phrases = new Set((change.removePhrases ?? []).map((p) => p.toLowerCase()));
  const kept = evidence
    .filter((_, i) => !removed.has(i))
    .flatMap((entry) => {
      if (!entry.phrases || phrases.size === 0) return [entry];
      const left = entry.phrases.filter((p) => !phrases.has(p.toLowerCase()));
      if (left.length === entry.phrases.length) return [entry];
      return left.length ? [{ ...entry, phrases: left }] : [];
    });
  return [...kept, ...(change.addEvidence ?? [])];
}

/** A pack's trigger as the engine reads it: phrases as one literal alternative, the kind's reach unless given. */
function contextTrigger(trigger: PackContextTrigger): ContextTrigger {
  const { kind, phrases, pattern, direction, maxWords, endsAtComma } = trigger;
  return {
    kind,
    ...CONTEXT_DEFAULTS[kind],
    pattern: pattern ?? wordListSource(phrases ?? []),
    ...(direction !== undefined ? { direction } : {}),
    ...(maxWords !== undefined ? { maxWords } : {}),
    ...(endsAtComma !== undefined ? { endsAtComma } : {}),
  };
}

/**
 * Adds header names to their kind; a name known under another kind moves. Names scoped to some
 * rules (`rules`) are kept apart, and move nothing for the other rules.
 */
function mergeSections(base: readonly SectionHeaderDefinition[], added: readonly SectionHeaderDefinition[]): SectionHeaderDefinition[] {
  const scoped = added.filter((d) => d.rules?.length).map((d) => ({ ...d, names: d.names.map((n) => n.trim().toLowerCase()) }));
  const extra = added.filter((d) => !d.rules?.length);
  if (extra.length === 0) return [...base, ...scoped];
  const moved = new Set(extra.flatMap((d) => d.names.map((n) => n.trim().toLowerCase())));
  const result = base.map((d) => ({ ...d, names: d.names.filter((n) => !moved.has(n.toLowerCase())) }));
  for (const definition of extra) {
    const names = definition.names.map((n) => n.trim().toLowerCase());
    const target = result.find((d) => d.kind === definition.kind && !d.rules?.length);
    if (target) target.names = [...new Set([...target.names, ...names])];
    else result.push({ kind: definition.kind, names: [...new Set(names)] });
  }
  return [...result, ...scoped];
}

function mergeProfiles(base: readonly Profile[], extra: PackFile['profiles'] & object): Profile[] {
  const result = [...base];
  for (const profile of extra) {
    const i = result.findIndex((p) => p.id === profile.id);
    if (i < 0) {
      const { addDetect, ...rest } = profile;
      const detect = [...(profile.detect ?? []), ...(addDetect ?? [])];
      result.push({ ...rest, description: profile.description ?? profile.id, ...(detect.length ? { detect } : {}) });
      continue;
    }
    const existing = result[i];
    result[i] = {
      ...existing,
      ...(profile.description !== undefined ? { description: profile.description } : {}),
      ...(profile.detect !== undefined || profile.addDetect !== undefined ? { detect: [...new Set([...(profile.detect ?? existing.detect ?? []), ...(profile.addDetect ?? [])])] } : {}),
      ...(profile.rules !== undefined ? { rules: { ...existing.rules, ...profile.rules } } : {}),
    };
  }
  return result;
}
