/**
 * npm run eval -- <dir>... [--folds <k>] [--seed <n>] [--json] [--details]
 *
 * Reads each <dir>/*.note with <dir>/labels.json and prints per-element accuracy.
 * Without --folds: the engine as it is, scored on all the notes given (a fixed set).
 * With --folds k: k-fold cross-validation over the notes of all dirs together,
 * stratified by element, with a fixed seed; everything learned from labels is fitted
 * on the training folds only. Prints per element the mean over folds and the worst fold.
 * --rules-only: the pack's patterns without its learned scorer (for comparison).
 * --split study|heldout: only the notes of that half of every folder (odd- or even-numbered files,
 * see splitOf): study the misses of one half, and score the other as a check nobody tuned on.
 */
import { parseArgs } from 'node:util';
import { readLabelledDirsForCli, splitOf, SPLITS, type Split } from '../src/eval/corpus';
import { crossValidate, type CrossValidation } from '../src/eval/crossValidate';
import { evaluate, type ElementScore, type NoteOutcome } from '../src/eval/evaluate';
import { defaultPack, type RulePack } from '../src/engine';
import { trainWeights } from '../src/learn/train';

const USAGE = 'usage: npm run eval -- <dir>... [--folds <k>] [--seed <n>] [--rules-only] [--split study|heldout] [--json] [--details]\n';
const DEFAULT_SEED = 13;

function main(argv: string[]): number {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        folds: { type: 'string' },
        seed: { type: 'string' },
        json: { type: 'boolean', default: false },
        details: { type: 'boolean', default: false },
        'rules-only': { type: 'boolean', default: false },
        split: { type: 'string' },
        help: { type: 'boolean', short: 'h', default: false },
      },
    });
  } catch (error) {
    process.stderr.write(`eval: ${(error as Error).message}\n${USAGE}`);
    return 2;
  }
  const { values, positionals: dirs } = parsed;
  if (values.help) {
    process.stdout.write(USAGE);
    return 0;
  }
  if (dirs.length === 0) {
    process.stderr.write(USAGE);
    return 2;
  }
  const folds = values.folds === undefined ? undefined : Number(values.folds);
  const seed = values.seed === undefined ? DEFAULT_SEED : Number(values.seed);
  if (folds !== undefined && (!Number.isInteger(folds) || folds < 2)) {
    process.stderr.write(`eval: --folds must be an integer of at least 2, not ${values.folds}\n`);
    return 2;
  }
  if (!Number.isInteger(seed)) {
    process.stderr.write(`eval: --seed must be an integer, not ${values.seed}\n`);
    return 2;
  }
  const split = values.split as Split | undefined;
  if (split !== undefined && !SPLITS.includes(split)) {
    process.stderr.write(`eval: --split must be one of ${SPLITS.join(', ')}, not ${values.split}\n`);
    return 2;
  }
  const read = readLabelledDirsForCli(dirs, 'eval');
  if (!read) return 2;
  const notes = split ? read.filter((n) => splitOf(n.file) === split) : read;
  const where = dirs.join(' + ') + (split ? ` (${split} half)` : '');
  const rulesOnly: RulePack = { ...defaultPack, learned: undefined };
  if (folds === undefined) {
    // A fixed set: the shipped pack as it is (if these notes were trained on, a tuning figure).
    const result = evaluate(notes.map((n) => ({ file: n.id, text: n.text, labels: n.labels })), values['rules-only'] ? rulesOnly : undefined);
    if (values.json) {
      const out = { notes: notes.length, elements: result.elements, ...(values.details ? { details: result.notes } : {}) };
      process.stdout.write(JSON.stringify(out, null, 2) + '\n');
      return 0;
    }
    process.stdout.write(`${notes.length} notes in ${where}\n${fixedTable(result.elements)}\n`);
    if (values.details) printDetails(result.notes);
    return 0;
  }
  if (notes.length < folds) {
    process.stderr.write(`eval: ${folds} folds need at least ${folds} notes; ${where} has ${notes.length}\n`);
    return 2;
  }
  const started = Date.now();
  const cv = crossValidate(notes, {
    folds,
    seed,
    // What the pack learned from labels (its scorer's weights and cut-offs) is learned again from the training folds.
    fit: values['rules-only'] || !defaultPack.learned ? () => rulesOnly : (training) => ({ ...defaultPack, learned: trainWeights(training, rulesOnly) }),
    onFold: (fold) => process.stderr.write(`eval: fold ${fold + 1}/${folds} scored (${((Date.now() - started) / 1000).toFixed(0)} s)\n`),
  });
  if (values.json) {
    const { outcomes, ...rest } = cv;
    process.stdout.write(JSON.stringify({ dirs, ...rest, ...(values.details ? { details: outcomes } : {}) }, null, 2) + '\n');
    return 0;
  }
  process.stdout.write(`${notes.length} notes in ${where}: ${folds}-fold cross-validation, seed ${seed}\n${foldsTable(cv)}\n`);
  if (values.details) printDetails(cv.outcomes);
  return 0;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

function fixedTable(elements: Record<string, ElementScore>): string {
  const rows = Object.entries(elements).map(([id, s]) => [
    id, String(s.tp), String(s.fp), String(s.fn), s.precision.toFixed(2), s.recall.toFixed(2), s.f1.toFixed(2),
    s.evidenceChecked ? `${s.evidenceOverlap}/${s.evidenceChecked}` : '-',
  ]);
  return table(['element', 'tp', 'fp', 'fn', 'precision', 'recall', 'F1', 'evidence overlap'], rows);
}

function foldsTable(cv: CrossValidation): string {
  const rows = Object.entries(cv.elements).map(([id, e]) => [
    id,
    e.mean.precision.toFixed(2), e.mean.recall.toFixed(2), e.mean.f1.toFixed(2),
    e.worst.precision.toFixed(2), e.worst.recall.toFixed(2), e.worst.f1.toFixed(2),
    Math.min(...e.folds.map((s) => s.precision)).toFixed(2),
    e.evidenceChecked ? `${e.evidenceOverlap}/${e.evidenceChecked}` : '-',
  ]);
  const header = ['element', 'P mean', 'R mean', 'F1 mean', 'P worst', 'R worst', 'F1 worst', 'lowest P', 'evidence overlap'];
  return `${table(header, rows)}\n(mean over folds; "worst" is the fold with the lowest F1; "lowest P" the lowest precision of any fold)`;
}

function printDetails(outcomes: readonly (NoteOutcome & { fold?: number })[]): void {
  for (const n of outcomes.filter((o) => o.outcome === 'fp' || o.outcome === 'fn')) {
    const fold = n.fold === undefined ? '' : ` (fold ${n.fold + 1})`;
    process.stdout.write(`\n${n.outcome.toUpperCase()} ${n.element} ${n.file}${fold}\n`);
    for (const f of n.found) process.stdout.write(`  found: ${f.slice(0, 300)}\n`);
    for (const l of n.labelled) process.stdout.write(`  label: ${l.slice(0, 300)}\n`);
  }
}

process.exitCode = main(process.argv.slice(2));
