/** How a finding names its element to a person: in words, never by rule id. */
import type { Rule, RulePack } from '../engine';

/** The element in running text: the rule's title with a lower-case first letter ("shared decision"), acronyms kept. */
export function elementName(rule: Pick<Rule, 'title'>): string {
  const title = rule.title.trim();
  if (/^[A-Z][A-Z0-9]/.test(title)) return title;
  return title.charAt(0).toLowerCase() + title.slice(1);
}

/** The rule of a pack by id. */
export function ruleOf(pack: RulePack, ruleId: string): Rule | undefined {
  return pack.rules.find((r) => r.id === ruleId);
}
