/**
 * The language server's translation of the engine and the assist layer into
 * LSP: findings as diagnostics (rule id as code, linked to the rule's docs,
 * a typed `data` payload naming the finding), assist actions as code actions
 * whose edits are snippet edits for clients that take them (LSP 3.18
 * `snippetEditSupport`) and plain text otherwise. Nothing here decides what a
 * finding offers: src/assist does, as for the VS Code extension.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  DiagnosticSeverity,
  type CodeAction,
  type Diagnostic,
  type Range,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { overrideSnippetEdit, ruleOf, snippetToText, type AssistAction, type AssistNote, type SnippetEdit } from '../assist';
import { defaultPack, type Finding, type FindingKind, type RulePack, type Severity, type Span } from '../engine';
import { ruleAnchor } from '../engine/pack/docs';

export const DIAGNOSTIC_SOURCE = 'healing-notes';
/** The command a "turn off" code action runs: arguments `{ uri, ruleId }`, then `true` to skip the question. */
export const TURN_OFF_COMMAND = 'healingNotes.turnOff';
/** The source action that inserts the prompts of every missing core element. */
export const INSERT_ALL_KIND = `${CodeActionKind.Source}.healingNotes.insertAllPrompts`;
export const INSERT_ALL_TITLE = 'Insert prompts for all missing elements';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What a diagnostic carries back to the server in a code action request: which finding it shows, in which version. */
export interface FindingData {
  ruleId: string;
  kind: FindingKind;
  start: number;
  end: number;
  version: number;
}

export function isFindingData(value: unknown): value is FindingData {
  const v = value as Partial<FindingData> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.ruleId === 'string' && typeof v.kind === 'string' &&
    typeof v.start === 'number' && typeof v.end === 'number' && typeof v.version === 'number'
  );
}

/** What the client can take, read from its capabilities at `initialize`. */
export interface ClientAbilities {
  /** Snippet edits in workspace edits (LSP 3.18 `workspace.workspaceEdit.snippetEditSupport`). */
  snippetEdits: boolean;
  /** Versioned `documentChanges` in workspace edits. */
  documentChanges: boolean;
  markdownHover: boolean;
}

export function rangeOf(document: TextDocument, span: Span): Range {
  return { start: document.positionAt(span.start), end: document.positionAt(span.end) };
}

/** docs/rules.md of the installed package (beside dist/, or the repository for compiled sources), if it is there. */
const RULES_DOC = (() => {
  for (let dir = __dirname, i = 0; i < 5; i++, dir = path.dirname(dir)) {
    const file = path.join(dir, 'docs', 'rules.md');
    if (fs.existsSync(file)) return pathToFileURL(file).href;
  }
  return undefined;
})();

/** A rule's documentation: its section of docs/rules.md for a built-in rule, else the pack file that defines it. */
export function ruleDocsHref(ruleId: string, packFile: string | undefined): string | undefined {
  if (defaultPack.rules.some((r) => r.id === ruleId)) return RULES_DOC && `${RULES_DOC}#${ruleAnchor(ruleId)}`;
  return packFile && pathToFileURL(packFile).href;
}

export function toDiagnostic(document: TextDocument, finding: Finding, version: number, packFile?: string): Diagnostic {
  const href = ruleDocsHref(finding.ruleId, packFile);
  const data: FindingData = { ruleId: finding.ruleId, kind: finding.kind, start: finding.range.start, end: finding.range.end, version };
  return {
    range: rangeOf(document, finding.range),
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    ...(href ? { codeDescription: { href } } : {}),
    source: DIAGNOSTIC_SOURCE,
    message: finding.message,
    data,
  };
}

/** A note that was not analysed (too large, binary) says so once, at its start. */
export function skippedDiagnostic(reason: string): Diagnostic {
  return { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, severity: DiagnosticSeverity.Information, source: DIAGNOSTIC_SOURCE, message: reason };
}

/** Edits of one document as a workspace edit: snippets where the client takes them, plain text otherwise. */
export function workspaceEditOf(document: TextDocument, edits: readonly SnippetEdit[], client: ClientAbilities): WorkspaceEdit {
  const snippets = client.snippetEdits && client.documentChanges;
  const textEdits = edits.map((e) => {
    const range = rangeOf(document, e);
    // LSP 3.18 SnippetTextEdit; its type is not in the 3.17 library this server is built on.
    return snippets ? ({ range, snippet: { kind: 'snippet', value: e.snippet } } as unknown as TextEdit) : { range, newText: snippetToText(e.snippet) };
  });
  if (client.documentChanges) return { documentChanges: [{ textDocument: { uri: document.uri, version: document.version }, edits: textEdits }] };
  return { changes: { [document.uri]: textEdits } };
}

/** The code action of one assist action, bound to the diagnostic that showed its finding. */
export function toCodeAction(document: TextDocument, note: AssistNote, action: AssistAction, diagnostic: Diagnostic | undefined, client: ClientAbilities): CodeAction | undefined {
  const base: CodeAction = { title: action.title, kind: CodeActionKind.QuickFix, ...(diagnostic ? { diagnostics: [diagnostic] } : {}) };
  switch (action.kind) {
    case 'insert-prompt':
      return { ...base, isPreferred: action.preferred, edit: workspaceEditOf(document, [action.edit], client) };
    case 'mark-discussed': {
      // No input box in LSP: the line is written with its reason as a placeholder, which the engine ignores until filled.
      const rule = ruleOf(note.pack, action.ruleId);
      return rule && { ...base, edit: workspaceEditOf(document, [overrideSnippetEdit(note.text, action.finding, rule)], client) };
    }
    case 'turn-off':
      return { ...base, command: { title: action.title, command: TURN_OFF_COMMAND, arguments: [{ uri: document.uri, ruleId: action.ruleId }] } };
  }
}

/** The finding a diagnostic's data names in the note as analysed now: the very one in the same version, else the same rule's of the same kind. */
export function findingOfData(note: AssistNote, data: FindingData, version: number): Finding | undefined {
  const candidates = note.analysis.findings.filter((f) => f.ruleId === data.ruleId && f.kind === data.kind);
  if (data.version === version) return candidates.find((f) => f.range.start === data.start && f.range.end === data.end);
  return candidates[0];
}

/** The pack's rule title, or the id when the pack lacks the rule. */
export function ruleTitle(pack: RulePack, ruleId: string): string {
  return ruleOf(pack, ruleId)?.title ?? ruleId;
}
