import type { CompiledPack, CompiledRule } from '../compile';
import { promptPlacement, type Placement } from '../placement';
import type { SectionVocabulary } from '../sections';
import type { Evidence, Finding, Section, Severity, Span } from '../types';
import type { PromptLines } from '../promptLines';
import type { Unit, UnitReader } from '../units';

/** What every check of one note shares: the text, its structure, and cached per-paragraph scans. */
export interface NoteContext {
  text: string;
  sections: readonly Section[];
  /** The paragraphs of every section, in text order. */
  units: readonly Unit[];
  pack: CompiledPack;
  /** The header names the sections were read with (the pack's, or a rule's scoped ones). */
  headers: SectionVocabulary;
  reader: UnitReader;
  /** Lines that begin with a rule's prompt label: their placeholders are that rule's alone. */
  promptLines: PromptLines;
  /** The note's labelled lines, label key → line starts (see labelledLinesOf), read on first use. */
  labelledLines(): ReadonlyMap<string, readonly number[]>;
}

/** The state of one rule on one note, filled in by its checks in order. */
export interface RuleRun {
  note: NoteContext;
  rule: CompiledRule;
  severity: Severity;
  evidence: Evidence[];
  /** Matches that would count but sit next to an unfilled template placeholder. */
  placeholders: Span[];
  findings: Finding[];
}

/** A declarative check kind (Vale's existence/occurrence/conditional, in our terms). */
export interface CheckKind {
  id: string;
  /** One line for rule authors. */
  summary: string;
  run(run: RuleRun): void;
}

/** Where the run's rule's finding sits and its prompt goes, in the run's note. */
export function placementOf(run: RuleRun): Placement {
  const { note, rule } = run;
  return promptPlacement(note.text, note.sections, rule.rule, {
    labelledLine: rule.labelledLine,
    lineStarts: rule.labelledLine ? rule.lineLabels.flatMap((key) => note.labelledLines().get(key) ?? []).sort((a, b) => a - b) : undefined,
    knownHeader: (title) => note.headers.kindOf(title) !== undefined,
  });
}
