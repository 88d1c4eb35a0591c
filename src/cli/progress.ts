/**
 * A progress line on stderr for long runs, only when stderr is a terminal:
 * it appears after a moment (or at once for many notes), updates in place,
 * and is erased before the results print.
 */
import type { CliIO } from './io';

const SHOW_AFTER_MS = 500;
const SHOW_AT_ONCE_FROM = 200;
const UPDATE_EVERY_MS = 100;

export interface Progress {
  tick(done: number): void;
  /** Erases the line before something else is written to the terminal; the next tick draws it again. */
  clear(): void;
  done(): void;
}

const SILENT: Progress = { tick() {}, clear() {}, done() {} };

/** `total`: the notes in the run, or undefined when not known ahead (a table read as a stream): then a count only. */
export function progress(io: CliIO, total: number | undefined, label: string, enabled: boolean): Progress {
  if (!enabled || !io.stderrIsTTY || (total !== undefined && total < 2)) return SILENT;
  const now = io.now ?? Date.now;
  const started = now();
  let shown = false;
  let drawn = false;
  let last = 0;
  return {
    tick(done) {
      const t = now();
      if (!shown && (total === undefined || total < SHOW_AT_ONCE_FROM) && t - started < SHOW_AFTER_MS) return;
      if (shown && t - last < UPDATE_EVERY_MS && (total === undefined || done < total)) return;
      shown = true;
      drawn = true;
      last = t;
      if (total === undefined) {
        io.stderr(`\r\x1b[K${label} ${done}`);
        return;
      }
      const width = String(total).length;
      io.stderr(`\r\x1b[K${label} ${String(done).padStart(width)}/${total} (${Math.floor((done / total) * 100)}%)`);
    },
    clear() {
      if (drawn) io.stderr('\r\x1b[K');
      drawn = false;
    },
    done() {
      if (drawn) io.stderr('\r\x1b[K');
      drawn = false;
    },
  };
}
