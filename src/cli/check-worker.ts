/**
 * A worker thread of the batch pool (pool.ts): checks the files it is sent, one at a time, and posts
 * each report back. A file that exhausts this thread's memory or time ends the thread, not the batch.
 */
import { parentPort } from 'worker_threads';
import { checkFile, type CheckSettings } from './check-file';

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
  port.on('message', (task: WorkerTask) => {
    void checkFile(task.file, task.fullPath, task.settings).then(({ report, read }) => {
      const bytes = task.wantBytes && read?.buffer ? new Uint8Array(read.buffer) : undefined;
      port.postMessage({ id: task.id, report, bytes, sha256: read?.sha256, hiddenSheets: read?.hiddenSheets });
    });
  });
}
