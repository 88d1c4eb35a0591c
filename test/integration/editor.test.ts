// The editor features in the real workbench: quick fixes, override lines, the workspace rule file,
// hovers, the coverage view, the status bar, settings, and keeping the current line quiet.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { HealingNotesApi } from '../../src/extension/extension';
import type { CoverageNode, RuleNode, SkillNode } from '../../src/extension/coverage';
import { api, codeOf, diagnosticOf, fixtureUri, healingDiagnostics, openFixture, screenshot, waitFor } from './helpers';

const CORE = ['explain.understanding', 'explain.fear-anger', 'explain.hopes', 'plan', 'authority.permission', 'committed.no-abandon'];

async function codeActions(uri: vscode.Uri, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, range, kind)) ?? [];
}

/** Our quick fix for one rule's diagnostic, by title. */
async function quickFix(editor: vscode.TextEditor, ruleId: string, title: string | RegExp): Promise<vscode.CodeAction> {
  let seen: string[] = [];
  // Diagnostics published before the latest edit (or revert) may sit on a stale range: ask again until they are current.
  return waitFor(
    async () => {
      const diagnostic = healingDiagnostics(editor.document.uri, ruleId)[0];
      if (!diagnostic) return undefined;
      const actions = await codeActions(editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      seen = actions.map((a) => a.title);
      return actions.find((a) => (typeof title === 'string' ? a.title === title : title.test(a.title)) && ruleIdOf(a) === ruleId);
    },
    15000,
    `"${title}" for ${ruleId}`,
  ).catch((error: Error) => {
    throw new Error(`${error.message}; offered: ${seen.join(', ')}`);
  });
}

/** The rule an action is for, from its command's arguments (actions from executeCodeActionProvider carry no diagnostics). */
function ruleIdOf(action: vscode.CodeAction): string | undefined {
  const [args] = action.command?.arguments ?? [];
  return typeof args === 'object' && args !== null && typeof args.ruleId === 'string' ? args.ruleId : undefined;
}

async function run(action: vscode.CodeAction, ...extra: unknown[]): Promise<unknown> {
  assert.ok(action.command, `${action.title} has no command`);
  return vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []), ...extra);
}

async function settle(): Promise<void> {
  await vscode.commands.executeCommand('leaveSnippet');
}

/** The text from the start of the line holding `header` to the next blank line. */
function sectionText(text: string, header: string): string {
  const start = text.indexOf(header);
  assert.ok(start >= 0, `no ${header} in the note`);
  const end = text.indexOf('\n\n', start);
  return text.slice(start, end < 0 ? undefined : end);
}

/**
 * Reverts every dirty document. Closing a dirty editor during tests answers VS Code's
 * "save changes?" prompt with Save, so each one must be reverted first.
 */
async function revertAll(): Promise<void> {
  await settle();
  for (const document of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
    await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    if (document.isDirty) console.log(`still dirty after revert: ${document.uri.toString()}`);
  }
}

const FIXTURES = ['missing-core.note', 'partial.note'];

suite('editor', () => {
  const originals = new Map<string, string>();

  suiteSetup(async () => {
    // The web workbench saves after a delay by default; these tests edit fixtures and revert them.
    await vscode.workspace.getConfiguration('files').update('autoSave', 'off', vscode.ConfigurationTarget.Global);
    for (const name of FIXTURES) originals.set(name, new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(name))));
  });

  teardown(async function () {
    await revertAll();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('notifications.clearAll');
    // Fixtures on disk never change; restore and fail loudly if one did.
    const changed: string[] = [];
    for (const [name, text] of originals) {
      const now = new TextDecoder().decode(await vscode.workspace.fs.readFile(fixtureUri(name)));
      if (now !== text) {
        changed.push(name);
        await vscode.workspace.fs.writeFile(fixtureUri(name), new TextEncoder().encode(text));
      }
    }
    assert.deepStrictEqual(changed, [], `fixtures were saved during "${this.currentTest?.title}"`);
  });

  test('quick fixes are offered for each missing core element, on its section header', async () => {
    const editor = await openFixture('missing-core.note');
    for (const ruleId of CORE) {
      const diagnostic = await diagnosticOf(editor.document.uri, ruleId);
      assert.match(editor.document.getText(diagnostic.range), /^(HPI|ASSESSMENT):$/, ruleId);
      await quickFix(editor, ruleId, /^Insert /);
      const actions = await codeActions(editor.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value);
      const mine = actions.filter((a) => ruleIdOf(a) === ruleId);
      assert.deepEqual(
        mine.map((a) => a.title).slice(1),
        ['Mark as discussed, not documented…', 'Turn off this rule for this workspace'],
        `${ruleId}: ${actions.map((a) => `${a.title} (${ruleIdOf(a)})`).join(', ')}`,
      );
      assert.match(mine[0].title, /^Insert /, ruleId);
      assert.strictEqual(mine[0].isPreferred, true);
      assert.ok(mine.every((a) => a.kind?.value === 'quickfix'));
    }
  });

  test('a prompt lands at the end of its section; filling its placeholder clears the diagnostic', async () => {
    const editor = await openFixture('missing-core.note');
    const original = editor.document.getText();
    assert.strictEqual(await run(await quickFix(editor, 'explain.understanding', "Insert the patient's own explanation")), true);
    const hpi = sectionText(editor.document.getText(), 'HPI:');
    assert.match(hpi, /^HPI: 58-year-old carpenter.*Ibuprofen helps a little\.\nPatient's understanding: she believes <cause or meaning, in their words>$/s);
    // Only inserted: the original text is all still there, in order.
    assert.strictEqual(editor.document.getText().replace(/\nPatient's understanding: [^\n]*/, ''), original);
    await settle();

    // The prompt alone does not document the element.
    const api_ = await api();
    await waitFor(() => api_.diagnostics.analysisOf(editor.document)?.results.find((r) => r.ruleId === 'explain.understanding')?.status === 'missing', 5000, 'still missing');

    const text = editor.document.getText();
    const start = text.indexOf('she believes <cause');
    const placeholder = new vscode.Range(editor.document.positionAt(start), editor.document.positionAt(start + 'she believes <cause or meaning, in their words>'.length));
    await editor.edit((b) => b.replace(placeholder, 'he believes years of kneeling on job sites wore out the knee'));
    await vscode.commands.executeCommand('cursorTop');
    await waitFor(() => healingDiagnostics(editor.document.uri, 'explain.understanding').length === 0, 15000, 'the explanation diagnostics to clear');
    assert.strictEqual(api_.diagnostics.analysisOf(editor.document)?.results.find((r) => r.ruleId === 'explain.understanding')?.status, 'documented');
  });

  test('a prompt for a section the note lacks creates the header after the assessment; one undo reverts it', async () => {
    const editor = await openFixture('missing-core.note');
    const original = editor.document.getText();
    assert.strictEqual(await run(await quickFix(editor, 'authority.permission', 'Insert the shared decision')), true);
    const text = editor.document.getText();
    assert.match(text, /ASSESSMENT: Probable medial meniscus irritation or early osteoarthritis\.\n\nPLAN:\nOptions discussed: medication; patient prefers <the patient's choice and why>; agrees with the plan\.\n$/);
    await settle();
    await vscode.commands.executeCommand('undo');
    await waitFor(() => editor.document.getText() === original, 5000, 'the undo');
  });

  test('a fix computed on an older version of the note is refused', async () => {
    const editor = await openFixture('missing-core.note');
    const action = await quickFix(editor, 'explain.hopes', "Insert the patient's hopes and goals");
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
    assert.match(sectionText(text, 'HPI:'), /\nPatient's understanding: .*\nConcerns: .*\nPatient goals: .*$/);
    assert.match(text, /\n\nPLAN:\nPlan: .*\nOptions discussed: .*\n\nFOLLOW-UP:\nFollow-up: .*\n$/);
    const a = await api();
    await waitFor(
      () => !healingDiagnostics(editor.document.uri).some((d) => CORE.includes(codeOf(d) ?? '') && /^No /.test(d.message)),
      15000,
      'no "missing" diagnostic left',
    ).catch((error: Error) => {
      throw new Error(`${error.message}: ${healingDiagnostics(editor.document.uri).map((d) => `${codeOf(d)} ${d.message}`).join('; ')}\n${editor.document.getText()}`);
    });
    assert.ok(a.diagnostics.analysisOf(editor.document)?.findings.every((f) => f.kind !== 'missing' || !CORE.includes(f.ruleId)));
  });

  test('"Mark as discussed, not documented" writes an override line the engine honours', async () => {
    const editor = await openFixture('partial.note');
    const action = await quickFix(editor, 'authority.permission', 'Mark as discussed, not documented…');
    assert.strictEqual(await run(action, 'she wants to talk it over with her husband first'), true);
    assert.match(
      editor.document.getText(),
      /sooner if black stools, vomiting blood or severe pain\.\n\[Healing Notes: authority\.permission discussed, not documented — she wants to talk it over with her husband first\]\n$/,
    );
    await waitFor(() => healingDiagnostics(editor.document.uri, 'authority.permission').length === 0, 15000, 'the override to silence the rule');
    const a = await api();
    assert.strictEqual(a.diagnostics.analysisOf(editor.document)?.results.find((r) => r.ruleId === 'authority.permission')?.status, 'overridden');
    const line = editor.document.getText().indexOf('[Healing Notes');
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(line + 20));
    assert.match(hoverText(hovers), /Marked as discussed, not documented:\*\* she wants to talk it over with her husband first/);
  });

  test('"Turn off this rule for this workspace" writes .healingnotes.json and the rule goes quiet', async () => {
    const editor = await openFixture('partial.note');
    const file = fixtureUri('.healingnotes.json');
    const action = await quickFix(editor, 'explain.hopes', 'Turn off this rule for this workspace');
    try {
      assert.strictEqual(await run(action), true);
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
    const onHeader = hoverText(await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, missing.range.start));
    assert.match(onHeader, /Patient's hopes and goals/);
    assert.match(onHeader, /Let the patient explain/);
    assert.match(onHeader, /Listen for expectations and for hopes/);
    assert.match(onHeader, /What counts:/);
    assert.match(onHeader, /is the measure of a good plan/, 'the rationale');

    const evidence = editor.document.getText().indexOf('She believes it comes from');
    const onEvidence = hoverText(
      await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, editor.document.positionAt(evidence + 5)),
    );
    assert.match(onEvidence, /Patient's own explanation/);
    assert.match(onEvidence, /Found in this note:/);
    assert.match(onEvidence, /“She believes it comes from the irregular meals on her split shifts\.”/);
  });

  test('the coverage view lists the eight skills with counts, and reveals evidence', async () => {
    const a = await api();
    const editor = await openFixture('partial.note');
    await diagnosticOf(editor.document.uri, 'explain.hopes');
    await waitFor(() => a.coverage.document === editor.document, 5000, 'the view to follow the note');
    const skills = a.coverage.getChildren() as SkillNode[];
    assert.deepStrictEqual(
      skills.map((s) => s.group.key),
      ['little-things', 'listen', 'open', 'like', 'barriers', 'explain', 'authority', 'committed'],
    );
    const items = skills.map((s) => a.coverage.getTreeItem(s));
    const described = items.map((i) => `${i.label} ${i.description}`);
    assert.ok(described.includes('Let the patient explain 2/3'), described.join('; '));
    for (const [i, skill] of skills.entries()) {
      // Each skill's count agrees with its rules' statuses.
      const statuses = skill.rules.map((r) => r.status);
      const documented = statuses.filter((s) => s === 'documented' || s === 'weak').length;
      const expected = documented + statuses.filter((s) => s === 'missing').length;
      if (expected > 0) assert.strictEqual(items[i].description, `${documented}/${expected}`, String(items[i].label));
    }
    const explain = skills.find((s) => s.group.key === 'explain')!;
    const rules = a.coverage.getChildren(explain) as RuleNode[];
    const ruleItems = rules.map((r) => a.coverage.getTreeItem(r));
    assert.deepStrictEqual(
      ruleItems.filter((_, i) => rules[i].rule.level === 'core').map((i) => [i.label, i.description, (i.iconPath as vscode.ThemeIcon).id]),
      [
        ["Patient's own explanation", 'documented', 'pass'],
        ["Patient's fears and concerns", 'documented', 'pass'],
        ["Patient's hopes and goals", 'missing', 'error'],
      ],
    );
    const [quote] = a.coverage.getChildren(rules[0]) as CoverageNode[];
    const quoteItem = a.coverage.getTreeItem(quote);
    assert.match(String(quoteItem.label), /^She believes it comes from/);

    // Selecting the rule reveals its first evidence.
    await vscode.commands.executeCommand('cursorTop');
    const command = ruleItems[0].command!;
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

  test('palette commands: rule documentation and the workspace rules\' own examples', async () => {
    assert.strictEqual(await vscode.commands.executeCommand('healingNotes.openRuleDocs', 'plan'), true);
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

  test('screenshot: a note with diagnostics and the coverage view open', async () => {
    const wordWrap = vscode.workspace.getConfiguration('editor');
    await wordWrap.update('wordWrap', 'on', vscode.ConfigurationTarget.Global);
    try {
      const editor = await openFixture('partial.note');
      const diagnostic = await diagnosticOf(editor.document.uri, 'authority.permission');
      await vscode.commands.executeCommand('healingNotes.showCoverage');
      await vscode.commands.executeCommand('notifications.clearAll');
      await vscode.window.showTextDocument(editor.document);
      // Narrow the editor (the focused part) so the coverage view's descriptions fit.
      for (let i = 0; i < 6; i++) await vscode.commands.executeCommand('workbench.action.decreaseViewWidth');
      editor.selection = new vscode.Selection(diagnostic.range.start, diagnostic.range.start);
      await screenshot('test-results/screenshots/editor-coverage.png', 1500);
    } finally {
      await wordWrap.update('wordWrap', undefined, vscode.ConfigurationTarget.Global);
    }
  });
});

function hoverText(hovers: vscode.Hover[] | undefined): string {
  return (hovers ?? [])
    .flatMap((h) => h.contents)
    .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
    .join('\n')
    .replace(/\\(.)/g, '$1');
}
