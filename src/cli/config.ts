/**
 * What a run checks with: the rule pack — the built-in rules, with
 * `.healingnotes.json` (in the current folder) or `--rules <pack>` layered on
 * top — and the profile. Pack errors are one line each and exit 2.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultPack, fallbackProfile, severityOf, type Rule, type RulePack, type SeveritySetting } from '../engine';
import { UsageError } from './files';
import { isFile, loadRulePack } from './pack';

export const CONFIG_FILE = '.healingnotes.json';
export const SCHEMA_REFERENCE = './node_modules/healing-notes/schema/healingnotes.schema.json';

export interface SetupOptions {
  cwd: string;
  /** `--rules <pack>`: this pack file instead of `.healingnotes.json`. */
  rules?: string;
  /** `--no-config`: ignore `.healingnotes.json`. */
  noConfig?: boolean;
  /** `--profile <id>`; `auto` (or none) detects it per note. */
  profile?: string;
}

export interface Setup {
  pack: RulePack;
  /** A profile id, or undefined to detect it from each note (falling back to the pack's default). */
  profile?: string;
  /** The pack file read, if any. */
  packFile?: string;
  /** The text of each file the pack load read (the pack and what it extends), by the name the loader used. */
  packTexts: Record<string, string>;
}

export function loadSetup(options: SetupOptions): Setup {
  let packFile = options.rules;
  if (packFile === undefined && !options.noConfig && isFile(path.join(options.cwd, CONFIG_FILE))) packFile = CONFIG_FILE;
  // What the loader reads is kept, so that workers (--jobs) rebuild the very same pack without reading again.
  const packTexts: Record<string, string> = {};
  const readFile = (p: string) => (packTexts[p] = fs.readFileSync(path.resolve(options.cwd, p), 'utf8'));
  const pack = packFile === undefined ? defaultPack : loadRulePack(packFile, options.cwd, readFile);
  return { pack, profile: resolveProfile(options.profile, pack), packFile, packTexts };
}

/** In a worker: the pack the main thread loaded, from the texts it read (see `Setup.packTexts`). */
export function packFromTexts(packFile: string | undefined, packTexts: Readonly<Record<string, string>>): RulePack {
  if (packFile === undefined) return defaultPack;
  return loadRulePack(packFile, '', (p) => {
    if (!Object.prototype.hasOwnProperty.call(packTexts, p)) throw Object.assign(new Error('not read by the main thread'), { code: 'ENOENT' });
    return packTexts[p];
  });
}

/** A `--profile` value checked against the pack's profiles: undefined for `auto` (detect per note). */
export function resolveProfile(profile: string | undefined, pack: RulePack): string | undefined {
  if (profile === undefined || profile === 'auto') return undefined;
  if (!pack.profiles.some((p) => p.id === profile)) {
    throw new UsageError(`unknown profile '${profile}' (allowed: auto, ${pack.profiles.map((p) => p.id).join(', ')})`);
  }
  return profile;
}

/** The severity a rule runs at under the setup's profile (given, or the pack's fallback), as analyze() sets it. */
export function effectiveSeverity(setup: Pick<Setup, 'pack' | 'profile'>, rule: Rule): SeveritySetting {
  const profile = setup.pack.profiles.find((p) => p.id === setup.profile) ?? fallbackProfile(setup.pack);
  return severityOf(rule, profile);
}
