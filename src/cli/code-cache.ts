/**
 * The hook bin/cached-load.js leaves when it has no usable V8 code cache for the bundle it ran (absent
 * when not run from the bundle, or when the cache was accepted). Unless told otherwise, the cache is
 * written at exit and holds every function the run compiled.
 */
interface CodeCacheHook {
  save(): void;
  skip(): void;
  /** Run just before the cache is made. */
  beforeSave?: () => void;
}

const KEY = Symbol.for('jobtarget.codeCache');

function takeHook(): CodeCacheHook | undefined {
  const hook = (globalThis as Record<symbol, CodeCacheHook | undefined>)[KEY];
  delete (globalThis as Record<symbol, unknown>)[KEY];
  return hook;
}

/** Writes the cache now, with the functions compiled so far. */
export function saveCodeCacheNow(): void {
  takeHook()?.save();
}

/** Writes no cache in this run: what it compiled would serve the next runs badly. */
export function skipCodeCache(): void {
  takeHook()?.skip();
}

/** Runs `prepare` just before the cache is made, if one is to be made (it is at exit, unless saved or skipped before). */
export function beforeCodeCacheSave(prepare: () => void): void {
  const hook = (globalThis as Record<symbol, CodeCacheHook | undefined>)[KEY];
  if (hook) hook.beforeSave = prepare;
}
