/**
 * Publishes the engine's findings as diagnostics: on open, on change
 * (debounced), on save, and cleared on close.
 */
import * as vscode from 'vscode';
import { analyze, type Finding, type NoteAnalysis, type Severity } from '../engine';
import { DIAGNOSTIC_SOURCE } from './constants';
import { isCheckedDocument, readSettings } from './settings';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** The rule's section in the bundled docs/rules.md (markdown heading anchors drop the dots). */
export function ruleDocsUri(docs: vscode.Uri, ruleId: string): vscode.Uri {
  return docs.with({ fragment: ruleId.replace(/\./g, '') });
}

export function toDiagnostic(document: vscode.TextDocument, finding: Finding, docs: vscode.Uri): vscode.Diagnostic {
  const range = new vscode.Range(document.positionAt(finding.range.start), document.positionAt(finding.range.end));
  const diagnostic = new vscode.Diagnostic(range, finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: ruleDocsUri(docs, finding.ruleId) };
  return diagnostic;
}

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('healing-notes');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly analyses = new Map<string, { version: number; analysis: NoteAnalysis }>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a document's diagnostics were refreshed. */
  readonly onDidAnalyze = this.changed.event;

  constructor(private readonly docs: vscode.Uri) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.didOpenTextDocument(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.didChangeTextDocument(e)),
      vscode.workspace.onDidSaveTextDocument((d) => this.didSaveTextDocument(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.didCloseTextDocument(d)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('healingNotes')) this.refreshAll();
      }),
    );
    this.refreshAll();
  }

  /** The latest analysis of an open document, computed now if stale. */
  analysisOf(document: vscode.TextDocument): NoteAnalysis | undefined {
    if (!isCheckedDocument(document)) return undefined;
    const key = document.uri.toString();
    const cached = this.analyses.get(key);
    if (cached && cached.version === document.version) return cached.analysis;
    return this.analyzeNow(document);
  }

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (isCheckedDocument(document)) this.analyzeNow(document);
      else this.clear(document);
    }
  }

  analyzeNow(document: vscode.TextDocument): NoteAnalysis | undefined {
    const key = document.uri.toString();
    this.cancel(key);
    if (!isCheckedDocument(document)) {
      this.clear(document);
      return undefined;
    }
    const settings = readSettings(document);
    const analysis = analyze(document.getText(), {
      profile: settings.profile === 'auto' ? undefined : settings.profile,
      maxLength: settings.maxNoteSizeKB * 1024,
    });
    this.analyses.set(key, { version: document.version, analysis });
    this.collection.set(document.uri, analysis.findings.map((f) => toDiagnostic(document, f, this.docs)));
    this.changed.fire(document);
    return analysis;
  }

  private didOpenTextDocument(document: vscode.TextDocument): void {
    if (isCheckedDocument(document)) this.analyzeNow(document);
  }

  private didChangeTextDocument(event: vscode.TextDocumentChangeEvent): void {
    const { document } = event;
    if (event.contentChanges.length === 0 || !isCheckedDocument(document)) return;
    const settings = readSettings(document);
    if (settings.run !== 'onType') return;
    const key = document.uri.toString();
    this.cancel(key);
    this.timers.set(key, setTimeout(() => {
      this.timers.delete(key);
      // The document may have closed while we waited.
      if (!document.isClosed) this.analyzeNow(document);
    }, settings.debounceMs));
  }

  private didSaveTextDocument(document: vscode.TextDocument): void {
    if (isCheckedDocument(document)) this.analyzeNow(document);
  }

  private didCloseTextDocument(document: vscode.TextDocument): void {
    this.clear(document);
  }

  private clear(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.cancel(key);
    this.analyses.delete(key);
    this.collection.delete(document.uri);
  }

  private cancel(key: string): void {
    const timer = this.timers.get(key);
    if (timer) clearTimeout(timer);
    this.timers.delete(key);
  }

  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    for (const d of this.disposables) d.dispose();
  }
}
