/** cli/jit.ts: the V8 flags checks run under. */
import { spawnSync } from 'child_process';
import { MAIN_THREAD_V8_FLAGS, WORKER_CACHE_KIND, WORKER_V8_FLAGS, tuneCompilerForMainThread, tuneCompilerForWorkers, tunesCompiler } from '../../src/cli/jit';

const KEY = Symbol.for('jobtarget.codeCache');
type Hook = { save(): void; skip(): void; beforeSave?: () => void };
const g = globalThis as unknown as Record<symbol, Hook | undefined>;

afterEach(() => {
  delete g[KEY];
});

it('workers: the flags are named unless JOBTARGET_V8_DEFAULTS=1 (a worker sets them itself), the cache named by them, and the main thread makes none', () => {
  const hook = { save: jest.fn(), skip: jest.fn() };
  g[KEY] = hook;
  expect(tuneCompilerForWorkers({})).toEqual({ cacheKind: WORKER_CACHE_KIND.tuned, v8Flags: WORKER_V8_FLAGS });
  expect(hook.skip).toHaveBeenCalledTimes(1);
  expect(hook.save).not.toHaveBeenCalled();
  g[KEY] = hook;
  expect(tuneCompilerForWorkers({ JOBTARGET_V8_DEFAULTS: '1' })).toEqual({ cacheKind: WORKER_CACHE_KIND.default });
  expect(hook.skip).toHaveBeenCalledTimes(1);
});

it("the main thread: its flag is set, and V8's default put back just before the code cache is made", () => {
  const set: string[] = [];
  const hook: Hook = { save: () => hook.beforeSave?.(), skip: jest.fn() };
  g[KEY] = hook;
  expect(tuneCompilerForMainThread({}, (f) => set.push(f))).toBe(true);
  expect(set).toEqual([MAIN_THREAD_V8_FLAGS.tuned]);
  hook.save();
  expect(set).toEqual([MAIN_THREAD_V8_FLAGS.tuned, MAIN_THREAD_V8_FLAGS.defaults]);
  // Without a cache to make (none is due, or not run from the bundle), only the flag.
  delete g[KEY];
  expect(tuneCompilerForMainThread({}, (f) => set.push(f))).toBe(true);
  expect(set).toHaveLength(3);
  expect(tuneCompilerForMainThread({ JOBTARGET_V8_DEFAULTS: '1' }, (f) => set.push(f))).toBe(false);
  expect(set).toHaveLength(3);
});

it('only on the V8 the flags were measured in', () => {
  expect(tunesCompiler({}, '11.3.244.8-node.33')).toBe(true);
  expect(tunesCompiler({ JOBTARGET_V8_DEFAULTS: '1' }, '11.3.244.8-node.33')).toBe(false);
  expect(tunesCompiler({}, '10.2.154.26-node.26')).toBe(false);
  expect(tunesCompiler({}, '12.4.254.21-node.33')).toBe(false); // Node 22: not measured there
  expect(tunesCompiler({}, 'not a version')).toBe(false);
});

it("this Node's V8 is the one measured, and knows every flag: nothing written to the terminal (an unknown flag gets an error line)", () => {
  expect(tunesCompiler({})).toBe(true); // CI's Node: another Node must be measured before it is added
  const set = (flags: string) => spawnSync(process.execPath, ['-e', `require('v8').setFlagsFromString(${JSON.stringify(flags)})`], { encoding: 'utf8' });
  expect(set('--no-such-v8-flag-for-jobtarget').stderr).toMatch(/flag/); // the probe can fail
  for (const flags of [WORKER_V8_FLAGS, MAIN_THREAD_V8_FLAGS.tuned, MAIN_THREAD_V8_FLAGS.defaults]) {
    const r = set(flags);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  }
});
