/** UI strings, ids and setting names in one place. */
export const EXTENSION_ID = 'healing-notes.healing-notes';
export const LANGUAGE_ID = 'clinical-note';
export const DIAGNOSTIC_SOURCE = 'Healing Notes';
export const CONFIG_SECTION = 'healingNotes';
/** A rule's documentation, rendered from the rule pack in use: `healing-notes-rule:/<rule id>.md`. */
export const RULE_DOCS_SCHEME = 'healing-notes-rule';
/** The walkthrough, as declared in package.json (its full id is `<extension id>#<this>`). */
export const WALKTHROUGH_ID = 'healingNotes.gettingStarted';
/** The sample a trainee opens from the walkthrough (a copy, as an untitled note). */
export const SAMPLE_NOTE_PATH = ['samples', '02-cough-no-plan.note'];
/** The workspace folder's rule file, shared with the CLI. */
export const WORKSPACE_RULES_FILE = '.healingnotes.json';

export const COMMANDS = {
  analyzeNow: 'healingNotes.analyzeNow',
  showCoverage: 'healingNotes.showCoverage',
  insertAllPrompts: 'healingNotes.insertAllPrompts',
  openRuleDocs: 'healingNotes.openRuleDocs',
  openWalkthrough: 'healingNotes.openWalkthrough',
  openSample: 'healingNotes.openSample',
  testWorkspaceRules: 'healingNotes.testWorkspaceRules',
  // Invoked from code actions and the coverage view, with arguments; hidden from the palette.
  insertPrompt: 'healingNotes.insertPrompt',
  markDiscussed: 'healingNotes.markDiscussed',
  disableRuleInWorkspace: 'healingNotes.disableRuleInWorkspace',
  revealSpan: 'healingNotes.revealSpan',
} as const;

export const VIEW_CONTAINER_ID = 'healingNotes';
export const COVERAGE_VIEW_ID = 'healingNotes.coverage';

/** `source.healingNotes.insertAllPrompts`: the source action that writes every missing core prompt. */
export const INSERT_ALL_KIND_VALUE = 'source.healingNotes.insertAllPrompts';

export const STRINGS = {
  insertAllTitle: 'Insert Prompts for All Missing Elements',
  staleNote: 'The note changed since it was checked; nothing was inserted. Try again once the check has finished.',
  noMissing: 'Every core element is documented in this note; there are no prompts to insert.',
  noNote: 'Open a visit note (*.note) first.',
  reasonPrompt: 'Why is it discussed but not documented? The reason is written into the note.',
  reasonPlaceholder: 'e.g. patient asked to think it over; will document at next visit',
  reasonRequired: 'Give a short reason; it is written into the note for the next reader.',
  noWorkspaceFolder: 'This note is not in a workspace folder, so there is no workspace rule file to change.',
  unknownRule: 'That rule is not in the rule pack in use.',
} as const;
