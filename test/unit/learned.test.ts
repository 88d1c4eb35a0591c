import * as assert from 'node:assert/strict';
import { analyze, defaultPack, type RulePack } from '../../src/engine';
import { readNote } from '../../src/engine/analyze';
import { compilePack } from '../../src/engine/compile';
import { fingerprint, keyedPatterns, type LearnedWeights } from '../../src/engine/learned/model';
import type { LabelledNote } from '../../src/eval/corpus';
import { trainWeights, DEFAULT_TRAIN } from '../../src/learn/train';
import { hoverFor } from '../../src/assist';

const RULE = 'explain.understanding';

/** A pack whose scorer for one rule credits any sentence with the word "tiredness" in it, strongly. */
function packWith(weights: Record<string, number>, threshold = 1, rule = RULE): RulePack {
  const compiled = compilePack({ ...defaultPack, learned: undefined });
  const patterns: Record<string, string> = {};
  for (const p of keyedPatterns(compiled)) patterns[p.key] = fingerprint(p.pattern.spec);
  const target = defaultPack.rules.find((r) => r.id === rule)!;
  const learned: LearnedWeights = {
    format: 1,
    trainedOn: 'a test',
    patterns,
    elements: { [rule]: { evidence: fingerprint(target.evidence), bias: 0, threshold, weights } },
  };
  return { ...defaultPack, learned, rules: defaultPack.rules.map((r) => (r.id === rule ? { ...r, learned: true } : r)) };
}

const TIRED = { 'w:tiredness': 5, '~w:tiredness': 3 };
const evidenceOf = (text: string, pack: RulePack, rule = RULE) => analyze(text, { pack }).results.find((r) => r.ruleId === rule)!.evidence;
const quoted = (text: string, pack: RulePack, rule = RULE) => evidenceOf(text, pack, rule).map((e) => text.slice(e.span.start, e.span.end));

describe('learned sentence scorer', () => {
  it('adds a sentence the patterns miss, pointing at it and naming the words that weighed most', () => {
    const text = 'HPI: Cough for a week.\nShe puts the tiredness down to night shifts.\nPLAN: Rest.';
    const evidence = evidenceOf(text, packWith(TIRED));
    const added = evidence.find((e) => e.learned);
    assert.ok(added, 'the scorer added no evidence');
    assert.equal(text.slice(added.span.start, added.span.end), 'She puts the tiredness down to night shifts.');
    assert.deepEqual(added.learned!.words.map((w) => text.slice(w.start, w.end)), ['tiredness']);
    assert.ok(added.learned!.score >= added.learned!.threshold);
    assert.equal(quoted(text, { ...defaultPack, learned: undefined }).length, 0, 'the patterns alone should not find it');
  });

  it('says in the hover why a sentence it added counts: its score and the words that weighed most', () => {
    const text = 'HPI: Cough for a week.\nShe puts the tiredness down to night shifts. She believes the cough is from the dust.\nPLAN: Rest.';
    const pack = packWith(TIRED);
    const note = { text, analysis: analyze(text, { pack }), pack };
    const learned = hoverFor(note, text.indexOf('puts'))!;
    assert.equal(learned.ruleId, RULE);
    assert.match(learned.markdown.replace(/\\(.)/g, '$1'), /\*\*Why:\*\* no pattern of this rule matched; the learned scorer gave the sentence \d+\.\d\d \(it counts from 1\.00\); the words that weighed most: “tiredness”/);
    // Evidence a pattern found needs no such line: the hover is about the rule that matched.
    const matched = hoverFor(note, text.indexOf('believes'))!;
    assert.equal(matched.ruleId, RULE);
    assert.doesNotMatch(matched.markdown, /Why:/);
  });

  it('never credits words in a negated, deferred or another person\'s context, whatever their weight', () => {
    const pack = packWith(TIRED);
    for (const sentence of [
      'Patient denies any tiredness.',
      'Her husband thinks the tiredness is from stress.',
      'We will discuss the tiredness at the next visit.',
    ]) {
      assert.deepEqual(quoted(`HPI: Cough.\n${sentence}\nPLAN: Rest.`, pack), [], sentence);
    }
  });

  it('never credits a sentence that still holds a placeholder, or another speaker\'s sentence', () => {
    const pack = packWith({ 'w:tiredness': 5, 'w:decision': 5 });
    assert.deepEqual(quoted('HPI: Cough.\nShared decision: *** about the tiredness\nPLAN: Rest.', pack), []);
    assert.deepEqual(quoted('HPI: Cough.\nWife says the tiredness comes from work.\nPLAN: Rest.', pack), []);
  });

  it('holds every gated weight at or below zero, whatever the weights file says', () => {
    const text = 'HPI: Cough.\nShe has no tiredness at all.\nPLAN: Rest.';
    // A file that (wrongly) gives the gated word a large positive weight still credits nothing.
    assert.deepEqual(quoted(text, packWith({ '~w:tiredness': 50 })), []);
  });

  it('stays off for a rule a pack turns it off for, or whose evidence a pack replaced', () => {
    const text = 'HPI: Cough for a week.\nShe puts the tiredness down to night shifts.\nPLAN: Rest.';
    const pack = packWith(TIRED);
    const off: RulePack = { ...pack, rules: pack.rules.map((r) => (r.id === RULE ? { ...r, learned: false } : r)) };
    assert.deepEqual(quoted(text, off), []);
    const replaced: RulePack = { ...pack, rules: pack.rules.map((r) => (r.id === RULE ? { ...r, evidence: [{ phrases: ['in her own words'] }] } : r)) };
    assert.deepEqual(quoted(text, replaced), []);
  });

  it('skips only sentences whose bound is under the threshold: the same evidence as scoring every sentence', () => {
    // The shipped weights, with the rule they score turned on (the default pack keeps it to its patterns); when training
    // kept no threshold for any element, so that nothing ships, weights of every kind of feature made up for the test.
    const shipped = Object.values(defaultPack.learned!.elements).some((e) => e.threshold !== undefined && Object.keys(e.weights).length > 0);
    const pack: RulePack = shipped
      ? { ...defaultPack, rules: defaultPack.rules.map((r) => (r.id in defaultPack.learned!.elements ? { ...r, learned: true } : r)) }
      : packWith({ 'w:think': 0.8, 'w:believ': 0.9, 'w:that': 0.3, 'w:start': 0.4, 'w:after': 0.3, 'w:headach': 0.2, 'w:sister': -0.4, 'w:vomit': -0.6, 's:hpi': 0.2, 'p:patient': 0.3, 'p:unknown': -0.5, 'sp:hpi/patient': 0.2, 'c:other-experiencer': -0.7, '~w:think': -0.9 });
    const compiled = compilePack(pack);
    const learned = compiled.learned;
    assert.ok(learned, 'the shipped weights make a scorer');
    const text = [
      'HPI: 58-year-old woman with headaches for a month. She thinks they started after the new job.',
      'She wonders if it is her blood pressure. Her sister believes it is migraine. No vomiting.',
      'ASSESSMENT: Tension-type headache.',
      'PLAN: Sleep diary. Return in 4 weeks.',
    ].join('\n');
    const note = readNote(text, compiled);
    for (const [ruleId, scorer] of learned.scorers) {
      for (const unit of note.units) {
        if (!scorer.reads(unit.section)) continue;
        const facts = note.reader.facts(unit, learned.patterns, learned.bounds.pairs);
        const gate = scorer.gate(note.reader.foldedText(unit));
        facts.forEach((light, index) => {
          const bound = learned.bounds.of(light)[learned.columns.get(scorer)!];
          const f = note.reader.complete(unit, light);
          const score = scorer.score(f, gate);
          assert.ok(score <= bound + 1e-9, `${ruleId}: sentence ${index} scores ${score} over its bound ${bound}`);
        });
      }
    }
  });

  it('ships weights that fit the default rules (otherwise run `npm run train`)', () => {
    const weights = defaultPack.learned!;
    assert.equal(weights.format, 1);
    const compiled = compilePack({ ...defaultPack, learned: undefined });
    const current = new Map(keyedPatterns(compiled).map((p) => [p.key, fingerprint(p.pattern.spec)]));
    for (const [key, print] of Object.entries(weights.patterns)) {
      assert.equal(current.get(key), print, `pattern ${key} changed since the weights were trained: run \`npm run train\``);
    }
    for (const [ruleId, element] of Object.entries(weights.elements)) {
      const rule = defaultPack.rules.find((r) => r.id === ruleId);
      assert.ok(rule, `weights for an unknown rule ${ruleId}`);
      assert.equal(element.evidence, fingerprint(rule.evidence), `${ruleId}'s evidence changed since the weights were trained: run \`npm run train\``);
      for (const [name, w] of Object.entries(element.weights)) if (name.startsWith('~')) assert.ok(w <= 0, `${ruleId}: gated ${name} = ${w}`);
    }
  });

  it('trains deterministically', () => {
    const note = (i: number, worried: boolean): LabelledNote => {
      const file = `${i}.note`;
      const sentence = worried ? 'She puts the cough down to the dusty warehouse.' : 'Cough for a week, no fever.';
      return {
        id: file, source: 'test', file,
        text: `HPI: Cough for a week. ${sentence}\nPLAN: Chest x-ray. Return in 2 weeks.\n`,
        labels: { file, elements: { [RULE]: { present: worried, evidence: worried ? [sentence] : [] } } },
      };
    };
    const notes = Array.from({ length: 16 }, (_, i) => note(i, i % 2 === 0));
    const options = { ...DEFAULT_TRAIN, innerFolds: 2, logistic: { ...DEFAULT_TRAIN.logistic, epochs: 3 } };
    const a = trainWeights(notes, { ...defaultPack, learned: undefined }, options);
    const b = trainWeights(notes, { ...defaultPack, learned: undefined }, options);
    assert.deepEqual(a, b);
    assert.ok(Object.keys(a.elements[RULE].weights).length > 0 || a.elements[RULE].threshold === undefined);
  });
});
