/**
 * Rule packs in the editor: per workspace folder, the built-in pack layered
 * with the `healingNotes.rules` setting and the folder's `.healingnotes.json`.
 * Reloads on file and setting changes, keeps the last good pack when a new
 * one is bad, and shows pack errors as diagnostics in the pack file plus one
 * notification per failed load. Untrusted workspaces load in restricted mode.
 */
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { defaultPack, type RulePack } from '../engine';
import {
  PACK_FILE_NAME,
  applyPackConfig,
  formatPackError,
  loadPackFile,
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

export interface PackChangeEvent {
  /** The folder whose pack changed; undefined for documents outside any folder. */
  folder: vscode.WorkspaceFolder | undefined;
  pack: RulePack;
}

interface FolderState {
  pack: RulePack;
  errors: PackError[];
  /** Every pack file read for this folder, as URIs, for watchers and diagnostics. */
  files: vscode.Uri[];
  /** Set once a failed load was notified: while the pack stays bad, later saves update the Problems view only. */
  notified?: boolean;
  watchers: vscode.Disposable[];
}

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
  private readonly states = new Map<string, FolderState>();
  private readonly diagnostics = vscode.languages.createDiagnosticCollection('healing-notes-packs');
  private readonly changed = new vscode.EventEmitter<void>();
  private readonly changedPack = new vscode.EventEmitter<PackChangeEvent>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly disposables: vscode.Disposable[] = [];
  /** How many pack-error notifications were shown (for tests: one per pack going bad). */
  notifications = 0;
  /** Bumped per folder on every reload, so a slow asynchronous load cannot overwrite a newer one. */
  private readonly generations = new Map<string, number>();

  /** Fires when some folder's pack changed (a good load, a setting, trust granted): re-analyse open notes. */
  readonly onDidChange = this.changed.event;
  /** The same, with the folder and its new pack. */
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
  }

  /** The pack for a document: its folder's, or (outside any folder) the built-in pack with user settings. */
  packFor(document: vscode.TextDocument): RulePack {
    return this.packForFolder(vscode.workspace.getWorkspaceFolder(document.uri));
  }

  packForFolder(folder: vscode.WorkspaceFolder | undefined): RulePack {
    const key = keyOf(folder);
    if (!this.states.has(key)) this.reload(folder, false);
    return this.states.get(key)!.pack;
  }

  /** The errors of the folder's last load (empty when it loaded cleanly). */
  errorsFor(folder: vscode.WorkspaceFolder | undefined): readonly PackError[] {
    return this.states.get(keyOf(folder))?.errors ?? [];
  }

  /** Runs the examples of every rule in the folder's pack ("Healing Notes: Test Workspace Rules"). */
  testWorkspaceRules(folder: vscode.WorkspaceFolder | undefined): RuleExampleResult[] {
    return runRuleExamples(this.packForFolder(folder));
  }

  reloadAll(): void {
    this.reload(undefined);
    for (const folder of vscode.workspace.workspaceFolders ?? []) this.reload(folder);
  }

  /**
   * Reloads one folder's pack now (file-system reads are synchronous for
   * local folders); `onDidChange` fires when the pack changed, unless `announce` is false.
   */
  reload(folder: vscode.WorkspaceFolder | undefined, announce = true): void {
    const key = keyOf(folder);
    const generation = (this.generations.get(key) ?? 0) + 1;
    this.generations.set(key, generation);
    const restricted = !vscode.workspace.isTrusted;
    if (!folder || folder.uri.scheme === 'file') {
      this.settle(folder, this.load(folder, restricted, readLocalFile), announce);
      return;
    }
    // Other file systems are read asynchronously: prefetch what each attempt asks for, then load again.
    if (!this.states.has(key)) this.settle(folder, this.loadSettingsOnly(folder, restricted), announce);
    void this.loadRemote(folder, restricted).then((result) => {
      if (this.generations.get(key) === generation) this.settle(folder, result, true);
    });
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    for (const state of this.states.values()) vscode.Disposable.from(...state.watchers).dispose();
    vscode.Disposable.from(...this.disposables).dispose();
  }

  // -------------------------------------------------------------------------

  /** Built-in pack, then each settings layer, then the folder's pack file. */
  private load(folder: vscode.WorkspaceFolder | undefined, restricted: boolean, readFile: ReadFile): PackLoadResult & { uris: vscode.Uri[] } {
    const settings = this.loadSettingsOnly(folder, restricted, readFile);
    if (!folder) return settings;
    const mapper = mapperFor(folder.uri);
    const packUri = vscode.Uri.joinPath(folder.uri, PACK_FILE_NAME);
    const packPath = mapper.toPath(packUri);
    let exists = true;
    const file = loadPackFile(
      packPath,
      (path) => {
        try {
          return readFile(path);
        } catch (error) {
          if (path === packPath && (error as { code?: string }).code === 'ENOENT') exists = false;
          throw error;
        }
      },
      settings.pack,
      { restricted },
    );
    const uris = [...settings.uris, ...file.files.map((p) => mapper.toUri(p))];
    // No pack file is the usual case, not an error.
    if (!exists) return { pack: settings.pack, errors: settings.errors, files: [...settings.files, ...file.files], uris };
    return { pack: file.pack, errors: [...settings.errors, ...file.errors], files: [...settings.files, ...file.files], uris };
  }

  private loadSettingsOnly(folder: vscode.WorkspaceFolder | undefined, restricted: boolean, readFile?: ReadFile): PackLoadResult & { uris: vscode.Uri[] } {
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

  private async loadRemote(folder: vscode.WorkspaceFolder, restricted: boolean): Promise<PackLoadResult & { uris: vscode.Uri[] }> {
    const mapper = mapperFor(folder.uri);
    const cache = new Map<string, string | Error>();
    let result = this.load(folder, restricted, cachedReader(cache));
    for (let round = 0; round < MAX_READ_ROUNDS; round++) {
      const missing = result.files.filter((path) => !cache.has(path));
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
      result = this.load(folder, restricted, cachedReader(cache));
    }
    return result;
  }

  /** Records a load: a good pack replaces the folder's; a bad one keeps the last good pack and reports. */
  private settle(folder: vscode.WorkspaceFolder | undefined, result: PackLoadResult & { uris: vscode.Uri[] }, announce: boolean): void {
    const key = keyOf(folder);
    const previous = this.states.get(key);
    const good = result.errors.length === 0;
    const state: FolderState = {
      pack: good ? result.pack : previous?.pack ?? result.pack,
      errors: result.errors,
      files: result.uris,
      notified: good ? undefined : previous?.notified,
      watchers: previous?.watchers ?? [],
    };
    this.states.set(key, state);
    this.watch(folder, state, previous);
    this.publish(previous, state);
    if (!good) this.notify(folder, state);
    if (announce && state.pack !== previous?.pack) {
      this.changedPack.fire({ folder, pack: state.pack });
      this.changed.fire();
    }
  }

  /** Watches the folder's pack file (created, changed, deleted) and every file it extends. */
  private watch(folder: vscode.WorkspaceFolder | undefined, state: FolderState, previous: FolderState | undefined): void {
    if (!folder) return;
    const watched = (uris: readonly vscode.Uri[]) => uris.map((u) => u.toString()).sort().join('\n');
    if (previous && previous.watchers.length && watched(previous.files) === watched(state.files)) return;
    vscode.Disposable.from(...state.watchers).dispose();
    const patterns = [new vscode.RelativePattern(folder, PACK_FILE_NAME)];
    const packUri = vscode.Uri.joinPath(folder.uri, PACK_FILE_NAME).toString();
    for (const uri of state.files) {
      if (uri.toString() === packUri) continue;
      patterns.push(new vscode.RelativePattern(vscode.Uri.joinPath(uri, '..'), uri.path.slice(uri.path.lastIndexOf('/') + 1)));
    }
    state.watchers = patterns.map((pattern) => {
      const watcher = vscode.workspace.createFileSystemWatcher(pattern);
      const schedule = () => this.scheduleReload(folder);
      return vscode.Disposable.from(watcher, watcher.onDidChange(schedule), watcher.onDidCreate(schedule), watcher.onDidDelete(schedule));
    });
  }

  private scheduleReload(folder: vscode.WorkspaceFolder): void {
    const key = keyOf(folder);
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
  private publish(previous: FolderState | undefined, state: FolderState): void {
    const affected = new Map<string, vscode.Uri>();
    for (const uri of [...(previous?.files ?? []), ...state.files]) affected.set(uri.toString(), uri);
    for (const [key, uri] of affected) {
      const diagnostics: vscode.Diagnostic[] = [];
      for (const folderState of this.states.values()) {
        for (const error of folderState.errors) {
          const errorUri = folderState.files.find((u) => sameFile(u, error.file));
          if (errorUri?.toString() === key) diagnostics.push(toDiagnostic(error));
        }
      }
      this.diagnostics.set(uri, dedupe(diagnostics));
    }
  }

  /**
   * One notification per pack, with every error counted, when it goes bad; not one per error,
   * nor one per save while it stays bad (the Problems view keeps the current list).
   */
  private notify(folder: vscode.WorkspaceFolder | undefined, state: FolderState): void {
    if (state.notified) return;
    state.notified = true;
    this.notifications++;
    const where = folder ? `the rule pack of "${folder.name}"` : 'the healingNotes.rules setting';
    const count = state.errors.length === 1 ? '1 error' : `${state.errors.length} errors`;
    const firstError = state.errors[0];
    const first = formatPackError({ ...firstError, file: /[\\/]/.test(firstError.file) ? vscode.workspace.asRelativePath(firstError.file) : firstError.file });
    const showProblems = 'Show Problems';
    void vscode.window
      .showWarningMessage(`Healing Notes: ${count} in ${where}; the previous rules stay in use. First: ${first}`, showProblems)
      .then((choice) => {
        if (choice === showProblems) void vscode.commands.executeCommand('workbench.actions.view.problems');
      });
  }

  private forget(folder: vscode.WorkspaceFolder): void {
    const key = keyOf(folder);
    const state = this.states.get(key);
    if (!state) return;
    vscode.Disposable.from(...state.watchers).dispose();
    this.states.delete(key);
    this.publish(state, { ...state, files: [], errors: [] });
  }
}

function keyOf(folder: vscode.WorkspaceFolder | undefined): string {
  return folder?.uri.toString() ?? '';
}

const readLocalFile: ReadFile = (path) => fs.readFileSync(path, 'utf8');

function cachedReader(cache: Map<string, string | Error>): ReadFile {
  return (path) => {
    const value = cache.get(path);
    if (value === undefined) throw Object.assign(new Error('not read yet'), { code: 'ENOENT' });
    if (value instanceof Error) throw value;
    return value;
  };
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
