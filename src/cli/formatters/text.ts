import { percent, type Summary } from '../summary';
import type { ReportWriter, Write } from './json';

export interface TextOptions {
  color: boolean;
  /** Leave out the closing totals line (`--quiet`). */
  quiet?: boolean;
}

const RESET = '\x1b[0m';
const COLORS: Record<string, string> = { error: '\x1b[31m', warning: '\x1b[33m', information: '\x1b[36m', hint: '\x1b[2m', dim: '\x1b[2m', bold: '\x1b[1m' };

function paint(text: string, style: string, color: boolean): string {
  return color ? `${COLORS[style]}${text}${RESET}` : text;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/**
 * The rule packs a run used, for the footer: undefined when every note had the built-in rules
 * alone (the usual case says nothing); `Rule pack: x` when one pack served every note; else each
 * pack with its count of notes, and the notes that had the built-in rules. Pack files only, as the
 * reports name them (relative to the working folder): never a note's name or text.
 */
export function packsLine(packs: Readonly<Record<string, number>>, notes: number): string | undefined {
  const entries = Object.entries(packs).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (entries.length === 0) return undefined;
  const builtIn = notes - entries.reduce((sum, [, n]) => sum + n, 0);
  if (entries.length === 1 && builtIn <= 0) return `Rule pack: ${entries[0][0]}`;
  const parts = entries.map(([file, n]) => `${file} ${plural(n, 'note')}`);
  if (builtIn > 0) parts.push(`built-in rules only ${plural(builtIn, 'note')}`);
  return `Rule packs: ${parts.join(', ')}`;
}

/**
 * `path:line:col  severity  rule-id  message`, one finding a line, each file's as it comes; then
 * the pack files used (if any) and the totals.
 */
export function textWriter(write: Write, options: TextOptions): ReportWriter {
  const packs: Record<string, number> = {};
  let checked = 0;
  return {
    file(report) {
      if (!report.skipped) {
        checked++;
        if (report.pack !== undefined) packs[report.pack] = (packs[report.pack] ?? 0) + 1;
      }
      const lines = report.findings.map(
        (f) => `${report.path}:${f.line}:${f.column}  ${paint(f.severity, f.severity, options.color)}  ${paint(f.ruleId, 'dim', options.color)}  ${f.message}`,
      );
      // A rule whose `when` the note does not meet: said once, so that its silence is not mistaken for evidence.
      for (const r of report.results) {
        if (r.status === 'not-applicable') lines.push(paint(`${report.path}  n/a  ${r.ruleId}  Does not apply: ${r.reason ?? 'its condition does not hold'}`, 'dim', options.color));
      }
      if (lines.length) write(lines.join('\n') + '\n');
    },
    end(totals) {
      if (options.quiet) return;
      const s = totals.bySeverity;
      const used = packsLine(packs, checked);
      if (used) write(paint(used, 'dim', options.color) + '\n');
      write(
        `${plural(totals.files, 'note')} checked${totals.skipped ? ` (${totals.skipped} skipped)` : ''}: ` +
          `${paint(plural(s.error, 'error'), s.error ? 'error' : 'dim', options.color && s.error > 0)}, ${plural(s.warning, 'warning')}, ${s.information} information, ${plural(s.hint, 'hint')}` +
          `${totals.notApplicable ? `; ${totals.notApplicable} not applicable` : ''}\n`,
      );
    },
  };
}

/** Coverage per skill and element, as a plain table. */
export function formatSummaryText(summary: Summary, options: TextOptions): string {
  const lines: string[] = [];
  lines.push(`${plural(summary.notes, 'note')} analysed${summary.skipped ? ` (${summary.skipped} skipped)` : ''}${summary.merged ? `, added up from ${summary.merged} summaries` : ''}`);
  const profiles = Object.entries(summary.profiles).map(([id, n]) => `${id} ${n}`);
  if (profiles.length) lines.push(`Profiles: ${profiles.join(', ')}`);
  const packs = summary.packs && packsLine(summary.packs, summary.notes);
  if (packs) lines.push(packs);
  const idWidth = Math.max(8, ...summary.skills.flatMap((s) => s.rules.map((r) => r.id.length)));
  for (const skill of summary.skills) {
    lines.push('');
    lines.push(`${paint(skill.skill, 'bold', options.color)}: ${percent(skill.share)} of notes (${skill.documented}/${skill.notes}) document at least one element`);
    for (const rule of skill.rules) {
      const extra = [rule.weak ? `${rule.weak} weak` : '', rule.notExpected ? `${rule.notExpected} not expected` : '', rule.notApplicable ? `${rule.notApplicable} not applicable` : '']
        .filter(Boolean)
        .join(', ');
      lines.push(
        `  ${rule.id.padEnd(idWidth)}  ${bar(rule.share)}  ${countLine(rule.documented, rule.notes - rule.notApplicable, rule.share)}  ${rule.title}${extra ? ` (${extra})` : ''}`,
      );
    }
  }
  return lines.join('\n') + '\n';
}

function countLine(documented: number, notes: number, share: number): string {
  // `notes` here are the notes the rule applies to.
  return `${percent(share).padStart(4)} ${`${documented}/${notes}`.padStart(7)}`;
}

function bar(share: number, width = 20): string {
  const filled = Math.round(share * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}
