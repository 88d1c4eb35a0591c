/**
 * npm run train [-- <dir>...] [--out <file>] [--seed <n>]
 *
 * Trains the learned sentence scorer on labelled folders (default: the shared corpus's dev/ and
 * train/, in ../shared/corpus beside this repository or a folder above it; scribe/ is left out, so that it stays a check
 * nothing was fitted on) and writes the weights the default pack carries
 * (src/rules/learned-weights.json). Deterministic: the same notes and seed give the same file.
 * `npm run eval -- <dir>... --folds 5` measures the same training honestly, fold by fold.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { defaultPack } from '../src/engine';
import { readLabelledDirsForCli } from '../src/eval/corpus';
import { DEFAULT_TRAIN, trainWeights } from '../src/learn/train';

const root = path.resolve(__dirname, '../..');
const DEFAULT_DIRS = ['dev', 'train'].map((d) => path.join(sharedCorpus(), d));
const DEFAULT_OUT = path.join(root, 'src/rules/learned-weights.json');
const USAGE = 'usage: npm run train -- [<dir>...] [--out <file>] [--seed <n>]\n';

/** The shared corpus beside the repository (or beside a folder above it, for a git worktree). */
function sharedCorpus(): string {
  for (let dir = root; ; dir = path.dirname(dir)) {
    const candidate = path.join(path.dirname(dir), 'shared', 'corpus');
    if (fs.existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) return path.resolve(root, '../shared/corpus');
  }
}

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { out: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    process.stderr.write(`train: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  if (parsed.values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  const dirs = parsed.positionals.length ? parsed.positionals : DEFAULT_DIRS;
  const seed = parsed.values.seed === undefined ? DEFAULT_TRAIN.seed : Number(parsed.values.seed);
  if (!Number.isInteger(seed)) {
    process.stderr.write(`train: --seed must be an integer, not ${parsed.values.seed}\n`);
    return 2;
  }
  const notes = readLabelledDirsForCli(dirs, 'train');
  if (!notes) return 2;
  const started = Date.now();
  const weights = trainWeights(notes, { ...defaultPack, learned: undefined }, { ...DEFAULT_TRAIN, seed });
  weights.trainedOn = `${dirs.map((d) => path.basename(d)).join(' + ')}: ${weights.trainedOn}`;
  const out = parsed.values.out ?? DEFAULT_OUT;
  fs.writeFileSync(out, JSON.stringify(weights, null, 1) + '\n');
  const counts = Object.entries(weights.elements).map(([id, e]) => `${id} ${Object.keys(e.weights).length}`).join(', ');
  process.stderr.write(`train: ${notes.length} notes, ${((Date.now() - started) / 1000).toFixed(0)} s; weights per element: ${counts}\n`);
  process.stdout.write(`${path.relative(process.cwd(), out)}: ${(fs.statSync(out).size / 1024).toFixed(0)} KB\n`);
  return 0;
}

process.exitCode = main(process.argv.slice(2));
