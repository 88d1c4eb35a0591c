/** `healing-notes check <files|folders|globs|->`: findings per note, streamed as the notes are analysed. */
import { type Severity } from '../../engine';
import { parseJobs } from '../batch';
import { loadSetup, packsOf } from '../config';
import { UsageError } from '../files';
import { csvWriter } from '../formatters/csv';
import { jsonWriter, type ReportWriter, type Write } from '../formatters/json';
import { jsonlWriter } from '../formatters/jsonl';
import { sarifWriter, type SarifNotice } from '../formatters/sarif';
import { textWriter } from '../formatters/text';
import { isTable, noteInputs, TABLE_HELP, TABLE_OPTIONS } from '../inputs';
import { cwdOf, formatOf, parse, useColor, VERSION, type CliIO, type Concurrency } from '../io';
import { progress } from '../progress';
import { addToTotals, emptyTotals, withMinSeverity, type ReportNeeds } from '../report';
import { SummaryBuilder } from '../summary';
import { andThen, problemExitCode, runNotes, withCleanup } from './notes';
import { closeQuietly, openOutput, type Output } from './output';
import { printConfigJson } from './print-config';
import { writeSummary } from './summary';

export const CHECK_FORMATS = ['text', 'json', 'jsonl', 'sarif', 'csv'] as const;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export const CHECK_HELP = `Usage: healing-notes check [options] <files|folders|globs|->...

Checks visit notes and prints what each misses. Folders are searched for
*.note files; '-' reads one note from standard input. With --input-format
jsonl or csv, reads a table of notes (one a row) from a file or standard input.

Options:
  --format <f>          text (default), json, jsonl (one line per note), sarif or csv
${TABLE_HELP}  --summary-json <file> also write the coverage summary of the same run (as 'summary --format json')
  --profile <id>        note type profile (default: auto, read from each note's "Visit type:" line)
  --rules <pack>        use this rule-pack file for every note (layered on the built-in rules) instead of
                        each note's nearest .healingnotes.json (looked for from the note's folder up to
                        this one; notes from standard input or a table use this folder's)
  --print-config <file> print the pack that file is checked with (pack files, profiles, rules with their
                        severity and 'when') as JSON, and check nothing
  --min-severity <s>    leave out findings below error, warning, information or hint (default: hint)
  --no-config           ignore every .healingnotes.json (the built-in rules only)
  -j, --jobs <n>        notes analysed at once, each in a worker thread (default: one per core; 1: no worker)
  -o, --output <file>   write the report to a file instead of standard output
  -q, --quiet           no totals line and no progress line
  --no-color            no colour (colour is only used on a terminal, and never with NO_COLOR set)
  -h, --help            show this help

Exit codes: 0 no error-severity findings, 1 error-severity findings,
2 usage or input error (bad option, missing or unreadable file, no notes),
3 some table rows could not be read as notes and were skipped (the others were checked).
`;

export function check(args: readonly string[], io: CliIO, concurrency: Concurrency = { workers: false }): number | Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    ...TABLE_OPTIONS,
    'summary-json': { type: 'string' },
    profile: { type: 'string' },
    rules: { type: 'string' },
    'print-config': { type: 'string' },
    'min-severity': { type: 'string' },
    'no-config': { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
    output: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(CHECK_HELP);
    return 0;
  }
  if (values['print-config'] !== undefined) {
    if (positionals.length > 0) throw new UsageError('--print-config prints the pack of one file and checks nothing: leave out the notes to check');
    const config = printConfigJson(values['print-config'], { cwd: cwdOf(io), noConfig: values['no-config'], rules: values.rules, profile: values.profile });
    io.stdout(JSON.stringify(config, null, 2) + '\n');
    return 0;
  }
  const format = formatOf(values.format, CHECK_FORMATS, 'text');
  const minSeverity = (values['min-severity'] ?? 'hint') as Severity;
  if (!SEVERITIES.includes(minSeverity)) throw new UsageError(`unknown severity '${minSeverity}' for --min-severity (allowed: ${SEVERITIES.join(', ')})`);
  const requestedJobs = parseJobs(values.jobs);

  const cwd = cwdOf(io);
  const inputs = noteInputs(values, positionals, io, 'check');
  const key = isTable(inputs) ? 'id' : 'path';
  // A note in a table is no file that a SARIF viewer could open.
  if (format === 'sarif' && key === 'id') throw new UsageError('--format sarif needs files; for a table of notes use jsonl, json, csv or text');
  const setup = loadSetup({ cwd, noConfig: values['no-config'], rules: values.rules, profile: values.profile, notes: inputs.files, warn: (line) => io.stderr(`healing-notes: ${line}\n`) });
  const bar = progress(io, inputs.total, 'Checking notes', !values.quiet);
  const output = openOutput(io, values.output);
  let summaryOutput: Output | undefined;
  try {
    summaryOutput = values['summary-json'] === undefined ? undefined : openOutput(io, values['summary-json']);
  } catch (error) {
    closeQuietly(output);
    throw error;
  }
  const summary = summaryOutput && new SummaryBuilder(packsOf(setup), { anonymize: false, keepNotes: false });
  const write: Write = (text) => {
    if (output.toTerminal) bar.clear();
    output.write(text);
  };
  const color = values.output === undefined && useColor(io, values['no-color']);

  return withCleanup(
    () => {
      let writer: ReportWriter;
      let notice: ((n: SarifNotice) => void) | undefined;
      let needs: ReportNeeds = 'findings';
      switch (format) {
        case 'json':
          writer = jsonWriter(write, key);
          needs = 'full';
          break;
        case 'jsonl':
          writer = jsonlWriter(write, key);
          needs = 'full';
          break;
        case 'sarif': {
          const sarif = sarifWriter(write, packsOf(setup), { cwd, version: VERSION });
          writer = sarif;
          notice = (n) => sarif.notice(n);
          break;
        }
        case 'csv':
          writer = csvWriter(write, key);
          break;
        default:
          writer = textWriter(write, { color, quiet: values.quiet });
      }
      // The summary counts each rule's status, which the findings-only formats do not carry.
      if (summary && needs === 'findings') needs = 'full';
      const totals = emptyTotals();
      const run = runNotes(inputs, setup, io, {
        jobs: concurrency.workers ? inputs.jobs(requestedJobs) : 1,
        needs,
        bar,
        onReport(report) {
          summary?.add(report);
          const shown = withMinSeverity(report, minSeverity);
          addToTotals(totals, shown);
          writer.file(shown);
        },
        onNotice: notice,
      });
      return andThen(run, (counts) => {
        writer.end(totals);
        output.close();
        if (summary && summaryOutput) {
          writeSummary(summary.summary(), 'json', summaryOutput, false);
          summaryOutput.close();
        }
        return problemExitCode(io, counts) ?? (totals.bySeverity.error > 0 ? 1 : 0);
      });
    },
    () => {
      closeQuietly(output);
      if (summaryOutput) closeQuietly(summaryOutput);
    },
  );
}
