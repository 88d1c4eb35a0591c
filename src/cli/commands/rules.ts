/** `healing-notes rules`: the active rules with their skill, behavior, level and severity. */
import { effectiveSeverity, loadSetup, type Setup } from '../config';
import { UsageError } from '../files';
import { cwdOf, formatOf, parse, type CliIO } from '../io';

export const RULES_HELP = `Usage: healing-notes rules [options]

Lists the active rules: id, skill, behavior, level and severity (after
.healingnotes.json and --profile).

Options:
  --format <f>      text (default) or json
  --profile <id>    show severities under this note type profile
  --rules <pack>    this rule-pack file instead of .healingnotes.json
  --no-config       ignore .healingnotes.json
  -h, --help        show this help
`;

export function rules(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    profile: { type: 'string' },
    rules: { type: 'string' },
    'no-config': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(RULES_HELP);
    return 0;
  }
  const format = formatOf(values.format, ['text', 'json'] as const, 'text');
  if (positionals.length > 0) throw new UsageError(`'rules' takes no arguments (got '${positionals[0]}')`);
  const setup = loadSetup({ cwd: cwdOf(io), noConfig: values['no-config'], rules: values.rules, profile: values.profile });
  const json = rulesJson(setup);
  if (format === 'json') {
    io.stdout(JSON.stringify(json, null, 2) + '\n');
    return 0;
  }
  const list = json.rules;
  const header = { id: 'ID', skill: 'SKILL', behavior: 'BEHAVIOR', level: 'LEVEL', severity: 'SEVERITY' };
  const rows = [header, ...list];
  const width = (key: keyof typeof header) => Math.max(...rows.map((r) => r[key].length));
  const widths = { id: width('id'), skill: width('skill'), behavior: width('behavior'), level: width('level') };
  const lines = rows.map((r) =>
    [r.id.padEnd(widths.id), r.skill.padEnd(widths.skill), r.behavior.padEnd(widths.behavior), r.level.padEnd(widths.level), r.severity].join('  ').trimEnd(),
  );
  const profiles = setup.pack.profiles.map((p) => p.id).join(', ');
  io.stdout(
    lines.join('\n') +
      `\n${list.length} rule${list.length === 1 ? '' : 's'} (pack ${setup.pack.name}, profile ${setup.profile ?? 'auto'})\nProfiles: ${profiles}\n`,
  );
  return 0;
}

/** The active rules as `rules --format json` prints them (and the MCP server's list_rules answers). */
export function rulesJson(setup: Pick<Setup, 'pack' | 'profile'>) {
  const rules = setup.pack.rules.map((rule) => ({
    id: rule.id,
    skill: rule.skill,
    behavior: rule.behavior,
    title: rule.title,
    level: rule.level,
    severity: effectiveSeverity(setup, rule),
    defaultSeverity: rule.severity,
  }));
  const profiles = setup.pack.profiles.map((p) => ({ id: p.id, description: p.description }));
  return { pack: setup.pack.name, profile: setup.profile ?? 'auto', profiles, rules };
}
