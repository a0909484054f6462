/**
 * `jobtarget export`: the seed plan (the 인천 서구 example, transcribed from seed 000) written to .hwpx and
 * read back gives exactly the example's findings (test/core/example-findings.test.ts lists them), each
 * located in the document: the table (number and heading), row and column.
 */
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { DOCUMENT_SHEET, readHwpxFile } from '../../src/adapters/hwpx/read';
import { parseA1 } from '../../src/core/grid/a1';
import type { GridSheet } from '../../src/core/grid/grid';
import type { Finding } from '../../src/core/rules/types';
import { validateGrid } from '../../src/core/validate';
import { run } from './run';

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jobtarget-export-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

/** The example's findings (example-findings.test.ts), without their workbook addresses. */
const EXAMPLE_FINDINGS = [
  ['area-total', 'error', 4193, 4197, 1.5],
  ['area-total', 'error', 1125, 1127, 1.5],
  ['area-total', 'error', 1047, 1049, 1.5],
  ['area-total', 'warning', 997, 996, 1.5],
  ['area-total', 'warning', 1024, 1025, 1.5],
  ['area-total', 'error', 42165, 43465, 3],
  ['area-total', 'error', 10132, 10442, 3],
  ['area-total', 'error', 10479, 10799, 3],
  ['area-total', 'error', 10678, 11008, 3],
  ['area-total', 'error', 10876, 11216, 3],
  ['area-total', 'error', 169925, 181493, 3],
  ['area-total', 'error', 41019, 43783, 3],
  ['area-total', 'error', 41819, 44668, 3],
  ['area-total', 'error', 42963, 45897, 3],
  ['area-total', 'error', 44124, 47145, 3],
  ['area-total', 'warning', 14599, 14601, 2],
  ['area-total', 'warning', 3490, 3491, 2],
  ['area-total', 'warning', 3701, 3702, 2],
  ['area-total', 'warning', 1535, 1536, 1.5],
  ['area-total', 'warning', 1572, 1573, 1.5],
  ['area-total', 'warning', 1611, 1610, 1.5],
  ['area-total', 'warning', 1649, 1648, 1.5],
  ['mixed-units', 'warning', '명', '개소, 명', null],
  ['mixed-units', 'warning', '명', '명, 개소', null],
  ['budget-excluded', 'info', 2268300, null, null],
  ['budget-without-target', 'info', null, 0, null],
];

/** Where a finding is in the document: through the grid's locate when the reader gave a grid address. */
function place(f: Finding, sheet: GridSheet): string {
  if (f.sheet !== DOCUMENT_SHEET) return `${f.sheet} ${f.cell}`;
  const { row, col } = parseA1(f.cell);
  const at = sheet.source!.locate(row, col);
  return `${at.sheet} ${at.cell}`;
}

describe('jobtarget export', () => {
  it('writes the example as a 한글 document that reads back to exactly the example’s findings', async () => {
    const r = await run(['export', '--example', '-o', '예시.hwpx'], { cwd: tmp });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain('예시.hwpx');
    // docs/cli.md shows this very command with what it prints.
    const docs = await fs.readFile(path.join(__dirname, '../../docs/cli.md'), 'utf8');
    expect(r.out).toContain(/npx jobtarget export --example -o 예시\.hwpx +# (.*)/.exec(docs)![1]);
    const read = await readHwpxFile(path.join(tmp, '예시.hwpx'));
    const result = validateGrid(read.grid);
    expect(result.problems).toEqual([]);
    // The same findings (their order is the document's: src/core/present/order.ts).
    const sorted = (rows: unknown[][]) => rows.map((x) => JSON.stringify(x)).sort();
    expect(sorted(result.findings.map((f) => [f.rule, f.severity, f.expected, f.actual, f.tolerance]))).toEqual(sorted(EXAMPLE_FINDINGS));
    expect(result.summary).toEqual({ error: 13, warning: 11, info: 2 });
    // Each finding names the table (number and heading), its row and column.
    const sheet = read.grid.sheets[0];
    const placeOf = (rule: string, actual: unknown) => place(result.findings.find((f) => f.rule === rule && f.actual === actual)!, sheet);
    expect(placeOf('area-total', 4197)).toBe('표 2 「2. 분야별 목표」 5행 3열');
    expect(placeOf('area-total', 43465)).toBe('표 2 「2. 분야별 목표」 6행 3열');
    expect(placeOf('mixed-units', '개소, 명')).toBe('표 2 「2. 분야별 목표」 8행 3열');
    expect(placeOf('budget-excluded', null)).toBe('표 2 「2. 분야별 목표」 12행 1열');
    expect(placeOf('budget-without-target', 0)).toBe('표 14 「⑪ 산업단지·공업지역 고용환경 개선」 8행 3열');
  });

  it('never writes over the plan it reads, even with --force (as given, or through a link); another name is written', async () => {
    const { createHash } = await import('crypto');
    const sha = async (f: string) => createHash('sha256').update(await fs.readFile(f)).digest('hex');
    const plan = path.join(tmp, 'plan.xlsx');
    await fs.copyFile(path.join(__dirname, '../fixtures/example.xlsx'), plan);
    await fs.symlink(plan, path.join(tmp, 'link.hwpx'));
    const before = await sha(plan);
    for (const [out, why] of [
      ['plan.xlsx', '.hwpx로만 씁니다'],
      ['./plan.xlsx', '.hwpx로만 씁니다'],
      ['link.hwpx', '내보낼 파일이 읽은 계획 파일입니다'],
    ]) {
      const r = await run(['export', 'plan.xlsx', '-o', out, '--force'], { cwd: tmp });
      expect(r.code).toBe(2);
      expect(r.err).toContain(why);
      expect(r.out).toBe('');
      expect(await sha(plan)).toBe(before);
    }
    expect((await run(['export', 'plan.xlsx', '-o', 'tables.hwpx', '--force'], { cwd: tmp })).code).toBe(0);
    expect((await readHwpxFile(path.join(tmp, 'tables.hwpx'))).grid.sheets.length).toBe(1);
  });

  it('exports a workbook: the example workbook gives the same document', async () => {
    expect((await run(['template', '--example', '-o', 'plan.xlsx'], { cwd: tmp })).code).toBe(0);
    const r = await run(['export', 'plan.xlsx'], { cwd: tmp });
    expect(r.code).toBe(0);
    const fromWorkbook = await readHwpxFile(path.join(tmp, 'plan.공시표.hwpx'));
    await run(['export', '--example', '-o', 'example.hwpx'], { cwd: tmp });
    const fromExample = await readHwpxFile(path.join(tmp, 'example.hwpx'));
    // Same tables, cell for cell. The title line is made from the workbook's 개요, and the footnote of the
    // excluded area is the standard one (a workbook marks the area in 비고, without the document's wording).
    const cells = (s: GridSheet) => s.rows.slice(1).map((row) => row.map((c) => c?.value ?? null)).filter((row) => !String(row[0]).startsWith('* 소요예산'));
    expect(cells(fromWorkbook.grid.sheets[0])).toEqual(cells(fromExample.grid.sheets[0]));
    expect(fromWorkbook.grid.sheets[0].rows.some((row) => row[0]?.value === '* 소요예산 : 민간기업 상생.협력을 통한 고용 창출 분야 예산 합계 제외')).toBe(true);
    expect(fromWorkbook.grid.sheets[0].rows[0][0]?.value).toBe('인천광역시 서구 민선8기 일자리 목표 공시 (2023~2026)');
  });

  it('exports a plan read from a document (the seed text in its published layout): same findings after the round trip', async () => {
    const seed = path.resolve(__dirname, '../../../shared/seeds/000_1460237eb9005d6d.txt');
    const r = await run(['export', seed, '-o', 'seed.hwpx'], { cwd: tmp });
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const result = validateGrid((await readHwpxFile(path.join(tmp, 'seed.hwpx'))).grid);
    // The same findings in any order (the order is the presentation's business, tested there).
    const asSet = (rows: readonly unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(asSet(result.findings.map((f) => [f.rule, f.severity, f.expected, f.actual, f.tolerance]))).toEqual(asSet(EXAMPLE_FINDINGS));
  });

  it('refuses to overwrite without --force, and explains missing input', async () => {
    await fs.writeFile(path.join(tmp, 'x.hwpx'), 'old');
    const r = await run(['export', '--example', '-o', 'x.hwpx'], { cwd: tmp });
    expect(r.code).toBe(2);
    expect(r.err).toContain('--force');
    expect(await fs.readFile(path.join(tmp, 'x.hwpx'), 'utf8')).toBe('old');
    expect((await run(['export', '--example', '-o', 'x.hwpx', '--force'], { cwd: tmp })).code).toBe(0);
    const none = await run(['export'], { cwd: tmp });
    expect(none.code).toBe(2);
    expect(none.err).toContain('--example');
    const results = await run(['export', '--example', 'sejong-2024', '-o', 's.hwpx'], { cwd: tmp });
    expect(results.code).toBe(2);
    expect(results.err).toContain('no plan tables to export');
    const missing = await run(['export', 'nope.xlsx'], { cwd: tmp });
    expect(missing.code).toBe(2);
    expect(missing.err.trim().split('\n')).toHaveLength(1);
  });

  it('-o as for template: another format\'s name is refused, a name without .hwpx gets it, a folder gets the default name', async () => {
    const xlsx = await run(['export', '--example', '-o', 'tables.xlsx'], { cwd: tmp });
    expect(xlsx.code).toBe(2);
    expect(xlsx.err).toContain('한글 문서는 .hwpx로만 씁니다: tables.xlsx — 이름을 tables.hwpx처럼 바꾸세요');
    expect(await fs.readdir(tmp)).toEqual([]);
    expect((await run(['export', '--example', '-o', 'tables'], { cwd: tmp })).code).toBe(0);
    await fs.mkdir(path.join(tmp, 'out'));
    expect((await run(['export', '--example', '-o', 'out'], { cwd: tmp })).code).toBe(0);
    expect((await fs.readdir(tmp)).sort()).toEqual(['out', 'tables.hwpx']);
    expect(await fs.readdir(path.join(tmp, 'out'))).toEqual(['jobtarget-example-incheon-seogu-2023.hwpx']);
  });
});
