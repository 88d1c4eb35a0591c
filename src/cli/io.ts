/** What commands read and write, so tests can run them in-process. */
import * as fs from 'node:fs';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './files';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** stdout is a terminal: colour is used (unless --no-color or NO_COLOR). */
  isTTY: boolean;
  /** stderr is a terminal: long runs show a progress line there. */
  stderrIsTTY?: boolean;
  /** Standard input, for `-`. */
  readStdin?: () => Buffer;
  /** Folder that relative paths and `.healingnotes.json` are found in; default process.cwd(). */
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Milliseconds clock, for the progress line. */
  now?: () => number;
}

export const processIO: CliIO = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  isTTY: Boolean(process.stdout.isTTY),
  stderrIsTTY: Boolean(process.stderr.isTTY),
  readStdin: () => fs.readFileSync(0),
  env: process.env,
};

declare const __VERSION__: string | undefined;
export const VERSION = typeof __VERSION__ === 'string' ? __VERSION__ : '0.0.0-dev';

export function cwdOf(io: CliIO): string {
  return io.cwd ?? process.cwd();
}

export function useColor(io: CliIO, noColor: boolean | undefined): boolean {
  const env = io.env ?? {};
  return io.isTTY && !noColor && !(env.NO_COLOR !== undefined && env.NO_COLOR !== '') && env.TERM !== 'dumb';
}

/** node:util parseArgs with its errors turned into one-line usage errors. */
export function parse<T extends NonNullable<ParseArgsConfig['options']>>(args: readonly string[], options: T) {
  try {
    return parseArgs({ args: [...args], options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new UsageError(message.replace(/\. To specify a positional argument.*$/, '').replace(/^Unknown option/, 'unknown option'));
  }
}

/** Checks a `--format` value against the formats a command has. */
export function formatOf<F extends string>(value: string | undefined, allowed: readonly F[], fallback: F): F {
  const format = (value ?? fallback) as F;
  if (!allowed.includes(format)) throw new UsageError(`unknown format '${format}' (allowed: ${allowed.join(', ')})`);
  return format;
}
