// Helpers for integration tests that run inside the VS Code extension host.
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
    prompt: { label: 'Insert interpreter use', snippet: 'Interpreter: ${1:<language>} interpreter', sections: ['hpi'], createSection: 'HPI' },
    examples: {
      documented: ['HPI: Polish-speaking nurse interpreted throughout the visit.'],
      missing: ['HPI: Cough for three days.', 'HPI: Polish-speaking nurse was on leave.'],
    },
  });
}
