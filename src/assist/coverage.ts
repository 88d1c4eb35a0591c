/**
 * The coverage of one note as plain data, for a tree view, a web page or a
 * report: a "Core n/6" group first, with the missing core elements at its
 * top; then the supporting and teaching behaviours by skill, in the paper's
 * order, without fractions (they are gentle suggestions, not a grade). Labels
 * are short, so they read in a narrow sidebar.
 */
import type { Finding, Level, RuleStatus, SectionKind, Span } from '../engine';
import { parseOverrides } from '../engine/overrides';
import { byImportance } from './actions';
import { quoteOf } from './markdown';
import { coreTally, groupBySkill } from './skills';
import type { AssistNote } from './types';

export interface CoverageEvidence {
  span: Span;
  /** The evidence as a short one-line quotation. */
  quote: string;
  section: SectionKind;
}

export interface CoverageRule {
  ruleId: string;
  title: string;
  level: Level;
  status: RuleStatus;
  /** The status in a word or two for a narrow list ("missing", "boilerplate", "discussed"); '' when documented (a check mark says it). */
  statusLabel: string;
  evidence: CoverageEvidence[];
  /** Where selecting the rule goes: its first evidence, its finding, or its override line. */
  target?: Span;
  /** The rule's most important finding, to act on (insert its prompt ...). */
  finding?: Finding;
  /** Why the rule does not apply to this note (status `not-applicable`), in the pack's words. */
  reason?: string;
}

export interface CoverageGroup {
  /** 'core', or a skill key ('explain', 'listen' ...). */
  key: string;
  /** "Core 4/6", or the skill's name. */
  label: string;
  /** Short: "2 missing", "1 noted"; '' when there is nothing to say. */
  description: string;
  /** One or two sentences for a tooltip. */
  summary: string;
  rules: CoverageRule[];
}

export interface CoverageSummary {
  documented: number;
  /** Core elements expected in this note (marked as discussed included). */
  expected: number;
  missing: number;
  discussed: number;
}

export interface Coverage {
  core: CoverageSummary;
  /** The Core group first, then one group per skill. */
  groups: CoverageGroup[];
}

const CORE_ORDER: RuleStatus[] = ['missing', 'weak', 'overridden', 'documented', 'not-expected', 'not-applicable'];

function statusLabel(level: Level, status: RuleStatus): string {
  // Short, so that labels fit a sidebar at its default width; the face's icon and tooltip say the rest.
  switch (status) {
    case 'documented':
      return '';
    case 'weak':
      return 'boilerplate';
    case 'overridden':
      return 'discussed';
    case 'missing':
      return level === 'core' ? 'missing' : 'not found';
    case 'not-expected':
      return level === 'core' ? 'not expected' : '';
    case 'not-applicable':
      return 'not applicable';
  }
}

/** The coverage of a note (empty groups when the note was not analysed). */
export function coverageOf(note: AssistNote): Coverage {
  const { analysis, pack, text } = note;
  const overrides = analysis.skipped ? [] : parseOverrides(text, pack.rules);
  const findings = byImportance(note, analysis.findings);
  const rules: CoverageRule[] = [];
  for (const rule of pack.rules) {
    const result = analysis.results.find((r) => r.ruleId === rule.id);
    if (!result) continue;
    const evidence = result.evidence.map((e) => ({ span: e.span, quote: quoteOf(text.slice(e.span.start, e.span.end), 80), section: e.section }));
    const finding = findings.find((f) => f.ruleId === rule.id);
    const target = evidence[0]?.span ?? finding?.range ?? overrides.find((o) => o.ruleId === rule.id)?.span;
    rules.push({
      ruleId: rule.id,
      title: rule.title,
      level: rule.level,
      status: result.status,
      statusLabel: statusLabel(rule.level, result.status),
      evidence,
      target,
      finding,
      ...(result.reason !== undefined ? { reason: result.reason } : {}),
    });
  }

  const coreRules = rules
    .filter((r) => r.level === 'core')
    .sort((a, b) => CORE_ORDER.indexOf(a.status) - CORE_ORDER.indexOf(b.status));
  const tally = coreTally(pack.rules, analysis.results);
  const core: CoverageSummary = { documented: tally.documented, expected: tally.expected, missing: tally.missing, discussed: tally.overridden };
  const coreDescription = [core.missing ? `${core.missing} missing` : '', core.discussed ? `${core.discussed} discussed` : ''].filter(Boolean).join(', ');
  const groups: CoverageGroup[] = [
    {
      key: 'core',
      label: `Core ${core.documented}/${core.expected}`,
      description: coreDescription,
      summary: `The core elements every visit note should carry: documented ${core.documented} of ${core.expected}${core.discussed ? `, ${core.discussed} discussed but not documented` : ''}.`,
      rules: coreRules,
    },
  ];
  for (const skill of groupBySkill(pack.rules)) {
    const members = skill.rules.filter((r) => r.level !== 'core').map((r) => rules.find((x) => x.ruleId === r.id)).filter((r): r is CoverageRule => r !== undefined);
    const hasCore = skill.rules.some((r) => r.level === 'core');
    if (members.length === 0 && !hasCore && skill.key.startsWith('other:')) continue;
    const noted = members.filter((r) => r.status === 'documented' || r.status === 'weak').length;
    groups.push({
      key: skill.key,
      label: skill.name,
      description: noted ? `${noted} noted` : members.length === 0 && hasCore ? 'in Core' : '',
      summary: skill.summary ?? skill.name,
      rules: members,
    });
  }
  return { core, groups };
}
