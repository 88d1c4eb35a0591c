import { placementOf } from './types';
import type { CheckKind } from './types';

/** element-missing: no evidence (and no unfilled placeholder standing in for it) is a finding where the prompt belongs. */
export const missingCheck: CheckKind = {
  id: 'missing',
  summary: 'Reports the element as missing when no evidence was found, on the section where it should be written.',
  run(run) {
    if (run.evidence.length > 0) return;
    if (run.placeholders.length > 0 && run.rule.checks.includes('placeholder')) return;
    const placement = placementOf(run);
    run.findings.push({
      ruleId: run.rule.rule.id,
      kind: 'missing',
      severity: run.severity,
      message: run.rule.rule.message.replace('{section}', placement.sectionTitle),
      range: placement.anchor,
      insertion: placement.insertion,
    });
  },
};
