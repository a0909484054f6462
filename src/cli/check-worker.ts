/**
 * A worker thread of the batch pool (pool.ts): checks the files it is sent, one at a time and in order,
 * and posts each report back. A file that exhausts this thread's memory or time ends the thread, not the batch.
 */
import { parentPort } from 'worker_threads';
import { checkFile, type CheckSettings } from './check-file';
import { saveCodeCacheNow } from './code-cache';

export interface WorkerTask {
  id: number;
  file: string;
  fullPath: string;
  /** Language, rule severities, --quiet. */
  settings: CheckSettings;
  /** Send the file's bytes back (for an annotated copy). */
  wantBytes: boolean;
}

if (parentPort) {
  const port = parentPort;
  // The pool may send the next file before this one is done (pool.ts): files are checked one at a time, in order.
  let queue: Promise<void> = Promise.resolve();
  port.on('message', (task: WorkerTask) => {
    queue = queue.then(() =>
      checkFile(task.file, task.fullPath, task.settings).then(({ report, read }) => {
        const bytes = task.wantBytes && read?.buffer ? new Uint8Array(read.buffer) : undefined;
        // After the first file (its functions are then compiled), before the result is posted: the pool
        // may end this worker as soon as it has it, and a worker is ended, not exited.
        saveCodeCacheNow();
        port.postMessage({ id: task.id, report, bytes });
      }),
    ).catch((e: unknown) => {
      // Never expected (checkFile reports every failure): end this worker so the pool reports the file.
      process.nextTick(() => {
        throw e;
      });
    });
  });
}
