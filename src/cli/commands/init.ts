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
  // Healing Notes settings for this folder (JSON with comments): changes to the built-in rules.
  // Read by 'healing-notes check' and 'summary' run here, and by the VS Code extension.
  // Documentation: ./node_modules/healing-notes/docs/cli.md and docs/customizing.md
  "$schema": "${SCHEMA_REFERENCE}",

  // The note type profile for notes without a "Visit type:" line (listed by 'healing-notes rules'):
  // "profile": "urgent",

  // Rules by id (list them with 'npx healing-notes rules'); a severity is
  // "error", "warning", "information", "hint" or "off".
  "rules": {
    // Report a missing shared decision as information rather than a warning:
    // "authority.permission": "information",

    // Turn a rule off:
    // "explain.hopes": "off"
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
