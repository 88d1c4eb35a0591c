/**
 * Coverage across notes: for each element (rule) and each skill, how many
 * notes document it. Counts and statuses only: never note text.
 */
import type { Level, RulePack } from '../engine';
import type { FileReport } from './report';

export interface RuleCoverage {
  id: string;
  title: string;
  skill: string;
  behavior: string;
  level: Level;
  /** Notes with specific evidence. */
  documented: number;
  /** Notes with only boilerplate evidence. */
  weak: number;
  missing: number;
  /** Notes whose profile does not expect the element (or where it was overridden). */
  notExpected: number;
  /** Notes analysed. */
  notes: number;
  /** documented / notes, 0..1 (0 when there are no notes). */
  share: number;
}

export interface SkillCoverage {
  skill: string;
  /** Notes that document at least one element of the skill. */
  documented: number;
  notes: number;
  share: number;
  rules: RuleCoverage[];
}

export interface NoteCoverage {
  /** The file's path, or `Note N` when anonymized. */
  name: string;
  profile: string;
  skipped?: string;
  /** Rule id → status (documented, weak, missing, not-expected, overridden). */
  statuses: Record<string, string>;
}

export interface Summary {
  notes: number;
  skipped: number;
  anonymized: boolean;
  /** Profile id → notes analysed under it. */
  profiles: Record<string, number>;
  skills: SkillCoverage[];
  files: NoteCoverage[];
}

export function summarize(reports: readonly FileReport[], pack: RulePack, options: { anonymize: boolean }): Summary {
  const analysed = reports.filter((r) => !r.skipped);
  const notes = analysed.length;
  const share = (n: number) => (notes === 0 ? 0 : n / notes);
  const statusOf = (report: FileReport, ruleId: string) => report.results.find((r) => r.ruleId === ruleId)?.status;

  const skills: SkillCoverage[] = [];
  for (const rule of pack.rules) {
    let skill = skills.find((s) => s.skill === rule.skill);
    if (!skill) {
      skill = { skill: rule.skill, documented: 0, notes, share: 0, rules: [] };
      skills.push(skill);
    }
    const coverage: RuleCoverage = {
      id: rule.id,
      title: rule.title,
      skill: rule.skill,
      behavior: rule.behavior,
      level: rule.level,
      documented: 0,
      weak: 0,
      missing: 0,
      notExpected: 0,
      notes,
      share: 0,
    };
    for (const report of analysed) {
      const status = statusOf(report, rule.id);
      if (status === 'documented') coverage.documented++;
      else if (status === 'weak') coverage.weak++;
      else if (status === 'missing') coverage.missing++;
      else coverage.notExpected++;
    }
    coverage.share = share(coverage.documented);
    skill.rules.push(coverage);
  }
  for (const skill of skills) {
    const ids = skill.rules.map((r) => r.id);
    skill.documented = analysed.filter((report) => ids.some((id) => statusOf(report, id) === 'documented')).length;
    skill.share = share(skill.documented);
  }

  const profiles: Record<string, number> = {};
  for (const report of analysed) profiles[report.profile] = (profiles[report.profile] ?? 0) + 1;

  const width = String(reports.length).length;
  const files: NoteCoverage[] = reports.map((report, i) => ({
    name: options.anonymize ? `Note ${String(i + 1).padStart(width, '0')}` : report.path,
    profile: report.profile,
    ...(report.skipped ? { skipped: report.skipped } : {}),
    statuses: Object.fromEntries(report.results.map((r) => [r.ruleId, r.status])),
  }));

  return { notes, skipped: reports.length - notes, anonymized: options.anonymize, profiles, skills, files };
}

/** `0.4` → `40%`, rounded to a whole percent. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
