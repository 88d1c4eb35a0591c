/**
 * A rule's documentation, rendered: `healing-notes-rule:/<rule id>.md` is that
 * rule's section, generated from the rule pack in use (so a team's own rules
 * are documented too), shown in the Markdown preview. A diagnostic's rule link
 * in Problems and in hovers runs the command that opens it.
 */
import vscode = require('vscode');
import { defaultPack, type RulePack } from '../engine';
import { renderRulesMarkdown, ruleSection } from '../engine/pack';
import { RULE_DOCS_SCHEME, STRINGS } from './constants';
import type { DiagnosticsController } from './diagnostics';

const INDEX = 'rules';

export class RuleDocs implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly registration: vscode.Disposable;

  constructor(private readonly diagnostics: DiagnosticsController) {
    this.registration = vscode.workspace.registerTextDocumentContentProvider(RULE_DOCS_SCHEME, this);
  }

  /** The virtual document of one rule's documentation, or of every rule's without an id. */
  uriOf(ruleId?: string): vscode.Uri {
    return vscode.Uri.from({ scheme: RULE_DOCS_SCHEME, path: `/${ruleId ?? INDEX}.md` });
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const pack = this.pack();
    const id = decodeURIComponent(uri.path.replace(/^\//, '').replace(/\.md$/, ''));
    if (id === INDEX) return renderRulesMarkdown(pack, { generator: 'Healing Notes' });
    const rule = pack.rules.find((r) => r.id === id);
    return rule ? `${ruleSection(rule, pack)}\n` : `# ${id}\n\n${STRINGS.unknownRule}\n`;
  }

  /** Opens a rule's documentation (every rule's, without an id) rendered in the Markdown preview. */
  async open(ruleId?: unknown): Promise<boolean> {
    if (ruleId !== undefined && (typeof ruleId !== 'string' || !this.pack().rules.some((r) => r.id === ruleId))) {
      void vscode.window.showInformationMessage(STRINGS.unknownRule);
      return false;
    }
    const uri = this.uriOf(ruleId);
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      // No Markdown preview (the built-in extension disabled): the Markdown source still reads well.
      await vscode.window.showTextDocument(uri, { preview: true });
    }
    return true;
  }

  /** The pack of the note last active: its documentation is the documentation of the rules that checked it. */
  private pack(): RulePack {
    const note = this.diagnostics.currentNote();
    return note ? this.diagnostics.packFor(note) : defaultPack;
  }

  dispose(): void {
    this.registration.dispose();
  }
}
