// Restricted mode in the real workbench: test/fixtures/restricted-workspace opened with workspace
// trust enabled and the folder not trusted. The extension still checks notes; the folder's
// .healingnotes.json may change severities and messages and add rules made of phrases, but a rule
// with a regular expression is refused (with an error in the pack file) and healingNotes.rules in
// workspace settings is ignored. Every test restores the pack file, so fixtures never change.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { HealingNotesApi } from '../../src/extension/extension';
import { api, codeOf, diagnosticOf, fixtureUri, healingDiagnostics, interpreterRule, openFixture, waitFor } from '../integration/helpers';

const EXTENSION_ID = 'healing-notes.healing-notes';
const NOTE = 'visit.note';
const PACK = '.healingnotes.json';
/** What the fixture pack makes of committed.no-abandon on the note's PLAN header. */
const CLINIC_MESSAGE = 'Clinic policy: write when to come back and whom to call, in PLAN';

function describe(uri: vscode.Uri): string {
  return JSON.stringify(healingDiagnostics(uri).map((d) => `${codeOf(d) ?? ''} ${vscode.DiagnosticSeverity[d.severity]} ${d.message}`));
}

/** Waits until the fixture pack's changes show on the note: they are the last good pack. */
async function fixturePackApplied(uri: vscode.Uri): Promise<void> {
  await waitFor(
    () => {
      const [followUp] = healingDiagnostics(uri, 'committed.no-abandon');
      const [hopes] = healingDiagnostics(uri, 'explain.hopes');
      return (
        followUp?.severity === vscode.DiagnosticSeverity.Error &&
        followUp.message === CLINIC_MESSAGE &&
        hopes?.severity === vscode.DiagnosticSeverity.Information
      );
    },
    15000,
    'the fixture pack\'s severities and message',
  ).catch((error: Error) => {
    throw new Error(`${error.message}; now: ${describe(uri)}`);
  });
}

/** The fixture pack's own changes, with the given custom rules added. */
function packWith(customRules: object[]): object {
  return {
    rules: {
      'committed.no-abandon': { severity: 'error', message: 'Clinic policy: write when to come back and whom to call, in {section}' },
      'explain.hopes': 'information',
    },
    customRules,
  };
}

/** Fixture files a test overwrote on purpose; teardown restores them. */
const written = new Set<string>();

async function writePack(content: object): Promise<string> {
  written.add(PACK);
  const text = `${JSON.stringify(content, null, 2)}\n`;
  await vscode.workspace.fs.writeFile(fixtureUri(PACK), new TextEncoder().encode(text));
  return text;
}

async function read(name: string): Promise<string> {
  return new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(name)));
}

suite('restricted mode (untrusted workspace)', () => {
  const originals = new Map<string, string>();

  suiteSetup(async () => {
    for (const name of [NOTE, PACK]) originals.set(name, await read(name));
  });

  teardown(async function () {
    for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
      await vscode.window.showTextDocument(document);
      await vscode.commands.executeCommand('workbench.action.files.revert');
    }
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    // Fixtures on disk never change: restore the pack (and the note), reload, and fail loudly if one changed.
    const changed: string[] = [];
    for (const [name, text] of originals) {
      if ((await read(name)) !== text) {
        changed.push(name);
        await vscode.workspace.fs.writeFile(fixtureUri(name), new TextEncoder().encode(text));
      }
    }
    (await api()).packs.reloadAll();
    const expected = [...written].sort();
    written.clear();
    assert.deepStrictEqual(changed.sort(), expected, `fixtures changed during "${this.currentTest?.title}"`);
  });

  test('the workspace is not trusted, and the extension is active and checks notes', async () => {
    assert.strictEqual(vscode.workspace.isTrusted, false, 'the folder should open in restricted mode');
    const editor = await openFixture(NOTE);
    assert.strictEqual(editor.document.languageId, 'clinical-note');
    const ext = vscode.extensions.getExtension<HealingNotesApi>(EXTENSION_ID);
    assert.ok(ext, 'extension not found');
    await waitFor(() => ext.isActive, 15000, 'the extension to activate');
    const plan = await diagnosticOf(editor.document.uri, 'authority.permission');
    assert.strictEqual(editor.document.getText(plan.range), 'PLAN:');
    assert.strictEqual(vscode.workspace.isTrusted, false, 'still restricted');
  });

  test('the folder\'s .healingnotes.json changes a severity and a message', async () => {
    const editor = await openFixture(NOTE);
    await fixturePackApplied(editor.document.uri);
    const [followUp] = healingDiagnostics(editor.document.uri, 'committed.no-abandon');
    assert.strictEqual(editor.document.getText(followUp.range), 'PLAN:');
    const a = await api();
    assert.deepStrictEqual(a.packs.errorsFor(vscode.workspace.workspaceFolders?.[0]), []);
    assert.deepStrictEqual(healingDiagnostics(fixtureUri(PACK)), [], 'the fixture pack has no errors');
  });

  test('healingNotes.rules in the workspace settings is not applied', async () => {
    const editor = await openFixture(NOTE);
    await fixturePackApplied(editor.document.uri);
    // .vscode/settings.json turns authority.permission off; restricted mode ignores it.
    const permission = await diagnosticOf(editor.document.uri, 'authority.permission');
    assert.strictEqual(permission.severity, vscode.DiagnosticSeverity.Warning);
    const a = await api();
    assert.notStrictEqual(a.packs.packForFolder(vscode.workspace.workspaceFolders?.[0]).rules.find((r) => r.id === 'authority.permission')?.severity, 'off');
  });

  test('a pack that writes a custom rule made of phrases: the rule is applied', async () => {
    const editor = await openFixture(NOTE);
    await fixturePackApplied(editor.document.uri);
    await writePack(packWith([interpreterRule([{ phrases: ['interpreter', 'polish-speaking nurse interpreted'] }])]));
    const interpreter = await diagnosticOf(editor.document.uri, 'clinic.interpreter');
    assert.strictEqual(interpreter.message, 'No interpreter use recorded in HPI');
    assert.strictEqual(editor.document.getText(interpreter.range), 'HPI:');
    await fixturePackApplied(editor.document.uri);
    assert.deepStrictEqual(healingDiagnostics(fixtureUri(PACK)), [], 'phrases are allowed in restricted mode');
  });

  test('a pack that writes a custom rule with a pattern: refused, no diagnostic from it, and the pack file says why', async () => {
    const a = await api();
    const folder = vscode.workspace.workspaceFolders?.[0];
    const editor = await openFixture(NOTE);
    await fixturePackApplied(editor.document.uri);
    const pattern = '(?:polish|spanish|somali)[- ]speaking (?:nurse|staff|physician) interpreted';
    const text = await writePack(packWith([interpreterRule([{ phrases: ['interpreter'] }, { pattern }])]));

    const refused = await waitFor(
      () => healingDiagnostics(fixtureUri(PACK)).find((d) => d.message.startsWith('customRules[0].evidence[1].pattern: ')),
      15000,
      'the pack-file diagnostic on the pattern',
    ).catch((error: Error) => {
      throw new Error(`${error.message}; now: ${describe(fixtureUri(PACK))}`);
    });
    assert.match(refused.message, /regular expressions from a workspace pack do not run in restricted mode \(this workspace is not trusted\)/);
    assert.match(refused.message, /use "phrases", or trust the workspace/);
    assert.strictEqual(refused.severity, vscode.DiagnosticSeverity.Error);
    const line = text.split('\n')[refused.range.start.line];
    assert.strictEqual(line.slice(refused.range.start.character, refused.range.end.character), JSON.stringify(pattern));
    assert.strictEqual(healingDiagnostics(fixtureUri(PACK)).length, 1, describe(fixtureUri(PACK)));

    // The rule is not applied: the note is checked with the last good pack, the fixture's.
    assert.ok(!a.packs.packForFolder(folder).rules.some((r) => r.id === 'clinic.interpreter'));
    await vscode.commands.executeCommand('healingNotes.analyzeNow');
    assert.deepStrictEqual(healingDiagnostics(editor.document.uri, 'clinic.interpreter'), []);
    await fixturePackApplied(editor.document.uri);
    assert.strictEqual(vscode.workspace.isTrusted, false);
  });
});
