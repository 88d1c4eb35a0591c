/**
 * Runs the notes of a `check` or `summary` over every core: a pool of worker
 * threads (worker.ts) reads and analyses the notes, and the main thread gets
 * each note's result in input order, through a reorder buffer bounded by a
 * window, so memory stays flat however many notes there are. With one job
 * (`--jobs 1`, a small run, or the synchronous `runCli`) the notes are
 * analysed in the main thread, one after the other, with no worker.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Setup } from './config';
import { UsageError, type NoteSource } from './files';
import type { ReportNeeds } from './report';
import { describeInternalError, runTask, type TaskResult, type TaskSetup, type WorkerReply, type WorkerSetup, type WorkerTask } from './task';

/** Runs below either size go in-process even by default: starting workers costs more than they save. */
export const SMALL_RUN_FILES = 8;
export const SMALL_RUN_BYTES = 256 * 1024;
/** Notes sent to a worker before it answers, so that it never waits for the main thread. */
const IN_FLIGHT_PER_WORKER = 2;
/** Results held for in-order output at most (per job, and at least): a slow note holds up this many. */
const WINDOW_PER_JOB = 16;
const MIN_WINDOW = 32;

/** An internal error of the run (a worker's, or a worker stopping): its kind and place only. */
export class InternalError extends Error {
  constructor(readonly description: string) {
    super(description);
    this.name = 'InternalError';
  }
}

/** `--jobs <n>`: a whole number from 1, or `auto` (the default). */
export function parseJobs(value: string | undefined): number | undefined {
  if (value === undefined || value === 'auto') return undefined;
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new UsageError(`invalid value '${value}' for --jobs (a whole number from 1, or auto)`);
  return Number(value);
}

/**
 * How many jobs a run gets: as asked (at most one per file); by default one per
 * core (os.availableParallelism()), at most one per file, and 1 for a small run.
 */
export function jobsFor(requested: number | undefined, sources: readonly NoteSource[]): number {
  const files = sources.filter((s) => s.file !== undefined);
  if (requested !== undefined) return Math.max(1, Math.min(requested, files.length));
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  if (cores <= 1 || files.length < SMALL_RUN_FILES || isSmall(files)) return 1;
  return Math.min(cores, files.length);
}

function isSmall(files: readonly NoteSource[]): boolean {
  let bytes = 0;
  for (const source of files) {
    try {
      bytes += fs.statSync(source.file!).size;
    } catch {
      // unreadable: the run reports it
    }
    if (bytes >= SMALL_RUN_BYTES) return false;
  }
  return true;
}

export interface BatchOptions {
  jobs: number;
  needs: ReportNeeds;
  readStdin: () => Buffer;
  /** Called once per note, in input order. */
  onResult: (result: TaskResult, index: number) => void;
  /** The worker script; default the one beside this file (dist/cli-worker.js, or worker.js when compiled by tsc). */
  workerScript?: string;
}

/** Analyses every note; synchronous with one job, a promise with a pool of workers. */
export function runBatch(sources: readonly NoteSource[], setup: Setup, options: BatchOptions): void | Promise<void> {
  const task: TaskSetup = { pack: setup.pack, profile: setup.profile, needs: options.needs };
  if (options.jobs <= 1) {
    sources.forEach((source, index) => options.onResult(runTask(source, task, options.readStdin), index));
    return;
  }
  const workerSetup: WorkerSetup = { packFile: setup.packFile, packTexts: setup.packTexts, profile: setup.profile, needs: options.needs };
  return runPool(sources, task, workerSetup, options);
}

declare const __CLI_WORKER__: string | undefined;

export function defaultWorkerScript(): string {
  return path.join(__dirname, typeof __CLI_WORKER__ === 'string' ? __CLI_WORKER__ : 'worker.js');
}

interface Slot {
  worker: Worker;
  inFlight: number;
}

function runPool(sources: readonly NoteSource[], task: TaskSetup, workerSetup: WorkerSetup, options: BatchOptions): Promise<void> {
  const total = sources.length;
  const window = Math.max(MIN_WINDOW, options.jobs * WINDOW_PER_JOB);
  const buffer = new Map<number, TaskResult>();
  const slots: Slot[] = [];
  let nextToSend = 0;
  let nextToWrite = 0;
  let finished = false;

  return new Promise<void>((resolve, reject) => {
    const stop = (error?: unknown) => {
      if (finished) return;
      finished = true;
      buffer.clear();
      const settle = () => (error === undefined ? resolve() : reject(error));
      Promise.all(slots.map((s) => s.worker.terminate())).then(settle, settle);
    };

    /** Writes what is next in input order, then sends notes while the window and the workers allow. */
    const pump = () => {
      try {
        while (!finished) {
          for (let result = buffer.get(nextToWrite); result !== undefined; result = buffer.get(nextToWrite)) {
            buffer.delete(nextToWrite);
            options.onResult(result, nextToWrite++);
          }
          if (nextToWrite === total) return stop();
          if (nextToSend >= total || nextToSend >= nextToWrite + window) return;
          const source = sources[nextToSend];
          if (source.file === undefined) {
            // Standard input is read here, in turn.
            buffer.set(nextToSend, runTask(source, task, options.readStdin));
            nextToSend++;
            continue;
          }
          let slot: Slot | undefined;
          for (const s of slots) if (s.inFlight < IN_FLIGHT_PER_WORKER && (!slot || s.inFlight < slot.inFlight)) slot = s;
          if (!slot) return;
          slot.inFlight++;
          const message: WorkerTask = { index: nextToSend, path: source.path, file: source.file };
          slot.worker.postMessage(message);
          nextToSend++;
        }
      } catch (error) {
        stop(error);
      }
    };

    try {
      for (let i = 0; i < options.jobs; i++) {
        const worker = new Worker(options.workerScript ?? defaultWorkerScript(), { workerData: workerSetup });
        const slot: Slot = { worker, inFlight: 0 };
        slots.push(slot);
        worker.on('message', (reply: WorkerReply) => {
          if (finished) return;
          slot.inFlight--;
          if ('internalError' in reply) return stop(new InternalError(reply.internalError));
          const { result } = reply;
          // The path as this thread holds it: output and summaries keep this one string, not a copy per note.
          if ('report' in result) result.report.path = sources[reply.index].path;
          buffer.set(reply.index, result);
          pump();
        });
        worker.on('error', (error) => stop(new InternalError(describeInternalError(error))));
        worker.on('exit', (code) => stop(new InternalError(`a worker stopped with exit code ${code}`)));
      }
    } catch (error) {
      stop(error);
      return;
    }
    pump();
  });
}
