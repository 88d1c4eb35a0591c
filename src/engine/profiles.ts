/**
 * Profiles adjust rule severities per note type (new patient, follow-up,
 * telehealth ...). A note selects one with a visit-type line, such as
 * `Visit type: follow-up`; otherwise the pack's `default` profile applies.
 */
import type { Profile, RulePack, Section } from './types';

export const DEFAULT_PROFILE: Profile = { id: 'default', description: 'Any visit note.' };

export function detectProfile(text: string, sections: readonly Section[], pack: RulePack): Profile {
  const fallback = pack.profiles.find((p) => p.id === (pack.profile ?? 'default')) ?? DEFAULT_PROFILE;
  // Only the visit-type line decides; the rest of the note is clinical content, not metadata.
  const visitInfo = sections.find((s) => s.kind === 'visit-info');
  if (!visitInfo) return fallback;
  const value = text.slice(visitInfo.bodyRange.start, Math.min(visitInfo.bodyRange.end, visitInfo.bodyRange.start + 200)).toLowerCase();
  for (const profile of pack.profiles) {
    if (profile.detect?.some((phrase) => value.includes(phrase.toLowerCase()))) return profile;
  }
  return fallback;
}
