/**
 * The eight healing skills (Churchill & Schenck 2008) as the coverage view
 * groups them, built generically from whatever rules the active pack holds.
 */
import type { Rule, RuleResult, RuleStatus } from '../engine';

export interface SkillInfo {
  /** The rule-id prefix of the skill's behaviors (`explain` in `explain.hopes`). */
  key: string;
  /** The paper's name for the skill. */
  name: string;
  /** One line for trainees. */
  summary: string;
}

export const SKILLS: readonly SkillInfo[] = [
  { key: 'little-things', name: 'Do the little things', summary: 'Introductions, greeting everyone in the room, sitting down: courtesies that tell the patient they matter.' },
  { key: 'listen', name: 'Take time', summary: 'Be still, be quiet, be interested and present while the patient tells the story.' },
  { key: 'open', name: 'Be open and listen', summary: 'Face the pain, raise hard topics, and look for what is left unspoken.' },
  { key: 'like', name: 'Find something to like, to love', summary: 'A personal connection with the patient, their culture and their values.' },
  { key: 'barriers', name: 'Remove barriers', summary: 'Humility, plain language and bridges (interpreters, family, resources) across differences of power.' },
  { key: 'explain', name: 'Let the patient explain', summary: 'Their own explanation of the illness, their fears and anger, their hopes and expectations.' },
  { key: 'authority', name: 'Share authority', summary: 'Offer guidance, get permission to lead, decide together, support the patient\'s own efforts.' },
  { key: 'committed', name: 'Be committed', summary: 'A plan, follow-up and a safety net: never abandon, invest in trust, be faithful and thankful.' },
];

function normalize(name: string): string {
  return name.toLowerCase().replace(/[^a-z ]+/g, ' ').replace(/\s+/g, ' ').trim();
}

/** The skill a rule belongs to: by its id's prefix, else by its skill name; unknown skills keep their own group. */
export function skillKeyOf(rule: Pick<Rule, 'id' | 'skill'>): string {
  const prefix = rule.id.includes('.') ? rule.id.slice(0, rule.id.indexOf('.')) : '';
  if (SKILLS.some((s) => s.key === prefix)) return prefix;
  const name = normalize(rule.skill);
  const byName = SKILLS.find((s) => name === normalize(s.name) || name.startsWith(normalize(s.name)));
  return byName ? byName.key : `other:${rule.skill}`;
}

export interface SkillGroup {
  key: string;
  /** The skill as the pack's rules name it, or the paper's name when no rule does. */
  name: string;
  summary?: string;
  rules: Rule[];
}

/** The eight skills in the paper's order (each, even without rules), then any other skills the pack names. */
export function groupBySkill(rules: readonly Rule[]): SkillGroup[] {
  const groups: SkillGroup[] = SKILLS.map((s) => ({ key: s.key, name: s.name, summary: s.summary, rules: [] }));
  for (const rule of rules) {
    const key = skillKeyOf(rule);
    let group = groups.find((g) => g.key === key);
    if (!group) {
      group = { key, name: rule.skill, rules: [] };
      groups.push(group);
    }
    if (group.rules.length === 0 && key.startsWith('other:') === false && rule.skill.trim()) group.name = rule.skill;
    group.rules.push(rule);
  }
  return groups;
}

export interface Tally {
  /** Documented, specifically or as boilerplate. */
  documented: number;
  /**
   * What the note is expected to show: documented, missing, or marked as discussed (an element
   * marked as discussed is still expected, just not documented). Not-expected rules are left out.
   */
  expected: number;
  overridden: number;
  missing: number;
}

export function tally(statuses: readonly RuleStatus[]): Tally {
  const count = (...of: RuleStatus[]) => statuses.filter((s) => of.includes(s)).length;
  return {
    documented: count('documented', 'weak'),
    expected: count('documented', 'weak', 'missing', 'overridden'),
    overridden: count('overridden'),
    missing: count('missing'),
  };
}

/** The core rules' tally of an analysis ("Core 4/6", the status bar). */
export function coreTally(rules: readonly Rule[], results: readonly RuleResult[]): Tally {
  const core = new Set(rules.filter((r) => r.level === 'core').map((r) => r.id));
  return tally(results.filter((r) => core.has(r.ruleId)).map((r) => r.status));
}
