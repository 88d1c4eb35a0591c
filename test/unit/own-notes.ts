/** The project's own notes (samples/ and test fixtures), never corpus text: inputs for tests that compare two paths. */
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(__dirname, '../../..');

/** The text of every `.note` file in a folder of the repository. */
export function notesIn(dir: string): string[] {
  return fs
    .readdirSync(path.join(root, dir))
    .filter((f) => f.endsWith('.note'))
    .map((f) => fs.readFileSync(path.join(root, dir, f), 'utf8'));
}
