// Every `unless` of the default pack is there for a look-alike that one of its rule's own examples
// shows: without it, some example would be read differently. An exception no example needs is
// either untested or dead.
import * as assert from 'node:assert/strict';
import { analyze, defaultPack, type RulePack } from '../../src/engine';

const reading = (pack: RulePack, ruleId: string, text: string) => {
  const result = analyze(text, { pack }).results.find((r) => r.ruleId === ruleId)!;
  return `${result.status} ${result.evidence.map((e) => `${e.span.start}:${e.strength}`).join(',')}`;
};

describe('rule exceptions (unless) of the default pack', () => {
  for (const rule of defaultPack.rules) {
    rule.evidence.forEach((evidence, i) => {
      if (evidence.unless === undefined) return;
      it(`${rule.id} evidence[${i}]: an example shows what its unless is for`, () => {
        const without: RulePack = {
          ...defaultPack,
          rules: defaultPack.rules.map((r) => (r.id !== rule.id ? r : { ...r, evidence: r.evidence.map((e, j) => (j === i ? { ...e, unless: undefined } : e)) })),
        };
        const examples = [...rule.examples.documented, ...rule.examples.missing];
        const shown = examples.filter((text) => reading(defaultPack, rule.id, text) !== reading(without, rule.id, text));
        assert.ok(shown.length > 0, `no example of ${rule.id} reads differently without evidence[${i}].unless; add a "missing" example of the look-alike it excludes`);
      });
    });
  }
});
