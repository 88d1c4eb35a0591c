/**
 * `when`: whether a rule applies to a note at all. A rule whose condition fails
 * is `not-applicable` for the note (it does not run, and is never reported as
 * missing), with a reason written from the pack's own words, never the note's.
 */
import { countsAsEvidence } from './checks/evidence';
import type { NoteContext } from './checks';
import { compilePattern, looksIn, type CompiledPattern } from './compile';
import { phraseMatcher } from './profiles';
import { wordListSource } from './vocabulary';
import type { AgeRange, ConditionPhrases, RuleCondition, SectionKind, Vocabulary } from './types';

/** What the conditions of every rule read of one note, each computed at most once. */
export class NoteFacts {
  private age: number | null | undefined;
  private readonly found = new Map<CompiledPattern, boolean>();
  private kinds: Set<SectionKind> | undefined;

  constructor(
    readonly note: NoteContext,
    /** The note's profile ids. */
    readonly profiles: readonly string[],
    /** The note's heading (see noteHeading). */
    readonly heading: readonly string[],
    private readonly relatives: readonly string[],
  ) {}

  hasSection(kind: SectionKind): boolean {
    this.kinds ??= new Set(this.note.sections.map((s) => s.kind));
    return this.kinds.has(kind);
  }

  /** The patient's age in years, or null when the note states none. */
  ageInYears(): number | null {
    if (this.age === undefined) this.age = readAge(this.note.text, this.relatives);
    return this.age;
  }

  /** Whether the pattern matches somewhere in its sections, in a context it allows. */
  finds(pattern: CompiledPattern): boolean {
    let result = this.found.get(pattern);
    if (result === undefined) {
      result = this.search(pattern);
      this.found.set(pattern, result);
    }
    return result;
  }

  private search(pattern: CompiledPattern): boolean {
    const { note } = this;
    for (const unit of note.units) {
      if (!looksIn(pattern, unit.section)) continue;
      for (const found of note.reader.matches(unit, pattern)) {
        if (countsAsEvidence(pattern, found, false)) return true;
      }
    }
    return false;
  }
}

interface CompiledPhrases {
  spec: ConditionPhrases;
  pattern: CompiledPattern;
}

/** A rule's `when`, compiled once per pack. */
export class CompiledCondition {
  private readonly found: CompiledPhrases[];
  private readonly notFound: CompiledPhrases[];
  private readonly type?: RegExp;
  private readonly notType?: RegExp;
  private readonly anyOf: CompiledCondition[];

  constructor(
    private readonly condition: RuleCondition,
    vocabulary: Vocabulary,
  ) {
    const compile = (list: ConditionPhrases | ConditionPhrases[] | undefined) =>
      (list === undefined ? [] : Array.isArray(list) ? list : [list]).map((spec) => ({ spec, pattern: compilePattern(spec, vocabulary) }));
    this.found = compile(condition.found);
    this.notFound = compile(condition.notFound);
    this.type = phraseMatcher(condition.type);
    this.notType = phraseMatcher(condition.notType);
    this.anyOf = (condition.anyOf ?? []).map((c) => new CompiledCondition(c, vocabulary));
  }

  /** Why the rule does not apply to the note, or undefined when it does. */
  failure(facts: NoteFacts): string | undefined {
    const c = this.condition;
    if (c.profiles?.length && !c.profiles.some((p) => facts.profiles.includes(p))) {
      return `the note's profile is ${listOf(facts.profiles)}, not ${orList(c.profiles)}`;
    }
    const unwanted = c.notProfiles?.find((p) => facts.profiles.includes(p));
    if (unwanted) return `the note's profile is ${quote(unwanted)}`;
    if (this.type && !facts.heading.some((piece) => this.type!.test(piece))) {
      return `the note's type or title does not name ${orList(c.type!)}`;
    }
    if (this.notType) {
      const named = c.notType!.find((phrase) => facts.heading.some((piece) => phraseMatcher([phrase])!.test(piece)));
      if (named) return `the note's type or title names ${quote(named)}`;
    }
    if (c.hasSections?.length && !c.hasSections.some((kind) => facts.hasSection(kind))) {
      return `the note has no ${orList(c.hasSections, false)} section`;
    }
    const present = c.lacksSections?.find((kind) => facts.hasSection(kind));
    if (present) return `the note has a ${present} section`;
    if (this.found.length && !this.found.some((f) => facts.finds(f.pattern))) {
      return `the note does not mention ${describe(this.found)}`;
    }
    const mentioned = this.notFound.find((f) => facts.finds(f.pattern));
    if (mentioned) return `the note mentions ${describe([mentioned])}`;
    if (c.age) {
      const problem = ageProblem(c.age, facts.ageInYears());
      if (problem) return problem;
    }
    if (this.anyOf.length) {
      const reasons: string[] = [];
      for (const alternative of this.anyOf) {
        const reason = alternative.failure(facts);
        if (reason === undefined) return undefined;
        reasons.push(reason);
      }
      return `none of its "anyOf" conditions holds (${reasons.join('; ')})`;
    }
    return undefined;
  }
}

function quote(text: string): string {
  return JSON.stringify(text);
}

function listOf(items: readonly string[]): string {
  return items.map(quote).join(' and ');
}

function orList(items: readonly string[], quoted = true, max = 4): string {
  const shown = items.slice(0, max).map((i) => (quoted ? quote(i) : i));
  const more = items.length > max ? ` (or ${items.length - max} more)` : '';
  return (shown.length > 1 ? `${shown.slice(0, -1).join(', ')} or ${shown[shown.length - 1]}` : shown[0] ?? '') + more;
}

/** Phrases and where they were looked for, in the pack's words. */
function describe(entries: readonly CompiledPhrases[]): string {
  return entries
    .map(({ spec }) => {
      const what = spec.phrases?.length ? orList(spec.phrases) : 'the condition\'s pattern';
      const where = spec.sections?.length ? ` in ${orList(spec.sections, false)}` : '';
      return what + where;
    })
    .join(', nor ');
}

function ageProblem(range: AgeRange, age: number | null): string | undefined {
  const bounds = range.min !== undefined && range.max !== undefined ? `${range.min} to ${range.max}` : range.min !== undefined ? `${range.min} or older` : `${range.max} or younger`;
  if (age === null) return range.unknown ? undefined : `the note states no age (the rule is for ages ${bounds})`;
  // `max: 17` holds until the 18th birthday.
  if ((range.min !== undefined && age < range.min) || (range.max !== undefined && age >= range.max + 1)) return `the patient's age is outside ${bounds}`;
  return undefined;
}

const UNIT_YEARS: Record<string, number> = { y: 1, m: 1 / 12, w: 1 / 52, d: 1 / 365 };

/**
 * The patient's age as the note states it, in years: "72-year-old", "72 yo", "72 y/o", "6-month-old",
 * "3 weeks old", "Age: 15", "aged 15", "de 15 años", "edad: 15". The first statement that is not about
 * someone else ("her 80-year-old mother", "a 45-year-old husband") counts; null when there is none.
 */
export function readAge(text: string, relatives: readonly string[]): number | null {
  const relative = new RegExp(`^(?:\\s+[a-z]+)?\\s+${wordListSource(relatives)}(?![\\p{L}\\p{N}])`, 'iu');
  const age = new RegExp(
    [
      String.raw`(?<![\p{L}\p{N}.])(\d{1,3}(?:\.\d)?)(?:[ -]?(years?|yrs?|months?|mos?|weeks?|wks?|days?)[ -]?old|[ -]?(y)(?:\.?[ /]?o\.?|rs?\.? old)(?![\p{L}\p{N}]))`,
      String.raw`(?<![\p{L}\p{N}])(?:age|aged|edad)\s*[:=]?\s*(\d{1,3})(?![\p{L}\p{N}.])`,
      String.raw`(?<![\p{L}\p{N}])de\s+(\d{1,3})\s+a(?:ñ|n)os(?![\p{L}\p{N}])`,
    ].join('|'),
    'giu',
  );
  for (let m = age.exec(text); m; m = age.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 20), m.index);
    // "her 80-year-old mother": someone else's age, in either order.
    if (relative.test(text.slice(m.index + m[0].length, m.index + m[0].length + 40))) continue;
    if (new RegExp(`${wordListSource(relatives)}(?:'s)?\\s*(?:is|was|,)?\\s*$`, 'iu').test(before)) continue;
    const years = m[1] ?? m[4] ?? m[5];
    const unit = (m[2] ?? m[3] ?? 'y').toLowerCase();
    const value = Number(years) * (UNIT_YEARS[unit[0]] ?? 1);
    if (Number.isFinite(value) && value < 130) return value;
  }
  return null;
}
