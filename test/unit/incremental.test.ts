import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, defaultPack } from '../../src/engine';
import { compilePack } from '../../src/engine/compile';
import { clearUnitCache } from '../../src/engine/units';

const samples = path.resolve(__dirname, '../../../samples');

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const INSERTS = ['x', ' ', '\n', '\n\n', 'worried', ' not ', '***', 'PLAN: ', 'She believes it is stress. ', 'Follow up in 2 weeks.', '.'];

describe('incremental analysis', () => {
  it('gives the same result as a fresh analysis after random edits', () => {
    const base = fs.readdirSync(samples).filter((f) => f.endsWith('.note')).map((f) => fs.readFileSync(path.join(samples, f), 'utf8')).join('\n\n');
    const next = random(20081118);
    let text = base;
    for (let i = 0; i < 200; i++) {
      const at = Math.floor(next() * (text.length + 1));
      if (next() < 0.3 && text.length > 10) {
        text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 5));
      } else {
        text = text.slice(0, at) + INSERTS[Math.floor(next() * INSERTS.length)] + text.slice(at);
      }
      const incremental = analyze(text);
      if (i % 20 === 0 || i === 199) {
        clearUnitCache(compilePack(defaultPack));
        assert.deepEqual(incremental, analyze(text), `edit ${i} at ${at}`);
      }
    }
  });
});
