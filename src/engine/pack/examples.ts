/**
 * Rule self-tests: every `examples.documented` note must give the rule
 * evidence, every `examples.missing` note none. The textlint-tester idea,
 * run over a whole pack (the `test-rules` command and the workspace command).
 */
import { analyze } from '../analyze';
import type { RulePack } from '../types';

export interface RuleExampleFailure {
  kind: 'documented' | 'missing';
  /** 0-based index into `examples.documented` or `examples.missing`. */
  index: number;
  reason: string;
}

export interface RuleExampleResult {
  ruleId: string;
  passed: boolean;
  failures: RuleExampleFailure[];
}

const SNIPPET_LENGTH = 60;

/**
 * Runs the examples of the pack's rules (all of them, or those in `ruleIds`)
 * with `analyze(text, { pack })`. Reasons quote what a missing example
 * matched, which is example text from the pack, never a clinician's note.
 */
export function runRuleExamples(pack: RulePack, ruleIds?: Iterable<string>): RuleExampleResult[] {
  const only = ruleIds ? new Set(ruleIds) : undefined;
  return pack.rules
    .filter((rule) => !only || only.has(rule.id))
    .map((rule) => {
      const failures: RuleExampleFailure[] = [];
      const evidenceIn = (text: string) => analyze(text, { pack }).results.find((r) => r.ruleId === rule.id)?.evidence ?? [];
      rule.examples.documented.forEach((text, index) => {
        if (evidenceIn(text).length === 0) failures.push({ kind: 'documented', index, reason: 'no evidence found; the rule should find this documented' });
      });
      rule.examples.missing.forEach((text, index) => {
        const [first] = evidenceIn(text);
        if (!first) return;
        let snippet = text.slice(first.span.start, first.span.end).replace(/\s+/g, ' ').trim();
        if (snippet.length > SNIPPET_LENGTH) snippet = `${snippet.slice(0, SNIPPET_LENGTH - 3)}...`;
        failures.push({ kind: 'missing', index, reason: `evidence found in the ${first.section} section: "${snippet}"; the rule should find none` });
      });
      return { ruleId: rule.id, passed: failures.length === 0, failures };
    });
}
