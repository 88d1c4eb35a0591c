// Rule packs in the real workbench (trusted workspace): a .healingnotes.json written into the
// workspace folder changes the open note's diagnostics live, a custom rule's pattern runs, a bad
// pack is reported in the pack file while the last good pack stays, and deleting the file
// restores the built-in rules. Every test removes the pack file again, so fixtures never change.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { HealingNotesApi } from '../../src/extension/extension';
import { api, codeOf, fixtureUri, healingDiagnostics, interpreterRule, openFixture, waitFor } from './helpers';

const NOTE = 'packs.note';
const PACK = '.healingnotes.json';

/** The note's diagnostics for the rules these tests change, as "rule severity message" lines. */
function summary(uri: vscode.Uri): string[] {
  const watched = ['explain.hopes', 'committed.no-abandon', 'clinic.interpreter'];
  return healingDiagnostics(uri)
    .filter((d) => watched.includes(codeOf(d) ?? ''))
    .map((d) => `${codeOf(d)} ${vscode.DiagnosticSeverity[d.severity]} ${d.message}`)
    .sort();
}

/** Waits until the note's watched diagnostics are exactly `expected`. */
async function expectSummary(uri: vscode.Uri, expected: string[], what: string): Promise<void> {
  const sorted = [...expected].sort();
  await waitFor(() => JSON.stringify(summary(uri)) === JSON.stringify(sorted), 15000, what).catch((error: Error) => {
    throw new Error(`${error.message}; now: ${JSON.stringify(summary(uri))}`);
  });
}

/** Expected summaries, with the built-in messages read from the built-in pack (see suiteSetup). */
let DEFAULTS: string[];
let CHANGED: string[];
let WITH_INTERPRETER: string[];

const QUICK_CHANGES = { 'explain.hopes': 'off', 'committed.no-abandon': 'error' };

const INTERPRETER_PATTERN = '(?:polish|spanish|somali)[- ]speaking (?:nurse|staff|physician) interpreted';
const CUSTOM_PACK = { rules: QUICK_CHANGES, customRules: [interpreterRule([{ pattern: INTERPRETER_PATTERN }])] };

function packUri(): vscode.Uri {
  return fixtureUri(PACK);
}

async function writePack(content: string | object): Promise<string> {
  const text = typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`;
  await vscode.workspace.fs.writeFile(packUri(), new TextEncoder().encode(text));
  return text;
}

async function packExists(): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(packUri());
    return true;
  } catch {
    return false;
  }
}

/** Waits for our diagnostic in the pack file whose message matches `message`. */
function packDiagnostic(message: RegExp): Promise<vscode.Diagnostic> {
  return waitFor(() => healingDiagnostics(packUri()).find((d) => message.test(d.message)), 15000, `a pack-file diagnostic ${message}`).catch(
    (error: Error) => {
      throw new Error(`${error.message}; now: ${JSON.stringify(healingDiagnostics(packUri()).map((d) => d.message))}`);
    },
  );
}

/** The text a diagnostic's range covers in `text`. */
function textAt(text: string, range: vscode.Range): string {
  const lines = text.split('\n');
  assert.strictEqual(range.start.line, range.end.line, 'a one-line range');
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

/** Re-checks the active note now: its diagnostics are then computed with the pack in use. */
async function reanalyse(): Promise<void> {
  await vscode.commands.executeCommand('healingNotes.analyzeNow');
}

suite('rule packs', () => {
  let original: string;

  suiteSetup(async () => {
    original = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(NOTE)));
    assert.strictEqual(await packExists(), false, `${PACK} must not exist in the fixture workspace`);
    const builtIn = (await api()).packs.packForFolder(vscode.workspace.workspaceFolders?.[0]);
    const message = (ruleId: string, section: string) => {
      const rule = builtIn.rules.find((r) => r.id === ruleId);
      assert.ok(rule, `no built-in rule ${ruleId}`);
      return rule.message.replace('{section}', section);
    };
    // packs.note has an HPI without hopes and a PLAN without follow-up.
    DEFAULTS = [`explain.hopes Warning ${message('explain.hopes', 'HPI')}`, `committed.no-abandon Warning ${message('committed.no-abandon', 'PLAN')}`];
    CHANGED = [`committed.no-abandon Error ${message('committed.no-abandon', 'PLAN')}`];
    WITH_INTERPRETER = [...CHANGED, 'clinic.interpreter Warning No interpreter use recorded in HPI'];
  });

  teardown(async function () {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    if (await packExists()) await vscode.workspace.fs.delete(packUri());
    // A create and a delete within one file-watcher batch cancel out: reload rather than wait on the watcher.
    (await api()).packs.reloadAll();
    const now = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(NOTE)));
    if (now !== original) await vscode.workspace.fs.writeFile(fixtureUri(NOTE), new TextEncoder().encode(original));
    assert.strictEqual(now, original, `${NOTE} was saved during "${this.currentTest?.title}"`);
  });

  test('a .healingnotes.json written into the folder changes the open note\'s diagnostics, with no reload command', async () => {
    const editor = await openFixture(NOTE);
    await expectSummary(editor.document.uri, DEFAULTS, 'the built-in rules');
    await writePack({ rules: QUICK_CHANGES });
    await expectSummary(editor.document.uri, CHANGED, 'explain.hopes off and committed.no-abandon an error');
    assert.deepStrictEqual(healingDiagnostics(packUri()), [], 'a good pack has no errors');
    const a = await api();
    assert.deepStrictEqual(a.packs.errorsFor(vscode.workspace.workspaceFolders?.[0]), []);
    assert.strictEqual(editor.document.isDirty, false, 'the note itself was not edited');
  });

  test('a custom rule with a pattern reports its missing element, and its pattern counts as evidence', async () => {
    const editor = await openFixture(NOTE);
    await expectSummary(editor.document.uri, DEFAULTS, 'the built-in rules');
    await writePack(CUSTOM_PACK);
    await expectSummary(editor.document.uri, WITH_INTERPRETER, 'the clinic.interpreter diagnostic');
    const [interpreter] = healingDiagnostics(editor.document.uri, 'clinic.interpreter');
    assert.strictEqual(editor.document.getText(interpreter.range), 'HPI:');

    // Only the pattern can find this sentence ("interpreted" is not the phrase "interpreter").
    const text = editor.document.getText();
    const at = editor.document.positionAt(text.indexOf('No fever, no chest pain.') + 'No fever, no chest pain.'.length);
    assert.ok(await editor.edit((b) => b.insert(at, ' Polish-speaking nurse interpreted throughout the visit.')));
    await expectSummary(editor.document.uri, CHANGED, 'the pattern to document interpreter use');
    const a = await api();
    const result = a.diagnostics.analysisOf(editor.document)?.results.find((r) => r.ruleId === 'clinic.interpreter');
    assert.strictEqual(result?.status, 'documented');
  });

  test('bad JSON, an unknown rule id and a catastrophic pattern are errors in the pack file; the note keeps the last good pack', async () => {
    const a = await api();
    const folder = vscode.workspace.workspaceFolders?.[0];
    const editor = await openFixture(NOTE);
    await writePack(CUSTOM_PACK);
    await expectSummary(editor.document.uri, WITH_INTERPRETER, 'the good pack');
    const good = a.packs.packForFolder(folder);

    const keepsLastGood = async (what: string) => {
      // The same content, not the same object: the file watcher may reload the good pack more than once.
      assert.deepStrictEqual(a.packs.packForFolder(folder), good, `${what}: the last good pack stays in use`);
      await reanalyse();
      assert.deepStrictEqual(summary(editor.document.uri), [...WITH_INTERPRETER].sort(), `${what}: the note's diagnostics`);
      for (const d of healingDiagnostics(packUri())) assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error, d.message);
    };

    // Bad JSON: a missing comma, reported where it is missing.
    const badJson = '{\n  "rules": {\n    "explain.hopes": "off"\n    "committed.no-abandon": "error"\n  }\n}\n';
    await writePack(badJson);
    const json = await packDiagnostic(/invalid JSON/);
    assert.strictEqual(json.message, 'invalid JSON: expected "," between entries');
    assert.deepStrictEqual([json.range.start.line, json.range.start.character], [3, 4]);
    assert.strictEqual(textAt(badJson, json.range), '"committed.no-abandon"');
    await keepsLastGood('bad JSON');

    // An unknown rule id: the JSON path, the key's place, and a suggestion.
    const unknown = await writePack({ rules: { 'explain.hope': 'off', 'committed.no-abandon': 'error' } });
    const id = await packDiagnostic(/^rules\["explain\.hope"\]: /);
    assert.match(id.message, /^rules\["explain\.hope"\]: no rule "explain\.hope" in the pack; did you mean "explain\.hopes"\?/);
    assert.strictEqual(textAt(unknown, id.range), '"explain.hope"');
    await waitFor(() => !healingDiagnostics(packUri()).some((d) => /invalid JSON/.test(d.message)), 5000, 'the JSON error to go');
    await keepsLastGood('an unknown rule id');

    // A pattern that backtracks catastrophically is refused before it ever runs.
    const catastrophic = await writePack({ rules: QUICK_CHANGES, customRules: [interpreterRule([{ pattern: '(a+)+' }])] });
    const pattern = await packDiagnostic(/^customRules\[0\]\.evidence\[0\]\.pattern: /);
    assert.match(pattern.message, /"\(a\+\)\+" is refused: nested quantifier/);
    assert.strictEqual(textAt(catastrophic, pattern.range), '"(a+)+"');
    assert.strictEqual(healingDiagnostics(packUri()).length, 1, 'only the pattern error is shown');
    await keepsLastGood('a catastrophic pattern');

    // Fixing the pack clears its errors and applies it.
    await writePack({ rules: QUICK_CHANGES });
    await expectSummary(editor.document.uri, CHANGED, 'the fixed pack');
    await waitFor(() => healingDiagnostics(packUri()).length === 0, 15000, 'the pack-file errors to clear');
    assert.deepStrictEqual(a.packs.errorsFor(folder), []);
  });

  test('a pack with several errors reports them all at once, with one notification while it stays bad', async () => {
    const a = await api();
    const editor = await openFixture(NOTE);
    await writePack({ rules: QUICK_CHANGES });
    await expectSummary(editor.document.uri, CHANGED, 'the good pack');
    const before = a.packs.notifications;
    // A value the schema refuses, an unknown rule id and an unknown profile: all three on the first save.
    await writePack({ rules: { plan: 'loud', 'explain.hope': 'off' }, profile: 'weekend' });
    await packDiagnostic(/^rules\.plan: "loud" is not allowed/);
    await packDiagnostic(/^rules\["explain\.hope"\]: no rule/);
    await packDiagnostic(/^profile: "weekend" is not a profile/);
    assert.strictEqual(a.packs.notifications, before + 1, 'one notification for the bad pack');
    // Saved again with other errors: the Problems view changes, no second notification.
    await writePack({ rules: { 'explain.hopes': 'sometimes' } });
    await packDiagnostic(/^rules\["explain\.hopes"\]: "sometimes" is not allowed/);
    await waitFor(() => !healingDiagnostics(packUri()).some((d) => /weekend/.test(d.message)), 5000, 'the old errors to go');
    assert.strictEqual(a.packs.notifications, before + 1, 'still one notification');
    // Good again, then bad again: a new notification.
    await writePack({ rules: QUICK_CHANGES });
    await waitFor(() => healingDiagnostics(packUri()).length === 0, 15000, 'the pack-file errors to clear');
    await writePack({ profile: 'weekend' });
    await packDiagnostic(/^profile: /);
    assert.strictEqual(a.packs.notifications, before + 2);
  });

  test('deleting the pack file restores the built-in rules and clears its errors', async () => {
    const editor = await openFixture(NOTE);
    await writePack(CUSTOM_PACK);
    await expectSummary(editor.document.uri, WITH_INTERPRETER, 'the custom pack');
    await writePack({ rules: { 'explain.hope': 'off' } });
    await packDiagnostic(/^rules\["explain\.hope"\]: /);

    await vscode.workspace.fs.delete(packUri());
    await expectSummary(editor.document.uri, DEFAULTS, 'the built-in rules again');
    await waitFor(() => healingDiagnostics(packUri()).length === 0, 15000, 'the pack-file errors to clear');
    const a = await api();
    assert.deepStrictEqual(a.packs.errorsFor(vscode.workspace.workspaceFolders?.[0]), []);
    assert.ok(!a.packs.packForFolder(vscode.workspace.workspaceFolders?.[0]).rules.some((r) => r.id === 'clinic.interpreter'));
  });
});
