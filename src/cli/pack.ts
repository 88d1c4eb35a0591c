/**
 * The CLI's door to rule packs: `.healingnotes.json` or `--rules <pack>`,
 * loaded with the engine's pack loader on top of the built-in rules. Pack
 * errors are one line each (`file:line:col: path: message`), exit 2.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type RulePack } from '../engine';
import { formatPackError, loadPackFile } from '../engine/pack';
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
