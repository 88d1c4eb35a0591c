/**
 * Publishes the engine's findings as diagnostics: on open, on change
 * (debounced) or on save, and cleared on close. While typing, new findings on
 * the cursor's line can be held back until the cursor leaves the line.
 * Each published diagnostic has a typed payload (FindingData) for the code
 * actions, kept in a map keyed by the diagnostic.
 */
import vscode = require('vscode');
import type { AssistNote } from '../assist';
import { analyze, type Finding, type FindingKind, type NoteAnalysis, type Rule, type RulePack, type Severity, type Span } from '../engine';
import { COMMANDS, DIAGNOSTIC_SOURCE } from './constants';
import type { PackSource } from './packSource';
import { isCheckedDocument, readSettings } from './settings';

const SEVERITY: Record<Severity, vscode.DiagnosticSeverity> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
  hint: vscode.DiagnosticSeverity.Hint,
};

/** What a code action needs to know about a diagnostic; plain JSON, so it can travel as command arguments. */
export interface FindingData {
  uri: string;
  /** The document version the finding was computed on: a fix is refused once the note has changed. */
  version: number;
  ruleId: string;
  kind: FindingKind;
  /** Where the finding is shown: with rule and kind, it names the finding among the note's findings. */
  range: Span;
}

/** Why diagnostics are being refreshed: only typing holds back findings on the cursor's line. */
export type Trigger = 'typing' | 'other';

interface Published {
  diagnostic: vscode.Diagnostic;
  data: FindingData;
}

interface Analysed {
  version: number;
  analysis: NoteAnalysis;
  pack: RulePack;
}

/**
 * The link a diagnostic's rule id carries: a command that shows the rule's own documentation
 * rendered (Problems and hovers open code links with commands allowed).
 */
export function ruleDocsLink(ruleId: string): vscode.Uri {
  return vscode.Uri.parse(`command:${COMMANDS.openRuleDocs}?${encodeURIComponent(JSON.stringify([ruleId]))}`);
}

export function toRange(document: vscode.TextDocument, span: { start: number; end: number }): vscode.Range {
  return new vscode.Range(document.positionAt(span.start), document.positionAt(span.end));
}

export function toDiagnostic(document: vscode.TextDocument, finding: Finding): vscode.Diagnostic {
  const diagnostic = new vscode.Diagnostic(toRange(document, finding.range), finding.message, SEVERITY[finding.severity]);
  diagnostic.source = DIAGNOSTIC_SOURCE;
  diagnostic.code = { value: finding.ruleId, target: ruleDocsLink(finding.ruleId) };
  return diagnostic;
}

/** The rule id a diagnostic carries in its code, if it is one of ours. */
export function ruleIdOf(diagnostic: vscode.Diagnostic): string | undefined {
  if (diagnostic.source !== DIAGNOSTIC_SOURCE) return undefined;
  const code = diagnostic.code;
  if (typeof code === 'string') return code;
  if (typeof code === 'object' && code !== null && typeof code.value === 'string') return code.value;
  return undefined;
}

export class DiagnosticsController implements vscode.Disposable {
  private readonly collection = vscode.languages.createDiagnosticCollection('healing-notes');
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly analyses = new Map<string, Analysed>();
  private readonly published = new Map<string, Published[]>();
  /** Per document, the line whose new findings are held back. */
  private readonly heldLine = new Map<string, number>();
  private readonly payloads = new WeakMap<vscode.Diagnostic, FindingData>();
  private readonly disposables: vscode.Disposable[] = [this.collection];
  /** The note last active in an editor, for commands run from elsewhere (the walkthrough, the coverage view). */
  private lastActive: string | undefined = (() => {
    const document = vscode.window.activeTextEditor?.document;
    return document && isCheckedDocument(document) ? document.uri.toString() : undefined;
  })();
  private readonly changed = new vscode.EventEmitter<vscode.TextDocument>();
  /** Fires after a document's diagnostics were refreshed (or cleared). */
  readonly onDidAnalyze = this.changed.event;

  constructor(private readonly packs: PackSource) {
    this.disposables.push(
      this.changed,
      vscode.workspace.onDidOpenTextDocument((d) => this.didOpenTextDocument(d)),
      vscode.workspace.onDidChangeTextDocument((e) => this.didChangeTextDocument(e)),
      vscode.workspace.onDidSaveTextDocument((d) => this.didSaveTextDocument(d)),
      vscode.workspace.onDidCloseTextDocument((d) => this.didCloseTextDocument(d)),
      vscode.window.onDidChangeTextEditorSelection((e) => this.didChangeTextEditorSelection(e)),
      vscode.window.onDidChangeActiveTextEditor((editor) => {
        if (editor && isCheckedDocument(editor.document)) this.lastActive = editor.document.uri.toString();
        this.releaseAllHeld();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('healingNotes')) this.refreshAll();
      }),
      packs.onDidChange(() => this.refreshAll()),
    );
    this.refreshAll();
  }

  /** The rule pack that applies to a document. */
  packFor(document: vscode.TextDocument): RulePack {
    return this.packs.packFor(document);
  }

  /** The `.healingnotes.json` that applies to a document, if any. */
  packFileFor(document: vscode.TextDocument): vscode.Uri | undefined {
    return this.packs.packFileFor?.(document);
  }

  ruleOf(document: vscode.TextDocument, ruleId: string): Rule | undefined {
    return this.packFor(document).rules.find((r) => r.id === ruleId);
  }

  /** The analysis of the document as it is now; computed (without publishing) when stale. */
  analysisOf(document: vscode.TextDocument): NoteAnalysis | undefined {
    if (!isCheckedDocument(document)) return undefined;
    const cached = this.analyses.get(document.uri.toString());
    if (cached && cached.version === document.version) return cached.analysis;
    return this.compute(document).analysis;
  }

  /** The note as the assist layer reads it: text, analysis and pack of the document as it is now. */
  noteOf(document: vscode.TextDocument): AssistNote | undefined {
    const analysis = this.analysisOf(document);
    const cached = this.analyses.get(document.uri.toString());
    if (!analysis || !cached || cached.analysis !== analysis) return undefined;
    return { text: document.getText(), analysis, pack: cached.pack };
  }

  /**
   * The finding a payload names, in the analysis of the document as it is now: the same finding
   * when the version is unchanged, else the same rule's finding of the same kind.
   */
  findingOf(note: AssistNote, data: Pick<FindingData, 'ruleId' | 'kind' | 'range'>, sameVersion: boolean): Finding | undefined {
    const candidates = note.analysis.findings.filter((f) => f.ruleId === data.ruleId && f.kind === data.kind);
    if (sameVersion) return candidates.find((f) => f.range.start === data.range.start && f.range.end === data.range.end);
    return candidates[0];
  }

  /**
   * The note a command without arguments acts on: the active editor's note; else, while a
   * walkthrough or a view has the focus, the note last active that is still open; else a visible one.
   */
  currentNote(): vscode.TextDocument | undefined {
    const active = vscode.window.activeTextEditor?.document;
    if (active && isCheckedDocument(active)) return active;
    const last = this.lastActive && vscode.workspace.textDocuments.find((d) => d.uri.toString() === this.lastActive && !d.isClosed);
    if (last) return last;
    return vscode.window.visibleTextEditors.map((e) => e.document).find((d) => isCheckedDocument(d));
  }

  /** The payload of one of our diagnostics, or undefined for anyone else's. */
  dataOf(diagnostic: vscode.Diagnostic, document: vscode.TextDocument): FindingData | undefined {
    const direct = this.payloads.get(diagnostic);
    if (direct) return direct;
    // The same diagnostic may reach a provider as a copy: match it by rule, range and message.
    const ruleId = ruleIdOf(diagnostic);
    if (!ruleId) return undefined;
    return this.published
      .get(document.uri.toString())
      ?.find((p) => p.data.ruleId === ruleId && p.diagnostic.range.isEqual(diagnostic.range) && p.diagnostic.message === diagnostic.message)?.data;
  }

  /** The published diagnostics of a document with their payloads. */
  publishedOf(document: vscode.TextDocument): readonly Published[] {
    return this.published.get(document.uri.toString()) ?? [];
  }

  refreshAll(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (isCheckedDocument(document)) this.analyzeNow(document);
      else this.clear(document);
    }
  }

  /** Checks the document now and publishes every finding. */
  analyzeNow(document: vscode.TextDocument, trigger: Trigger = 'other'): NoteAnalysis | undefined {
    const key = document.uri.toString();
    this.cancel(key);
    if (!isCheckedDocument(document)) {
      this.clear(document);
      return undefined;
    }
    const analysed = this.compute(document);
    this.publish(document, analysed, trigger);
    return analysed.analysis;
  }

  private compute(document: vscode.TextDocument): Analysed {
    const settings = readSettings(document);
    const pack = this.packs.packFor(document);
    const analysis = analyze(document.getText(), {
      pack,
      profile: settings.profile === 'auto' ? undefined : settings.profile,
      maxBytes: settings.maxNoteSizeKB * 1024,
    });
    const analysed = { version: document.version, analysis, pack };
    this.analyses.set(document.uri.toString(), analysed);
    return analysed;
  }

  private publish(document: vscode.TextDocument, analysed: Analysed, trigger: Trigger): void {
    const key = document.uri.toString();
    const previous = this.published.get(key) ?? [];
    const quietLine = trigger === 'typing' ? this.cursorLineToKeepQuiet(document) : undefined;
    const shown: Published[] = [];
    let held = false;
    for (const finding of analysed.analysis.findings) {
      const diagnostic = toDiagnostic(document, finding);
      const { range } = diagnostic;
      if (quietLine !== undefined && range.start.line <= quietLine && quietLine <= range.end.line) {
        // A finding already shown stays; a new one waits until the cursor leaves the line.
        const wasShown = previous.some(
          (p) => p.data.ruleId === finding.ruleId && p.data.kind === finding.kind && p.diagnostic.range.start.line === range.start.line,
        );
        if (!wasShown) {
          held = true;
          continue;
        }
      }
      const data: FindingData = { uri: key, version: analysed.version, ruleId: finding.ruleId, kind: finding.kind, range: finding.range };
      this.payloads.set(diagnostic, data);
      shown.push({ diagnostic, data });
    }
    if (held && quietLine !== undefined) this.heldLine.set(key, quietLine);
    else this.heldLine.delete(key);
    this.published.set(key, shown);
    this.collection.set(document.uri, shown.map((p) => p.diagnostic));
    this.changed.fire(document);
  }

  /** The cursor line of the active editor showing this document, when the setting asks to keep it quiet. */
  private cursorLineToKeepQuiet(document: vscode.TextDocument): number | undefined {
    if (!readSettings(document).quietCurrentLine) return undefined;
    const editor = vscode.window.activeTextEditor;
    if (!editor || editor.document !== document) return undefined;
    return editor.selection.active.line;
  }

  /** Whether some findings of this document are being held back (for tests and the status bar). */
  isHoldingBack(document: vscode.TextDocument): boolean {
    return this.heldLine.has(document.uri.toString());
  }

  private didChangeTextEditorSelection(event: vscode.TextEditorSelectionChangeEvent): void {
    const { document } = event.textEditor;
    const line = this.heldLine.get(document.uri.toString());
    if (line === undefined || event.selections[0]?.active.line === line) return;
    this.release(document);
  }

  private releaseAllHeld(): void {
    for (const key of [...this.heldLine.keys()]) {
      const document = vscode.workspace.textDocuments.find((d) => d.uri.toString() === key);
      if (document) this.release(document);
      else this.heldLine.delete(key);
    }
  }

  /** Shows the held findings: from the cached analysis when the text has not changed since, else by checking again. */
  private release(document: vscode.TextDocument): void {
    const key = document.uri.toString();
    this.heldLine.delete(key);
    if (this.timers.has(key)) return; // A check is pending anyway; it will publish with the cursor's new line.
    const cached = this.analyses.get(key);
    if (cached && cached.version === document.version) this.publish(document, cached, 'other');
    else this.analyzeNow(document);
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
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        // The document may have closed while we waited.
        if (!document.isClosed) this.analyzeNow(document, 'typing');
      }, settings.debounceMs),
    );
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
    const had = this.analyses.has(key) || this.published.has(key);
    this.analyses.delete(key);
    this.published.delete(key);
    this.heldLine.delete(key);
    this.collection.delete(document.uri);
    if (had) this.changed.fire(document);
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
