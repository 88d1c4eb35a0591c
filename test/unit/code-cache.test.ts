// V8's code cache of the bin's bundles (src/cli/codeCache.ts): a bundle runs the same with or without it,
// the cache is saved once its first work has run and used by the next start, a rebuilt bundle replaces
// it, a damaged one is ignored, it can be turned off, and it never holds note text.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { codeCacheFolder, loadBundle } from '../../src/cli/codeCache';
import { NOTES, REPO_ROOT, SECRET, tempDir } from './cli-helpers';

/** A small CommonJS bundle: reads a text as a check would, keeping nothing of it. */
const BUNDLE = `"use strict";
const path = require("node:path");
function wordsOf(text) { return text.split(/\\s+/).filter(Boolean).map((w) => w.toLowerCase()); }
exports.count = (text) => wordsOf(text).length;
exports.where = () => path.basename(__filename);
exports.isModule = typeof module === "object" && module.exports === exports;
`;

const cacheFiles = (folder: string) => (fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.v8')) : []);

/**
 * Loads the bundle in a fresh process, as the bin does (V8 also keeps compiled scripts in memory, so a
 * second load in one process would say nothing of the cache on disk); `save` saves the cache after a count.
 */
function loadInChild(bundle: string, folder: string, save: boolean): { fromCache: boolean; count: number; where: string; isModule: boolean } {
  const script = `const { loadBundle } = require(${JSON.stringify(require.resolve('../../src/cli/codeCache'))});
const loaded = loadBundle(${JSON.stringify(bundle)}, ${JSON.stringify(folder)});
const count = loaded.exports.count('one two  three');
if (${save}) loaded.save();
process.stdout.write(JSON.stringify({ fromCache: loaded.fromCache, count, where: loaded.exports.where(), isModule: loaded.exports.isModule }));`;
  const child = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  assert.equal(child.status, 0, child.stderr);
  return JSON.parse(child.stdout);
}

describe('code cache of the bundles', () => {
  let dir: string;
  let folder: string;
  let bundle: string;
  beforeEach(() => {
    dir = tempDir('hn-code-cache-');
    folder = path.join(dir, 'cache');
    bundle = path.join(dir, 'bundle.js');
    fs.writeFileSync(bundle, BUNDLE);
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('runs a bundle as require would, then from the cache its first run saved', () => {
    const first = loadInChild(bundle, folder, false);
    assert.deepEqual(first, { fromCache: false, count: 3, where: 'bundle.js', isModule: true });
    assert.deepEqual(cacheFiles(folder), [], 'nothing is saved before the work worth caching has run');
    assert.equal(loadInChild(bundle, folder, true).fromCache, false);
    assert.equal(cacheFiles(folder).length, 1);
    const file = path.join(folder, cacheFiles(folder)[0]);
    const saved = fs.statSync(file).mtimeMs;

    assert.deepEqual(loadInChild(bundle, folder, true), { fromCache: true, count: 3, where: 'bundle.js', isModule: true });
    assert.equal(fs.statSync(file).mtimeMs, saved, 'a start that used the cache does not write it again');
    // In one process, save() writes once.
    const loaded = loadBundle(bundle, path.join(dir, 'other'));
    loaded.save();
    const written = fs.statSync(path.join(dir, 'other', cacheFiles(path.join(dir, 'other'))[0])).mtimeMs;
    loaded.save();
    assert.equal(fs.statSync(path.join(dir, 'other', cacheFiles(path.join(dir, 'other'))[0])).mtimeMs, written);
  });

  it('replaces the cache of a rebuilt bundle, and ignores a damaged one', () => {
    loadInChild(bundle, folder, true);
    const [old] = cacheFiles(folder);
    fs.writeFileSync(bundle, `${BUNDLE}exports.count = () => -1;\n`);
    const rebuilt = loadInChild(bundle, folder, true);
    assert.equal(rebuilt.fromCache, false);
    assert.equal(rebuilt.count, -1);
    assert.equal(cacheFiles(folder).length, 1);
    assert.notEqual(cacheFiles(folder)[0], old);
    assert.equal(loadInChild(bundle, folder, false).fromCache, true);

    // Damaged: other bytes, cut short, or bytes changed inside (which V8 alone would not notice, and crash on).
    const file = path.join(folder, cacheFiles(folder)[0]);
    const good = fs.readFileSync(file);
    const changed = Buffer.from(good);
    for (let i = 64; i < changed.length; i += 37) changed[i] ^= 0x5a;
    for (const damaged of [Buffer.from('not a code cache at all'), good.subarray(0, good.length >> 1), changed]) {
      fs.writeFileSync(file, damaged);
      assert.deepEqual(loadInChild(bundle, folder, false), { fromCache: false, count: -1, where: 'bundle.js', isModule: true });
    }
  });

  it('is off when asked, and otherwise in the user cache folder, never beside notes', () => {
    for (const off of ['off', 'OFF', '0', 'false', 'no']) assert.equal(codeCacheFolder({ HEALING_NOTES_CODE_CACHE: off }), undefined);
    assert.equal(codeCacheFolder({ HEALING_NOTES_CODE_CACHE: folder }), folder);
    if (process.platform === 'linux') {
      assert.equal(codeCacheFolder({ XDG_CACHE_HOME: '/var/cache/someone' }), path.join('/var/cache/someone', 'healing-notes', 'code-cache'));
      assert.match(codeCacheFolder({})!, /[\\/]\.cache[\\/]healing-notes[\\/]code-cache$/);
    }
    const plain = loadBundle(bundle, undefined);
    assert.equal(plain.fromCache, false);
    assert.equal((plain.exports as { count(text: string): number }).count('a b'), 2);
    plain.save();
    assert.deepEqual(cacheFiles(folder), []);
  });

  it('holds no note text after the CLI checked a note (dist/ built)', function () {
    this.timeout(60_000);
    const cli = path.join(REPO_ROOT, 'dist', 'cli.js');
    if (!fs.existsSync(cli)) {
      console.warn("    (skipped: dist/ is not built; 'npm run build' first — npm test does)");
      this.skip();
    }
    const notes = path.join(dir, 'notes');
    fs.mkdirSync(notes);
    fs.writeFileSync(path.join(notes, 'a.note'), NOTES.withPlan);
    fs.writeFileSync(path.join(notes, 'b.note'), NOTES.noPlan);
    const env = { ...process.env, HEALING_NOTES_CODE_CACHE: folder };
    const run = () => spawnSync(process.execPath, [cli, 'check', '--format', 'json', notes], { encoding: 'utf8', env });
    const first = run();
    assert.equal(cacheFiles(folder).length, 1, first.stderr);
    const second = run();
    assert.equal(second.stdout, first.stdout, 'the same findings from the cache');
    for (const name of cacheFiles(folder)) {
      const bytes = fs.readFileSync(path.join(folder, name));
      for (const encoding of ['latin1', 'utf16le'] as const) assert.ok(!bytes.includes(Buffer.from(SECRET, encoding)), `${name} holds note text`);
    }
  });
});
