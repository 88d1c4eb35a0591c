/** `healing-notes summary <folder>`: the share of notes that document each element and skill. */
import { loadSetup } from '../config';
import { resolveInputs, UsageError } from '../files';
import { formatSummaryCsv } from '../formatters/csv';
import { formatSummaryHtml } from '../formatters/html';
import { formatSummaryJson } from '../formatters/json';
import { formatSummaryText } from '../formatters/text';
import { cwdOf, formatOf, parse, useColor, VERSION, type CliIO } from '../io';
import { summarize } from '../summary';
import { analyseNotes, problemExitCode, reportProblems } from './notes';
import { writeOutput } from './output';

export const SUMMARY_FORMATS = ['text', 'json', 'csv', 'html'] as const;

export const SUMMARY_HELP = `Usage: healing-notes summary [options] <folders|files|globs>...

For each skill and each element (rule), the share of notes that document it,
with counts. Shows no note text.

Options:
  --format <f>          text (default), json, csv or html (one self-contained file with a bar chart per skill)
  --anonymize           hide file names too (notes are listed as "Note 01", "Note 02", ...)
  --profile <id>        note type profile (default: auto, read from each note)
  --rules <pack>        use this rule-pack file instead of .healingnotes.json (layered on the built-in rules)
  --no-config           ignore .healingnotes.json in this folder
  -o, --output <file>   write the report to a file (e.g. report.html) instead of standard output
  -q, --quiet           no progress line
  --no-color            no colour
  -h, --help            show this help

Exit codes: 0 report written, 2 usage or input error.
`;

export function summary(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    anonymize: { type: 'boolean' },
    profile: { type: 'string' },
    rules: { type: 'string' },
    'no-config': { type: 'boolean' },
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
  if (positionals.length === 0) throw new UsageError("'summary' needs a folder of notes (try 'healing-notes summary --help')");

  const cwd = cwdOf(io);
  const setup = loadSetup({ cwd, noConfig: values['no-config'], rules: values.rules, profile: values.profile });
  const notes = analyseNotes(resolveInputs(positionals, cwd), setup, io, { progress: !values.quiet });
  reportProblems(io, notes, setup.warnings);

  const data = summarize(notes.reports, setup.pack, { anonymize: Boolean(values.anonymize) });
  let output: string;
  switch (format) {
    case 'json':
      output = formatSummaryJson(data);
      break;
    case 'csv':
      output = formatSummaryCsv(data);
      break;
    case 'html':
      output = formatSummaryHtml(data, { version: VERSION });
      break;
    default:
      output = formatSummaryText(data, { color: values.output === undefined && useColor(io, values['no-color']) });
  }
  writeOutput(io, output, values.output);
  return problemExitCode(io, notes) ?? 0;
}
