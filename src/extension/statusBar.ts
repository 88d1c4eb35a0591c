/**
 * `$(heart) Healing 5/6`: core elements documented out of those expected in
 * the active note. Opens the coverage view; hidden for other editors.
 */
import vscode = require('vscode');
import { COMMANDS } from './constants';
import type { DiagnosticsController } from './diagnostics';
import { isCheckedDocument } from './settings';
import { coreTally } from '../assist';

export class HealingStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('healingNotes.status', vscode.StatusBarAlignment.Right, 100);
  private readonly disposables: vscode.Disposable[] = [this.item];
  private shown = false;

  constructor(private readonly diagnostics: DiagnosticsController) {
    this.item.name = 'Healing Notes';
    this.item.command = COMMANDS.showCoverage;
    this.disposables.push(
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      diagnostics.onDidAnalyze((document) => {
        if (vscode.window.activeTextEditor?.document === document) this.update();
      }),
    );
    this.update();
  }

  /** The status bar text, or undefined while hidden (for tests). */
  get text(): string | undefined {
    return this.shown ? this.item.text : undefined;
  }

  get tooltip(): string | undefined {
    return this.shown && typeof this.item.tooltip === 'string' ? this.item.tooltip : undefined;
  }

  update(): void {
    const document = vscode.window.activeTextEditor?.document;
    const analysis = document && isCheckedDocument(document) ? this.diagnostics.analysisOf(document) : undefined;
    if (!document || !analysis) {
      this.item.hide();
      this.shown = false;
      return;
    }
    if (analysis.skipped) {
      this.item.text = '$(heart) Healing: not checked';
      this.item.tooltip = analysis.skipped.reason;
    } else {
      const rules = this.diagnostics.packFor(document).rules;
      const t = coreTally(rules, analysis.results);
      const missing = rules
        .filter((r) => r.level === 'core' && analysis.results.some((x) => x.ruleId === r.id && x.status === 'missing'))
        .map((r) => r.title);
      this.item.text = `$(heart) Healing ${t.documented}/${t.expected}`;
      const lines = [`Core healing-skill elements documented: ${t.documented} of ${t.expected}.`];
      if (missing.length) lines.push(`Missing: ${missing.join('; ')}.`);
      if (t.overridden) lines.push(`Discussed, not documented: ${t.overridden}.`);
      // Which team's rules: in a repository with a pack per clinic, the one this note is checked with.
      const packFile = this.diagnostics.packFileFor(document);
      if (packFile) lines.push(`Rules: ${vscode.workspace.asRelativePath(packFile)}.`);
      lines.push('Click to open the coverage view.');
      this.item.tooltip = lines.join('\n');
    }
    this.item.show();
    this.shown = true;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
