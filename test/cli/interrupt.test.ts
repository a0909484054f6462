/**
 * An interrupted run (Ctrl-C, kill) undoes what it has under way before the signal ends it: temporary
 * files of outputs not yet in place are removed, registered clean-ups (the progress bar) run.
 */
import { EventEmitter } from 'events';
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { pendingTemporaryFiles, trackTemporaryFile, writeOutputFile } from '../../src/adapters/output';
import { installInterruptHandlers, onInterrupt } from '../../src/cli/interrupt';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jobtarget-interrupt-'));
});
afterEach(async () => {
  jest.restoreAllMocks();
  await fs.rm(tmp, { recursive: true, force: true });
});

class FakeProcess extends EventEmitter {
  pid = 4242;
  killed: [number, string][] = [];
  kill(pid: number, signal: string) {
    this.killed.push([pid, signal]);
  }
}

it('on SIGINT the clean-ups run, temporary files under way are removed, and the signal is raised again', async () => {
  const proc = new FakeProcess();
  installInterruptHandlers(proc);
  const temp = path.join(tmp, '.plan.검증.xlsx.1.abc.tmp');
  await fs.writeFile(temp, 'half a copy');
  trackTemporaryFile(temp);
  const ran: string[] = [];
  onInterrupt(() => ran.push('bar stopped'));
  const forgotten = onInterrupt(() => ran.push('never'));
  forgotten();
  proc.emit('SIGINT');
  expect(ran).toEqual(['bar stopped']);
  expect(existsSync(temp)).toBe(false);
  expect(pendingTemporaryFiles()).toEqual([]);
  expect(proc.killed).toEqual([[4242, 'SIGINT']]);
});

it('SIGTERM and SIGHUP are handled the same way', () => {
  const proc = new FakeProcess();
  installInterruptHandlers(proc);
  proc.emit('SIGTERM');
  proc.emit('SIGHUP');
  expect(proc.killed).toEqual([
    [4242, 'SIGTERM'],
    [4242, 'SIGHUP'],
  ]);
});

it('writeOutputFile keeps its temporary file registered until it is in place, then forgets it', async () => {
  const seen: string[][] = [];
  const link = fs.link.bind(fs);
  jest.spyOn(fs, 'link').mockImplementation(async (from, to) => {
    seen.push(pendingTemporaryFiles());
    return link(from, to);
  });
  const out = path.join(tmp, 'plan.검증.xlsx');
  await writeOutputFile(out, Buffer.from('copy'));
  expect(seen).toHaveLength(1);
  expect(seen[0]).toHaveLength(1);
  expect(path.dirname(seen[0][0])).toBe(tmp);
  expect(path.basename(seen[0][0])).toMatch(/^\.plan\.검증\.xlsx\..*\.tmp$/);
  expect(pendingTemporaryFiles()).toEqual([]);
  expect(await fs.readdir(tmp)).toEqual(['plan.검증.xlsx']);
});
