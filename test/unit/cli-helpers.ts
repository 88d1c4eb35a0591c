/** Runs the CLI in-process and makes temporary folders of generated notes. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli, runCliAsync, type CliIO } from '../../src/cli/main';

export interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

export function run(args: string[], io: Partial<CliIO> = {}): Run {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, {
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    stderrIsTTY: false,
    env: {},
    ...io,
  });
  return { code, stdout, stderr };
}

/** Runs the CLI in-process as the bin does (worker threads, streams); `writes` counts the writes to stdout. */
export async function runAsync(args: string[], io: Partial<CliIO> = {}): Promise<Run & { writes: number }> {
  let stdout = '';
  let stderr = '';
  let writes = 0;
  const code = await runCliAsync(args, {
    stdout: (t) => {
      stdout += t;
      writes++;
    },
    stderr: (t) => (stderr += t),
    isTTY: false,
    stderrIsTTY: false,
    env: {},
    ...io,
  });
  return { code, stdout, stderr, writes };
}

/** A marker that must never reach any output: it stands for protected note text. */
export const SECRET = 'Zanzibar-Quokka-7731';

/** Notes that document a plan and notes that do not, each carrying the secret marker in its body. */
export const NOTES = {
  withPlan: `HPI: ${SECRET} has had a cough for 3 days.\nASSESSMENT: Bronchitis.\nPLAN: Start albuterol as needed. Follow up in 1 week.\n`,
  noPlan: `HPI: ${SECRET} has had a cough for 3 days.\nASSESSMENT: Viral bronchitis.\nPLAN: ***\n`,
};

export function tempDir(prefix = 'hn-cli-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function writeNotes(dir: string, notes: Record<string, string | Buffer>): void {
  for (const [name, text] of Object.entries(notes)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
}

export const REPO_ROOT = path.resolve(__dirname, '../../..');
