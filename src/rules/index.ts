/**
 * The default rule pack: data only. One rule per file, grouped by skill, in
 * the order of the paper's table (skills.md); section headers, context
 * triggers and profiles beside them.
 */
import type { ContextDefinitions, Rule, RulePack } from '../engine/types';
import { confident } from './authority/confident';
import { guidance } from './authority/guidance';
import { permission } from './authority/permission';
import { selfHealing } from './authority/self-healing';
import { bridges } from './barriers/bridges';
import { humility } from './barriers/humility';
import { power } from './barriers/power';
import { safeSpace } from './barriers/safe-space';
import { faithful } from './committed/faithful';
import { noAbandon } from './committed/no-abandon';
import { thankful } from './committed/thankful';
import { trust } from './committed/trust';
import { contextDefinitions } from './context';
import { fearAnger } from './explain/fear-anger';
import { hopes } from './explain/hopes';
import { understanding } from './explain/understanding';
import { family } from './like/family';
import { risk } from './like/risk';
import { stretch } from './like/stretch';
import { interested } from './listen/interested';
import { present } from './listen/present';
import { quiet } from './listen/quiet';
import { still } from './listen/still';
import { attention } from './little-things/attention';
import { courtesies } from './little-things/courtesies';
import { greetAll } from './little-things/greet-all';
import { introduce } from './little-things/introduce';
import { personable } from './little-things/personable';
import { brave } from './open/brave';
import { facePain } from './open/face-pain';
import { unspoken } from './open/unspoken';
import { vulnerable } from './open/vulnerable';
import { plan } from './plan';
import { profiles } from './profiles';
import { sectionHeaders } from './sections';
import { compact, vocabulary } from './vocabulary';
import type { LearnedWeights } from '../engine/learned/model';
import learnedWeights from './learned-weights.json';

const rules: Rule[] = [
  // Do the little things
  introduce, greetAll, courtesies, attention, personable,
  // Take time and listen
  still, quiet, interested, present,
  // Be open
  vulnerable, brave, facePain, unspoken,
  // Find something to like
  risk, stretch, family,
  // Remove barriers
  humility, power, bridges, safeSpace,
  // Let the patient explain (core), then the plan they stand on
  understanding, fearAnger, hopes, plan,
  // Share authority
  guidance, permission, selfHealing, confident,
  // Be committed and trustworthy
  noAbandon, trust, faithful, thankful,
];

/**
 * The rules as the pack holds them: every regular expression through `compact`, which keeps
 * what it matches and shrinks what V8 compiles (see vocabulary.ts). The rule files stay as
 * they are written.
 */
export const defaultRules: Rule[] = rules.map((rule) => ({
  ...rule,
  evidence: rule.evidence.map((e) => ({
    ...e,
    ...(e.pattern === undefined ? {} : { pattern: compact(e.pattern) }),
    ...(e.unless === undefined ? {} : { unless: compact(e.unless) }),
  })),
}));

const context: ContextDefinitions = {
  ...contextDefinitions,
  triggers: contextDefinitions.triggers.map((t) => ({ ...t, pattern: compact(t.pattern) })),
};

export const defaultPack: RulePack = {
  name: 'healing-notes-default',
  sections: sectionHeaders,
  vocabulary,
  context,
  profiles,
  rules: defaultRules,
  // Written by `npm run train` from the labelled corpus (docs/engine.md); data, like the rules.
  learned: learnedWeights as LearnedWeights,
};
