/** An in-memory file system for pack tests: paths → text; a missing path throws ENOENT as Node's fs does. */
import type { ReadFile } from '../../src/engine/pack';

export function memoryFiles(files: Record<string, string>): ReadFile & { reads: string[] } {
  const reads: string[] = [];
  const read = (path: string): string => {
    reads.push(path);
    if (!Object.hasOwn(files, path)) throw Object.assign(new Error(`ENOENT: no such file, open '${path}'`), { code: 'ENOENT' });
    return files[path];
  };
  return Object.assign(read, { reads });
}

/** A complete custom rule, for tests to vary one field at a time. */
export function interpreterRule(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'clinic.interpreter',
    title: 'Interpreter use',
    skill: 'Remove barriers',
    behavior: 'Create bridges',
    level: 'supporting',
    severity: 'warning',
    message: 'No interpreter use recorded in {section}',
    rationale: 'A patient who cannot follow the conversation cannot explain, ask or agree.',
    counts: 'An interpreter named or described.',
    evidence: [{ phrases: ['interpreter', 'language line'] }],
    prompt: { label: 'Interpreter', snippet: '${1:<language>}', sections: ['hpi'], createSection: 'HPI' },
    examples: {
      documented: ['HPI: Visit conducted with a Spanish interpreter by video.'],
      missing: ['HPI: Cough for three days.', 'HPI: No interpreter needed.'],
    },
    ...overrides,
  };
}

export const json = (value: unknown): string => JSON.stringify(value, null, 2);
