/**
 * V8's code cache for the bin's own bundles (dist/lsp.js, dist/mcp.js, dist/cli-main.js). Node
 * parses and compiles a 1–1.5 MB bundle on every start, and compiles each function again on its
 * first call: for the language server that is a good part of the time to the first diagnostics.
 * The first run of a bundle saves V8's compiled form of it, taken once the work that matters has
 * run (the functions it compiled are in it), and later runs start from it.
 *
 * Node 22 has `module.enableCompileCache()`; Node 20, which this project supports, has not, so
 * the bundle is compiled through `vm.Script` with `cachedData`, as Node's own loader would run it.
 *
 * The cache holds compiled code of the bundle only (no note text: V8 stores the script's
 * functions and their constants, which come from its source). It lives in the user's own cache
 * folder (`$XDG_CACHE_HOME/healing-notes/code-cache`, `~/Library/Caches/...`,
 * `%LOCALAPPDATA%\...`), never beside notes; HEALING_NOTES_CODE_CACHE names another folder, or
 * `off` turns it off. Anything that fails (no folder, a read-only disk, a cache V8 rejects: another
 * Node, other flags) falls back to compiling as usual; a cache is only ever a faster start.
 */
import * as fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import * as vm from 'node:vm';

export interface LoadedBundle {
  exports: unknown;
  /** Whether it was compiled from a cache a previous start saved. */
  fromCache: boolean;
  /**
   * Saves V8's compiled form of the bundle for the next start, when this start had none to use.
   * Call it once the work worth caching has run (the first check); later calls do nothing.
   */
  save(): void;
}

/** The folder caches go in, or undefined when caching is off. */
export function codeCacheFolder(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const setting = env.HEALING_NOTES_CODE_CACHE;
  if (setting !== undefined && setting !== '') {
    if (/^(off|0|false|no)$/i.test(setting)) return undefined;
    return path.resolve(setting);
  }
  const home = os.homedir();
  let base: string | undefined;
  if (process.platform === 'win32') base = env.LOCALAPPDATA;
  else if (process.platform === 'darwin') base = home && path.join(home, 'Library', 'Caches');
  else base = env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME) ? env.XDG_CACHE_HOME : home && path.join(home, '.cache');
  return base ? path.join(base, 'healing-notes', 'code-cache') : undefined;
}

/** FNV-1a (32 bits) of a string, in base 36: names cache files, it checks nothing (V8 does). */
function shortHash(text: string): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return (hash >>> 0).toString(36);
}

/**
 * Where the cache of `file` goes: one name per bundle file (so a rebuilt bundle replaces its old cache), and
 * within it per build of the file and per Node and its flags (V8 rejects a cache made by another of either).
 */
function cacheFileOf(folder: string, file: string, stat: fs.Stats): { cacheFile: string; prefix: string } {
  const prefix = `${path.basename(file, '.js')}-${shortHash(file)}-`;
  // Node's options (`--max-old-space-size`, `--cpu-prof`) may set V8 flags; a script given with `-e` does not.
  const options = process.execArgv.filter((arg) => arg.startsWith('--') && !/^--(eval|print)\b/.test(arg));
  const build = [stat.size, stat.mtimeMs, process.version, process.arch, options.join(' '), process.env.NODE_OPTIONS ?? ''].join('\u0000');
  return { cacheFile: path.join(folder, `${prefix}${shortHash(build)}.v8`), prefix };
}

/**
 * A cache file: "HNC1", the checksum's two words and the length of V8's data, then the data. V8 checks that
 * a cache fits its version, flags and source, but not that its bytes are intact, and damaged bytes crash
 * the process; so a damaged file is refused here (a Fletcher-style checksum: ~6 ms for 1 MB, in JavaScript).
 */
const MAGIC = 0x31434e48;
const HEADER_BYTES = 16;

function checksumOf(data: Buffer): [number, number] {
  const aligned = data.byteOffset % 4 === 0 ? data : Buffer.from(data);
  const words = new Int32Array(aligned.buffer, aligned.byteOffset, aligned.length >> 2);
  let a = 1;
  let b = 0;
  for (let i = 0; i < words.length; i++) {
    a = (a + words[i]) | 0;
    b = (b + a) | 0;
  }
  for (let i = words.length << 2; i < aligned.length; i++) {
    a = (a + aligned[i]) | 0;
    b = (b + a) | 0;
  }
  return [a, b];
}

function withHeader(data: Buffer): Buffer {
  const header = Buffer.alloc(HEADER_BYTES);
  const [a, b] = checksumOf(data);
  header.writeInt32LE(MAGIC, 0);
  header.writeInt32LE(a, 4);
  header.writeInt32LE(b, 8);
  header.writeInt32LE(data.length, 12);
  return Buffer.concat([header, data]);
}

/** V8's data of a cache file, or undefined when there is none or it is damaged. */
function readCache(cacheFile: string): Buffer | undefined {
  let file: Buffer;
  try {
    file = fs.readFileSync(cacheFile);
  } catch {
    return undefined;
  }
  if (file.length < HEADER_BYTES || file.readInt32LE(0) !== MAGIC || file.readInt32LE(12) !== file.length - HEADER_BYTES) return undefined;
  const data = file.subarray(HEADER_BYTES);
  const [a, b] = checksumOf(data);
  return a === file.readInt32LE(4) && b === file.readInt32LE(8) ? data : undefined;
}

/** Writes the cache beside its final name, then renames it: a reader never sees half a file. Old caches of the same bundle go. */
function writeCache(folder: string, cacheFile: string, prefix: string, data: Buffer): void {
  try {
    fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
    const partial = `${cacheFile}.${process.pid}.tmp`;
    fs.writeFileSync(partial, data, { mode: 0o600 });
    fs.renameSync(partial, cacheFile);
    for (const name of fs.readdirSync(folder)) {
      const other = path.join(folder, name);
      if (name.startsWith(prefix) && other !== cacheFile && name.endsWith('.v8')) fs.rmSync(other, { force: true });
    }
  } catch {
    // A cache is only ever a faster start.
  }
}

/**
 * Runs a CommonJS bundle as `require(file)` would, compiled from the code cache when there is a
 * good one. `folder`: where caches go (codeCacheFolder()); undefined: no cache is read or saved.
 */
export function loadBundle(file: string, folder: string | undefined = codeCacheFolder()): LoadedBundle {
  const source = fs.readFileSync(file, 'utf8');
  const cache = folder === undefined ? undefined : { folder, ...cacheFileOf(folder, file, fs.statSync(file)) };
  const cachedData = cache && readCache(cache.cacheFile);
  // A first line `#!...` is only valid at the very start of a script, not inside the wrapper.
  const body = source.startsWith('#!') ? `//${source.slice(2)}` : source;
  const script = new vm.Script(Module.wrap(body), { filename: file, cachedData });
  const usedCache = cachedData !== undefined && !script.cachedDataRejected;
  const bundleModule = new Module(file, module);
  bundleModule.filename = file;
  const run = script.runInThisContext() as (exports: unknown, require: NodeJS.Require, module: Module, filename: string, dirname: string) => void;
  run.call(bundleModule.exports, bundleModule.exports, createRequire(file), bundleModule, file, path.dirname(file));
  bundleModule.loaded = true;
  let saved = usedCache;
  return {
    exports: bundleModule.exports,
    fromCache: usedCache,
    save: () => {
      if (saved || !cache) return;
      saved = true;
      writeCache(cache.folder, cache.cacheFile, cache.prefix, withHeader(script.createCachedData()));
    },
  };
}
