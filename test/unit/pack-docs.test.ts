import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultPack } from '../../src/engine';
import { formatPackError, loadPackFile, renderRulesMarkdown, runRuleExamples } from '../../src/engine/pack';
import { ruleAnchor, snippetAsText } from '../../src/engine/pack/docs';
import { memoryFiles } from './pack-helpers';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) => fs.readFileSync(path.join(root, file), 'utf8').replace(/\r\n/g, '\n');

describe('rule documentation', () => {
  it('docs/rules.md is up to date with the default pack (run `npm run build:docs`)', () => {
    assert.equal(read('docs/rules.md'), renderRulesMarkdown(defaultPack), 'docs/rules.md is stale: run `npm run build:docs`');
  });

  it('gives every rule a heading whose anchor is its id without dots', () => {
    const markdown = renderRulesMarkdown(defaultPack);
    for (const rule of defaultPack.rules) {
      assert.ok(markdown.includes(`\n## ${rule.id}\n`), rule.id);
      assert.equal(ruleAnchor(rule.id), rule.id.replace(/\./g, ''));
    }
    assert.equal(ruleAnchor('explain.fear-anger'), 'explainfear-anger');
  });

  it('shows snippets as text', () => {
    assert.equal(snippetAsText('Plan: ${1|start,continue|} ${2:<what and why>}$0'), 'Plan: [start | continue] <what and why>');
    assert.equal(snippetAsText('${1:outer ${2:inner}} \\$5'), 'outer inner $5');
  });
});

describe('docs/customizing.md', () => {
  const blocks = [...read('docs/customizing.md').matchAll(/```jsonc\n([\s\S]*?)\n```/g)].map((m) => m[1]);

  it('has worked examples', () => {
    assert.ok(blocks.length >= 2);
  });

  blocks.forEach((text, i) => {
    it(`example ${i + 1} loads, and its rules pass their own examples`, () => {
      const files = memoryFiles({ '/ws/.healingnotes.json': text, '/shared/cardiology.healingnotes.json': '{}' });
      const result = loadPackFile('/ws/.healingnotes.json', files);
      assert.deepEqual(result.errors.map(formatPackError), []);
      const own = result.pack.rules.filter((r) => !defaultPack.rules.some((d) => d.id === r.id)).map((r) => r.id);
      const failing = runRuleExamples(result.pack, own).filter((r) => !r.passed);
      assert.deepEqual(failing, []);
    });
  });
});
