/** `healing-notes summary <folder>`: the share of notes that document each element and skill. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseJobs } from '../batch';
import { loadSetup, packsOf } from '../config';
import { describeError, UsageError } from '../files';
import { formatSummaryCsv } from '../formatters/csv';
import { writeSummaryHtml } from '../formatters/html';
import { writeSummaryJson } from '../formatters/json';
import { formatSummaryText } from '../formatters/text';
import { isTable, noteInputs, TABLE_HELP, TABLE_OPTIONS } from '../inputs';
import { cwdOf, formatOf, parse, useColor, VERSION, type CliIO, type Concurrency } from '../io';
import { progress } from '../progress';
import { mergeSummaries, SummaryBuilder, type Summary } from '../summary';
import { andThen, problemExitCode, runNotes, withCleanup } from './notes';
import { closeQuietly, openOutput, type Output } from './output';

export const SUMMARY_FORMATS = ['text', 'json', 'csv', 'html'] as const;
type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

export const SUMMARY_HELP = `Usage: healing-notes summary [options] <folders|files|globs>...
       healing-notes summary --input-format jsonl|csv [options] [<table>|-]
       healing-notes summary --merge [options] <summary.json>...

For each skill and each element (rule), the share of notes that document it,
with counts. Shows no note text.

Options:
  --format <f>          text (default), json, csv or html (one self-contained file with a bar chart per skill)
${TABLE_HELP}  --anonymize           hide file names too (notes are listed as "Note 01", "Note 02", ...)
  --profile <id>        note type profile (default: auto, read from each note)
  --rules <pack>        use this rule-pack file for every note instead of each note's nearest
                        .healingnotes.json (from the note's folder up to this one)
  --no-config           ignore every .healingnotes.json (the built-in rules only)
  -j, --jobs <n>        notes analysed at once, each in a worker thread (default: one per core; 1: no worker)
  --merge               add up summary JSON files (of shards of the notes, made with the same rules)
                        instead of reading notes; the per-note tables are left out
                        (a table's summary has none either: 'check --format jsonl' gives each note's statuses)
  -o, --output <file>   write the report to a file (e.g. report.html) instead of standard output
  -q, --quiet           no progress line
  --no-color            no colour
  -h, --help            show this help

Exit codes: 0 report written, 2 usage or input error,
3 report written, but some table rows could not be read as notes and were skipped.
`;

export function summary(args: readonly string[], io: CliIO, concurrency: Concurrency = { workers: false }): number | Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    ...TABLE_OPTIONS,
    anonymize: { type: 'boolean' },
    profile: { type: 'string' },
    rules: { type: 'string' },
    'no-config': { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
    merge: { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(SUMMARY_HELP);
    return 0;
  }
  const format = formatOf(values.format, SUMMARY_FORMATS, 'text');
  const requestedJobs = parseJobs(values.jobs);
  const cwd = cwdOf(io);
  const color = values.output === undefined && useColor(io, values['no-color']);

  if (values.merge) {
    if ([values.profile, values.rules, values.jobs, values['input-format'], values['text-field'], values['id-field']].some((v) => v !== undefined)) {
      throw new UsageError('--merge adds up summary JSON files: --profile, --rules, --jobs and the table options do not apply');
    }
    if (positionals.length === 0) throw new UsageError("'summary --merge' needs summary JSON files (from 'healing-notes summary --format json')");
    // One file at a time: a shard's per-note table can be large, and only its counts are added up.
    const merged = mergeSummaries((function* () {
      for (const file of positionals) yield readSummaryJson(file, cwd);
    })());
    if (typeof merged === 'string') throw new UsageError(merged);
    if (values.anonymize) merged.anonymized = true;
    const output = openOutput(io, values.output);
    return withCleanup(
      () => {
        writeSummary(merged, format, output, color);
        output.close();
        return 0;
      },
      () => closeQuietly(output),
    );
  }

  if (positionals.length === 0 && values['input-format'] === undefined) throw new UsageError("'summary' needs a folder of notes (try 'healing-notes summary --help')");
  const inputs = noteInputs(values, positionals, io, 'summary');
  const setup = loadSetup({ cwd, noConfig: values['no-config'], rules: values.rules, profile: values.profile, notes: inputs.files, warn: (line) => io.stderr(`healing-notes: ${line}\n`) });
  const bar = progress(io, inputs.total, 'Checking notes', !values.quiet);
  const output = openOutput(io, values.output);
  return withCleanup(
    () => {
      // Counts only, plus the per-note table (statuses, compact) for the formats that show it; not for a
      // table, whose rows may be millions: memory stays flat, and `check --format jsonl` has each note.
      const keepNotes = (format === 'json' || format === 'html') && !isTable(inputs);
      const builder = new SummaryBuilder(packsOf(setup), { anonymize: Boolean(values.anonymize), keepNotes });
      const run = runNotes(inputs, setup, io, {
        jobs: concurrency.workers ? inputs.jobs(requestedJobs) : 1,
        needs: 'statuses',
        bar,
        onReport: (report) => builder.add(report),
      });
      return andThen(run, (counts) => {
        writeSummary(builder.summary(), format, output, color);
        output.close();
        return problemExitCode(io, counts) ?? 0;
      });
    },
    () => closeQuietly(output),
  );
}

export function writeSummary(data: Summary, format: SummaryFormat, output: Output, color: boolean): void {
  const write = (text: string) => output.write(text);
  switch (format) {
    case 'json':
      return writeSummaryJson(data, write);
    case 'csv':
      return write(formatSummaryCsv(data));
    case 'html':
      return writeSummaryHtml(data, { version: VERSION }, write);
    default:
      return write(formatSummaryText(data, { color }));
  }
}

/** A `summary --format json` file, checked enough that adding it up cannot go wrong silently. */
function readSummaryJson(file: string, cwd: string): Summary {
  let value: unknown;
  try {
    value = JSON.parse(fs.readFileSync(path.resolve(cwd, file), 'utf8'));
  } catch (error) {
    throw new UsageError(error instanceof SyntaxError ? `'${file}' is not JSON` : `cannot read '${file}': ${describeError(error)}`);
  }
  const isCount = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0;
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  const ok =
    isObject(value) &&
    value.tool === 'healing-notes' &&
    isCount(value.notes) &&
    isCount(value.skipped) &&
    (value.merged === undefined || isCount(value.merged)) &&
    isObject(value.profiles) &&
    Object.values(value.profiles).every(isCount) &&
    (value.packs === undefined || (isObject(value.packs) && Object.values(value.packs).every(isCount))) &&
    Array.isArray(value.skills) &&
    value.skills.every(
      (skill: unknown) =>
        isObject(skill) &&
        typeof skill.skill === 'string' &&
        isCount(skill.documented) &&
        Array.isArray(skill.rules) &&
        skill.rules.every(
          (rule: unknown) =>
            isObject(rule) &&
            ['id', 'title', 'skill', 'behavior', 'level'].every((k) => typeof rule[k] === 'string') &&
            ['documented', 'weak', 'missing', 'notExpected'].every((k) => isCount(rule[k])),
        ),
    );
  if (!ok) throw new UsageError(`'${file}' is not a summary JSON file (from 'healing-notes summary --format json')`);
  return { ...(value as unknown as Summary), files: [] };
}
