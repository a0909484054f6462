/**
 * A batch on the compiled CLI (worker threads need compiled code): the same report whatever --jobs,
 * in input order; hostile inputs (FIFO, /dev/zero, damaged zips) each get their line and the batch
 * goes on; a file over its time budget or its memory cap is reported for itself, and the run ends with exit 2.
 */
import { execFileSync, spawnSync } from 'child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..', '..');
const FIXTURES = path.join(ROOT, 'test', 'fixtures');
// A build of its own, so it never races with other tests building build/.
const OUT = path.join(ROOT, '.cache', 'test-batch-build');
const MAIN = path.join(OUT, 'cli', 'main.js');

let tmp: string;
let dir: string;

beforeAll(() => {
  execFileSync(process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.cli.json', '--outDir', OUT, '--sourceMap', 'false'], { cwd: ROOT, stdio: 'pipe' });
  tmp = mkdtempSync(path.join(os.tmpdir(), 'jt-batch-'));
  dir = path.join(tmp, '제출본');
  mkdirSync(path.join(dir, 'sub'), { recursive: true });
  for (const f of readdirSync(FIXTURES).filter((x) => x.endsWith('.xlsx'))) copyFileSync(path.join(FIXTURES, f), path.join(dir, f));
  for (const f of readdirSync(path.join(FIXTURES, 'broken'))) copyFileSync(path.join(FIXTURES, 'broken', f), path.join(dir, 'sub', f));
  const ex = readFileSync(path.join(FIXTURES, 'example.xlsx'));
  writeFileSync(path.join(dir, 'sub', 'half.xlsx'), ex.subarray(0, ex.length >> 1));
  const flipped = Buffer.from(ex);
  for (let i = 400; i < 420; i++) flipped[i] ^= 0x5a;
  writeFileSync(path.join(dir, 'sub', 'flipped.xlsx'), flipped);
  execFileSync('mkfifo', [path.join(tmp, 'fifo.xlsx')]);
  symlinkSync('/dev/zero', path.join(tmp, 'zero.xlsx'));
}, 180_000);

afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function check(args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [MAIN, 'check', ...args], { cwd: tmp, encoding: 'utf8', timeout: 170_000, env: { ...process.env, ...env } });
}

const PATHS = ['제출본', 'fifo.xlsx', 'zero.xlsx'];

describe('a batch on worker threads', () => {
  it('reports the same, in input order, with --jobs 1 and --jobs 4; every bad file has its line; exit 2', () => {
    const one = check([...PATHS, '--format', 'json', '--jobs', '1']);
    const four = check([...PATHS, '--format', 'json', '--jobs', '4']);
    expect(four.stdout).toBe(one.stdout);
    expect(four.stderr).toBe(one.stderr);
    expect(one.status).toBe(2);
    expect(four.status).toBe(2);
    const files = JSON.parse(one.stdout).files as { file: string; error: string | null; sha256: string | null }[];
    const names = files.map((f) => f.file);
    expect(names.slice(-2)).toEqual(['fifo.xlsx', 'zero.xlsx']);
    expect(names).toContain(path.join('제출본', 'example.xlsx'));
    const byName = (n: string) => files.find((f) => f.file.endsWith(n))!;
    expect(byName('fifo.xlsx').error).toMatch(/일반 파일이 아닙니다/);
    expect(byName('zero.xlsx').error).toMatch(/일반 파일이 아닙니다/);
    expect(byName('half.xlsx').error).toMatch(/잘린 파일/);
    expect(byName('flipped.xlsx').error).toMatch(/^파일이 손상되었습니다|잘린/);
    expect(byName('example.xlsx').error).toBeNull();
    expect(byName('example.xlsx').sha256).toMatch(/^[0-9a-f]{64}$/);
    for (const f of files) if (f.error) expect(f.error).not.toMatch(/Cannot read|undefined|Bug :|Error:/);
  }, 180_000);

  it('text reports too are identical whatever --jobs, and when workers are replaced every 2 files', () => {
    const a = check(['제출본', '--jobs', '1']);
    const b = check(['제출본', '--jobs', '3'], { JOBTARGET_FILES_PER_WORKER: '2' });
    expect(b.stdout).toBe(a.stdout);
    expect(a.stdout).toContain('■');
  }, 180_000);

  it('a file over its time budget is reported for itself and the batch goes on', () => {
    const r = check(['제출본/example.xlsx', '제출본/blank-2027.xlsx', '--format', 'json', '--jobs', '2'], { JOBTARGET_TIME_BUDGET_MS: '1' });
    expect(r.status).toBe(2);
    const files = JSON.parse(r.stdout).files as { file: string; error: string }[];
    expect(files.map((f) => f.file)).toEqual(['제출본/example.xlsx', '제출본/blank-2027.xlsx']);
    for (const f of files) expect(f.error).toMatch(/초가 넘게 걸려 멈췄습니다/);
  }, 180_000);

  it('a worker out of memory is reported for its file (too-large), replaced, and the batch goes on', () => {
    // A 2 MB heap: each worker runs out of memory reading its file; V8 ends the worker, not the process.
    const r = check(['제출본/example.xlsx', '제출본/blank-2027.xlsx', '--format', 'json', '--jobs', '1'], { JOBTARGET_WORKER_MEMORY_MB: '2' });
    expect(r.status).toBe(2);
    const files = JSON.parse(r.stdout).files as { file: string; error: string; errorCode: string }[];
    expect(files.map((f) => [f.file, f.errorCode])).toEqual([
      ['제출본/example.xlsx', 'too-large'],
      ['제출본/blank-2027.xlsx', 'too-large'],
    ]);
    for (const f of files) expect(f.error).toContain('메모리 한도(2 MB)');
    expect(r.stderr).toContain('제출본/example.xlsx');
  }, 180_000);

  it('--jobs must be a positive integer', () => {
    const r = check(['제출본', '--jobs', '0']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--jobs/);
  });
});
