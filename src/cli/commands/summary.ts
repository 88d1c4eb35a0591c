/** `healing-notes summary <folder>`: the share of notes that document each element and skill. */
import { jobsFor, parseJobs } from '../batch';
import { loadSetup } from '../config';
import { resolveInputs, UsageError } from '../files';
import { formatSummaryCsv } from '../formatters/csv';
import { writeSummaryHtml } from '../formatters/html';
import { writeSummaryJson } from '../formatters/json';
import { formatSummaryText } from '../formatters/text';
import { cwdOf, formatOf, parse, useColor, VERSION, type CliIO, type RunMode } from '../io';
import { progress } from '../progress';
import { SummaryBuilder, type Summary } from '../summary';
import { andThen, problemExitCode, runNotes, withCleanup } from './notes';
import { closeQuietly, openOutput, type Output } from './output';

export const SUMMARY_FORMATS = ['text', 'json', 'csv', 'html'] as const;
type SummaryFormat = (typeof SUMMARY_FORMATS)[number];

export const SUMMARY_HELP = `Usage: healing-notes summary [options] <folders|files|globs>...

For each skill and each element (rule), the share of notes that document it,
with counts. Shows no note text.

Options:
  --format <f>          text (default), json, csv or html (one self-contained file with a bar chart per skill)
  --anonymize           hide file names too (notes are listed as "Note 01", "Note 02", ...)
  --profile <id>        note type profile (default: auto, read from each note)
  --rules <pack>        use this rule-pack file instead of .healingnotes.json (layered on the built-in rules)
  --no-config           ignore .healingnotes.json in this folder
  -j, --jobs <n>        notes analysed at once, each in a worker thread (default: one per core; 1: no worker)
  -o, --output <file>   write the report to a file (e.g. report.html) instead of standard output
  -q, --quiet           no progress line
  --no-color            no colour
  -h, --help            show this help

Exit codes: 0 report written, 2 usage or input error.
`;

export function summary(args: readonly string[], io: CliIO, mode: RunMode = { workers: false }): number | Promise<number> {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    anonymize: { type: 'boolean' },
    profile: { type: 'string' },
    rules: { type: 'string' },
    'no-config': { type: 'boolean' },
    jobs: { type: 'string', short: 'j' },
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

  if (positionals.length === 0) throw new UsageError("'summary' needs a folder of notes (try 'healing-notes summary --help')");
  const setup = loadSetup({ cwd, noConfig: values['no-config'], rules: values.rules, profile: values.profile });
  const sources = resolveInputs(positionals, cwd);
  const bar = progress(io, sources.length, 'Checking notes', !values.quiet);
  const output = openOutput(io, values.output);
  return withCleanup(
    () => {
      // Counts only, plus the per-note table (statuses, compact) for the formats that show it.
      const builder = new SummaryBuilder(setup.pack, { anonymize: Boolean(values.anonymize), keepNotes: format === 'json' || format === 'html' });
      const run = runNotes(sources, setup, io, {
        jobs: mode.workers ? jobsFor(requestedJobs, sources) : 1,
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

function writeSummary(data: Summary, format: SummaryFormat, output: Output, color: boolean): void {
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
