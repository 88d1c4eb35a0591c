/**
 * Loaded with `mocha --require` by scripts/mutate.ts. Applies one mutation (HN_MUTATION, its id)
 * in memory: when the compiled module of the mutated source file is loaded, its TypeScript
 * source is read, the replacement made, and the result transpiled and compiled in its place.
 * No file is written, so nothing can be left mutated, whatever happens to the run.
 */
import * as fs from 'node:fs';
import Module from 'node:module';
import * as path from 'node:path';
import * as ts from 'typescript';
import { applyMutation, compiledPathOf, REPO_ROOT } from './mutate-apply';
import { MUTATIONS } from './mutations';

const id = process.env.HN_MUTATION;
if (id) {
  const mutation = MUTATIONS.find((m) => m.id === id);
  if (!mutation) throw new Error(`mutate-hook: no mutation ${id}`);
  const source = applyMutation(fs.readFileSync(path.join(REPO_ROOT, mutation.file), 'utf8'), mutation);
  const target = compiledPathOf(mutation.file);
  const { outputText } = ts.transpileModule(source, {
    fileName: path.join(REPO_ROOT, mutation.file),
    compilerOptions: { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, esModuleInterop: true, resolveJsonModule: true },
  });
  type Loader = (module: Module & { _compile(code: string, filename: string): void }, filename: string) => void;
  const extensions = (Module as unknown as { _extensions: Record<string, Loader> })._extensions;
  const load = extensions['.js'];
  extensions['.js'] = (module, filename) => (filename === target ? module._compile(outputText, filename) : load(module, filename));
}
