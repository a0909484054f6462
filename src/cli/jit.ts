/**
 * How V8 compiles the checker. A check is short: most of the code it runs is compiled as it goes,
 * and on the 243-file batch of `npm run bench` TurboFan's optimising compiles (on V8's helper threads)
 * took about as much CPU as the checking itself, mostly spent inlining callees into the large reading
 * functions. Each worker is a fresh V8 isolate that compiles everything again. So:
 * - no TurboFan inlining: the compiles are far cheaper and the code hardly slower (batch 0.8× the
 *   wall time; a lone 10,000-세부사업 plan 0.9×, the example unchanged);
 * - in workers, optimising only after about four times V8's interrupt budget: fewer compiles that a
 *   worker's files do not pay back (243 files 0.91×, 2,430 files 0.93×, two 10,000 plans 0.97×).
 * Measured in pairs against V8's defaults on Node 20 (V8 11). Other V8 versions keep their defaults:
 * V8 writes an error line for a flag it does not know, and the gain was measured on this one only.
 *
 * V8 flags are process-wide and a code cache is only accepted under the flags it was made with
 * (bin/cached-load.js), so they are set after start-up, just before checking:
 * - in the main thread, for a file checked there: the main bundle's cache is loaded under V8's
 *   defaults, so they are put back before it is made (Node's own modules loaded before are unaffected;
 *   set at start-up, the flag made the example's check slower, as they lost their code cache);
 * - in a worker, by the worker, after Node's start-up in it and before it loads the checker: the
 *   workers' cache has a name of its own (WORKER_CACHE_KIND), and a batch does not make the main
 *   thread's (the batch's main thread never runs the checker, and a lone `check` was about 10% slower
 *   from such a cache). Flags set by one worker while another starts only make that start slower.
 *
 * JOBTARGET_V8_DEFAULTS=1 keeps V8's defaults (to measure the difference).
 */
import * as v8 from 'v8';
import { beforeCodeCacheSave, skipCodeCache } from './code-cache';

const TUNED_V8_MAJOR = 11;

/** The main thread's flag, and how V8's default is put back. */
export const MAIN_THREAD_V8_FLAGS = { tuned: '--no-turbo-inlining', defaults: '--turbo-inlining' } as const;
export const WORKER_V8_FLAGS = '--no-turbo-inlining --interrupt-budget=262144';

/** The name a worker's code cache is kept under, by the flags it was made with. */
export const WORKER_CACHE_KIND = { tuned: 'worker-tuned', default: 'worker' } as const;

type SetFlags = (flags: string) => void;

/** Whether the flags are set: on the V8 they were measured in, unless JOBTARGET_V8_DEFAULTS=1. */
export function tunesCompiler(env: NodeJS.ProcessEnv = process.env, v8Version: string = process.versions.v8): boolean {
  return env.JOBTARGET_V8_DEFAULTS !== '1' && Number(v8Version.split('.')[0]) === TUNED_V8_MAJOR;
}

/** Before a file is checked in the main thread (setting it again changes nothing). */
export function tuneCompilerForMainThread(env: NodeJS.ProcessEnv = process.env, setFlags: SetFlags = v8.setFlagsFromString): boolean {
  if (!tunesCompiler(env)) return false;
  setFlags(MAIN_THREAD_V8_FLAGS.tuned);
  beforeCodeCacheSave(() => setFlags(MAIN_THREAD_V8_FLAGS.defaults));
  return true;
}

/**
 * Before a worker starts: the kind of code cache it is to use, and the flags it sets itself once Node's
 * start-up in it is done (bin/cached-worker.js), so that start-up keeps Node's own code cache (set
 * before, a worker took about 20 ms longer to start). A batch's main thread makes no code cache.
 */
export function tuneCompilerForWorkers(env: NodeJS.ProcessEnv = process.env): { cacheKind: string; v8Flags?: string } {
  if (!tunesCompiler(env)) return { cacheKind: WORKER_CACHE_KIND.default };
  skipCodeCache();
  return { cacheKind: WORKER_CACHE_KIND.tuned, v8Flags: WORKER_V8_FLAGS };
}
