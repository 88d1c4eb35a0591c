/**
 * Node's door to rule packs, for the CLI, the language server and the MCP
 * server: `.healingnotes.json` or `--rules <pack>`, loaded with the engine's
 * pack loader on top of the built-in rules. Pack errors are one line each
 * (`file:line:col: path: message`), exit 2 in the CLI.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type RulePack } from '../engine';
import { formatPackError, loadPackFile, nearestPackFile as nearestPackFileIn, packSearchFolders as searchFolders, type PackLoadResult } from '../engine/pack';
import { UsageError } from './files';

/**
 * Loads a pack file. `file` is as the user wrote it (relative to `cwd`), so
 * errors name it the same way; files it extends are read relative to it.
 * `readFile` reads the pack and the files it extends (default: from disk, under `cwd`).
 */
export function loadRulePack(file: string, cwd: string, readFile: (p: string) => string = (p) => fs.readFileSync(path.resolve(cwd, p), 'utf8')): RulePack {
  const { pack, errors } = loadPackFile(file, readFile);
  if (errors.length > 0) throw new UsageError(errors.map(formatPackError));
  return pack;
}

/**
 * The nearest `.healingnotes.json` from `dir` upwards: in `dir`, else in its parent, and so on up
 * to `stopAt` (included) or the file-system root. Undefined when there is none.
 */
export function nearestPackFile(dir: string, stopAt?: string): string | undefined {
  return nearestPackFileIn(path.resolve(dir), stopAt === undefined ? undefined : path.resolve(stopAt), isFile);
}

/** The folders `nearestPackFile(dir, stopAt)` looks in, nearest first: where a new pack file would change its answer. */
export function packSearchFolders(dir: string, stopAt?: string): string[] {
  return searchFolders(path.resolve(dir), stopAt === undefined ? undefined : path.resolve(stopAt));
}

export function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** What a file is on disk now (size and modification time), or that it is missing. */
function stamp(file: string): string {
  try {
    const stat = fs.statSync(file);
    return `${stat.size}:${stat.mtimeMs}`;
  } catch {
    return '-';
  }
}

/**
 * Pack files loaded on top of a base pack (absolute paths), loaded again only when a file the
 * load read (the pack or a file it extends) changed on disk since: long-running servers see a
 * team's edit at the next check, without a restart, and pay a few `stat` calls otherwise.
 */
export class PackFileCache {
  private readonly entries = new Map<string, { base: RulePack; stamps: string; result: PackLoadResult }>();

  load(file: string, base: RulePack): PackLoadResult {
    const cached = this.entries.get(file);
    if (cached && cached.base === base && cached.stamps === stampsOf(cached.result.files)) return cached.result;
    const result = loadPackFile(file, (p) => fs.readFileSync(p, 'utf8'), base);
    this.entries.set(file, { base, stamps: stampsOf(result.files), result });
    return result;
  }
}

function stampsOf(files: readonly string[]): string {
  return files.map(stamp).join('|');
}
