import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { defaultPack } from '../../src/engine';
import { NOTES, run, SECRET, tempDir, writeNotes } from './cli-helpers';

interface SummaryJson {
  notes: number;
  skipped: number;
  anonymized: boolean;
  skills: { skill: string; documented: number; notes: number; share: number; rules: { id: string; documented: number; weak: number; missing: number; notExpected: number; notes: number; share: number }[] }[];
  files: { name: string; statuses: Record<string, string>; skipped?: string }[];
}

describe('cli summary', () => {
  let dir: string;
  before(() => {
    dir = tempDir('hn-summary-');
    writeNotes(dir, {
      'alice-smith-2024-03-01.note': NOTES.withPlan,
      'bob-jones.note': NOTES.withPlan,
      'carol-quuxley.note': NOTES.withPlan,
      'ward7b/dave-wintergreen.note': NOTES.noPlan,
      'ward7b/scan.note': Buffer.from([0, 1, 2, 3]),
    });
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const json = (...extra: string[]): SummaryJson => {
    const out = run(['summary', '--format', 'json', ...extra, dir]);
    assert.equal(out.code, 0, out.stderr);
    return JSON.parse(out.stdout);
  };

  it("counts the share of notes that document each element, from the rules' own skills", () => {
    const summary = json();
    assert.equal(summary.notes, 4);
    assert.equal(summary.skipped, 1);
    const rules = summary.skills.flatMap((s) => s.rules);
    assert.deepEqual(rules.map((r) => r.id).sort(), defaultPack.rules.map((r) => r.id).sort());
    for (const skill of summary.skills) {
      for (const rule of skill.rules) {
        assert.equal(defaultPack.rules.find((r) => r.id === rule.id)!.skill, skill.skill);
        assert.equal(rule.documented + rule.weak + rule.missing + rule.notExpected, 4, rule.id);
        assert.equal(rule.share, rule.documented / 4);
      }
      assert.ok(skill.documented >= Math.max(...skill.rules.map((r) => r.documented)));
    }
    const plan = rules.find((r) => r.id === 'plan')!;
    assert.deepEqual([plan.documented, plan.missing, plan.share], [3, 1, 0.75]);
  });

  it('lists each note with its statuses; --anonymize hides file names', () => {
    const named = json();
    assert.ok(named.files.some((f) => f.name.endsWith('alice-smith-2024-03-01.note')));
    assert.equal(named.files.find((f) => f.name.endsWith('dave-wintergreen.note'))!.statuses.plan, 'missing');
    assert.match(named.files.find((f) => f.name.endsWith('scan.note'))!.skipped!, /binary/);

    const hidden = json('--anonymize');
    assert.ok(hidden.anonymized);
    assert.deepEqual(hidden.files.map((f) => f.name), ['Note 1', 'Note 2', 'Note 3', 'Note 4', 'Note 5']);
    for (const format of ['json', 'csv', 'html', 'text']) {
      const out = run(['summary', '--anonymize', '--format', format, dir]).stdout;
      for (const name of ['alice', 'smith', 'jones', 'quuxley', 'wintergreen', 'ward7b', 'scan.note']) assert.ok(!out.includes(name), `${format} shows '${name}'`);
    }
  });

  it('prints a text table per skill', () => {
    const out = run(['summary', dir]);
    assert.equal(out.code, 0);
    assert.match(out.stdout, /^4 notes analysed \(1 skipped\)/);
    for (const rule of defaultPack.rules) assert.match(out.stdout, new RegExp(`^  ${rule.id.replace('.', '\\.')} +\\[[#.]{20}\\] +\\d+% +\\d+/4  `, 'm'));
    assert.match(out.stdout, /^  plan +\[#{15}\.{5}\] +75% +3\/4  Recorded plan/m);
  });

  it('writes CSV with a row per skill and per element', () => {
    const out = run(['summary', '--format', 'csv', dir]).stdout;
    const lines = out.trimEnd().split('\r\n');
    assert.equal(lines[0], 'skill,rule_id,title,behavior,level,notes,documented,weak,missing,not_expected,not_applicable,share');
    const skills = new Set(defaultPack.rules.map((r) => r.skill));
    assert.equal(lines.length, 1 + skills.size + defaultPack.rules.length);
    assert.ok(lines.some((l) => /,plan,Recorded plan,.*,core,4,3,0,1,0,0,0\.750$/.test(l)), out);
  });

  it('writes one self-contained HTML file: no scripts, no external resources, no note text', () => {
    const file = path.join(dir, 'report.html');
    const out = run(['summary', '--format', 'html', '-o', file, dir]);
    assert.equal(out.code, 0);
    const html = fs.readFileSync(file, 'utf8');
    assert.match(html, /^<!DOCTYPE html>/);
    assert.match(html, /Content-Security-Policy" content="default-src 'none'/);
    assert.doesNotMatch(html, /<script|<link|<img|<iframe|@import|url\(/i);
    assert.doesNotMatch(html, /(src|href)="(?!#)/i);
    assert.doesNotMatch(html, /https?:\/\/(?!www\.w3\.org\/2000\/svg)/);
    assert.ok(!html.includes(SECRET));
    const skills = new Set(defaultPack.rules.map((r) => r.skill));
    assert.equal((html.match(/<svg class="chart"/g) ?? []).length, skills.size + 1, 'an overview and a chart per skill');
    for (const skill of skills) assert.ok(html.includes(`<h2>${skill.replace(/'/g, '&#39;')}</h2>`), skill);
  });

  it('escapes file names in HTML', () => {
    const odd = tempDir('hn-odd-');
    try {
      writeNotes(odd, { '<b>&x.note': NOTES.withPlan });
      const html = run(['summary', '--format', 'html', odd]).stdout;
      assert.ok(html.includes('&lt;b&gt;&amp;x.note'));
      assert.ok(!html.includes('<b>&x'));
    } finally {
      fs.rmSync(odd, { recursive: true, force: true });
    }
  });

  it('fails with exit 2 and one line for a missing folder or a folder without notes', () => {
    const empty = tempDir('hn-empty-');
    try {
      for (const target of [path.join(dir, 'nope'), empty]) {
        const out = run(['summary', target]);
        assert.equal(out.code, 2);
        assert.equal(out.stderr.trim().split('\n').length, 1);
      }
      assert.equal(run(['summary']).code, 2);
      assert.equal(run(['summary', '--format', 'sarif', dir]).code, 2);
    } finally {
      fs.rmSync(empty, { recursive: true, force: true });
    }
  });
});
