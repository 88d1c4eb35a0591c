/** `healing-notes check <files|folders|globs|->`: findings per note. */
import { type Severity } from '../../engine';
import { loadSetup } from '../config';
import { resolveInputs, UsageError } from '../files';
import { formatCsv } from '../formatters/csv';
import { formatJson } from '../formatters/json';
import { formatSarif } from '../formatters/sarif';
import { formatText } from '../formatters/text';
import { cwdOf, formatOf, parse, useColor, VERSION, type CliIO } from '../io';
import { totalsOf, withMinSeverity } from '../report';
import { analyseNotes, problemExitCode, reportProblems } from './notes';
import { writeOutput } from './output';

export const CHECK_FORMATS = ['text', 'json', 'sarif', 'csv'] as const;
const SEVERITIES: readonly Severity[] = ['error', 'warning', 'information', 'hint'];

export const CHECK_HELP = `Usage: healing-notes check [options] <files|folders|globs|->...

Checks visit notes and prints what each misses. Folders are searched for
*.note files; '-' reads one note from standard input.

Options:
  --format <f>          text (default), json, sarif or csv
  --profile <id>        note type profile (default: auto, read from each note's "Visit type:" line)
  --rules <pack>        use this rule-pack file instead of .healingnotes.json (layered on the built-in rules)
  --min-severity <s>    leave out findings below error, warning, information or hint (default: hint)
  --no-config           ignore .healingnotes.json in this folder
  -o, --output <file>   write the report to a file instead of standard output
  -q, --quiet           no totals line and no progress line
  --no-color            no colour (colour is only used on a terminal, and never with NO_COLOR set)
  -h, --help            show this help

Exit codes: 0 no error-severity findings, 1 error-severity findings,
2 usage or input error (bad option, missing or unreadable file, no notes).
`;

export function check(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parse(args, {
    format: { type: 'string' },
    profile: { type: 'string' },
    rules: { type: 'string' },
    'min-severity': { type: 'string' },
    'no-config': { type: 'boolean' },
    output: { type: 'string', short: 'o' },
    quiet: { type: 'boolean', short: 'q' },
    'no-color': { type: 'boolean' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help) {
    io.stdout(CHECK_HELP);
    return 0;
  }
  const format = formatOf(values.format, CHECK_FORMATS, 'text');
  const minSeverity = (values['min-severity'] ?? 'hint') as Severity;
  if (!SEVERITIES.includes(minSeverity)) throw new UsageError(`unknown severity '${minSeverity}' for --min-severity (allowed: ${SEVERITIES.join(', ')})`);
  if (positionals.length === 0) throw new UsageError("'check' needs at least one file, folder, glob or '-' (try 'healing-notes check --help')");

  const cwd = cwdOf(io);
  const setup = loadSetup({ cwd, noConfig: values['no-config'], rules: values.rules, profile: values.profile });
  const sources = resolveInputs(positionals, cwd);
  const notes = analyseNotes(sources, setup, io, { progress: !values.quiet });
  reportProblems(io, notes, setup.warnings);

  const reports = withMinSeverity(notes.reports, minSeverity);
  const totals = totalsOf(reports);
  let output: string;
  switch (format) {
    case 'json':
      output = formatJson(reports, totals);
      break;
    case 'sarif':
      output = formatSarif(reports, setup.pack, {
        cwd,
        version: VERSION,
        notices: [...notes.skipped, ...notes.readErrors.map((message) => ({ message, level: 'error' as const }))],
      });
      break;
    case 'csv':
      output = formatCsv(reports);
      break;
    default:
      output = formatText(reports, totals, { color: values.output === undefined && useColor(io, values['no-color']), quiet: values.quiet });
  }
  writeOutput(io, output, values.output);
  return problemExitCode(io, notes) ?? (totals.bySeverity.error > 0 ? 1 : 0);
}
