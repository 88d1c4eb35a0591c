/**
 * What the diagnostics need from the rule-pack layer: the pack for a document
 * and extra severities. The PackManager (packs.ts) provides it; tests may
 * substitute a simpler source.
 */
import type * as vscode from 'vscode';
import type { RulePack, SeveritySetting } from '../engine';

export interface PackSource extends vscode.Disposable {
  packFor(document: vscode.TextDocument): RulePack;
  severityOverridesFor(document: vscode.TextDocument): Record<string, SeveritySetting>;
  /** Fires when rules or severities may have changed for some documents. */
  readonly onDidChange: vscode.Event<void>;
}
