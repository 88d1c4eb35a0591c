// Diagnostics from the real extension in the real workbench: open a note without a plan, then write one.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { healingDiagnostics, openFixture, waitFor } from './helpers';



suite('diagnostics', () => {
  teardown(async () => {
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a .note file opens as a clinical note', async () => {
    const editor = await openFixture('no-plan.note');
    assert.strictEqual(editor.document.languageId, 'clinical-note');
  });

  test('a note with an empty plan shows the plan diagnostic on the PLAN header', async () => {
    const editor = await openFixture('no-plan.note');
    const [plan] = await waitFor(() => {
      const found = healingDiagnostics(editor.document.uri, 'plan');
      return found.length ? found : undefined;
    }, 15000, 'the plan diagnostic');
    assert.strictEqual(plan.severity, vscode.DiagnosticSeverity.Error);
    assert.strictEqual(editor.document.getText(plan.range), 'PLAN:');
    assert.match(plan.message, /No recorded plan/);
    const code = plan.code as { value: string; target: vscode.Uri };
    assert.strictEqual(code.value, 'plan');
    // The rule id links to a command that shows the rule's own documentation, rendered.
    assert.strictEqual(code.target.scheme, 'command');
    assert.strictEqual(code.target.path, 'healingNotes.openRuleDocs');
    assert.deepStrictEqual(JSON.parse(decodeURIComponent(code.target.query)), ['plan']);
  });

  test('writing a plan clears the diagnostic', async () => {
    const editor = await openFixture('no-plan.note');
    await waitFor(() => healingDiagnostics(editor.document.uri, 'plan').length > 0, 15000, 'the plan diagnostic');
    const text = editor.document.getText();
    const end = editor.document.positionAt(text.indexOf('PLAN:') + 'PLAN:'.length);
    const edited = await editor.edit((edit) => edit.insert(end, ' Start penicillin V 500 mg twice a day for 10 days.'));
    assert.ok(edited, 'edit was not applied');
    await waitFor(() => healingDiagnostics(editor.document.uri, 'plan').length === 0, 15000, 'the plan diagnostic to clear');
  });
});
