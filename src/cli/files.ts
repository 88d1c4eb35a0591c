/** Expands the CLI's path arguments into note files, with errors a person can act on. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export const NOTE_EXTENSIONS = ['.note'];

/** A user-facing error: printed as one line, exit code 2. */
export class UsageError extends Error {}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'not a directory';
    default: return code ?? 'cannot be read';
  }
}

/** Lists the note files under the given files and folders, sorted within each folder. */
export function expandPaths(inputs: readonly string[], extensions: readonly string[] = NOTE_EXTENSIONS): string[] {
  const files: string[] = [];
  for (const input of inputs) {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(input);
    } catch (error) {
      throw new UsageError(`cannot read '${input}': ${describe(error)}`);
    }
    if (stat.isFile()) {
      files.push(input);
      continue;
    }
    if (!stat.isDirectory()) throw new UsageError(`cannot read '${input}': not a file or folder`);
    const found = walk(input, extensions);
    if (found.length === 0) throw new UsageError(`no notes (${extensions.join(', ')}) found in '${input}'`);
    files.push(...found);
  }
  return files;
}

function walk(folder: string, extensions: readonly string[]): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`cannot read '${folder}': ${describe(error)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, extensions));
    else if (entry.isFile() && extensions.includes(path.extname(entry.name).toLowerCase())) out.push(full);
  }
  return out;
}

/** Reads a note as UTF-8, dropping a byte-order mark. */
export function readNote(file: string): string {
  let buffer: Buffer;
  try {
    buffer = fs.readFileSync(file);
  } catch (error) {
    throw new UsageError(`cannot read '${file}': ${describe(error)}`);
  }
  const text = buffer.toString('utf8');
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}
