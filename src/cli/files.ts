/**
 * Expands the CLI's path arguments (files, folders, globs, `-` for stdin) into
 * notes, and reads them, with errors a person can act on. Errors name paths
 * only: never a note's text (notes are protected health information).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { looksBinary } from '../engine';
import { globBase, globToRegExp, isGlob } from './glob';

/** Extensions of the files a folder is searched for. Files named explicitly may have any extension. */
export const NOTE_EXTENSIONS = ['.note'];

/** The display path of a note read from standard input. */
export const STDIN_PATH = '<stdin>';

/** A user-facing error: each line is printed as `healing-notes: <line>`, exit code 2. */
export class UsageError extends Error {
  readonly lines: string[];
  constructor(lines: string | string[]) {
    const all = typeof lines === 'string' ? [lines] : lines;
    super(all.join('\n'));
    this.lines = all;
  }
}

export function describeError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES': case 'EPERM': return 'permission denied';
    case 'EISDIR': return 'is a directory';
    case 'ENOTDIR': return 'not a directory';
    case 'ELOOP': return 'too many symbolic links';
    case 'EMFILE': case 'ENFILE': return 'too many open files';
    default: return code ?? 'cannot be read';
  }
}

/** A note to check: a file, a row of a table (`text`), or standard input (neither). */
export interface NoteSource {
  /** As shown in output: the path as given or found, `<stdin>`, or a table row's id. */
  path: string;
  file?: string;
  /** The note itself, read from a table (`--input-format jsonl|csv`). */
  text?: string;
  /** The pack file of the note's own folder (relative to the working folder), when it is not the run's own pack. */
  packFile?: string;
}

function kindOf(stat: fs.Stats): string {
  if (stat.isFIFO()) return 'a named pipe';
  if (stat.isSocket()) return 'a socket';
  if (stat.isCharacterDevice() || stat.isBlockDevice()) return 'a device';
  return 'not a regular file';
}

/**
 * Lists the notes named by the arguments: files as given, folders searched
 * for note files (sorted), globs matched, `-` for stdin. Every argument that
 * names nothing is reported, one line each, in one UsageError.
 */
export function resolveInputs(inputs: readonly string[], cwd: string = process.cwd(), extensions: readonly string[] = NOTE_EXTENSIONS): NoteSource[] {
  const sources: NoteSource[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  // `shown` is the path as the user wrote it (or found under it); `file` is absolute.
  const add = (shown: string, file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    sources.push({ path: shown, file });
  };
  const shownUnder = (input: string, absInput: string, file: string) => path.join(input, path.relative(absInput, file));
  let stdinUsed = false;

  for (const input of inputs) {
    if (input === '-') {
      if (stdinUsed) problems.push("'-' (standard input) given more than once");
      else sources.push({ path: STDIN_PATH });
      stdinUsed = true;
      continue;
    }
    const absolute = path.resolve(cwd, input);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(absolute);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException)?.code;
      if (code === 'ENOENT' && isGlob(input)) {
        const matched = expandGlob(input, cwd);
        if (matched.length === 0) problems.push(`no files match '${input}'`);
        for (const m of matched) add(m.shown, m.file);
        continue;
      }
      problems.push(`cannot read '${input}': ${describeError(error)}`);
      continue;
    }
    if (stat.isFile()) {
      add(input, absolute);
    } else if (stat.isDirectory()) {
      try {
        const found = walk(absolute, (name) => extensions.includes(path.extname(name).toLowerCase()), input);
        if (found.length === 0) problems.push(`no notes (${extensions.map((e) => `*${e}`).join(', ')}) found in '${input}'`);
        for (const file of found) add(shownUnder(input, absolute, file), file);
      } catch (error) {
        problems.push(error instanceof UsageError ? error.message : `cannot read '${input}': ${describeError(error)}`);
      }
    } else {
      problems.push(`cannot read '${input}': ${kindOf(stat)}`);
    }
  }
  if (problems.length > 0) throw new UsageError(problems);
  return sources;
}

/** Files under a folder, depth first, sorted by name; hidden entries and node_modules skipped. */
function walk(folder: string, accept: (name: string) => boolean, shown: string): string[] {
  const out: string[] = [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    throw new UsageError(`cannot read '${shown}': ${describeError(error)}`);
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) out.push(...walk(full, accept, path.join(shown, entry.name)));
    else if (accept(entry.name) && (entry.isFile() || (entry.isSymbolicLink() && isFileLink(full)))) out.push(full);
  }
  return out;
}

// Symbolic links to files are followed; links to folders are not (they can loop).
function isFileLink(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function expandGlob(pattern: string, cwd: string): { shown: string; file: string }[] {
  const normalized = process.platform === 'win32' ? pattern.replace(/\\/g, '/') : pattern;
  const { base, rest } = globBase(normalized);
  const matcher = globToRegExp(rest);
  const absoluteBase = path.resolve(cwd, base);
  if (!fs.existsSync(absoluteBase) || !fs.statSync(absoluteBase).isDirectory()) return [];
  return walk(absoluteBase, () => true, base)
    .map((file) => ({ file, relative: path.relative(absoluteBase, file).split(path.sep).join('/') }))
    .filter(({ relative }) => matcher.test(relative))
    .map(({ file, relative }) => ({ file, shown: base === '.' ? relative : path.join(base, relative) }));
}

export type NoteContent = { text: string } | { skipped: string };

/**
 * Reads a note: UTF-8 (a byte-order mark dropped) or UTF-16 with a BOM.
 * Binary content is not an error: it comes back as `skipped`.
 * Throws a UsageError naming the path when the file cannot be read.
 */
export function readNote(source: NoteSource, readStdin: () => Buffer): NoteContent {
  // A table row's text was decoded with the table; the engine skips it if it looks binary.
  if (source.text !== undefined) return { text: source.text };
  let buffer: Buffer;
  try {
    if (source.file === undefined) {
      buffer = readStdin();
    } else {
      // A named pipe or device would block or never end; only regular files are read.
      const stat = fs.statSync(source.file);
      if (!stat.isFile()) throw new UsageError(`cannot read '${source.path}': ${stat.isDirectory() ? 'is a directory' : kindOf(stat)}`);
      buffer = fs.readFileSync(source.file);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read '${source.path}': ${describeError(error)}`);
  }
  return decodeNote(buffer);
}

export function decodeNote(buffer: Buffer): NoteContent {
  let text: string;
  if (buffer.length >= 2 && buffer[0] === 0xff && buffer[1] === 0xfe) {
    text = buffer.subarray(2).toString('utf16le');
  } else if (buffer.length >= 2 && buffer[0] === 0xfe && buffer[1] === 0xff) {
    const body = Buffer.from(buffer.subarray(2, 2 + ((buffer.length - 2) & ~1)));
    text = body.swap16().toString('utf16le');
  } else {
    if (buffer.subarray(0, 8192).includes(0)) return { skipped: 'the file looks binary' };
    text = buffer.toString('utf8');
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  }
  if (looksBinary(text)) return { skipped: 'the file looks binary' };
  return { text };
}
