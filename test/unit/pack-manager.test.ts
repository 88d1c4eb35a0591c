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
    for (const w of fake.watchers.filter((w) => !w.disposed && w.pattern.baseUri.path === folder.uri.path)) w.change(Uri.file(packFileOf(folder)));
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

  describe('the nearest pack file, as the CLI and the language server find it', () => {
    const docAt = (folder: WorkspaceFolder, file: string) => ({ uri: Uri.joinPath(folder.uri, file) }) as never;
    const writeAt = (folder: WorkspaceFolder, file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(folder.uri.fsPath, file)), { recursive: true });
      fs.writeFileSync(path.join(folder.uri.fsPath, file), text);
    };
    /** The folder's `**\/.healingnotes.json` watcher. */
    const folderWatcher = (folder: WorkspaceFolder) => {
      const watcher = fake.watchers.find((w) => !w.disposed && w.pattern.baseUri.path === folder.uri.path && w.pattern.pattern === '**/.healingnotes.json');
      assert.ok(watcher, 'one watcher for every pack file of the folder');
      return watcher;
    };

    it('two clinics in one folder: each note gets its own folder\'s pack, a loose note the root pack', () => {
      fake.settings.globalValue = { rules: { plan: 'hint' } };
      writeAt(a, '.healingnotes.json', json({ rules: { 'explain.hopes': 'off' } }));
      writeAt(a, 'teen/.healingnotes.json', json({ customRules: [interpreterRule({ id: 'teen.interpreter' })] }));
      writeAt(a, 'pain/.healingnotes.json', json({ rules: { plan: 'error' } }));
      const { PackManager } = loadPacks(fake);
      manager = new PackManager();
      const teen = manager.packFor(docAt(a, 'teen/visits/2026/x.note'));
      const pain = manager.packFor(docAt(a, 'pain/x.note'));
      const loose = manager.packFor(docAt(a, 'notes/x.note'));
      assert.ok(teen.rules.some((r) => r.id === 'teen.interpreter'));
      assert.equal(severity(teen, 'plan'), 'hint', 'over the settings');
      assert.notEqual(severity(teen, 'explain.hopes'), 'off', 'the nearest pack only, not the root pack too (as the CLI)');
      assert.equal(severity(pain, 'plan'), 'error');
      assert.ok(!pain.rules.some((r) => r.id === 'teen.interpreter'));
      assert.equal(severity(loose, 'explain.hopes'), 'off');
      assert.equal(severity(loose, 'plan'), 'hint');
      assert.equal(manager.packFileFor(docAt(a, 'teen/visits/2026/x.note'))?.path, path.join(a.uri.fsPath, 'teen/.healingnotes.json'));
      assert.equal(manager.packFileFor(docAt(a, 'notes/x.note'))?.path, packFileOf(a));
      assert.equal(manager.packFileFor(docAt(b, 'x.note')), undefined);
      assert.deepEqual(manager.testWorkspaceRules(docAt(a, 'teen/x.note')).filter((r) => r.ruleId === 'teen.interpreter').length, 1, 'the document\'s rules are tested');
      assert.ok(!manager.testWorkspaceRules(a as never).some((r) => r.ruleId === 'teen.interpreter'), 'a folder\'s: its root pack');
    });

    it('a nearer pack created in a sub-folder takes over, and its deletion hands back; the notes are told to check again', async () => {
      writeAt(a, '.healingnotes.json', json({ rules: { plan: 'information' } }));
      writeAt(a, 'clinic/x.note', '');
      const { PackManager } = loadPacks(fake);
      manager = new PackManager();
      let changes = 0;
      manager.onDidChange(() => changes++);
      const note = docAt(a, 'clinic/x.note');
      assert.equal(severity(manager.packFor(note), 'plan'), 'information');

      writeAt(a, 'clinic/.healingnotes.json', json({ rules: { plan: 'off' } }));
      folderWatcher(a).create(Uri.file(path.join(a.uri.fsPath, 'clinic/.healingnotes.json')));
      await sleep(150);
      assert.equal(changes, 1);
      assert.equal(severity(manager.packFor(note), 'plan'), 'off');

      writeAt(a, 'clinic/.healingnotes.json', json({ rules: { plan: 'error' } }));
      folderWatcher(a).change(Uri.file(path.join(a.uri.fsPath, 'clinic/.healingnotes.json')));
      await sleep(150);
      assert.equal(changes, 2);
      assert.equal(severity(manager.packFor(note), 'plan'), 'error');

      fs.rmSync(path.join(a.uri.fsPath, 'clinic/.healingnotes.json'));
      folderWatcher(a).remove(Uri.file(path.join(a.uri.fsPath, 'clinic/.healingnotes.json')));
      await sleep(150);
      assert.equal(changes, 3);
      assert.equal(severity(manager.packFor(note), 'plan'), 'information', 'the root pack again');
      assert.equal(manager.packFileFor(note)?.path, packFileOf(a));
    });

    it('a bad sub-folder pack: errors in that file, one notification naming it, its notes keep its last good pack', async () => {
      const sub = path.join(a.uri.fsPath, 'teen/.healingnotes.json');
      writeAt(a, 'teen/.healingnotes.json', json({ rules: { plan: 'off' } }));
      const { PackManager } = loadPacks(fake);
      manager = new PackManager();
      const note = docAt(a, 'teen/x.note');
      const good = manager.packFor(note);
      writeAt(a, 'teen/.healingnotes.json', '{ "rules": { "plan": "of" } }');
      folderWatcher(a).change(Uri.file(sub));
      await sleep(150);
      assert.equal(manager.packFor(note), good);
      assert.match(fake.diagnostics.get(sub)?.[0].message ?? '', /^rules\.plan: "of" is not allowed/);
      assert.deepEqual(fake.messages.length, 1);
      assert.match(fake.messages[0], /1 error in the rule pack teen\/\.healingnotes\.json; the previous rules stay in use\. First: teen\/\.healingnotes\.json:1:/);
      assert.match(manager.errorsForDocument(note)[0].message, /"of" is not allowed/);
      assert.deepEqual(manager.errorsFor(a as never), [], 'the root\'s notes are not concerned');
      folderWatcher(a).change(Uri.file(sub));
      await sleep(150);
      assert.equal(fake.messages.length, 1, 'one notification while it stays bad');
      writeAt(a, 'teen/.healingnotes.json', json({ rules: { plan: 'error' } }));
      folderWatcher(a).change(Uri.file(sub));
      await sleep(150);
      assert.equal(severity(manager.packFor(note), 'plan'), 'error');
      assert.deepEqual(fake.diagnostics.get(sub), []);
    });

    it('at start, every pack file of the workspace is read: a bad one in a sub-folder shows its errors before any note is opened', async () => {
      writeAt(a, 'clinics/teen/.healingnotes.json', '{ "rules": { "plan": "loud" } }');
      writeAt(a, 'node_modules/some-package/.healingnotes.json', '{ "rules": { "plan": "loud" } }');
      writeAt(a, 'clinics/pain/.healingnotes.json', json({ rules: { plan: 'off' } }));
      const { PackManager } = loadPacks(fake);
      manager = new PackManager();
      await sleep(50);
      const bad = path.join(a.uri.fsPath, 'clinics/teen/.healingnotes.json');
      assert.match(fake.diagnostics.get(bad)?.[0].message ?? '', /^rules\.plan: "loud" is not allowed/);
      assert.equal(fake.diagnostics.get(path.join(a.uri.fsPath, 'node_modules/some-package/.healingnotes.json')), undefined, 'node_modules left out');
      assert.equal(fake.messages.length, 1);
      assert.match(fake.messages[0], /the rule pack clinics\/teen\/\.healingnotes\.json/);
      assert.equal(severity(manager.packFor(docAt(a, 'clinics/pain/x.note')), 'plan'), 'off');
    });

    it('a pack file created in a sub-folder that no open note uses is read at once, so its errors show', async () => {
      const { PackManager } = loadPacks(fake);
      manager = new PackManager();
      const created = path.join(a.uri.fsPath, 'new-clinic/.healingnotes.json');
      writeAt(a, 'new-clinic/.healingnotes.json', '{ "profile": 3 }');
      folderWatcher(a).create(Uri.file(created));
      await sleep(150);
      assert.match(fake.diagnostics.get(created)?.[0].message ?? '', /^profile: /);
    });

    it('a clinic folder deleted takes its pack with it; one moved in brings its pack', async () => {
      writeAt(a, 'clinics/teen/.healingnotes.json', '{ "rules": { "plan": "loud" } }');
      const { PackManager } = loadPacks(fake);
      manager = new PackManager();
      const note = docAt(a, 'clinics/teen/x.note');
      assert.equal(manager.packFileFor(note)?.path, path.join(a.uri.fsPath, 'clinics/teen/.healingnotes.json'));
      manager.packFor(note);
      const bad = path.join(a.uri.fsPath, 'clinics/teen/.healingnotes.json');
      assert.equal(fake.diagnostics.get(bad)?.length, 1);
      const everything = fake.watchers.find((w) => !w.disposed && w.pattern.baseUri.path === a.uri.path && w.pattern.pattern === '**');
      assert.ok(everything, 'a watcher for folders');
      fs.rmSync(path.join(a.uri.fsPath, 'clinics'), { recursive: true });
      everything.remove(Uri.file(path.join(a.uri.fsPath, 'clinics')));
      await sleep(150);
      assert.deepEqual(fake.diagnostics.get(bad), [], 'its errors go');
      assert.equal(manager.packFileFor(note), undefined);

      writeAt(a, 'moved/pain/.healingnotes.json', json({ rules: { plan: 'off' } }));
      everything.create(Uri.file(path.join(a.uri.fsPath, 'moved')));
      everything.create(Uri.file(path.join(a.uri.fsPath, 'moved/pain')));
      await sleep(400);
      assert.equal(severity(manager.packFor(docAt(a, 'moved/pain/x.note')), 'plan'), 'off');
    });

    it('a sub-folder pack extending the root pack reloads when the root pack changes', async () => {
      writeAt(a, '.healingnotes.json', json({ rules: { plan: 'information' } }));
      writeAt(a, 'teen/.healingnotes.json', json({ extends: '../.healingnotes.json', rules: { 'explain.hopes': 'off' } }));
      const { PackManager } = loadPacks(fake);
      manager = new PackManager();
      const note = docAt(a, 'teen/x.note');
      assert.equal(severity(manager.packFor(note), 'plan'), 'information');
      writeAt(a, '.healingnotes.json', json({ rules: { plan: 'error' } }));
      folderWatcher(a).change(Uri.file(packFileOf(a)));
      await sleep(150);
      assert.equal(severity(manager.packFor(note), 'plan'), 'error');
      assert.equal(severity(manager.packFor(note), 'explain.hopes'), 'off');
    });

    it('settings changes reach every pack of the folder; one bad user setting is one notification, not one per folder', () => {
      writeAt(a, 'teen/.healingnotes.json', json({ rules: { 'explain.hopes': 'off' } }));
      const { PackManager } = loadPacks(fake);
      manager = new PackManager();
      const note = docAt(a, 'teen/x.note');
      assert.notEqual(severity(manager.packFor(note), 'plan'), 'hint');
      fake.settings.globalValue = { rules: { plan: 'hint' } };
      fake.changeSettings();
      assert.equal(severity(manager.packFor(note), 'plan'), 'hint');
      assert.equal(severity(manager.packFor(note), 'explain.hopes'), 'off');
      fake.settings.globalValue = { rules: { plan: 'loud' } };
      fake.changeSettings();
      assert.equal(fake.messages.length, 1, fake.messages.join('\n'));
      assert.equal(severity(manager.packFor(note), 'plan'), 'hint', 'the last good settings stay');
    });

    it('a remote folder: the nearest pack is found and read asynchronously, then the notes are checked again', async () => {
      const remote = { uri: Uri.remote(path.join(root, 'r')), name: 'r', index: 2 };
      fs.mkdirSync(path.join(root, 'r/clinic/deep'), { recursive: true });
      fs.writeFileSync(path.join(root, 'r/.healingnotes.json'), json({ rules: { plan: 'information' } }));
      fs.writeFileSync(path.join(root, 'r/clinic/.healingnotes.json'), json({ extends: './base.json', rules: { 'explain.hopes': 'off' } }));
      fs.writeFileSync(path.join(root, 'r/clinic/base.json'), json({ rules: { plan: 'error' } }));
      fake.vscode.workspace.workspaceFolders = [remote];
      const { PackManager } = loadPacks(fake);
      manager = new PackManager();
      let changes = 0;
      manager.onDidChange(() => changes++);
      const note = { uri: Uri.joinPath(remote.uri, 'clinic/deep/x.note') } as never;
      assert.equal(manager.packFor(note), defaultPack, 'the settings until the search ends');
      await sleep(100);
      assert.ok(changes >= 1);
      assert.equal(manager.packFileFor(note)?.toString(), `vscode-remote://${path.join(root, 'r/clinic/.healingnotes.json')}`);
      assert.equal(severity(manager.packFor(note), 'plan'), 'error', 'the pack and the file it extends, read remotely');
      assert.equal(severity(manager.packFor(note), 'explain.hopes'), 'off');
      manager.packForFolder(remote as never);
      await sleep(100);
      assert.equal(severity(manager.packForFolder(remote as never), 'plan'), 'information', 'the root pack, for the root\'s notes');
      assert.ok(fake.fsCalls.includes(`read ${path.join(root, 'r/clinic/base.json')}`));
    });
  });
});
