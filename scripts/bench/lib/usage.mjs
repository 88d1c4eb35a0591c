/** Prints a script's opening doc comment (its usage and options) for --help, and exits. */
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

export function printUsageAndExit(scriptUrl) {
  process.stdout.write(fs.readFileSync(fileURLToPath(scriptUrl), 'utf8').split('*/')[0].replace(/^#!.*\n\/\*\*\n/, '').replace(/^ \* ?/gm, ''));
  process.exit(0);
}
