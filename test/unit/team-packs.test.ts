/**
 * What a team's pack can say (issue 14): rules that know when they apply, profiles from a
 * note's heading, additions to built-in rules and vocabularies, anchors on labelled lines,
 * scoped header names, and the placeholder finding in the team's words. Notes are our own.
 */
import * as assert from 'node:assert/strict';
import { promptEdit, snippetToText } from '../../src/assist';
import { analyze, defaultPack, type NoteAnalysis, type RulePack } from '../../src/engine';
import { readAge } from '../../src/engine/conditions';
import { formatPackError, loadPackFile, type PackError } from '../../src/engine/pack';
import { interpreterRule, json, memoryFiles } from './pack-helpers';

const FILE = '/clinic/.healingnotes.json';

function pack(config: unknown, restricted = false): RulePack {
  const result = loadPackFile(FILE, memoryFiles({ [FILE]: json(config) }), defaultPack, { restricted });
  assert.deepEqual(result.errors.map(formatPackError), []);
  return result.pack;
}

function errors(config: unknown, restricted = false): PackError[] {
  const result = loadPackFile(FILE, memoryFiles({ [FILE]: json(config) }), defaultPack, { restricted });
  assert.ok(result.errors.length > 0, 'expected errors');
  return result.errors;
}

const statusOf = (analysis: NoteAnalysis, id: string) => analysis.results.find((r) => r.ruleId === id)?.status;
const resultOf = (analysis: NoteAnalysis, id: string) => analysis.results.find((r) => r.ruleId === id)!;
const findingsOf = (analysis: NoteAnalysis, id: string) => analysis.findings.filter((f) => f.ruleId === id);

/** A heart-failure discharge teach-back rule, applying only when heart failure is a discharge diagnosis. */
const teachBack = (when: unknown = { found: { phrases: ['heart failure', 'chf', 'hfref'], sections: ['assessment', 'assessment-plan'] } }) =>
  interpreterRule({
    id: 'hf.teach-back',
    title: 'Heart failure teach-back',
    message: 'No heart-failure teach-back recorded in {section}',
    evidence: [{ phrases: ['teach-back', 'teach back', 'repeated back'] }],
    prompt: { label: 'HF teach-back', snippet: '${1:<what the patient explained back>}', sections: ['instructions', 'plan'], createSection: 'INSTRUCTIONS' },
    when,
    examples: { documented: ['PLAN: Teach-back: repeated back her daily weights.'], missing: ['PLAN: Furosemide.'] },
  });

describe('team packs: when a rule applies', () => {
  const hf = () => pack({ customRules: [teachBack()] });

  it('applies on a heart-failure discharge and is missing there', () => {
    const note = 'DISCHARGE DIAGNOSIS: Acute on chronic heart failure.\nPLAN: Furosemide 40 mg daily; weigh daily.\n';
    const analysis = analyze(note, { pack: hf() });
    assert.equal(statusOf(analysis, 'hf.teach-back'), 'missing');
    assert.equal(findingsOf(analysis, 'hf.teach-back')[0].message, 'No heart-failure teach-back recorded in PLAN');
  });

  it('does not apply when heart failure is only in the past history, negated, or someone else\'s', () => {
    const notes = [
      'PAST MEDICAL HISTORY: CHF, diabetes.\nDISCHARGE DIAGNOSIS: Cellulitis of the left leg.\nPLAN: Cephalexin for 7 days.\n',
      'DISCHARGE DIAGNOSIS: Pneumonia; no heart failure.\nPLAN: Antibiotics for 5 days.\n',
      'ASSESSMENT: Her mother was diagnosed with heart failure last year. Viral bronchitis.\nPLAN: Fluids.\n',
    ];
    for (const note of notes) {
      const analysis = analyze(note, { pack: hf() });
      const result = resultOf(analysis, 'hf.teach-back');
      assert.equal(result.status, 'not-applicable', note);
      assert.deepEqual(findingsOf(analysis, 'hf.teach-back'), [], 'a rule that does not apply is never reported missing');
      assert.match(result.reason!, /does not mention "heart failure", "chf" or "hfref" in assessment or assessment-plan/);
    }
  });

  it('says why in the pack\'s words, never the note\'s', () => {
    const secret = 'Quokkaville';
    const analysis = analyze(`DISCHARGE DIAGNOSIS: ${secret} fever.\nPLAN: Rest.\n`, { pack: pack({ customRules: [teachBack({ found: { pattern: 'heart\\s+failure', sections: ['assessment'] }, age: { min: 65 } })] }) });
    assert.ok(!resultOf(analysis, 'hf.teach-back').reason!.includes(secret));
    assert.match(resultOf(analysis, 'hf.teach-back').reason!, /the condition's pattern in assessment/);
  });

  it('reads profiles, note type, sections present or absent, phrases not found, age and anyOf', function () {
    this.timeout(30_000); // a pack compiled per case
    const cases: [unknown, string, boolean][] = [
      [{ profiles: ['telehealth'] }, 'Visit type: video visit\nHPI: Rash.\nPLAN: Cream.', true],
      [{ profiles: ['telehealth'] }, 'Visit type: office visit\nHPI: Rash.\nPLAN: Cream.', false],
      [{ notProfiles: ['urgent'] }, 'URGENT CARE VISIT\nHPI: Rash.\nPLAN: Cream.', false],
      [{ type: ['discharge'] }, 'DISCHARGE SUMMARY\nHOSPITAL COURSE: Improved.\nPLAN: Home.', true],
      [{ type: ['discharge'] }, 'PROGRESS NOTE\nHPI: Discharge from the wound.\nPLAN: Dressing.', false],
      [{ notType: ['sports physical'] }, 'SPORTS PHYSICAL\nHPI: Cleared to play.', false],
      [{ hasSections: ['hospital-course'] }, 'HOSPITAL COURSE: Improved.\nPLAN: Home.', true],
      [{ hasSections: ['hospital-course'] }, 'HPI: Rash.\nPLAN: Cream.', false],
      [{ lacksSections: ['hospital-course'] }, 'HOSPITAL COURSE: Improved.\nPLAN: Home.', false],
      [{ notFound: { phrases: ['preferred language: english', 'speaks english'] } }, 'HPI: Rash. She speaks English at home.\nPLAN: Cream.', false],
      [{ notFound: { phrases: ['speaks english'] } }, 'HPI: Rash. Prefers Spanish.\nPLAN: Cream.', true],
      [{ age: { min: 12, max: 17 } }, 'HPI: A 15-year-old with acne.\nPLAN: Cream.', true],
      [{ age: { min: 12, max: 17 } }, 'HPI: A 15-month-old with a rash.\nPLAN: Cream.', false],
      [{ age: { min: 12, max: 17 } }, 'HPI: Rash.\nPLAN: Cream.', false],
      [{ age: { min: 12, max: 17, unknown: true } }, 'HPI: Rash.\nPLAN: Cream.', true],
      [{ anyOf: [{ profiles: ['telehealth'] }, { found: { phrases: ['video'] } }] }, 'HPI: Seen by video. Rash.\nPLAN: Cream.', true],
      [{ anyOf: [{ profiles: ['telehealth'] }, { found: { phrases: ['video'] } }] }, 'HPI: Rash.\nPLAN: Cream.', false],
    ];
    for (const [when, note, applies] of cases) {
      const status = statusOf(analyze(note, { pack: pack({ customRules: [teachBack(when)] }) }), 'hf.teach-back');
      assert.equal(status !== 'not-applicable', applies, `${JSON.stringify(when)} on ${JSON.stringify(note)}: ${status}`);
    }
  });

  it('puts a condition on a built-in rule', () => {
    const quiet = pack({ rules: { 'explain.hopes': { when: { notProfiles: ['urgent'] } } } });
    assert.equal(statusOf(analyze('Visit type: urgent care\nHPI: Cut finger.\nPLAN: Suture.', { pack: quiet }), 'explain.hopes'), 'not-applicable');
    assert.equal(statusOf(analyze('HPI: Cut finger.\nPLAN: Suture.', { pack: quiet }), 'explain.hopes'), 'missing');
  });

  it('reads the patient\'s age, not a relative\'s', () => {
    const relatives = defaultPack.vocabulary.relatives;
    assert.equal(readAge('HPI: 72 yo man with cough.', relatives), 72);
    assert.equal(readAge('HPI: Her 80-year-old mother came along. She is a 45-year-old teacher.', relatives), 45);
    assert.equal(readAge('Age: 15\nHPI: Acne.', relatives), 15);
    assert.equal(readAge('HPI: Paciente de 34 años con tos.', relatives), 34);
    assert.equal(readAge('HPI: 6-month-old with fever.', relatives), 0.5);
    assert.equal(readAge('HPI: Cough for 3 years.', relatives), null);
  });
});

describe('team packs: profiles from the heading', () => {
  it('reads the title line and headers above the first clinical section, not the body', () => {
    assert.deepEqual(analyze('URGENT CARE VISIT\nHPI: Sprained ankle.\nPLAN: Brace.').profiles, ['urgent']);
    assert.deepEqual(analyze('# Telehealth follow-up\n\nHPI: Rash.\nPLAN: Cream.').profiles, ['follow-up', 'telehealth']);
    assert.deepEqual(analyze('HPI: Seen in urgent care last week for a sprain.\nPLAN: Brace.').profiles, ['default']);
    assert.deepEqual(analyze('Visit type: follow-up\nHPI: Rash.').profiles, ['follow-up']);
  });

  it('lets a pack add detection phrases, and the later profile wins where two set one rule', () => {
    const clinic = pack({
      profiles: [
        { id: 'urgent', addDetect: ['walk-in clinic'] },
        { id: 'clinic-video', description: 'Video visit at our clinic', detect: ['video'], rules: { 'explain.hopes': 'error' } },
      ],
    });
    const urgent = clinic.profiles.find((p) => p.id === 'urgent')!;
    assert.ok(urgent.detect!.includes('urgent care') && urgent.detect!.includes('walk-in clinic'), 'added to, not replaced');
    const both = analyze('WALK-IN CLINIC\nVisit type: video\nHPI: Sore throat.\nPLAN: Rest.', { pack: clinic });
    assert.deepEqual(both.profiles, ['telehealth', 'urgent', 'clinic-video']);
    assert.equal(findingsOf(both, 'explain.hopes')[0].severity, 'error', 'the later profile in the pack wins');
  });
});

describe('team packs: additions to built-in rules and vocabularies', () => {
  const spanish = () =>
    pack({
      rules: { 'explain.fear-anger': { addEvidence: [{ phrases: ['le preocupa', 'tiene miedo de'], sections: ['hpi', 'subjective'] }] } },
      vocabulary: { negations: ['niega'], relatives: ['esposa', 'esposo'] },
      contextTriggers: [{ kind: 'other-experiencer', phrases: ['su esposa', 'su esposo'] }, { kind: 'negated', phrases: ['no refiere'] }],
    });

  it('adds Spanish phrases without restating the English ones', () => {
    const clinic = spanish();
    assert.equal(statusOf(analyze('HPI: Tos. Le preocupa que sea neumonía.\nPLAN: Reposo.', { pack: clinic }), 'explain.fear-anger'), 'documented');
    const english = 'HPI: Cough for a week. She is worried it is pneumonia.\nPLAN: Rest.';
    assert.equal(statusOf(analyze(english, { pack: clinic }), 'explain.fear-anger'), statusOf(analyze(english), 'explain.fear-anger'));
    assert.equal(statusOf(analyze(english), 'explain.fear-anger'), 'documented');
  });

  it('teaches Spanish negation and another person\'s words', () => {
    const clinic = spanish();
    assert.equal(statusOf(analyze('HPI: Tos. Niega que le preocupa nada.\nPLAN: Reposo.', { pack: clinic }), 'explain.fear-anger'), 'missing');
    assert.equal(statusOf(analyze('HPI: Tos. Su esposa dice que le preocupa mucho.\nPLAN: Reposo.', { pack: clinic }), 'explain.fear-anger'), 'missing');
    assert.equal(statusOf(analyze('HPI: Tos. No refiere que le preocupa.\nPLAN: Reposo.', { pack: clinic }), 'explain.fear-anger'), 'missing');
  });

  it('removes evidence by index or phrase, and stops a wording from counting with except', () => {
    const bridges = defaultPack.rules.find((r) => r.id === 'explain.fear-anger')!;
    const fewer = pack({ rules: { 'explain.fear-anger': { removeEvidence: [0] } } });
    assert.equal(fewer.rules.find((r) => r.id === 'explain.fear-anger')!.evidence.length, bridges.evidence.length - 1);
    const custom = pack({ customRules: [interpreterRule()], rules: { 'clinic.interpreter': { removePhrases: ['language line'] } } });
    assert.deepEqual(custom.rules.find((r) => r.id === 'clinic.interpreter')!.evidence[0].phrases, ['interpreter']);
    const excepted = pack({ customRules: [interpreterRule({ except: [{ phrases: ['interpreter declined'] }] })] });
    assert.equal(statusOf(analyze('HPI: Cough. Interpreter declined by the family.\nPLAN: Rest.', { pack: excepted }), 'clinic.interpreter'), 'missing');
    assert.equal(statusOf(analyze('HPI: Cough. Spanish interpreter by video.\nPLAN: Rest.', { pack: excepted }), 'clinic.interpreter'), 'documented');
  });

  it('matches a pattern that ends in punctuation before a letter', () => {
    const quoted = pack({ customRules: [interpreterRule({ id: 'clinic.quote', evidence: [{ pattern: 'said,\\s+"' }], prompt: undefined })] });
    assert.equal(statusOf(analyze('HPI: He said, "One more week and I quit."\nPLAN: Rest.', { pack: quoted }), 'clinic.quote'), 'documented');
    const plain = pack({ customRules: [interpreterRule({ id: 'clinic.plan-word', evidence: [{ pattern: 'plan' }], prompt: undefined })] });
    assert.equal(statusOf(analyze('HPI: Planning a trip.\nASSESSMENT: Cough.', { pack: plain }), 'clinic.plan-word'), 'missing', 'still whole words at a letter');
  });
});

describe('team packs: where findings sit', () => {
  it('anchors on a labelled line, and the labelled line is no evidence when empty', () => {
    const clinic = pack({ customRules: [interpreterRule({ prompt: { label: 'Interpreter', snippet: '${1:<language>}', sections: ['hpi'], createSection: 'HPI', labels: ['Language/interpreter'] } })] });
    const note = 'HPI: Cough for three days.\nLanguage/interpreter:\nPLAN: Rest.\n';
    const analysis = analyze(note, { pack: clinic });
    const [finding] = findingsOf(analysis, 'clinic.interpreter');
    assert.equal(note.slice(finding.range.start, finding.range.end), 'Language/interpreter:');
    const colon = note.indexOf('interpreter:') + 'interpreter:'.length;
    assert.deepEqual(finding.insertion.fill, { start: colon, end: colon });
    assert.equal(finding.message, 'No interpreter use recorded in HPI');
  });

  it('fills a team rule\'s unfilled line in place: empty after the colon, or a placeholder', () => {
    for (const line of ['Goals of care:', 'Goals of care: ***', 'HF teach-back: ___']) {
      const text = `HPI: Short of breath.\nPLAN: Furosemide.\n${line}\n`;
      const teach = pack({ customRules: [teachBack({})], rules: { 'hf.teach-back': { prompt: { label: 'HF teach-back', snippet: '${1:<what the patient explained back>}', sections: ['plan'], createSection: 'PLAN', labels: ['Goals of care'] } } } });
      const note = { text, analysis: analyze(text, { pack: teach }), pack: teach };
      const finding = note.analysis.findings.find((f) => f.ruleId === 'hf.teach-back')!;
      const edit = promptEdit(note, finding)!;
      const after = text.slice(0, edit.start) + snippetToText(edit.snippet) + text.slice(edit.end);
      assert.equal(after.split('\n')[2], `${line.replace(/:.*/, ':')} <what the patient explained back>`, line);
    }
  });

  it('anchors to a labelled line that is also a known header when its section is unfilled, and fills it in place', () => {
    const mobility = pack({
      sections: [{ kind: 'other', names: ['mobility'] }],
      customRules: [interpreterRule({ id: 'geri.mobility', title: 'Mobility', evidence: [{ phrases: ['gait', 'cane', 'walker'] }], prompt: { label: 'Mobility', snippet: '${1:<gait, falls, device>}', sections: ['plan'], createSection: 'MOBILITY' }, examples: { documented: ['PLAN: Uses a cane.'], missing: ['PLAN: Return in 6 months.'] } })],
    });
    for (const line of ['MOBILITY:', 'MOBILITY: ***']) {
      const text = `HPI: Doing well.\n${line}\nPLAN: Return in 6 months.\n`;
      const note = { text, analysis: analyze(text, { pack: mobility }), pack: mobility };
      const finding = findingsOf(note.analysis, 'geri.mobility')[0];
      assert.equal(text.slice(0, finding.range.start).split('\n').length, 2, `${line}: on its own line`);
      const edit = promptEdit(note, finding)!;
      assert.equal((text.slice(0, edit.start) + snippetToText(edit.snippet) + text.slice(edit.end)).split('\n')[1], 'MOBILITY: <gait, falls, device>', line);
    }
    // A header with something written under it stays its section's: the finding goes where the prompt belongs.
    const written = 'HPI: Doing well.\nMOBILITY:\nWalks daily.\nPLAN: Return in 6 months.\n';
    const finding = findingsOf(analyze(written, { pack: mobility }), 'geri.mobility')[0];
    assert.equal(written.slice(0, finding.range.start).split('\n').length, 4);
  });

  it('puts a prompt-less rule\'s finding on the first section its evidence names, else line 1', () => {
    const rule = (sections?: string[]) => interpreterRule({ id: 'derm.sun', prompt: undefined, evidence: [{ phrases: ['sunscreen'], ...(sections ? { sections } : {}) }], examples: { documented: ['PLAN: Sunscreen daily.'], missing: ['PLAN: Biopsy.'] } });
    const text = 'HPI: Changing mole.\nPLAN: Shave biopsy.\n';
    const line = (config: unknown) => {
      const finding = findingsOf(analyze(text, { pack: pack(config) }), 'derm.sun')[0];
      return [text.slice(0, finding.range.start).split('\n').length, finding.message];
    };
    assert.deepEqual(line({ customRules: [rule(['plan'])] }), [2, 'No interpreter use recorded in PLAN']);
    assert.deepEqual(line({ customRules: [rule()] }), [1, 'No interpreter use recorded in the note']);
  });

  it('keeps a team\'s header names to its own rules when scoped', () => {
    const scoped = pack({ customRules: [interpreterRule()], sections: [{ kind: 'hpi', names: ['language'], rules: ['clinic.interpreter'] }] });
    const note = 'HPI: Cough.\nLANGUAGE: Spanish.\nPLAN: Rest.\n';
    const analysis = analyze(note, { pack: scoped });
    assert.deepEqual(analysis.sections.map((s) => s.kind), ['hpi', 'hpi', 'plan'], 'LANGUAGE stays a sub-heading for the other rules');
    assert.ok(!scoped.sections.find((d) => d.kind === 'hpi' && !d.rules)!.names.includes('language'));
  });

  it('puts a finding on the paragraph it belongs to in a note without headers, never on an unrelated header', () => {
    const note = 'Seen today for cough for a week; she thinks it is her asthma.\n\nLungs clear.\n\nWill start an inhaler.\n';
    const analysis = analyze(note);
    const plan = findingsOf(analysis, 'authority.permission')[0];
    assert.equal(note.slice(plan.range.start, plan.range.end), 'Will start an inhaler.');
    assert.match(plan.message, /in the note$/);
    const examOnly = 'HPI: Cough.\nEXAM: Lungs clear.\nWheezes on the right.\n';
    const goc = findingsOf(analyze(examOnly, { pack: pack({ customRules: [teachBack({})] }) }), 'hf.teach-back')[0];
    assert.equal(examOnly.slice(goc.range.start, goc.range.end), 'Wheezes on the right.', 'where its section would be created, not on EXAM:');
  });

  it('reports a placeholder in the team\'s own words', () => {
    const analysis = analyze('HPI: Cough.\nInterpreter: ***\nPLAN: Rest.', { pack: pack({ customRules: [interpreterRule()] }) });
    const [finding] = findingsOf(analysis, 'clinic.interpreter');
    assert.equal(finding.kind, 'placeholder');
    assert.equal(finding.message, 'No interpreter use recorded in HPI (template placeholder left unfilled)');
    const own = analyze('HPI: Cough.\nInterpreter: ***', { pack: pack({ customRules: [interpreterRule({ placeholderMessage: 'Fill in the interpreter line' })] }) });
    assert.equal(findingsOf(own, 'clinic.interpreter')[0].message, 'Fill in the interpreter line');
  });
});

describe('team packs: errors', () => {
  it('names unknown profiles in conditions, bad indexes and phrases, all at once', () => {
    const found = errors({
      customRules: [teachBack({ profiles: ['telehealht'] })],
      rules: { 'explain.fear-anger': { removeEvidence: [99] }, 'barriers.bridges': { removePhrases: ['no such phrase'] } },
      sections: [{ kind: 'hpi', names: ['language'], rules: ['clinic.nope'] }],
    }).map(formatPackError);
    assert.equal(found.length, 4, found.join('\n'));
    assert.ok(found.some((e) => /customRules\[0\]\.when\.profiles\[0\]: "telehealht" is not a profile; did you mean "telehealth"\?/.test(e)), found.join('\n'));
    assert.ok(found.some((e) => /removeEvidence\[0\]: explain\.fear-anger has \d+ evidence entries/.test(e)));
    assert.ok(found.some((e) => /removePhrases\[0\]: "no such phrase" is not one of barriers\.bridges's phrases/.test(e)));
    assert.ok(found.some((e) => /sections\[0\]\.rules\[0\]: no rule "clinic\.nope"/.test(e)));
  });

  it('refuses patterns in conditions, look-alikes and context triggers in restricted mode, and accepts phrases', () => {
    const found = errors(
      {
        customRules: [teachBack({ found: { pattern: 'heart failure' } }), interpreterRule({ except: [{ pattern: 'declined' }] })],
        contextTriggers: [{ kind: 'negated', pattern: 'niega' }],
      },
      true,
    ).map(formatPackError);
    assert.equal(found.length, 3, found.join('\n'));
    for (const e of found) assert.match(e, /do not run in restricted mode/);
    pack({ customRules: [teachBack()], contextTriggers: [{ kind: 'negated', phrases: ['niega'] }], vocabulary: { negations: ['sin'] } }, true);
  });

  it('asks for one of phrases or pattern in a trigger, and refuses evidence replaced and added at once', () => {
    const found = errors({ contextTriggers: [{ kind: 'negated' }], rules: { plan: { evidence: [{ phrases: ['plan'] }], addEvidence: [{ phrases: ['next steps'] }] } } }).map(formatPackError);
    assert.ok(found.some((e) => /contextTriggers\[0\]: give one of "phrases" or "pattern"/.test(e)), found.join('\n'));
    assert.ok(found.some((e) => /rules\.plan\.evidence: "evidence" replaces the rule's evidence whole/.test(e)), found.join('\n'));
  });

  it('reports schema errors, unknown rule ids and refused patterns of one pack in one report, refused rules included', () => {
    const found = errors({
      profile: 3,
      rules: { 'explain.understandin': 'off', 'barriers.bridges': { addEvidence: [{ pattern: '(a+)+$' }], severity: 'loud' } },
      customRules: [
        interpreterRule({ id: 'hf.teach-back', evidence: [{ pattern: '(\\w+\\s?)*done' }], examples: { documented: [], missing: ['PLAN: Furosemide.'] } }),
        interpreterRule({ except: [{ pattern: '([a-z]+)*x' }] }),
      ],
      contextTriggers: [{ kind: 'negated', phrases: ['niega'] }, { kind: 'sideways', pattern: '(b|bb)+$' }],
    }).map(formatPackError);
    const expected = [
      /: profile: expected a string/,
      /rules\["explain\.understandin"\]: no rule "explain\.understandin" in the pack; did you mean "explain\.understanding"\?/,
      /rules\["barriers\.bridges"\]\.severity: "loud" is not allowed/,
      /rules\["barriers\.bridges"\]\.addEvidence\[0\]\.pattern: "\(a\+\)\+\$" is refused/,
      /customRules\[0\]\.examples\.documented: must not be empty/,
      /customRules\[0\]\.evidence\[0\]\.pattern: .* is refused/,
      /customRules\[1\]\.except\[0\]\.pattern: .* is refused/,
      /contextTriggers\[1\]\.kind: /,
      /contextTriggers\[1\]\.pattern: .* is refused/,
    ];
    for (const pattern of expected) assert.ok(found.some((e) => pattern.test(e)), `${pattern} not in:\n${found.join('\n')}`);
    assert.equal(found.length, expected.length, found.join('\n'));
  });
});
