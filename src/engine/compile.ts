/**
 * Turns a rule pack (data) into matchers, once per pack object. Analysis of
 * every keystroke then reuses the compiled regular expressions.
 */
import { Attribution } from './attribution';
import { CompiledCondition } from './conditions';
import { compileLearned, type LearnedModel } from './learned/model';
import { beginsAtWordStart, ContextMatcher, wordBounded } from './context';
import { SectionVocabulary } from './sections';
import { LiteralIndex } from './prefilter';
import { labelKey, labelledLineRegex, lineLabelsOf, PromptLabels } from './promptLines';
import { ProfileDetector } from './profiles';
import { escapeRegExp, foldPatternSource } from './text';
import type { EvidencePattern, Level, Rule, RulePack, SectionKind, Vocabulary } from './types';
import { expandWordLists } from './vocabulary';

export interface CompiledPattern {
  spec: EvidencePattern;
  /** Undefined for `anyContent` patterns. */
  regex?: RegExp;
  unless?: RegExp;
  /** What must also match in the paragraph of a match for it to count (see EvidencePattern.alongWith). */
  alongWith?: RegExp;
  /** For `anyContent`: words that do not count as content. */
  ignore?: RegExp;
  sections?: ReadonlySet<SectionKind>;
  notSections?: ReadonlySet<SectionKind>;
}

export interface CompiledRule {
  rule: Rule;
  patterns: CompiledPattern[];
  checks: string[];
  /** The rule's `when`; undefined when it always applies. */
  when?: CompiledCondition;
  /** The rule's `except` look-alikes: a sentence holding a match is no evidence. */
  except: CompiledPattern[];
  /** The section vocabulary the rule reads when a pack scopes header names to it (see SectionHeaderDefinition.rules). */
  headers?: SectionVocabulary;
  /** A line labelled for the element (its prompt label, title and `labels`), where its findings sit. */
  labelledLine?: RegExp;
  /** Those labels as keys (see labelKey). */
  lineLabels: string[];
}

export interface CompiledPack {
  pack: RulePack;
  headers: SectionVocabulary;
  context: ContextMatcher;
  attribution: Attribution;
  /** Sections whose sentences with no named speaker are the patient's own account. */
  historySections: ReadonlySet<SectionKind>;
  /** Which rule a line belongs to when it begins with a prompt label ("Shared decision:"). */
  promptLabels: PromptLabels;
  rules: CompiledRule[];
  /** Which profiles a note carries. */
  profiles: ProfileDetector;
  /**
   * The literals of every pattern and context trigger, found in a paragraph in one pass; a regex
   * then runs only where its literals occur. Undefined: each runs over every paragraph (the
   * reference path the tests compare with).
   */
  literals?: LiteralIndex;
  /** The learned scorer, when the pack carries weights that fit its rules. */
  learned?: LearnedModel;
}

/** Which check kinds a rule runs when it does not say. */
export const DEFAULT_CHECKS: Record<Level, string[]> = {
  core: ['evidence', 'missing', 'weak', 'placeholder'],
  supporting: ['evidence', 'missing', 'placeholder'],
  teaching: ['evidence'],
};

/** Compiles one evidence pattern; word lists named in its regular expressions (`{relatives}`) are read from `vocabulary`. */
export function compilePattern(spec: EvidencePattern, vocabulary: Vocabulary): CompiledPattern {
  const expand = (source: string) => wordBounded(expandWordLists(source, vocabulary));
  const source = spec.phrases?.length
    ? spec.phrases.map((p) => escapeRegExp(p).replace(/\s+/g, String.raw`\s+`)).join('|')
    : spec.pattern && expandWordLists(spec.pattern, vocabulary);
  const regex = source === undefined ? undefined : wordBounded(source);
  return {
    spec,
    regex,
    unless: spec.unless ? expand(spec.unless) : undefined,
    alongWith: spec.alongWith ? expand(spec.alongWith) : undefined,
    ignore: spec.anyContent?.ignore ? expand(spec.anyContent.ignore) : undefined,
    sections: spec.sections ? new Set(spec.sections) : undefined,
    notSections: spec.notSections ? new Set(spec.notSections) : undefined,
  };
}

/**
 * A rule's patterns are compiled when first read: building prefilters is most of a cold analysis, and a
 * face that shows some rules first (`analyze(text, { only })`, the language server's core elements)
 * then pays only for those. Its condition and look-alikes likewise.
 */
function compileRule(rule: Rule, vocabulary: Vocabulary, headers: SectionVocabulary | undefined): CompiledRule {
  let patterns: CompiledPattern[] | undefined;
  let when: CompiledCondition | undefined;
  let except: CompiledPattern[] | undefined;
  const labels = lineLabelsOf(rule);
  return {
    rule,
    get patterns() {
      return (patterns ??= rule.evidence.map((spec) => compilePattern(spec, vocabulary)));
    },
    checks: rule.checks ?? DEFAULT_CHECKS[rule.level],
    get when() {
      return rule.when ? (when ??= new CompiledCondition(rule.when, vocabulary)) : undefined;
    },
    get except() {
      return (except ??= (rule.except ?? []).map((spec) => compilePattern(spec, vocabulary)));
    },
    headers,
    labelledLine: labelledLineRegex(labels),
    lineLabels: labels.map(labelKey),
  };
}

/** Whether a pattern looks in a section of this kind (its `sections` and `notSections`). */
export function looksIn(pattern: CompiledPattern, section: SectionKind): boolean {
  return (!pattern.sections || pattern.sections.has(section)) && !pattern.notSections?.has(section);
}

const compiled = new WeakMap<RulePack, CompiledPack>();

export function compilePack(pack: RulePack): CompiledPack {
  const cached = compiled.get(pack);
  if (cached) return cached;
  const { vocabulary } = pack;
  const scoped = pack.sections.some((d) => d.rules?.length);
  // Rules that read the same scoped header names share one vocabulary (and so one reading of the note).
  const vocabularies = new Map<string, SectionVocabulary>();
  const headersOf = (rule: Rule): SectionVocabulary | undefined => {
    if (!scoped) return undefined;
    const key = pack.sections.flatMap((d, i) => (d.rules?.includes(rule.id) ? [i] : [])).join(',');
    if (!key) return undefined;
    let headers = vocabularies.get(key);
    if (!headers) vocabularies.set(key, (headers = new SectionVocabulary(pack.sections, rule.id)));
    return headers;
  };
  const rules = pack.rules.map((rule) => compileRule(rule, vocabulary, headersOf(rule)));
  const result: CompiledPack = {
    pack,
    headers: new SectionVocabulary(pack.sections),
    profiles: new ProfileDetector(pack),
    context: new ContextMatcher(pack.context, vocabulary),
    attribution: new Attribution(vocabulary.relatives),
    historySections: new Set(vocabulary.sectionGroups.history),
    promptLabels: new PromptLabels(pack.rules),
    rules,
  };
  const regexes = [...rules.flatMap((r) => r.patterns.flatMap((p) => [p.regex, p.unless])), ...result.context.regexes()];
  result.literals = new LiteralIndex(regexes.filter((r): r is RegExp => r !== undefined && beginsAtWordStart(r)));
  result.learned = compileLearned(pack.learned, result);
  compiled.set(pack, result);
  return result;
}
