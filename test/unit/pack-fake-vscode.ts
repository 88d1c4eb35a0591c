/**
 * A small stand-in for the `vscode` module, enough for PackManager: URIs,
 * events, configuration with inspect(), workspace trust, file watchers that
 * tests fire by hand, a diagnostic collection and recorded notifications.
 */
import * as fs from 'node:fs';
import * as posix from 'node:path/posix';

type Listener<T> = (e: T) => unknown;

export class EventEmitter<T> {
  private listeners: Listener<T>[] = [];
  readonly event = (listener: Listener<T>) => {
    this.listeners.push(listener);
    return { dispose: () => (this.listeners = this.listeners.filter((l) => l !== listener)) };
  };
  fire(e: T): void {
    for (const listener of [...this.listeners]) listener(e);
  }
  dispose(): void {
    this.listeners = [];
  }
}

export class Disposable {
  constructor(private readonly fn: () => void) {}
  static from(...items: { dispose(): unknown }[]): Disposable {
    return new Disposable(() => items.forEach((d) => d.dispose()));
  }
  dispose(): void {
    this.fn();
  }
}

export class Uri {
  private constructor(readonly scheme: string, readonly path: string) {}
  static file(path: string): Uri {
    return new Uri('file', posix.normalize(path));
  }
  /** A URI on another file system (a remote folder), for the asynchronous paths. */
  static remote(path: string): Uri {
    return new Uri('vscode-remote', posix.normalize(path));
  }
  static joinPath(uri: Uri, ...segments: string[]): Uri {
    return new Uri(uri.scheme, posix.join(uri.path, ...segments));
  }
  get fsPath(): string {
    return this.path;
  }
  with(change: { path?: string }): Uri {
    return new Uri(this.scheme, change.path ?? this.path);
  }
  toString(): string {
    return `${this.scheme}://${this.path}`;
  }
}

export class RelativePattern {
  constructor(readonly base: { uri: Uri } | Uri, readonly pattern: string) {}
  get baseUri(): Uri {
    return this.base instanceof Uri ? this.base : this.base.uri;
  }
}

export class Position {
  constructor(readonly line: number, readonly character: number) {}
}
export class Range {
  constructor(readonly start: Position, readonly end: Position) {}
}
export enum DiagnosticSeverity {
  Error = 0,
  Warning = 1,
  Information = 2,
  Hint = 3,
}
export class Diagnostic {
  source?: string;
  constructor(readonly range: Range, readonly message: string, readonly severity: DiagnosticSeverity) {}
}

export interface WorkspaceFolder {
  uri: Uri;
  name: string;
  index: number;
}

export interface FakeWatcher {
  pattern: RelativePattern;
  /** Fires a change of `uri` (default: the pattern's file, for a pattern that names one). */
  change(uri?: Uri): void;
  create(uri: Uri): void;
  remove(uri: Uri): void;
  disposed: boolean;
}

export enum FileType {
  File = 1,
  Directory = 2,
}

/** Settings per layer; folder values by folder path. */
export interface FakeSettings {
  globalValue?: unknown;
  workspaceValue?: unknown;
  folderValues: Map<string, unknown>;
}

export function createFakeVscode() {
  const configuration = new EventEmitter<{ affectsConfiguration(section: string): boolean }>();
  const folders = new EventEmitter<{ added: WorkspaceFolder[]; removed: WorkspaceFolder[] }>();
  const trust = new EventEmitter<void>();
  const settings: FakeSettings = { folderValues: new Map() };
  const watchers: FakeWatcher[] = [];
  const diagnostics = new Map<string, Diagnostic[]>();
  const messages: string[] = [];
  const fsCalls: string[] = [];

  const workspace = {
    workspaceFolders: [] as WorkspaceFolder[],
    isTrusted: true,
    getWorkspaceFolder(uri: Uri): WorkspaceFolder | undefined {
      return workspace.workspaceFolders.find((f) => uri.path === f.uri.path || uri.path.startsWith(`${f.uri.path}/`));
    },
    getConfiguration(_section: string, scope?: Uri) {
      return {
        inspect: (_key: string) => ({
          key: 'healingNotes.rules',
          globalValue: settings.globalValue,
          workspaceValue: settings.workspaceValue,
          workspaceFolderValue: scope ? settings.folderValues.get(scope.path) : undefined,
        }),
      };
    },
    onDidChangeConfiguration: configuration.event,
    onDidChangeWorkspaceFolders: folders.event,
    onDidGrantWorkspaceTrust: trust.event,
    createFileSystemWatcher(pattern: RelativePattern) {
      const change = new EventEmitter<Uri>();
      const create = new EventEmitter<Uri>();
      const remove = new EventEmitter<Uri>();
      const watcher: FakeWatcher = {
        pattern,
        change: (uri) => change.fire(uri ?? Uri.joinPath(pattern.baseUri, pattern.pattern)),
        create: (uri) => create.fire(uri),
        remove: (uri) => remove.fire(uri),
        disposed: false,
      };
      watchers.push(watcher);
      return {
        onDidChange: change.event,
        onDidCreate: create.event,
        onDidDelete: remove.event,
        dispose: () => (watcher.disposed = true),
      };
    },
    asRelativePath(target: string | Uri): string {
      const path = typeof target === 'string' ? target : target.path;
      const folder = workspace.workspaceFolders.find((f) => path.startsWith(`${f.uri.path}/`));
      return folder ? path.slice(folder.uri.path.length + 1) : path;
    },
    /** Every pack file below the workspace folders, as VS Code's search finds them (node_modules left out). */
    findFiles: async (include: string | RelativePattern, _exclude: string, max: number) => {
      const found: Uri[] = [];
      const bases = typeof include === 'string' ? workspace.workspaceFolders.map((f) => f.uri) : [include.baseUri];
      for (const base of bases) {
        for (const file of fs.readdirSync(base.path, { recursive: true, encoding: 'utf8' })) {
          if (posix.basename(file) === '.healingnotes.json' && !file.split('/').includes('node_modules')) found.push(Uri.joinPath(base, file));
        }
      }
      return found.slice(0, max);
    },
    /** A remote file system: the same files on disk, read asynchronously (and counted). */
    fs: {
      stat: async (uri: Uri) => {
        fsCalls.push(`stat ${uri.path}`);
        const stat = await fs.promises.stat(uri.path);
        return { type: stat.isFile() ? FileType.File : FileType.Directory };
      },
      readFile: async (uri: Uri) => {
        fsCalls.push(`read ${uri.path}`);
        try {
          return new Uint8Array(await fs.promises.readFile(uri.path));
        } catch {
          throw Object.assign(new Error('not found'), { code: 'FileNotFound' });
        }
      },
    },
  };

  const vscode = {
    EventEmitter,
    Disposable,
    Uri,
    RelativePattern,
    Position,
    Range,
    Diagnostic,
    DiagnosticSeverity,
    FileType,
    workspace,
    languages: {
      createDiagnosticCollection: () => ({
        set: (uri: Uri, list: Diagnostic[]) => diagnostics.set(uri.path, list),
        dispose: () => diagnostics.clear(),
      }),
    },
    window: {
      showWarningMessage: (message: string) => {
        messages.push(message);
        return Promise.resolve(undefined);
      },
    },
    commands: { executeCommand: () => Promise.resolve(undefined) },
  };

  return {
    vscode,
    settings,
    watchers,
    diagnostics,
    messages,
    fsCalls,
    /** Tells listeners that `healingNotes.rules` changed. */
    changeSettings: () => configuration.fire({ affectsConfiguration: (s: string) => s === 'healingNotes.rules' || s === 'healingNotes' }),
    grantTrust: () => {
      workspace.isTrusted = true;
      trust.fire();
    },
  };
}
