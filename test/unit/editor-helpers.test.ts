// Pure helpers behind the editor (no vscode): snippet syntax, skills, the contributed snippets and grammar.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, defaultPack, type Rule } from '../../src/engine';
import { coreTally, groupBySkill, maxTabstop, promptSnippet, renumberTabstops, SKILLS, skillKeyOf, snippetToText, tabstopsOf, tally } from '../../src/assist';

const root = path.resolve(__dirname, '../../..');
const rule = (id: string): Rule => defaultPack.rules.find((r) => r.id === id)!;

describe('snippet syntax', () => {
  it('renumbers tabstops and leaves escapes and $0 alone', () => {
    assert.equal(renumberTabstops('a ${1:x} $2 \\$3 ${3|p,q|} $0', 4), 'a ${5:x} $6 \\$3 ${7|p,q|} $0');
    assert.equal(maxTabstop('a ${1:x} ${12|p,q|} \\$40'), 12);
  });

  it('renders a snippet with its defaults', () => {
    assert.equal(snippetToText('Plan: ${1|start,continue|} ${2:<what ${3:and} why>} $4 \\$5'), 'Plan: start <what and why>  $5');
    assert.equal(snippetToText(promptSnippet(rule('explain.understanding').prompt!)), "Patient's explanation: <cause or meaning of the illness, in the patient's words>");
  });
});

describe('skills for the coverage view', () => {
  it('lists the eight skills in the paper\'s order, each rule under its skill', () => {
    const groups = groupBySkill(defaultPack.rules);
    assert.deepEqual(groups.slice(0, 8).map((g) => g.key), SKILLS.map((s) => s.key));
    const explain = groups.find((g) => g.key === 'explain')!;
    assert.deepEqual(explain.rules.map((r) => r.id), ['explain.understanding', 'explain.fear-anger', 'explain.hopes']);
    assert.equal(explain.name, 'Let the patient explain');
    // The plan rule has no skill prefix in its id; its skill name places it.
    assert.equal(skillKeyOf(rule('plan')), 'committed');
    assert.equal(skillKeyOf({ id: 'custom.thing', skill: 'Team custom' }), 'other:Team custom');
    assert.equal(groups.flatMap((g) => g.rules).length, defaultPack.rules.length);
  });

  it('counts documented out of expected: marked as discussed is expected, not-expected is left out', () => {
    assert.deepEqual(tally(['documented', 'weak', 'missing', 'overridden', 'not-expected']), { documented: 2, expected: 4, overridden: 1, missing: 1 });
    const analysis = analyze('HPI: Knee pain. She hopes to hike again.\nPLAN: Ibuprofen 400 mg.\n');
    const core = coreTally(defaultPack.rules, analysis.results);
    assert.equal(core.expected, defaultPack.rules.filter((r) => r.level === 'core').length);
    assert.ok(core.documented >= 2);
  });
});

describe('contributed snippets and grammar', () => {
  const snippets = JSON.parse(fs.readFileSync(path.join(root, 'snippets/clinical-note.json'), 'utf8')) as Record<string, { prefix: string[]; body: string[]; description: string }>;

  it('has a snippet for each core element with a prompt, and a note skeleton', () => {
    for (const r of defaultPack.rules.filter((x) => x.level === 'core' && x.prompt)) {
      assert.ok(Object.values(snippets).some((s) => s.description.startsWith(`${r.id} `)), `no snippet for ${r.id}`);
    }
    assert.ok(Object.values(snippets).some((s) => s.prefix.includes('hn-note')));
  });

  it('gives every snippet placeholder a <...> default to replace, never a choice that writes words', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const stops = tabstopsOf(s.body.join('\n'));
      assert.ok(stops.length > 0, name);
      for (const stop of stops.filter((t) => t.index > 0)) assert.ok(!stop.choice && /^<.*>$/.test(stop.text), `${name}: $${stop.index} ${stop.text}`);
    }
  });

  it('writes each core element as its rule\'s prompt writes it', () => {
    for (const r of defaultPack.rules.filter((x) => x.level === 'core' && x.prompt)) {
      const snippet = Object.values(snippets).find((s) => s.description.startsWith(`${r.id} `))!;
      assert.deepEqual(snippet.body, [promptSnippet(r.prompt!)], r.id);
    }
  });

  it('the skeleton\'s sections are the ones the engine knows', () => {
    const skeleton = Object.values(snippets).find((s) => s.prefix.includes('hn-note'))!;
    const kinds = analyze(snippetToText(skeleton.body.join('\n'))).sections.map((s) => s.kind);
    for (const kind of ['chief-complaint', 'hpi', 'social-history', 'physical-exam', 'assessment', 'plan', 'follow-up']) assert.ok(kinds.includes(kind as never), kind);
  });

  const grammar = JSON.parse(fs.readFileSync(path.join(root, 'syntaxes/clinical-note.tmLanguage.json'), 'utf8'));
  const matchOf = (...keys: string[]) => {
    let node = grammar.repository;
    for (const k of keys) node = node[k];
    return new RegExp(node.match ?? node.begin);
  };

  it('every grammar pattern compiles', () => {
    const walk = (node: unknown): void => {
      if (Array.isArray(node)) return node.forEach(walk);
      if (typeof node !== 'object' || node === null) return;
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'match' || key === 'begin' || key === 'end') && typeof value === 'string') assert.doesNotThrow(() => new RegExp(value), value);
        else walk(value);
      }
    };
    walk(grammar);
  });

  it('colours as headers what the engine reads as headers: known names in any case, upper-case labels', () => {
    const header = new RegExp(grammar.repository.header.patterns[0].begin);
    const stale = defaultPack.sections.flatMap((d) => d.names).filter((name) => !header.exec(`${name}: x`)?.[3]);
    assert.deepEqual(stale, [], 'header names missing from the grammar: run `npm run build:grammar`');
    for (const line of ['PLAN: start', 'Follow-up: in 2 weeks', 'History of present illness: x', 'Assessment & plan: x', 'HEENT: normal', 'A/P: x']) {
      const title = header.exec(line)?.[3];
      assert.ok(title, line);
      assert.ok(analyze(line).sections.some((s) => s.title === title), `the engine does not read "${title}" as a header`);
    }
    // A numbered item of a plan, or a prompt's label, is not a header to the engine, nor here.
    for (const line of ['4. Health maintenance: flu shot today', 'Shared decision: <options>', 'Goals of care: ***']) {
      assert.equal(header.exec(line), null, line);
      assert.ok(!analyze(`PLAN: x\n${line}`).sections.some((s) => line.includes(`${s.title}:`)), line);
    }
  });

  it('scopes headers, override lines, placeholders, vitals and doses', () => {
    const header = new RegExp(grammar.repository.header.patterns[0].begin);
    assert.equal(header.exec('PLAN: start')?.[3], 'PLAN');
    assert.equal(header.exec('2. Assessment and Plan: x')?.[3], 'Assessment and Plan');
    assert.equal(header.exec('She said that her knee hurts when she walks: yes'), null);
    assert.match('[Healing Notes: authority.permission discussed, not documented — she will decide]', matchOf('override'));
    assert.match("[Healing Notes: patient's hopes and goals discussed, not documented — she will decide]", matchOf('override'));
    assert.deepEqual('<cause> *** [ ] ___'.match(new RegExp(grammar.repository.placeholder.match, 'g')), ['<cause>', '***', '[ ]', '___']);
    const vital = new RegExp(grammar.repository.vital.patterns[0].match);
    assert.equal(vital.exec('BP 128/84 mmHg')?.[3], '128/84');
    const other = new RegExp(grammar.repository.vital.patterns[1].match, 'g');
    assert.deepEqual([...'HR 72, T 38.4 C, SpO2 97%; T2DM'.matchAll(other)].map((m) => m[3]), ['72', '38.4', '97']);
    assert.deepEqual([...'amoxicillin 500 mg b.i.d. and 2.5 mL PRN'.matchAll(new RegExp(grammar.repository.dose.match, 'g'))].map((m) => m[1]), ['500', '2.5']);
    assert.deepEqual('500 mg b.i.d., then q6h p.r.n.; bid'.match(new RegExp(grammar.repository.frequency.match, 'g')), ['b.i.d.', 'q6h', 'p.r.n.', 'bid']);
  });
});
