/**
 * Rule packs from files and settings: `.healingnotes.json` (JSON with
 * comments) layered on the built-in pack, validated with errors that name the
 * file, the JSON path and what is allowed. No file system here: callers pass
 * `readFile`, so the CLI, the extension and the tests share this code.
 *
 * Layers: built-in default pack → user settings (`healingNotes.rules`) →
 * workspace folder `.healingnotes.json`. Each layer is applied with
 * `loadPackFile` or `applyPackConfig` on top of the pack below it.
 */
import { defaultPack } from '../../rules';
import type { RulePack } from '../types';
import { PackLoader, parsePackText, type PackConfigOptions, type PackError, type PackLoadOptions, type PackLoadResult, type ReadFile } from './load';
import { dirnameOf } from './paths';

export { formatPackError, parsePackText, regexProblem } from './load';
export type { PackConfigOptions, PackError, PackFile, PackLoadOptions, PackLoadResult, ReadFile, RuleOverride } from './load';
export { runRuleExamples, type RuleExampleFailure, type RuleExampleResult } from './examples';
export { regexSafetyProblem, MAX_PATTERN_LENGTH } from './regex-safety';
export { packSchema, packSchemaText, PACK_FILE_NAME, SCHEMA_PATH, type JsonSchema } from './schema';
export { renderRulesMarkdown, ruleSection } from './docs';
export { nearestPackFile, packFileIn, packSearchFolders } from './nearest';

/**
 * Loads a pack file (and the files it extends) on top of `base` (default:
 * the built-in pack). On any error the result's `pack` is `base` unchanged,
 * so the caller keeps its last good pack; `files` lists every file read or
 * tried, for watchers.
 */
export function loadPackFile(file: string, readFile: ReadFile, base: RulePack = defaultPack, options: PackLoadOptions = {}): PackLoadResult {
  const loader = new PackLoader(readFile, options.restricted ?? false);
  const pack = loader.loadFile(file, base);
  return { pack: loader.errors.length ? base : pack, errors: loader.errors, files: loader.files };
}

/**
 * Applies a pack given as an object (the `healingNotes.rules` setting) on top
 * of `base`. `file` names it in errors ("User settings"); relative `extends`
 * paths start from `options.baseDir`, and are refused without one.
 */
export function applyPackConfig(config: unknown, file: string, base: RulePack = defaultPack, options: PackConfigOptions = {}): PackLoadResult {
  const loader = new PackLoader(options.readFile, options.restricted ?? false);
  // A plain JSON copy: settings objects may be frozen proxies, and undefined values are dropped as JSON would.
  const plain = config === undefined ? {} : JSON.parse(JSON.stringify(config));
  const pack = loader.applyConfig(plain, file, base, [], () => ({}), options.pathPrefix ?? '', options.baseDir);
  return { pack: loader.errors.length ? base : pack, errors: loader.errors, files: loader.files };
}

/** The problems of a pack object without applying it; files named by `extends` are read with `options.readFile`. */
export function validatePack(config: unknown, file: string, base: RulePack = defaultPack, options: PackConfigOptions = {}): PackError[] {
  return applyPackConfig(config, file, base, options).errors;
}

/** The problems of a pack file's text (errors carry line and column), e.g. for an unsaved editor buffer. */
export function validatePackText(text: string, file: string, base: RulePack = defaultPack, options: PackConfigOptions = {}): PackError[] {
  const parsed = parsePackText(text, file);
  if (parsed.errors.length) return parsed.errors;
  const loader = new PackLoader(options.readFile, options.restricted ?? false);
  loader.applyConfig(parsed.config, file, base, [file], parsed.locate, options.pathPrefix ?? '', options.baseDir ?? dirnameOf(file));
  return loader.errors;
}
