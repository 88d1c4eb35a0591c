/** Snippet syntax (VS Code and LSP): escaping, tab-stop numbers, and the text a snippet inserts. */

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
 * `${1|a,b|}` → a, `$1` → ''. What a face without snippet support inserts.
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

export interface Tabstop {
  index: number;
  /** The default text (rendered), '' for `$1` or `${1}`. */
  text: string;
  /** A choice list (`${1|a,b|}`) rather than text to write. */
  choice: boolean;
}

/** The tab stops of a snippet in the order they appear in it. */
export function tabstopsOf(snippet: string): Tabstop[] {
  const stops: Tabstop[] = [];
  const pattern = /\\[\s\S]|\$(\d+)|\$\{(\d+)(?:(\|)((?:\\.|[^|\\])*)\|\}|:((?:\\.|[^}\\])*)\}|\})/g;
  for (const m of snippet.matchAll(pattern)) {
    if (m[0].startsWith('\\')) continue;
    const index = Number(m[1] ?? m[2]);
    if (m[3]) stops.push({ index, text: (m[4] ?? '').split(/(?<!\\),/)[0], choice: true });
    else stops.push({ index, text: snippetToText(m[5] ?? ''), choice: false });
  }
  return stops;
}
