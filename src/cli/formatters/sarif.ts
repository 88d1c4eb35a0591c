/**
 * SARIF 2.1.0 (OASIS): one run, the rules' metadata in `tool.driver.rules`,
 * one result per finding with a 1-based region. Opens in SARIF viewers and
 * code-scanning tools. Messages are the rules' own text: no note text.
 */
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Rule, RulePack, Severity, SeveritySetting } from '../../engine';
import { rulesOfPacks, totalsOf, type FileReport } from '../report';
import { collect, JsonStream, type ReportWriter, type Write } from './json';

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

export interface SarifNotice {
  path?: string;
  message: string;
  level?: 'warning' | 'error';
}

export interface SarifWriter extends ReportWriter {
  /** A skipped (warning) or unreadable (error) file: a tool execution notification. */
  notice(notice: SarifNotice): void;
}

/**
 * The log written as the notes come: the rules first, then each file's results
 * (runs[0].results), then the artifacts (every file analysed or skipped, in
 * input order) and the invocation with its notifications. Per note, it keeps
 * only a reference to the path (for `artifacts`).
 */
export function sarifWriter(write: Write, packs: RulePack | readonly RulePack[], options: SarifOptions): SarifWriter {
  const ruleList = rulesOfPacks(packs);
  const ruleIndex = new Map(ruleList.map((r, i) => [r.id, i]));
  const rules = ruleList.map((rule) => ({
    id: rule.id,
    name: ruleName(rule),
    shortDescription: { text: rule.message.replace(/\{section\}/g, 'the note') },
    fullDescription: { text: rule.rationale },
    help: helpOf(rule),
    defaultConfiguration: { level: sarifLevel(rule.severity), enabled: rule.severity !== 'off' },
    properties: { skill: rule.skill, behavior: rule.behavior, title: rule.title, level: rule.level, tags: ['healing-skills', rule.skill, rule.level] },
  }));
  const notices: SarifNotice[] = [...(options.notices ?? [])];
  const artifactPaths: string[] = [];

  const stream = new JsonStream(write);
  const resultsSlot = stream.slot();
  const artifactsSlot = stream.slot();
  const log = () => ({
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
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(options.cwd.endsWith(path.sep) ? options.cwd : options.cwd + path.sep).href } },
        columnKind: 'utf16CodeUnits',
        results: resultsSlot,
        artifacts: artifactsSlot,
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
      },
    ],
  });
  stream.open(log());
  const results = stream.array<unknown>(3);

  return {
    notice(notice) {
      notices.push(notice);
    },
    file(report) {
      const index = artifactPaths.push(report.path) - 1;
      const location = { ...artifactLocation(report.path, options.cwd), index };
      const packProperty = report.pack !== undefined ? { pack: report.pack } : {};
      for (const f of report.findings) {
        results.push({
          ruleId: f.ruleId,
          ...(ruleIndex.has(f.ruleId) ? { ruleIndex: ruleIndex.get(f.ruleId) } : {}),
          level: sarifLevel(f.severity),
          message: { text: f.message },
          locations: [
            {
              physicalLocation: {
                artifactLocation: location,
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
          properties: { kind: f.kind, severity: f.severity, ...packProperty },
        });
      }
      // A rule whose `when` the note does not meet: SARIF's own "notApplicable" result, never a failure.
      for (const r of report.results) {
        if (r.status !== 'not-applicable') continue;
        results.push({
          ruleId: r.ruleId,
          ...(ruleIndex.has(r.ruleId) ? { ruleIndex: ruleIndex.get(r.ruleId) } : {}),
          kind: 'notApplicable',
          level: 'none',
          message: { text: `Does not apply: ${r.reason ?? 'its condition does not hold'}` },
          locations: [{ physicalLocation: { artifactLocation: location } }],
          properties: { status: r.status, ...packProperty },
        });
      }
    },
    end() {
      results.close(log());
      const artifacts = stream.array<unknown>(3);
      for (const file of artifactPaths) artifacts.push({ location: artifactLocation(file, options.cwd) });
      artifacts.close(log());
    },
  };
}

/** The whole log at once (reports in memory: for tests and small runs). */
export function formatSarif(reports: readonly FileReport[], pack: RulePack | readonly RulePack[], options: SarifOptions): string {
  return collect((write) => sarifWriter(write, pack, options), reports, totalsOf(reports));
}
