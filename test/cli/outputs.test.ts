/**
 * Outputs of `check --annotate` never touch an input and never collide (#15): temporary file +
 * rename, refusal by inode (hard and symbolic links), symbolic links at the output never followed,
 * existing copies kept unless --force, same-named inputs both kept, failed copies make the file not ok.
 */
import ExcelJS from 'exceljs';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { RESULTS_SHEET } from '../../src/adapters/xlsx/read';
import { OutputExistsError, OutputIsInputError, writeOutputFile } from '../../src/adapters/output';
import { writeFailure } from '../../src/cli/check';
import { run } from './run';

const FIXTURES = path.join(__dirname, '../fixtures');
const EXAMPLE = path.join(FIXTURES, 'example.xlsx');
const BLANK = path.join(FIXTURES, 'blank-2027.xlsx');
const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jobtarget-out-'));
  await fs.mkdir(path.join(tmp, 'in'));
  await fs.mkdir(path.join(tmp, 'out'));
  await fs.copyFile(EXAMPLE, path.join(tmp, 'in', 'plan.xlsx'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** Entries of a folder other than our temporary files' leftovers (there must be none). */
const entries = async (dir: string) => (await fs.readdir(dir)).sort();

async function resultsFileLine(file: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const rs = wb.getWorksheet(RESULTS_SHEET)!;
  const lines: string[] = [];
  rs.eachRow((row) => lines.push(String(row.getCell(1).value) + '\t' + String(row.getCell(2).value)));
  return lines.find((l) => l.startsWith('파일\t')) ?? '';
}

describe('check --annotate: outputs', () => {
  it('a hard link of the input at the output path is refused, even with --force; the input is unchanged', async () => {
    const input = path.join(tmp, 'in', 'plan.xlsx');
    await fs.link(input, path.join(tmp, 'out', 'plan.검증.xlsx'));
    const before = await sha(input);
    for (const extra of [[], ['--force']]) {
      const r = await run(['check', 'in/plan.xlsx', '--annotate', 'out', '--format', 'json', ...extra], { cwd: tmp });
      expect(r.code).toBe(2);
      expect(r.err).toContain('입력 파일이거나 입력 파일로 이어져 쓰지 않았습니다');
      const j = JSON.parse(r.out);
      expect(j.files[0].ok).toBe(false);
      expect(j.files[0].error).toBeNull();
      expect(j.files[0].annotateError).toContain('out/plan.검증.xlsx');
      expect(j.files[0].findings.length).toBeGreaterThan(0);
      expect(await sha(input)).toBe(before);
      expect((await fs.stat(input)).nlink).toBe(2);
      expect(await entries(path.join(tmp, 'out'))).toEqual(['plan.검증.xlsx']);
    }
  });

  it('a symbolic link at the output path is never followed: kept without --force, replaced (as a link) with it', async () => {
    const victim = path.join(tmp, 'victim.txt');
    await fs.writeFile(victim, 'precious');
    const out = path.join(tmp, 'out', 'plan.검증.xlsx');
    await fs.symlink('../victim.txt', out);
    const r = await run(['check', 'in/plan.xlsx', '--annotate', 'out'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.err).toContain('검증 사본이 이미 있어 그대로 두었습니다');
    expect(r.err).toContain('--force');
    expect((await fs.lstat(out)).isSymbolicLink()).toBe(true);
    expect(await fs.readFile(victim, 'utf8')).toBe('precious');

    const forced = await run(['check', 'in/plan.xlsx', '--annotate', 'out', '--force'], { cwd: tmp });
    expect(forced.code).toBe(1);
    expect(await fs.readFile(victim, 'utf8')).toBe('precious');
    expect((await fs.lstat(out)).isFile()).toBe(true);
    expect((await fs.readFile(out)).subarray(0, 2).toString()).toBe('PK');
    expect(await entries(path.join(tmp, 'out'))).toEqual(['plan.검증.xlsx']);
  });

  it('a symbolic link to the input at the output path is refused; so is an output folder that is the input folder through a link', async () => {
    const input = path.join(tmp, 'in', 'plan.xlsx');
    const before = await sha(input);
    await fs.symlink(input, path.join(tmp, 'out', 'plan.검증.xlsx'));
    const r = await run(['check', 'in/plan.xlsx', '--annotate', 'out', '--force'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.err).toContain('입력 파일');
    expect(await sha(input)).toBe(before);

    // An input named like a copy, in a folder reached through a link.
    await fs.copyFile(BLANK, path.join(tmp, 'in', 'x.검증.xlsx'));
    await fs.copyFile(EXAMPLE, path.join(tmp, 'in', 'x.xlsx'));
    await fs.symlink(path.join(tmp, 'in'), path.join(tmp, 'alias'));
    const copyBefore = await sha(path.join(tmp, 'in', 'x.검증.xlsx'));
    const r2 = await run(['check', 'in/x.xlsx', 'in/x.검증.xlsx', '--annotate', 'alias', '--force', '--format', 'json'], { cwd: tmp });
    expect(r2.code).toBe(2);
    expect(await sha(path.join(tmp, 'in', 'x.검증.xlsx'))).toBe(copyBefore);
    expect(JSON.parse(r2.out).files[0].ok).toBe(false);
  });

  it('an existing copy is kept unless --force; a second run with --force replaces it', async () => {
    const first = await run(['check', 'in/plan.xlsx', '--annotate', 'out'], { cwd: tmp });
    expect(first.code).toBe(1);
    const out = path.join(tmp, 'out', 'plan.검증.xlsx');
    await fs.writeFile(out, 'edited by the reviewer');
    const second = await run(['check', 'in/plan.xlsx', '--annotate', 'out'], { cwd: tmp });
    expect(second.code).toBe(2);
    expect(second.err).toContain('덮어쓰려면 --force');
    expect(await fs.readFile(out, 'utf8')).toBe('edited by the reviewer');
    const third = await run(['check', 'in/plan.xlsx', '--annotate', 'out', '--force'], { cwd: tmp });
    expect(third.code).toBe(1);
    expect((await fs.readFile(out)).subarray(0, 2).toString()).toBe('PK');
    expect(await entries(path.join(tmp, 'out'))).toEqual(['plan.검증.xlsx']);
  });

  it('same-named inputs from different folders both survive, each 검증결과 naming its source path', async () => {
    await fs.mkdir(path.join(tmp, 'in', 'b'));
    await fs.copyFile(BLANK, path.join(tmp, 'in', 'b', 'plan.xlsx'));
    const r = await run(['check', 'in/plan.xlsx', 'in/b/plan.xlsx', '--annotate', 'out', '--format', 'json'], { cwd: tmp });
    expect(r.code).toBe(1);
    expect(await entries(path.join(tmp, 'out'))).toEqual(['plan (2).검증.xlsx', 'plan.검증.xlsx']);
    expect(await resultsFileLine(path.join(tmp, 'out', 'plan.검증.xlsx'))).toBe(`파일\t${path.join('in', 'plan.xlsx')}`);
    expect(await resultsFileLine(path.join(tmp, 'out', 'plan (2).검증.xlsx'))).toBe(`파일\t${path.join('in', 'b', 'plan.xlsx')}`);
  });

  it('a copy that cannot be written makes its file not ok in the JSON (exit 2)', async () => {
    // The output folder is a file: nothing can be written there.
    await fs.writeFile(path.join(tmp, 'blocked'), 'not a folder');
    const r = await run(['check', 'in/plan.xlsx', '--annotate', 'blocked', '--format', 'json'], { cwd: tmp });
    expect(r.code).toBe(2);
    const j = JSON.parse(r.out);
    expect(j.files[0].ok).toBe(false);
    expect(j.files[0].annotateError).toContain('검증 사본을 쓰지 못했습니다');
    // Said in the user's terms: the folder is a file. Not Node's "EEXIST: file already exists, mkdir '…'".
    expect(j.files[0].annotateError).toContain('--annotate blocked이(가) 폴더가 아니라 파일입니다');
    expect(r.err).not.toMatch(/EEXIST|mkdir|\.tmp/);
    const under = await run(['check', 'in/plan.xlsx', '--annotate', 'blocked/sub', '--lang', 'en'], { cwd: tmp });
    expect(under.err).toContain('a part of --annotate blocked/sub is a file, not a folder');
    expect(under.err).not.toMatch(/ENOTDIR|mkdir/);
  });

  it('a folder that cannot be written is said so, never with the system call and our temporary file name', () => {
    const fail = (code: string) => Object.assign(new Error(`${code}: permission denied, open '/out/.plan.검증.xlsx.123.abcdef.tmp'`), { code });
    expect(writeFailure(fail('EACCES'), 'out', 'ko')).toBe('폴더에 쓸 권한이 없습니다 — 권한을 확인하거나 다른 폴더를 주세요 (no permission to write in the folder: check its permissions or give another folder)');
    expect(writeFailure(fail('EROFS'), 'out', 'en')).toBe('read-only file system: give another folder (읽기 전용 파일 시스템입니다 — 다른 폴더를 주세요)');
    expect(writeFailure(fail('ENOSPC'), 'out', 'ko')).toContain('디스크 공간이 부족합니다');
    for (const code of ['EACCES', 'EPERM', 'EROFS', 'ENOSPC', 'EEXIST', 'ENOTDIR', 'EIO']) expect(writeFailure(fail(code), 'out', 'ko')).not.toContain('.tmp');
  });

  it('an empty folder with --format json still prints a valid JSON report', async () => {
    await fs.mkdir(path.join(tmp, 'empty'));
    const r = await run(['check', 'empty', '--format', 'json'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out)).toEqual({ version: 1, lang: 'ko', files: [], summary: { files: 0, error: 0, warning: 0, info: 0, unreadable: 0, accepted: 0, notRead: 0, lockFiles: 0, withErrors: 0, withWarnings: 0, clean: 0, empty: 0 } });
  });
});

describe('check -o FILE: the report never replaces an input', () => {
  it('-o naming an input (as given, through a folder, a hard or a symbolic link) is refused before anything is written; the input is unchanged', async () => {
    const input = path.join(tmp, 'in', 'plan.xlsx');
    const before = await sha(input);
    await fs.link(input, path.join(tmp, 'hard.txt'));
    await fs.symlink(input, path.join(tmp, 'soft.txt'));
    for (const args of [
      ['in/plan.xlsx', '-o', 'in/plan.xlsx'],
      ['in', '-o', 'in/plan.xlsx', '--format', 'json'],
      ['in/plan.xlsx', '-o', 'hard.txt'],
      ['in/plan.xlsx', '-o', 'soft.txt', '--format', 'csv'],
    ]) {
      const r = await run(['check', ...args], { cwd: tmp });
      expect(r.code).toBe(2);
      expect(r.err).toContain('보고서 파일(-o)이 검사할 파일입니다');
      expect(r.out).toBe('');
      expect(await sha(input)).toBe(before);
    }
    expect((await fs.lstat(path.join(tmp, 'soft.txt'))).isSymbolicLink()).toBe(true);
    // Any other name is written as before.
    const ok = await run(['check', 'in/plan.xlsx', '-o', 'report.txt'], { cwd: tmp });
    expect(ok.code).toBe(1);
    expect(await fs.readFile(path.join(tmp, 'report.txt'), 'utf8')).toContain('■ in/plan.xlsx');
  });
});

describe('check -o FOLDER', () => {
  it('is refused before the batch is checked, with what to give instead (it failed at the end with "(EISDIR)")', async () => {
    await fs.mkdir(path.join(tmp, 'reports'));
    for (const o of ['reports', 'reports/']) {
      const r = await run(['check', 'in/plan.xlsx', '-o', o, '--format', 'json'], { cwd: tmp });
      expect(r.code).toBe(2);
      expect(r.err).toBe('보고서 파일(-o)이 폴더입니다: reports — 파일 이름을 주세요 (예: reports/report.json) (the report file (-o) is a folder: give a file name)\n');
      expect(r.out).toBe('');
    }
    expect(await fs.readdir(path.join(tmp, 'reports'))).toEqual([]);
  });
});

describe('writeOutputFile', () => {
  it('writes through a temporary file and leaves nothing else behind; refuses inputs by inode', async () => {
    const dir = path.join(tmp, 'out');
    const file = path.join(dir, 'a.bin');
    await writeOutputFile(file, Buffer.from('one'));
    await expect(writeOutputFile(file, Buffer.from('two'))).rejects.toBeInstanceOf(OutputExistsError);
    expect(await fs.readFile(file, 'utf8')).toBe('one');
    await writeOutputFile(file, Buffer.from('two'), { force: true });
    expect(await fs.readFile(file, 'utf8')).toBe('two');
    const hard = path.join(dir, 'hard.bin');
    await fs.link(file, hard);
    await expect(writeOutputFile(hard, Buffer.from('three'), { force: true, protect: [file] })).rejects.toBeInstanceOf(OutputIsInputError);
    expect(await fs.readFile(file, 'utf8')).toBe('two');
    expect(await entries(dir)).toEqual(['a.bin', 'hard.bin']);
  });
});
