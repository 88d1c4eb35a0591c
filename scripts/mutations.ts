/**
 * Targeted mutations of the engine for `npm run mutate` (scripts/mutate.ts). Each one breaks a
 * behaviour the engine's value rests on; the unit tests must notice every one. A mutation is a
 * literal replacement in one source file: `find` must occur there exactly once (a unit test
 * checks it, so a change to the engine that moves the code fails until the mutation follows it).
 */
export interface Mutation {
  id: string;
  /** Source file, relative to the repository root. */
  file: string;
  find: string;
  replace: string;
  /** What goes wrong in the engine's output when the mutation is applied. */
  breaks: string;
}

export const MUTATIONS: Mutation[] = [
  // --- Context (ConText): triggers, scope, terminators -------------------------------------
  {
    id: 'context.comma-scope-ignored',
    file: 'src/engine/context.ts',
    find: 'const commas = hit.trigger.endsAtComma ? context.commas : undefined;',
    replace: 'const commas = undefined;',
    breaks: '"No antibiotics needed, return if fever": the negation reaches past the comma and hides the follow-up',
  },
  {
    id: 'context.pseudo-triggers-ignored',
    file: 'src/engine/context.ts',
    find: 'if (pseudoSpans.some((p) => p.start <= start && end <= p.end)) continue;',
    replace: '',
    breaks: '"no change in her hope to ..." and "does not want surgery" read as negated',
  },
  {
    id: 'context.terminators-ignored',
    file: 'src/engine/context.ts',
    find: 'if (anyWithin(terminators, from, to)) return false;',
    replace: '',
    breaks: '"No fever, but she is worried ..." loses the worry to the negation before "but"',
  },
  {
    id: 'context.semicolon-not-a-terminator',
    file: 'src/engine/context.ts',
    find: 'String.raw`;|(?<![\\p{L}\\p{N}])',
    replace: 'String.raw`(?<![\\p{L}\\p{N}])',
    breaks: 'a negation reaches across a semicolon into the next clause',
  },
  {
    id: 'context.word-limit-ignored',
    file: 'src/engine/context.ts',
    find: 'while (WORD.exec(between)) if (++words > maxWords) return false;',
    replace: '',
    breaks: 'a trigger far back in a long sentence negates a phrase it has nothing to do with',
  },
  {
    id: 'context.word-window-too-short',
    file: 'src/engine/context.ts',
    find: 'wordStarts[wordsBefore - this.maxWords - 1] + 1',
    replace: 'wordStarts[wordsBefore - this.maxWords + 1] + 1',
    breaks: 'a trigger at the edge of its word limit is never looked at',
  },
  {
    id: 'context.backward-triggers-ignored',
    file: 'src/engine/context.ts',
    find: "const backward = direction !== 'forward' &&",
    replace: "const backward = false &&",
    breaks: '"Options: not discussed" counts as a discussion',
  },
  {
    id: 'context.forward-only-as-both',
    file: 'src/engine/context.ts',
    find: "const backward = direction !== 'forward' &&",
    replace: 'const backward =',
    breaks: 'a forward trigger after the phrase ("She is worried. No fever") negates it',
  },
  {
    id: 'context.backward-only-as-both',
    file: 'src/engine/context.ts',
    find: "const forward = direction !== 'backward' &&",
    replace: 'const forward =',
    breaks: 'a backward trigger before a phrase ("not needed; she agreed") negates what follows it',
  },
  {
    id: 'context.sentence-scope-ignored',
    file: 'src/engine/context.ts',
    find: 'if (hit.trigger.scope !== undefined) {',
    replace: 'if (false) {',
    breaks: '"Options discussed with the family; patient not present" counts as shared with the patient',
  },
  {
    id: 'context.proxy-ignored',
    file: 'src/engine/context.ts',
    find: 'if (kinds.has(hit.trigger.kind)) continue;\n      if (proxy && hit.trigger.proxyCounts) continue;',
    replace: 'if (kinds.has(hit.trigger.kind)) continue;',
    breaks: "a child's mother speaking for the child is read as another person, so the child's note loses its fears",
  },
  // --- Paragraph cache ---------------------------------------------------------------------
  {
    id: 'units.cache-key-without-proxy',
    file: 'src/engine/units.ts',
    find: 'const key = `${unit.section}\\u0001${this.proxy ? 1 : 0}\\u0001${this.relatives?.key ?? \'\'}\\u0001${unitText}`;',
    replace: 'const key = `${unit.section}\\u0001${this.relatives?.key ?? \'\'}\\u0001${unitText}`;',
    breaks: "a child's note analysed after an adult's with the same paragraph gets the adult's reading",
  },
  {
    id: 'units.unless-ignored',
    file: 'src/engine/units.ts',
    find: 'excepted = nextUnless < unlessSpans.length && unlessSpans[nextUnless].start < match.end;',
    replace: 'excepted = false;',
    breaks: "a rule's look-alikes (its `unless`) count as evidence",
  },
  // --- Evidence: sections, context, speakers ------------------------------------------------
  {
    id: 'evidence.unknown-speaker-everywhere',
    file: 'src/engine/checks/evidence.ts',
    find: "return required === 'patient' && speaker === 'unknown' && inHistory;",
    replace: "return required === 'patient' && speaker === 'unknown';",
    breaks: '"ASSESSMENT: Worried about cancer." becomes the patient\'s fear',
  },
  {
    id: 'evidence.patient-voice-as-patient',
    file: 'src/engine/checks/evidence.ts',
    find: "return required === 'patient' && speaker === 'unknown'",
    replace: "return speaker === 'unknown'",
    breaks: 'a pattern that needs an explicit patient frame accepts an unattributed history sentence',
  },
  {
    id: 'evidence.clinician-as-patient',
    file: 'src/engine/checks/evidence.ts',
    find: "if (speaker === 'patient' || speaker === 'proxy') return true;",
    replace: "if (speaker !== 'other') return true;",
    breaks: '"We are worried about her kidneys" becomes the patient\'s fear',
  },
  {
    id: 'evidence.context-ignored',
    file: 'src/engine/checks/evidence.ts',
    find: 'if (contexts.length > 0) continue;',
    replace: '',
    breaks: 'negated, hypothetical, historical and other people\'s statements all count',
  },
  {
    id: 'evidence.allow-context-ignored',
    file: 'src/engine/checks/evidence.ts',
    find: 'const contexts = [...found.contexts].filter((kind) => !allowed.includes(kind));',
    replace: 'const contexts = [...found.contexts];',
    breaks: '"She declined surgery" is no longer a documented decision',
  },
  {
    id: 'evidence.not-sections-ignored',
    file: 'src/engine/checks/evidence.ts',
    find: 'if (pattern.notSections?.has(unit.section)) continue;',
    replace: '',
    breaks: 'a family history line ("mother worried about ...") counts in sections the rule excludes',
  },
  {
    id: 'evidence.sections-ignored',
    file: 'src/engine/checks/evidence.ts',
    find: 'if (pattern.sections && !pattern.sections.has(unit.section)) continue;',
    replace: '',
    breaks: 'a phrase only meaningful in the plan counts anywhere',
  },
  {
    id: 'evidence.placeholder-lines-count-as-content',
    file: 'src/engine/checks/evidence.ts',
    find: "const written = body.split(LINES_AND_SENTENCES).filter((piece) => !PLACEHOLDER.test(piece)).join('\\n');",
    replace: 'const written = body;',
    breaks: 'a template line "Plan: discuss *** with patient" counts as a written plan',
  },
  {
    id: 'evidence.placeholder-as-plain-context',
    file: 'src/engine/checks/evidence.ts',
    find: "if (contexts.includes('placeholder')) {",
    replace: 'if (false) {',
    breaks: 'an unfilled prompt is reported as missing rather than as a placeholder to fill',
  },
  // --- Statuses, severities, overrides -------------------------------------------------------
  {
    id: 'analyze.boilerplate-is-documented',
    file: 'src/engine/analyze.ts',
    find: "if (run.evidence.some((e) => e.strength === 'specific')) return 'documented';",
    replace: "if (run.evidence.length > 0) return 'documented';",
    breaks: '"Risks and benefits discussed" alone counts as a documented shared decision',
  },
  {
    id: 'analyze.override-leaves-weak',
    file: 'src/engine/analyze.ts',
    find: "(result.status === 'missing' || result.status === 'weak')",
    replace: "result.status === 'missing'",
    breaks: 'an override line leaves a weak rule weak',
  },
  {
    id: 'analyze.override-keeps-findings',
    file: 'src/engine/analyze.ts',
    find: 'return findings.filter((f) => !overridden.has(f.ruleId));',
    replace: 'return findings;',
    breaks: 'an overridden rule still shows its diagnostic',
  },
  {
    id: 'profiles.severity-ignored',
    file: 'src/engine/profiles.ts',
    find: 'if (setting !== undefined) return setting;',
    replace: '',
    breaks: 'an urgent-care note is held to the hopes rule at full severity; a brief visit reports every supporting rule',
  },
  {
    id: 'analyze.off-still-reports',
    file: 'src/engine/analyze.ts',
    find: "const checks = setting === 'off' ? compiled.checks.filter((c) => c === 'evidence') : compiled.checks;",
    replace: 'const checks = compiled.checks;',
    breaks: 'a rule turned off still reports findings',
  },
  {
    id: 'missing.placeholder-also-missing',
    file: 'src/engine/checks/missing.ts',
    find: "if (run.placeholders.length > 0 && run.rule.checks.includes('placeholder')) return;",
    replace: '',
    breaks: 'an unfilled placeholder is reported twice: as a placeholder and as missing',
  },
  {
    id: 'weak.error-not-softened',
    file: 'src/engine/checks/weak.ts',
    find: "severity: run.severity === 'error' ? 'warning' : run.severity,",
    replace: 'severity: run.severity,',
    breaks: 'boilerplate evidence is shown as an error, as loud as nothing at all',
  },
  // --- Note structure ---------------------------------------------------------------------
  {
    id: 'sections.sub-heading-not-inherited',
    file: 'src/engine/sections.ts',
    find: "const kind = inherits ? (currentKind === 'preamble' ? 'other' : currentKind) : hit.kind;",
    replace: 'const kind = hit.kind;',
    breaks: '"PLAN:" then "HTN: continue lisinopril": the sub-heading leaves the plan, and the plan is missing',
  },
  {
    id: 'units.along-with-ignored',
    file: 'src/engine/units.ts',
    find: 'alone ??= !pattern.alongWith.test(unitText);',
    replace: 'alone ??= false;',
    breaks: '"Options reviewed." with no response recorded counts as a shared decision',
  },
  {
    id: 'units.clause-speaker-ignored',
    file: 'src/engine/units.ts',
    find: 'if (key !== sentence) speaker = this.pack.attribution.speakerOf(',
    replace: 'if (false) speaker = this.pack.attribution.speakerOf(',
    breaks: '"We went over the options; she prefers to wait": the clinician\'s frame hides the patient\'s choice',
  },
  {
    id: 'units.paragraph-context-ignored',
    file: 'src/engine/units.ts',
    find: 'for (const kind of this.carried(scan, unitText, s, occurrences)) contexts.add(kind);',
    replace: '',
    breaks: 'Under "Copied forward from the 2/14 visit:", that visit\'s decision and follow-up count as this visit\'s',
  },
  {
    id: 'sections.earlier-visit-label-ignored',
    file: 'src/engine/sections.ts',
    find: "if (EARLIER_LABEL.test(title)) return { kind: 'past-history', inherits: false, title, lineStart, headerStart, headerEnd };",
    replace: '',
    breaks: '"PLAN FROM LAST VISIT:" is read as this visit\'s plan',
  },
  {
    id: 'sections.history-label-ignored',
    file: 'src/engine/sections.ts',
    find: 'if (history) return { kind: history, inherits: false, title, lineStart, headerStart, headerEnd, historyLabel: true };',
    replace: '',
    breaks: '"PLAN:" then "FAMILY PSYCHIATRIC HISTORY:": the family\'s story stays in the plan and is read as this visit\'s plan',
  },
  {
    id: 'sentences.abbreviation-ends-sentence',
    file: 'src/engine/sentences.ts',
    find: 'if (ABBREVIATION.test(head)) continue;',
    replace: '',
    breaks: '"Seen by Dr. Lee" is cut in two, and evidence quotes half a sentence',
  },
  {
    id: 'overrides.not-masked',
    file: 'src/engine/analyze.ts',
    find: 'const analysed = maskOverrides(text, overrides).replace(LONE_CR',
    replace: 'const analysed = text.replace(LONE_CR',
    breaks: 'the words of an override line ("she chose to wait") count as evidence',
  },
  {
    id: 'profiles.never-detected',
    file: 'src/engine/profiles.ts',
    find: 'const found = this.matchers.filter(({ regex }) => heading.some((piece) => regex.test(piece))).map((m) => m.profile);',
    replace: 'const found: Profile[] = [];',
    breaks: '"Visit type: brief" no longer turns off what a brief visit does not need',
  },
  // --- The pack's vocabulary, read by the engine -------------------------------------------
  {
    id: 'vocabulary.triggers-not-expanded',
    file: 'src/engine/context.ts',
    find: 'regex: wordBounded(expandWordLists(trigger.pattern, lists))',
    replace: 'regex: wordBounded(trigger.pattern)',
    breaks: 'context triggers that name a word list ({negations}, {relatives}) match nothing: "She has no worries" is a worry',
  },
  {
    id: 'vocabulary.relatives-ignored-by-attribution',
    file: 'src/engine/compile.ts',
    find: 'attribution: new Attribution(vocabulary.relatives),',
    replace: 'attribution: new Attribution([]),',
    breaks: '"Her husband says she has been forgetting" is nobody\'s words rather than another person\'s',
  },
  {
    id: 'vocabulary.history-group-ignored',
    file: 'src/engine/compile.ts',
    find: 'historySections: new Set(vocabulary.sectionGroups.history),',
    replace: "historySections: new Set(['hpi', 'subjective', 'chief-complaint', 'ros', 'social-history']),",
    breaks: 'a pack that moves a section into or out of the history group changes nothing',
  },
  {
    id: 'vocabulary.entries-not-escaped',
    file: 'src/engine/vocabulary.ts',
    find: '.map((e) => escapeRegExp(e).replace(',
    replace: '.map((e) => e.replace(',
    breaks: 'a team\'s entry with a dot or a bracket ("pt.", "s/o") is read as a regular expression',
  },
  // --- Attribution ---------------------------------------------------------------------------
  {
    id: 'attribution.later-frame-governs',
    file: 'src/engine/attribution.ts',
    find: 'patientFrame.index <= proxyFrame.index',
    replace: 'patientFrame.index > proxyFrame.index',
    breaks: '"She says her husband is worried" is read as the husband\'s account',
  },
  {
    id: 'attribution.clinician-frame-ignored',
    file: 'src/engine/attribution.ts',
    find: "if (CLINICIAN_FRAME.test(unquoted(sentence))) return 'clinician';",
    replace: '',
    breaks: '"I explained that ... she is worried" is the clinician speaking, not the patient',
  },
  {
    id: 'attribution.quoted-i-read-as-clinician',
    file: 'src/engine/attribution.ts',
    find: "if (CLINICIAN_FRAME.test(unquoted(sentence))) return 'clinician';",
    replace: "if (CLINICIAN_FRAME.test(sentence)) return 'clinician';",
    breaks: 'a patient quoted saying "I want ..." is read as the clinician',
  },
  {
    id: 'attribution.quotation-ignored',
    file: 'src/engine/attribution.ts',
    find: 'if (PATIENT_SOURCE.test(sentence) || QUOTATION.test(sentence))',
    replace: 'if (PATIENT_SOURCE.test(sentence))',
    breaks: 'quoted speech is no longer the patient\'s own words',
  },
  {
    id: 'attribution.teenager-not-a-child',
    file: 'src/engine/attribution.ts',
    find: '(?:[1-9]|1[0-7]|one|',
    replace: '(?:[1-9]|one|',
    breaks: "a 15-year-old's parent is read as another person, not the patient's proxy",
  },
  {
    id: 'attribution.proxy-never',
    file: 'src/engine/analyze.ts',
    find: 'reader: new UnitReader(analysed, pack, pack.attribution.proxySpeaksForPatient(analysed), pack.attribution.namedRelatives(analysed)),',
    replace: 'reader: new UnitReader(analysed, pack, false, pack.attribution.namedRelatives(analysed)),',
    breaks: "in a child's note, what the parents report no longer counts for the child",
  },
  // --- The default pack's context data ------------------------------------------------------
  {
    id: 'pack.negation-words-off',
    file: 'src/rules/context.ts',
    find: "{ kind: 'negated', pattern: '{negations}',",
    replace: "{ kind: 'negated', pattern: '(?!)',",
    breaks: '"She has no worries about the antibiotic" becomes a documented worry',
  },
  {
    id: 'pack.deferral-off',
    file: 'src/rules/context.ts',
    find: "{ kind: 'hypothetical', pattern: String.raw`would consider|",
    replace: "{ kind: 'hypothetical', pattern: '(?!)', unused: String.raw`would consider|",
    breaks: '"Will discuss injection options at the next visit" counts as a shared decision today',
  },
  {
    id: 'pack.pseudo-triggers-empty',
    file: 'src/rules/context.ts',
    find: '  pseudo: [',
    replace: '  pseudo: [], unused: [',
    breaks: '"No further fevers so she hopes to sing" loses the hope to the negation',
  },
  {
    id: 'pack.historical-off',
    file: 'src/rules/context.ts',
    find: "{ kind: 'historical', pattern: String.raw`history of",
    replace: "{ kind: 'historical', pattern: '(?!)', unused: String.raw`history of",
    breaks: '"Last year she agreed to try a brace" becomes this visit\'s shared decision',
  },
  {
    id: 'pack.if-not-ending-at-comma',
    file: 'src/rules/context.ts',
    find: "pattern: String.raw`if|whether|unless`, direction: 'forward', maxWords: 6, endsAtComma: true",
    replace: "pattern: String.raw`if|whether|unless`, direction: 'forward', maxWords: 6",
    breaks: '"If the rash spreads, come back to clinic" loses its return instruction',
  },
];
