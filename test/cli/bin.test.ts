/** The installed command: `node bin/jobtarget.js` on the compiled build (npm run build:cli). */
import { execSync, spawnSync } from 'child_process';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readXlsxFile } from '../../src/adapters/xlsx/read';
import { validateGrid } from '../../src/core/validate';

const ROOT = path.join(__dirname, '../..');
const BIN = path.join(ROOT, 'bin', 'jobtarget.js');

let tmp: string;
beforeAll(async () => {
  execSync('npm run build:cli', { cwd: ROOT, stdio: 'pipe' });
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jobtarget-bin-'));
}, 180_000);
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

function jobtarget(args: string[]) {
  return spawnSync(process.execPath, [BIN, ...args], { cwd: tmp, encoding: 'utf8', timeout: 120_000 });
}

it('template --example -o ex.xlsx, then check ex.xlsx: the example\'s findings, exit 1', async () => {
  const t = jobtarget(['template', '--example', '-o', 'ex.xlsx']);
  expect(t.stderr).toBe('');
  expect(t.status).toBe(0);
  const c = jobtarget(['check', 'ex.xlsx', '--format', 'json']);
  expect(c.status).toBe(1);
  const j = JSON.parse(c.stdout);
  const read = await readXlsxFile(path.join(tmp, 'ex.xlsx'));
  const want = validateGrid(read.grid).findings;
  expect(j.files[0].findings.map((f: { rule: string; cell: string; expected: unknown; actual: unknown }) => [f.rule, f.cell, f.expected, f.actual])).toEqual(
    want.map((f) => [f.rule, f.cell, f.expected, f.actual]),
  );
  const text = jobtarget(['check', 'ex.xlsx']);
  expect(text.status).toBe(1);
  expect(text.stdout).toContain('■ ex.xlsx');
  expect(text.stdout).toContain('파일 1개 검사: 오류가 있는 파일 1개');
}, 120_000);

it('exit 2 and one line for a broken file; 2 for bad usage', () => {
  const r = jobtarget(['check', path.join(ROOT, 'test/fixtures/broken/truncated.xlsx')]);
  expect(r.status).toBe(2);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  expect(jobtarget(['check']).status).toBe(2);
}, 60_000);

it('says to build when the build is missing', async () => {
  const bin = path.join(tmp, 'pkg', 'bin');
  await fs.mkdir(bin, { recursive: true });
  await fs.copyFile(BIN, path.join(bin, 'jobtarget.js'));
  const r = spawnSync(process.execPath, [path.join(bin, 'jobtarget.js'), 'check', '--example'], { encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('npm run build:cli');
});
