/**
 * Runs the notes of a `check` or `summary` over every core: a pool of worker
 * threads (worker.ts) reads and analyses the notes, and the main thread gets
 * each note's result in input order, through a reorder buffer bounded by a
 * window, so memory stays flat however many notes there are. The notes come
 * from a list of files or from a stream of table rows (table.ts), read only as
 * the window allows. With one job (`--jobs 1`, a small run, or the synchronous
 * `runCli`) the notes are analysed in the main thread, one after the other,
 * with no worker.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as v8 from 'node:v8';
import { Worker } from 'node:worker_threads';
import { limitUnitCache } from '../engine';
import type { Setup } from './config';
import { UsageError, type NoteSource } from './files';
import type { ReportNeeds } from './report';
import { BATCH_UNIT_CACHE_CHARS, describeInternalError, runTask, type TaskResult, type TaskSetup, type WorkerReply, type WorkerSetup, type WorkerTask } from './task';

/** Runs below either size go in-process even by default: starting workers costs more than they save. */
export const SMALL_RUN_FILES = 8;
export const SMALL_RUN_BYTES = 256 * 1024;
/** Notes sent to a worker before it answers, so that it never waits for the main thread. */
const IN_FLIGHT_PER_WORKER = 2;
/** Results held for in-order output at most (per job, and at least): a slow note holds up this many. */
const WINDOW_PER_JOB = 16;
const MIN_WINDOW = 32;
/**
 * A worker analyses note after note and keeps little (its paragraph cache and compiled regexes, some
 * 25–35 MB after a full GC). V8's defaults suit programs that allocate in bursts: semi-spaces grown to
 * 16 MB, and an old generation let grow to several times what survives, more the longer the run; RSS
 * then climbed for the first tens of thousands of notes (297 → 425 MB from 10,000 to 200,000 notes on two
 * workers). A 4 MB semi-space (the young generation is three of them) and an old generation grown by a
 * fifth over what survives each full GC keep it flat, for a few percent more time in the collector.
 */
const WORKER_YOUNG_GENERATION_MB = 12;
/** A semi-space of the workers' young generation (which holds three), from their start. */
const WORKER_SEMI_SPACE_MB = WORKER_YOUNG_GENERATION_MB / 3;

/**
 * Keeps every young generation of the process at its present size from now on. V8 otherwise grows the
 * main thread's semi-spaces eightfold over the first thousands of notes of a run (4 -> 32 MB), the only
 * memory of a long run that still grew, though with workers the main thread only reads notes and writes
 * results (with one job it analyses them too, as fast). The flag cannot size a heap that exists, only
 * stop its growth, and V8 puts it back whenever it makes a heap: so it is set once every worker has
 * answered (its heap made), and not before.
 */
function keepYoungGenerations(): void {
  v8.setFlagsFromString('--semi-space-growth-factor=1');
}
const HEAP_GROWING_PERCENT = 20;

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
  const cores = coreCount();
  if (cores <= 1 || files.length < SMALL_RUN_FILES || isSmall(files)) return 1;
  return Math.min(cores, files.length);
}

/** How many jobs a table run gets: as asked; by default one per core, and 1 for a table file under SMALL_RUN_BYTES. */
export function jobsForTable(requested: number | undefined, tableBytes: number | undefined): number {
  if (requested !== undefined) return requested;
  const cores = coreCount();
  if (cores <= 1 || (tableBytes !== undefined && tableBytes < SMALL_RUN_BYTES)) return 1;
  return cores;
}

function coreCount(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
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

/**
 * The notes of a run, in input order: a list (files), or a stream read as the
 * run goes (the rows of a table). A stream is pulled one note at a time, and
 * only while fewer than the window's worth of notes wait to be written, so the
 * input is never read far ahead of the output.
 */
export type NoteFeed = Iterable<NoteSource> | AsyncIterable<NoteSource>;

function isAsync(feed: NoteFeed): feed is AsyncIterable<NoteSource> {
  return typeof (feed as AsyncIterable<NoteSource>)[Symbol.asyncIterator] === 'function';
}

/** Analyses every note; synchronous with one job over a list, a promise with a stream or a pool of workers. */
export function runBatch(feed: NoteFeed, setup: Setup, options: BatchOptions): void | Promise<void> {
  const task: TaskSetup = {
    pack: setup.pack,
    packFile: setup.packFile,
    packOf: (file) => setup.folderPacks.get(file)?.pack ?? setup.pack,
    profile: setup.profile,
    needs: options.needs,
  };
  if (options.jobs <= 1) {
    keepYoungGenerations();
    limitUnitCache(BATCH_UNIT_CACHE_CHARS);
    const one = (source: NoteSource, index: number) => options.onResult(runTask(source, task, options.readStdin), index);
    if (isAsync(feed)) {
      return (async () => {
        let index = 0;
        for await (const source of feed) one(source, index++);
      })();
    }
    let index = 0;
    for (const source of feed) one(source, index++);
    return;
  }
  const folderPackTexts = Object.fromEntries([...setup.folderPacks].map(([file, loaded]) => [file, loaded.texts]));
  const workerSetup: WorkerSetup = { packFile: setup.packFile, packTexts: setup.packTexts, folderPackTexts, profile: setup.profile, needs: options.needs };
  const iterator = isAsync(feed) ? feed[Symbol.asyncIterator]() : feed[Symbol.iterator]();
  return runPool(iterator, task, workerSetup, options);
}

declare const __CLI_WORKER__: string | undefined;

export function defaultWorkerScript(): string {
  return path.join(__dirname, typeof __CLI_WORKER__ === 'string' ? __CLI_WORKER__ : 'worker.js');
}

interface Slot {
  worker: Worker;
  inFlight: number;
  /** The worker has answered once: its heap is made (see keepYoungGenerations). */
  answered?: boolean;
}

type NoteIterator = Iterator<NoteSource> | AsyncIterator<NoteSource>;

function runPool(notes: NoteIterator, task: TaskSetup, workerSetup: WorkerSetup, options: BatchOptions): Promise<void> {
  const window = Math.max(MIN_WINDOW, options.jobs * WINDOW_PER_JOB);
  const buffer = new Map<number, TaskResult>();
  /** The path of each note sent and not yet written: results carry this thread's string back. */
  const paths = new Map<number, string>();
  const slots: Slot[] = [];
  let nextToSend = 0;
  let nextToWrite = 0;
  /** The feed has no more notes. */
  let ended = false;
  /** A note is being read from the feed (a stream): no other read starts meanwhile. */
  let reading = false;
  let finished = false;

  return new Promise<void>((resolve, reject) => {
    const stop = (error?: unknown) => {
      if (finished) return;
      finished = true;
      buffer.clear();
      const settle = () => (error === undefined ? resolve() : reject(error));
      // A stream is closed, so that its file is closed and nothing more is read.
      const closed = notes.return ? Promise.resolve(notes.return()).catch(() => undefined) : undefined;
      Promise.all([closed, ...slots.map((s) => s.worker.terminate())]).then(settle, settle);
    };

    const freeSlot = (): Slot | undefined => {
      let slot: Slot | undefined;
      for (const s of slots) if (s.inFlight < IN_FLIGHT_PER_WORKER && (!slot || s.inFlight < slot.inFlight)) slot = s;
      return slot;
    };

    /** Sends a note read from the feed to the least busy worker (standard input is read here, in turn). */
    const take = (step: IteratorResult<NoteSource>) => {
      if (step.done) {
        ended = true;
        return;
      }
      const source = step.value;
      const index = nextToSend++;
      paths.set(index, source.path);
      if (source.file === undefined && source.text === undefined) {
        buffer.set(index, runTask(source, task, options.readStdin));
        return;
      }
      // There is a free slot: one was free when the read began, and only take() sends.
      const slot = freeSlot()!;
      slot.inFlight++;
      const message: WorkerTask = { index, path: source.path, file: source.file, text: source.text, packFile: source.packFile };
      slot.worker.postMessage(message);
    };

    /** Writes what is next in input order, then reads and sends notes while the window and the workers allow. */
    const pump = () => {
      try {
        while (!finished) {
          for (let result = buffer.get(nextToWrite); result !== undefined; result = buffer.get(nextToWrite)) {
            buffer.delete(nextToWrite);
            paths.delete(nextToWrite);
            options.onResult(result, nextToWrite++);
          }
          if (ended && nextToWrite === nextToSend) return stop();
          if (ended || reading || nextToSend >= nextToWrite + window || !freeSlot()) return;
          const step = notes.next();
          if (step instanceof Promise) {
            reading = true;
            step.then(
              (result) => {
                reading = false;
                if (finished) return;
                try {
                  take(result);
                } catch (error) {
                  return stop(error);
                }
                pump();
              },
              (error: unknown) => stop(error),
            );
            return;
          }
          take(step);
        }
      } catch (error) {
        stop(error);
      }
    };

    try {
      // Read by V8 at each full GC, in every thread of the process (the main thread keeps even less).
      v8.setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
      // Read when a worker's heap is made: its semi-spaces at their largest from the start, as they stay.
      v8.setFlagsFromString(`--min-semi-space-size=${WORKER_SEMI_SPACE_MB}`);
      for (let i = 0; i < options.jobs; i++) {
        const worker = new Worker(options.workerScript ?? defaultWorkerScript(), {
          workerData: workerSetup,
          resourceLimits: { maxYoungGenerationSizeMb: WORKER_YOUNG_GENERATION_MB },
        });
        const slot: Slot = { worker, inFlight: 0 };
        slots.push(slot);
        worker.on('message', (reply: WorkerReply) => {
          if (finished) return;
          slot.inFlight--;
          if (!slot.answered) {
            slot.answered = true;
            if (slots.length === options.jobs && slots.every((s) => s.answered)) keepYoungGenerations();
          }
          if ('internalError' in reply) return stop(new InternalError(reply.internalError));
          const { result } = reply;
          // The path as this thread holds it: output and summaries keep this one string, not a copy per note.
          if ('report' in result) result.report.path = paths.get(reply.index) ?? result.report.path;
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
