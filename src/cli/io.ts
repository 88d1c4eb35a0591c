/** What commands read and write, so tests can run them in-process. */
import * as fs from 'node:fs';
import type { Readable } from 'node:stream';
import * as tty from 'node:tty';
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
  /** Standard input as a stream, for a table read from `-` (`--input-format jsonl|csv`); default process.stdin. */
  stdinStream?: () => Readable;
  /** Folder that relative paths and `.healingnotes.json` are found in; default process.cwd(). */
  cwd?: string;
  env?: Record<string, string | undefined>;
  /** Milliseconds clock, for the progress line. */
  now?: () => number;
  /** The worker script for `--jobs N` (tests); default the CLI's own. */
  workerScript?: string;
}

/** How a command may run: `workers` lets `check` and `summary` use worker threads (the bin, `runCliAsync`); without, all runs in-process and synchronously (`runCli`). */
export interface Concurrency {
  workers: boolean;
}

const stdoutIsTTY = tty.isatty(1);

export const processIO: CliIO = {
  // A terminal gets process.stdout; a file or pipe gets synchronous writes (see writeStdoutSync).
  stdout: (text) => (stdoutIsTTY ? process.stdout.write(text) : writeStdoutSync(text)),
  stderr: (text) => process.stderr.write(text),
  isTTY: stdoutIsTTY,
  stderrIsTTY: Boolean(process.stderr.isTTY),
  readStdin: () => fs.readFileSync(0),
  stdinStream: () => process.stdin,
  env: process.env,
};

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Writes to standard output (a file or a pipe) before returning. process.stdout
 * would queue in memory whatever a pipe cannot take at once, and a run that
 * writes as it goes would then hold its whole report there; here a full pipe
 * makes the run wait instead. A non-blocking pipe (EAGAIN) is retried after 1 ms;
 * a closed one (`healing-notes check . | head`) ends the process quietly, as
 * process.stdout's EPIPE handler does.
 */
export function writeStdoutSync(text: string): void {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length; ) {
    try {
      done += fs.writeSync(1, bytes, done);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') Atomics.wait(pause, 0, 0, 1);
      else if (code === 'EPIPE') process.exit(process.exitCode ?? 0);
      else throw new UsageError(`cannot write to standard output: ${code ?? 'error'}`);
    }
  }
}

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
