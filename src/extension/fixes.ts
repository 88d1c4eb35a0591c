/**
 * What the quick fixes do: insert a rule's prompt (a snippet with tabstops and
 * choices), insert all missing core prompts at once, record "discussed, not
 * documented" with a reason, or turn a rule off in the workspace rule file.
 * Fixes only insert into the note, as one edit (one undo), and are refused
 * when the note changed since the finding was computed.
 */
import * as vscode from 'vscode';
import type { PromptInsertion } from '../engine';
import { formatOverride } from '../engine/overrides';
import { STRINGS, WORKSPACE_RULES_FILE } from './constants';
import type { DiagnosticsController } from './diagnostics';
import { eolOf, overrideEdit, promptEdits, type PromptRequest } from './prompts';
import { setRuleSeverity } from './ruleConfig';

/** Arguments of the prompt and override commands: plain JSON, carried by code actions. */
export interface FindingArgs {
  uri: string;
  /** The document version the finding was computed on. */
  version: number;
  ruleId: string;
  insertion: PromptInsertion;
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
    isObject(value.insertion) &&
    typeof value.insertion.offset === 'number'
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

export class NoteFixes {
  constructor(
    private readonly diagnostics: DiagnosticsController,
    /** Called after a folder's rule file was written, so its pack reloads at once. */
    private readonly onRulesWritten: (folder: vscode.WorkspaceFolder) => void,
  ) {}

  /** Inserts one rule's prompt where it belongs. Resolves false when nothing was inserted. */
  async insertPrompt(args: unknown): Promise<boolean> {
    if (!isFindingArgs(args)) return false;
    const document = this.current(args);
    const rule = document && this.diagnostics.ruleOf(document, args.ruleId);
    if (!document || !rule?.prompt) return false;
    return this.applyPrompts(document, args.version, [{ rule, insertion: args.insertion }]);
  }

  /** Inserts the prompts of every missing core element; without arguments, in the active note. */
  async insertAllPrompts(args?: unknown): Promise<boolean> {
    let document: vscode.TextDocument | undefined;
    let version: number;
    if (isNoteArgs(args)) {
      document = this.current(args);
      version = args.version;
    } else {
      document = vscode.window.activeTextEditor?.document;
      version = document?.version ?? -1;
    }
    const analysis = document && this.diagnostics.analysisOf(document);
    if (!document || !analysis) {
      if (!isNoteArgs(args)) void vscode.window.showInformationMessage(STRINGS.noNote);
      return false;
    }
    const requests = missingCorePrompts(this.diagnostics, document, analysis.findings);
    if (requests.length === 0) {
      void vscode.window.showInformationMessage(STRINGS.noMissing);
      return false;
    }
    return this.applyPrompts(document, version, requests);
  }

  /** Records in the note, as a visible override line, that an element was discussed but is not documented. */
  async markDiscussed(args: unknown, reason?: unknown): Promise<boolean> {
    if (!isFindingArgs(args)) return false;
    const document = this.current(args);
    if (!document) return false;
    let given = typeof reason === 'string' ? reason : undefined;
    given ??= await vscode.window.showInputBox({
      title: `${STRINGS.markDiscussedTitle.replace('…', '')}: ${args.ruleId}`,
      prompt: STRINGS.reasonPrompt,
      placeHolder: STRINGS.reasonPlaceholder,
      ignoreFocusOut: true,
      validateInput: (value) => (value.trim() ? undefined : STRINGS.reasonRequired),
    });
    if (!given?.trim()) return false;
    if (!this.sameVersion(document, args.version)) return false;
    const edit = overrideEdit(document.getText(), args.insertion, formatOverride(args.ruleId, given));
    const workspaceEdit = new vscode.WorkspaceEdit();
    workspaceEdit.insert(document.uri, document.positionAt(edit.offset), edit.text);
    return vscode.workspace.applyEdit(workspaceEdit);
  }

  /** Sets `rules.<id>` to "off" in the workspace folder's `.healingnotes.json`, keeping its comments. */
  async disableRuleInWorkspace(args: unknown): Promise<boolean> {
    if (!isRuleArgs(args)) return false;
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(args.uri));
    if (!folder) {
      void vscode.window.showInformationMessage(STRINGS.noWorkspaceFolder);
      return false;
    }
    const file = vscode.Uri.joinPath(folder.uri, WORKSPACE_RULES_FILE);
    const open = vscode.workspace.textDocuments.find((d) => d.uri.toString() === file.toString());
    if (open) {
      const updated = setRuleSeverity(open.getText(), args.ruleId, 'off', eolOf(open.getText()));
      const edit = new vscode.WorkspaceEdit();
      edit.replace(file, new vscode.Range(open.positionAt(0), open.positionAt(open.getText().length)), updated);
      if (!(await vscode.workspace.applyEdit(edit)) || !(await open.save())) return false;
    } else {
      let text = '';
      try {
        text = new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
      } catch {
        // No rule file yet: it is created.
      }
      await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(setRuleSeverity(text, args.ruleId, 'off', eolOf(text))));
    }
    this.onRulesWritten(folder);
    const shown = vscode.workspace.asRelativePath(file, vscode.workspace.workspaceFolders !== undefined && vscode.workspace.workspaceFolders.length > 1);
    void vscode.window.showInformationMessage(`Healing Notes: "${args.ruleId}" is off in ${shown}.`, 'Open File').then((choice) => {
      if (choice) void vscode.window.showTextDocument(file);
    });
    return true;
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

  private async applyPrompts(document: vscode.TextDocument, version: number, requests: PromptRequest[]): Promise<boolean> {
    // Snippet edits keep their tabstops only in the active editor, so show the note first.
    const active = vscode.window.activeTextEditor;
    if (active?.document !== document) await vscode.window.showTextDocument(document, { preview: false });
    if (!this.sameVersion(document, version)) return false;
    const edits = promptEdits(document.getText(), requests);
    if (edits.length === 0) return false;
    const edit = new vscode.WorkspaceEdit();
    edit.set(
      document.uri,
      edits.map((e) => {
        const at = document.positionAt(e.offset);
        return new vscode.SnippetTextEdit(new vscode.Range(at, at), new vscode.SnippetString(e.snippet));
      }),
    );
    return vscode.workspace.applyEdit(edit);
  }
}

/** One prompt per missing core element that has a prompt, in pack order. */
export function missingCorePrompts(
  diagnostics: DiagnosticsController,
  document: vscode.TextDocument,
  findings: readonly { ruleId: string; kind: string; insertion: PromptInsertion }[],
): PromptRequest[] {
  const pack = diagnostics.packFor(document);
  const requests: PromptRequest[] = [];
  for (const rule of pack.rules) {
    if (rule.level !== 'core' || !rule.prompt) continue;
    const finding = findings.find((f) => f.ruleId === rule.id && f.kind === 'missing');
    if (finding) requests.push({ rule, insertion: finding.insertion });
  }
  return requests;
}
