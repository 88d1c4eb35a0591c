/**
 * A worker of `check`/`summary --jobs N` (bundled as dist/cli-worker.js):
 * rebuilds the main thread's rule pack from the texts it read, then reads and
 * analyses one note per message and sends back its report. An error sends its
 * kind and place only, never its message (it could quote the note).
 */
import { parentPort, workerData } from 'node:worker_threads';
import { limitUnitCache, type RulePack } from '../engine';
import { packFromTexts } from './config';
import { BATCH_UNIT_CACHE_CHARS, describeInternalError, runTask, type TaskSetup, type WorkerReply, type WorkerSetup, type WorkerTask } from './task';

const port = parentPort;
if (!port) throw new Error('healing-notes: cli-worker.js runs only as a worker thread of the CLI');

const data = workerData as WorkerSetup;
let setup: TaskSetup | undefined;
const noStdin = () => Buffer.alloc(0); // standard input is read by the main thread only
const folderPacks = new Map<string, RulePack>();
limitUnitCache(BATCH_UNIT_CACHE_CHARS);

/** A sub-folder's pack, rebuilt from the texts the main thread read, on its first note here. */
function packOf(packFile: string): RulePack {
  let pack = folderPacks.get(packFile);
  if (!pack) folderPacks.set(packFile, (pack = packFromTexts(packFile, data.folderPackTexts[packFile] ?? {})));
  return pack;
}

port.on('message', (task: WorkerTask) => {
  let reply: WorkerReply;
  try {
    setup ??= { pack: packFromTexts(data.packFile, data.packTexts), packFile: data.packFile, packOf, profile: data.profile, needs: data.needs };
    reply = { index: task.index, result: runTask({ path: task.path, file: task.file, text: task.text, packFile: task.packFile }, setup, noStdin) };
  } catch (error) {
    reply = { index: task.index, internalError: describeInternalError(error) };
  }
  port.postMessage(reply);
});
