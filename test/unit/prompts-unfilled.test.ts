import * as assert from 'node:assert/strict';
import { analyze, defaultPack } from '../../src/engine';
import { promptEdits, snippetToText } from '../../src/extension/prompts';

const NOTES = [
  'HPI: Itchy rash on both forearms for a week.\nASSESSMENT: Contact dermatitis.\n',
  'Itchy rash on both forearms for a week. Likely contact dermatitis.\n',
  'HPI: Itchy rash.\r\nASSESSMENT: Contact dermatitis.\r\nPLAN:\r\n',
];

/** Applies the "insert all prompts" edits, leaving every placeholder at its default text. */
function withPromptsAtDefaults(text: string): string {
  const analysis = analyze(text);
  const requests = analysis.findings
    .filter((f) => f.kind === 'missing')
    .map((f) => ({ rule: defaultPack.rules.find((r) => r.id === f.ruleId)!, insertion: f.insertion }))
    .filter((r) => r.rule.prompt);
  let result = text;
  for (const edit of [...promptEdits(text, requests)].sort((a, b) => b.offset - a.offset)) {
    result = result.slice(0, edit.offset) + snippetToText(edit.snippet) + result.slice(edit.offset);
  }
  return result;
}

describe('prompts left unfilled', () => {
  for (const note of NOTES) {
    it(`document nothing: ${JSON.stringify(note.slice(0, 40))}`, () => {
      const before = analyze(note);
      const filled = withPromptsAtDefaults(note);
      assert.notEqual(filled, note, 'no prompt was inserted');
      const after = analyze(filled);
      for (const result of after.results) {
        const was = before.results.find((r) => r.ruleId === result.ruleId)!;
        if (was.status === 'missing') {
          assert.equal(result.evidence.length, 0, `${result.ruleId} took its own prompt for evidence:\n${filled}`);
          assert.ok(
            after.findings.some((f) => f.ruleId === result.ruleId && f.kind === 'placeholder'),
            `${result.ruleId} has no placeholder finding:\n${filled}`,
          );
        }
      }
    });
  }
});
