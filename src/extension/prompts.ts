/**
 * Turns rules' prompts into snippet text placed in the note: on a new line at
 * the end of the section they belong in, under a new section header when the
 * note has none. Pure (no vscode import) so it is unit-tested directly.
 */
import type { PromptInsertion, Rule } from '../engine';

export interface PromptRequest {
  rule: Pick<Rule, 'id' | 'prompt'>;
  insertion: PromptInsertion;
}

/** One snippet to insert at one offset; `ruleIds` are the rules whose prompts it holds. */
export interface PromptEdit {
  offset: number;
  snippet: string;
  ruleIds: string[];
}

/** The line break the note already uses. */
export function eolOf(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

/** The end of the line holding `offset` (before its line break). */
export function lineEndAt(text: string, offset: number): number {
  const at = Math.max(0, Math.min(offset, text.length));
  const match = /\r\n|\r|\n/.exec(text.slice(at));
  return match ? at + match.index : text.length;
}

/** Escapes literal text for use in a snippet. */
export function escapeSnippetText(text: string): string {
  return text.replace(/[$}\\]/g, '\\$&');
}

const TABSTOP = /\\[\s\S]|\$(\d+)|\$\{(\d+)/g;

/** The highest tabstop number in a snippet (0 when it has none). */
export function maxTabstop(snippet: string): number {
  let max = 0;
  for (const m of snippet.matchAll(TABSTOP)) {
    const n = Number(m[1] ?? m[2]);
    if (!Number.isNaN(n)) max = Math.max(max, n);
  }
  return max;
}

/** Adds `by` to every tabstop number except the final tabstop $0, so several prompts can share one snippet. */
export function renumberTabstops(snippet: string, by: number): string {
  if (by === 0) return snippet;
  return snippet.replace(TABSTOP, (whole, bare?: string, braced?: string) => {
    if (bare !== undefined) return bare === '0' ? whole : `$${Number(bare) + by}`;
    if (braced !== undefined) return braced === '0' ? whole : `\${${Number(braced) + by}`;
    return whole;
  });
}

/**
 * The text a snippet inserts when every placeholder keeps its default: `${1:x}` → x,
 * `${1|a,b|}` → a, `$1` → ''. For checks that a prompt alone never counts as documentation.
 */
export function snippetToText(snippet: string): string {
  let out = '';
  let i = 0;
  const readUntilClose = (): string => {
    // Reads a placeholder's default up to its matching '}', rendering nested snippets.
    let depth = 1;
    let inner = '';
    while (i < snippet.length) {
      const c = snippet[i];
      if (c === '\\' && i + 1 < snippet.length) {
        inner += snippet.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (c === '$' && snippet[i + 1] === '{') depth++;
      if (c === '}' && --depth === 0) {
        i++;
        break;
      }
      inner += c;
      i++;
    }
    return snippetToText(inner);
  };
  while (i < snippet.length) {
    const c = snippet[i];
    if (c === '\\' && i + 1 < snippet.length) {
      out += snippet[i + 1];
      i += 2;
      continue;
    }
    if (c === '$') {
      const bare = /^\$(\d+|[A-Z_][A-Z_0-9]*)/.exec(snippet.slice(i));
      if (bare) {
        i += bare[0].length;
        continue;
      }
      const choice = /^\$\{\d+\|((?:\\.|[^|\\])*)\|\}/.exec(snippet.slice(i));
      if (choice) {
        out += choice[1].split(/(?<!\\),/)[0].replace(/\\(.)/g, '$1');
        i += choice[0].length;
        continue;
      }
      const open = /^\$\{(\d+|[A-Z_][A-Z_0-9]*)(:|\})/.exec(snippet.slice(i));
      if (open) {
        i += open[0].length;
        if (open[2] === ':') out += readUntilClose();
        continue;
      }
    }
    out += c;
    i++;
  }
  return out;
}

/**
 * Snippet edits for the given prompts. Prompts that land at the same place are
 * joined into one snippet, each on its own line, and tabstops are renumbered
 * so that no two prompts share one (shared numbers would mirror each other); prompts
 * that need a new section get its header once ("PLAN:"), after a blank line.
 * Only inserts: nothing of the note is replaced.
 */
export function promptEdits(text: string, requests: readonly PromptRequest[]): PromptEdit[] {
  const eol = eolOf(text);
  const groups = new Map<number, PromptRequest[]>();
  for (const request of requests) {
    if (!request.rule.prompt) continue;
    const offset = lineEndAt(text, request.insertion.offset);
    const group = groups.get(offset) ?? [];
    group.push(request);
    groups.set(offset, group);
  }
  const edits: PromptEdit[] = [];
  // Tabstops are numbered across all edits: VS Code links equal numbers of snippets applied together.
  let tabstops = 0;
  for (const [offset, group] of [...groups].sort((a, b) => a[0] - b[0])) {
    const atStart = text.slice(0, offset).trim() === '';
    const inSection = group.filter((r) => !r.insertion.createSection);
    const headers = [...new Set(group.filter((r) => r.insertion.createSection).map((r) => r.insertion.createSection as string))];
    let snippet = '';
    let first = true;
    const add = (request: PromptRequest, separator: string) => {
      const body = request.rule.prompt?.snippet ?? '';
      snippet += separator + renumberTabstops(body, tabstops);
      tabstops += maxTabstop(body);
      first = false;
    };
    for (const request of inSection) add(request, first && atStart ? '' : eol);
    for (const header of headers) {
      const separator = first && atStart ? '' : eol + eol;
      snippet += `${separator}${escapeSnippetText(header.replace(/:\s*$/, ''))}:`;
      first = false;
      for (const request of group.filter((r) => r.insertion.createSection === header)) add(request, eol);
    }
    edits.push({ offset, snippet, ruleIds: group.map((r) => r.rule.id) });
  }
  return edits;
}

/** Where an override line goes for a finding: on a new line after the line the prompt would follow. */
export function overrideEdit(text: string, insertion: PromptInsertion, line: string): { offset: number; text: string } {
  const offset = lineEndAt(text, insertion.offset);
  const atStart = text.slice(0, offset).trim() === '';
  return { offset, text: atStart ? line : eolOf(text) + line };
}
