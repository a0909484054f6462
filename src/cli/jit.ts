/**
 * How V8 compiles the checker in a batch's worker threads. Each worker is a fresh V8 isolate that
 * compiles the reader and the engine again; on a 243-file batch, TurboFan's optimising compiles
 * (run on V8's helper threads) took about as much CPU as the checking itself, mostly in inlining
 * callees into the large reading functions. Without inlining the compiles are far cheaper and the
 * code is hardly slower: the batch took about 0.8× the wall time and CPU (Node 20, measured in
 * pairs against the default; see README, Speed).
 *
 * V8 flags are process-wide and a code cache is only accepted under the flags it was made with
 * (bin/cached-load.js). So the flag is set just before a worker starts, and the workers' cache is kept
 * under a name of its own (WORKER_CACHE_KIND). The main thread's cache, loaded under the defaults,
 * is not written by a batch: made now it would not fit the next run's flags, and made from a batch's
 * main thread (which never runs the checker) it would leave a lone `check` about 10% slower. A lone file checked in the main thread
 * keeps V8's defaults: there the flag made the check slower (Node's own modules loaded after it lose
 * their code cache too).
 *
 * JOBTARGET_TURBO_INLINING=1 keeps V8's default (to measure the difference).
 */
import * as v8 from 'v8';
import { skipCodeCache } from './code-cache';

/** The flag, and the V8 versions it was checked in: V8 writes an error to the terminal for a flag it does not know. */
export const WORKER_V8_FLAG = '--no-turbo-inlining';
const KNOWN_V8_MAJORS = { from: 11, to: 13 };

/** Whether this V8 is one the flag is known in. */
export function knowsWorkerFlag(v8Version: string = process.versions.v8): boolean {
  const major = Number(v8Version.split('.')[0]);
  return major >= KNOWN_V8_MAJORS.from && major <= KNOWN_V8_MAJORS.to;
}

/** The name a worker's code cache is kept under, by the flags it was made with. */
export const WORKER_CACHE_KIND = { tuned: 'worker-no-inlining', default: 'worker' } as const;

/**
 * Sets WORKER_V8_FLAG before a worker starts (setting it again changes nothing); returns the kind of
 * code cache the worker is to use.
 */
export function tuneCompilerForWorkers(env: NodeJS.ProcessEnv = process.env, setFlags: (flags: string) => void = v8.setFlagsFromString): string {
  if (env.JOBTARGET_TURBO_INLINING === '1' || !knowsWorkerFlag()) return WORKER_CACHE_KIND.default;
  skipCodeCache();
  setFlags(WORKER_V8_FLAG);
  return WORKER_CACHE_KIND.tuned;
}
