import type { CompiledPack, CompiledRule } from '../compile';
import type { Speaker } from '../attribution';
import type { ContextKind, Evidence, Finding, Section, Severity, Span } from '../types';
import type { Sentence } from '../sentences';

/** What every check of one note shares: the text, its structure, and lazily computed context. */
export interface NoteContext {
  text: string;
  sections: readonly Section[];
  sentences: readonly Sentence[];
  pack: CompiledPack;
  /** Index of the sentence holding `offset`, or -1. */
  sentenceIndexAt(offset: number): number;
  /** Contexts (negated, hypothetical ...) that apply to `match` inside sentence `index`. */
  contextsOf(index: number, match: Span): Set<ContextKind>;
  /** Who sentence `index` speaks for. */
  speakerOf(index: number): Speaker;
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
