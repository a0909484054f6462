/**
 * The hook bin/cached-load.js leaves when it has no usable V8 code cache for the bundle it ran (absent
 * when not run from the bundle, or when the cache was accepted). Unless told otherwise, the cache is
 * written at exit and holds every function the run compiled.
 */
interface CodeCacheHook {
  save(): void;
  skip(): void;
}

function takeHook(): CodeCacheHook | undefined {
  const key = Symbol.for('jobtarget.codeCache');
  const hook = (globalThis as Record<symbol, CodeCacheHook | undefined>)[key];
  delete (globalThis as Record<symbol, unknown>)[key];
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
