/**
 * What the quick fixes do, applied through the VS Code API: the edits come
 * from the assist layer (src/assist). Insert a rule's prompt (a snippet whose
 * first tab stop is the text to write), insert all missing core prompts at
 * once, record "discussed, not documented" with a reason, or turn a rule off in
 * the workspace rule file after asking. Fixes edit the note as one edit (one
 * undo), and are refused when the note changed since the finding was computed.
 */
import vscode = require('vscode');
import {
  elementName,
  isValidReason,
  missingCoreFindings,
  overrideEdit,
  promptEdit,
  promptEdits,
  ruleOf,
  turnOffConfirmation,
  turnOffText,
  type AssistNote,
  type SnippetEdit,
} from '../assist';
import type { Finding, FindingKind, Span } from '../engine';
import { STRINGS, WORKSPACE_RULES_FILE } from './constants';
import type { DiagnosticsController } from './diagnostics';

/** Arguments of the prompt, override and turn-off commands: plain JSON naming one finding, carried by code actions. */
export interface FindingArgs {
  uri: string;
  /** The document version the finding was computed on. */
  version: number;
  ruleId: string;
  kind: FindingKind;
  range: Span;
}

export interface NoteArgs {
  uri: string;
  version: number;
}

export interface RuleArgs {
  uri: string;
  ruleId: string;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Narrows command arguments defensively: commands can be run from anywhere with anything. */
export function isFindingArgs(value: unknown): value is FindingArgs {
  return (
    isObject(value) &&
    typeof value.uri === 'string' &&
    typeof value.version === 'number' &&
    typeof value.ruleId === 'string' &&
    typeof value.kind === 'string' &&
    isObject(value.range) &&
    typeof value.range.start === 'number' &&
    typeof value.range.end === 'number'
  );
}

export function isNoteArgs(value: unknown): value is NoteArgs {
  return isObject(value) && typeof value.uri === 'string' && typeof value.version === 'number';
}

export function isRuleArgs(value: unknown): value is RuleArgs {
  return isObject(value) && typeof value.uri === 'string' && typeof value.ruleId === 'string';
}

function openDocument(uri: string): vscode.TextDocument | undefined {
  return vscode.workspace.textDocuments.find((d) => d.uri.toString() === uri);
}

/** Where the turn-off fix writes: the rule-pack layer (PackManager). */
export interface RuleFiles {
  /** The `.healingnotes.json` that applies to a document (the nearest), if any. */
  packFileFor(document: { uri: vscode.Uri }): vscode.Uri | undefined;
  /** Called after a folder's rule file was written, so its packs reload at once. */
  reload(folder: vscode.WorkspaceFolder): void;
}

export class NoteFixes {
  constructor(
    private readonly diagnostics: DiagnosticsController,
    private readonly ruleFiles: RuleFiles,
  ) {}

  /** Inserts one finding's prompt where it belongs (or fills its unfilled line). Resolves false when nothing was inserted. */
  async insertPrompt(args: unknown): Promise<boolean> {
    if (!isFindingArgs(args)) return false;
    const target = this.findingOf(args);
    if (!target) return false;
    const edit = promptEdit(target.note, target.finding);
    return edit ? this.applySnippets(target.document, args.version, [edit]) : false;
  }

  /** Inserts the prompts of every missing core element; without arguments, in the note last active. */
  async insertAllPrompts(args?: unknown): Promise<boolean> {
    let document: vscode.TextDocument | undefined;
    let version: number;
    if (isNoteArgs(args)) {
      document = this.current(args);
      version = args.version;
    } else {
      document = this.diagnostics.currentNote();
      version = document?.version ?? -1;
    }
    const note = document && this.diagnostics.noteOf(document);
    if (!document || !note) {
      if (!isNoteArgs(args)) void vscode.window.showInformationMessage(STRINGS.noNote);
      return false;
    }
    const findings = missingCoreFindings(note);
    if (findings.length === 0) {
      void vscode.window.showInformationMessage(STRINGS.noMissing);
      return false;
    }
    return this.applySnippets(document, version, promptEdits(note, findings));
  }

  /** Records in the note, as a visible override line naming the element, that it was discussed but is not documented. */
  async markDiscussed(args: unknown, reason?: unknown): Promise<boolean> {
    if (!isFindingArgs(args)) return false;
    const target = this.findingOf(args);
    const rule = target && ruleOf(target.note.pack, args.ruleId);
    if (!target || !rule) return false;
    let given = typeof reason === 'string' ? reason : undefined;
    given ??= await vscode.window.showInputBox({
      title: `Mark ${elementName(rule)} as discussed, not documented`,
      prompt: STRINGS.reasonPrompt,
      placeHolder: STRINGS.reasonPlaceholder,
      ignoreFocusOut: true,
      validateInput: (value) => (isValidReason(value) ? undefined : STRINGS.reasonRequired),
    });
    if (given === undefined || !isValidReason(given)) return false;
    const { document } = target;
    if (!this.sameVersion(document, args.version)) return false;
    const edit = overrideEdit(document.getText(), target.finding, rule, given);
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.insert(document.uri, document.positionAt(edit.start), edit.text);
    return vscode.workspace.applyEdit(workspaceEdit);
  }

  /**
   * Sets `rules.<id>` to "off" in the note's `.healingnotes.json` — the nearest one, the pack the
   * note is checked with, else a new one at the root of its workspace folder — keeping its
   * comments, after a modal question (the file is the team's). `confirmed === true` skips the question.
   */
  async disableRuleInWorkspace(args: unknown, confirmed?: unknown): Promise<boolean> {
    if (!isRuleArgs(args)) return false;
    const uri = vscode.Uri.parse(args.uri);
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) {
      void vscode.window.showInformationMessage(STRINGS.noWorkspaceFolder);
      return false;
    }
    const note = openDocument(args.uri);
    const rule = note && this.diagnostics.ruleOf(note, args.ruleId);
    const file = this.ruleFiles.packFileFor({ uri }) ?? vscode.Uri.joinPath(folder.uri, WORKSPACE_RULES_FILE);
    const multiRoot = vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1;
    const shown = vscode.workspace.asRelativePath(file, multiRoot);
    if (confirmed !== true) {
      const question = turnOffConfirmation(rule ?? { title: args.ruleId }, shown);
      const answer = await vscode.window.showWarningMessage(question.message, { modal: true, detail: question.detail }, question.confirm);
      if (answer !== question.confirm) return false;
    }
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
    if (open) {
      const edit = new vscode.WorkspaceEdit();
      edit.replace(file, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), turnOffText(open.getText(), args.ruleId));
      if (!(await vscode.workspace.applyEdit(edit)) || !(await open.save())) return false;
    } else {
      let text = '';
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      } catch {
        // No rule file yet: it is created.
      }
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(turnOffText(text, args.ruleId)));
    }
    this.ruleFiles.reload(folder);
    void vscode.window.showInformationMessage(`Healing Notes: “${rule?.title ?? args.ruleId}” is off in ${shown}.`, 'Open File').then((choice) => {
      if (choice) void vscode.window.showTextDocument(file);
    });
    return true;
  }

  /** The finding the arguments name, in its note, if the note still has the version it was computed on. */
  private findingOf(args: FindingArgs): { document: vscode.TextDocument; note: AssistNote; finding: Finding } | undefined {
    const document = this.current(args);
    const note = document && this.diagnostics.noteOf(document);
    const finding = note && this.diagnostics.findingOf(note, args, true);
    return document && note && finding ? { document, note, finding } : undefined;
  }

  /** The open document of `args`, if it still has the version the finding was computed on. */
  private current(args: NoteArgs): vscode.TextDocument | undefined {
    const document = openDocument(args.uri);
    return document && this.sameVersion(document, args.version) ? document : undefined;
  }

  private sameVersion(document: vscode.TextDocument, version: number): boolean {
    if (document.version === version) return true;
    void vscode.window.showWarningMessage(STRINGS.staleNote);
    return false;
  }

  private async applySnippets(document: vscode.TextDocument, version: number, edits: readonly SnippetEdit[]): Promise<boolean> {
    if (edits.length === 0) return false;
    // Snippet edits keep their tabstops only in the active editor, so show the note first.
    const active = vscode.window.activeTextEditor;
    if (active?.document !== document) await vscode.window.showTextDocument(document, { preview: false });
    if (!this.sameVersion(document, version)) return false;
    const edit = new vscode.WorkspaceEdit();
    edit.set(
      document.uri,
      edits.map((e) => new vscode.SnippetTextEdit(new vscode.Range(document.positionAt(e.start), document.positionAt(e.end)), new vscode.SnippetString(e.snippet))),
    );
    return vscode.workspace.applyEdit(edit);
  }
}
