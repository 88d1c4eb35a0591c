// Privacy in the real workbench: a note with a canary string is checked, hovered, fixed and re-checked,
// and meanwhile the extension opens no connection, and no console line or log file gets the note's text.
// The network functions are patched inside this extension host: they are the module instances the
// extension uses. Calls are charged to the extension when its code is on the stack.
import * as assert from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { waitFor } from './helpers';

const EXTENSION_ID = 'healing-notes.healing-notes';
const SOURCE = 'Healing Notes';
const CANARY = 'CANARY-7f3a9';
const CANARY_RE = /canary-7f3a9|7f3a9/i;

const CANARY_NOTE = [
  'Visit type: follow-up',
  `CHIEF COMPLAINT: ${CANARY} cough.`,
  `HPI: ${CANARY} is a 54-year-old man with a cough. She is worried it is ${CANARY}. He thinks it came from ${CANARY}.`,
  `Patient's understanding: <${CANARY}> ***`,
  `[Healing Notes: explain.hopes discussed, not documented — ${CANARY} asked to wait]`,
  `ASSESSMENT: ${CANARY}.`,
  'PLAN:',
  '',
].join('\n');

interface NetworkCall {
  api: string;
  target: string;
  stack: string;
}

/** Replaces functions on objects and puts them back. */
class Patches {
  private readonly undo: (() => void)[] = [];

  wrap(owner: object | undefined, name: string, onCall: (args: unknown[]) => void): void {
    const target = owner as Record<string, unknown> | undefined;
    const original = target?.[name];
    if (!target || typeof original !== 'function' || (original as { __privacyProbe?: boolean }).__privacyProbe) return;
    const wrapped = function (this: unknown, ...args: unknown[]) {
      try {
        onCall(args);
      } catch {
        // Recording must never break the workbench.
      }
      return new.target ? Reflect.construct(original as new (...a: unknown[]) => unknown, args, new.target) : (original as (...a: unknown[]) => unknown).apply(this, args);
    };
    Object.defineProperty(wrapped, '__privacyProbe', { value: true });
    const descriptor = Object.getOwnPropertyDescriptor(target, name);
    try {
      Object.defineProperty(target, name, { value: wrapped, configurable: true, writable: true, enumerable: descriptor?.enumerable ?? true });
      // An inherited function is shadowed: deleting the own property undoes it.
      this.undo.push(() => (descriptor ? Object.defineProperty(target, name, descriptor) : delete target[name]));
    } catch {
      // A frozen property: the lower-level patches (Socket.prototype.connect) still see the call.
    }
  }

  restore(): void {
    for (const undo of this.undo.reverse()) {
      try {
        undo();
      } catch {
        // Best effort.
      }
    }
    this.undo.length = 0;
  }
}

function describeTarget(args: unknown[]): string {
  const [first, second] = args;
  if (typeof first === 'string' || first instanceof URL) return String(first);
  if (first && typeof first === 'object') {
    const o = first as Record<string, unknown>;
    if (o.path && typeof o.path === 'string') return `pipe ${o.path}`;
    return `${o.host ?? o.hostname ?? '?'}:${o.port ?? '?'}`;
  }
  if (typeof first === 'number') return `${typeof second === 'string' ? second : 'localhost'}:${first}`;
  return '?';
}

/** Every file under `dir`, recursively, skipping folders named in `skip`. */
function filesUnder(dir: string, skip: readonly string[]): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return skip.includes(entry.name) ? [] : filesUnder(full, skip);
    return entry.isFile() ? [full] : [];
  });
}

function healingDiagnostics(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

/** Whether `before` is a subsequence of `after`: an edit that only inserted text. */
function onlyInserted(before: string, after: string): boolean {
  let i = 0;
  for (let j = 0; i < before.length && j < after.length; j++) if (before[i] === after[j]) i++;
  return i === before.length;
}

suite('privacy', () => {
  const patches = new Patches();
  const calls: NetworkCall[] = [];
  const consoleLines: string[] = [];
  let extensionCode: string[] = [];
  let dir: string;
  let noteUri: vscode.Uri;

  suiteSetup(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed');
    await extension.activate();
    // The extension's code, bundled or (with source maps applied to stacks) as sources.
    extensionCode = [path.join(extension.extensionPath, 'dist') + path.sep, path.join(extension.extensionPath, 'src') + path.sep];

    const record = (api: string) => (args: unknown[]) => calls.push({ api, target: describeTarget(args), stack: new Error().stack ?? '' });
    // `http` as this file and the extension see it (the host may hand extensions a proxy-aware copy), and the real module.
    for (const id of ['http', 'https', 'node:http', 'node:https']) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const mod = require(id);
      patches.wrap(mod, 'request', record(`${id}.request`));
      patches.wrap(mod, 'get', record(`${id}.get`));
    }
    for (const id of ['net', 'node:net']) {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const net = require(id);
      patches.wrap(net, 'connect', record('net.connect'));
      patches.wrap(net, 'createConnection', record('net.createConnection'));
      patches.wrap(net.Socket?.prototype, 'connect', record('net.Socket.connect'));
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    patches.wrap(require('tls'), 'connect', record('tls.connect'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    patches.wrap(require('dgram'), 'createSocket', record('dgram.createSocket'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const dns = require('dns');
    patches.wrap(dns, 'lookup', record('dns.lookup'));
    patches.wrap(dns, 'resolve', record('dns.resolve'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const childProcess = require('child_process');
    for (const name of ['spawn', 'exec', 'execFile', 'fork']) patches.wrap(childProcess, name, record(`child_process.${name}`));
    patches.wrap(globalThis, 'fetch', record('fetch'));
    patches.wrap(globalThis, 'WebSocket', record('WebSocket'));
    for (const method of ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const) {
      patches.wrap(console, method, (args) => consoleLines.push(args.map((a) => (typeof a === 'string' ? a : String(a))).join(' ')));
    }

    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hn-privacy-'));
    const file = path.join(dir, 'visit.note');
    fs.writeFileSync(file, CANARY_NOTE);
    noteUri = vscode.Uri.file(file);
  });

  suiteTeardown(async () => {
    patches.restore();
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  test('the probes see connections made in this host', async () => {
    const port = 9; // discard: nothing listens, the attempts fail at once
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('http').request({ host: '127.0.0.1', port }).on('error', () => undefined).end();
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    require('net').connect(port, '127.0.0.1').on('error', () => undefined);
    if (typeof fetch === 'function') await fetch(`http://127.0.0.1:${port}/`).catch(() => undefined);
    const seen = new Set(calls.filter((c) => c.stack.includes(__filename.replace(/\.js$/, ''))).map((c) => c.api));
    for (const api of ['http.request', 'net.connect', 'net.Socket.connect', ...(typeof fetch === 'function' ? ['fetch'] : [])]) assert.ok(seen.has(api), `${api} was not recorded (saw ${[...seen].join(', ')})`);
    calls.length = 0;
  });

  test('checking, hovering, fixing and re-checking a note: only insertions, nothing leaves, nothing logged', async () => {
    const document = await vscode.workspace.openTextDocument(noteUri);
    const editor = await vscode.window.showTextDocument(document, { preview: false });
    assert.strictEqual(document.languageId, 'clinical-note');
    const diagnostics = await waitFor(() => {
      const found = healingDiagnostics(noteUri);
      return found.length ? found : undefined;
    }, 15000, 'Healing Notes diagnostics on the canary note');
    for (const d of diagnostics) assert.ok(!CANARY_RE.test(d.message), `the ${String(typeof d.code === 'object' ? d.code.value : d.code)} diagnostic quotes the note`);

    await vscode.commands.executeCommand('healingNotes.analyzeNow');
    await vscode.commands.executeCommand('healingNotes.showCoverage');

    // Hovers over every finding and over the evidence sentences.
    const text = document.getText();
    const positions = [...diagnostics.map((d) => d.range.start), document.positionAt(text.indexOf('worried')), document.positionAt(text.indexOf('thinks')), document.positionAt(text.indexOf('[Healing Notes') + 2)];
    for (const position of positions) await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', noteUri, position);

    // Quick fixes: every edit they carry is an insertion; running the insert-prompt fix only adds text.
    const actions: vscode.CodeAction[] = [];
    for (const d of diagnostics) actions.push(...((await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', noteUri, d.range)) ?? []));
    actions.push(...((await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', noteUri, new vscode.Range(0, 0, 0, 0), 'source.healingNotes.insertAllPrompts')) ?? []));
    assert.ok(actions.length > 0, 'code actions are offered');
    for (const action of actions) {
      for (const [, edits] of action.edit?.entries() ?? []) {
        for (const edit of edits) assert.ok(edit.range.isEmpty, `'${action.title}' replaces text instead of inserting`);
      }
    }
    const insert = actions.find((a) => a.command?.command === 'healingNotes.insertPrompt');
    if (insert?.command) {
      const before = document.getText();
      await vscode.commands.executeCommand(insert.command.command, ...(insert.command.arguments ?? []));
      await waitFor(() => document.getText() !== before, 5000, 'the prompt to be inserted');
      assert.ok(onlyInserted(before, document.getText()), `'${insert.title}' removed or changed note text`);
    }
    const insertAll = actions.find((a) => a.command?.command === 'healingNotes.insertAllPrompts');
    if (insertAll?.command) {
      const before = document.getText();
      await vscode.commands.executeCommand(insertAll.command.command, ...(insertAll.command.arguments ?? []));
      await new Promise((resolve) => setTimeout(resolve, 500));
      assert.ok(onlyInserted(before, document.getText()), `'${insertAll.title}' removed or changed note text`);
    }

    // Typing re-checks the note after the debounce.
    const typed = await editor.edit((edit) => edit.insert(document.positionAt(document.getText().length), `Follow up in 2 weeks. ${CANARY}\n`));
    assert.ok(typed, 'the edit was applied');
    await new Promise((resolve) => setTimeout(resolve, 1000));
    await vscode.commands.executeCommand('healingNotes.analyzeNow');

    // Nothing left through the network from the extension's code.
    const fromExtension = calls.filter((c) => extensionCode.some((p) => c.stack.includes(p)));
    assert.deepStrictEqual(fromExtension.map((c) => `${c.api} ${c.target}`), [], 'network or process calls from the extension');
    const others = calls.map((c) => `${c.api} ${c.target.slice(0, 60)}`);
    console.log(`      privacy: none from the extension; ${calls.length} by VS Code itself${others.length ? `: ${others.join('; ')}` : ''}`);

    // No console line carries the note's text.
    assert.ok(!consoleLines.some((line) => CANARY_RE.test(line)), 'a console line carries note text');
  });

  test('no log file of the workbench or the server holds the note text', async function () {
    const results = process.env.VSCODE_TEST_RESULTS;
    if (!results || process.env.HEALING_NOTES_WORKBENCH_DRIVER !== '1') {
      this.skip(); // Only the code-server driver tells where its user data and logs are.
      return;
    }
    // Give the log writers a moment to flush.
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const root = path.dirname(results);
    const files = filesUnder(root, ['extensions', 'node_modules', 'CachedData', 'CachedProfilesData']).filter((f) => !f.startsWith(dir));
    const logs = files.filter((f) => /\.log$|[/\\]logs[/\\]/.test(f));
    assert.ok(logs.length > 0, `no log files found under ${root}`);
    const holding = files.filter((f) => {
      try {
        const stat = fs.statSync(f);
        return stat.size < 50_000_000 && CANARY_RE.test(fs.readFileSync(f, 'latin1'));
      } catch {
        return false;
      }
    });
    console.log(`      privacy: ${files.length} files of the test host scanned (${logs.length} logs)`);
    // VS Code itself keeps copies of the notes a user edits: unsaved text for hot exit (Backups) and local
    // history (User/History, on save and revert). Those are VS Code's, not logs; docs/privacy.md says how to turn them off.
    const notLogs = (f: string) => /[/\\](Backups|User[/\\]History)[/\\]/.test(f);
    assert.deepStrictEqual(holding.filter((f) => !notLogs(f)).map((f) => path.relative(root, f)), [], 'files holding note text');
  });
});
