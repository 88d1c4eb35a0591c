/**
 * The CLI's door to rule packs (`--rules <pack>`, `test-rules`). The engine's
 * pack loader (src/engine/pack) is not there yet; until it is, `--rules`
 * says so, and rule examples are run here with analyze().
 */
import { analyze, type RulePack } from '../engine';
import { UsageError } from './files';

export const PACKS_AVAILABLE = false;

/** Loads a rule pack file; pack errors become one UsageError line each (`file: path: message`). */
export function loadRulePack(_file: string, _shown: string): RulePack {
  throw new UsageError('--rules is not available yet');
}

export interface ExampleResult {
  ruleId: string;
  passed: boolean;
  failures: { kind: 'documented' | 'missing'; index: number }[];
}

/** Every documented example must give the rule evidence; every missing example none. */
export function runExamples(pack: RulePack): ExampleResult[] {
  return pack.rules.map((rule) => {
    const failures: ExampleResult['failures'] = [];
    const evidenceIn = (text: string) => analyze(text, { pack }).results.find((r) => r.ruleId === rule.id)?.evidence.length ?? 0;
    rule.examples.documented.forEach((text, index) => {
      if (evidenceIn(text) === 0) failures.push({ kind: 'documented', index });
    });
    rule.examples.missing.forEach((text, index) => {
      if (evidenceIn(text) > 0) failures.push({ kind: 'missing', index });
    });
    return { ruleId: rule.id, passed: failures.length === 0, failures };
  });
}
