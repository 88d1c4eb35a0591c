/**
 * Hover over a finding, evidence or an override line: the assist layer's
 * bounded hover (src/assist/hover.ts), about the one element hovered. Note
 * text in it is escaped; the only command it may run is the coverage view's.
 */
import vscode = require('vscode');
import { hoverFor } from '../assist';
import { COMMANDS } from './constants';
import { toRange, type DiagnosticsController } from './diagnostics';

export class HealingHoverProvider implements vscode.HoverProvider {
  constructor(private readonly diagnostics: DiagnosticsController) {}

  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const note = this.diagnostics.noteOf(document);
    if (!note) return undefined;
    const hover = hoverFor(note, document.offsetAt(position), { coverageLink: `command:${COMMANDS.showCoverage}` });
    if (!hover) return undefined;
    const markdown = new vscode.MarkdownString(hover.markdown);
    markdown.isTrusted = { enabledCommands: [COMMANDS.showCoverage] };
    markdown.supportHtml = false;
    return new vscode.Hover(markdown, toRange(document, hover.span));
  }
}
