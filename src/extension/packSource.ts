/**
 * What the diagnostics need from the rule-pack layer: the pack for a document
 * (the settings' and pack file's severities are already in it, below the
 * profiles). The PackManager (packs.ts) provides it; tests may substitute a
 * simpler source.
 */
import type * as vscode from 'vscode';
import type { RulePack } from '../engine';

export interface PackSource extends vscode.Disposable {
  packFor(document: vscode.TextDocument): RulePack;
  /** The `.healingnotes.json` the document's pack comes from, if any. */
  packFileFor?(document: vscode.TextDocument): vscode.Uri | undefined;
  /** Fires when rules or severities may have changed for some documents. */
  readonly onDidChange: vscode.Event<void>;
}
