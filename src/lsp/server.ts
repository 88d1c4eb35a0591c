/**
 * `healing-notes lsp`: the engine as a language server (stdio), for Neovim,
 * Helix, Emacs, Zed, Sublime Text and any other LSP client. Diagnostics are
 * pushed on open, while typing (debounced) or on save; code actions, hovers
 * and the "insert all" source action come from src/assist, as in the VS Code
 * extension. Settings are read with `workspace/configuration`; rule packs
 * come from the nearest `.healingnotes.json` (packs.ts). No note text is ever
 * logged: errors name their kind and place only.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  DidChangeConfigurationNotification,
  MessageType,
  ShowMessageNotification,
  TextDocumentSyncKind,
  TextDocuments,
  type CodeAction,
  type CodeActionParams,
  type Connection,
  type Diagnostic,
  type Hover,
  type HoverParams,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { actionsForFindings, findingsAt, hoverFor, missingCoreFindings, promptEdits, turnOffConfirmation, turnOffText, type AssistNote } from '../assist';
import { analyze, type AnalyzeOptions, type Finding, type NoteAnalysis, type RulePack } from '../engine';
import { formatPackError, PACK_FILE_NAME, type PackError } from '../engine/pack';
import { VERSION } from '../cli/io';
import { describeInternalError } from '../cli/task';
import { DocumentPacks, SETTINGS_SOURCE } from './packs';
import {
  DIAGNOSTIC_SOURCE,
  findingOfData,
  INSERT_ALL_KIND,
  INSERT_ALL_TITLE,
  isFindingData,
  rangeOf,
  ruleTitle,
  skippedDiagnostic,
  toCodeAction,
  toDiagnostic,
  TURN_OFF_COMMAND,
  workspaceEditOf,
  type ClientAbilities,
} from './protocol';
import { sectionOf, settingsFrom, SETTINGS_SECTION, type ServerSettings } from './settings';

/** One document as last checked. */
interface Checked {
  version: number;
  note: AssistNote;
  packFile?: string;
  /** A workspace folder or a pack file is there to turn rules off in. */
  canTurnOff: boolean;
}

function filePathOf(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Reads a capability path of the client's raw capabilities (newer fields than the library's types know). */
function capability(capabilities: unknown, ...keys: string[]): unknown {
  let value = capabilities;
  for (const key of keys) value = isObject(value) ? value[key] : undefined;
  return value;
}

export class HealingLanguageServer {
  private readonly documents = new TextDocuments(TextDocument);
  private readonly checked = new Map<string, Checked>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly settingsCache = new Map<string, Promise<ServerSettings>>();
  private readonly packs: DocumentPacks;
  /** Packs whose rules have been compiled by a check. */
  private readonly warmPacks = new WeakSet<RulePack>();
  private client: ClientAbilities = { snippetEdits: false, documentChanges: false, markdownHover: true };
  private pullsConfiguration = false;
  /** Settings a client pushed (initializationOptions, didChangeConfiguration), for clients that are not asked. */
  private pushedSettings: unknown;
  private workspaceFolders: string[] = [];
  /** Pack sources whose errors are shown as diagnostics (pack files) and were announced once. */
  private readonly packErrorFiles = new Set<string>();

  constructor(
    private readonly connection: Connection,
    /** Called once, after the first full check is published (see LanguageServerOptions.warmed). */
    private warmed?: () => void,
  ) {
    this.packs = new DocumentPacks({
      errorsChanged: (source, errors) => this.packErrorsChanged(source, errors),
      filesChanged: () => this.recheckAll(),
    });
    connection.onInitialize((params) => this.initialize(params));
    connection.onInitialized(() => this.initialized());
    connection.onDidChangeConfiguration((change) => {
      const section = sectionOf(change.settings);
      if (section !== undefined) this.pushedSettings = section;
      this.settingsCache.clear();
      this.recheckAll();
    });
    connection.onDidChangeWatchedFiles(() => this.recheckAll());
    connection.onCodeAction((params) => this.guard(() => this.codeActions(params), []));
    connection.onHover((params) => this.guard(() => this.hover(params), null));
    connection.onExecuteCommand((params) => this.guard(() => this.executeCommand(params.command, params.arguments ?? []), false));
    connection.onShutdown(() => this.dispose());

    this.documents.onDidChangeContent((e) => this.didChangeContent(e.document));
    this.documents.onDidSave((e) => this.schedule(e.document, 0));
    this.documents.onDidClose((e) => this.didClose(e.document));
    this.documents.listen(connection);
  }

  private initialize(params: InitializeParams): InitializeResult {
    const caps = params.capabilities;
    this.client = {
      snippetEdits: capability(caps, 'workspace', 'workspaceEdit', 'snippetEditSupport') === true,
      documentChanges: capability(caps, 'workspace', 'workspaceEdit', 'documentChanges') === true,
      markdownHover: (caps.textDocument?.hover?.contentFormat ?? ['markdown']).includes('markdown'),
    };
    this.pullsConfiguration = caps.workspace?.configuration === true;
    this.pushedSettings = sectionOf(params.initializationOptions) ?? (isObject(params.initializationOptions) ? params.initializationOptions : undefined);
    const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
    this.workspaceFolders = folders.map(filePathOf).filter((p): p is string => p !== undefined);
    return {
      capabilities: {
        textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, INSERT_ALL_KIND] },
        hoverProvider: true,
        executeCommandProvider: { commands: [TURN_OFF_COMMAND] },
        workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      },
      serverInfo: { name: 'healing-notes', version: VERSION },
    };
  }

  private initialized(): void {
    if (this.pullsConfiguration) {
      // Clients that pull settings only say they changed when the server has registered for it.
      void this.connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
    }
    this.connection.workspace.onDidChangeWorkspaceFolders((event) => {
      const removed = new Set(event.removed.map((f) => filePathOf(f.uri)));
      this.workspaceFolders = [...this.workspaceFolders.filter((f) => !removed.has(f)), ...event.added.map((f) => filePathOf(f.uri)).filter((p): p is string => p !== undefined)];
      this.recheckAll();
    });
  }

  /** Runs a request handler; an internal error is logged by kind and place (never its message, which may quote the note). */
  private async guard<T>(run: () => T | Promise<T>, fallback: T): Promise<T> {
    try {
      return await run();
    } catch (error) {
      this.connection.console.error(`healing-notes: internal error (${describeInternalError(error)}); no note text is shown, please report it`);
      return fallback;
    }
  }

  // ------------------------------------------------------------------ settings and packs

  private settingsFor(uri: string): Promise<ServerSettings> {
    let settings = this.settingsCache.get(uri);
    if (!settings) {
      settings = this.pullsConfiguration
        ? this.connection.workspace.getConfiguration({ scopeUri: uri, section: SETTINGS_SECTION }).then(
            // Clients answer with the section, or (some) with everything that holds it.
            (value) => settingsFrom(sectionOf(value) ?? value ?? this.pushedSettings),
            () => settingsFrom(this.pushedSettings),
          )
        : Promise.resolve(settingsFrom(this.pushedSettings));
      this.settingsCache.set(uri, settings);
    }
    return settings;
  }

  /** The workspace folder holding a file: the deepest one. */
  private folderOf(file: string | undefined): string | undefined {
    if (file === undefined) return undefined;
    return this.workspaceFolders
      .filter((f) => {
        const relative = path.relative(f, file);
        return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
      })
      .sort((a, b) => b.length - a.length)[0];
  }

  private packErrorsChanged(source: string, errors: readonly PackError[]): void {
    if (source !== SETTINGS_SOURCE) {
      const diagnostics: Diagnostic[] = errors.map((error) => {
        const line = Math.max(0, (error.line ?? 1) - 1);
        const character = Math.max(0, (error.column ?? 1) - 1);
        return {
          range: { start: { line, character }, end: { line, character: character + Math.max(1, error.length ?? 1) } },
          severity: DiagnosticSeverity.Error,
          source: DIAGNOSTIC_SOURCE,
          message: error.path ? `${error.path}: ${error.message}` : error.message,
        };
      });
      if (diagnostics.length > 0 || this.packErrorFiles.has(source)) {
        void this.connection.sendDiagnostics({ uri: pathToFileURL(source).href, diagnostics });
      }
      if (diagnostics.length > 0) this.packErrorFiles.add(source);
      else this.packErrorFiles.delete(source);
    }
    if (errors.length > 0) {
      const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
      this.notify(MessageType.Warning, `Healing Notes: ${count} in ${source}; the previous rules stay in use. First: ${formatPackError(errors[0])}`);
    }
  }

  // ------------------------------------------------------------------ checking

  private didChangeContent(document: TextDocument): void {
    // The first content (the note just opened) is checked at once; later edits after a pause, or on save.
    if (!this.checked.has(document.uri) && !this.timers.has(document.uri)) {
      this.schedule(document, 0);
      return;
    }
    void this.settingsFor(document.uri).then((settings) => {
      if (settings.run === 'onType') this.schedule(document, settings.debounceMs);
    });
  }

  private schedule(document: TextDocument, delayMs: number): void {
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        void this.guard(() => this.check(document.uri), undefined);
      }, delayMs),
    );
  }

  /** Checks the document as it is now and publishes its diagnostics; resolves to what was checked. */
  private async check(uri: string): Promise<Checked | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    const settings = await this.settingsFor(uri);
    const current = this.documents.get(uri);
    if (!current || current.version !== document.version) return undefined; // A newer check follows.
    if (!settings.enable) {
      this.checked.delete(uri);
      void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return undefined;
    }
    const file = filePathOf(uri);
    const folder = this.folderOf(file);
    const { pack, packFile } = this.packs.resolve(uri, file, folder, settings);
    const text = document.getText();
    const options: AnalyzeOptions = {
      pack,
      profile: settings.profile === 'auto' ? undefined : settings.profile,
      maxBytes: settings.maxNoteSizeKB * 1024,
    };
    const publish = (analysis: NoteAnalysis) => {
      const diagnostics = analysis.skipped ? [skippedDiagnostic(analysis.skipped.reason)] : analysis.findings.map((f) => toDiagnostic(document, f, document.version, packFile));
      void this.connection.sendDiagnostics({ uri, version: document.version, diagnostics });
    };
    if (!this.warmPacks.has(pack)) {
      // A pack's first check compiles its rules: publish the core elements' findings (the same as in the full
      // analysis) first, let them go out, then the rest a moment later.
      this.warmPacks.add(pack);
      const core = analyze(text, { ...options, only: (rule) => rule.level === 'core' });
      publish(core);
      if (core.skipped) return undefined;
      await new Promise((resolve) => setImmediate(resolve));
      if (this.documents.get(uri)?.version !== document.version) return undefined;
    }
    const analysis = analyze(text, options);
    const checked: Checked = { version: document.version, note: { text, analysis, pack }, packFile, canTurnOff: folder !== undefined || packFile !== undefined };
    this.checked.set(uri, checked);
    publish(analysis);
    if (this.warmed) {
      const warmed = this.warmed;
      this.warmed = undefined;
      setImmediate(warmed);
    }
    return checked;
  }

  /** What was checked of this version, or a check now. */
  private async current(document: TextDocument): Promise<Checked | undefined> {
    const checked = this.checked.get(document.uri);
    if (checked && checked.version === document.version) return checked;
    clearTimeout(this.timers.get(document.uri));
    this.timers.delete(document.uri);
    return this.check(document.uri);
  }

  private recheckAll(): void {
    for (const document of this.documents.all()) this.schedule(document, 0);
  }

  private didClose(document: TextDocument): void {
    clearTimeout(this.timers.get(document.uri));
    this.timers.delete(document.uri);
    this.checked.delete(document.uri);
    this.settingsCache.delete(document.uri);
    this.packs.forget(document.uri);
    void this.connection.sendDiagnostics({ uri: document.uri, diagnostics: [] });
  }

  // ------------------------------------------------------------------ code actions, hover, commands

  private async codeActions(params: CodeActionParams): Promise<CodeAction[]> {
    const document = this.documents.get(params.textDocument.uri);
    const checked = document && (await this.current(document));
    if (!document || !checked || checked.note.analysis.skipped) return [];
    const { note } = checked;
    const only = params.context.only;
    const wants = (kind: string) => !only || only.some((k) => k === '' || kind === k || kind.startsWith(`${k}.`));
    const actions: CodeAction[] = [];
    if (wants(CodeActionKind.QuickFix)) {
      // The findings the client's diagnostics name; without any of ours, those under the range.
      const byFinding = new Map<Finding, Diagnostic>();
      for (const diagnostic of params.context.diagnostics) {
        if (diagnostic.source !== DIAGNOSTIC_SOURCE || !isFindingData(diagnostic.data)) continue;
        const finding = findingOfData(note, diagnostic.data, document.version);
        if (finding && !byFinding.has(finding)) byFinding.set(finding, diagnostic);
      }
      const findings = byFinding.size > 0 ? [...byFinding.keys()] : findingsAt(note, { start: document.offsetAt(params.range.start), end: document.offsetAt(params.range.end) });
      for (const action of actionsForFindings(note, findings, { canTurnOff: checked.canTurnOff })) {
        const diagnostic = byFinding.get(action.finding) ?? toDiagnostic(document, action.finding, document.version, checked.packFile);
        const codeAction = toCodeAction(document, note, action, diagnostic, this.client);
        if (codeAction) actions.push(codeAction);
      }
    }
    // The source action: listed when asked for (a Source Action menu) and in menus that ask for everything.
    const missing = missingCoreFindings(note);
    if (missing.length > 0 && wants(INSERT_ALL_KIND) && (only !== undefined || actions.length > 0)) {
      actions.push({ title: INSERT_ALL_TITLE, kind: INSERT_ALL_KIND, edit: workspaceEditOf(document, promptEdits(note, missing), this.client) });
    }
    return actions;
  }

  private async hover(params: HoverParams): Promise<Hover | null> {
    const document = this.documents.get(params.textDocument.uri);
    const checked = document && (await this.current(document));
    if (!document || !checked) return null;
    const hover = hoverFor(checked.note, document.offsetAt(params.position), { moreIn: 'in the quick fixes here' });
    if (!hover) return null;
    return { contents: { kind: this.client.markdownHover ? 'markdown' : 'plaintext', value: hover.markdown }, range: rangeOf(document, hover.span) };
  }

  private async executeCommand(command: string, args: unknown[]): Promise<boolean> {
    if (command !== TURN_OFF_COMMAND) return false;
    const target = args[0];
    if (!isObject(target) || typeof target.uri !== 'string' || typeof target.ruleId !== 'string') return false;
    return this.turnOff(target.uri, target.ruleId, args[1] === true);
  }

  /**
   * Sets the rule to "off" in the nearest `.healingnotes.json` (or a new one in the workspace
   * folder), keeping its comments, after the client's user confirms: the file is the team's.
   */
  private async turnOff(uri: string, ruleId: string, confirmed: boolean): Promise<boolean> {
    const document = this.documents.get(uri);
    const checked = document && (await this.current(document));
    const file = filePathOf(uri);
    const target = checked?.packFile ?? ((folder) => folder && path.join(folder, PACK_FILE_NAME))(this.folderOf(file));
    if (!checked || !target) {
      this.notify(MessageType.Info, 'Healing Notes: open the note in a workspace folder to turn a rule off for it.');
      return false;
    }
    const title = ruleTitle(checked.note.pack, ruleId);
    if (!confirmed) {
      const question = turnOffConfirmation({ title }, target);
      const answer = await this.connection.window.showWarningMessage(`${question.message} ${question.detail}`, { title: question.confirm }, { title: 'Cancel' });
      if (answer?.title !== question.confirm) return false;
    }
    let text = '';
    try {
      text = fs.readFileSync(target, 'utf8');
    } catch {
      // No rule file yet: it is created.
    }
    fs.writeFileSync(target, turnOffText(text, ruleId));
    this.recheckAll();
    this.notify(MessageType.Info, `Healing Notes: “${title}” is off in ${target}.`);
    return true;
  }

  /** A message without actions: a notification (the library's show*Message are requests). */
  private notify(type: MessageType, message: string): void {
    void this.connection.sendNotification(ShowMessageNotification.type, { type, message });
  }

  private dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
    this.packs.dispose();
  }
}

/** Serves the language protocol on standard input and output until the client exits. */
export function startLanguageServer(connection: Connection, warmed?: () => void): HealingLanguageServer {
  const server = new HealingLanguageServer(connection, warmed);
  connection.listen();
  return server;
}
