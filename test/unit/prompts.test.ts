// Prompts claim nothing: every rule's prompt is a label and empty placeholders; inserted and left
// unfilled, it is never evidence for any rule and is reported once, under its own rule.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { missingCoreFindings, promptEdit, promptEdits, promptSnippet, snippetToText, tabstopsOf, type AssistNote, type SnippetEdit } from '../../src/assist';
import { analyze, defaultPack, type Rule } from '../../src/engine';
import { SectionVocabulary } from '../../src/engine/sections';
import { PLACEHOLDER_SOURCE } from '../../src/engine/text';

const root = path.resolve(__dirname, '../../..');
const prompted = defaultPack.rules.filter((r): r is Rule & { prompt: NonNullable<Rule['prompt']> } => r.prompt !== undefined);

/**
 * Words and phrases that state that something happened, was said, or was agreed: in a legal
 * record a prompt must never say them for the clinician.
 */
const CLAIMS: RegExp[] = [
  /\bagree(s|d|ing|ment)?\b/i,
  /\bprefer(s|red|ence)?\b/i,
  /\bbeliev(e|es|ed|ing)\b/i,
  /\bthinks?\b/i,
  /\bfeels?\b/i,
  /\bwants?\b|\bwould like\b|\bhopes to\b|\bwish(es|ed)?\b/i,
  /\bdeclin(e|es|ed|ing)\b/i,
  /\bconsented\b|\bconsents\b|\bgave consent\b/i,
  /\bchose\b|\bchooses\b|\belected\b|\bopted\b|\bis willing\b/i,
  /\breturn(s|ed)? (in|to)\b|\bfollow[- ]up in\b|\bin \d+ (days?|weeks?|months?)\b|\b\d+ (days?|weeks?|months?)\b/i,
  /\bwill (return|call|come|follow|try|continue|start|decide|think)\b/i,
  /\bunderst(ands|ood)\b|\bverbaliz/i,
  /\b(states|stated|reports|reported|denies|denied|accepts|accepted)\b/i,
  /\b(was|were|has been|have been) (discussed|explained|reviewed|answered|given|obtained)\b/i,
  /\ball questions\b|\bno (further )?questions\b/i,
  /\b(worried|afraid|frustrated|tearful) (that|about|of)\b/i,
  /\b(she|he|they) (is|was|are|were|has|had)\b/i,
  /\bpatient (is|was|has)\b/i,
];

function claimsIn(text: string): string[] {
  return CLAIMS.flatMap((claim) => {
    const m = claim.exec(text);
    return m ? [m[0]] : [];
  });
}

const PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE, 'g');
const vocabulary = new SectionVocabulary(defaultPack.sections);

/** Notes of several shapes that lack most elements: with the usual sections, with few, with none. */
const NOTES = [
  'CHIEF COMPLAINT: Sore throat.\n\nHPI: Sore throat for four days with fever.\n\nSOCIAL HISTORY: Nonsmoker.\n\nPHYSICAL EXAM: Red pharynx.\n\nASSESSMENT: Viral pharyngitis.\n\nPLAN: Salt water gargles.\n',
  'HPI: Sore throat for four days with fever.\n\nASSESSMENT: Viral pharyngitis.\n',
  'Sore throat for four days with fever. Likely viral.\n',
  'HPI: Itchy rash.\r\nASSESSMENT: Contact dermatitis.\r\nPLAN:\r\n',
];

function applied(text: string, edits: readonly SnippetEdit[]): string {
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) text = text.slice(0, edit.start) + snippetToText(edit.snippet) + text.slice(edit.end);
  return text;
}

describe('prompts claim nothing', () => {
  for (const rule of prompted) {
    describe(rule.id, () => {
      it('is a label and empty placeholders, with no claim', () => {
        const { label, snippet } = rule.prompt;
        assert.match(label, /^[A-Za-z][\w '’-]{0,39}$/, `label "${label}"`);
        assert.deepEqual(claimsIn(snippetToText(promptSnippet(rule.prompt))), [], 'claims');
        // Outside its placeholders, the snippet holds separators only.
        const rest = snippetToText(snippet).replace(PLACEHOLDER, '');
        assert.match(rest, /^[\s;,.:/()-]*$/, `text outside placeholders: "${rest}"`);
      });

      it('starts at the text to write: tab stop 1, first, a placeholder to replace, not a choice', () => {
        const stops = tabstopsOf(rule.prompt.snippet);
        assert.ok(stops.length > 0);
        assert.equal(stops[0].index, 1);
        assert.deepEqual(stops.map((s) => s.index), stops.map((_, i) => i + 1), 'tab stops in order');
        for (const stop of stops) {
          assert.equal(stop.choice, false, `$${stop.index} is a choice`);
          assert.ok(new RegExp(`^(?:${PLACEHOLDER_SOURCE})$`).test(stop.text), `$${stop.index} "${stop.text}" is not an unfilled placeholder`);
        }
      });

      it('names no section unless it is the section the prompt writes', () => {
        const kind = vocabulary.kindOf(rule.prompt.label);
        if (kind) assert.ok(rule.prompt.sections.includes(kind) || vocabulary.kindOf(rule.prompt.createSection) === kind, `${rule.prompt.label} is a ${kind} header`);
      });
    });
  }

  it('labels and titles are unique across rules, so each prompt line has one owner', () => {
    const names = prompted.flatMap((r) => [...new Set([r.prompt.label.toLowerCase(), r.title.toLowerCase()])]);
    assert.equal(new Set(names).size, names.length, names.join(', '));
  });

  it('publishes the same lines as the contributed snippets use for the core elements', () => {
    const snippets = JSON.parse(fs.readFileSync(path.join(root, 'snippets/clinical-note.json'), 'utf8')) as Record<string, { body: string[] }>;
    for (const [name, snippet] of Object.entries(snippets)) assert.deepEqual(claimsIn(snippetToText(snippet.body.join('\n'))), [], name);
  });
});

describe('an inserted, unfilled prompt', () => {
  for (const [n, text] of NOTES.entries()) {
    it(`is never evidence and is reported once, under its own rule (note ${n + 1})`, () => {
      const before = analyze(text);
      const note: AssistNote = { text, analysis: before, pack: defaultPack };
      let checked = 0;
      for (const rule of prompted) {
        const finding = before.findings.find((f) => f.ruleId === rule.id && f.kind === 'missing');
        if (!finding) continue;
        const edit = promptEdit(note, finding)!;
        const inserted = snippetToText(edit.snippet);
        const result = applied(text, [edit]);
        const span = { start: edit.start, end: edit.start + inserted.length };
        const after = analyze(result);
        const where = `${rule.id} inserted ${JSON.stringify(inserted)} into:\n${result}`;
        for (const r of after.results) {
          const was = before.results.find((x) => x.ruleId === r.ruleId)!.status;
          assert.ok(!r.evidence.some((e) => e.span.start >= span.start && e.span.end <= span.end), `${r.ruleId} took it for evidence: ${where}`);
          if (was === 'missing') assert.ok(r.status === 'missing', `${r.ruleId} became ${r.status}: ${where}`);
        }
        const onPlaceholders = after.findings.filter((f) => f.kind === 'placeholder' && f.range.start >= span.start && f.range.end <= span.end);
        assert.deepEqual([...new Set(onPlaceholders.map((f) => f.ruleId))].filter((id) => id !== rule.id), [], `other rules report it: ${where}`);
        assert.equal(after.findings.filter((f) => f.ruleId === rule.id).length, 1, `${rule.id} is not reported once: ${where}`);
        checked++;
      }
      assert.ok(checked >= 5, `only ${checked} prompts checked`);
    });
  }

  it('"insert all" writes no claim and no header twice, and documents nothing', () => {
    for (const text of NOTES) {
      const before = analyze(text);
      const note: AssistNote = { text, analysis: before, pack: defaultPack };
      const result = applied(text, promptEdits(note, missingCoreFindings(note)));
      assert.deepEqual(claimsIn(result), claimsIn(text), result);
      assert.doesNotMatch(result, /^(PLAN|FOLLOW-UP):[ \t]*\r?\n(Plan|Follow-up):/im, result);
      const after = analyze(result);
      for (const r of after.results) {
        if (before.results.find((x) => x.ruleId === r.ruleId)!.status === 'missing') assert.equal(r.status, 'missing', `${r.ruleId}:\n${result}`);
      }
      // Each core element now has one finding, on its own placeholder.
      for (const finding of missingCoreFindings(note)) {
        const mine = after.findings.filter((f) => f.ruleId === finding.ruleId);
        assert.deepEqual(mine.map((f) => f.kind), ['placeholder'], `${finding.ruleId}:\n${result}`);
      }
    }
  });
});
