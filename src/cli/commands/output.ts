import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError, UsageError } from '../files';
import { cwdOf, type CliIO } from '../io';

/** Writes a command's output to stdout, or to `--output <file>`. */
export function writeOutput(io: CliIO, text: string, output: string | undefined): void {
  if (output === undefined || output === '-') {
    if (text) io.stdout(text);
    return;
  }
  try {
    fs.writeFileSync(path.resolve(cwdOf(io), output), text);
  } catch (error) {
    throw new UsageError(`cannot write '${output}': ${describeError(error)}`);
  }
}
