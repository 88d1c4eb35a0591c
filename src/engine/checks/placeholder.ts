import type { CheckKind } from './types';

const MAX_REPORTED = 3;

/** unfilled-placeholder: a template placeholder left where this element was to be written, reported in the rule's own words. */
export const placeholderCheck: CheckKind = {
  id: 'placeholder',
  summary: 'Reports template placeholders (***, [ ], ___, <...>) left unfilled where this element was to be written.',
  run(run) {
    if (run.evidence.length > 0) return;
    const { rule } = run.rule;
    for (const span of run.placeholders.slice(0, MAX_REPORTED)) {
      const section = [...run.note.sections].reverse().find((s) => s.range.start <= span.start);
      const where = section && section.kind !== 'preamble' && section.title ? section.title : 'the note';
      run.findings.push({
        ruleId: rule.id,
        kind: 'placeholder',
        severity: run.severity,
        message: (rule.placeholderMessage ?? `${rule.message} (template placeholder left unfilled)`).replace('{section}', where),
        range: span,
        insertion: { offset: span.end },
      });
    }
  },
};
