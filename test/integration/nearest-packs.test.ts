// Two clinics in one repository, in the real workbench: clinics/teen and clinics/pain each hold a
// .healingnotes.json, and each note is checked with its nearest pack, as the CLI and the language
// server do. Editing, deleting and re-creating a clinic's pack changes that clinic's notes only;
// the status bar, the coverage view, "Test Workspace Rules" and "turn off" follow the note's pack.
// Every test restores the two pack files, so the fixtures never change.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CoverageNode } from '../../src/extension/coverage';
import { api, codeOf, fixtureUri, healingDiagnostics, openFixture, quickFix, runAction, waitFor } from './helpers';

const TEEN_NOTE = 'clinics/teen/visit.note';
const PAIN_NOTE = 'clinics/pain/visits/back.note';
const TEEN_PACK = 'clinics/teen/.healingnotes.json';
const PAIN_PACK = 'clinics/pain/.healingnotes.json';
const WATCHED = ['teen.confidential', 'pain.pdmp', 'explain.hopes', 'committed.no-abandon'];

/** The note's diagnostics for the rules the two packs change, as "rule severity" lines. */
function summary(uri: vscode.Uri): string[] {
  return healingDiagnostics(uri)
    .filter((d) => WATCHED.includes(codeOf(d) ?? ''))
    .map((d) => `${codeOf(d)} ${vscode.DiagnosticSeverity[d.severity]}`)
    .sort();
}

async function expectSummary(uri: vscode.Uri, expected: string[], what: string): Promise<void> {
  const sorted = [...expected].sort();
  await waitFor(() => JSON.stringify(summary(uri)) === JSON.stringify(sorted), 15000, what).catch((error: Error) => {
    throw new Error(`${error.message}; now: ${JSON.stringify(summary(uri))}`);
  });
}

const read = async (name: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(name)));
const write = (name: string, text: string) => vscode.workspace.fs.writeFile(fixtureUri(name), new TextEncoder().encode(text));
const exists = async (name: string) => vscode.workspace.fs.stat(fixtureUri(name)).then(
  () => true,
  () => false,
);

// The packs as the fixtures hold them: the teen clinic turns explain.hopes off and adds
// teen.confidential; the pain clinic makes committed.no-abandon an error and adds pain.pdmp.
const TEEN = ['teen.confidential Error', 'committed.no-abandon Warning'];
const PAIN = ['pain.pdmp Error', 'explain.hopes Warning', 'committed.no-abandon Error'];
const BUILT_IN = ['explain.hopes Warning', 'committed.no-abandon Warning'];

suite('the nearest rule pack (two clinics in one folder)', () => {
  const originals = new Map<string, string>();

  suiteSetup(async () => {
    for (const name of [TEEN_PACK, PAIN_PACK]) originals.set(name, await read(name));
    assert.strictEqual(await exists('.healingnotes.json'), false, 'no pack at the root of the fixture workspace');
  });

  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    for (const [name, text] of originals) if (!(await exists(name)) || (await read(name)) !== text) await write(name, text);
    if (await exists('.healingnotes.json')) await vscode.workspace.fs.delete(fixtureUri('.healingnotes.json'));
    // A create and a delete within one file-watcher batch cancel out: reload rather than wait on the watcher.
    (await api()).packs.reloadAll();
  });

  test('each clinic\'s note gets its own pack: different diagnostics, status bar, coverage view and rule tests', async () => {
    const a = await api();
    const pain = await openFixture(PAIN_NOTE);
    const teen = await openFixture(TEEN_NOTE);
    await expectSummary(teen.document.uri, TEEN, 'the teen clinic\'s rules on the teen note');
    await expectSummary(pain.document.uri, PAIN, 'the pain clinic\'s rules on the pain note');
    assert.strictEqual(healingDiagnostics(teen.document.uri, 'teen.confidential')[0].message, 'No confidential time recorded in HPI');
    assert.strictEqual(a.packs.packFileFor(teen.document)?.toString(), fixtureUri(TEEN_PACK).toString());
    assert.strictEqual(a.packs.packFileFor(pain.document)?.toString(), fixtureUri(PAIN_PACK).toString(), 'from a sub-folder of the clinic');

    // The status bar says whose rules; the coverage view lists the clinic's own rule.
    await waitFor(() => /Rules: clinics\/teen\/\.healingnotes\.json\./.test(a.statusBar.tooltip ?? ''), 5000, `the teen pack in the tooltip, not ${a.statusBar.tooltip}`);
    await waitFor(() => a.coverage.document === teen.document, 5000, 'the view to follow the note');
    const ruleIds = (nodes: CoverageNode[]): string[] => nodes.flatMap((n) => (n.type === 'rule' ? [n.rule.ruleId] : n.type === 'group' ? ruleIds(a.coverage.getChildren(n)) : []));
    const shown = ruleIds(a.coverage.getChildren());
    assert.ok(shown.includes('teen.confidential') && !shown.includes('pain.pdmp'), shown.join(', '));

    // "Test Workspace Rules" runs the examples of the active note's pack.
    const results = await vscode.commands.executeCommand<{ ruleId: string; passed: boolean }[]>('healingNotes.testWorkspaceRules');
    assert.ok(results?.some((r) => r.ruleId === 'teen.confidential' && r.passed));
    assert.ok(!results?.some((r) => r.ruleId === 'pain.pdmp'));
  });

  test('editing one clinic\'s pack changes that clinic\'s notes only; deleting it hands them back to the built-in rules', async () => {
    const pain = await openFixture(PAIN_NOTE);
    const teen = await openFixture(TEEN_NOTE);
    await expectSummary(teen.document.uri, TEEN, 'the teen pack');
    await expectSummary(pain.document.uri, PAIN, 'the pain pack');

    const edited = JSON.parse(originals.get(TEEN_PACK)!);
    edited.rules['committed.no-abandon'] = 'information';
    edited.customRules[0].severity = 'warning';
    await write(TEEN_PACK, `${JSON.stringify(edited, null, 2)}\n`);
    await expectSummary(teen.document.uri, ['teen.confidential Warning', 'committed.no-abandon Information'], 'the edited teen pack');
    assert.deepStrictEqual(summary(pain.document.uri), [...PAIN].sort(), 'the pain note is not concerned');

    // A bad edit: the error shows in the clinic's pack file; its notes keep the last good pack.
    await write(TEEN_PACK, '{ "rules": { "explain.hopes": "of" } }\n');
    await waitFor(() => healingDiagnostics(fixtureUri(TEEN_PACK)).some((d) => /^rules\["explain\.hopes"\]: "of" is not allowed/.test(d.message)), 15000, 'the error in the teen pack file');
    await vscode.commands.executeCommand('healingNotes.analyzeNow');
    assert.deepStrictEqual(summary(teen.document.uri), ['committed.no-abandon Information', 'teen.confidential Warning']);

    await vscode.workspace.fs.delete(fixtureUri(TEEN_PACK));
    await expectSummary(teen.document.uri, BUILT_IN, 'the built-in rules once the teen pack is gone');
    await waitFor(() => healingDiagnostics(fixtureUri(TEEN_PACK)).length === 0, 15000, 'the pack-file errors to clear');

    // A pack created nearer the note takes over again.
    await write(TEEN_PACK, originals.get(TEEN_PACK)!);
    await expectSummary(teen.document.uri, TEEN, 'the teen pack, created again');
    assert.deepStrictEqual(summary(pain.document.uri), [...PAIN].sort());
  });

  test('a pack created in a new clinic folder is read at once: its errors show in the file before any note is opened', async () => {
    const name = 'clinics/walk-in/.healingnotes.json';
    try {
      await write(name, '{ "profile": "weekend" }\n');
      await waitFor(() => healingDiagnostics(fixtureUri(name)).some((d) => /^profile: "weekend" is not a profile/.test(d.message)), 15000, 'the error in the new pack file');
    } finally {
      await vscode.workspace.fs.delete(fixtureUri('clinics/walk-in'), { recursive: true });
    }
    await waitFor(() => healingDiagnostics(fixtureUri(name)).length === 0, 15000, 'its errors to go with the file');
  });

  test('"Turn off … for this workspace" writes to the note\'s own pack, not a new one at the root', async () => {
    const pain = await openFixture(PAIN_NOTE);
    await expectSummary(pain.document.uri, PAIN, 'the pain pack');
    const action = await quickFix(pain, 'explain.hopes', /^Turn off /);
    assert.strictEqual(await runAction(action, true), true);
    const written = JSON.parse(await read(PAIN_PACK));
    assert.strictEqual(written.rules['explain.hopes'], 'off');
    assert.strictEqual(written.rules['committed.no-abandon'], 'error', 'the rest of the pack kept');
    assert.strictEqual(written.customRules[0].id, 'pain.pdmp');
    assert.strictEqual(await exists('.healingnotes.json'), false);
    await expectSummary(pain.document.uri, ['pain.pdmp Error', 'committed.no-abandon Error'], 'explain.hopes off in the pain clinic');
  });
});
