/**
 * `healing-notes check --print-config <file>`: the pack a note file is checked with, as ESLint's
 * `--print-config` shows its own: which pack file applies (the nearest `.healingnotes.json`, or
 * `--rules`), the files it layers on the built-in rules, its profiles (with their detection
 * phrases), the profiles the note carries when it can be read, and every rule with its severity
 * for that note and its `when`. Names and settings only: never the note's text.
 */
import * as path from 'node:path';
import { analyze, fallbackProfile, severityOf, type Profile } from '../../engine';
import { loadSetup, type SetupOptions } from '../config';
import { readNote, type NoteSource } from '../files';

export function printConfigJson(file: string, options: Omit<SetupOptions, 'notes' | 'warn'>): Record<string, unknown> {
  const source: NoteSource = { path: file, file: path.resolve(options.cwd, file) };
  const setup = loadSetup({ ...options, notes: [source] });
  const packFile = source.packFile ?? setup.packFile;
  const loaded = source.packFile === undefined ? { pack: setup.pack, texts: setup.packTexts } : setup.folderPacks.get(source.packFile)!;
  const { pack } = loaded;
  let noteProfiles: Profile[] | undefined;
  try {
    const content = readNote(source, () => Buffer.alloc(0));
    if ('text' in content) {
      const ids = analyze(content.text, { pack, profile: setup.profile }).profiles;
      noteProfiles = ids.map((id) => pack.profiles.find((p) => p.id === id)!).filter(Boolean);
    }
  } catch {
    // A file not written yet (or unreadable) still has a pack: its rules at the fallback profile.
  }
  const profiles = noteProfiles ?? [pack.profiles.find((p) => p.id === setup.profile) ?? fallbackProfile(pack)];
  return {
    file,
    pack: packFile ?? null,
    // The pack file, then the files it extends, as read; each is applied before the file that extends it.
    packFiles: Object.keys(loaded.texts),
    name: pack.name,
    defaultProfile: fallbackProfile(pack).id,
    ...(noteProfiles ? { noteProfiles: noteProfiles.map((p) => p.id) } : {}),
    profiles: pack.profiles.map((p) => ({ id: p.id, description: p.description, detect: p.detect ?? [], rules: p.rules ?? {} })),
    rules: pack.rules.map((rule) => ({
      id: rule.id,
      title: rule.title,
      skill: rule.skill,
      level: rule.level,
      severity: severityOf(rule, profiles),
      defaultSeverity: rule.severity,
      ...(rule.when ? { when: rule.when } : {}),
    })),
  };
}
