/**
 * What a run checks with: the rule pack (built in, or `--rules`), the
 * profile, and severity overrides from `.healingnotes.json`. Configuration
 * errors are one line each, `file: path: message`, and exit 2.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultPack, LineIndex, type RulePack, type SeveritySetting } from '../engine';
import { describeError, UsageError } from './files';
import { JsoncError, parseJsonc } from './jsonc';
import { loadRulePack } from './pack';

export const CONFIG_FILE = '.healingnotes.json';
export const SCHEMA_REFERENCE = './node_modules/healing-notes/schema/healingnotes.schema.json';
export const SEVERITY_SETTINGS: readonly SeveritySetting[] = ['error', 'warning', 'information', 'hint', 'off'];
const CONFIG_KEYS = ['$schema', 'profile', 'rules'];

export interface SetupOptions {
  cwd: string;
  /** `--config <file>`; default `.healingnotes.json` in cwd when it exists. */
  config?: string;
  /** `--no-config`: ignore `.healingnotes.json`. */
  noConfig?: boolean;
  /** `--rules <pack>`. */
  rules?: string;
  /** `--profile <id>`; `auto` (or none) detects it per note. */
  profile?: string;
}

export interface Setup {
  pack: RulePack;
  /** A profile id, or undefined to detect it from each note. */
  profile?: string;
  overrides: Record<string, SeveritySetting>;
  /** The configuration file read, if any. */
  configFile?: string;
  /** Lines to show on stderr that do not stop the run. */
  warnings: string[];
}

interface ConfigFile {
  profile?: string;
  rules: Record<string, SeveritySetting>;
}

export function loadSetup(options: SetupOptions): Setup {
  const warnings: string[] = [];
  const pack = options.rules ? loadRulePack(path.resolve(options.cwd, options.rules), options.rules) : defaultPack;

  let configFile: string | undefined;
  let config: ConfigFile = { rules: {} };
  if (options.config !== undefined) {
    configFile = options.config;
  } else if (!options.noConfig && fs.existsSync(path.join(options.cwd, CONFIG_FILE))) {
    configFile = path.join(options.cwd, CONFIG_FILE);
  }
  if (configFile !== undefined) config = readConfig(path.resolve(options.cwd, configFile), displayPath(options.cwd, configFile), pack, warnings);

  const profile = resolveProfile(options.profile ?? config.profile, pack);
  return { pack, profile, overrides: config.rules, configFile, warnings };
}

function displayPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, path.resolve(cwd, file));
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : file;
}

function resolveProfile(profile: string | undefined, pack: RulePack): string | undefined {
  if (profile === undefined || profile === 'auto') return undefined;
  if (!pack.profiles.some((p) => p.id === profile)) {
    throw new UsageError(`unknown profile '${profile}' (allowed: auto, ${pack.profiles.map((p) => p.id).join(', ')})`);
  }
  return profile;
}

function readConfig(file: string, shown: string, pack: RulePack, warnings: string[]): ConfigFile {
  let text: string;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new UsageError(`cannot read '${shown}': ${stat.isDirectory() ? 'is a directory' : 'not a regular file'}`);
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read '${shown}': ${describeError(error)}`);
  }
  let value: unknown;
  try {
    value = parseJsonc(text);
  } catch (error) {
    if (!(error instanceof JsoncError)) throw error;
    const at = new LineIndex(text).positionAt(error.offset);
    throw new UsageError(`${shown}: line ${at.line + 1}, column ${at.character + 1}: ${error.message}`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new UsageError(`${shown}: (root): must be an object`);

  const errors: string[] = [];
  const config: ConfigFile = { rules: {} };
  const record = value as Record<string, unknown>;
  for (const key of Object.keys(record)) {
    if (!CONFIG_KEYS.includes(key)) warnings.push(`${shown}: ${key}: unknown setting (ignored; known: ${CONFIG_KEYS.join(', ')})`);
  }
  if (record.profile !== undefined) {
    if (typeof record.profile !== 'string') errors.push(`${shown}: profile: must be a string`);
    else config.profile = record.profile;
  }
  if (record.rules !== undefined) {
    if (typeof record.rules !== 'object' || record.rules === null || Array.isArray(record.rules)) {
      errors.push(`${shown}: rules: must be an object of rule id to severity`);
    } else {
      const known = new Set(pack.rules.map((r) => r.id));
      for (const [id, setting] of Object.entries(record.rules as Record<string, unknown>)) {
        if (typeof setting !== 'string' || !SEVERITY_SETTINGS.includes(setting as SeveritySetting)) {
          errors.push(`${shown}: rules.${id}: ${JSON.stringify(setting)?.slice(0, 40)} is not a severity (allowed: ${SEVERITY_SETTINGS.join(', ')})`);
        } else if (!known.has(id)) {
          warnings.push(`${shown}: rules.${id}: unknown rule '${id}' (ignored; see 'healing-notes rules')`);
        } else {
          config.rules[id] = setting as SeveritySetting;
        }
      }
    }
  }
  if (errors.length > 0) throw new UsageError(errors);
  return config;
}


/** The severity a rule runs at under a setup: override, then the profile's, then the rule's own. */
export function effectiveSeverity(setup: Pick<Setup, 'pack' | 'profile' | 'overrides'>, ruleId: string): SeveritySetting | undefined {
  const rule = setup.pack.rules.find((r) => r.id === ruleId);
  if (!rule) return undefined;
  const profile = setup.pack.profiles.find((p) => p.id === setup.profile);
  return setup.overrides[ruleId] ?? profile?.rules?.[ruleId] ?? rule.severity;
}
