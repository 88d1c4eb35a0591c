/**
 * docs/customizing.md, checked: every worked example (`<!-- example NAME file PATH -->`,
 * `run ARGS`, `fix RULE PATH` markers before a code block) is written to a folder of its own and
 * run through the CLI, and the output must say what the page says. A text block's lines must all
 * appear, and no other line of the same note and rule may; a JSON block must be a part of the
 * output (objects by their keys, arrays by elements found). The profiles table must match the
 * built-in profiles. So the page cannot drift from what the tool does.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { promptEdit, snippetToText } from '../../src/assist';
import { analyze, defaultPack } from '../../src/engine';
import { loadPackFile } from '../../src/engine/pack';
import { run, tempDir, writeNotes } from './cli-helpers';

const PAGE = fs.readFileSync(path.join(__dirname, '../../../docs/customizing.md'), 'utf8');

interface Step {
  example: string;
  action: 'file' | 'run' | 'fix';
  args: string[];
  language: string;
  body: string;
}

function steps(): Step[] {
  const found: Step[] = [];
  const marker = /<!-- example (\S+) (file|run|fix) ([^>]*?) -->\n```(\w*)\n([\s\S]*?)```/g;
  for (const m of PAGE.matchAll(marker)) found.push({ example: m[1], action: m[2] as Step['action'], args: m[3].split(/\s+/), language: m[4], body: m[5] });
  return found;
}

/** `expected` is a part of `actual`: object keys present with matching values, array elements each found somewhere. */
function partOf(expected: unknown, actual: unknown): boolean {
  if (Array.isArray(expected)) return Array.isArray(actual) && expected.every((e) => actual.some((a) => partOf(e, a)));
  if (expected !== null && typeof expected === 'object') {
    return actual !== null && typeof actual === 'object' && Object.entries(expected).every(([k, v]) => partOf(v, (actual as Record<string, unknown>)[k]));
  }
  return expected === actual;
}

/** The note and rule of a text output line (`path:l:c  severity  rule  message`, `path  n/a  rule  reason`). */
function lineKey(line: string): string | undefined {
  const m = /^(\S+?)(?::\d+:\d+)?  \S+  (\S+)  /.exec(line);
  return m ? `${m[1]} ${m[2]}` : undefined;
}

const stripComments = (text: string) => text.replace(/^\s*\/\/.*$/gm, '');

describe('docs/customizing.md: every worked example does what the page says', () => {
  const all = steps();
  const examples = [...new Set(all.map((s) => s.example))];

  it('has the worked examples the page promises', () => {
    for (const name of ['hf', 'urgent', 'spanish', 'interpreter', 'goals', 'boundary', 'clinics']) assert.ok(examples.includes(name), name);
    for (const name of examples) assert.ok(all.some((s) => s.example === name && s.action !== 'file'), `${name} checks nothing`);
  });

  for (const name of examples) {
    it(`example "${name}"`, function () {
      this.timeout(60_000);
      const dir = tempDir(`hn-doc-${name}-`);
      for (const step of all.filter((s) => s.example === name)) {
        const where = `example ${name}: ${step.action} ${step.args.join(' ')}`;
        if (step.action === 'file') {
          writeNotes(dir, { [step.args[0]]: step.body });
          if (step.args[0].endsWith('.json')) JSON.parse(stripComments(step.body)); // plain JSON with line comments
          continue;
        }
        if (step.action === 'fix') {
          const [ruleId, file] = step.args;
          const text = fs.readFileSync(path.join(dir, file), 'utf8');
          const packFile = path.join(path.dirname(path.join(dir, file)), '.healingnotes.json');
          const loaded = loadPackFile(packFile, (p) => fs.readFileSync(p, 'utf8'));
          assert.deepEqual(loaded.errors, [], where);
          const analysis = analyze(text, { pack: loaded.pack });
          const finding = analysis.findings.find((f) => f.ruleId === ruleId);
          assert.ok(finding, `${where}: no finding`);
          const edit = promptEdit({ text, analysis, pack: loaded.pack }, finding)!;
          assert.equal(text.slice(0, edit.start) + snippetToText(edit.snippet) + text.slice(edit.end), step.body, where);
          continue;
        }
        const out = run(step.args, { cwd: dir });
        assert.ok(out.code === 0 || out.code === 1, `${where}: exit ${out.code}: ${out.stderr}`);
        if (step.language === 'json') {
          const expected = step.body.trim().startsWith('{\n') ? [JSON.parse(step.body)] : step.body.trim().split('\n').map((l) => JSON.parse(l));
          const actual = out.stdout.trim().startsWith('{\n') ? [JSON.parse(out.stdout)] : out.stdout.trim().split('\n').map((l) => JSON.parse(l));
          expected.forEach((e, i) => assert.ok(partOf(e, actual[i]), `${where}: line ${i + 1} is not in the output:\n${JSON.stringify(actual[i]).slice(0, 3000)}`));
          continue;
        }
        const shown = step.body.trimEnd().split('\n');
        const lines = out.stdout.split('\n');
        for (const line of shown) assert.ok(lines.includes(line), `${where}: not in the output: ${line}\n${out.stdout}`);
        const keys = new Set(shown.map(lineKey));
        for (const line of lines) if (keys.has(lineKey(line))) assert.ok(shown.includes(line), `${where}: the page leaves out: ${line}`);
      }
      // Each pack of the example passes its own rule examples.
      for (const step of all.filter((s) => s.example === name && s.action === 'file' && s.args[0].endsWith('.healingnotes.json'))) {
        const out = run(['test-rules', step.args[0]], { cwd: dir });
        assert.equal(out.code, 0, `example ${name}: test-rules ${step.args[0]}:\n${out.stdout}${out.stderr}`);
      }
    });
  }

  it('lists the built-in profiles with their detection phrases and what they change', () => {
    const table = PAGE.slice(PAGE.indexOf('<!-- profiles table -->')).split('\n').slice(3).filter((l) => l.startsWith('| `'));
    assert.deepEqual(table.map((l) => /^\| `([^`]+)`/.exec(l)![1]), defaultPack.profiles.map((p) => p.id));
    for (const [i, profile] of defaultPack.profiles.entries()) {
      const cells = table[i].split(' | ');
      if (profile.detect?.length) assert.equal(cells[1], profile.detect.map((d) => d.trim()).join(', '), profile.id);
      const changes = Object.entries(profile.rules ?? {});
      if (changes.length === 0) assert.match(cells[2], /^none/, profile.id);
      else if (changes.length <= 3) assert.equal(cells[2].replace(/ \|$/, ''), changes.map(([id, s]) => `${id} ${s}`).join(', '), profile.id);
      else assert.match(cells[2], new RegExp(`^${changes.length} rules`), profile.id);
    }
  });
});
