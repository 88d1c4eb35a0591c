/**
 * The assist layer: what a finding offers a person, as plain data, for every
 * face of Healing Notes (the VS Code extension, the language server, the MCP
 * server, the offline web page). No editor API here: text, offsets, strings
 * and snippet strings in; the same out. Each face only translates.
 *
 * Typical use, for a note `text` analysed with `pack`:
 *
 *   const note = { text, analysis: analyze(text, { pack }), pack };
 *   const actions = actionsForFindings(note, findingsAt(note, { start: cursor, end: cursor }));
 *   // actions[i].title — "Insert prompt: shared decision", "Mark shared decision as discussed, not documented…", ...
 *   // an insert-prompt action carries its SnippetEdit; mark-discussed → overrideEdit(text, finding, rule, reason);
 *   // turn-off → turnOffText(packFileText, ruleId) after turnOffConfirmation(rule, file).
 *   const hover = hoverFor(note, offset);            // bounded markdown about one element
 *   const edits = promptEdits(note, missingCoreFindings(note));   // "insert prompts for all"
 *   const coverage = coverageOf(note);               // "Core n/6" group, then the skills
 *
 * Offsets are UTF-16 code units into `text`; `analysis` must be of exactly that text.
 */
export type { AssistNote, SnippetEdit, TextEdit } from './types';
export {
  actionsFor,
  actionsForFindings,
  actionTitles,
  byImportance,
  findingsAt,
  isSerious,
  type ActionOptions,
  type AssistAction,
  type AssistActionKind,
  type InsertPromptAction,
  type MarkDiscussedAction,
  type TurnOffAction,
} from './actions';
export { coverageOf, type Coverage, type CoverageEvidence, type CoverageGroup, type CoverageRule, type CoverageSummary } from './coverage';
export { elementName, ruleOf } from './elements';
export { hoverFor, MAX_HOVER_LENGTH, ruleMarkdown, type AssistHover, type HoverOptions, type RuleDetails } from './hover';
export { escapeMarkdown, quoteOf, statusText } from './markdown';
export { isValidReason, overrideEdit, overrideLine, overrideSnippetEdit, REASON_PLACEHOLDER } from './overrides';
export { labelSectionKind, missingCoreFindings, promptEdit, promptEdits, promptSnippet, unfilledLineOf } from './prompts';
export { coreTally, groupBySkill, SKILLS, skillKeyOf, tally, type SkillGroup, type SkillInfo, type Tally } from './skills';
export { escapeSnippetText, maxTabstop, renumberTabstops, snippetToText, tabstopsOf, type Tabstop } from './snippets';
export { eolOf } from './text';
export { setRuleSeverity, turnOffConfirmation, turnOffText } from './turnOff';
