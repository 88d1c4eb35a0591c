/** The commands: in the palette (analyze, coverage, prompts, docs, sample) and those run with arguments by fixes and views. */
import vscode = require('vscode');
import { COMMANDS, COVERAGE_VIEW_ID, EXTENSION_ID, LANGUAGE_ID, SAMPLE_NOTE_PATH, WALKTHROUGH_ID, WORKSPACE_RULES_FILE } from './constants';
import { isRuleNode } from './coverage';
import type { RuleExampleResult } from '../engine/pack';
import type { DiagnosticsController } from './diagnostics';
import type { RuleDocs } from './ruleDocs';
import type { NoteFixes } from './fixes';
import type { PackManager } from './packs';

export function registerCommands(extensionUri: vscode.Uri, diagnostics: DiagnosticsController, fixes: NoteFixes, packs: PackManager, docs: RuleDocs): vscode.Disposable[] {
  const output = vscode.window.createOutputChannel('Healing Notes');
  return [
    output,
    vscode.commands.registerCommand(COMMANDS.analyzeNow, () => {
      const document = diagnostics.currentNote();
      if (document) diagnostics.analyzeNow(document);
    }),
    vscode.commands.registerCommand(COMMANDS.showCoverage, () => vscode.commands.executeCommand(`${COVERAGE_VIEW_ID}.focus`)),
    vscode.commands.registerCommand(COMMANDS.insertAllPrompts, (args?: unknown) => fixes.insertAllPrompts(args)),
    // From a code action (finding arguments) or from the coverage view (a rule node).
    vscode.commands.registerCommand(COMMANDS.insertPrompt, (args: unknown) => fixes.insertPrompt(isRuleNode(args) ? args.findingArgs : args)),
    vscode.commands.registerCommand(COMMANDS.markDiscussed, (args: unknown, reason?: unknown) =>
      fixes.markDiscussed(isRuleNode(args) ? args.findingArgs : args, reason),
    ),
    vscode.commands.registerCommand(COMMANDS.disableRuleInWorkspace, (args: unknown, confirmed?: unknown) =>
      fixes.disableRuleInWorkspace(isRuleNode(args) ? { uri: args.uri, ruleId: args.rule.ruleId } : args, confirmed),
    ),
    vscode.commands.registerCommand(COMMANDS.revealSpan, revealSpan),
    vscode.commands.registerCommand(COMMANDS.openRuleDocs, (ruleId?: unknown) => docs.open(isRuleNode(ruleId) ? ruleId.rule.ruleId : ruleId)),
    vscode.commands.registerCommand(COMMANDS.openWalkthrough, () =>
      vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${WALKTHROUGH_ID}`, false),
    ),
    vscode.commands.registerCommand(COMMANDS.openSample, () => openSample(extensionUri)),
    vscode.commands.registerCommand(COMMANDS.testWorkspaceRules, () => testWorkspaceRules(packs, output)),
  ];
}

/**
 * Runs every rule's own examples against the rule pack of the active note (its nearest
 * `.healingnotes.json`), or of a folder's own notes, and reports the failures in the output
 * channel (rule examples are pack text, never a clinician's note).
 */
async function testWorkspaceRules(packs: PackManager, output: vscode.OutputChannel): Promise<RuleExampleResult[] | undefined> {
  const document = vscode.window.activeTextEditor?.document;
  let folder = document ? vscode.workspace.getWorkspaceFolder(document.uri) : undefined;
  let results: RuleExampleResult[];
  let where: string;
  const shown = (file: vscode.Uri) => vscode.workspace.asRelativePath(file, (vscode.workspace.workspaceFolders ?? []).length > 1);
  if (document && folder) {
    results = packs.testWorkspaceRules(document);
    const packFile = packs.packFileFor(document);
    where = packFile ? shown(packFile) : `"${folder.name}"`;
  } else {
    const folders = vscode.workspace.workspaceFolders ?? [];
    if (folders.length === 1) folder = folders[0];
    else if (folders.length > 1) {
      folder = await vscode.window.showWorkspaceFolderPick({ placeHolder: 'Test the rules of which folder?' });
      if (!folder) return undefined;
    }
    results = packs.testWorkspaceRules(folder);
    const packFile = folder && packs.packFileFor({ uri: vscode.Uri.joinPath(folder.uri, WORKSPACE_RULES_FILE) });
    where = packFile ? shown(packFile) : folder ? `"${folder.name}"` : 'your settings';
  }
  const failed = results.filter((r) => !r.passed);
  output.appendLine(`Rule examples for ${where}: ${results.length - failed.length} of ${results.length} rules pass.`);
  for (const result of failed) {
    for (const failure of result.failures) output.appendLine(`  ${result.ruleId}: examples.${failure.kind}[${failure.index}]: ${failure.reason}`);
  }
  if (failed.length === 0) {
    void vscode.window.showInformationMessage(`Healing Notes: all ${results.length} rules of ${where} pass their examples.`);
  } else {
    output.show(true);
    void vscode.window.showWarningMessage(`Healing Notes: ${failed.length} of ${results.length} rules of ${where} fail their examples; see the output.`);
  }
  return results;
}

/** Selects a span of a note and scrolls it into view. */
async function revealSpan(uri: unknown, start: unknown, end: unknown): Promise<boolean> {
  if (typeof uri !== 'string' || typeof start !== 'number' || typeof end !== 'number') return false;
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(uri));
  const range = new vscode.Range(document.positionAt(start), document.positionAt(end));
  const editor = await vscode.window.showTextDocument(document, { selection: new vscode.Selection(range.start, range.end), preview: false });
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  return true;
}

/** Opens a copy of a bundled sample note as an untitled note, so the trainee can edit it freely. */
async function openSample(extensionUri: vscode.Uri): Promise<vscode.TextEditor> {
  const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, ...SAMPLE_NOTE_PATH));
  const document = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: new TextDecoder().decode(bytes) });
  return vscode.window.showTextDocument(document, { preview: false });
}
