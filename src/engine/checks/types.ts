import type { CompiledPack, CompiledRule } from '../compile';
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
  reader: UnitReader;
  /** Lines that begin with a rule's prompt label: their placeholders are that rule's alone. */
  promptLines: PromptLines;
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
