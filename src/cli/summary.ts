/**
 * Coverage across notes: for each element (rule) and each skill, how many
 * notes document it. Counts and statuses only: never note text. Built one
 * report at a time (SummaryBuilder), so a run keeps counts, not reports.
 */
import type { Level, RulePack } from '../engine';
import { rulesOfPacks, type FileReport } from './report';

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
  /** Notes the rule does not apply to (its `when` does not hold): left out of its share. */
  notApplicable: number;
  /** Notes analysed. */
  notes: number;
  /** documented / the notes it applies to (notes − notApplicable), 0..1 (0 when there are none). */
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
  /** Rule id → status (documented, weak, missing, not-expected, not-applicable, overridden). */
  statuses: Record<string, string>;
}

export interface Summary {
  notes: number;
  skipped: number;
  anonymized: boolean;
  /** Profile id → notes analysed under it (a note with two profiles counts under each). */
  profiles: Record<string, number>;
  /** Pack file (as reports name it) → notes analysed with it; absent when every note had the built-in rules alone. */
  packs?: Record<string, number>;
  skills: SkillCoverage[];
  /** Each note, in input order; produced on demand from a compact table (see NoteTable). Empty for a merged summary. */
  files: Iterable<NoteCoverage>;
  /** Set on a summary added up from this many summaries (`summary --merge`): it has no per-note table. */
  merged?: number;
}

/**
 * The per-note table of a summary (JSON and HTML show it), kept compactly: per
 * note a reference to its path, a profile number and one byte per rule, about
 * 16 bytes plus the rule count (48 bytes with 32 rules) — not its report.
 */
class NoteTable {
  private readonly names: string[] = [];
  private readonly profileOf: number[] = [];
  private readonly profiles: string[] = [];
  private readonly statusNames: string[] = [];
  private readonly skipped = new Map<number, string>();
  private codes: Uint8Array;

  constructor(private readonly ruleIds: readonly string[], private readonly ruleIndex: ReadonlyMap<string, number>) {
    this.codes = new Uint8Array(Math.max(1, ruleIds.length) * 256);
  }

  get size(): number {
    return this.names.length;
  }

  add(report: FileReport): void {
    const row = this.names.length;
    const width = this.ruleIds.length;
    if ((row + 1) * width > this.codes.length) {
      const grown = new Uint8Array(this.codes.length * 2);
      grown.set(this.codes);
      this.codes = grown;
    }
    this.names.push(report.path);
    this.profileOf.push(this.intern(this.profiles, report.profile));
    if (report.skipped) this.skipped.set(row, report.skipped);
    for (const r of report.results) {
      const rule = this.ruleIndex.get(r.ruleId);
      if (rule !== undefined) this.codes[row * width + rule] = this.intern(this.statusNames, r.status) + 1;
    }
  }

  private intern(list: string[], value: string): number {
    const i = list.indexOf(value);
    if (i >= 0) return i;
    if (list === this.statusNames && list.length >= 255) throw new Error('too many rule statuses');
    return list.push(value) - 1;
  }

  *rows(anonymize: boolean): Iterable<NoteCoverage> {
    const width = String(this.size).length;
    for (let row = 0; row < this.size; row++) {
      const statuses: Record<string, string> = {};
      for (let rule = 0; rule < this.ruleIds.length; rule++) {
        const code = this.codes[row * this.ruleIds.length + rule];
        if (code) statuses[this.ruleIds[rule]] = this.statusNames[code - 1];
      }
      const skipped = this.skipped.get(row);
      yield {
        name: anonymize ? `Note ${String(row + 1).padStart(width, '0')}` : this.names[row],
        profile: this.profiles[this.profileOf[row]],
        ...(skipped !== undefined ? { skipped } : {}),
        statuses,
      };
    }
  }
}

/** Adds up a summary one report at a time. `keepNotes`: keep the per-note table (JSON, HTML). */
export class SummaryBuilder {
  private readonly skills: SkillCoverage[] = [];
  /** Per rule of the pack, in pack order: its coverage and its skill. */
  private readonly rules: { coverage: RuleCoverage; skill: SkillCoverage }[] = [];
  private readonly ruleIndex = new Map<string, number>();
  private readonly profiles: Record<string, number> = {};
  private readonly packs: Record<string, number> = {};
  private readonly table?: NoteTable;
  private notes = 0;
  private skipped = 0;

  /** `packs`: the run's packs (the working folder's, then each sub-folder's); each rule id counts once. */
  constructor(packs: RulePack | readonly RulePack[], private readonly options: { anonymize: boolean; keepNotes: boolean }) {
    for (const rule of rulesOfPacks(packs)) {
      let skill = this.skills.find((s) => s.skill === rule.skill);
      if (!skill) {
        skill = { skill: rule.skill, documented: 0, notes: 0, share: 0, rules: [] };
        this.skills.push(skill);
      }
      const coverage: RuleCoverage = { id: rule.id, title: rule.title, skill: rule.skill, behavior: rule.behavior, level: rule.level, documented: 0, weak: 0, missing: 0, notExpected: 0, notApplicable: 0, notes: 0, share: 0 };
      skill.rules.push(coverage);
      if (!this.ruleIndex.has(rule.id)) this.ruleIndex.set(rule.id, this.rules.length);
      this.rules.push({ coverage, skill });
    }
    if (options.keepNotes) this.table = new NoteTable(this.rules.map((r) => r.coverage.id), this.ruleIndex);
  }

  add(report: FileReport): void {
    this.table?.add(report);
    if (report.skipped) {
      this.skipped++;
      return;
    }
    this.notes++;
    // A note with two profiles (a setting and a modality) counts under each.
    for (const profile of report.profiles.length ? report.profiles : [report.profile]) this.profiles[profile] = (this.profiles[profile] ?? 0) + 1;
    if (report.pack !== undefined) this.packs[report.pack] = (this.packs[report.pack] ?? 0) + 1;
    const statuses = new Map(report.results.map((r) => [r.ruleId, r.status]));
    const documentedSkills = new Set<SkillCoverage>();
    for (const { coverage, skill } of this.rules) {
      const status = statuses.get(coverage.id);
      if (status === 'documented') {
        coverage.documented++;
        documentedSkills.add(skill);
      } else if (status === 'weak') coverage.weak++;
      else if (status === 'missing') coverage.missing++;
      // A rule of another folder's pack does not apply to a note checked without it.
      else if (status === 'not-applicable' || status === undefined) coverage.notApplicable++;
      else coverage.notExpected++;
    }
    for (const skill of documentedSkills) skill.documented++;
  }

  summary(): Summary {
    const share = (n: number) => (this.notes === 0 ? 0 : n / this.notes);
    for (const skill of this.skills) {
      skill.notes = this.notes;
      skill.share = share(skill.documented);
      for (const rule of skill.rules) {
        rule.notes = this.notes;
        rule.share = ruleShare(rule);
      }
    }
    return {
      notes: this.notes,
      skipped: this.skipped,
      anonymized: this.options.anonymize,
      profiles: this.profiles,
      ...(Object.keys(this.packs).length ? { packs: this.packs } : {}),
      skills: this.skills,
      files: this.table ? this.table.rows(this.options.anonymize) : [],
    };
  }
}

/**
 * Adds up summaries (`summary --format json` of shards of the notes, run with
 * the same rules), one at a time: counts, profiles and shares; not the
 * per-note tables. Returns the problem when they do not fit together.
 */
export function mergeSummaries(parts: Iterable<Summary>): Summary | string {
  const shape = (s: Summary) => JSON.stringify(s.skills.map((k) => [k.skill, k.rules.map((r) => r.id)]));
  let skills: SkillCoverage[] | undefined;
  let expected = '';
  const profiles: Record<string, number> = {};
  const packs: Record<string, number> = {};
  let notes = 0;
  let skipped = 0;
  let merged = 0;
  let anonymized = true;
  let count = 0;
  for (const part of parts) {
    count++;
    if (!skills) {
      expected = shape(part);
      skills = part.skills.map((s) => ({ skill: s.skill, documented: 0, notes: 0, share: 0, rules: s.rules.map((r) => ({ ...r, documented: 0, weak: 0, missing: 0, notExpected: 0, notApplicable: 0, notes: 0, share: 0 })) }));
    } else if (shape(part) !== expected) {
      return `summary ${count} has other skills or rules than summary 1: run every shard with the same rules`;
    }
    notes += part.notes;
    skipped += part.skipped;
    merged += part.merged ?? 1;
    anonymized &&= part.anonymized;
    for (const [id, n] of Object.entries(part.profiles)) profiles[id] = (profiles[id] ?? 0) + n;
    for (const [file, n] of Object.entries(part.packs ?? {})) packs[file] = (packs[file] ?? 0) + n;
    part.skills.forEach((skill, s) => {
      skills![s].documented += skill.documented;
      skill.rules.forEach((rule, r) => {
        const into = skills![s].rules[r];
        into.documented += rule.documented;
        into.weak += rule.weak;
        into.missing += rule.missing;
        into.notExpected += rule.notExpected;
        // Summaries written before conditional rules have no count of notes a rule does not apply to.
        into.notApplicable += rule.notApplicable ?? 0;
      });
    });
  }
  if (!skills) return 'no summaries to add up';
  const share = (n: number) => (notes === 0 ? 0 : n / notes);
  for (const skill of skills) {
    skill.notes = notes;
    skill.share = share(skill.documented);
    for (const rule of skill.rules) {
      rule.notes = notes;
      rule.share = ruleShare(rule);
    }
  }
  return { notes, skipped, anonymized, profiles, ...(Object.keys(packs).length ? { packs } : {}), skills, files: [], merged };
}

/** The share of the notes a rule applies to that document it. */
function ruleShare(rule: RuleCoverage): number {
  const applicable = rule.notes - rule.notApplicable;
  return applicable <= 0 ? 0 : rule.documented / applicable;
}

/** `0.4` → `40%`, rounded to a whole percent. */
export function percent(share: number): string {
  return `${Math.round(share * 100)}%`;
}
