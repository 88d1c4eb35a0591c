/** Activation: a thin layer that wires the engine's results into VS Code. */
// `import x = require()` throughout src/extension: the bundle then reads the API object as it is, where
// `import * as` made esbuild copy its ~440 members into a new object in each of the 11 files that import it
// (~50 million instructions, a fifth of what loading the extension cost).
import vscode = require('vscode');
import { HealingCodeActionProvider } from './codeActions';
import { registerCommands } from './commands';
import { COVERAGE_VIEW_ID, LANGUAGE_ID } from './constants';
import { CoverageProvider, CoverageView } from './coverage';
import { DiagnosticsController } from './diagnostics';
import { NoteFixes } from './fixes';
import { HealingHoverProvider } from './hover';
import { PackManager } from './packs';
import { RuleDocs } from './ruleDocs';
import { HealingStatusBar } from './statusBar';

/** What activate() returns: for other extensions and the integration tests. */
export interface HealingNotesApi {
  packs: PackManager;
  diagnostics: DiagnosticsController;
  coverage: CoverageProvider;
  statusBar: HealingStatusBar;
  fixes: NoteFixes;
}

/** The documents the providers serve; plaintext and markdown only when the setting includes them. */
const SELECTOR: vscode.DocumentSelector = [{ language: LANGUAGE_ID }, { language: 'plaintext' }, { language: 'markdown' }];

export function activate(context: vscode.ExtensionContext): HealingNotesApi {
  const packs = new PackManager();
  const diagnostics = new DiagnosticsController(packs);
  const fixes = new NoteFixes(diagnostics, packs);
  const coverage = new CoverageProvider(diagnostics);
  const statusBar = new HealingStatusBar(diagnostics);
  const ruleDocs = new RuleDocs(diagnostics);
  context.subscriptions.push(
    ruleDocs,
    packs,
    diagnostics,
    coverage,
    new CoverageView(COVERAGE_VIEW_ID, coverage),
    statusBar,
    vscode.languages.registerCodeActionsProvider(SELECTOR, new HealingCodeActionProvider(diagnostics), HealingCodeActionProvider.metadata),
    vscode.languages.registerHoverProvider(SELECTOR, new HealingHoverProvider(diagnostics)),
    ...registerCommands(context.extensionUri, diagnostics, fixes, packs, ruleDocs),
  );
  return { packs, diagnostics, coverage, statusBar, fixes };
}

export function deactivate(): void {
  // Disposables registered on the context are released by VS Code.
}
