/**
 * Turns a rule pack (data) into matchers, once per pack object. Analysis of
 * every keystroke then reuses the compiled regular expressions.
 */
import { ContextMatcher, wordBounded } from './context';
import { SectionVocabulary } from './sections';
import { prefilterFor } from './prefilter';
import { PromptLabels } from './promptLines';
import { escapeRegExp, foldPatternSource } from './text';
import type { EvidencePattern, Level, Rule, RulePack, SectionKind } from './types';

export interface CompiledPattern {
  spec: EvidencePattern;
  /** Undefined for `anyContent` patterns. */
  regex?: RegExp;
  /** A cheap test for the literal words every match begins with; no match there, no need to run `regex`. */
  prefilter?: RegExp;
  unless?: RegExp;
  /** For `anyContent`: words that do not count as content. */
  ignore?: RegExp;
  sections?: ReadonlySet<SectionKind>;
  notSections?: ReadonlySet<SectionKind>;
}

export interface CompiledRule {
  rule: Rule;
  patterns: CompiledPattern[];
  checks: string[];
}

export interface CompiledPack {
  pack: RulePack;
  vocabulary: SectionVocabulary;
  context: ContextMatcher;
  /** Which rule a line belongs to when it begins with a prompt label ("Shared decision:"). */
  promptLabels: PromptLabels;
  rules: CompiledRule[];
}

/** Which check kinds a rule runs when it does not say. */
export const DEFAULT_CHECKS: Record<Level, string[]> = {
  core: ['evidence', 'missing', 'weak', 'placeholder'],
  supporting: ['evidence', 'missing', 'placeholder'],
  teaching: ['evidence'],
};

export function compilePattern(spec: EvidencePattern): CompiledPattern {
  const source = spec.phrases?.length
    ? spec.phrases.map((p) => escapeRegExp(p).replace(/\s+/g, String.raw`\s+`)).join('|')
    : spec.pattern;
  const regex = source === undefined ? undefined : wordBounded(source);
  // Only patterns compiled for folded text (no `u` flag) are read for literal prefixes.
  const prefilter = source !== undefined && regex && !regex.unicode ? prefilterFor(foldPatternSource(source)) : undefined;
  return {
    spec,
    regex,
    prefilter,
    unless: spec.unless ? wordBounded(spec.unless) : undefined,
    ignore: spec.anyContent?.ignore ? wordBounded(spec.anyContent.ignore) : undefined,
    sections: spec.sections ? new Set(spec.sections) : undefined,
    notSections: spec.notSections ? new Set(spec.notSections) : undefined,
  };
}

const compiled = new WeakMap<RulePack, CompiledPack>();

export function compilePack(pack: RulePack): CompiledPack {
  const cached = compiled.get(pack);
  if (cached) return cached;
  const result: CompiledPack = {
    pack,
    vocabulary: new SectionVocabulary(pack.sections),
    context: new ContextMatcher(pack.context),
    promptLabels: new PromptLabels(pack.rules),
    rules: pack.rules.map((rule) => ({
      rule,
      patterns: rule.evidence.map(compilePattern),
      checks: rule.checks ?? DEFAULT_CHECKS[rule.level],
    })),
  };
  compiled.set(pack, result);
  return result;
}
