/** Activation: a thin layer that wires the engine's results into VS Code. */
import * as vscode from 'vscode';
import { COMMANDS, RULE_DOCS_PATH } from './constants';
import { DiagnosticsController } from './diagnostics';

export interface HealingNotesApi {
  diagnostics: DiagnosticsController;
}

export function activate(context: vscode.ExtensionContext): HealingNotesApi {
  const diagnostics = new DiagnosticsController(vscode.Uri.joinPath(context.extensionUri, ...RULE_DOCS_PATH));
  context.subscriptions.push(
    diagnostics,
    vscode.commands.registerCommand(COMMANDS.analyzeNow, () => {
      const document = vscode.window.activeTextEditor?.document;
      if (document) diagnostics.analyzeNow(document);
    }),
  );
  return { diagnostics };
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
