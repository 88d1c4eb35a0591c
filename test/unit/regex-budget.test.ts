import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { defaultPack } from '../../src/engine';
import { compact, JOIN } from '../../src/rules/vocabulary';

/**
 * V8 compiles a regular expression on its first execution; a pack regex that compiles to
 * hundreds of kilobytes of bytecode makes the first analysis of a note slow (docs/performance.md).
 * Bytecode size is read from V8 in a fresh process (scripts/bench/lib/regex-sizes.cjs, the same
 * measurement as `node scripts/bench/regex-size.mjs`, which lists every pattern): it depends on
 * the pattern and the Node version only, never on machine load.
 */
interface Measured {
  rule: string;
  pattern: number;
  kind: string;
  bytecodeBytes?: number;
  /** The index of an earlier regex with the same source and flags, whose bytecode V8 shares. */
  sameAs?: number;
}
const { measureRegexSizes } = require(path.resolve(__dirname, '../../../scripts/bench/lib/regex-sizes.cjs')) as {
  measureRegexSizes(where: { compileModule: string; rulesModule: string }): { regexes: Measured[]; totalBytes: number };
};

/** Per regex of the default pack: evidence patterns, their `unless` and `ignore`, context triggers. */
const BUDGET_BYTES = 64 * 1024;
/** All of them together (7.3 MB before the pack was compacted, 2.07 MB after). */
const TOTAL_BUDGET_BYTES = 2.25 * 1024 * 1024;

describe('regex size budget (V8 bytecode of the default pack)', function () {
  this.timeout(120_000);
  let measured: { regexes: Measured[]; totalBytes: number };

  before(() => {
    measured = measureRegexSizes({
      compileModule: require.resolve('../../src/engine/compile'),
      rulesModule: require.resolve('../../src/rules/index'),
    });
  });

  const name = (r: Measured) => `${r.rule} ${r.kind} ${r.pattern}`;

  it('reads a size for every regex', () => {
    assert.ok(measured.regexes.length > 50, `only ${measured.regexes.length} regexes listed`);
    const unread = measured.regexes.filter((r) => r.sameAs === undefined && !r.bytecodeBytes);
    assert.deepEqual(unread.map(name), [], 'no "bytecode size" read: does this Node still print it under --trace-regexp-tier-up?');
  });

  it(`keeps every regex within ${BUDGET_BYTES / 1024} KB`, () => {
    const over = measured.regexes.filter((r) => (r.bytecodeBytes ?? 0) > BUDGET_BYTES);
    assert.deepEqual(
      over.map((r) => `${name(r)}: ${((r.bytecodeBytes ?? 0) / 1024).toFixed(1)} KB`),
      [],
      'split the pattern, or spell each long list once (see compact and JOIN in src/rules/vocabulary.ts)',
    );
  });

  it(`keeps the whole pack within ${TOTAL_BUDGET_BYTES / 1024 / 1024} MB`, () => {
    assert.ok(measured.totalBytes <= TOTAL_BUDGET_BYTES, `${(measured.totalBytes / 1024).toFixed(0)} KB`);
  });
});

describe('compact (src/rules/vocabulary.ts)', () => {
  it('puts an empty look-ahead after each group that more pattern follows, never between a group and its quantifier', () => {
    assert.equal(compact('(?:a|b) (?:c)?d(?:e){2,3}?f(?:g)??h'), `(?:a|b)${JOIN} (?:c)?${JOIN}d(?:e){2,3}?${JOIN}f(?:g)??${JOIN}h`);
    assert.equal(compact('x(?:a|b)|(?:c)?|((?:d))'), 'x(?:a|b)|(?:c)?|((?:d))');
    assert.equal(compact(String.raw`[()]\)(?:a)\((?!(?:no|not)\W)b`), String.raw`[()]\)(?:a)${JOIN}\((?!(?:no|not)${JOIN}\W)${JOIN}b`);
  });

  it('leaves a JOIN that is already there, and is idempotent', () => {
    assert.equal(compact(`(?:a|b) ${JOIN}(?:c)${JOIN}d`), `(?:a|b)${JOIN} ${JOIN}(?:c)${JOIN}d`);
    for (const rule of defaultPack.rules) {
      for (const e of rule.evidence) if (e.pattern) assert.equal(compact(e.pattern), e.pattern, rule.id);
    }
  });

  it('matches what the source matches', () => {
    const sources = [String.raw`(?:the |her )?(?:entire |whole )?(?:visit|exam)s?`, String.raw`panic(?:ky|ked)?|fear(?:s|ed)?`, String.raw`(?:a|ab)(?:c|bc)d`, String.raw`x(?:y{1,2}){2}?z`];
    const texts = ['the entire visit', 'her exams', 'whole visit', 'panic', 'panicky fears feared', 'abcd acd abbcd', 'xyyyyz xyyz xyz'];
    for (const source of sources) {
      for (const text of texts) {
        const a = [...text.matchAll(new RegExp(source, 'g'))].map((m) => `${m.index}:${m[0]}`);
        const b = [...text.matchAll(new RegExp(compact(source), 'g'))].map((m) => `${m.index}:${m[0]}`);
        assert.deepEqual(b, a, `${source} on ${text}`);
      }
    }
  });
});
