// Probe suite: checks that the test host is a real VS Code workbench with this extension loaded.
import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as vscode from 'vscode';
import { openFixture, projectRoot, screenshot } from './helpers';

const EXTENSION_ID = 'healing-notes.healing-notes';

suite('workbench smoke', () => {
  test('runs inside a real VS Code', () => {
    assert.match(vscode.version, /^\d+\.\d+\.\d+(-\S+)?$/);
  });

  test(`extension ${EXTENSION_ID} is loaded from the project`, () => {
    const ext = vscode.extensions.all.find((e) => e.id === EXTENSION_ID);
    assert.ok(ext, `not among: ${vscode.extensions.all.map((e) => e.id).join(', ')}`);
    assert.strictEqual(path.resolve(ext.extensionPath), projectRoot);
  });

  test('the extension activates', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
  });

  test('opens the fixture workspace and can screenshot it', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    assert.strictEqual(folder.uri.fsPath, path.join(projectRoot, 'test', 'fixtures', 'workspace'));

    const editor = await openFixture('README.md');
    assert.match(editor.document.getText(), /Integration-test workspace/);

    const shot = path.join(projectRoot, 'test-results', 'screenshots', 'smoke-workbench.png');
    if (await screenshot(shot)) {
      assert.ok(fs.statSync(shot).size > 1000, 'screenshot is empty');
    }
  });

  // Lets the harness itself be checked: the run must then report a failure and exit 1.
  if (process.env.HEALING_NOTES_SMOKE_FAIL === '1') {
    test('deliberate failure (HEALING_NOTES_SMOKE_FAIL=1)', () => {
      assert.fail('HEALING_NOTES_SMOKE_FAIL=1 is set');
    });
  }
});
