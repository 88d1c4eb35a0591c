/**
 * Which `.healingnotes.json` applies to a note: the nearest one from the note's folder upwards,
 * up to a stop folder (the CLI's working folder, an editor's workspace folder) or the root — as
 * ESLint and markdownlint-cli2 find theirs. No file system here: the CLI, the language server,
 * the MCP server and the VS Code extension pass their own `exists` (the extension's may be
 * asynchronous, for remote folders, and walks `packSearchFolders` itself).
 */
import { dirnameOf, resolvePath } from './paths';
import { PACK_FILE_NAME } from './schema';

/**
 * The folders a nearest-pack search looks in, nearest first: `dir`, its parent, and so on up to
 * `stopAt` (included) or the root. Both are absolute, normalised paths (POSIX or Windows); a
 * `stopAt` that is not above `dir` is never met, so the search goes to the root.
 */
export function packSearchFolders(dir: string, stopAt?: string): string[] {
  const folders: string[] = [];
  let current = dir;
  for (;;) {
    folders.push(current);
    const parent = dirnameOf(current);
    if (current === stopAt || parent === current) return folders;
    current = parent;
  }
}

/** The pack file a folder would hold. */
export function packFileIn(folder: string): string {
  return resolvePath(folder, PACK_FILE_NAME);
}

/** The nearest pack file from `dir` up to `stopAt` (see packSearchFolders) for which `exists` holds. */
export function nearestPackFile(dir: string, stopAt: string | undefined, exists: (file: string) => boolean): string | undefined {
  for (const folder of packSearchFolders(dir, stopAt)) {
    const file = packFileIn(folder);
    if (exists(file)) return file;
  }
  return undefined;
}
