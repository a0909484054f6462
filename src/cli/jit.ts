/**
 * How V8 compiles the checker in a batch's worker threads. Each worker is a fresh V8 isolate that
 * compiles the reader and the engine again. On the 243-file batch of `npm run bench`, TurboFan's
 * optimising compiles (on V8's helper threads) took about as much CPU as the checking itself, mostly
 * spent inlining callees into the large reading functions, and most of the compiled code served a
 * few files only. So, in workers:
 * - no inlining: the compiles are far cheaper and the code hardly slower (batch: 0.8× the wall time);
 * - optimising after twice V8's default interrupt budget: fewer functions are compiled that would not
 *   have paid back (another 0.91×; 2,430 files 0.93×, two 10,000-세부사업 files 0.97×).
 * Measured in pairs against V8's defaults on Node 20 (V8 11); other V8 versions keep their defaults
 * (V8 writes an error line for a flag it does not know, and the gain was measured on this one only).
 *
 * V8 flags are process-wide and a code cache is only accepted under the flags it was made with
 * (bin/cached-load.js). So the flags are set just before a worker starts, and the workers' cache is
 * kept under a name of its own (WORKER_CACHE_KIND). The main thread's cache, loaded under the defaults,
 * is not written by a batch: made then it would not fit the next run's flags, and made from a batch's
 * main thread (which never runs the checker) it would leave a lone `check` about 10% slower. A lone
 * file checked in the main thread keeps V8's defaults: there the flags made the check slower (Node's
 * own modules loaded after them lose their code cache too).
 *
 * JOBTARGET_V8_DEFAULTS=1 keeps V8's defaults (to measure the difference).
 */
import * as v8 from 'v8';
import { skipCodeCache } from './code-cache';

/** The flags, and the V8 versions they were measured in. */
export const WORKER_V8_FLAGS = ['--no-turbo-inlining', '--interrupt-budget=262144'] as const;
const KNOWN_V8_MAJORS = { from: 11, to: 11 };

/** Whether this V8 is one the flags were measured in. */
export function knowsWorkerFlag(v8Version: string = process.versions.v8): boolean {
  const major = Number(v8Version.split('.')[0]);
  return major >= KNOWN_V8_MAJORS.from && major <= KNOWN_V8_MAJORS.to;
}

/** The name a worker's code cache is kept under, by the flags it was made with. */
export const WORKER_CACHE_KIND = { tuned: 'worker-tuned', default: 'worker' } as const;

/**
 * Sets WORKER_V8_FLAGS before a worker starts (setting them again changes nothing); returns the kind of
 * code cache the worker is to use.
 */
export function tuneCompilerForWorkers(env: NodeJS.ProcessEnv = process.env, setFlags: (flags: string) => void = v8.setFlagsFromString): string {
  if (env.JOBTARGET_V8_DEFAULTS === '1' || !knowsWorkerFlag()) return WORKER_CACHE_KIND.default;
  skipCodeCache();
  setFlags(WORKER_V8_FLAGS.join(' '));
  return WORKER_CACHE_KIND.tuned;
}
