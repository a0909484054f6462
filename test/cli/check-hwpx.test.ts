/**
 * `jobtarget check` on 한글 documents:
 * - the seed plan written by `export` and read back gives exactly the example's findings;
 * - a document built by the test's own writer from the seed text in the DOCUMENT's layout, inside a
 *   package 한글 saved (its header.xml), with merged cells as 한글 writes them, gives the same findings,
 *   each at its table (number and heading), row, column and page;
 * - bad inputs in a folder each get one line, and the batch goes on.
 */
import { promises as fs, readFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { hwpxFromText, tableCells } from '../support/hwpx-document';
import { run } from './run';

const SEED = path.resolve(__dirname, '../../../shared/seeds/000_1460237eb9005d6d.txt');
const SAMPLES = path.resolve(__dirname, '../../../shared/hwpx-samples');

let tmp: string;
beforeEach(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jobtarget-hwpx-'));
});
afterEach(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

interface JsonFinding {
  rule: string;
  severity: string;
  sheet: string;
  cell: string;
  expected: unknown;
  actual: unknown;
  tolerance: unknown;
}

/** The example's findings (test/core/example-findings.test.ts) without their workbook addresses. */
const EXAMPLE_FINDINGS = [
  ...[[4193, 4197], [1125, 1127], [1047, 1049]].map(([e, a]) => ['area-total', 'error', e, a, 1.5]),
  ...[[42165, 43465], [10132, 10442], [10479, 10799], [10678, 11008], [10876, 11216], [169925, 181493], [41019, 43783], [41819, 44668], [42963, 45897], [44124, 47145]].map(([e, a]) => ['area-total', 'error', e, a, 3]),
  ['area-total', 'warning', 997, 996, 1.5],
  ['area-total', 'warning', 1024, 1025, 1.5],
  ...[[14599, 14601], [3490, 3491], [3701, 3702]].map(([e, a]) => ['area-total', 'warning', e, a, 2]),
  ...[[1535, 1536], [1572, 1573], [1611, 1610], [1649, 1648]].map(([e, a]) => ['area-total', 'warning', e, a, 1.5]),
  ['mixed-units', 'warning', '명', '개소, 명', null],
  ['mixed-units', 'warning', '명', '명, 개소', null],
  ['budget-excluded', 'info', 2268300, null, null],
  ['budget-without-target', 'info', null, 0, null],
];

async function checkJson(file: string): Promise<{ code: number; findings: JsonFinding[]; summary: unknown; err: string }> {
  const r = await run(['check', file, '--format', 'json'], { cwd: tmp });
  const report = JSON.parse(r.out);
  return { code: r.code, findings: report.files[0].findings, summary: report.files[0].summary, err: r.err };
}

const sorted = (rows: unknown[][]) => [...rows].map((r) => JSON.stringify(r)).sort();

describe('jobtarget check on .hwpx', () => {
  it('the example exported by `export` checks to exactly the example’s findings, located in the document', async () => {
    expect((await run(['export', '--example', '-o', 'plan.hwpx'], { cwd: tmp })).code).toBe(0);
    const r = await checkJson('plan.hwpx');
    expect(r.err).toBe('');
    expect(r.code).toBe(1);
    expect(sorted(r.findings.map((f) => [f.rule, f.severity, f.expected, f.actual, f.tolerance]))).toEqual(sorted(EXAMPLE_FINDINGS));
    expect(r.summary).toEqual({ error: 13, warning: 11, info: 2 });
    const at = (expected: number, actual: number) => r.findings.find((f) => f.expected === expected && f.actual === actual)!;
    expect([at(4193, 4197).sheet, at(4193, 4197).cell]).toEqual(['표 2 「2. 분야별 목표」', '5행 3열']);
    const noTarget = r.findings.find((f) => f.rule === 'budget-without-target')!;
    expect([noTarget.sheet, noTarget.cell]).toEqual(['표 14 「⑪ 산업단지·공업지역 고용환경 개선」', '8행 3열']);
  });

  it('the seed document in its own layout, in a package 한글 saved, gives the same findings with table, row, column and page', async () => {
    await fs.writeFile(path.join(tmp, 'seed.hwpx'), hwpxFromText(readFileSync(SEED, 'utf8')));
    const r = await checkJson('seed.hwpx');
    expect(r.err).toBe('');
    expect(sorted(r.findings.map((f) => [f.rule, f.severity, f.expected, f.actual, f.tolerance]))).toEqual(sorted(EXAMPLE_FINDINGS));
    expect(r.summary).toEqual({ error: 13, warning: 11, info: 2 });
    // 분야별 목표 is the document's table under "2 분야별 목표"; its 청년 소요예산 row is the table's 5th.
    const first = r.findings.find((f) => f.expected === 4193)!;
    expect(first.sheet).toMatch(/^표 \d+ 「2 분야별 목표」$/);
    expect(first.cell).toMatch(/^5행 3열, \d+쪽$/);
    const noTarget = r.findings.find((f) => f.rule === 'budget-without-target')!;
    expect(noTarget.sheet).toMatch(/^표 \d+ 「11 산업단지 · 공업지역 고용환경 개선」$/);
  });

  it('the test writer merges cells the way 한글 does', () => {
    const { cells } = tableCells(['세부사업명\t\t합계\t2023년', '총 계\t성과목표\t18\t12', '\t소요예산\t192\t152']);
    expect(cells.map((c) => [c.row, c.col, c.rowSpan, c.colSpan, c.text])).toEqual([
      [0, 0, 1, 2, '세부사업명'],
      [0, 2, 1, 1, '합계'],
      [0, 3, 1, 1, '2023년'],
      [1, 0, 2, 1, '총 계'],
      [1, 1, 1, 1, '성과목표'],
      [1, 2, 1, 1, '18'],
      [1, 3, 1, 1, '12'],
      [2, 1, 1, 1, '소요예산'],
      [2, 2, 1, 1, '192'],
      [2, 3, 1, 1, '152'],
    ]);
  });

  it('a folder: .hwpx plans are found; .hwp, encrypted, non-HWPX and plan-less documents get one line each and the batch goes on', async () => {
    const dir = path.join(tmp, '제출본');
    await fs.mkdir(dir);
    expect((await run(['export', '--example', '-o', path.join(dir, '1-plan.hwpx')], { cwd: tmp })).code).toBe(0);
    const ole = new Uint8Array(1024);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    await fs.writeFile(path.join(dir, '2-old.hwp'), ole);
    const parts = unzipSync(new Uint8Array(readFileSync(path.join(SAMPLES, 'reader_writer-SimpleTable.hwpx'))));
    parts['META-INF/manifest.xml'] = strToU8('<odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><odf:file-entry full-path="Contents/section0.xml" media-type="application/xml"><odf:encryption-data checksum="x"/></odf:file-entry></odf:manifest>');
    await fs.writeFile(path.join(dir, '3-locked.hwpx'), zipSync(parts));
    await fs.writeFile(path.join(dir, '4-word.hwpx'), zipSync({ 'word/document.xml': strToU8('<w/>') }));
    await fs.copyFile(path.join(SAMPLES, 'tool-blank.hwpx'), path.join(dir, '5-empty.hwpx'));
    const r = await run(['check', '제출본', '--format', 'json'], { cwd: tmp });
    expect(r.code).toBe(2);
    const report = JSON.parse(r.out);
    const files = report.files as { file: string; error: string | null }[];
    expect(files.map((f) => path.basename(f.file))).toEqual(['1-plan.hwpx', '2-old.hwp', '3-locked.hwpx', '4-word.hwpx', '5-empty.hwpx']);
    expect(files[0].error).toBeNull();
    expect(files[1].error).toMatch(/^한글 바이너리\(\.hwp\) 문서는 아직 읽지 못합니다 .*File › Save As › HWPX/);
    expect(files[2].error).toMatch(/암호가 걸렸거나 배포용.*password-protected or saved for distribution/);
    expect(files[3].error).toBe('ZIP 파일이지만 한글(.hwpx) 문서가 아닙니다 (Word 문서입니다) (a zip archive but not an .hwpx document (it is a Word document))');
    expect(files[4].error).toMatch(/공통 일자리 목표.*분야별 목표.*실천과제/);
    expect(report.files[0].summary).toEqual({ error: 13, warning: 11, info: 2 });
    const lines = r.err.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toContain('파일 › 다른 이름으로 저장 › 파일 형식: HWPX');
    expect(lines[1]).toMatch(/배포용.*distribution/);
    expect(lines[2]).toContain('Word');
  });
});
