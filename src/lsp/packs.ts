/**
 * Rule packs for the language server's documents, layered as in the VS Code
 * extension: the built-in rules → the `healingNotes.rules` setting → the
 * nearest `.healingnotes.json` from the document's folder up to its workspace
 * folder. A pack file is read again once it changes on disk (PackFileCache);
 * a bad one keeps the last good pack in use, and its errors are reported once
 * per change. The folders searched and the files read are watched, so a new,
 * changed or deleted pack file re-checks the open notes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultPack, type RulePack } from '../engine';
import { applyPackConfig, PACK_FILE_NAME, type PackError } from '../engine/pack';
import { nearestPackFile, PackFileCache, packSearchFolders } from '../cli/pack';
import type { ServerSettings } from './settings';

/** Where errors of the `healingNotes.rules` setting are reported (it has no file). */
export const SETTINGS_SOURCE = 'healingNotes.rules setting';

export interface ResolvedPack {
  pack: RulePack;
  /** The `.healingnotes.json` that applies, if any. */
  packFile?: string;
}

export interface PackEvents {
  /** A source's errors changed (an empty list: it is good again). `source` is a file path or SETTINGS_SOURCE. */
  errorsChanged(source: string, errors: readonly PackError[]): void;
  /** A watched pack file (or a folder where one may appear) changed on disk. */
  filesChanged(): void;
}

const RELOAD_DELAY_MS = 100;

export class DocumentPacks {
  private readonly files = new PackFileCache();
  private readonly lastGood = new Map<string, RulePack>();
  private readonly settingsPacks = new Map<string, RulePack>();
  private readonly reported = new Map<string, string>();
  private readonly watchers = new Map<string, fs.FSWatcher>();
  /** Per document, the folders and files whose change could change its pack. */
  private readonly watchedBy = new Map<string, Set<string>>();
  /** The names of the files packs were read from: a change to another file of a watched folder is not ours. */
  private readonly names = new Set([PACK_FILE_NAME]);
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly events: PackEvents) {}

  /**
   * The pack for a document at `documentPath` (a file path; undefined for an unsaved or remote
   * document) in `workspaceFolder` (the search for a pack file stops there; without one it goes to
   * the file-system root). `key` names the document, for watching.
   */
  resolve(key: string, documentPath: string | undefined, workspaceFolder: string | undefined, settings: ServerSettings): ResolvedPack {
    const base = this.settingsPack(workspaceFolder, settings);
    if (documentPath === undefined) {
      this.watchFor(key, []);
      return { pack: base };
    }
    const dir = path.dirname(documentPath);
    // A workspace folder that is not above the note is never met: the search then goes to the root.
    const stopAt = workspaceFolder;
    const packFile = nearestPackFile(dir, stopAt);
    if (packFile === undefined) {
      this.watchFor(key, packSearchFolders(dir, stopAt));
      return { pack: base };
    }
    const result = this.files.load(packFile, base);
    this.report(packFile, result.errors);
    for (const file of result.files) this.names.add(path.basename(file));
    // Watch the folders up to the pack file (a nearer one may appear) and every file the load read.
    this.watchFor(key, [...packSearchFolders(dir, path.dirname(packFile)), ...result.files.map((f) => path.dirname(f))]);
    const lastGoodKey = `${packFile}\u0000${workspaceFolder ?? ''}`;
    if (result.errors.length === 0) {
      this.lastGood.set(lastGoodKey, result.pack);
      return { pack: result.pack, packFile };
    }
    return { pack: this.lastGood.get(lastGoodKey) ?? base, packFile };
  }

  /** Stops watching for a closed document. */
  forget(key: string): void {
    this.watchFor(key, []);
  }

  dispose(): void {
    clearTimeout(this.timer);
    for (const watcher of this.watchers.values()) watcher.close();
    this.watchers.clear();
    this.watchedBy.clear();
  }

  /** The built-in pack with the `healingNotes.rules` setting (relative `extends` from the workspace folder). */
  private settingsPack(workspaceFolder: string | undefined, settings: ServerSettings): RulePack {
    if (settings.rules === undefined) {
      this.report(SETTINGS_SOURCE, []);
      return defaultPack;
    }
    const key = `${workspaceFolder ?? ''}\u0000${JSON.stringify(settings.rules)}`;
    const cached = this.settingsPacks.get(key);
    if (cached) return cached;
    const result = applyPackConfig(settings.rules, SETTINGS_SOURCE, defaultPack, {
      readFile: (p) => fs.readFileSync(p, 'utf8'),
      baseDir: workspaceFolder,
      pathPrefix: 'healingNotes.rules',
    });
    this.report(SETTINGS_SOURCE, result.errors);
    this.settingsPacks.set(key, result.pack);
    return result.pack;
  }

  private report(source: string, errors: readonly PackError[]): void {
    const signature = JSON.stringify(errors);
    if ((this.reported.get(source) ?? '[]') === signature) return;
    this.reported.set(source, signature);
    this.events.errorsChanged(source, errors);
  }

  private watchFor(key: string, dirs: readonly string[]): void {
    if (dirs.length === 0) this.watchedBy.delete(key);
    else this.watchedBy.set(key, new Set(dirs));
    const needed = new Set([...this.watchedBy.values()].flatMap((set) => [...set]));
    for (const [dir, watcher] of this.watchers) {
      if (needed.has(dir)) continue;
      watcher.close();
      this.watchers.delete(dir);
    }
    for (const dir of needed) {
      if (this.watchers.has(dir)) continue;
      try {
        const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
          // Only pack files matter; a note saved in the same folder does not.
          if (name === null || this.names.has(String(name))) this.changed();
        });
        watcher.on('error', () => {
          watcher.close();
          this.watchers.delete(dir);
        });
        this.watchers.set(dir, watcher);
      } catch {
        // A folder that cannot be watched (gone, no permission): its pack is still read at each check.
      }
    }
  }

  private changed(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.events.filesChanged(), RELOAD_DELAY_MS);
  }
}
