/**
 * Code actions on our diagnostics: insert the rule's prompt, mark the element
 * as discussed but not documented, turn the rule off for the workspace; and a
 * source action that inserts the prompts of every missing core element.
 * Every action runs a command whose arguments carry the document version the
 * finding was computed on, so a fix is refused once the note has changed.
 */
import * as vscode from 'vscode';
import { COMMANDS, INSERT_ALL_KIND_VALUE, STRINGS } from './constants';
import type { DiagnosticsController, FindingData } from './diagnostics';
import { missingCorePrompts, type FindingArgs, type NoteArgs, type RuleArgs } from './fixes';

/** `source.healingNotes.insertAllPrompts` */
export const INSERT_ALL_KIND = vscode.CodeActionKind.Empty.append(INSERT_ALL_KIND_VALUE);

export class HealingCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, INSERT_ALL_KIND],
  };

  constructor(private readonly diagnostics: DiagnosticsController) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    if (!context.only || context.only.contains(vscode.CodeActionKind.QuickFix)) {
      for (const diagnostic of context.diagnostics) actions.push(...this.quickFixes(document, diagnostic));
    }
    // Source actions are only listed when asked for (the Source Action menu, codeActionsOnSave).
    if (context.only?.contains(INSERT_ALL_KIND)) {
      const insertAll = this.insertAll(document);
      if (insertAll) actions.push(insertAll);
    }
    return actions;
  }

  private quickFixes(document: vscode.TextDocument, diagnostic: vscode.Diagnostic): vscode.CodeAction[] {
    const data = this.diagnostics.dataOf(diagnostic, document);
    if (!data) return [];
    const rule = this.diagnostics.ruleOf(document, data.ruleId);
    if (!rule) return [];
    const actions: vscode.CodeAction[] = [];
    const findingArgs = this.currentArgs(document, data);
    if (!findingArgs) return [];

    if (rule.prompt) {
      const insert = new vscode.CodeAction(rule.prompt.label, vscode.CodeActionKind.QuickFix);
      insert.diagnostics = [diagnostic];
      insert.isPreferred = true;
      insert.command = { command: COMMANDS.insertPrompt, title: rule.prompt.label, arguments: [findingArgs] };
      actions.push(insert);
    }

    const discussed = new vscode.CodeAction(STRINGS.markDiscussedTitle, vscode.CodeActionKind.QuickFix);
    discussed.diagnostics = [diagnostic];
    discussed.command = { command: COMMANDS.markDiscussed, title: STRINGS.markDiscussedTitle, arguments: [findingArgs] };
    actions.push(discussed);

    if (vscode.workspace.getWorkspaceFolder(document.uri)) {
      const ruleArgs: RuleArgs = { uri: data.uri, ruleId: data.ruleId };
      const off = new vscode.CodeAction(STRINGS.disableRuleTitle, vscode.CodeActionKind.QuickFix);
      off.diagnostics = [diagnostic];
      off.command = { command: COMMANDS.disableRuleInWorkspace, title: STRINGS.disableRuleTitle, arguments: [ruleArgs] };
      actions.push(off);
    }
    return actions;
  }

  /**
   * The finding as of the document's current version: a diagnostic published before the
   * latest keystrokes is checked again, so the fix carries the version it will apply to.
   */
  private currentArgs(document: vscode.TextDocument, data: FindingData): FindingArgs | undefined {
    if (data.version === document.version) return { uri: data.uri, version: data.version, ruleId: data.ruleId, insertion: data.insertion };
    const finding = this.diagnostics.analysisOf(document)?.findings.find((f) => f.ruleId === data.ruleId && f.kind === data.kind);
    return finding && { uri: data.uri, version: document.version, ruleId: finding.ruleId, insertion: finding.insertion };
  }

  private insertAll(document: vscode.TextDocument): vscode.CodeAction | undefined {
    const analysis = this.diagnostics.analysisOf(document);
    if (!analysis || missingCorePrompts(this.diagnostics, document, analysis.findings).length === 0) return undefined;
    const action = new vscode.CodeAction(STRINGS.insertAllTitle, INSERT_ALL_KIND);
    const args: NoteArgs = { uri: document.uri.toString(), version: document.version };
    action.command = { command: COMMANDS.insertAllPrompts, title: STRINGS.insertAllTitle, arguments: [args] };
    return action;
  }
}
