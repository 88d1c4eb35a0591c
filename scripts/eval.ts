/**
 * npm run eval -- <dir> [--json] [--details]
 * Reads <dir>/*.note and <dir>/labels.json and prints per-element accuracy.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { evaluate, type LabelRecord } from '../src/eval/evaluate';

function main(argv: string[]): number {
  const json = argv.includes('--json');
  const details = argv.includes('--details');
  const dir = argv.find((a) => !a.startsWith('--'));
  if (!dir) {
    process.stderr.write('usage: npm run eval -- <dir> [--json] [--details]\n');
    return 2;
  }
  let labels: LabelRecord[];
  try {
    labels = JSON.parse(fs.readFileSync(path.join(dir, 'labels.json'), 'utf8'));
  } catch (error) {
    process.stderr.write(`eval: cannot read ${path.join(dir, 'labels.json')}: ${(error as Error).message}\n`);
    return 2;
  }
  const notes = labels.flatMap((record) => {
    const file = path.join(dir, record.file);
    if (!fs.existsSync(file)) {
      process.stderr.write(`eval: ${record.file} is labelled but missing; skipped\n`);
      return [];
    }
    return [{ file: record.file, text: fs.readFileSync(file, 'utf8'), labels: record }];
  });
  const result = evaluate(notes);
  if (json) {
    process.stdout.write(JSON.stringify({ notes: notes.length, elements: result.elements, ...(details ? { details: result.notes } : {}) }, null, 2) + '\n');
    return 0;
  }
  const rows = Object.entries(result.elements).map(([id, s]) => [
    id, String(s.tp), String(s.fp), String(s.fn), s.precision.toFixed(2), s.recall.toFixed(2), s.f1.toFixed(2),
    s.evidenceChecked ? `${s.evidenceOverlap}/${s.evidenceChecked}` : '-',
  ]);
  const header = ['element', 'tp', 'fp', 'fn', 'precision', 'recall', 'F1', 'evidence overlap'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join('  ');
  process.stdout.write(`${notes.length} notes in ${dir}\n${line(header)}\n${rows.map(line).join('\n')}\n`);
  if (details) {
    for (const n of result.notes.filter((o) => o.outcome === 'fp' || o.outcome === 'fn')) {
      process.stdout.write(`\n${n.outcome.toUpperCase()} ${n.element} ${n.file}\n`);
      for (const f of n.found) process.stdout.write(`  found: ${f.slice(0, 300)}\n`);
      for (const l of n.labelled) process.stdout.write(`  label: ${l.slice(0, 300)}\n`);
    }
  }
  return 0;
}

process.exitCode = main(process.argv.slice(2));
