import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeError, UsageError } from '../files';
import { cwdOf, type CliIO } from '../io';

/** Where a streamed report goes, piece by piece: stdout, or `--output <file>` (opened at once, so a bad path fails before the run). */
export interface Output {
  write(text: string): void;
  close(): void;
  /** Writes to the terminal (where a progress line may be). */
  readonly toTerminal: boolean;
}

export function openOutput(io: CliIO, output: string | undefined): Output {
  if (output === undefined || output === '-') {
    return {
      write: (text) => {
        if (text) io.stdout(text);
      },
      close: () => {},
      toTerminal: io.isTTY,
    };
  }
  let fd: number | undefined;
  const fail = (error: unknown) => new UsageError(`cannot write '${output}': ${describeError(error)}`);
  try {
    fd = fs.openSync(path.resolve(cwdOf(io), output), 'w');
  } catch (error) {
    throw fail(error);
  }
  return {
    write: (text) => {
      if (!text || fd === undefined) return;
      try {
        const bytes = Buffer.from(text);
        for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done);
      } catch (error) {
        throw fail(error);
      }
    },
    close: () => {
      if (fd === undefined) return;
      const open = fd;
      fd = undefined;
      try {
        fs.closeSync(open);
      } catch (error) {
        throw fail(error);
      }
    },
    toTerminal: false,
  };
}

/** Closes the output after a failed run: the run's own error is the one reported. */
export function closeQuietly(output: Output): void {
  try {
    output.close();
  } catch {
    // already failing
  }
}
