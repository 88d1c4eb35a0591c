/** `healing-notes rules`: the active rules with their skill, behavior, level and severity. */
import { fallbackProfile, type RulePack } from '../../engine';
import { effectiveSeverity, loadSetup, type Setup } from '../config';
import { readablePattern } from '../../rules/vocabulary';
import { ruleDefinitionJson } from './explain';
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
  const json = rulesJson(setup, 'pack');
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

/**
 * The active rules as `rules --format json` prints them (`pack`: everything a team needs to write
 * a pack — each rule's evidence, prompt and `when`, the header names by section kind, the context
 * triggers, the word lists and the profiles' detection phrases) and as the MCP server's list_rules
 * answers (`list`: ids, skills, levels and severities).
 */
export function rulesJson(setup: Pick<Setup, 'pack' | 'profile'>, detail: 'list' | 'pack' = 'list') {
  const { pack } = setup;
  const rules = pack.rules.map((rule) => ({
    id: rule.id,
    skill: rule.skill,
    behavior: rule.behavior,
    title: rule.title,
    level: rule.level,
    severity: effectiveSeverity(setup, rule),
    defaultSeverity: rule.severity,
    ...(detail === 'pack' ? ruleDefinitionJson(rule) : {}),
  }));
  const profiles = pack.profiles.map((p) => ({
    id: p.id,
    description: p.description,
    ...(detail === 'pack' ? { detect: p.detect ?? [], rules: p.rules ?? {} } : {}),
  }));
  const listing = { pack: pack.name, profile: setup.profile ?? 'auto', profiles, rules };
  if (detail === 'list') return listing;
  return {
    ...listing,
    defaultProfile: fallbackProfile(pack).id,
    headers: headersByKind(pack),
    context: {
      triggers: pack.context.triggers.map((t) => ({ ...t, pattern: readablePattern(t.pattern) })),
      terminators: pack.context.terminators,
      pseudo: pack.context.pseudo,
    },
    vocabulary: pack.vocabulary,
  };
}

/** The header names the pack reads, by section kind (names lower case, without the colon); names scoped to some rules say which. */
function headersByKind(pack: RulePack): Record<string, { names: string[]; rules?: string[] }[] | string[]> {
  const byKind: Record<string, string[]> = {};
  const scoped: Record<string, { names: string[]; rules: string[] }[]> = {};
  for (const definition of pack.sections) {
    if (definition.rules) (scoped[definition.kind] ??= []).push({ names: definition.names, rules: definition.rules });
    else (byKind[definition.kind] ??= []).push(...definition.names);
  }
  const out: Record<string, { names: string[]; rules?: string[] }[] | string[]> = {};
  for (const kind of Object.keys({ ...byKind, ...scoped })) {
    out[kind] = scoped[kind] ? [{ names: byKind[kind] ?? [] }, ...scoped[kind]] : byKind[kind];
  }
  return out;
}
