import type { CheckKind } from './types';

const MAX_REPORTED = 3;

/** unfilled-placeholder: a template placeholder left where this element was to be written. */
export const placeholderCheck: CheckKind = {
  id: 'placeholder',
  summary: 'Reports template placeholders (***, [ ], ___, <...>) left unfilled where this element was to be written.',
  run(run) {
    if (run.evidence.length > 0) return;
    const { rule } = run.rule;
    for (const span of run.placeholders.slice(0, MAX_REPORTED)) {
      run.findings.push({
        ruleId: rule.id,
        kind: 'placeholder',
        severity: run.severity,
        message: `Unfilled template placeholder: ${rule.title.toLowerCase()} not written yet`,
        range: span,
        insertion: { offset: span.end },
      });
    }
  },
};
