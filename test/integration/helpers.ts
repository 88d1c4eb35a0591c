// Helpers for integration tests that run inside the VS Code extension host.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import type { HealingNotesApi } from '../../src/extension/extension';
import { interpreterRule as customInterpreterRule } from '../unit/pack-helpers';

/** Project root: this file is compiled to out/test/integration/helpers.js. */
export const projectRoot = path.resolve(__dirname, '..', '..', '..');

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Polls `predicate` until it returns a truthy value and returns that value.
 * Rejects after `timeoutMs`, with the last error the predicate threw, if any.
 */
export async function waitFor<T>(
  predicate: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 10000,
  what = 'condition',
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const value = await predicate();
      if (value) return value;
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const reason = lastError instanceof Error ? `: ${lastError.message}` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${reason}`);
    }
    await sleep(50);
  }
}

/** URI of a file inside the first workspace folder (test/fixtures/workspace). */
export function fixtureUri(relPath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('No workspace folder is open; the test host should open test/fixtures/workspace');
  return vscode.Uri.joinPath(folder.uri, ...relPath.split(/[\\/]/));
}

/** Opens a file of the workspace folder in a (non-preview) editor and returns the editor. */
export async function openFixture(relPath: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument(fixtureUri(relPath));
  return vscode.window.showTextDocument(doc, { preview: false });
}

/**
 * Asks the code-server driver (scripts/run-workbench-tests.mjs) for a screenshot of the
 * workbench, saved as PNG at `target` (relative paths are resolved against the project root).
 * Resolves true once the file is written, false when not running under that driver
 * (e.g. under @vscode/test-electron), where no browser page exists to capture.
 * Screenshots must be taken during a test: once run() settles the extension host exits
 * and its decorations and diagnostics vanish from the page.
 */
export async function screenshot(target: string, settleMs = 500, timeoutMs = 20000): Promise<boolean> {
  const results = process.env.VSCODE_TEST_RESULTS;
  if (!results || process.env.HEALING_NOTES_WORKBENCH_DRIVER !== '1') return false;
  const request = `${results}.shot-req`;
  const done = `${results}.shot-done`;
  // Give the renderer a moment to paint what the test just changed.
  await sleep(settleMs);
  fs.rmSync(done, { force: true });
  fs.writeFileSync(`${request}.tmp`, path.resolve(projectRoot, target));
  fs.renameSync(`${request}.tmp`, request);
  const status = await waitFor(
    () => (fs.existsSync(done) ? fs.readFileSync(done, 'utf8') || 'ok' : undefined),
    timeoutMs,
    `screenshot ${target}`,
  );
  fs.rmSync(done, { force: true });
  if (status !== 'ok') throw new Error(`Screenshot ${target} failed: ${status}`);
  return true;
}

export const EXTENSION_ID = 'healing-notes.healing-notes';
const SOURCE = 'Healing Notes';

/** The extension's exported API, activating it if needed. */
export async function api(): Promise<HealingNotesApi> {
  const ext = vscode.extensions.getExtension<HealingNotesApi>(EXTENSION_ID);
  if (!ext) throw new Error(`extension ${EXTENSION_ID} not found`);
  return ext.activate();
}

/** A diagnostic's rule id. */
export function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** This extension's diagnostics on `uri`, optionally of one rule. */
export function healingDiagnostics(uri: vscode.Uri, ruleId?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && (ruleId === undefined || codeOf(d) === ruleId));
}

/** Waits for the first diagnostic of `ruleId` on `uri`. */
export function diagnosticOf(uri: vscode.Uri, ruleId: string): Promise<vscode.Diagnostic> {
  return waitFor(() => healingDiagnostics(uri, ruleId)[0], 15000, `the ${ruleId} diagnostic`);
}

/** A clinic rule (docs/customizing.md) whose only evidence is `evidence`. */
export function interpreterRule(evidence: object[]): object {
  return customInterpreterRule({
    counts: 'An interpreter named by language and role.',
    evidence,
    prompt: { label: 'Interpreter', snippet: '${1:<language>} interpreter', sections: ['hpi'], createSection: 'HPI' },
    examples: {
      documented: ['HPI: Polish-speaking nurse interpreted throughout the visit.'],
      missing: ['HPI: Cough for three days.', 'HPI: Polish-speaking nurse was on leave.'],
    },
  });
}

/** The code actions VS Code's providers give for a range (optionally of one kind). */
export async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

/** The rule an action of ours is for, from its command's arguments (actions from executeCodeActionProvider carry no diagnostics). */
export function ruleIdOfAction(action: vscode.CodeAction): string | undefined {
  const [args] = action.command?.arguments ?? [];
  return typeof args === 'object' && args !== null && typeof args.ruleId === 'string' ? args.ruleId : undefined;
}

/** Our quick fix for one rule's diagnostic, by title. */
export async function quickFix(editor: vscode.TextEditor, ruleId: string, title: string | RegExp): Promise<vscode.CodeAction> {
  let seen: string[] = [];
  // Diagnostics published before the latest edit (or revert) may sit on a stale range: ask again until they are current.
  return waitFor(
    async () => {
      const diagnostic = healingDiagnostics(editor.document.uri, ruleId)[0];
      if (!diagnostic) return undefined;
      const actions = await codeActions(editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      seen = actions.map((a) => a.title);
      return actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)) && ruleIdOfAction(a) === ruleId);
    },
    15000,
    `"${title}" for ${ruleId}`,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; offered: ${seen.join(', ')}`);
  });
}

/** Runs a code action's command, with extra arguments (a reason, a confirmation) appended. */
export async function runAction(action: vscode.CodeAction, ...extra: unknown[]): Promise<unknown> {
  if (!action.command) throw new Error(`${action.title} has no command`);
  return vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []), ...extra);
}

/** Leaves snippet mode, so the next edit is a plain one. */
export async function leaveSnippet(): Promise<void> {
  await vscode.commands.executeCommand('leaveSnippet');
}

/**
 * Reverts every dirty document. Closing a dirty editor during tests answers VS Code's
 * "save changes?" prompt with Save, so each one must be reverted first.
 */
export async function revertAll(): Promise<void> {
  await leaveSnippet();
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    if (document.isDirty) console.log(`still dirty after revert: ${document.uri.toString()}`);
  }
}

/** The text of the hovers at a position, as shown: markdown escapes removed. */
export async function hoverTextAt(uri: vscode.Uri, position: vscode.Position): Promise<string> {
  const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', uri, position);
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n')
    .replace(/\\(.)/g, '$1');
}

/** Fixture files of the workspace the editing suites change and restore; a test that saves one fails. */
class FixtureGuard {
  private readonly originals = new Map<string, string>();

  constructor(private readonly names: readonly string[]) {}

  async record(): Promise<void> {
    for (const name of this.names) this.originals.set(name, new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(name))));
  }

  /** Reverts and closes everything; restores any fixture that changed on disk and returns their names. */
  async restore(): Promise<string[]> {
    await revertAll();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    const changed: string[] = [];
    for (const [name, text] of this.originals) {
      const now = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(name)));
      if (now !== text) {
        changed.push(name);
        await vscode.workspace.fs.writeFile(fixtureUri(name), new TextEncoder().encode(text));
      }
    }
    return changed;
  }
}

/**
 * For a suite whose tests edit the given fixtures: auto-save off; after each test every editor
 * reverted and closed, and a fixture that was saved by mistake restored, failing that test.
 */
export function editsFixtures(names: readonly string[]): void {
  const fixtures = new FixtureGuard(names);
  suiteSetup(async () => {
    // The web workbench saves after a delay by default; these tests edit fixtures and revert them.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    await fixtures.record();
  });
  teardown(async function () {
    assert.deepStrictEqual(await fixtures.restore(), [], `fixtures were saved during "${this.currentTest?.title}"`);
  });
}
