// PackManager (src/extension/packs.ts) against a fake `vscode` module and real files in a temporary folder.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Module = require('node:module');
import { defaultPack, type RulePack } from '../../src/engine';
import type * as Packs from '../../src/extension/packs';
import { createFakeVscode, Uri, type WorkspaceFolder } from './pack-fake-vscode';
import { interpreterRule, json } from './pack-helpers';

type Loader = { _load(request: string, parent: unknown, isMain: boolean): unknown };

/** Loads packs.ts with `vscode` resolved to the fake. */
function loadPacks(fake: ReturnType<typeof createFakeVscode>): typeof Packs {
  const loader = Module as unknown as Loader;
  const original = loader._load;
  const modulePath = require.resolve('../../src/extension/packs');
  delete require.cache[modulePath];
  loader._load = function (request, parent, isMain) {
    return request === 'vscode' ? fake.vscode : original.call(this, request, parent, isMain);
  };
  try {
    return require(modulePath) as typeof Packs;
  } finally {
    loader._load = original;
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const severity = (pack: RulePack, id: string) => pack.rules.find((r) => r.id === id)?.severity;

describe('PackManager', () => {
  let root: string;
  let fake: ReturnType<typeof createFakeVscode>;
  let manager: Packs.PackManager;
  let a: WorkspaceFolder;
  let b: WorkspaceFolder;
  const doc = (folder: WorkspaceFolder) => ({ uri: Uri.joinPath(folder.uri, 'visit.note') }) as never;
  const write = (folder: WorkspaceFolder, name: string, text: string) => fs.writeFileSync(path.join(folder.uri.fsPath, name), text);
  const packFileOf = (folder: WorkspaceFolder) => path.join(folder.uri.fsPath, '.healingnotes.json');
  /** Fires the watcher of the folder's pack file and waits past the reload delay. */
  const touch = async (folder: WorkspaceFolder) => {
    for (const w of fake.watchers.filter((w) => !w.disposed && w.pattern.baseUri.path === folder.uri.path)) w.change();
    await sleep(150);
  };

  beforeEach(() => {
    root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'hn-packs-')));
    fake = createFakeVscode();
    a = { uri: Uri.file(path.join(root, 'a')), name: 'a', index: 0 };
    b = { uri: Uri.file(path.join(root, 'b')), name: 'b', index: 1 };
    fs.mkdirSync(a.uri.fsPath);
    fs.mkdirSync(b.uri.fsPath);
    fake.vscode.workspace.workspaceFolders = [a, b];
  });

  afterEach(() => {
    manager?.dispose();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('gives each folder of a multi-root workspace its own pack, over the user settings', () => {
    fake.settings.globalValue = { rules: { plan: 'hint' } };
    write(a, '.healingnotes.json', json({ rules: { plan: 'warning' }, customRules: [interpreterRule()] }));
    const { PackManager } = loadPacks(fake);
    manager = new PackManager();
    assert.equal(severity(manager.packFor(doc(a)), 'plan'), 'warning');
    assert.ok(manager.packFor(doc(a)).rules.some((r) => r.id === 'clinic.interpreter'));
    assert.equal(severity(manager.packFor(doc(b)), 'plan'), 'hint');
    assert.equal(severity(manager.packForFolder(undefined), 'plan'), 'hint');
    assert.deepEqual(fake.messages, []);
  });

  it('keeps the last good pack on a bad edit, shows diagnostics in the file and notifies once', async () => {
    write(a, '.healingnotes.json', json({ rules: { plan: 'warning' } }));
    const { PackManager } = loadPacks(fake);
    manager = new PackManager();
    let changes = 0;
    manager.onDidChange(() => changes++);
    const good = manager.packFor(doc(a));

    write(a, '.healingnotes.json', '{\n  "rules": {\n    "plan": "warn"\n  }\n}');
    await touch(a);
    assert.equal(manager.packFor(doc(a)), good, 'the last good pack stays');
    assert.equal(changes, 0);
    const [diagnostic] = fake.diagnostics.get(packFileOf(a)) ?? [];
    assert.match(diagnostic.message, /^rules\.plan: "warn" is not allowed; did you mean "warning"\?/);
    assert.deepEqual([diagnostic.range.start.line, diagnostic.range.start.character], [2, 12]);
    assert.equal(diagnostic.source, 'Healing Notes');
    assert.equal(fake.messages.length, 1);
    assert.match(fake.messages[0], /1 error in the rule pack of "a"; the previous rules stay in use\. First: \.healingnotes\.json:3:13: rules\.plan/);

    await touch(a); // saved again, same errors: no second notification
    assert.equal(fake.messages.length, 1);

    write(a, '.healingnotes.json', json({ rules: { plan: 'off' } }));
    await touch(a);
    assert.equal(severity(manager.packFor(doc(a)), 'plan'), 'off');
    assert.deepEqual(fake.diagnostics.get(packFileOf(a)), []);
    assert.equal(changes, 1);
  });

  it('reloads on settings changes and watches the files a pack extends', async () => {
    write(a, '.healingnotes.json', json({ extends: '../shared/team.json' }));
    fs.mkdirSync(path.join(root, 'shared'));
    fs.writeFileSync(path.join(root, 'shared/team.json'), json({ rules: { plan: 'information' } }));
    const { PackManager } = loadPacks(fake);
    manager = new PackManager();
    assert.equal(severity(manager.packFor(doc(a)), 'plan'), 'information');
    const shared = fake.watchers.find((w) => !w.disposed && w.pattern.pattern === 'team.json');
    assert.ok(shared, 'the extended file is watched');
    assert.equal(shared.pattern.baseUri.path, path.join(root, 'shared'));

    fs.writeFileSync(path.join(root, 'shared/team.json'), json({ rules: { plan: 'hint' } }));
    shared.change();
    await sleep(150);
    assert.equal(severity(manager.packFor(doc(a)), 'plan'), 'hint');

    fake.settings.globalValue = { customRules: [interpreterRule()] };
    fake.changeSettings();
    assert.ok(manager.packFor(doc(b)).rules.some((r) => r.id === 'clinic.interpreter'));
  });

  it('reports settings errors in the notification only', () => {
    fake.settings.globalValue = { rules: { plan: 'loud' } };
    const { PackManager } = loadPacks(fake);
    manager = new PackManager();
    assert.equal(manager.packForFolder(undefined), defaultPack);
    assert.match(manager.errorsFor(undefined)[0].path, /^healingNotes\.rules\.rules\.plan$/);
    assert.ok(fake.messages.some((m) => m.includes('User settings: healingNotes.rules.rules.plan')));
    assert.equal([...fake.diagnostics.values()].flat().length, 0);
  });

  it('loads untrusted workspaces in restricted mode until trust is granted', () => {
    fake.vscode.workspace.isTrusted = false;
    fake.settings.workspaceValue = { rules: { plan: 'off' } };
    write(a, '.healingnotes.json', json({ customRules: [interpreterRule({ evidence: [{ pattern: 'interpret(?:er|ation)' }] })] }));
    const { PackManager } = loadPacks(fake);
    manager = new PackManager();
    assert.equal(severity(manager.packFor(doc(a)), 'plan'), 'error', 'workspace settings are not read when untrusted');
    assert.ok(!manager.packFor(doc(a)).rules.some((r) => r.id === 'clinic.interpreter'));
    assert.match(manager.errorsFor(a as never)[0].message, /restricted mode/);

    const changed: Packs.PackChangeEvent[] = [];
    manager.onDidChangePack((e) => changed.push(e));
    fake.grantTrust();
    assert.equal(severity(manager.packFor(doc(a)), 'plan'), 'off');
    assert.ok(manager.packFor(doc(a)).rules.some((r) => r.id === 'clinic.interpreter'));
    assert.deepEqual(fake.diagnostics.get(packFileOf(a)), []);
    assert.ok(changed.some((e) => e.folder === (a as never)));
  });

  it('runs the examples of a folder\'s rules', () => {
    write(a, '.healingnotes.json', json({ customRules: [interpreterRule()] }));
    const { PackManager } = loadPacks(fake);
    manager = new PackManager();
    const results = manager.testWorkspaceRules(a as never);
    assert.deepEqual(results.find((r) => r.ruleId === 'clinic.interpreter'), { ruleId: 'clinic.interpreter', passed: true, failures: [] });
    assert.equal(results.length, defaultPack.rules.length + 1, 'every rule of the layered pack is run');
  });
});
