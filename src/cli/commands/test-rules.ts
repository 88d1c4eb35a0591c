/** `healing-notes test-rules [pack]`: runs every rule's examples; exit 1 on any failure. */
import { runRuleExamples } from '../../engine/pack';
import { loadSetup } from '../config';
import { UsageError } from '../files';
import { cwdOf, formatOf, parse, useColor, type CliIO } from '../io';

export const TEST_RULES_HELP = `Usage: healing-notes test-rules [options] [pack]

Runs each rule's examples: every "documented" example must give the rule
evidence, every "missing" example none. Without a pack, the rules in effect
here: .healingnotes.json layered on the built-in rules (or the built-in rules).

Options:
  --format <f>   text (default) or json
  --no-config    without a pack: ignore .healingnotes.json, test the built-in rules
  --no-color     no colour
  -h, --help     show this help

Exit codes: 0 all examples pass, 1 an example fails, 2 usage or pack error.
`;

export function testRules(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    'no-color': { type: 'boolean' },
    'no-config': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(TEST_RULES_HELP);
    return 0;
  }
  const format = formatOf(values.format, ['text', 'json'] as const, 'text');
  if (positionals.length > 1) throw new UsageError("'test-rules' takes at most one rule pack");
  const { pack } = loadSetup({ cwd: cwdOf(io), noConfig: values['no-config'], rules: positionals[0] });
  const results = runRuleExamples(pack);
  const failed = results.filter((r) => !r.passed);
  if (format === 'json') {
    io.stdout(JSON.stringify({ pack: pack.name, passed: results.length - failed.length, failed: failed.length, rules: results }, null, 2) + '\n');
    return failed.length ? 1 : 0;
  }
  const color = useColor(io, values['no-color']);
  const mark = (passed: boolean) => (passed ? (color ? '\x1b[32mpass\x1b[0m' : 'pass') : color ? '\x1b[31mFAIL\x1b[0m' : 'FAIL');
  const lines: string[] = [];
  for (const r of results) {
    lines.push(`${mark(r.passed)}  ${r.ruleId}`);
    // Reasons quote the pack's own example text, never a clinician's note.
    for (const f of r.failures) lines.push(`      ${r.ruleId} examples.${f.kind}[${f.index}]${'reason' in f && f.reason ? `: ${f.reason}` : ''}`);
  }
  lines.push(`${results.length - failed.length} passed, ${failed.length} failed`);
  io.stdout(lines.join('\n') + '\n');
  return failed.length ? 1 : 0;
}
