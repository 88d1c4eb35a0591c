/**
 * What a run checks with: the rule packs — the built-in rules, with
 * `--rules <pack>` or, for each note file, the nearest `.healingnotes.json`
 * from its folder up to the folder the run started in (as ESLint and
 * markdownlint-cli2 find theirs), layered on top — and the profile. Every
 * pack's errors come at once, one line each, and exit 2: no pack is skipped.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultPack, fallbackProfile, severityOf, type Rule, type RulePack, type SeveritySetting } from '../engine';
import { formatPackError, loadPackFile } from '../engine/pack';
import { UsageError, type NoteSource } from './files';
import { isFile, loadRulePack, nearestPackFile } from './pack';

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
  /**
   * The note files of the run: each gets `packFile` set to the nearest `.healingnotes.json` (unless
   * `--rules` or `--no-config` says otherwise), and every pack they name is loaded now.
   */
  notes?: readonly NoteSource[];
  /** Told of `.healingnotes.json` files that `--rules` keeps from being used (never skipped silently). */
  warn?: (line: string) => void;
}

export interface Setup {
  pack: RulePack;
  /** A profile id, or undefined to detect it from each note (falling back to the pack's default). */
  profile?: string;
  /** The pack file read, if any. */
  packFile?: string;
  /** The text of each file the pack load read (the pack and what it extends), by the name the loader used. */
  packTexts: Record<string, string>;
  /**
   * The packs of notes in sub-folders (a note's `NoteSource.packFile` names one), by pack file as
   * shown (relative to the working folder), with the texts their load read (for workers).
   */
  folderPacks: Map<string, FolderPack>;
}

export interface FolderPack {
  pack: RulePack;
  texts: Record<string, string>;
}

export function loadSetup(options: SetupOptions): Setup {
  const { cwd } = options;
  let packFile = options.rules;
  if (packFile === undefined && !options.noConfig && isFile(path.join(cwd, CONFIG_FILE))) packFile = CONFIG_FILE;
  const usesFolders = options.rules === undefined && !options.noConfig;
  const folderPacks = new Map<string, FolderPack>();
  const errors: string[] = [];
  // What the loader reads is kept, so that workers (--jobs) rebuild the very same pack without reading again.
  const load = (file: string): FolderPack => {
    const texts: Record<string, string> = {};
    const result = loadPackFile(file, (p) => (texts[p] = fs.readFileSync(path.resolve(cwd, p), 'utf8')));
    errors.push(...result.errors.map(formatPackError));
    return { pack: result.pack, texts };
  };
  const own = packFile === undefined ? { pack: defaultPack, texts: {} } : load(packFile);
  const shownPacks = new Map<string, string | undefined>();
  const unused = new Set<string>();
  for (const source of options.notes ?? []) {
    if (source.file === undefined) continue;
    const dir = path.dirname(source.file);
    let shown = shownPacks.get(dir);
    if (!shownPacks.has(dir)) {
      // Up to the working folder for notes under it; a note elsewhere looks up to the root.
      const inside = !path.relative(cwd, dir).startsWith('..') && !path.isAbsolute(path.relative(cwd, dir));
      const nearest = options.noConfig ? undefined : nearestPackFile(dir, inside ? cwd : undefined);
      shown = nearest === undefined ? undefined : shownPath(cwd, nearest);
      shownPacks.set(dir, shown);
    }
    if (shown === undefined) continue;
    if (!usesFolders) {
      if (shown !== packFile) unused.add(shown);
      continue;
    }
    if (shown === packFile) continue;
    if (!folderPacks.has(shown)) folderPacks.set(shown, load(shown));
    source.packFile = shown;
  }
  if (errors.length > 0) throw new UsageError(errors);
  if (unused.size > 0 && options.warn) {
    const list = [...unused].sort();
    options.warn(`--rules ${packFile} is used for every note; ${list.length === 1 ? 'this pack file nearer the notes is' : 'these pack files nearer the notes are'} not used: ${list.join(', ')}`);
  }
  const setup: Setup = { pack: own.pack, profile: undefined, packFile, packTexts: own.texts, folderPacks };
  setup.profile = resolveProfile(options.profile, setup);
  return setup;
}

/** A path as the CLI shows it: relative to the working folder when under it, with `/`. */
function shownPath(cwd: string, file: string): string {
  const relative = path.relative(cwd, file);
  return (relative.startsWith('..') || path.isAbsolute(relative) ? file : relative).split(path.sep).join('/');
}

/** Every pack of the run: the working folder's (or `--rules`), then each sub-folder's. */
export function packsOf(setup: Pick<Setup, 'pack' | 'folderPacks'>): RulePack[] {
  return [setup.pack, ...[...setup.folderPacks.values()].map((p) => p.pack)];
}

/** In a worker: the pack the main thread loaded, from the texts it read (see `Setup.packTexts`). */
export function packFromTexts(packFile: string | undefined, packTexts: Readonly<Record<string, string>>): RulePack {
  if (packFile === undefined) return defaultPack;
  return loadRulePack(packFile, '', (p) => {
    if (!Object.prototype.hasOwnProperty.call(packTexts, p)) throw Object.assign(new Error('not read by the main thread'), { code: 'ENOENT' });
    return packTexts[p];
  });
}

/** A `--profile` value checked against the profiles of the run's packs (any of them): undefined for `auto` (detect per note). */
export function resolveProfile(profile: string | undefined, packs: RulePack | Pick<Setup, 'pack' | 'folderPacks'>): string | undefined {
  if (profile === undefined || profile === 'auto') return undefined;
  const ids = [...new Set(('rules' in packs ? [packs] : packsOf(packs)).flatMap((pack) => pack.profiles.map((p) => p.id)))];
  if (!ids.includes(profile)) throw new UsageError(`unknown profile '${profile}' (allowed: auto, ${ids.join(', ')})`);
  return profile;
}

/** The severity a rule runs at under the setup's profile (given, or the pack's fallback), as analyze() sets it. */
export function effectiveSeverity(setup: Pick<Setup, 'pack' | 'profile'>, rule: Rule): SeveritySetting {
  const profile = setup.pack.profiles.find((p) => p.id === setup.profile) ?? fallbackProfile(setup.pack);
  return severityOf(rule, profile);
}
