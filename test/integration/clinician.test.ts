// Issue 15 in the real workbench: one set of actions per finding, prompts that claim nothing and
// fill unfilled lines in place, hovers that fit, word wrap for notes, the walkthrough acting on the
// last note, rule links that open the rule's documentation rendered; and the README screenshots.
import * as assert from 'assert';
import * as vscode from 'vscode';
import {
  api,
  codeActions,
  diagnosticOf,
  editsFixtures,
  healingDiagnostics,
  hoverTextAt,
  leaveSnippet,
  openFixture,
  quickFix,
  ruleIdOfAction,
  runAction,
  screenshot,
  waitFor,
} from './helpers';

const FIXTURES = ['diabetes.note', 'unfilled.note'];

/** Words that would state that something happened, was said or agreed (see test/unit/prompts.test.ts for the full list). */
const CLAIM = /\b(agree[sd]?|prefers?|believes?|wants?|declines?|return(s|ed)? in|will (return|call)|\d+ (days?|weeks?)|understands|states|discussed with|was discussed)\b/i;

function quickFixesAt(document: vscode.TextDocument, range: vscode.Range): Thenable<vscode.CodeAction[]> {
  return codeActions(document.uri, range, vscode.CodeActionKind.QuickFix.value);
}

function lineOf(document: vscode.TextDocument, prefix: string): vscode.TextLine {
  for (let i = 0; i < document.lineCount; i++) if (document.lineAt(i).text.startsWith(prefix)) return document.lineAt(i);
  throw new Error(`no line starting "${prefix}"`);
}

suite('clinician', () => {
  editsFixtures(FIXTURES);

  test('one finding offers exactly three actions, each naming its element, the prompt first', async () => {
    const editor = await openFixture('unfilled.note');
    const diagnostic = await diagnosticOf(editor.document.uri, 'authority.permission');
    assert.strictEqual(editor.document.getText(diagnostic.range), '[ ]');
    const actions = await waitFor(async () => {
      const found = await quickFixesAt(editor.document, diagnostic.range);
      return found.length ? found : undefined;
    });
    assert.deepStrictEqual(
      actions.map((a) => a.title),
      ['Insert prompt: shared decision', 'Mark shared decision as discussed, not documented…', 'Turn off “Shared decision” for this workspace…'],
    );
    assert.ok(actions.every((a) => ruleIdOfAction(a) === 'authority.permission'));
    assert.strictEqual(actions[0].isPreferred, true);
  });

  test('on a header with many findings, one group per finding: prompts first, hints offer only their prompt', async () => {
    const a = await api();
    const editor = await openFixture('diabetes.note');
    const plan = await diagnosticOf(editor.document.uri, 'plan');
    assert.strictEqual(editor.document.getText(plan.range), 'ASSESSMENT:');
    const onHeader = healingDiagnostics(editor.document.uri).filter((d) => d.range.isEqual(plan.range));
    const serious = onHeader.filter((d) => d.severity <= vscode.DiagnosticSeverity.Warning);
    assert.ok(onHeader.length >= 8 && serious.length === 3, `${onHeader.length} findings, ${serious.length} serious`);
    const actions = await quickFixesAt(editor.document, plan.range);
    const titles = actions.map((x) => x.title);
    assert.strictEqual(new Set(titles).size, titles.length, `a title twice: ${titles.join(' | ')}`);
    assert.strictEqual(actions.length, onHeader.length + 2 * serious.length, titles.join(' | '));
    const prompts = titles.filter((t) => t.startsWith('Insert prompt: '));
    assert.deepStrictEqual(titles.slice(0, prompts.length), prompts, 'prompts first');
    assert.strictEqual(titles[0], 'Insert prompt: recorded plan', 'the error first');
    for (const action of actions) {
      const rule = a.diagnostics.ruleOf(editor.document, ruleIdOfAction(action)!)!;
      assert.ok(action.title.toLowerCase().includes(rule.title.toLowerCase()), `${action.title} does not name ${rule.title}`);
    }
    const marked = titles.filter((t) => t.startsWith('Mark ')).map((t) => t.replace(/^Mark | as discussed.*$/g, ''));
    assert.deepStrictEqual(marked.sort(), ['follow-up and safety net', 'recorded plan', 'shared decision']);
  });

  test('the prompts inserted hold a label and empty placeholders only: no claim, no header written twice', async () => {
    const editor = await openFixture('diabetes.note');
    const original = editor.document.getText();
    await diagnosticOf(editor.document.uri, 'plan');
    assert.strictEqual(await vscode.commands.executeCommand('healingNotes.insertAllPrompts'), true);
    const before = new Set(original.split('\n'));
    const added = editor.document.getText().split('\n').filter((line) => !before.has(line));
    assert.deepStrictEqual(added, [
      "Patient's explanation: <cause or meaning of the illness, in the patient's words>",
      "Patient's concerns: <fears, worries or anger, in the patient's words>",
      "Patient's hopes: <hopes and goals for care, in the patient's words>",
      'PLAN: <what will be done, and why>',
      "Shared decision: <options offered>; <the patient's choice and reasons, in their words>",
      'FOLLOW-UP: <when, and with whom>; <warning signs that need a call sooner>',
    ]);
    for (const line of added) {
      assert.doesNotMatch(line, CLAIM, line);
      // A label, a colon, then only <placeholders> and separators.
      assert.match(line, /^[A-Za-z][\w '’-]*:(\s*<[^<>]+>[;,]?)*\s*$/, line);
    }
    // Only inserted: every line of the note is still there, in order.
    const now = editor.document.getText().split('\n');
    let at = 0;
    for (const line of original.split('\n')) {
      at = now.indexOf(line, at);
      assert.ok(at >= 0, `lost: ${line}`);
      at++;
    }
    // Left unfilled, they document nothing: each core element is reported once, on its own placeholder.
    const a = await api();
    await leaveSnippet();
    await waitFor(() => healingDiagnostics(editor.document.uri, 'authority.permission').some((d) => editor.document.getText(d.range).startsWith('<')), 15000, 'the prompt diagnostics');
    const analysis = a.diagnostics.analysisOf(editor.document)!;
    for (const ruleId of ['plan', 'authority.permission', 'committed.no-abandon', 'explain.understanding', 'explain.fear-anger', 'explain.hopes']) {
      assert.strictEqual(analysis.results.find((r) => r.ruleId === ruleId)!.status, 'missing', ruleId);
      assert.deepStrictEqual(analysis.findings.filter((f) => f.ruleId === ruleId).map((f) => f.kind), ['placeholder'], ruleId);
    }
    const placeholders = analysis.findings.filter((f) => f.kind === 'placeholder').map((f) => f.range.start);
    assert.strictEqual(new Set(placeholders).size, placeholders.length, 'a placeholder reported under two rules');
  });

  test('an unfilled line is filled in place; the first tab stop is the text typed, and the finding clears', async () => {
    const editor = await openFixture('unfilled.note');
    const lines = editor.document.lineCount;
    const action = await quickFix(editor, 'committed.no-abandon', 'Insert prompt: follow-up and safety net');
    assert.strictEqual(await runAction(action), true);
    assert.strictEqual(editor.document.lineCount, lines, 'no line added');
    assert.strictEqual(lineOf(editor.document, 'Follow-up:').text, 'Follow-up: <when, and with whom>; <warning signs that need a call sooner>');
    assert.strictEqual(editor.document.getText().split('Follow-up:').length, 2, 'one Follow-up line');
    // Typing replaces the first placeholder; Tab moves to the next.
    assert.strictEqual(editor.document.getText(editor.selection), '<when, and with whom>');
    await vscode.commands.executeCommand('type', { text: 'in 3 months with me' });
    await vscode.commands.executeCommand('jumpToNextSnippetPlaceholder');
    await vscode.commands.executeCommand('type', { text: 'call sooner for a reading over 180 or a severe headache' });
    await leaveSnippet();
    assert.strictEqual(lineOf(editor.document, 'Follow-up:').text, 'Follow-up: in 3 months with me; call sooner for a reading over 180 or a severe headache');
    await vscode.commands.executeCommand('cursorTop');
    await waitFor(() => healingDiagnostics(editor.document.uri, 'committed.no-abandon').length === 0, 15000, 'the follow-up finding to clear');
  });

  for (const [label, ruleId, title] of [
    ['Goals of care:', 'explain.hopes', "Insert prompt: patient's hopes and goals"],
    ['Shared decision:', 'authority.permission', 'Insert prompt: shared decision'],
  ] as const) {
    test(`"${label}" with a placeholder is filled in place, not added again`, async () => {
      const editor = await openFixture('unfilled.note');
      const lines = editor.document.lineCount;
      assert.strictEqual(await runAction(await quickFix(editor, ruleId, title)), true);
      assert.strictEqual(editor.document.lineCount, lines, 'no line added');
      assert.match(lineOf(editor.document, label).text, new RegExp(`^${label} <[^>]+>(; <[^>]+>)?$`));
      assert.strictEqual(editor.document.getText().split(label).length, 2, `one ${label} line`);
    });
  }

  test('a hover teaches one element in at most 1,200 characters and counts the rest', async () => {
    const editor = await openFixture('diabetes.note');
    const diagnostic = await diagnosticOf(editor.document.uri, 'explain.understanding');
    const onHeader = healingDiagnostics(editor.document.uri).filter((d) => d.range.isEqual(diagnostic.range));
    const text = await hoverTextAt(editor.document.uri, diagnostic.range.start);
    // Our hover only (VS Code adds the diagnostics' own messages above it).
    const ours = text.slice(text.indexOf("**Patient's own explanation**"));
    assert.ok(ours.length > 200, ours);
    assert.ok(ours.replace(/\*\*|\*/g, '').length <= 1200, `${ours.length} characters`);
    assert.strictEqual(ours.match(/What counts:/g)?.length, 1, 'one element taught');
    assert.match(ours, new RegExp(`${onHeader.length - 1} more suggestions in \\[Coverage\\]\\(command:healingNotes\\.showCoverage\\)\\*$`));
  });

  test('notes wrap their prose: word wrap is on for clinical notes only', () => {
    assert.strictEqual(vscode.workspace.getConfiguration('editor', { languageId: 'clinical-note' }).get('wordWrap'), 'on');
    assert.strictEqual(vscode.workspace.getConfiguration('editor', { languageId: 'plaintext' }).get('wordWrap'), 'off');
  });

  test('the walkthrough opens by its own command, and its buttons act on the note last active', async () => {
    const editor = await openFixture('diabetes.note');
    const original = editor.document.getText();
    await diagnosticOf(editor.document.uri, 'plan');
    await vscode.commands.executeCommand('healingNotes.openWalkthrough');
    await waitFor(() => vscode.window.activeTextEditor === undefined, 10000, 'the walkthrough to take the editor area');
    assert.strictEqual(await vscode.commands.executeCommand('healingNotes.insertAllPrompts'), true);
    assert.ok(editor.document.getText().length > original.length, 'nothing inserted');
    assert.match(editor.document.getText(), /\nShared decision: <options offered>/);
  });

  test("a diagnostic's rule link opens that rule's documentation, rendered", async () => {
    const editor = await openFixture('diabetes.note');
    const diagnostic = await diagnosticOf(editor.document.uri, 'authority.permission');
    const target = (diagnostic.code as { target: vscode.Uri }).target;
    const args = JSON.parse(decodeURIComponent(target.query)) as unknown[];
    assert.strictEqual(await vscode.commands.executeCommand(target.path, ...args), true);
    const preview = await waitFor(
      () => vscode.window.tabGroups.all.flatMap((g) => g.tabs).find((t) => t.input instanceof vscode.TabInputWebview && /markdown\.preview/.test(t.input.viewType)),
      10000,
      'a Markdown preview',
    );
    assert.match(preview.label, /authority\.permission/);
    const docs = await vscode.workspace.openTextDocument(vscode.Uri.from({ scheme: 'healing-notes-rule', path: '/authority.permission.md' }));
    assert.match(docs.getText(), /^## authority\.permission\n\n\*\*Shared decision\*\*/);
    assert.match(docs.getText(), /Shared decision: <options offered>/);
    assert.doesNotMatch(docs.getText(), /## plan\b/, 'that rule only');
  });

  suite('README screenshots', () => {
    test('the quick-fix menu on a header', async () => {
      const editor = await openFixture('diabetes.note');
      const plan = await diagnosticOf(editor.document.uri, 'plan');
      editor.selection = new vscode.Selection(plan.range.start, plan.range.start);
      editor.revealRange(plan.range, vscode.TextEditorRevealType.InCenter);
      await vscode.commands.executeCommand('editor.action.quickFix');
      await screenshot('test-results/screenshots/quick-fix.png', 1500);
      await vscode.commands.executeCommand('hideCodeActionWidget');
    });

    test('a hover on an unfilled line', async () => {
      const editor = await openFixture('unfilled.note');
      const diagnostic = await diagnosticOf(editor.document.uri, 'authority.permission');
      editor.selection = new vscode.Selection(diagnostic.range.start.translate(0, 1), diagnostic.range.start.translate(0, 1));
      await vscode.commands.executeCommand('editor.action.showHover');
      await screenshot('test-results/screenshots/hover.png', 1500);
    });

    test('the coverage view', async () => {
      const a = await api();
      const editor = await openFixture('unfilled.note');
      await diagnosticOf(editor.document.uri, 'authority.permission');
      await vscode.commands.executeCommand('healingNotes.showCoverage');
      await waitFor(() => a.coverage.document === editor.document, 5000, 'the view to follow the note');
      await vscode.window.showTextDocument(editor.document);
      await screenshot('test-results/screenshots/coverage.png', 1500);
    });
  });
});
