// `npm run mutate` checks that the tests catch each mutation of scripts/mutations.ts; this keeps the
// list itself current, so that a change to the engine cannot quietly leave a mutation behind.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { mutationProblem, REPO_ROOT } from '../../scripts/mutate-apply';
import { MUTATIONS } from '../../scripts/mutations';

describe('mutation list (npm run mutate)', () => {
  it('has unique ids', () => {
    assert.equal(new Set(MUTATIONS.map((m) => m.id)).size, MUTATIONS.length);
  });

  it('every mutation still applies to the code it guards, and changes it', () => {
    const problems = MUTATIONS.flatMap((m) => {
      const problem = mutationProblem(fs.readFileSync(path.join(REPO_ROOT, m.file), 'utf8'), m);
      return problem ? [problem] : m.find === m.replace ? [`${m.id}: changes nothing`] : [];
    });
    assert.deepEqual(problems, []);
  });
});
