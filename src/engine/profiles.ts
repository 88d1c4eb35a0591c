/**
 * Profiles adjust rule severities per note type (new patient, follow-up,
 * telehealth ...). A note carries every profile whose detection phrases its
 * heading holds — its `Visit type:` line, its title line, or a header above
 * the first clinical section — so a setting and a modality may both hold
 * ("URGENT CARE VISIT" and "Visit type: video"). With none, the pack's
 * fallback profile applies. Where two profiles set one rule, the one later in
 * the pack wins (a team's own profiles come after the built-in ones).
 */
import type { Profile, Rule, RulePack, Section, SectionKind, SeveritySetting } from './types';

export const DEFAULT_PROFILE: Profile = { id: 'default', description: 'Any visit note.' };

/** The profile of notes that name none: the pack's `profile`, else its `default`. */
export function fallbackProfile(pack: RulePack): Profile {
  return pack.profiles.find((p) => p.id === (pack.profile ?? 'default')) ?? DEFAULT_PROFILE;
}

/**
 * The severity a rule runs at: the note's profiles (the last one in pack order that sets the rule),
 * then the rule's own (which settings and pack files set, so that a pack's profiles can still adjust
 * them per note type).
 */
export function severityOf(rule: Rule, profiles: Profile | readonly Profile[]): SeveritySetting {
  const list = Array.isArray(profiles) ? profiles : [profiles as Profile];
  for (let i = list.length - 1; i >= 0; i--) {
    const setting = list[i].rules?.[rule.id];
    if (setting !== undefined) return setting;
  }
  return rule.severity;
}

/** Section kinds that hold no clinical content: the heading may run through them. */
const HEADING_KINDS: ReadonlySet<SectionKind> = new Set(['preamble', 'visit-info', 'other']);
/** A title line is short and is no sentence. */
const MAX_TITLE_WORDS = 10;
const MAX_HEADING_CHARS = 200;

/**
 * What the note says about itself, as separate pieces of text: the value of each `Visit type:`
 * line, the title line (the first line, when it is short and no sentence), and the headers above
 * the first clinical section (an all-caps `URGENT CARE VISIT`, a `# Telehealth follow-up`).
 */
export function noteHeading(text: string, sections: readonly Section[]): string[] {
  const pieces: string[] = [];
  for (const section of sections) {
    if (section.kind !== 'visit-info') continue;
    const body = text.slice(section.bodyRange.start, Math.min(section.bodyRange.end, section.bodyRange.start + MAX_HEADING_CHARS));
    pieces.push(body.split('\n')[0]);
  }
  const first = sections[0];
  if (first?.kind === 'preamble') {
    const line = text.slice(first.bodyRange.start, first.bodyRange.end).split('\n').find((l) => l.trim() !== '')?.trim() ?? '';
    if (line && line.length <= MAX_HEADING_CHARS && line.split(/\s+/).length <= MAX_TITLE_WORDS && !/[.?!]$/.test(line)) pieces.push(line);
  }
  for (const section of sections) {
    if (!HEADING_KINDS.has(section.kind)) break;
    if (section.kind === 'other') pieces.push(section.title);
  }
  return pieces;
}

/** A word-bounded, case-insensitive matcher for any of `phrases`; undefined for none. */
export function phraseMatcher(phrases: readonly string[] | undefined): RegExp | undefined {
  const alternatives = (phrases ?? [])
    .map((p) => p.trim())
    .filter(Boolean)
    .map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+'));
  if (alternatives.length === 0) return undefined;
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'iu');
}

/** The profiles of a pack with their detection matchers, built once per pack. */
export class ProfileDetector {
  private readonly matchers: { profile: Profile; regex: RegExp }[];

  constructor(private readonly pack: RulePack) {
    this.matchers = pack.profiles.flatMap((profile) => {
      const regex = phraseMatcher(profile.detect);
      return regex ? [{ profile, regex }] : [];
    });
  }

  /** Every profile whose phrases the heading holds, in pack order; the fallback profile when none. */
  detect(heading: readonly string[]): Profile[] {
    const found = this.matchers.filter(({ regex }) => heading.some((piece) => regex.test(piece))).map((m) => m.profile);
    return found.length ? found : [fallbackProfile(this.pack)];
  }
}
