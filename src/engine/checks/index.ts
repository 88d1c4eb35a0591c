/**
 * The registry of check kinds: one map that both validates rule packs (a
 * rule may only name a kind listed here) and dispatches.
 */
import { evidenceCheck } from './evidence';
import { missingCheck } from './missing';
import { placeholderCheck } from './placeholder';
import { weakCheck } from './weak';
import type { CheckKind } from './types';

export const CHECK_KINDS: ReadonlyMap<string, CheckKind> = new Map(
  [evidenceCheck, missingCheck, weakCheck, placeholderCheck].map((kind) => [kind.id, kind]),
);

export type { CheckKind, NoteContext, RuleRun } from './types';
