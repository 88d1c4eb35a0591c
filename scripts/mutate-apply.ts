/** Applying a mutation to its source text; shared by the runner, the hook and the unit test that keeps the list current. */
import * as path from 'node:path';
import type { Mutation } from './mutations';

/** This file is compiled to out/scripts/. */
export const REPO_ROOT = path.resolve(__dirname, '../..');

/** Why the mutation cannot be applied to `source` (its text is not there exactly once), or undefined. */
export function mutationProblem(source: string, mutation: Mutation): string | undefined {
  const first = source.indexOf(mutation.find);
  if (first < 0) return `${mutation.id}: its text is no longer in ${mutation.file}; update scripts/mutations.ts to the code it guards`;
  if (source.indexOf(mutation.find, first + 1) >= 0) return `${mutation.id}: its text occurs more than once in ${mutation.file}; make "find" longer`;
  return undefined;
}

export function applyMutation(source: string, mutation: Mutation): string {
  const problem = mutationProblem(source, mutation);
  if (problem) throw new Error(problem);
  const at = source.indexOf(mutation.find);
  return source.slice(0, at) + mutation.replace + source.slice(at + mutation.find.length);
}

/** Where `tsc -p .` writes the module of a source file. */
export function compiledPathOf(file: string): string {
  return path.join(REPO_ROOT, 'out', file.replace(/\.ts$/, '.js'));
}
