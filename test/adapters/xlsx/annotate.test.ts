import ExcelJS from 'exceljs';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ANNOTATED_SUFFIX, AnnotateRefusedError, annotateFile, annotatedPath, noteLine } from '../../../src/adapters/xlsx/annotate';
import { RESULT_COLUMNS, SEVERITY_COLOURS, linkFormula, type ColumnKey } from '../../../src/core/present';
import { RESULTS_SHEET, readXlsxFile } from '../../../src/adapters/xlsx/read';
import type { Finding } from '../../../src/core/rules/types';
import { handMadeFinding } from '../../support/findings';
import { validateGrid } from '../../../src/core/validate';

const FIXTURES = path.join(__dirname, '../../fixtures');
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

let dir: string;
let input: string;
beforeEach(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobtarget-annotate-'));
  input = path.join(dir, '인천 서구.xlsx');
  await fs.copyFile(path.join(FIXTURES, 'example.xlsx'), input);
});
afterEach(async () => {
  await fs.rm(dir, { recursive: true, force: true });
});

async function load(file: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb;
}

const finding = (over: Partial<Finding>) =>
  handMadeFinding({
    cells: ['실천과제!C7', '실천과제!C9'],
    refs: [{ sheet: '실천과제', cell: 'C7' }, { sheet: '실천과제', cell: 'C9' }],
    expected: 10,
    actual: 12,
    tolerance: 1.5,
    difference: 2,
    message: '총계가 세부사업 합과 다릅니다',
    messageEn: 'total differs',
    ...over,
  });

describe('annotated copy', () => {
  it('fills flagged cells by severity, notes every finding, adds 검증결과 with links; the input is unchanged', async () => {
    const before = await fs.readFile(input);
    const read = await readXlsxFile(input);
    const { findings } = validateGrid(read.grid);
    expect(findings.length).toBeGreaterThan(0);
    const out = await annotateFile(input, findings, path.join(dir, 'out'), { sha256: read.sha256, checkedAt: new Date('2026-11-21T00:00:00Z') });
    expect(out).toBe(path.join(dir, 'out', `인천 서구${ANNOTATED_SUFFIX}`));
    expect(sha(await fs.readFile(input))).toBe(sha(before));

    const wb = await load(out);
    // Results sheet first, then the plan sheets in their order.
    expect(wb.worksheets.slice().sort((a, b) => (a as unknown as { orderNo: number }).orderNo - (b as unknown as { orderNo: number }).orderNo).map((w) => w.name)).toEqual([
      RESULTS_SHEET,
      '개요',
      '공통 일자리 목표',
      '분야별 목표',
      '실천과제',
    ]);
    const worst = new Map<string, Finding['severity']>();
    const order = { error: 0, warning: 1, info: 2 };
    for (const f of findings) {
      if (!f.cell) continue;
      const k = `${f.sheet}!${f.cell}`;
      const w = worst.get(k);
      if (!w || order[f.severity] < order[w]) worst.set(k, f.severity);
    }
    for (const [k, sev] of worst) {
      const [sheet, cell] = k.split('!');
      const c = wb.getWorksheet(sheet)!.getCell(cell);
      expect({ k, fill: (c.fill as ExcelJS.FillPattern).fgColor?.argb }).toEqual({ k, fill: `FF${SEVERITY_COLOURS[sev].cell}` });
      const note = typeof c.note === 'string' ? c.note : (c.note.texts ?? []).map((t) => t.text).join('');
      for (const f of findings.filter((x) => `${x.sheet}!${x.cell}` === k)) expect(note).toContain(f.message);
    }
    // An unflagged cell keeps its look, and cells sharing its style are not painted along.
    const plain = wb.getWorksheet('실천과제')!.getCell('D9');
    expect(worst.has('실천과제!D9')).toBe(false);
    expect((plain.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb).toBeUndefined();

    const rs = wb.getWorksheet(RESULTS_SHEET)!;
    const texts: string[] = [];
    rs.eachRow((row) => texts.push(row.values.toString()));
    expect(texts.join('\n')).toContain('인천 서구.xlsx');
    const summary = `오류 ${findings.filter((f) => f.severity === 'error').length} · 경고 ${findings.filter((f) => f.severity === 'warning').length} · 정보 ${findings.filter((f) => f.severity === 'info').length}`;
    expect(texts.join('\n')).toContain(summary);
    let headerRow = 0;
    rs.eachRow((row, r) => {
      if (row.getCell(1).value === '심각도') headerRow = r;
    });
    expect(rs.getRow(headerRow).values).toEqual([undefined, '심각도', '시트', '셀', '표 · 행', '규칙', '규칙 ID', '메시지', '기대값', '실제값', '차이', '허용오차', '단위', '관련 셀']);
    const at = (key: ColumnKey) => RESULT_COLUMNS.findIndex((c) => c.key === key) + 1;
    const links: string[] = [];
    for (let r = headerRow + 1; r <= headerRow + findings.length; r++) {
      const c = rs.getCell(r, at('cell'));
      if (c.formula) {
        const m = /^HYPERLINK\("([^"]+)","([A-Z]+\d+)"\)$/.exec(c.formula);
        expect(m).not.toBeNull();
        expect(c.result).toBe(m![2]);
        expect(m![1]).toBe(`#'${rs.getCell(r, at('sheet')).value}'!${m![2]}`);
        links.push(m![1]);
      }
    }
    expect(links.length).toBe(findings.filter((f) => f.cell).length);
    expect(links).toContain("#'분야별 목표'!C7");
  });

  it('one note per cell lists every finding on it; an existing note is kept', async () => {
    const wb0 = await load(input);
    wb0.getWorksheet('실천과제')!.getCell('C7').note = '작성자 메모';
    await wb0.xlsx.writeFile(input);
    const out = await annotateFile(input, [finding({}), finding({ severity: 'warning', rule: 'row-total', message: '합계 ≠ 연도 합' })], dir + '/out');
    const c = (await load(out)).getWorksheet('실천과제')!.getCell('C7');
    const note = typeof c.note === 'string' ? c.note : (c.note.texts ?? []).map((t) => t.text).join('');
    expect(note).toContain('작성자 메모');
    expect(note).toContain('[오류] task-total: 총계가 세부사업 합과 다릅니다 (기대 10 · 실제 12 · 차이 +2 · 허용 ±1.5)');
    expect(note).toContain('[경고] row-total: 합계 ≠ 연도 합');
    expect((c.fill as ExcelJS.FillPattern).fgColor?.argb).toBe(`FF${SEVERITY_COLOURS.error.cell}`);
  });

  it('an annotated copy annotated again replaces its 검증결과 sheet', async () => {
    const once = await annotateFile(input, [finding({})], path.join(dir, 'a'));
    const twice = await annotateFile(once, [finding({ severity: 'info' })], path.join(dir, 'b'));
    const wb = await load(twice);
    expect(wb.worksheets.filter((w) => w.name === RESULTS_SHEET)).toHaveLength(1);
    // and reading it back skips that sheet
    const read = await readXlsxFile(twice);
    expect(read.grid.sheets.map((s) => s.name)).not.toContain(RESULTS_SHEET);
  });

  it('refuses to write over an input', async () => {
    const same = path.join(dir, 'x.xlsx');
    await fs.copyFile(input, same);
    const before = await fs.readFile(same);
    // The copy of "x.검증.xlsx" when an input is called x.검증.xlsx …
    const victim = annotatedPath(same, dir);
    await fs.copyFile(input, victim);
    const victimBefore = await fs.readFile(victim);
    await expect(annotateFile(same, [finding({})], dir, { inputs: [same, victim] })).rejects.toBeInstanceOf(AnnotateRefusedError);
    // … and an explicit output equal to the input.
    await expect(annotateFile(same, [finding({})], dir, { output: path.join(dir, '.', 'x.xlsx') })).rejects.toBeInstanceOf(AnnotateRefusedError);
    expect((await fs.readFile(same)).equals(before)).toBe(true);
    expect((await fs.readFile(victim)).equals(victimBefore)).toBe(true);
  });

  it('refuses through a symbolic link too', async () => {
    const link = path.join(dir, 'link');
    await fs.symlink(dir, link);
    await expect(annotateFile(input, [finding({})], dir, { output: path.join(link, path.basename(input)) })).rejects.toBeInstanceOf(AnnotateRefusedError);
  });

  it('formats note lines in English on request', () => {
    expect(noteLine(finding({ messageEn: 'total differs' }), 'en')).toBe('[error] task-total: total differs (expected 10 · actual 12 · difference +2 · tolerance ±1.5)');
    expect(linkFormula("O'Brien 시트", 'B2')).toBe('HYPERLINK("#\'O\'\'Brien 시트\'!B2","B2")');
    expect(linkFormula('따옴표"시트', 'C5')).toBe('HYPERLINK("#\'따옴표""시트\'!C5","C5")');
  });
});
