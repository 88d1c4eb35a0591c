/**
 * Profiles adjust rule severities per note type (new patient, follow-up,
 * telehealth ...). A note selects one with a visit-type line, such as
 * `Visit type: follow-up`; otherwise the pack's `default` profile applies.
 */
import type { Profile, Rule, RulePack, Section, SeveritySetting } from './types';

export const DEFAULT_PROFILE: Profile = { id: 'default', description: 'Any visit note.' };

/** The profile of notes that name none: the pack's `profile`, else its `default`. */
export function fallbackProfile(pack: RulePack): Profile {
  return pack.profiles.find((p) => p.id === (pack.profile ?? 'default')) ?? DEFAULT_PROFILE;
}

/**
 * The severity a rule runs at: the note type's profile, then the rule's own (which settings and
 * pack files set, so that a pack's profiles can still adjust them per note type).
 */
export function severityOf(rule: Rule, profile: Profile): SeveritySetting {
  return profile.rules?.[rule.id] ?? rule.severity;
}

export function detectProfile(text: string, sections: readonly Section[], pack: RulePack): Profile {
  const fallback = fallbackProfile(pack);
  // Only the visit-type line decides; the rest of the note is clinical content, not metadata.
  const visitInfo = sections.find((s) => s.kind === 'visit-info');
  if (!visitInfo) return fallback;
  const value = text.slice(visitInfo.bodyRange.start, Math.min(visitInfo.bodyRange.end, visitInfo.bodyRange.start + 200)).toLowerCase();
  for (const profile of pack.profiles) {
    if (profile.detect?.some((phrase) => value.includes(phrase.toLowerCase()))) return profile;
  }
  return fallback;
}
