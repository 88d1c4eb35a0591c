/** `healing-notes explain <rule-id>`: why the element matters, what counts, and examples. */
import { promptSnippet, snippetToText } from '../../assist';
import type { Rule, RulePack, RulePrompt } from '../../engine';
import { readablePattern } from '../../rules/vocabulary';
import { loadSetup } from '../config';
import { UsageError } from '../files';
import { cwdOf, formatOf, parse, type CliIO } from '../io';

export const EXPLAIN_HELP = `Usage: healing-notes explain [options] <rule-id>

Prints a rule's rationale, what counts as evidence, its prompt and its examples.

Options:
  --format <f>      text (default) or json
  --rules <pack>    look the rule up in this rule-pack file (default: .healingnotes.json here, if any)
  --no-config       ignore .healingnotes.json
  -h, --help        show this help
`;

export function explain(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    rules: { type: 'string' },
    'no-config': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(EXPLAIN_HELP);
    return 0;
  }
  const format = formatOf(values.format, ['text', 'json'] as const, 'text');
  if (positionals.length !== 1) throw new UsageError("'explain' needs one rule id (see 'healing-notes rules')");
  const { pack } = loadSetup({ cwd: cwdOf(io), noConfig: values['no-config'], rules: values.rules });
  const rule = findRule(pack, positionals[0]);
  if (format === 'json') {
    io.stdout(JSON.stringify(ruleJson(rule), null, 2) + '\n');
    return 0;
  }
  io.stdout(explainText(rule));
  return 0;
}

/** The rule with this id (any case); an unknown id is a usage error that suggests near ones and where to see them all. */
export function findRule(pack: RulePack, id: string, listedBy = "'healing-notes rules'"): Rule {
  const rule = pack.rules.find((r) => r.id === id) ?? pack.rules.find((r) => r.id.toLowerCase() === id.toLowerCase());
  if (rule) return rule;
  const near = pack.rules.filter((r) => r.id.includes(id) || id.includes(r.id.split('.').pop()!)).map((r) => r.id);
  throw new UsageError(`unknown rule '${id}'${near.length ? ` (did you mean ${near.map((n) => `'${n}'`).join(', ')}?)` : ''} (see ${listedBy})`);
}

/** A rule as `explain --format json` prints it (and the MCP server's explain_rule answers). */
export function ruleJson(rule: Rule): Record<string, unknown> {
  const { id, title, skill, behavior, level, severity, rationale, counts, examples } = rule;
  return { id, title, skill, behavior, level, severity, rationale, counts, ...ruleDefinitionJson(rule), examples };
}

/**
 * What a team needs to change a rule from a pack: its messages, its evidence (each entry's phrases
 * or pattern, the sections it is read in, `attribution` — whose words it must be — and its
 * look-alikes), its prompt, its checks and its `when`. Patterns are the engine's own regular
 * expressions (matched case-insensitively, word-bounded); `removeEvidence` counts entries from 0.
 */
export function ruleDefinitionJson(rule: Rule): Record<string, unknown> {
  return {
    message: rule.message,
    ...(rule.weakMessage !== undefined ? { weakMessage: rule.weakMessage } : {}),
    ...(rule.placeholderMessage !== undefined ? { placeholderMessage: rule.placeholderMessage } : {}),
    evidence: rule.evidence.map((e) => ({
      ...e,
      ...(e.pattern !== undefined ? { pattern: readablePattern(e.pattern) } : {}),
      ...(e.unless !== undefined ? { unless: readablePattern(e.unless) } : {}),
      ...(e.alongWith !== undefined ? { alongWith: readablePattern(e.alongWith) } : {}),
    })),
    phrases: [...new Set(rule.evidence.flatMap((e) => e.phrases ?? []))],
    ...(rule.except ? { except: rule.except } : {}),
    prompt: rule.prompt ? promptJson(rule.prompt) : null,
    ...(rule.checks ? { checks: rule.checks } : {}),
    when: rule.when ?? null,
  };
}

/**
 * A rule's prompt as teams and tests read it: its label and snippet, the whole line a quick fix
 * writes (`line`, snippet syntax) and that line as text with its placeholders left unfilled.
 */
export function promptJson(prompt: RulePrompt): Record<string, unknown> {
  const line = promptSnippet(prompt);
  return {
    label: prompt.label,
    snippet: prompt.snippet,
    line,
    text: snippetToText(line),
    sections: prompt.sections,
    createSection: prompt.createSection,
    ...(prompt.createAfter ? { createAfter: prompt.createAfter } : {}),
    ...(prompt.labels ? { labels: prompt.labels } : {}),
  };
}

function wrap(text: string, indent = '  ', width = 78): string {
  const out: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (const word of paragraph.split(/\s+/).filter(Boolean)) {
      if (line && indent.length + line.length + 1 + word.length > width) {
        out.push(indent + line);
        line = word;
      } else line = line ? `${line} ${word}` : word;
    }
    out.push(indent + line);
  }
  return out.join('\n');
}

function example(text: string): string {
  const lines = text.split(/\r\n|\r|\n/);
  return lines.map((line, i) => `${i === 0 ? '  - ' : '    '}${line}`).join('\n');
}

export function explainText(rule: Rule): string {
  const parts = [
    `${rule.id}: ${rule.title}`,
    `Skill: ${rule.skill}\nBehavior: ${rule.behavior}\nLevel: ${rule.level}    Severity: ${rule.severity}`,
    `Why it matters:\n${wrap(rule.rationale)}`,
    `What counts:\n${wrap(rule.counts)}`,
    `When it is missing:\n${wrap(rule.message.replace(/\{section\}/g, 'the note'))}`,
  ];
  if (rule.prompt) parts.push(`Prompt (a label and empty placeholders, for ${rule.prompt.sections.join(', ')}):\n  ${snippetToText(promptSnippet(rule.prompt))}`);
  if (rule.examples.documented.length) parts.push(`Documented, for example:\n${rule.examples.documented.map(example).join('\n')}`);
  if (rule.examples.missing.length) parts.push(`Not documented, for example:\n${rule.examples.missing.map(example).join('\n')}`);
  return parts.join('\n\n') + '\n';
}
