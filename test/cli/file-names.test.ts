/** A file whose name is not valid UTF-8 (bytes from another encoding) is named as such, not as "not found". */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { run } from './run';

const EXAMPLE = path.join(__dirname, '../fixtures/example.xlsx');
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jt-names-'));
  await fs.mkdir(path.join(tmp, 'd'));
  // "plan" + 0xFF + ".xlsx": a name Linux stores as bytes, which Node decodes with U+FFFD.
  const raw = Buffer.concat([Buffer.from(path.join(tmp, 'd', 'plan')), Buffer.from([0xff]), Buffer.from('.xlsx')]);
  await fs.writeFile(raw, await fs.readFile(EXAMPLE));
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

it('in a folder: listed as not read, with the reason and what to do', async () => {
  const r = await run(['check', 'd', '--format', 'json'], { cwd: tmp });
  const report = JSON.parse(r.out);
  expect(report.files).toHaveLength(1);
  expect(report.files[0].file).toBe(path.join('d', 'plan\uFFFD.xlsx'));
  expect(report.files[0].error).toContain('파일 이름이 UTF-8이 아니어서');
  expect(report.files[0].error).not.toContain('찾을 수 없습니다');
});

it('named on the command line: the same reason, exit 2', async () => {
  const r = await run(['check', path.join('d', 'plan\uFFFD.xlsx'), '--format', 'json', '--lang', 'en'], { cwd: tmp });
  expect(r.code).toBe(2);
  expect(JSON.parse(r.out).files[0].error).toMatch(/^the file name is not valid UTF-8/);
});
