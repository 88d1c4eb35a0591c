// analyze(text, { only }): a face can show some rules first (the language server shows the core elements
// while the other rules compile); each rule's result and findings must be exactly those of a full analysis.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, defaultPack, type Rule } from '../../src/engine';
import { compilePack } from '../../src/engine/compile';

const ROOT = path.resolve(__dirname, '../../..');
const FOLDERS = ['samples', 'test/fixtures/notes'].map((f) => path.join(ROOT, f));

function notes(): { name: string; text: string }[] {
  return FOLDERS.flatMap((dir) => fs.readdirSync(dir).filter((f) => f.endsWith('.note')).map((f) => ({ name: f, text: fs.readFileSync(path.join(dir, f), 'utf8') })));
}

describe('analyze: only some rules', () => {
  const selections: [string, (rule: Rule) => boolean][] = [
    ['core', (rule) => rule.level === 'core'],
    ['supporting', (rule) => rule.level === 'supporting'],
    ['one rule', (rule) => rule.id === 'authority.permission'],
  ];

  it('gives each rule the result and findings of the full analysis, and nothing for the others', () => {
    const all = notes();
    assert.ok(all.length >= 10);
    for (const { name, text } of all) {
      const full = analyze(text);
      for (const [label, only] of selections) {
        const ids = new Set(defaultPack.rules.filter(only).map((r) => r.id));
        const part = analyze(text, { only });
        assert.deepEqual(part.results, full.results.filter((r) => ids.has(r.ruleId)), `${name}, ${label}: results`);
        assert.deepEqual(part.findings, full.findings.filter((f) => ids.has(f.ruleId)), `${name}, ${label}: findings`);
        assert.equal(part.profile, full.profile);
      }
    }
  });

  it('compiles only the rules it runs', () => {
    // A fresh pack object, so that nothing of it is compiled yet; each rule's patterns are compiled when first read.
    const pack = { ...defaultPack, rules: defaultPack.rules.map((r) => ({ ...r })) };
    const read = new Set<string>();
    for (const rule of compilePack(pack).rules) {
      const { get } = Object.getOwnPropertyDescriptor(rule, 'patterns')!;
      assert.ok(get, 'patterns are compiled lazily');
      Object.defineProperty(rule, 'patterns', {
        get() {
          read.add(rule.rule.level);
          return get.call(rule);
        },
      });
    }
    analyze('HPI: She worries it is her heart.\nPLAN: Rest.\n', { pack, only: (r) => r.level === 'core' });
    assert.deepEqual([...read], ['core']);
  });
});
