import { inBareLabel } from '../promptLines';
import { contentWordCount, foldCase, PLACEHOLDER_SOURCE } from '../text';
import { looksIn, type CompiledPattern } from '../compile';
import type { Speaker } from '../attribution';
import type { Evidence, Span } from '../types';
import type { Unit, UnitMatch } from '../units';
import type { SentenceFacts } from '../learned/features';
import type { ElementScorer, ScoredSentence } from '../learned/model';
import type { CheckKind, RuleRun } from './types';

/** Evidence beyond this many sentences adds nothing a reader needs. */
const MAX_EVIDENCE = 12;
const PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE);
/** Where a section's body breaks into lines and sentences, for anyContent (a placeholder voids only its own piece). */
const LINES_AND_SENTENCES = /\n|(?<=[.!?;])[ \t]+(?=\S)/;

/** evidence-present: collects the sentences that document the rule, in allowed context only. */
export const evidenceCheck: CheckKind = {
  id: 'evidence',
  summary:
    'Collects evidence: pattern matches in scope, outside negated, hypothetical, other-person, historical or placeholder context unless the pattern allows it; for a rule the pack\'s learned scorer covers, also the sentences it scores over its threshold.',
  run(run) {
    const seen = new Set<number>();
    const scorer = run.note.pack.learned?.scorers.get(run.rule.rule.id);
    for (const pattern of run.rule.patterns) {
      if (run.evidence.length >= MAX_EVIDENCE) break;
      if (pattern.spec.anyContent) collectSectionContent(run, pattern, seen);
      else collectMatches(run, pattern, seen);
    }
    // What the patterns found stands; the scorer adds the sentences they missed that it rates over its threshold.
    if (scorer) collectLearned(run, (unit) => reviewOf(run, scorer, unit), seen);
    if (run.rule.except.length > 0 && run.evidence.length > 0) dropExcepted(run);
    // An unfilled line labelled for this rule is its placeholder, whatever the line's words match.
    for (const span of run.note.promptLines.placeholdersOf(run.rule.rule.id)) {
      if (!run.placeholders.some((p) => p.start === span.start)) run.placeholders.push(span);
    }
    run.evidence.sort((a, b) => a.span.start - b.span.start);
  },
};

/** The rule's `except` look-alikes: evidence whose sentence holds one of their matches does not count. */
function dropExcepted(run: RuleRun): void {
  const { note } = run;
  const spans: Span[] = [];
  for (const pattern of run.rule.except) {
    for (const unit of note.units) {
      if (looksIn(pattern, unit.section)) for (const found of note.reader.matches(unit, pattern)) spans.push(found.match);
    }
  }
  if (spans.length === 0) return;
  run.evidence = run.evidence.filter((e) => !spans.some((s) => s.start < e.span.end && e.span.start < s.end));
}

/** The scorer's verdict on one paragraph's sentences, once per paragraph content. */
function reviewOf(run: RuleRun, scorer: ElementScorer, unit: Unit): LearnedReview {
  const { reader, pack } = run.note;
  const learned = pack.learned!;
  if (!scorer.reads(unit.section)) return NOTHING_LEARNED;
  return reader.derived(unit, scorer, () => {
    const facts = reader.facts(unit, learned.patterns, learned.bounds.pairs);
    const bounds = reader.derived(unit, learned.bounds, () => facts.map((f) => learned.bounds.of(f)));
    const read = { readContexts: (f: SentenceFacts) => reader.readContexts(unit, f), complete: (f: SentenceFacts) => reader.complete(unit, f) };
    return { facts, added: scorer.review(facts, bounds, learned.columns.get(scorer)!, reader.foldedText(unit), read) };
  });
}

const NOTHING_LEARNED: LearnedReview = { facts: [], added: [] };

interface LearnedReview {
  facts: SentenceFacts[];
  added: ScoredSentence[];
}

function collectLearned(run: RuleRun, review: (unit: Unit) => LearnedReview, seen: Set<number>): void {
  const { note } = run;
  for (const unit of note.units) {
    const { facts, added } = review(unit);
    for (const { index, reason } of added) {
      const f = facts[index];
      // Boilerplate when the only patterns of this rule that credit it are boilerplate ones ("risks and benefits discussed").
      const own = f.hits.filter((h) => h.counted && h.ruleId === run.rule.rule.id);
      const strength = own.length > 0 && own.every((h) => h.strength === 'boilerplate') ? 'boilerplate' : 'specific';
      push(run, seen, {
        ruleId: run.rule.rule.id,
        span: { start: unit.start + f.sentence.start, end: unit.start + f.sentence.end },
        strength,
        section: unit.section,
        learned: { ...reason, words: reason.words.map((w) => ({ start: unit.start + w.start, end: unit.start + w.end })) },
      });
      if (run.evidence.length >= MAX_EVIDENCE) return;
    }
  }
}

function push(run: RuleRun, seen: Set<number>, evidence: Evidence): void {
  if (seen.has(evidence.span.start) || run.evidence.length >= MAX_EVIDENCE) return;
  seen.add(evidence.span.start);
  run.evidence.push(evidence);
}

function collectSectionContent(run: RuleRun, pattern: CompiledPattern, seen: Set<number>): void {
  const { text, sections } = run.note;
  const minWords = pattern.spec.anyContent?.minWords ?? 1;
  for (const section of sections) {
    if (pattern.sections && !pattern.sections.has(section.kind)) continue;
    const body = text.slice(section.bodyRange.start, section.bodyRange.end);
    const leading = body.length - body.trimStart().length;
    const span: Span = { start: section.bodyRange.start + leading, end: section.bodyRange.start + body.trimEnd().length };
    if (span.end <= span.start) continue;
    // A line, or a sentence of one, still holding a placeholder is a prompt not yet written: its words do not count
    // ("PLAN: Magnesium nightly. Patient agrees with plan: XX" keeps its first sentence).
    const written = body.split(LINES_AND_SENTENCES).filter((piece) => !PLACEHOLDER.test(piece)).join('\n');
    const meaningful = pattern.ignore ? foldCase(written).replace(pattern.ignore, ' ') : written;
    if (contentWordCount(meaningful) >= minWords) {
      push(run, seen, { ruleId: run.rule.rule.id, span, strength: pattern.spec.strength ?? 'specific', section: section.kind });
    } else {
      const span = firstPlaceholder(run, body, section.bodyRange.start);
      if (span) run.placeholders.push(span);
    }
  }
}

function collectMatches(run: RuleRun, pattern: CompiledPattern, seen: Set<number>): void {
  const { note } = run;
  if (!pattern.regex) return;
  const allowed = pattern.spec.allowContext ?? [];
  // Only the paragraphs that hold one of the pattern's literals can match it.
  for (const unit of note.reader.unitsWith(note.units, pattern)) {
    if (pattern.sections && !pattern.sections.has(unit.section)) continue;
    if (pattern.notSections?.has(unit.section)) continue;
    for (const found of note.reader.matches(unit, pattern)) {
      if (found.excepted || seen.has(found.sentence.start)) continue;
      const contexts = [...found.contexts].filter((kind) => !allowed.includes(kind));
      if (contexts.includes('placeholder')) {
        // Report the placeholder itself, once per sentence, where the clinician has to type.
        const span = placeholderIn(note.text, found.sentence) ?? found.match;
        // A placeholder on another rule's prompt line is that rule's to report.
        if (!note.promptLines.mayReport(run.rule.rule.id, span.start)) continue;
        if (!run.placeholders.some((p) => p.start === span.start)) run.placeholders.push(span);
        continue;
      }
      if (contexts.length > 0) continue;
      if (inBareLabel(note.text, found.match)) continue;
      if (!speakerAllowed(pattern, found, note.pack.historySections.has(unit.section))) continue;
      push(run, seen, {
        ruleId: run.rule.rule.id,
        span: found.sentence,
        strength: pattern.spec.strength ?? 'specific',
        section: unit.section,
      });
      if (run.evidence.length >= MAX_EVIDENCE) return;
    }
  }
}

/** Whether a match of `pattern` is by a speaker the pattern accepts (always, for a pattern that names none). */
export function speakerAllowed(pattern: CompiledPattern, found: UnitMatch, inHistory: boolean): boolean {
  return !pattern.spec.attribution || attributed(pattern.spec.attribution, found.speaker(), inHistory);
}

/** Whether a match, found in a section its pattern applies to, counts as evidence for its own rule. */
export function countsAsEvidence(pattern: CompiledPattern, found: UnitMatch, inHistory: boolean): boolean {
  if (found.excepted) return false;
  const allowed = pattern.spec.allowContext ?? [];
  for (const kind of found.contexts) if (!allowed.includes(kind)) return false;
  return speakerAllowed(pattern, found, inHistory);
}

/** In a history section (the pack's `history` group), a sentence with no named speaker is the patient's own account. */
function attributed(required: 'patient' | 'patient-voice', speaker: Speaker, inHistory: boolean): boolean {
  if (speaker === 'patient' || speaker === 'proxy') return true;
  return required === 'patient' && speaker === 'unknown' && inHistory;
}

/** The first placeholder of `body` (at `offset` in the note) that is not on another rule's prompt line. */
function firstPlaceholder(run: RuleRun, body: string, offset: number): Span | undefined {
  const all = new RegExp(PLACEHOLDER_SOURCE, 'g');
  for (let m = all.exec(body); m; m = all.exec(body)) {
    if (m[0].length === 0) {
      all.lastIndex++;
      continue;
    }
    const start = offset + m.index;
    if (run.note.promptLines.mayReport(run.rule.rule.id, start)) return { start, end: start + m[0].length };
  }
  return undefined;
}

function placeholderIn(text: string, sentence: Span): Span | undefined {
  const m = PLACEHOLDER.exec(text.slice(sentence.start, sentence.end));
  return m ? { start: sentence.start + m.index, end: sentence.start + m.index + m[0].length } : undefined;
}
