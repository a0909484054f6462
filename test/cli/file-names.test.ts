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

describe('control characters in file and folder names never reach the terminal raw', () => {
  const evil = 'a\u001b[2Jb\nforged';
  let dir: string;
  beforeAll(async () => {
    dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jt-evil-names-'));
    await fs.mkdir(path.join(dir, 'in'));
    await fs.copyFile(EXAMPLE, path.join(dir, 'in', `${evil}.xlsx`));
    await fs.mkdir(path.join(dir, 'in', `${evil} folder`));
  });
  afterAll(async () => {
    await fs.rm(dir, { recursive: true, force: true });
  });
  // eslint-disable-next-line no-control-regex
  const raw = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]|forged[^.\s]*\n/;

  it('the annotated copy line, the refusal of an existing copy, an empty folder: escaped', async () => {
    const first = await run(['check', 'in', `in/${evil} folder`, '--annotate', 'out'], { cwd: dir });
    expect(first.out).toContain('검증 사본: out/a\\x1b[2Jb\\nforged.검증.xlsx');
    expect(first.err).toContain('a\\x1b[2Jb\\nforged folder: 폴더에 검사할 파일');
    const again = await run(['check', 'in', '--annotate', 'out', '--format', 'json'], { cwd: dir });
    expect(again.code).toBe(2);
    expect(again.err).toContain('in/a\\x1b[2Jb\\nforged.xlsx: 검증 사본이 이미 있어 그대로 두었습니다: out/a\\x1b[2Jb\\nforged.검증.xlsx');
    for (const text of [first.out, first.err, again.err]) expect(text).not.toMatch(raw);
    // The JSON keeps the name as it is (JSON escapes it).
    expect(JSON.parse(again.out).files[0].annotateError).toContain(`out/${evil}.검증.xlsx`);
  });
});
