/**
 * Rule packs in the editor, layered as in the CLI and the language server: the
 * built-in pack → the `healingNotes.rules` setting (user, workspace, folder) →
 * the NEAREST `.healingnotes.json` from the note's folder up to its workspace
 * folder (two clinics in one repository each get their own). Reloads on file
 * and setting changes (a pack file created, changed or deleted anywhere in a
 * folder, and every file a pack extends), keeps the last good pack when a new
 * one is bad, and shows pack errors as diagnostics in the pack file plus one
 * notification per pack going bad. Untrusted workspaces load in restricted
 * mode. Remote (non-file) folders are read asynchronously, the search too.
 */
import * as fs from 'node:fs';
import vscode = require('vscode');
import { defaultPack, type RulePack } from '../engine';
import {
  PACK_FILE_NAME,
  applyPackConfig,
  formatPackError,
  loadPackFile,
  nearestPackFile,
  packFileIn,
  packSearchFolders,
  runRuleExamples,
  type PackError,
  type PackLoadResult,
  type ReadFile,
  type RuleExampleResult,
} from '../engine/pack';
import { CONFIG_SECTION, DIAGNOSTIC_SOURCE } from './constants';

export const RULES_SETTING = 'rules';
const RELOAD_DELAY_MS = 100;
/** Rounds of asynchronous reads for packs on non-file file systems (each round reads what `extends` revealed). */
const MAX_READ_ROUNDS = 16;
/** Pack files loaded at start (so their errors show before a note under them is opened). */
const MAX_PACK_FILES_AT_START = 100;

export interface PackChangeEvent {
  /** The folder whose pack changed; undefined for documents outside any folder. */
  folder: vscode.WorkspaceFolder | undefined;
  /** The pack file whose pack changed; undefined when the folder's settings changed. */
  packFile?: vscode.Uri;
  pack: RulePack;
}

/**
 * One layer's last load: a folder's settings (over the built-in pack), or one pack file of a
 * folder (over that folder's settings).
 */
interface Layer {
  folder: vscode.WorkspaceFolder | undefined;
  /** The pack file, for a file layer; undefined for a folder's settings layer. */
  packFile?: vscode.Uri;
  pack: RulePack;
  errors: PackError[];
  /** Every file the load read, as URIs, for watchers and diagnostics. */
  files: vscode.Uri[];
  /** Set once a failed load was notified: while the pack stays bad, later saves update the Problems view only. */
  notified?: boolean;
  watchers: vscode.Disposable[];
}

type LoadResult = PackLoadResult & { uris: vscode.Uri[] };

/** Packs a URI's file system can hand to the engine as plain paths. */
interface PathMapper {
  toPath(uri: vscode.Uri): string;
  toUri(path: string): vscode.Uri;
}

function mapperFor(folderUri: vscode.Uri): PathMapper {
  if (folderUri.scheme === 'file') return { toPath: (uri) => uri.fsPath, toUri: (path) => vscode.Uri.file(path) };
  return { toPath: (uri) => uri.path, toUri: (path) => folderUri.with({ path }) };
}

const SETTINGS_LAYERS = [
  { key: 'globalValue', label: 'User settings', trustedOnly: false },
  { key: 'workspaceValue', label: 'Workspace settings', trustedOnly: true },
  { key: 'workspaceFolderValue', label: 'Folder settings', trustedOnly: true },
] as const;

export class PackManager implements vscode.Disposable {
  /** Settings layers by folder key; file layers by folder key and pack-file URI (see layerKey). */
  private readonly layers = new Map<string, Layer>();
  /** Per folder key: a document folder's URI → its nearest pack file (null: none), as last found. */
  private readonly nearest = new Map<string, Map<string, vscode.Uri | null>>();
  /** Per folder key: bumped when its nearest-pack answers are dropped, so a slow remote search cannot store a stale one. */
  private readonly searchGenerations = new Map<string, number>();
  private readonly folderWatchers = new Map<string, vscode.Disposable>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('healing-notes-packs');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly changedPack = new vscode.EventEmitter<PackChangeEvent>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Per folder, what was created since the last look (see queueCreated). */
  private readonly created = new Map<string, Map<string, vscode.Uri>>();
  /** Pack files created or deleted since their reload was scheduled. */
  private readonly moved = new Set<string>();
  private readonly disposables: vscode.Disposable[] = [];
  /** The errors of the settings last notified: the same bad user setting is told once, not once per folder. */
  private notifiedSettings: string | undefined;
  /** How many pack-error notifications were shown (for tests: one per pack going bad). */
  notifications = 0;
  /** Bumped per layer on every reload, so a slow asynchronous load cannot overwrite a newer one. */
  private readonly generations = new Map<string, number>();

  /** Fires when some document's pack may have changed (a good load, a setting, trust granted, a pack file created or deleted): re-analyse open notes. */
  readonly onDidChange = this.changed.event;
  /** Fires with the folder (and pack file) whose pack changed, and the new pack. */
  readonly onDidChangePack = this.changedPack.event;

  constructor() {
    this.disposables.push(
      this.diagnostics,
      this.changed,
      this.changedPack,
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`${CONFIG_SECTION}.${RULES_SETTING}`)) this.reloadAll();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const folder of e.removed) this.forget(folder);
        for (const folder of e.added) this.reload(folder);
      }),
      vscode.workspace.onDidGrantWorkspaceTrust(() => this.reloadAll()),
    );
    this.reloadAll();
    void this.loadEveryPackFile();
  }

  /**
   * The pack for a document: its nearest pack file's (up to its workspace folder) over its folder's
   * settings; outside any folder, the built-in pack with the user settings.
   */
  packFor(document: Pick<vscode.TextDocument, 'uri'>): RulePack {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const packFile = this.packFileFor(document);
    return packFile ? this.fileLayer(folder!, packFile).pack : this.settingsLayer(folder).pack;
  }

  /**
   * The `.healingnotes.json` that applies to a document: the nearest from its folder up to its
   * workspace folder; undefined when there is none (or not yet known, for a remote folder).
   */
  packFileFor(document: Pick<vscode.TextDocument, 'uri'>): vscode.Uri | undefined {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    if (!folder || document.uri.scheme !== folder.uri.scheme) return undefined;
    return this.nearestIn(folder, vscode.Uri.joinPath(document.uri, '..'));
  }

  /** The pack of a folder's own notes (its root `.healingnotes.json` over its settings); outside any folder, the user settings'. */
  packForFolder(folder: vscode.WorkspaceFolder | undefined): RulePack {
    if (!folder) return this.settingsLayer(undefined).pack;
    return this.packFor({ uri: vscode.Uri.joinPath(folder.uri, PACK_FILE_NAME) });
  }

  /** The errors of the last load of what applies to a folder's own notes (empty when it loaded cleanly). */
  errorsFor(folder: vscode.WorkspaceFolder | undefined): readonly PackError[] {
    if (!folder) return this.settingsLayer(undefined).errors;
    return this.errorsForDocument({ uri: vscode.Uri.joinPath(folder.uri, PACK_FILE_NAME) });
  }

  /** The errors of the last load of what applies to a document: its folder's settings and its pack file. */
  errorsForDocument(document: Pick<vscode.TextDocument, 'uri'>): readonly PackError[] {
    const folder = vscode.workspace.getWorkspaceFolder(document.uri);
    const packFile = this.packFileFor(document);
    const settings = this.settingsLayer(folder).errors;
    return packFile ? [...settings, ...this.fileLayer(folder!, packFile).errors] : settings;
  }

  /** Runs the examples of every rule in a document's pack, or a folder's ("Healing Notes: Test Workspace Rules"). */
  testWorkspaceRules(target: vscode.WorkspaceFolder | Pick<vscode.TextDocument, 'uri'> | undefined): RuleExampleResult[] {
    return runRuleExamples(target && 'name' in target ? this.packForFolder(target) : target ? this.packFor(target) : this.packForFolder(undefined));
  }

  reloadAll(): void {
    this.reload(undefined);
    for (const folder of vscode.workspace.workspaceFolders ?? []) this.reload(folder);
  }

  /**
   * Reloads a folder's settings and every pack file of it loaded so far, and searches again for
   * nearest packs (file-system reads are synchronous for local folders); `onDidChange` fires
   * once when some pack changed, unless `announce` is false.
   */
  reload(folder: vscode.WorkspaceFolder | undefined, announce = true): void {
    const before = new Map([...this.layers].map(([key, layer]) => [key, layer.pack]));
    if (folder) {
      this.watchFolder(folder);
      this.dropSearches(folder);
    }
    this.loadSettings(folder, false);
    if (folder) {
      // Each pack file loaded so far, on the folder's (perhaps new) settings; the root pack always, so its errors show at once.
      const files = new Map<string, vscode.Uri>();
      for (const layer of this.layers.values()) if (layer.packFile && keyOf(layer.folder) === keyOf(folder)) files.set(layer.packFile.toString(), layer.packFile);
      const root = vscode.Uri.joinPath(folder.uri, PACK_FILE_NAME);
      if (!files.has(root.toString())) files.set(root.toString(), root);
      for (const packFile of files.values()) this.loadFile(folder, packFile, false);
    }
    if (announce) this.announce(before);
  }

  /** Tells of every layer whose pack is not the one it had before, then once that packs changed. */
  private announce(before: ReadonlyMap<string, RulePack>, always = false): void {
    let any = always;
    for (const [key, layer] of this.layers) {
      if (before.get(key) === layer.pack) continue;
      any = true;
      this.changedPack.fire({ folder: layer.folder, packFile: layer.packFile, pack: layer.pack });
    }
    for (const key of before.keys()) if (!this.layers.has(key)) any = true;
    if (any) this.changed.fire();
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const layer of this.layers.values()) vscode.Disposable.from(...layer.watchers).dispose();
    for (const watcher of this.folderWatchers.values()) watcher.dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  // -------------------------------------------------------------------------

  /**
   * Loads every pack file of the workspace once, at start: a team's bad pack in a sub-folder shows
   * its errors in the Problems view before anyone opens a note under it. Later ones are seen by
   * the folder watchers.
   */
  private async loadEveryPackFile(): Promise<void> {
    let found: vscode.Uri[];
    try {
      found = await vscode.workspace.findFiles(`**/${PACK_FILE_NAME}`, '**/node_modules/**', MAX_PACK_FILES_AT_START);
    } catch {
      return;
    }
    for (const packFile of found) {
      const folder = vscode.workspace.getWorkspaceFolder(packFile);
      if (!folder || !this.folderWatchers.has(keyOf(folder)) || this.layers.has(layerKey(folder, packFile))) continue;
      // No note uses it yet (it would have a layer): nothing to announce.
      this.loadFile(folder, packFile, false);
    }
  }

  private settingsLayer(folder: vscode.WorkspaceFolder | undefined): Layer {
    if (!this.layers.has(keyOf(folder))) this.loadSettings(folder, false);
    return this.layers.get(keyOf(folder))!;
  }

  private fileLayer(folder: vscode.WorkspaceFolder, packFile: vscode.Uri): Layer {
    const key = layerKey(folder, packFile);
    if (!this.layers.has(key)) this.loadFile(folder, packFile, false);
    return this.layers.get(key) ?? this.settingsLayer(folder);
  }

  /** The nearest pack file for a document folder `dir` of `folder`: found now for local folders, asynchronously for others. */
  private nearestIn(folder: vscode.WorkspaceFolder, dir: vscode.Uri): vscode.Uri | undefined {
    let found = this.nearest.get(keyOf(folder));
    if (!found) this.nearest.set(keyOf(folder), (found = new Map()));
    const known = found.get(dir.toString());
    if (known !== undefined) return known ?? undefined;
    const mapper = mapperFor(folder.uri);
    if (folder.uri.scheme === 'file') {
      const file = nearestPackFile(mapper.toPath(dir), mapper.toPath(folder.uri), isLocalFile);
      const uri = file === undefined ? null : mapper.toUri(file);
      found.set(dir.toString(), uri);
      return uri ?? undefined;
    }
    // Not known yet on a remote folder: the settings apply until the search ends, then notes are checked again.
    found.set(dir.toString(), null);
    const generation = this.searchGenerations.get(keyOf(folder)) ?? 0;
    void (async () => {
      for (const candidate of packSearchFolders(mapper.toPath(dir), mapper.toPath(folder.uri))) {
        const uri = mapper.toUri(packFileIn(candidate));
        try {
          if ((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.File) return uri;
        } catch {
          // Not there: look in the parent.
        }
      }
      return undefined;
    })().then((uri) => {
      if (!uri || (this.searchGenerations.get(keyOf(folder)) ?? 0) !== generation) return;
      found.set(dir.toString(), uri);
      this.fileLayer(folder, uri);
      this.changed.fire();
    });
    return undefined;
  }

  /** Forgets a folder's nearest-pack answers: a pack file appeared or went away. */
  private dropSearches(folder: vscode.WorkspaceFolder): void {
    this.nearest.delete(keyOf(folder));
    this.searchGenerations.set(keyOf(folder), (this.searchGenerations.get(keyOf(folder)) ?? 0) + 1);
  }

  private loadSettings(folder: vscode.WorkspaceFolder | undefined, announce: boolean): void {
    const restricted = !vscode.workspace.isTrusted;
    this.settle(keyOf(folder), folder, undefined, this.loadSettingsOnly(folder, restricted, readLocalFile), announce);
  }

  /** Loads one pack file of a folder over the folder's settings: now for a local folder, else asynchronously. */
  private loadFile(folder: vscode.WorkspaceFolder, packFile: vscode.Uri, announce: boolean): void {
    const key = layerKey(folder, packFile);
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const restricted = !vscode.workspace.isTrusted;
    const load = (readFile: ReadFile) => this.loadPackFileLayer(folder, packFile, restricted, readFile);
    if (folder.uri.scheme === 'file') {
      this.settleFile(folder, packFile, load(readLocalFile), announce);
      return;
    }
    // Other file systems are read asynchronously: prefetch what each attempt asks for, then load again.
    if (!this.layers.has(key)) this.settleFile(folder, packFile, { pack: this.settingsLayer(folder).pack, errors: [], files: [], uris: [] }, false);
    void loadRemote(mapperFor(folder.uri), load).then((result) => {
      if (this.generations.get(key) === generation) this.settleFile(folder, packFile, result, true);
    });
  }

  /** A pack file that is gone leaves no layer: its notes fall back to a farther pack or the settings. */
  private settleFile(folder: vscode.WorkspaceFolder, packFile: vscode.Uri, result: LoadResult | undefined, announce: boolean): void {
    const key = layerKey(folder, packFile);
    if (result) {
      this.settle(key, folder, packFile, result, announce);
      return;
    }
    const previous = this.layers.get(key);
    if (!previous) return;
    vscode.Disposable.from(...previous.watchers).dispose();
    this.layers.delete(key);
    this.publish(previous, undefined);
  }

  /** The pack file over the folder's settings; undefined when the file does not exist (the usual case is not an error). */
  private loadPackFileLayer(folder: vscode.WorkspaceFolder, packFile: vscode.Uri, restricted: boolean, readFile: ReadFile): LoadResult | undefined {
    const mapper = mapperFor(folder.uri);
    const packPath = mapper.toPath(packFile);
    let exists = true;
    const result = loadPackFile(
      packPath,
      (path) => {
        try {
          return readFile(path);
        } catch (error) {
          if (path === packPath && (error as { code?: string }).code === 'ENOENT') exists = false;
          throw error;
        }
      },
      this.settingsLayer(folder).pack,
      { restricted },
    );
    if (!exists) return undefined;
    return { ...result, uris: result.files.map((p) => mapper.toUri(p)) };
  }

  private loadSettingsOnly(folder: vscode.WorkspaceFolder | undefined, restricted: boolean, readFile?: ReadFile): LoadResult {
    const inspected = vscode.workspace.getConfiguration(CONFIG_SECTION, folder?.uri).inspect<unknown>(RULES_SETTING);
    let pack = defaultPack;
    const errors: PackError[] = [];
    const files: string[] = [];
    for (const layer of SETTINGS_LAYERS) {
      const value = inspected?.[layer.key];
      if (value === undefined || (layer.trustedOnly && restricted)) continue;
      if (typeof value === 'object' && value !== null && Object.keys(value).length === 0) continue;
      const result = applyPackConfig(value, layer.label, pack, {
        readFile: folder?.uri.scheme === 'file' || !folder ? readFile : undefined,
        // Relative `extends` in workspace and folder settings start from the folder; user settings need absolute paths.
        baseDir: layer.key !== 'globalValue' && folder?.uri.scheme === 'file' ? folder.uri.fsPath : undefined,
        pathPrefix: `${CONFIG_SECTION}.${RULES_SETTING}`,
        restricted: layer.trustedOnly ? restricted : false,
      });
      errors.push(...result.errors);
      files.push(...result.files);
      pack = result.pack;
    }
    return { pack, errors, files, uris: files.map((p) => vscode.Uri.file(p)) };
  }

  /** Records a load: a good pack replaces the layer's; a bad one keeps the last good pack and reports. */
  private settle(key: string, folder: vscode.WorkspaceFolder | undefined, packFile: vscode.Uri | undefined, result: LoadResult, announce: boolean): void {
    const previous = this.layers.get(key);
    const good = result.errors.length === 0;
    const layer: Layer = {
      folder,
      packFile,
      pack: good ? result.pack : previous?.pack ?? result.pack,
      errors: result.errors,
      files: result.uris,
      notified: good ? undefined : previous?.notified,
      watchers: previous?.watchers ?? [],
    };
    this.layers.set(key, layer);
    this.watch(layer, previous);
    this.publish(previous, layer);
    if (!good) this.notify(layer);
    else if (!packFile && [...this.layers.values()].every((l) => l.packFile || l.errors.length === 0)) this.notifiedSettings = undefined;
    if (announce && layer.pack !== previous?.pack) {
      this.changedPack.fire({ folder, packFile, pack: layer.pack });
      this.changed.fire();
    }
  }

  /**
   * One watcher per folder for every `.healingnotes.json` in it: a change reloads that pack; a
   * pack created or deleted changes which pack is nearest, so notes are checked again. A folder
   * deleted, moved or copied in is told as one event for the folder, not for the packs in it: a
   * second watcher sees those.
   */
  private watchFolder(folder: vscode.WorkspaceFolder): void {
    if (this.folderWatchers.has(keyOf(folder))) return;
    const packs = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, `**/${PACK_FILE_NAME}`));
    const on = (moved: boolean) => (uri: vscode.Uri) => this.scheduleFileReload(folder, uri, moved);
    const folders = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**'), false, true, false);
    this.folderWatchers.set(
      keyOf(folder),
      vscode.Disposable.from(
        packs,
        packs.onDidChange(on(false)),
        packs.onDidCreate(on(true)),
        packs.onDidDelete(on(true)),
        folders,
        folders.onDidDelete((uri) => this.folderDeleted(folder, uri)),
        folders.onDidCreate((uri) => this.queueCreated(folder, uri)),
      ),
    );
  }

  /** The packs loaded from inside a deleted folder go with it. */
  private folderDeleted(folder: vscode.WorkspaceFolder, uri: vscode.Uri): void {
    const inside = `${uri.toString()}/`;
    for (const layer of [...this.layers.values()]) {
      if (layer.packFile && keyOf(layer.folder) === keyOf(folder) && layer.packFile.toString().startsWith(inside)) this.scheduleFileReload(folder, layer.packFile, true);
    }
  }

  /** Files and folders created (a checkout may create thousands at once), looked at together a moment later. */
  private queueCreated(folder: vscode.WorkspaceFolder, uri: vscode.Uri): void {
    if (uri.path.endsWith(`/${PACK_FILE_NAME}`)) return;
    const key = `created\u0000${keyOf(folder)}`;
    let queued = this.created.get(key);
    if (!queued) this.created.set(key, (queued = new Map()));
    queued.set(uri.toString(), uri);
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.created.delete(key);
        void this.foldersCreated(folder, [...queued.values()]);
      }, RELOAD_DELAY_MS),
    );
  }

  /** The packs inside folders moved or copied in are read (each folder once, not its sub-folders again), and notes are checked again. */
  private async foldersCreated(folder: vscode.WorkspaceFolder, uris: vscode.Uri[]): Promise<void> {
    const all = new Set(uris.map((u) => u.toString()));
    const ancestorCreated = (uri: vscode.Uri) => {
      for (let at = uri.toString().lastIndexOf('/'); at > 0; at = uri.toString().lastIndexOf('/', at - 1)) if (all.has(uri.toString().slice(0, at))) return true;
      return false;
    };
    const outermost = uris.filter((uri) => !ancestorCreated(uri));
    for (const uri of outermost) {
      try {
        if (!((await vscode.workspace.fs.stat(uri)).type & vscode.FileType.Directory)) continue;
        const found = await vscode.workspace.findFiles(new vscode.RelativePattern(uri, `**/${PACK_FILE_NAME}`), '**/node_modules/**', MAX_PACK_FILES_AT_START);
        for (const packFile of found) this.scheduleFileReload(folder, packFile, true);
      } catch {
        // Gone again, or not readable: nothing to load.
      }
    }
  }

  /** Watches the files a layer read that the folder watcher does not see: files a pack or a setting extends. */
  private watch(layer: Layer, previous: Layer | undefined): void {
    const watched = (uris: readonly vscode.Uri[]) => uris.map((u) => u.toString()).sort().join('\n');
    if (previous && watched(previous.files) === watched(layer.files)) return;
    vscode.Disposable.from(...layer.watchers).dispose();
    const folderUri = layer.folder?.uri.toString();
    const seenByFolder = (uri: vscode.Uri) => folderUri !== undefined && uri.path.endsWith(`/${PACK_FILE_NAME}`) && uri.toString().startsWith(`${folderUri}/`);
    layer.watchers = layer.files
      .filter((uri) => !seenByFolder(uri))
      .map((uri) => {
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.slice(uri.path.lastIndexOf('/') + 1)));
        const schedule = () => (layer.packFile ? this.scheduleFileReload(layer.folder!, layer.packFile, false) : this.scheduleFolderReload(layer.folder));
        return vscode.Disposable.from(watcher, watcher.onDidChange(schedule), watcher.onDidCreate(schedule), watcher.onDidDelete(schedule));
      });
  }

  /**
   * Reloads a pack file a moment after it changed (editors save in several steps), with every pack
   * of the folder that extends it; `moved`: it was created or deleted, so nearest packs may differ.
   */
  private scheduleFileReload(folder: vscode.WorkspaceFolder, packFile: vscode.Uri, moved: boolean): void {
    const key = layerKey(folder, packFile);
    clearTimeout(this.timers.get(key));
    if (moved) this.moved.add(key);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        const wasMoved = this.moved.delete(key);
        if (!this.folderWatchers.has(keyOf(folder))) return;
        const before = new Map([...this.layers].map(([k, layer]) => [k, layer.pack]));
        if (wasMoved) this.dropSearches(folder);
        this.loadFile(folder, packFile, false);
        for (const layer of [...this.layers.values()]) {
          if (layer.packFile && layer.packFile.toString() !== packFile.toString() && layer.files.some((f) => f.toString() === packFile.toString())) {
            this.loadFile(folder, layer.packFile, false);
          }
        }
        this.announce(before, wasMoved);
      }, RELOAD_DELAY_MS),
    );
  }

  private scheduleFolderReload(folder: vscode.WorkspaceFolder | undefined): void {
    const key = `settings\u0000${keyOf(folder)}`;
    clearTimeout(this.timers.get(key));
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        this.reload(folder);
      }, RELOAD_DELAY_MS),
    );
  }

  /** Pack errors as diagnostics in the files they are about; settings errors go to the notification only. */
  private publish(previous: Layer | undefined, layer: Layer | undefined): void {
    const affected = new Map<string, vscode.Uri>();
    for (const uri of [...(previous?.files ?? []), ...(layer?.files ?? [])]) affected.set(uri.toString(), uri);
    for (const [key, uri] of affected) {
      const diagnostics: vscode.Diagnostic[] = [];
      for (const other of this.layers.values()) {
        for (const error of other.errors) {
          const errorUri = other.files.find((u) => sameFile(u, error.file));
          if (errorUri?.toString() === key) diagnostics.push(toDiagnostic(error));
        }
      }
      this.diagnostics.set(uri, dedupe(diagnostics));
    }
  }

  /**
   * One notification per pack, with every error counted, when it goes bad; not one per error,
   * nor one per save while it stays bad (the Problems view keeps the current list). The same
   * bad setting, read for several folders, is told once.
   */
  private notify(layer: Layer): void {
    if (layer.notified) return;
    layer.notified = true;
    if (!layer.packFile) {
      const signature = JSON.stringify(layer.errors);
      if (this.notifiedSettings === signature) return;
      this.notifiedSettings = signature;
    }
    this.notifications++;
    const { folder, packFile } = layer;
    const where = !folder
      ? 'the healingNotes.rules setting'
      : !packFile
        ? `the healingNotes.rules setting of "${folder.name}"`
        : packFile.toString() === vscode.Uri.joinPath(folder.uri, PACK_FILE_NAME).toString()
          ? `the rule pack of "${folder.name}"`
          : `the rule pack ${vscode.workspace.asRelativePath(packFile)}`;
    const count = layer.errors.length === 1 ? '1 error' : `${layer.errors.length} errors`;
    const firstError = layer.errors[0];
    const first = formatPackError({ ...firstError, file: /[\\/]/.test(firstError.file) ? vscode.workspace.asRelativePath(firstError.file) : firstError.file });
    const showProblems = 'Show Problems';
    void vscode.window
      .showWarningMessage(`Healing Notes: ${count} in ${where}; the previous rules stay in use. First: ${first}`, showProblems)
      .then((choice) => {
        if (choice === showProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
  }

  private forget(folder: vscode.WorkspaceFolder): void {
    this.folderWatchers.get(keyOf(folder))?.dispose();
    this.folderWatchers.delete(keyOf(folder));
    this.dropSearches(folder);
    for (const [key, layer] of [...this.layers]) {
      if (layer.folder !== folder) continue;
      vscode.Disposable.from(...layer.watchers).dispose();
      this.layers.delete(key);
      this.publish(layer, undefined);
    }
  }
}

function keyOf(folder: vscode.WorkspaceFolder | undefined): string {
  return folder?.uri.toString() ?? '';
}

function layerKey(folder: vscode.WorkspaceFolder, packFile: vscode.Uri): string {
  return `${keyOf(folder)}\u0000${packFile.toString()}`;
}

const readLocalFile: ReadFile = (path) => fs.readFileSync(path, 'utf8');

function isLocalFile(path: string): boolean {
  try {
    return fs.statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Runs a synchronous load against a cache of asynchronous reads, reading what each attempt asked for, until it asks for nothing new. */
async function loadRemote(mapper: PathMapper, load: (readFile: ReadFile) => LoadResult | undefined): Promise<LoadResult | undefined> {
  const cache = new Map<string, string | Error>();
  const asked = new Set<string>();
  const reader: ReadFile = (path) => {
    asked.add(path);
    const value = cache.get(path);
    if (value === undefined) throw Object.assign(new Error('not read yet'), { code: 'ENOENT' });
    if (value instanceof Error) throw value;
    return value;
  };
  let result = load(reader);
  for (let round = 0; round < MAX_READ_ROUNDS; round++) {
    const missing = [...asked].filter((path) => !cache.has(path));
    if (missing.length === 0) break;
    await Promise.all(
      missing.map(async (path) => {
        try {
          cache.set(path, new TextDecoder().decode(await vscode.workspace.fs.readFile(mapper.toUri(path))));
        } catch (error) {
          cache.set(path, Object.assign(new Error('file not found'), { code: (error as vscode.FileSystemError).code === 'FileNotFound' ? 'ENOENT' : undefined }));
        }
      }),
    );
    result = load(reader);
  }
  return result;
}

function sameFile(uri: vscode.Uri, file: string): boolean {
  return uri.scheme === 'file' ? uri.fsPath === file : uri.path === file;
}

/** A pack error as a diagnostic on its JSON location (line and column are 1-based in PackError). */
export function toDiagnostic(error: PackError): vscode.Diagnostic {
  const line = Math.max(0, (error.line ?? 1) - 1);
  const character = Math.max(0, (error.column ?? 1) - 1);
  const start = new vscode.Position(line, character);
  // A located value usually sits on one line; longer spans are cut at the line end by the editor.
  const end = new vscode.Position(line, character + Math.max(1, error.length ?? 1));
  const message = error.path ? `${error.path}: ${error.message}` : error.message;
  const diagnostic = new vscode.Diagnostic(new vscode.Range(start, end), message, vscode.DiagnosticSeverity.Error);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  return diagnostic;
}

function dedupe(diagnostics: vscode.Diagnostic[]): vscode.Diagnostic[] {
  const seen = new Set<string>();
  return diagnostics.filter((d) => {
    const key = `${d.range.start.line}:${d.range.start.character}:${d.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
