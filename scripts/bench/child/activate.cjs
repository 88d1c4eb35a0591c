// Extension activation time with a STUB `vscode` module (for this timing only: no editor runs).
// argv: <dist/extension.js> <extension root>. Prints one JSON line.
// The stub gives what activation touches (Uri, languages, workspace events and configuration,
// commands, window, EventEmitter, Diagnostic classes); any other member resolves to an inert
// callable that returns a disposable, so that code added to activate() later still runs.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const [extensionFile, root] = process.argv.slice(2);

function inert() {
  const target = function () {};
  return new Proxy(target, {
    get(_, prop) {
      if (prop === Symbol.iterator) return function* () {};
      if (prop === 'then') return undefined;
      if (prop === Symbol.toPrimitive) return () => '';
      if (prop === 'dispose') return () => {};
      return inert();
    },
    set: () => true,
    defineProperty: () => true,
    apply: () => inert(),
    construct: () => inert(),
  });
}
const disposable = () => ({ dispose() {} });
const event = () => disposable();
class Uri {
  constructor(scheme, fsPath, fragment = '') {
    this.scheme = scheme;
    this.path = fsPath;
    this.fsPath = fsPath;
    this.fragment = fragment;
  }
  static file(p) { return new Uri('file', p); }
  static parse(s) { return new Uri('file', s); }
  static joinPath(base, ...parts) { return new Uri(base.scheme, path.posix.join(base.path, ...parts)); }
  with(change) { return Object.assign(new Uri(this.scheme, this.path, this.fragment), change); }
  toString() { return `${this.scheme}://${this.path}${this.fragment ? `#${this.fragment}` : ''}`; }
}
class EventEmitter {
  constructor() { this.listeners = []; this.event = (l) => { this.listeners.push(l); return disposable(); }; }
  fire(v) { for (const l of this.listeners) l(v); }
  dispose() { this.listeners = []; }
}
// A namespace: its listed members, `on...` events as no-op subscriptions, anything else inert.
const ns = (members) =>
  new Proxy(members, {
    get(target, prop) {
      if (prop in target) return target[prop];
      if (typeof prop === 'symbol') return undefined;
      if (/^on[A-Z]/.test(prop)) return event;
      return inert();
    },
  });
const known = {
  Uri,
  EventEmitter,
  Disposable: class { constructor(f) { this.dispose = f ?? (() => {}); } static from(...d) { return { dispose: () => d.forEach((x) => x.dispose()) }; } },
  Range: class { constructor(a, b) { this.start = a; this.end = b; } },
  Position: class { constructor(l, c) { this.line = l; this.character = c; } },
  Diagnostic: class { constructor(r, m, s) { this.range = r; this.message = m; this.severity = s; } },
  DiagnosticSeverity: { Error: 0, Warning: 1, Information: 2, Hint: 3 },
  languages: ns({ createDiagnosticCollection: () => ({ set() {}, delete() {}, clear() {}, dispose() {}, forEach() {} }) }),
  workspace: ns({
    textDocuments: [],
    workspaceFolders: undefined,
    isTrusted: true,
    getConfiguration: () => ({ get: (_k, d) => d, has: () => false, inspect: () => undefined, update: async () => {} }),
    onDidOpenTextDocument: event,
    onDidChangeTextDocument: event,
    onDidSaveTextDocument: event,
    onDidCloseTextDocument: event,
    onDidChangeConfiguration: event,
    onDidGrantWorkspaceTrust: event,
    onDidChangeWorkspaceFolders: event,
  }),
  commands: ns({ registerCommand: () => disposable(), executeCommand: async () => undefined }),
  window: ns({ activeTextEditor: undefined, visibleTextEditors: [], createOutputChannel: () => inert() }),
};
// Every other class, enum and namespace of the real API (names from @types/vscode) is inert, so that
// bundle-level code such as `vscode.CodeActionKind.Empty.append(...)` runs. esbuild's interop copies
// the module's own property names, so each name must exist on the stub itself.
try {
  const dts = fs.readFileSync(require.resolve('@types/vscode/index.d.ts', { paths: [root] }), 'utf8');
  for (const m of dts.matchAll(/^\s*export (?:class|enum|namespace|const|let|function) ([A-Za-z_]\w*)/gm)) {
    if (!(m[1] in known)) known[m[1]] = /^[a-z]/.test(m[1]) && !/^(version|env)$/.test(m[1]) ? ns({}) : inert();
  }
} catch {
  /* no @types/vscode: the listed members only */
}
known.version = '1.99.3';
const stub = new Proxy(known, {
  get(target, prop) {
    if (prop in target) return target[prop];
    if (prop === '__esModule') return false;
    if (typeof prop === 'symbol') return undefined;
    return inert();
  },
});

const STUB_ID = path.join(root, '__bench_vscode_stub__.js');
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return request === 'vscode' ? STUB_ID : resolve.call(this, request, ...rest);
};
const stubModule = new Module(STUB_ID);
stubModule.exports = stub;
stubModule.loaded = true;
require.cache[STUB_ID] = stubModule;

const memento = () => ({ get: (_k, d) => d, update: async () => {}, keys: () => [], setKeysForSync() {} });
const context = {
  subscriptions: [],
  extensionUri: Uri.file(root),
  extensionPath: root,
  asAbsolutePath: (p) => path.join(root, p),
  globalState: memento(),
  workspaceState: memento(),
  storageUri: undefined,
  globalStorageUri: Uri.file(path.join(root, '.bench-storage')),
  logUri: Uri.file(path.join(root, '.bench-log')),
  extensionMode: 1,
  extension: { id: 'healing-notes.healing-notes', extensionUri: Uri.file(root), packageJSON: {} },
  secrets: { get: async () => undefined, store: async () => {}, delete: async () => {}, onDidChange: event },
  environmentVariableCollection: inert(),
};

const t0 = performance.now();
let extension;
try {
  extension = require(extensionFile);
} catch (error) {
  const requireMs = performance.now() - t0;
  const requireError = `require() of the bundle threw: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
  process.stdout.write(JSON.stringify({ requireMs, requireError }) + '\n');
  process.exit(0);
}
const t1 = performance.now();
let activateMs;
let activateError;
try {
  const result = extension.activate(context);
  activateMs = performance.now() - t1;
  if (result && typeof result.then === 'function') activateError = 'activate() returned a promise; only its synchronous part was timed';
} catch (error) {
  activateError = `activate() needs more than the stub gives: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`;
}
process.stdout.write(JSON.stringify({ requireMs: t1 - t0, activateMs, activateError, subscriptions: context.subscriptions.length }) + '\n');
