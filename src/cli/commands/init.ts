/** `healing-notes init`: writes a starter .healingnotes.json, never over an existing one. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE, SCHEMA_REFERENCE } from '../config';
import { describeError, UsageError } from '../files';
import { cwdOf, parse, type CliIO } from '../io';

export const INIT_HELP = `Usage: healing-notes init

Writes a starter ${CONFIG_FILE} in this folder. An existing one is never overwritten.
`;

export const STARTER_CONFIG = `{
  // Settings for healing-notes in this folder. JSON with comments.
  // Documentation: ./node_modules/healing-notes/docs/cli.md
  "$schema": "${SCHEMA_REFERENCE}",

  // Note type profile: "auto" reads each note's "Visit type:" line.
  // Others: default, new-patient, follow-up, telehealth, urgent, inpatient, brief.
  "profile": "auto",

  // Per-rule severity: error, warning, information, hint, or off.
  // List the rules with: npx healing-notes rules
  "rules": {
    // Report a missing statement of the patient's hopes as a warning, not an error:
    // "explain.hopes": "warning",

    // Turn a rule off:
    // "committed.thankful": "off"
  }
}
`;

export function init(args: readonly string[], io: CliIO): number {
  const { values, positionals } = parse(args, { help: { type: 'boolean', short: 'h' } });
  if (values.help) {
    io.stdout(INIT_HELP);
    return 0;
  }
  if (positionals.length > 0) throw new UsageError(`'init' takes no arguments (got '${positionals[0]}')`);
  const file = path.join(cwdOf(io), CONFIG_FILE);
  try {
    fs.writeFileSync(file, STARTER_CONFIG, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException)?.code === 'EEXIST') {
      throw new UsageError(`${CONFIG_FILE} already exists; not overwritten (edit it, or delete it and run 'healing-notes init' again)`);
    }
    throw new UsageError(`cannot write ${CONFIG_FILE}: ${describeError(error)}`);
  }
  io.stdout(`Wrote ${CONFIG_FILE}\n`);
  return 0;
}
