/** UI strings, ids and setting names in one place. */
export const EXTENSION_ID = 'healing-notes.healing-notes';
export const LANGUAGE_ID = 'clinical-note';
export const DIAGNOSTIC_SOURCE = 'Healing Notes';
export const CONFIG_SECTION = 'healingNotes';
/** Rule documentation ships inside the extension, so a diagnostic's link works offline. */
export const RULE_DOCS_PATH = ['docs', 'rules.md'];

export const COMMANDS = {
  analyzeNow: 'healingNotes.analyzeNow',
} as const;
