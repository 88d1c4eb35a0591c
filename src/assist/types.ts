/**
 * The plain data the assist layer reads and returns. Offsets are UTF-16 code
 * units into the note text, as everywhere in the engine; every face (VS Code,
 * the language server, the MCP server, the web page) converts them itself.
 */
import type { NoteAnalysis, RulePack } from '../engine';

/** One note as analysed: its text, the engine's analysis of exactly that text, and the pack it was analysed with. */
export interface AssistNote {
  text: string;
  analysis: NoteAnalysis;
  pack: RulePack;
}

/** Replace [start, end) of the note with `text` (start === end inserts). */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * Replace [start, end) of the note with a snippet in VS Code / LSP snippet
 * syntax (`${1:<placeholder>}` tab stops). A face without snippets inserts
 * `snippetToText(snippet)`.
 */
export interface SnippetEdit {
  start: number;
  end: number;
  snippet: string;
  /** The rules whose prompts the snippet holds. */
  ruleIds: string[];
}
