/** cli/jit.ts: the V8 flag a batch's workers run under. */
import { spawnSync } from 'child_process';
import { WORKER_CACHE_KIND, WORKER_V8_FLAGS, knowsWorkerFlag, tuneCompilerForWorkers } from '../../src/cli/jit';

it('is set for workers unless JOBTARGET_V8_DEFAULTS=1, and names the cache by it', () => {
  const set: string[] = [];
  expect(tuneCompilerForWorkers({}, (f) => set.push(f))).toBe(knowsWorkerFlag() ? WORKER_CACHE_KIND.tuned : WORKER_CACHE_KIND.default);
  expect(set).toEqual(knowsWorkerFlag() ? [WORKER_V8_FLAGS.join(' ')] : []);
  set.length = 0;
  expect(tuneCompilerForWorkers({ JOBTARGET_V8_DEFAULTS: '1' }, (f) => set.push(f))).toBe(WORKER_CACHE_KIND.default);
  expect(set).toEqual([]);
});

it('is only set in the V8 versions it was checked in', () => {
  expect(knowsWorkerFlag('11.3.244.8-node.33')).toBe(true);
  expect(knowsWorkerFlag('10.2.154.26-node.26')).toBe(false);
  expect(knowsWorkerFlag('12.4.254.21-node.33')).toBe(false); // Node 22: not measured there
  expect(knowsWorkerFlag('14.0.1')).toBe(false);
  expect(knowsWorkerFlag('not a version')).toBe(false);
});

it('this Node knows the flags: V8 writes nothing to the terminal for them (an unknown flag gets an error line)', () => {
  expect(knowsWorkerFlag()).toBe(true); // CI's Node: another Node must be measured before it is added
  const set = (flags: string) => spawnSync(process.execPath, ['-e', `require('v8').setFlagsFromString(${JSON.stringify(flags)})`], { encoding: 'utf8' });
  expect(set('--no-such-v8-flag-for-jobtarget').stderr).toMatch(/flag/); // the probe can fail
  for (const flags of [...WORKER_V8_FLAGS, WORKER_V8_FLAGS.join(' ')]) {
    const r = set(flags);
    expect(r.status).toBe(0);
    expect(r.stderr).toBe('');
  }
});
