import { contentWordCount, PLACEHOLDER_SOURCE } from '../text';
import type { CompiledPattern } from '../compile';
import type { Evidence, Span } from '../types';
import type { CheckKind, RuleRun } from './types';

/** Evidence beyond this many sentences adds nothing a reader needs. */
const MAX_EVIDENCE = 12;
const PLACEHOLDER = new RegExp(PLACEHOLDER_SOURCE);

/** evidence-present: collects the sentences that document the rule, in allowed context only. */
export const evidenceCheck: CheckKind = {
  id: 'evidence',
  summary: 'Collects evidence: pattern matches in scope, outside negated, hypothetical, other-person, historical or placeholder context unless the pattern allows it.',
  run(run) {
    const seen = new Set<number>();
    for (const pattern of run.rule.patterns) {
      if (run.evidence.length >= MAX_EVIDENCE) break;
      if (pattern.spec.anyContent) collectSectionContent(run, pattern, seen);
      else collectMatches(run, pattern, seen);
    }
    run.evidence.sort((a, b) => a.span.start - b.span.start);
  },
};

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
    if (contentWordCount(body) >= minWords) {
      push(run, seen, { ruleId: run.rule.rule.id, span, strength: pattern.spec.strength ?? 'specific', section: section.kind });
    } else {
      const m = PLACEHOLDER.exec(body);
      if (m) run.placeholders.push({ start: section.bodyRange.start + m.index, end: section.bodyRange.start + m.index + m[0].length });
    }
  }
}

function collectMatches(run: RuleRun, pattern: CompiledPattern, seen: Set<number>): void {
  const { note } = run;
  const regex = pattern.regex;
  if (!regex) return;
  const allowed = new Set(pattern.spec.allowContext ?? []);
  regex.lastIndex = 0;
  for (let m = regex.exec(note.text); m; m = regex.exec(note.text)) {
    if (m[0].length === 0) {
      regex.lastIndex++;
      continue;
    }
    const match = { start: m.index, end: m.index + m[0].length };
    const index = note.sentenceIndexAt(match.start);
    if (index < 0) continue;
    const sentence = note.sentences[index];
    if (seen.has(sentence.start)) continue;
    if (pattern.sections && !pattern.sections.has(sentence.section)) continue;
    if (pattern.notSections?.has(sentence.section)) continue;
    const contexts = note.contextsOf(index, match);
    for (const kind of allowed) contexts.delete(kind);
    if (contexts.has('placeholder')) {
      run.placeholders.push(match);
      continue;
    }
    if (contexts.size > 0) continue;
    if (pattern.spec.attribution === 'patient') {
      const speaker = note.speakerOf(index);
      if (speaker !== 'patient' && speaker !== 'proxy') continue;
    }
    push(run, seen, {
      ruleId: run.rule.rule.id,
      span: { start: sentence.start, end: sentence.end },
      strength: pattern.spec.strength ?? 'specific',
      section: sentence.section,
    });
    if (run.evidence.length >= MAX_EVIDENCE) return;
  }
}
