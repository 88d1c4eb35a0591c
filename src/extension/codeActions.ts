/**
 * Code actions on our diagnostics, translated from the assist layer
 * (src/assist/actions.ts): for the findings under the cursor, one group each,
 * every prompt first, then "mark as discussed" and "turn off" for warnings and
 * errors only; and a source action that inserts the prompts of every missing
 * core element. Every action runs a command whose arguments name the finding
 * and the document version it was computed on, so a fix is refused once the
 * note has changed.
 */
import vscode = require('vscode');
import { actionsForFindings, missingCoreFindings, type AssistAction } from '../assist';
import type { Finding } from '../engine';
import { COMMANDS, INSERT_ALL_KIND_VALUE, STRINGS } from './constants';
import type { DiagnosticsController } from './diagnostics';
import type { FindingArgs, NoteArgs } from './fixes';

/** `source.healingNotes.insertAllPrompts` */
export const INSERT_ALL_KIND = vscode.CodeActionKind.Empty.append(INSERT_ALL_KIND_VALUE);

const COMMAND_OF: Record<AssistAction['kind'], string> = {
  'insert-prompt': COMMANDS.insertPrompt,
  'mark-discussed': COMMANDS.markDiscussed,
  'turn-off': COMMANDS.disableRuleInWorkspace,
};

export class HealingCodeActionProvider implements vscode.CodeActionProvider {
  static readonly metadata: vscode.CodeActionProviderMetadata = {
    providedCodeActionKinds: [vscode.CodeActionKind.QuickFix, INSERT_ALL_KIND],
  };

  constructor(private readonly diagnostics: DiagnosticsController) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range | vscode.Selection, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const actions: vscode.CodeAction[] = [];
    if (!context.only || context.only.contains(vscode.CodeActionKind.QuickFix)) actions.push(...this.quickFixes(document, context.diagnostics));
    // Source actions are only listed when asked for (the Source Action menu, codeActionsOnSave).
    if (context.only?.contains(INSERT_ALL_KIND)) {
      const insertAll = this.insertAll(document);
      if (insertAll) actions.push(insertAll);
    }
    return actions;
  }

  private quickFixes(document: vscode.TextDocument, diagnostics: readonly vscode.Diagnostic[]): vscode.CodeAction[] {
    const note = this.diagnostics.noteOf(document);
    if (!note) return [];
    // Each diagnostic of ours names one finding; a diagnostic published before the latest keystrokes is looked up again.
    const findings = new Map<Finding, vscode.Diagnostic>();
    for (const diagnostic of diagnostics) {
      const data = this.diagnostics.dataOf(diagnostic, document);
      const finding = data && this.diagnostics.findingOf(note, data, data.version === document.version);
      if (finding && !findings.has(finding)) findings.set(finding, diagnostic);
    }
    const canTurnOff = vscode.workspace.getWorkspaceFolder(document.uri) !== undefined;
    return actionsForFindings(note, [...findings.keys()], { canTurnOff }).map((action) => {
      const codeAction = new vscode.CodeAction(action.title, vscode.CodeActionKind.QuickFix);
      const diagnostic = findings.get(action.finding);
      if (diagnostic) codeAction.diagnostics = [diagnostic];
      if (action.kind === 'insert-prompt') codeAction.isPreferred = action.preferred;
      const args: FindingArgs = {
        uri: document.uri.toString(),
        version: document.version,
        ruleId: action.ruleId,
        kind: action.finding.kind,
        range: action.finding.range,
      };
      codeAction.command = { command: COMMAND_OF[action.kind], title: action.title, arguments: [args] };
      return codeAction;
    });
  }

  private insertAll(document: vscode.TextDocument): vscode.CodeAction | undefined {
    const note = this.diagnostics.noteOf(document);
    if (!note || missingCoreFindings(note).length === 0) return undefined;
    const action = new vscode.CodeAction(STRINGS.insertAllTitle, INSERT_ALL_KIND);
    const args: NoteArgs = { uri: document.uri.toString(), version: document.version };
    action.command = { command: COMMANDS.insertAllPrompts, title: STRINGS.insertAllTitle, arguments: [args] };
    return action;
  }
}
