import * as assert from 'node:assert/strict';
import { analyze } from '../../src/engine';
import { formatOverride, maskOverrides, parseOverrides } from '../../src/engine/overrides';

const NOTE = [
  'HPI: Knee pain for two weeks after a fall. She thinks she twisted it on the stairs.',
  'She is worried she will not be able to work. She hopes to get back to gardening.',
  '',
  'ASSESSMENT: Medial knee strain.',
  '',
  'PLAN: Ibuprofen 400 mg three times a day with food, ice, and a knee sleeve.',
  'Return in 2 weeks, sooner if the knee locks or swells.',
].join('\n');

describe('override lines', () => {
  it('parses the rule id, the reason and the span', () => {
    const line = '[Healing Notes: authority.permission discussed, not documented — patient asked to think it over]';
    const text = `PLAN: Ibuprofen.\n${line}\n`;
    const [override] = parseOverrides(text);
    assert.equal(override.ruleId, 'authority.permission');
    assert.equal(override.reason, 'patient asked to think it over');
    assert.equal(text.slice(override.span.start, override.span.end), line);
  });

  it('accepts other dashes, a colon, no reason, indentation and CRLF', () => {
    const text = [
      '  [Healing Notes: explain.hopes discussed, not documented -- no time]',
      '[healing notes: explain.fear-anger discussed, not documented: declined to say]',
      '[Healing Notes: plan discussed, not documented]',
      '',
    ].join('\r\n');
    assert.deepEqual(
      parseOverrides(text).map((o) => [o.ruleId, o.reason]),
      [['explain.hopes', 'no time'], ['explain.fear-anger', 'declined to say'], ['plan', '']],
    );
  });

  it('ignores the marker inside other text or without the phrase', () => {
    assert.deepEqual(parseOverrides('PLAN: see [Healing Notes: plan discussed, not documented — x] above'), []);
    assert.deepEqual(parseOverrides('[Healing Notes: plan was discussed]'), []);
    assert.deepEqual(parseOverrides('No overrides here.'), []);
  });

  it('formats a line that parses back, with the reason on one line and no brackets', () => {
    const line = formatOverride('explain.hopes', '  patient [tired]\n wanted to leave ');
    assert.equal(line, '[Healing Notes: explain.hopes discussed, not documented — patient tired wanted to leave]');
    const [parsed] = parseOverrides(line);
    assert.equal(parsed.ruleId, 'explain.hopes');
    assert.equal(parsed.reason, 'patient tired wanted to leave');
  });

  it('masks overrides with spaces, keeping offsets', () => {
    const text = 'A\n[Healing Notes: plan discussed, not documented — x]\nB';
    const masked = maskOverrides(text, parseOverrides(text));
    assert.equal(masked.length, text.length);
    assert.equal(masked.trim().replace(/\s+/g, ' '), 'A B');
  });
});

describe('analyze honours override lines', () => {
  it('marks an overridden missing rule and drops its findings', () => {
    const before = analyze(NOTE);
    assert.equal(before.results.find((r) => r.ruleId === 'authority.permission')?.status, 'missing');
    assert.ok(before.findings.some((f) => f.ruleId === 'authority.permission'));

    const after = analyze(`${NOTE}\n[Healing Notes: authority.permission discussed, not documented — patient will think it over]\n`);
    assert.equal(after.results.find((r) => r.ruleId === 'authority.permission')?.status, 'overridden');
    assert.ok(!after.findings.some((f) => f.ruleId === 'authority.permission'));
    // Other rules are untouched.
    assert.deepEqual(
      after.results.filter((r) => r.ruleId !== 'authority.permission').map((r) => r.status),
      before.results.filter((r) => r.ruleId !== 'authority.permission').map((r) => r.status),
    );
  });

  it('does not read the override line as evidence for any rule', () => {
    // "chose to wait" and "worried" would otherwise count for shared decision and concerns.
    const text = 'HPI: Cough.\n\nPLAN: Honey and fluids.\n[Healing Notes: explain.hopes discussed, not documented — she chose to wait, worried about cost]\n';
    const analysis = analyze(text);
    const overrideStart = text.indexOf('[Healing');
    for (const result of analysis.results) {
      for (const e of result.evidence) assert.ok(e.span.end <= overrideStart || e.span.start > text.indexOf(']', overrideStart), `${result.ruleId} used the override line`);
    }
    assert.equal(analysis.results.find((r) => r.ruleId === 'authority.permission')?.status, 'missing');
    assert.equal(analysis.results.find((r) => r.ruleId === 'explain.fear-anger')?.status, 'missing');
  });

  it('leaves a documented rule documented', () => {
    const text = `${NOTE}\n[Healing Notes: explain.hopes discussed, not documented — already covered]\n`;
    assert.equal(analyze(text).results.find((r) => r.ruleId === 'explain.hopes')?.status, 'documented');
  });
});
