/** Typed access to the `healingNotes.*` settings, read per document (multi-root aware). */
import vscode = require('vscode');
import { CONFIG_SECTION, LANGUAGE_ID } from './constants';

/** When a note is checked (`healingNotes.run`). */
export type CheckTiming = 'onType' | 'onSave';

export interface Settings {
  enable: boolean;
  /** Also check plaintext and markdown documents, not only clinical notes. */
  checkPlainTextAndMarkdown: boolean;
  run: CheckTiming;
  debounceMs: number;
  maxNoteSizeKB: number;
  profile: string;
  /** While typing, hold back new findings on the cursor's line until the cursor leaves it or the note is saved. */
  quietCurrentLine: boolean;
}
// `healingNotes.rules` is read by the PackManager (packs.ts), which layers it into the rule pack.

export function readSettings(scope?: vscode.ConfigurationScope): Settings {
  const config = vscode.workspace.getConfiguration(CONFIG_SECTION, scope);
  return {
    enable: config.get<boolean>('enable', true),
    checkPlainTextAndMarkdown: config.get<boolean>('checkPlainTextAndMarkdown', false),
    run: config.get<CheckTiming>('run', 'onType'),
    debounceMs: Math.max(0, config.get<number>('debounceMs', 300)),
    maxNoteSizeKB: Math.max(1, config.get<number>('maxNoteSizeKB', 1024)),
    profile: config.get<string>('profile', 'auto'),
    quietCurrentLine: config.get<boolean>('quietCurrentLine', true),
  };
}

/** Whether a document is one we check, under the settings of its folder. */
export function isCheckedDocument(document: vscode.TextDocument): boolean {
  if (document.uri.scheme === 'output' || document.uri.scheme === 'vscode-scm' || document.uri.scheme === 'git') return false;
  const settings = readSettings(document);
  if (!settings.enable) return false;
  if (document.languageId === LANGUAGE_ID) return true;
  return settings.checkPlainTextAndMarkdown && (document.languageId === 'plaintext' || document.languageId === 'markdown');
}
