// The editor features in the real workbench: quick fixes, override lines, the workspace rule file,
// hovers, the coverage view, the status bar, settings, and keeping the current line quiet.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { CoverageNode, GroupNode, RuleNode } from '../../src/extension/coverage';
import {
  api,
  codeActions,
  codeOf,
  diagnosticOf,
  editsFixtures,
  fixtureUri,
  healingDiagnostics,
  hoverTextAt,
  leaveSnippet as settle,
  openFixture,
  quickFix,
  ruleIdOfAction as ruleIdOf,
  runAction as run,
  screenshot,
  waitFor,
} from './helpers';

const CORE = ['explain.understanding', 'explain.fear-anger', 'explain.hopes', 'plan', 'authority.permission', 'committed.no-abandon'];

/** The text from the start of the line holding `header` to the next blank line. */
function sectionText(text: string, header: string): string {
  const start = text.indexOf(header);
  assert.ok(start >= 0, `no ${header} in the note`);
  const end = text.indexOf('\n\n', start);
  return text.slice(start, end < 0 ? undefined : end);
}

const FIXTURES = ['missing-core.note', 'partial.note'];

suite('editor', () => {
  editsFixtures(FIXTURES);

  test('quick fixes are offered for each missing core element, on its section header', async () => {
    const editor = await openFixture('missing-core.note');
    for (const ruleId of CORE) {
      const diagnostic = await diagnosticOf(editor.document.uri, ruleId);
      assert.match(editor.document.getText(diagnostic.range), /^(HPI|ASSESSMENT):$/, ruleId);
      await quickFix(editor, ruleId, /^Insert prompt: /);
      const actions = await codeActions(editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const mine = actions.filter((a) => ruleIdOf(a) === ruleId);
      const element = (await api()).diagnostics.ruleOf(editor.document, ruleId)!.title;
      const name = element.charAt(0).toLowerCase() + element.slice(1);
      assert.deepEqual(
        mine.map((a) => a.title),
        [`Insert prompt: ${name}`, `Mark ${name} as discussed, not documented…`, `Turn off “${element}” for this workspace…`],
        `${ruleId}: ${actions.map((a) => `${a.title} (${ruleIdOf(a)})`).join(', ')}`,
      );
      assert.ok(mine.every((a) => a.kind?.value === 'quickfix'));
    }
  });

  test('a prompt lands at the end of its section; filling its placeholder clears the diagnostic', async () => {
    const editor = await openFixture('missing-core.note');
    const original = editor.document.getText();
    assert.strictEqual(await run(await quickFix(editor, 'explain.understanding', "Insert prompt: patient's own explanation")), true);
    const hpi = sectionText(editor.document.getText(), 'HPI:');
    assert.match(hpi, /^HPI: 58-year-old carpenter.*Ibuprofen helps a little\.\nPatient's explanation: <cause or meaning of the illness, in the patient's words>$/s);
    // Only inserted: the original text is all still there, in order.
    assert.strictEqual(editor.document.getText().replace(/\nPatient's explanation: [^\n]*/, ''), original);
    await settle();

    // The prompt alone does not document the element.
    const api_ = await api();
    await waitFor(() => api_.diagnostics.analysisOf(editor.document)?.results.find((r) => r.ruleId === 'explain.understanding')?.status === 'missing', 5000, 'still missing');

    const text = editor.document.getText();
    const start = text.indexOf('<cause');
    const placeholder = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + "<cause or meaning of the illness, in the patient's words>".length));
    await editor.edit((b) => b.replace(placeholder, 'he believes years of kneeling on job sites wore out the knee'));
    await vscode.commands.executeCommand('cursorTop');
    await waitFor(() => healingDiagnostics(editor.document.uri, 'explain.understanding').length === 0, 15000, 'the explanation diagnostics to clear');
    assert.strictEqual(api_.diagnostics.analysisOf(editor.document)?.results.find((r) => r.ruleId === 'explain.understanding')?.status, 'documented');
  });

  test('a prompt for a section the note lacks creates the header after the assessment; one undo reverts it', async () => {
    const editor = await openFixture('missing-core.note');
    const original = editor.document.getText();
    assert.strictEqual(await run(await quickFix(editor, 'authority.permission', 'Insert prompt: shared decision')), true);
    const text = editor.document.getText();
    assert.match(text, /ASSESSMENT: Probable medial meniscus irritation or early osteoarthritis\.\n\nPLAN:\nShared decision: <options offered>; <the patient's choice and reasons, in their words>\n$/);
    await settle();
    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText() === original, 5000, 'the undo');
  });

  test('a fix computed on an older version of the note is refused', async () => {
    const editor = await openFixture('missing-core.note');
    const action = await quickFix(editor, 'explain.hopes', "Insert prompt: patient's hopes and goals");
    await editor.edit((b) => b.insert(new vscode.Position(0, 0), 'Visit type: new patient\n'));
    const edited = editor.document.getText();
    assert.strictEqual(await run(action), false);
    assert.strictEqual(editor.document.getText(), edited);
  });

  test('the source action inserts the prompts of every missing core element at once', async () => {
    const editor = await openFixture('missing-core.note');
    await diagnosticOf(editor.document.uri, 'plan');
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const actions = await codeActions(editor.document.uri, whole, 'source.healingNotes.insertAllPrompts');
    const insertAll = actions.find((a) => a.title === 'Insert Prompts for All Missing Elements');
    assert.ok(insertAll, `not among: ${actions.map((a) => a.title).join(', ')}`);
    assert.strictEqual(insertAll.kind?.value, 'source.healingNotes.insertAllPrompts');
    // Not offered among the quick fixes.
    assert.ok(!(await codeActions(editor.document.uri, whole, vscode.CodeActionKind.QuickFix.value)).some((a) => a.title === insertAll.title));

    assert.strictEqual(await run(insertAll), true);
    const text = editor.document.getText();
    assert.match(sectionText(text, 'HPI:'), /\nPatient's explanation: <.*>\nPatient's concerns: <.*>\nPatient's hopes: <.*>$/);
    // One header per section, the prompt named like it on the header line: never PLAN: then Plan:.
    assert.match(text, /\n\nPLAN: <what will be done, and why>\nShared decision: <.*>\n\nFOLLOW-UP: <when, and with whom>; <warning signs that need a call sooner>\n$/);
    const a = await api();
    await waitFor(
      // A placeholder finding speaks in its rule's words too ("No … (template placeholder left unfilled)"): its kind tells them apart.
      () => a.diagnostics.analysisOf(editor.document)?.findings.every((f) => f.kind !== 'missing' || !CORE.includes(f.ruleId)) === true,
      15000,
      'no "missing" diagnostic left',
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${healingDiagnostics(editor.document.uri).map((d) => `${codeOf(d)} ${d.message}`).join('; ')}\n${editor.document.getText()}`);
    });
    assert.ok(a.diagnostics.analysisOf(editor.document)?.findings.every((f) => f.kind !== 'missing' || !CORE.includes(f.ruleId)));
  });

  test('"Mark … as discussed, not documented" writes an override line naming the element, which the engine honours', async () => {
    const editor = await openFixture('partial.note');
    const action = await quickFix(editor, 'authority.permission', 'Mark shared decision as discussed, not documented…');
    assert.strictEqual(await run(action, 'she wants to talk it over with her husband first'), true);
    assert.match(
      editor.document.getText(),
      /sooner if black stools, vomiting blood or severe pain\.\n\[Healing Notes: shared decision discussed, not documented — she wants to talk it over with her husband first\]\n$/,
    );
    await waitFor(() => healingDiagnostics(editor.document.uri, 'authority.permission').length === 0, 15000, 'the override to silence the rule');
    const a = await api();
    assert.strictEqual(a.diagnostics.analysisOf(editor.document)?.results.find((r) => r.ruleId === 'authority.permission')?.status, 'overridden');
    const line = editor.document.getText().indexOf('[Healing Notes');
    assert.match(await hoverTextAt(editor.document.uri, editor.document.positionAt(line + 20)), /Marked as discussed, not documented:\*\* she wants to talk it over with her husband first/);
    // Marked as discussed is still expected, just not documented: the status bar keeps its denominator.
    await waitFor(() => a.statusBar.text === '$(heart) Healing 4/6', 5000, `status 4/6, not ${a.statusBar.text}`);
    assert.match(a.statusBar.tooltip ?? '', /Discussed, not documented: 1\./);
  });

  test('"Turn off … for this workspace" asks, then writes .healingnotes.json and the rule goes quiet', async () => {
    const editor = await openFixture('partial.note');
    const file = fixtureUri('.healingnotes.json');
    const action = await quickFix(editor, 'explain.hopes', 'Turn off “Patient\'s hopes and goals” for this workspace…');
    try {
      // The modal question, answered "Turn Off" (the second argument stands for the click).
      assert.strictEqual(await run(action, true), true);
      const written = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)));
      assert.deepStrictEqual(written, { rules: { 'explain.hopes': 'off' } });
      await waitFor(() => healingDiagnostics(editor.document.uri, 'explain.hopes').length === 0, 15000, 'explain.hopes to go quiet');
      assert.strictEqual(editor.document.isDirty, false, 'the note itself was not edited');
    } finally {
      await vscode.workspace.fs.delete(file);
      // A create and a delete within one file-watcher batch cancel out; reload rather than wait on the watcher.
      (await api()).packs.reloadAll();
    }
    await diagnosticOf(editor.document.uri, 'explain.hopes');
  });

  test('hover shows the skill, behavior, rationale, what counts and the evidence', async () => {
    const editor = await openFixture('partial.note');
    const missing = await diagnosticOf(editor.document.uri, 'explain.hopes');
    const onHeader = await hoverTextAt(editor.document.uri, missing.range.start);
    assert.match(onHeader, /Patient's hopes and goals/);
    assert.match(onHeader, /Let the patient explain/);
    assert.match(onHeader, /Listen for expectations and for hopes/);
    assert.match(onHeader, /What counts:/);
    assert.match(onHeader, /is the measure of a good plan/, 'the rationale');

    const evidence = editor.document.getText().indexOf('She believes it comes from');
    const onEvidence = await hoverTextAt(editor.document.uri, editor.document.positionAt(evidence + 5));
    assert.match(onEvidence, /Patient's own explanation/);
    assert.match(onEvidence, /Found in this note:/);
    assert.match(onEvidence, /“She believes it comes from the irregular meals on her split shifts\.”/);
  });

  test('the coverage view puts "Core n/6" first, missing first, then the skills without fractions, and reveals evidence', async () => {
    const a = await api();
    const editor = await openFixture('partial.note');
    await diagnosticOf(editor.document.uri, 'explain.hopes');
    await waitFor(() => a.coverage.document === editor.document, 5000, 'the view to follow the note');
    const [core, ...skills] = a.coverage.getChildren() as GroupNode[];
    const coreItem = a.coverage.getTreeItem(core);
    assert.deepStrictEqual([coreItem.label, coreItem.description, coreItem.collapsibleState], ['Core 4/6', '2 missing', vscode.TreeItemCollapsibleState.Expanded]);
    const coreRules = (a.coverage.getChildren(core) as RuleNode[]).map((r) => a.coverage.getTreeItem(r));
    assert.deepStrictEqual(
      coreRules.map((i) => [i.label, i.description, (i.iconPath as vscode.ThemeIcon).id]),
      [
        ["Patient's hopes and goals", 'missing', 'error'],
        ['Shared decision', 'missing', 'error'],
        ["Patient's own explanation", '', 'pass'],
        ["Patient's fears and concerns", '', 'pass'],
        ['Recorded plan', '', 'pass'],
        ['Follow-up and safety net', '', 'pass'],
      ],
    );
    assert.deepStrictEqual(
      skills.map((s) => s.group.key),
      ['little-things', 'listen', 'open', 'like', 'barriers', 'explain', 'authority', 'committed'],
    );
    for (const skill of skills) {
      const item = a.coverage.getTreeItem(skill);
      assert.doesNotMatch(`${item.label} ${item.description ?? ''}`, /\d+\s*\/\s*\d+/, 'no pass/fail fraction');
      assert.notStrictEqual(item.collapsibleState, vscode.TreeItemCollapsibleState.Expanded, `${item.label} is open`);
      for (const rule of a.coverage.getChildren(skill) as RuleNode[]) {
        assert.notStrictEqual(rule.rule.level, 'core', `${rule.rule.ruleId} listed twice`);
        const ruleItem = a.coverage.getTreeItem(rule);
        // Short enough to read at the default sidebar width.
        assert.ok(`${ruleItem.label} ${ruleItem.description ?? ''}`.length <= 42, String(ruleItem.label));
      }
    }
    const explanation = (a.coverage.getChildren(core) as RuleNode[]).find((r) => r.rule.ruleId === 'explain.understanding')!;
    const [quote] = a.coverage.getChildren(explanation) as CoverageNode[];
    assert.match(String(a.coverage.getTreeItem(quote).label), /^She believes it comes from/);

    // Selecting the rule reveals its first evidence.
    await vscode.commands.executeCommand('cursorTop');
    const command = a.coverage.getTreeItem(explanation).command!;
    await vscode.commands.executeCommand(command.command, ...(command.arguments ?? []));
    const selected = vscode.window.activeTextEditor!.document.getText(vscode.window.activeTextEditor!.selection);
    assert.strictEqual(selected, 'She believes it comes from the irregular meals on her split shifts.');
  });

  test('the status bar shows core elements documented out of expected, only for notes', async () => {
    const a = await api();
    const editor = await openFixture('partial.note');
    await waitFor(() => a.statusBar.text === '$(heart) Healing 4/6', 10000, `status 4/6, not ${a.statusBar.text}`);
    assert.match(a.statusBar.tooltip ?? '', /Missing: Patient's hopes and goals; Shared decision\./);
    await openFixture('README.md');
    await waitFor(() => a.statusBar.text === undefined, 5000, 'the status bar item to hide');
    await vscode.window.showTextDocument(editor.document);
    await waitFor(() => a.statusBar.text === '$(heart) Healing 4/6', 5000, 'the status bar item to come back');
  });

  test('severities follow the healingNotes.rules setting', async () => {
    const config = vscode.workspace.getConfiguration('healingNotes');
    const editor = await openFixture('partial.note');
    await diagnosticOf(editor.document.uri, 'explain.hopes');
    try {
      await config.update('rules', { rules: { 'authority.permission': 'error', 'explain.hopes': 'off' } }, vscode.ConfigurationTarget.Global);
      await waitFor(() => healingDiagnostics(editor.document.uri, 'explain.hopes').length === 0, 10000, 'explain.hopes off');
      const permission = await diagnosticOf(editor.document.uri, 'authority.permission');
      assert.strictEqual(permission.severity, vscode.DiagnosticSeverity.Error);
    } finally {
      await config.update('rules', undefined, vscode.ConfigurationTarget.Global);
    }
    await diagnosticOf(editor.document.uri, 'explain.hopes');
  });

  test('while typing, a new finding on the cursor line waits until the cursor leaves the line', async () => {
    const a = await api();
    const editor = await openFixture('partial.note');
    await diagnosticOf(editor.document.uri, 'authority.permission');
    const last = editor.document.lineCount - 1;
    assert.strictEqual(editor.document.lineAt(last).text, '');
    editor.selection = new vscode.Selection(last, 0, last, 0);
    await editor.edit((b) => b.insert(new vscode.Position(last, 0), 'Risks and benefits discussed.'));
    editor.selection = new vscode.Selection(last, 29, last, 29);
    // The boilerplate is a new "weak" finding on this line: held back, while the old "missing" one goes.
    await waitFor(() => a.diagnostics.isHoldingBack(editor.document), 10000, 'the finding to be held back');
    assert.deepStrictEqual(healingDiagnostics(editor.document.uri, 'authority.permission'), []);
    editor.selection = new vscode.Selection(0, 0, 0, 0);
    const weak = await diagnosticOf(editor.document.uri, 'authority.permission');
    assert.strictEqual(weak.range.start.line, last);
    assert.match(weak.message, /boilerplate/);
  });

  test('palette commands: the workspace rules\' own examples', async () => {
    const a = await api();
    await openFixture('partial.note');
    const results = await vscode.commands.executeCommand<{ ruleId: string; passed: boolean }[]>('healingNotes.testWorkspaceRules');
    assert.ok(Array.isArray(results));
    assert.deepStrictEqual(
      results.map((r) => r.ruleId),
      a.packs.packForFolder(vscode.workspace.workspaceFolders?.[0]).rules.map((r) => r.id),
    );
  });

  test('the walkthrough opens a copy of a sample note, which is checked', async () => {
    const editor = await vscode.commands.executeCommand<vscode.TextEditor>('healingNotes.openSample');
    assert.strictEqual(editor.document.uri.scheme, 'untitled');
    assert.strictEqual(editor.document.languageId, 'clinical-note');
    await diagnosticOf(editor.document.uri, 'plan');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });
});
