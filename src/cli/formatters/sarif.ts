/**
 * SARIF 2.1.0 (OASIS): one run, the rules' metadata in `tool.driver.rules`,
 * one result per finding with a 1-based region. Opens in SARIF viewers and
 * code-scanning tools. Messages are the rules' own text: no note text.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule, RulePack, Severity, SeveritySetting } from '../../engine';
import type { FileReport } from '../report';

export const SARIF_SCHEMA = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';

type SarifLevel = 'none' | 'note' | 'warning' | 'error';

export function sarifLevel(severity: Severity | SeveritySetting): SarifLevel {
  switch (severity) {
    case 'error': return 'error';
    case 'warning': return 'warning';
    case 'off': return 'none';
    default: return 'note';
  }
}

export interface SarifOptions {
  /** Relative paths are resolved against it and written relative to `%SRCROOT%`. */
  cwd: string;
  version: string;
  /** One-line notices about the run (skipped files: warning; unreadable files: error), as tool execution notifications. */
  notices?: { path?: string; message: string; level?: 'warning' | 'error' }[];
}

/** `Recorded plan` → `RecordedPlan`: the readable rule name SARIF viewers show. */
export function ruleName(rule: Pick<Rule, 'title' | 'id'>): string {
  const words = (rule.title || rule.id).split(/[^A-Za-z0-9]+/).filter(Boolean);
  return words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') || rule.id;
}

function helpOf(rule: Rule): { text: string; markdown: string } {
  const documented = rule.examples.documented.slice(0, 2);
  const text = [`${rule.title} (${rule.skill}: ${rule.behavior}).`, rule.rationale, `What counts: ${rule.counts}`].join('\n\n');
  const markdown = [
    `**${rule.title}** — ${rule.skill}: *${rule.behavior}* (${rule.level}).`,
    rule.rationale,
    `**What counts:** ${rule.counts}`,
    ...(documented.length ? ['**Documented, for example:**', ...documented.map((e) => '```\n' + e + '\n```')] : []),
  ].join('\n\n');
  return { text, markdown };
}

/** Where a file sits: relative to the working folder when inside it, otherwise an absolute file URL. */
function artifactLocation(file: string, cwd: string): { uri: string; uriBaseId?: string } {
  if (file === '<stdin>') return { uri: 'stdin' };
  const absolute = path.resolve(cwd, file);
  const relative = path.relative(cwd, absolute);
  if (relative && !relative.startsWith('..') && !path.isAbsolute(relative)) {
    return { uri: relative.split(path.sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
  }
  return { uri: pathToFileURL(absolute).href };
}

export function formatSarif(reports: readonly FileReport[], pack: RulePack, options: SarifOptions): string {
  const ruleIndex = new Map(pack.rules.map((r, i) => [r.id, i]));
  const rules = pack.rules.map((rule) => ({
    id: rule.id,
    name: ruleName(rule),
    shortDescription: { text: rule.message.replace(/\{section\}/g, 'the note') },
    fullDescription: { text: rule.rationale },
    help: helpOf(rule),
    defaultConfiguration: { level: sarifLevel(rule.severity), enabled: rule.severity !== 'off' },
    properties: { skill: rule.skill, behavior: rule.behavior, title: rule.title, level: rule.level, tags: ['healing-skills', rule.skill, rule.level] },
  }));

  const artifacts: { location: { uri: string; uriBaseId?: string } }[] = [];
  const artifactIndex = new Map<string, number>();
  const indexOf = (file: string) => {
    let index = artifactIndex.get(file);
    if (index === undefined) {
      index = artifacts.length;
      artifacts.push({ location: artifactLocation(file, options.cwd) });
      artifactIndex.set(file, index);
    }
    return index;
  };

  const results = reports.flatMap((report) =>
    report.findings.map((f) => {
      const index = indexOf(report.path);
      return {
        ruleId: f.ruleId,
        ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
        level: sarifLevel(f.severity),
        message: { text: f.message },
        locations: [
          {
            physicalLocation: {
              artifactLocation: { ...artifacts[index].location, index },
              region: {
                startLine: f.line,
                startColumn: f.column,
                endLine: f.endLine,
                endColumn: f.endColumn,
                charOffset: f.start,
                charLength: f.end - f.start,
              },
            },
          },
        ],
        properties: { kind: f.kind, severity: f.severity },
      };
    }),
  );
  for (const report of reports) indexOf(report.path);

  const notices = options.notices ?? [];
  const log = {
    $schema: SARIF_SCHEMA,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'healing-notes',
            fullName: 'Healing Notes',
            version: options.version,
            semanticVersion: /^\d+\.\d+\.\d+/.test(options.version) ? options.version : undefined,
            rules,
          },
        },
        invocations: [
          {
            // An unreadable file means the run did not check everything it was asked to.
            executionSuccessful: !notices.some((n) => n.level === 'error'),
            ...(notices.length
              ? {
                  toolExecutionNotifications: notices.map((n) => ({
                    level: n.level ?? 'warning',
                    message: { text: n.message },
                    ...(n.path ? { locations: [{ physicalLocation: { artifactLocation: artifactLocation(n.path, options.cwd) } }] } : {}),
                  })),
                }
              : {}),
          },
        ],
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(options.cwd.endsWith(path.sep) ? options.cwd : options.cwd + path.sep).href } },
        artifacts,
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
