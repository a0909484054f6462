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

/** Once, after the first file: bin/cached-load.js keeps V8's code cache of this bundle (see there); absent when not run from the bundle. */
function saveCodeCache(): void {
  const key = Symbol.for('jobtarget.saveCodeCache');
  const save = (globalThis as Record<symbol, unknown>)[key];
  if (typeof save === 'function') {
    delete (globalThis as Record<symbol, unknown>)[key];
    save();
  }
}

if (parentPort) {
  const port = parentPort;
  port.on('message', (task: WorkerTask) => {
    void checkFile(task.file, task.fullPath, task.settings).then(({ report, read }) => {
      const bytes = task.wantBytes && read?.buffer ? new Uint8Array(read.buffer) : undefined;
      port.postMessage({ id: task.id, report, bytes, sha256: read?.sha256, hiddenSheets: read?.hiddenSheets });
      saveCodeCache();
    });
  });
}
