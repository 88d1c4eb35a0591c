// No run of 8 words from a shared corpus note may appear in src, docs, samples, test or README
// (scripts/check-borrowed.mjs). Where the corpus is not present (a clean clone elsewhere), skipped.
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

describe('borrowed text', function () {
  this.timeout(60_000);

  it('no 8-word run of a corpus note appears in the project', function () {
    const run = spawnSync(process.execPath, [path.join(ROOT, 'scripts/check-borrowed.mjs')], { encoding: 'utf8' });
    if (run.status === 0 && run.stdout.includes('no shared corpus here')) this.skip();
    assert.equal(run.status, 0, run.stdout + run.stderr);
    assert.match(run.stdout, / 0 runs of 8 or more words shared/);
  });
});
