// The assist layer (src/assist): what a finding offers a person, as plain data, without vscode.
import * as assert from 'node:assert/strict';
import {
  actionsFor,
  actionsForFindings,
  coverageOf,
  elementName,
  findingsAt,
  hoverFor,
  MAX_HOVER_LENGTH,
  missingCoreFindings,
  overrideEdit,
  overrideLine,
  overrideSnippetEdit,
  promptEdit,
  REASON_PLACEHOLDER,
  promptEdits,
  setRuleSeverity,
  snippetToText,
  tabstopsOf,
  turnOffConfirmation,
  turnOffText,
  type AssistNote,
  type SnippetEdit,
} from '../../src/assist';
import { analyze, defaultPack, type Finding, type Rule } from '../../src/engine';
import { parseOverrides } from '../../src/engine/overrides';

const rule = (id: string): Rule => defaultPack.rules.find((r) => r.id === id)!;

function noteOf(text: string): AssistNote {
  return { text, analysis: analyze(text), pack: defaultPack };
}

function findingOf(note: AssistNote, ruleId: string, kind?: Finding['kind']): Finding {
  const finding = note.analysis.findings.find((f) => f.ruleId === ruleId && (kind === undefined || f.kind === kind));
  assert.ok(finding, `no ${kind ?? ''} finding of ${ruleId}`);
  return finding;
}

/** The note after the edits, every placeholder left as written (what a clinician who tabs past them leaves). */
function applied(text: string, edits: readonly SnippetEdit[]): string {
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + snippetToText(edit.snippet) + text.slice(edit.end);
  return text;
}

/** A 41-line-style follow-up note's head: an HPI with several findings, an assessment and no plan. */
const DIABETES = [
  'Visit type: follow-up',
  '',
  'HPI: 61-year-old with type 2 diabetes here for a three-month check. Home sugars run 140 to 180 fasting.',
  'Walking most evenings. No low sugars.',
  '',
  'PHYSICAL EXAM: BP 138/82. Feet: intact sensation, no ulcers.',
  '',
  'ASSESSMENT: Type 2 diabetes, above goal.',
  '',
].join('\n');

describe('assist: elements and action titles', () => {
  it('names an element in words, lower case, keeping acronyms', () => {
    assert.equal(elementName(rule('authority.permission')), 'shared decision');
    assert.equal(elementName(rule('explain.understanding')), "patient's own explanation");
    assert.equal(elementName({ title: 'HPI details' }), 'HPI details');
  });

  it('one group per finding, prompts first, every title naming its element', () => {
    const note = noteOf(DIABETES);
    const hpi = note.analysis.sections.find((s) => s.kind === 'hpi')!;
    const onHeader = findingsAt(note, { start: hpi.headerRange.start, end: hpi.headerRange.start });
    assert.ok(onHeader.length >= 5, `${onHeader.length} findings on the HPI header`);
    const actions = actionsForFindings(note, onHeader, { canTurnOff: true });
    const titles = actions.map((a) => a.title);
    assert.equal(new Set(titles).size, titles.length, `duplicate titles: ${titles.join(' | ')}`);
    const firstOther = actions.findIndex((a) => a.kind !== 'insert-prompt');
    assert.ok(actions.slice(firstOther).every((a) => a.kind !== 'insert-prompt'), 'prompts come first');
    assert.equal(actions[0].title, "Insert prompt: patient's own explanation");
    assert.ok(actions[0].kind === 'insert-prompt' && actions[0].preferred);
    assert.equal(actions.filter((a) => a.kind === 'insert-prompt' && a.preferred).length, 1);
    // Warnings get mark and turn-off; hints only their prompt.
    for (const finding of onHeader) {
      const mine = actions.filter((a) => a.finding === finding).map((a) => a.kind);
      assert.deepEqual(mine, finding.severity === 'hint' ? ['insert-prompt'] : ['insert-prompt', 'mark-discussed', 'turn-off'], finding.ruleId);
    }
    assert.ok(titles.includes('Mark patient\'s fears and concerns as discussed, not documented…'));
    assert.ok(titles.includes('Turn off “Patient\'s hopes and goals” for this workspace…'));
  });

  it('offers exactly three actions for one warning, and no turn-off outside a workspace', () => {
    const note = noteOf(DIABETES);
    const finding = findingOf(note, 'authority.permission');
    assert.deepEqual(
      actionsFor(note, finding).map((a) => a.title),
      ['Insert prompt: shared decision', 'Mark shared decision as discussed, not documented…', 'Turn off “Shared decision” for this workspace…'],
    );
    assert.deepEqual(actionsFor(note, finding, { canTurnOff: false }).map((a) => a.kind), ['insert-prompt', 'mark-discussed']);
  });
});

describe('assist: prompt edits', () => {
  it('puts a prompt on a new line at the end of its section; the first tab stop is selected text to write', () => {
    const text = 'HPI: Cough for five days.\nWorse at night.\n\nPLAN: Honey.\n';
    const note = noteOf(text);
    const edit = promptEdit(note, findingOf(note, 'explain.fear-anger'))!;
    assert.equal(edit.start, edit.end);
    assert.equal(applied(text, [edit]), "HPI: Cough for five days.\nWorse at night.\nPatient's concerns: <fears, worries or anger, in the patient's words>\n\nPLAN: Honey.\n");
    const [first] = tabstopsOf(edit.snippet);
    assert.deepEqual(first, { index: 1, text: "<fears, worries or anger, in the patient's words>", choice: false });
  });

  it('reuses the section it goes into: no header plus the same label', () => {
    const text = 'HPI: Knee pain for a week.\n\nASSESSMENT: Knee strain.\n';
    const note = noteOf(text);
    const result = applied(text, promptEdits(note, missingCoreFindings(note)));
    assert.match(result, /\n\nPLAN: <what will be done, and why>\nShared decision: <options offered>; .*\n\nFOLLOW-UP: <when, and with whom>; <warning signs that need a call sooner>\n$/);
    assert.doesNotMatch(result, /^PLAN:\s*\nPlan:/im);
    assert.doesNotMatch(result, /^FOLLOW-UP:\s*\nFollow-up:/im);
    assert.equal(result.match(/^PLAN:/gm)?.length, 1);
    assert.equal(result.match(/^FOLLOW-UP:/gim)?.length, 1);
    // An empty PLAN header is filled on its own line.
    const empty = 'HPI: Knee pain for a week.\n\nPLAN:\n\nFOLLOW-UP: in 2 weeks.\n';
    const emptyNote = noteOf(empty);
    assert.equal(applied(empty, [promptEdit(emptyNote, findingOf(emptyNote, 'plan'))!]).split('\n')[2], 'PLAN: <what will be done, and why>');
  });

  it('numbers tab stops across joined prompts, so no two prompts mirror each other', () => {
    const text = 'CHIEF COMPLAINT: Cough.\n\nHPI: Dry cough for five days.\n\nASSESSMENT: Post-viral cough.\n';
    const note = noteOf(text);
    const edits = promptEdits(note, missingCoreFindings(note));
    assert.deepEqual(edits[0].ruleIds, ['explain.understanding', 'explain.fear-anger', 'explain.hopes']);
    const indexes = edits.flatMap((e) => tabstopsOf(e.snippet).map((t) => t.index));
    assert.deepEqual(indexes, indexes.map((_, i) => i + 1));
  });

  for (const [line, ruleId, kind] of [
    ['Follow-up: ___', 'committed.no-abandon', 'placeholder'],
    ['Goals of care: ***', 'explain.hopes', 'placeholder'],
    ['Shared decision: [ ]', 'authority.permission', 'placeholder'],
  ] as const) {
    it(`fills an unfilled line in place: "${line}"`, () => {
      const text = `HPI: Knee pain for three weeks. She thinks she twisted it.\n${ruleId === 'explain.hopes' ? `${line}\n` : ''}\nASSESSMENT: Knee strain.\n\nPLAN: Ice and rest.\n${ruleId === 'explain.hopes' ? '' : `${line}\n`}`;
      const note = noteOf(text);
      const edit = promptEdit(note, findingOf(note, ruleId, kind))!;
      const result = applied(text, [edit]);
      const label = line.slice(0, line.indexOf(':') + 1);
      assert.equal(result.split(label).length - 1, 1, `a second "${label}" line:\n${result}`);
      assert.equal(result.split('\n').length, text.split('\n').length, 'no line added');
      assert.ok(result.includes(`${label} ${snippetToText(rule(ruleId).prompt!.snippet)}`), result);
      // Still unfilled, and still this rule's alone.
      const after = analyze(result);
      assert.equal(after.results.find((r) => r.ruleId === ruleId)!.evidence.length, 0);
      assert.deepEqual(after.findings.filter((f) => result.slice(f.range.start, f.range.end).startsWith('<')).map((f) => f.ruleId), [ruleId]);
    });
  }

  it('fills a labelled unfilled line even when no pattern of the rule reads it', () => {
    const text = 'HPI: Cough.\nPatient hopes: ???\n\nPLAN: Honey.\n';
    const note = noteOf(text);
    const finding = note.analysis.findings.find((f) => f.ruleId === 'explain.hopes')!;
    const result = applied(text, [promptEdit(note, finding)!]);
    assert.equal(result.split('\n').length, text.split('\n').length, result);
  });

  it('inside prose, selects the placeholder itself rather than writing a second prompt into the sentence', () => {
    const text = 'HPI: Headache. She believes it is caused by <cause>.\n\nPLAN: Rest.\n';
    const note = noteOf(text);
    const finding = findingOf(note, 'explain.understanding', 'placeholder');
    const edit = promptEdit(note, finding)!;
    assert.equal(edit.snippet, '${1:<cause>}');
    assert.equal(applied(text, [edit]), text);
  });

  it('keeps CRLF notes CRLF and starts an empty note without blank lines', () => {
    const crlf = 'HPI: Cough.\r\n\r\nPLAN: Honey.\r\n';
    const note = noteOf(crlf);
    const [edit] = promptEdits(note, [findingOf(note, 'explain.hopes')]);
    assert.ok(edit.snippet.startsWith("\r\nPatient's hopes:"), JSON.stringify(edit.snippet));
    const empty = noteOf('');
    const first = promptEdit(empty, findingOf(empty, 'plan'))!;
    assert.ok(first.snippet.startsWith('PLAN: '), JSON.stringify(first.snippet));
  });

  it('only inserts: the original text survives in order', () => {
    const text = 'Dry cough for five days, worse at night.';
    const note = noteOf(text);
    assert.ok(applied(text, promptEdits(note, missingCoreFindings(note))).startsWith(text));
  });
});

describe('assist: mark as discussed', () => {
  it('writes a line naming the element in words, which the engine parses back', () => {
    const text = 'HPI: Knee pain. She thinks she twisted it.\n\nASSESSMENT: Strain.\n\nPLAN: Ice.\nReturn in 2 weeks, sooner if swelling.\n';
    const finding = findingOf(noteOf(text), 'authority.permission');
    const edit = overrideEdit(text, finding, rule('authority.permission'), 'she will talk it over with her husband [first]');
    assert.equal(edit.text, '\n[Healing Notes: shared decision discussed, not documented — she will talk it over with her husband first]');
    assert.equal(overrideLine(rule('explain.hopes'), 'x'), "[Healing Notes: patient's hopes and goals discussed, not documented — x]");
    const result = text.slice(0, edit.start) + edit.text + text.slice(edit.end);
    const after = analyze(result);
    assert.equal(after.results.find((r) => r.ruleId === 'authority.permission')!.status, 'overridden');
    assert.ok(!after.findings.some((f) => f.ruleId === 'authority.permission'));
    // Titles resolve whatever their case or apostrophe; rule ids still work.
    assert.deepEqual(
      parseOverrides('[Healing Notes: Patient’s Hopes And Goals discussed, not documented — x]\n[Healing Notes: plan discussed, not documented]', defaultPack.rules).map((o) => o.ruleId),
      ['explain.hopes', 'plan'],
    );
  });

  it('without an input box, writes the line with its reason as a tab stop, counted only once the reason is written', () => {
    const text = 'HPI: Knee pain. She thinks she twisted it.\n\nASSESSMENT: Strain.\n\nPLAN: Ice.\nReturn in 2 weeks, sooner if swelling.\n';
    const finding = findingOf(noteOf(text), 'authority.permission');
    const edit = overrideSnippetEdit(text, finding, rule('authority.permission'));
    assert.equal(edit.snippet, `\n[Healing Notes: shared decision discussed, not documented — \${1:${REASON_PLACEHOLDER}}]`);
    assert.deepEqual(tabstopsOf(edit.snippet), [{ index: 1, text: REASON_PLACEHOLDER, choice: false }]);
    assert.equal(edit.start, overrideEdit(text, finding, rule('authority.permission'), 'x').start);
    // Left unfilled, the line is no statement: the element stays missing, and the line is no evidence of anything.
    const unfilled = applied(text, [edit]);
    const before = analyze(unfilled);
    assert.equal(before.results.find((r) => r.ruleId === 'authority.permission')!.status, 'missing');
    assert.ok(before.findings.some((f) => f.ruleId === 'authority.permission' && f.kind === 'missing'));
    // Written over, it is the clinician's statement.
    const after = analyze(unfilled.replace(REASON_PLACEHOLDER, 'she will decide after talking with her sister'));
    assert.equal(after.results.find((r) => r.ruleId === 'authority.permission')!.status, 'overridden');
    assert.ok(!after.findings.some((f) => f.ruleId === 'authority.permission'));
  });
});

describe('assist: turn off', () => {
  it('asks first, naming the element and who it affects', () => {
    const question = turnOffConfirmation(rule('authority.permission'), '.healingnotes.json');
    assert.equal(question.message, 'Turn off “Shared decision” for this workspace?');
    assert.match(question.detail, /everyone who uses this workspace/);
  });

  it('adds a rule to an existing file, keeping comments, and keeps its line breaks', () => {
    const text = '{\r\n  // team defaults\r\n  "rules": {\r\n    "plan": "error" // always\r\n  }\r\n}\r\n';
    const result = turnOffText(text, 'explain.hopes');
    assert.match(result, /\/\/ team defaults/);
    assert.ok(!/[^\r]\n/.test(result), 'CRLF kept');
    assert.deepEqual(JSON.parse(result.replace(/\/\/.*$/gm, '')).rules, { plan: 'error', 'explain.hopes': 'off' });
    assert.deepEqual(JSON.parse(turnOffText('', 'explain.hopes')), { rules: { 'explain.hopes': 'off' } });
    assert.deepEqual(JSON.parse(setRuleSeverity('{ "rules": { "plan": { "message": "Write a plan" } } }', 'plan', 'off')).rules.plan, { message: 'Write a plan', severity: 'off' });
  });
});

/** The hover's text as shown: markdown escapes and marks removed. */
function shown(markdown: string): string {
  return markdown.replace(/\\(.)/g, '$1').replace(/\*\*|\*/g, '');
}

describe('assist: hovers', () => {
  it('teaches the most severe finding on a header, fits the box, and counts the rest', () => {
    const note = noteOf(DIABETES);
    const hpi = note.analysis.sections.find((s) => s.kind === 'hpi')!;
    const here = findingsAt(note, { start: hpi.headerRange.start, end: hpi.headerRange.start });
    const hover = hoverFor(note, hpi.headerRange.start, { coverageLink: 'command:x' })!;
    assert.equal(hover.ruleId, 'explain.understanding');
    assert.ok(shown(hover.markdown).length <= MAX_HOVER_LENGTH, `${shown(hover.markdown).length} characters`);
    assert.equal(hover.more, new Set(here.map((f) => f.ruleId)).size - 1);
    assert.match(hover.markdown, new RegExp(`\\*${hover.more} more suggestions in \\[Coverage\\]\\(command:x\\)\\*$`));
    // Only that element is taught.
    assert.equal(hover.markdown.match(/What counts:/g)?.length, 1);
    assert.ok(!hover.markdown.includes(rule('explain.hopes').rationale.slice(0, 30)));
  });

  it('cuts long rule text at word boundaries to fit any limit', () => {
    const note = noteOf(DIABETES);
    const offset = note.analysis.sections.find((s) => s.kind === 'hpi')!.headerRange.start;
    for (const maxLength of [400, 600, 900]) {
      const hover = hoverFor(note, offset, { maxLength })!;
      assert.ok(shown(hover.markdown).length <= maxLength, `${shown(hover.markdown).length} > ${maxLength}`);
      assert.match(hover.markdown, /more suggestions in Coverage/);
    }
  });

  it('on evidence, quotes it; on an override line, gives the reason; elsewhere, nothing', () => {
    const text = 'HPI: Headache. She believes it comes from her new glasses.\n\nPLAN: Eye exam.\n[Healing Notes: shared decision discussed, not documented — she wants to ask her optometrist]\n';
    const note = noteOf(text);
    const evidence = hoverFor(note, text.indexOf('believes'))!;
    assert.equal(evidence.ruleId, 'explain.understanding');
    assert.match(evidence.markdown, /Found in this note:\*\*\n\n> “She believes it comes from her new glasses\\\.”/);
    const override = hoverFor(note, text.indexOf('optometrist'))!;
    assert.equal(override.ruleId, 'authority.permission');
    assert.match(shown(override.markdown), /Marked as discussed, not documented: she wants to ask her optometrist/);
    assert.equal(hoverFor(note, text.indexOf('\n\n') + 1), undefined);
  });

  it('escapes note text so it cannot become links, HTML or emphasis', () => {
    const text = 'HPI: Headache. She believes it is [the sun](command:x) *bright* `code` #1.\nPLAN: Rest.\n';
    const hover = hoverFor(noteOf(text), text.indexOf('believes'))!;
    const quote = hover.markdown.split('\n').find((l) => l.startsWith('> '))!;
    assert.ok(!/(?<!\\)[[\]()<>*`]/.test(quote.slice(2)), quote);
  });
});

describe('assist: coverage', () => {
  it('puts "Core n/6" first, missing core elements at its top, and no fractions below', () => {
    const text = 'HPI: Knee pain. She thinks she twisted it on the stairs. She is worried it is broken.\n\nASSESSMENT: Sprain.\n\nPLAN: Ice and a brace.\n';
    const coverage = coverageOf(noteOf(text));
    const [core, ...skills] = coverage.groups;
    assert.equal(core.key, 'core');
    assert.equal(core.label, `Core ${coverage.core.documented}/6`);
    assert.equal(coverage.core.expected, 6);
    const statuses = core.rules.map((r) => r.status);
    assert.deepEqual(statuses, [...statuses].sort((a, b) => Number(b === 'missing') - Number(a === 'missing')));
    assert.equal(core.rules[0].statusLabel, 'missing');
    assert.equal(core.description, `${coverage.core.missing} missing`);
    assert.deepEqual(skills.slice(0, 8).map((g) => g.key), ['little-things', 'listen', 'open', 'like', 'barriers', 'explain', 'authority', 'committed']);
    for (const group of skills) {
      assert.doesNotMatch(`${group.label} ${group.description}`, /\d+\s*\/\s*\d+/, group.label);
      assert.ok(group.rules.every((r) => r.level !== 'core'), group.label);
    }
    // Short labels, for a narrow sidebar.
    for (const r of coverage.groups.flatMap((g) => g.rules)) assert.ok(`${r.title} ${r.statusLabel}`.length <= 42, r.title);
  });

  it('counts an element marked as discussed as expected, not documented', () => {
    const text = 'HPI: Knee pain.\n\nPLAN: Ice.\n[Healing Notes: shared decision discussed, not documented — later]\n';
    const coverage = coverageOf(noteOf(text));
    assert.equal(coverage.core.expected, 6);
    assert.equal(coverage.core.discussed, 1);
    assert.match(coverage.groups[0].description, /1 discussed/);
    assert.equal(coverage.groups[0].rules.find((r) => r.ruleId === 'authority.permission')!.statusLabel, 'discussed');
  });
});
