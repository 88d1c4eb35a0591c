// The editor layer's pure helpers (no vscode): prompt placement, skills, rule-file edits, hover markdown, snippets, grammar.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyze, defaultPack, type Rule } from '../../src/engine';
import { escapeMarkdown, quoteOf, ruleHoverMarkdown } from '../../src/extension/markdown';
import { eolOf, maxTabstop, overrideEdit, promptEdits, renumberTabstops, snippetToText, type PromptRequest } from '../../src/extension/prompts';
import { setRuleSeverity } from '../../src/extension/ruleConfig';
import { coreTally, groupBySkill, SKILLS, skillKeyOf, tally } from '../../src/extension/skills';

const root = path.resolve(__dirname, '../../..');
const rule = (id: string): Rule => defaultPack.rules.find((r) => r.id === id)!;

/** Applies edits the way VS Code would with every placeholder left at its default. */
function applyDefaults(text: string, requests: PromptRequest[]): string {
  for (const edit of [...promptEdits(text, requests)].sort((a, b) => b.offset - a.offset)) {
    text = text.slice(0, edit.offset) + snippetToText(edit.snippet) + text.slice(edit.offset);
  }
  return text;
}

/** The prompts of the missing core elements, in pack order (what "insert all" inserts). */
function missingRequests(text: string): PromptRequest[] {
  const { findings } = analyze(text);
  return defaultPack.rules.filter((r) => r.level === 'core').flatMap((r) => {
    const f = findings.find((x) => x.ruleId === r.id && x.kind === 'missing');
    return f && r.prompt ? [{ rule: r, insertion: f.insertion }] : [];
  });
}

describe('prompt snippets', () => {
  it('renumbers tabstops and leaves escapes and $0 alone', () => {
    assert.equal(renumberTabstops('a ${1:x} $2 \\$3 ${3|p,q|} $0', 4), 'a ${5:x} $6 \\$3 ${7|p,q|} $0');
    assert.equal(maxTabstop('a ${1:x} ${12|p,q|} \\$40'), 12);
  });

  it('renders a snippet with its defaults', () => {
    assert.equal(snippetToText('Plan: ${1|start,continue|} ${2:<what ${3:and} why>} $4 \\$5'), 'Plan: start <what and why>  $5');
    assert.equal(snippetToText(rule('explain.understanding').prompt!.snippet), "Patient's understanding: she believes <cause or meaning, in their words>");
  });

  it('puts a prompt on a new line at the end of its section', () => {
    const text = 'HPI: Cough for five days.\nWorse at night.\n\nPLAN: Honey.\n';
    const result = applyDefaults(text, [{ rule: rule('explain.fear-anger'), insertion: { offset: text.indexOf('night.') + 6, section: 'hpi' } }]);
    assert.equal(result, 'HPI: Cough for five days.\nWorse at night.\nConcerns: worried that <what the patient fears or is angry about>\n\nPLAN: Honey.\n');
  });

  it('joins prompts bound for one place, with one new section header each', () => {
    const text = 'CHIEF COMPLAINT: Cough.\n\nHPI: Dry cough for five days.\n\nASSESSMENT: Post-viral cough.\n';
    const edits = promptEdits(text, missingRequests(text));
    assert.equal(edits.length, 2);
    assert.deepEqual(edits[0].ruleIds, ['explain.understanding', 'explain.fear-anger', 'explain.hopes']);
    // Tabstops run on across the joined prompts.
    assert.match(edits[0].snippet, /\$\{5\|hopes to/);
    const result = applyDefaults(text, missingRequests(text));
    assert.match(result, /HPI: Dry cough for five days\.\nPatient's understanding: .*\nConcerns: .*\nPatient goals: .*\n\nASSESSMENT/);
    assert.match(result, /ASSESSMENT: Post-viral cough\.\n\nPLAN:\nPlan: .*\nOptions discussed: .*\n\nFOLLOW-UP:\nFollow-up: .*\n$/);
    assert.equal(result.match(/^PLAN:/gm)?.length, 1);
  });

  it('keeps CRLF notes CRLF and starts an empty note without blank lines', () => {
    const crlf = 'HPI: Cough.\r\n\r\nPLAN: Honey.\r\n';
    assert.equal(eolOf(crlf), '\r\n');
    const [edit] = promptEdits(crlf, [{ rule: rule('explain.hopes'), insertion: { offset: 11, section: 'hpi' } }]);
    assert.ok(edit.snippet.startsWith('\r\nPatient goals:'));
    const [first] = promptEdits('', [{ rule: rule('plan'), insertion: { offset: 0, createSection: 'PLAN' } }]);
    assert.ok(first.snippet.startsWith('PLAN:\n'));
  });

  it('only inserts: the original text survives in order', () => {
    const text = 'Dry cough for five days, worse at night.';
    const result = applyDefaults(text, missingRequests(text));
    assert.ok(result.startsWith(text));
  });

  it('places an override line after the line the prompt would follow', () => {
    const text = 'HPI: Cough.\nPLAN: Honey.';
    assert.deepEqual(overrideEdit(text, { offset: 8, section: 'hpi' }, 'X'), { offset: 11, text: '\nX' });
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

  it('counts documented out of expected, leaving out overridden and not-expected', () => {
    assert.deepEqual(tally(['documented', 'weak', 'missing', 'overridden', 'not-expected']), { documented: 2, expected: 3, overridden: 1, missing: 1 });
    const analysis = analyze('HPI: Knee pain. She hopes to hike again.\nPLAN: Ibuprofen 400 mg.\n');
    const core = coreTally(defaultPack.rules, analysis.results);
    assert.equal(core.expected, defaultPack.rules.filter((r) => r.level === 'core').length);
    assert.ok(core.documented >= 2);
  });
});

describe('workspace rule file edits', () => {
  it('adds a rule to an existing file, keeping comments', () => {
    const text = '{\n  // team defaults\n  "profile": "default",\n  "rules": {\n    "plan": "error" // always\n  }\n}\n';
    const result = setRuleSeverity(text, 'explain.hopes', 'off');
    assert.match(result, /\/\/ team defaults/);
    assert.match(result, /\/\/ always/);
    assert.deepEqual(JSON.parse(result.replace(/\/\/.*$/gm, '')).rules, { plan: 'error', 'explain.hopes': 'off' });
  });

  it('creates the file content when there is none, and sets severity inside a rule object', () => {
    assert.deepEqual(JSON.parse(setRuleSeverity('', 'explain.hopes', 'off')), { rules: { 'explain.hopes': 'off' } });
    const result = setRuleSeverity('{ "rules": { "plan": { "message": "Write a plan" } } }', 'plan', 'off');
    assert.deepEqual(JSON.parse(result).rules.plan, { message: 'Write a plan', severity: 'off' });
  });
});

describe('hover markdown', () => {
  it('escapes note text so it cannot become links, HTML or emphasis', () => {
    const escaped = escapeMarkdown('[click](command:x) <img src=x> *bold* `code`');
    assert.ok(!/(?<!\\)[[\]()<>*`]/.test(escaped), escaped);
    assert.equal(quoteOf('a\n  b\tc'), 'a b c');
    assert.equal(quoteOf('x'.repeat(300), 10).length, 10);
  });

  it('names the skill and behavior, the rationale, what counts and the evidence', () => {
    const r = rule('explain.understanding');
    const md = ruleHoverMarkdown({ rule: r, status: 'documented', evidence: ['She thinks it is <the dust>.'] });
    assert.ok(md.includes(escapeMarkdown(r.skill)));
    assert.ok(md.includes(escapeMarkdown(r.behavior)));
    assert.ok(md.includes(escapeMarkdown(r.rationale)));
    assert.ok(md.includes('What counts:'));
    assert.ok(md.includes('She thinks it is \\<the dust\\>\\.'));
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

  it('gives every snippet placeholder a <...> default or a choice list', () => {
    for (const [name, s] of Object.entries(snippets)) {
      const body = s.body.join('\n');
      for (const m of body.matchAll(/\$\{\d+(:[^}]*|\|[^}]*)\}/g)) {
        assert.ok(/^:<.*>$/.test(m[1]) || m[1].startsWith('|'), `${name}: ${m[0]}`);
      }
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

  it('scopes headers, override lines, placeholders, vitals and doses', () => {
    const header = new RegExp(grammar.repository.header.patterns[0].begin);
    assert.equal(header.exec('PLAN: start')?.[3], 'PLAN');
    assert.equal(header.exec('2. Assessment and Plan: x')?.[3], 'Assessment and Plan');
    assert.equal(header.exec('She said that her knee hurts when she walks: yes'), null);
    assert.match('[Healing Notes: authority.permission discussed, not documented — she will decide]', matchOf('override'));
    assert.deepEqual('<cause> *** [ ] ___'.match(new RegExp(grammar.repository.placeholder.match, 'g')), ['<cause>', '***', '[ ]', '___']);
    const vital = new RegExp(grammar.repository.vital.patterns[0].match);
    assert.equal(vital.exec('BP 128/84 mmHg')?.[3], '128/84');
    const other = new RegExp(grammar.repository.vital.patterns[1].match, 'g');
    assert.deepEqual([...'HR 72, T 38.4 C, SpO2 97%; T2DM'.matchAll(other)].map((m) => m[3]), ['72', '38.4', '97']);
    assert.deepEqual([...'amoxicillin 500 mg b.i.d. and 2.5 mL PRN'.matchAll(new RegExp(grammar.repository.dose.match, 'g'))].map((m) => m[1]), ['500', '2.5']);
    assert.deepEqual('500 mg b.i.d., then q6h p.r.n.; bid'.match(new RegExp(grammar.repository.frequency.match, 'g')), ['b.i.d.', 'q6h', 'p.r.n.', 'bid']);
  });
});
