/**
 * Labelled folders of notes in the corpus format: `*.note` files and a
 * `labels.json` with one record per note (see the corpus README).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface LabelRecord {
  file: string;
  elements: Record<string, { present: boolean; evidence?: string[] }>;
}

export interface LabelledNote {
  /** Where the note came from, unique across folders ("train/123-knee.note"). */
  id: string;
  /** The folder's name, so a report can say how each style of note fared. */
  source: string;
  file: string;
  text: string;
  labels: LabelRecord;
}

export class CorpusError extends Error {}

/**
 * A fixed split of a labelled folder in two halves by the number its file names carry: odd
 * numbers are the `study` half (read misses and false positives there when writing rules),
 * even numbers the `heldout` half (never read; scored as a check on rules written since).
 * A name without a number belongs to the study half.
 */
export type Split = 'study' | 'heldout';
export const SPLITS: readonly Split[] = ['study', 'heldout'];

export function splitOf(file: string): Split {
  const number = /\d+/.exec(path.basename(file));
  return number && Number(number[0]) % 2 === 0 ? 'heldout' : 'study';
}

/** Reads one labelled folder; a labelled file that is missing is reported through `warn` and skipped. */
export function readLabelledDir(dir: string, warn: (message: string) => void = () => {}): LabelledNote[] {
  const labelsPath = path.join(dir, 'labels.json');
  let records: LabelRecord[];
  try {
    records = JSON.parse(fs.readFileSync(labelsPath, 'utf8'));
  } catch (error) {
    throw new CorpusError(`cannot read ${labelsPath}: ${(error as Error).message}`);
  }
  if (!Array.isArray(records)) throw new CorpusError(`${labelsPath} is not an array of label records`);
  const source = path.basename(path.resolve(dir));
  return records.flatMap((record) => {
    const file = path.join(dir, record.file);
    if (!fs.existsSync(file)) {
      warn(`${record.file} is labelled but missing; skipped`);
      return [];
    }
    return [{ id: `${source}/${record.file}`, source, file: record.file, text: fs.readFileSync(file, 'utf8'), labels: record }];
  });
}

/**
 * The notes of every folder, for a command line tool: problems are written to stderr after
 * `tool:`, and undefined means a folder could not be read (exit 2).
 */
export function readLabelledDirsForCli(dirs: readonly string[], tool: string): LabelledNote[] | undefined {
  try {
    return dirs.flatMap((dir) => readLabelledDir(dir, (message) => process.stderr.write(`${tool}: ${message}\n`)));
  } catch (error) {
    if (!(error instanceof CorpusError)) throw error;
    process.stderr.write(`${tool}: ${error.message}\n`);
    return undefined;
  }
}
