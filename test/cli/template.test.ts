import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { readXlsxFile } from '../../src/adapters/xlsx/read';
import { exampleFile } from '../../src/cli/examples';
import { readPlan } from '../../src/core/template/read';
import { run } from './run';

const EXAMPLE_FILE = exampleFile('incheon-seogu-2023');

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jobtarget-template-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});
const sha = async (file: string) => createHash('sha256').update(await fs.readFile(file)).digest('hex');

describe('jobtarget template', () => {
  it('writes the blank 2027–2030 template under its default name, with live formulas, and it checks clean', async () => {
    const r = await run(['template'], { cwd: tmp });
    expect(r.code).toBe(0);
    expect(r.out).toContain('jobtarget-template-2027-2030.xlsx');
    const file = path.join(tmp, 'jobtarget-template-2027-2030.xlsx');
    const read = await readXlsxFile(file);
    const { plan, problems } = readPlan(read.grid);
    expect(problems).toEqual([]);
    expect(plan.period).toEqual({ startYear: 2027, years: 4 });
    expect(plan.grandTotal!.target.total.formula).toBe('SUM(D4:G4)');
    const check = await run(['check', file, '--format', 'json']);
    expect(check.code).toBe(0);
  });

  it('takes the period from --start-year and --years', async () => {
    const r = await run(['template', '--start-year', '2031', '--years', '5'], { cwd: tmp });
    expect(r.code).toBe(0);
    const read = await readXlsxFile(path.join(tmp, 'jobtarget-template-2031-2035.xlsx'));
    expect(readPlan(read.grid).plan.period).toEqual({ startYear: 2031, years: 5 });
  });

  it('writes the example (its stated totals as stated) under its default name', async () => {
    const r = await run(['template', '--example'], { cwd: tmp });
    expect(r.code).toBe(0);
    const read = await readXlsxFile(path.join(tmp, EXAMPLE_FILE));
    const { plan } = readPlan(read.grid);
    expect(plan.period).toEqual({ startYear: 2023, years: 4 });
    expect(plan.grandTotal!.target.total).toMatchObject({ value: 60247, state: 'number' });
    expect(plan.grandTotal!.target.total.formula).toBeUndefined();
    expect(plan.tasks).toHaveLength(13);
  });

  it('--results YEAR adds the 성과 and 연차별 세부계획 sheets of that plan year; a year outside the period is refused', async () => {
    const r = await run(['template', '--results', '2028', '-o', 'r.xlsx'], { cwd: tmp });
    expect(r.code).toBe(0);
    const read = await readXlsxFile(path.join(tmp, 'r.xlsx'));
    const { plan, problems } = readPlan(read.grid);
    expect(problems).toEqual([]);
    expect(plan.results?.year).toBe(2028);
    expect(plan.annualPlan?.year).toBe(2028);
    expect(plan.annualPlan?.rows.length).toBeGreaterThan(0);
    const bad = await run(['template', '--results', '2031', '-o', 'x.xlsx'], { cwd: tmp });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('2027~2030');
  });

  it('writes the 세종 results example by name, and rejects an unknown name', async () => {
    const r = await run(['template', '--example', 'sejong-2024'], { cwd: tmp });
    expect(r.code).toBe(0);
    const read = await readXlsxFile(path.join(tmp, exampleFile('sejong-2024')));
    expect(read.grid.sheets.map((s) => s.name)).toContain('성과');
    const bad = await run(['template', '--example', 'busan-2099'], { cwd: tmp });
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('sejong-2024');
  });

  it('-o names the file; -o DIR puts the default name in DIR', async () => {
    expect((await run(['template', '-o', 'mine.xlsx'], { cwd: tmp })).code).toBe(0);
    await fs.mkdir(path.join(tmp, 'd'));
    expect((await run(['template', '--example', '-o', 'd'], { cwd: tmp })).code).toBe(0);
    expect((await fs.readdir(tmp)).sort()).toEqual(['d', 'mine.xlsx']);
    expect(await fs.readdir(path.join(tmp, 'd'))).toEqual([EXAMPLE_FILE]);
  });

  it('refuses to overwrite an existing file unless --force', async () => {
    const file = path.join(tmp, 'plan.xlsx');
    await fs.writeFile(file, 'precious');
    const r = await run(['template', '-o', 'plan.xlsx'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.err).toContain('파일이 이미 있습니다');
    expect(r.err).toContain('--force');
    expect(await fs.readFile(file, 'utf8')).toBe('precious');
    const before = await sha(file);
    expect((await run(['template', '-o', 'plan.xlsx', '--force'], { cwd: tmp })).code).toBe(0);
    expect(await sha(file)).not.toBe(before);
  });

  it('rejects bad periods and --example with a period (exit 2)', async () => {
    for (const args of [
      ['--years', '0'],
      ['--years', '11'],
      ['--start-year', '1999'],
      ['--start-year', 'abc'],
      ['--start-year', '2027.5'],
      ['--example', '--start-year', '2027'],
    ]) {
      const r = await run(['template', ...args], { cwd: tmp });
      expect({ args, code: r.code }).toEqual({ args, code: 2 });
      expect(r.err).not.toBe('');
    }
    expect(await fs.readdir(tmp)).toEqual([]);
  });

  it('reports a folder that does not exist as one line, exit 2', async () => {
    const r = await run(['template', '-o', 'nope/x.xlsx'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.err.trimEnd().split('\n')).toHaveLength(1);
    expect(r.err).toContain('폴더가 없습니다');
  });
});
