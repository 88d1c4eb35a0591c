import { placementOf } from './types';
import type { CheckKind } from './types';

/** weak-evidence: only boilerplate ("risks and benefits discussed") was found. */
export const weakCheck: CheckKind = {
  id: 'weak',
  summary: 'Reports evidence that is boilerplate only, on that evidence, so the clinician can make it specific.',
  run(run) {
    if (run.evidence.length === 0 || run.evidence.some((e) => e.strength === 'specific')) return;
    const { rule } = run.rule;
    const placement = placementOf(run);
    run.findings.push({
      ruleId: rule.id,
      kind: 'weak',
      severity: run.severity === 'error' ? 'warning' : run.severity,
      message: rule.weakMessage ?? `Only boilerplate documents this: ${rule.behavior.toLowerCase()}`,
      range: run.evidence[0].span,
      insertion: placement.insertion,
    });
  },
};
