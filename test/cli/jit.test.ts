/** cli/jit.ts: the V8 flag a batch's workers run under. */
import { spawnSync } from 'child_process';
import { WORKER_CACHE_KIND, WORKER_V8_FLAG, knowsWorkerFlag, tuneCompilerForWorkers } from '../../src/cli/jit';

it('is set for workers unless JOBTARGET_TURBO_INLINING=1, and names the cache by it', () => {
  const set: string[] = [];
  expect(tuneCompilerForWorkers({}, (f) => set.push(f))).toBe(knowsWorkerFlag() ? WORKER_CACHE_KIND.tuned : WORKER_CACHE_KIND.default);
  expect(set).toEqual(knowsWorkerFlag() ? [WORKER_V8_FLAG] : []);
  set.length = 0;
  expect(tuneCompilerForWorkers({ JOBTARGET_TURBO_INLINING: '1' }, (f) => set.push(f))).toBe(WORKER_CACHE_KIND.default);
  expect(set).toEqual([]);
});

it('is only set in the V8 versions it was checked in', () => {
  expect(knowsWorkerFlag('11.3.244.8-node.33')).toBe(true);
  expect(knowsWorkerFlag('13.6.233.10-node.18')).toBe(true);
  expect(knowsWorkerFlag('10.2.154.26-node.26')).toBe(false);
  expect(knowsWorkerFlag('14.0.1')).toBe(false);
  expect(knowsWorkerFlag('not a version')).toBe(false);
});

it('this Node knows the flag: V8 writes nothing to the terminal for it (an unknown flag gets an error line)', () => {
  expect(knowsWorkerFlag()).toBe(true); // CI's Node: a Node outside the checked versions must be checked again
  const set = (flag: string) => spawnSync(process.execPath, ['-e', `require('v8').setFlagsFromString(${JSON.stringify(flag)})`], { encoding: 'utf8' });
  expect(set('--no-such-v8-flag-for-jobtarget').stderr).toMatch(/flag/); // the probe can fail
  const r = set(WORKER_V8_FLAG);
  expect(r.status).toBe(0);
  expect(r.stderr).toBe('');
});
