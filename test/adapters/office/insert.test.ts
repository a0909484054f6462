/** insertTemplate and sheet names: never overwrite, write what the renderer describes, in 2 round trips. */
import { existingSheetNames, freeName, insertTemplate, planSheetNames, validate } from '../../../src/adapters/office';
import { sejong2024 } from '../../../src/core/examples/sejong-2024';
import { cellInput, cellsToRects } from '../../../src/adapters/office/insert';
import { parseA1 } from '../../../src/core/grid/a1';
import { blankDraft } from '../../../src/core/template/blank';
import { DEFAULT_SHEET_NAMES, renderWorkbook } from '../../../src/core/template/render';
import { FMT_COUNT } from '../../../src/core/template/styles';
import { cellKey, createExcelDouble, emptyWorkbook, seedCell } from '../../office-double';
import { bigDraft, coreFindings, exampleDraft, findingKeys } from './helpers';

describe('sheet names', () => {
  test('free names for the four template sheets; taken names get " (2)", " (3)" …, case-insensitively', () => {
    expect(planSheetNames(['Sheet1'])).toEqual(DEFAULT_SHEET_NAMES);
    expect(planSheetNames(['개요', '실천과제', '실천과제 (2)'])).toEqual({ ...DEFAULT_SHEET_NAMES, overview: '개요 (2)', tasks: '실천과제 (3)' });
    expect(freeName('Plan', ['plan', 'PLAN (2)'])).toBe('Plan (3)');
    expect(freeName('a/b:c', [])).toBe('a b c');
    const long = 'x'.repeat(31);
    expect(freeName(long, [long])).toBe(`${'x'.repeat(27)} (2)`);
    expect(freeName(long, [long]).length).toBeLessThanOrEqual(31);
  });

  test('existingSheetNames lists every sheet, hidden ones too, in one round trip', async () => {
    const wb = emptyWorkbook(['A', 'B']);
    wb.sheets[1].visibility = 'Hidden';
    const x = createExcelDouble(wb);
    expect(await existingSheetNames(x.host)).toEqual(['A', 'B']);
    expect(x.syncCount()).toBe(1);
  });
});

describe('insertTemplate', () => {
  test('never overwrites an existing 개요 sheet: it picks a free name', async () => {
    const wb = emptyWorkbook(['개요', 'Sheet2']);
    seedCell(wb.sheets[0], 'A1', '우리 과 메모');
    seedCell(wb.sheets[0], 'B2', 42);
    const x = createExcelDouble(wb);
    const before = JSON.stringify(x.sheet('개요'));
    const r = await insertTemplate(x.host, exampleDraft(), { formulas: false });
    expect(r.sheetNames).toEqual(['개요 (2)', '공통 일자리 목표', '분야별 목표', '실천과제']);
    expect(JSON.stringify(x.sheet('개요'))).toBe(before);
    expect(x.workbook.sheets.map((s) => s.name)).toEqual(['개요', 'Sheet2', '개요 (2)', '공통 일자리 목표', '분야별 목표', '실천과제']);
    expect(x.syncCount()).toBe(2);
    expect(r.cost.syncs).toBe(2);
  });

  test('even names the caller asked for are not overwritten', async () => {
    const x = createExcelDouble(emptyWorkbook(['실천과제']));
    const r = await insertTemplate(x.host, exampleDraft(), { formulas: false, sheetNames: { tasks: '실천과제' } });
    expect(r.sheetNames[3]).toBe('실천과제 (2)');
    // Cross-sheet formulas and references use the names actually given.
    expect(x.sheet('실천과제')!.cells).toEqual({});
  });

  test('writes what the renderer describes: values, formulas (evaluated by Excel), number formats, merges, widths, panes', async () => {
    const draft = blankDraft({ period: { startYear: 2027, years: 4 }, areas: 2, subprojectsPerTask: 2 });
    draft.tasks[0].subprojects[0].target = { total: null, years: [1, 2, 3, 4] };
    const x = createExcelDouble(emptyWorkbook(['Sheet1']));
    await insertTemplate(x.host, draft, { formulas: true });
    const rendered = renderWorkbook(draft, { formulas: true });
    for (const s of rendered.sheets) {
      const sheet = x.sheet(s.name)!;
      for (const c of s.cells) {
        const got = sheet.cells[cellKey(c.row, c.col)];
        if (c.formula) expect(got?.f).toBe(`=${c.formula}`);
        else if (c.value === null || c.value === '') expect(got?.v).toBeUndefined();
        else expect(got?.v).toBe(c.value);
      }
      expect([...sheet.merges].sort()).toEqual([...s.merges].sort());
      expect(sheet.freeze).toEqual(s.freeze);
      // Landscape where the description says the tables are wide; the default (portrait) otherwise.
      expect(sheet.pageLayout.orientation).toBe(s.landscape ? 'Landscape' : 'Portrait');
      expect(Object.keys(sheet.columnWidths)).toHaveLength(s.columnWidths.length);
    }
    // A live total: 합계 = SUM of the years, computed by "Excel".
    const tasks = rendered.sheets[3];
    const total = tasks.cells.find((c) => c.formula?.startsWith('SUM(') && c.row === tasks.cells.find((d) => d.value === 1)!.row)!;
    const addr = `${String.fromCharCode(65 + total.col)}${total.row + 1}`;
    expect(x.cell(tasks.name, addr).value).toBe(10);
    // Count cells carry the Korean public-table number format; headers are bold.
    const countCell = tasks.cells.find((c) => c.style === 'count')!;
    expect(x.sheet(tasks.name)!.cells[cellKey(countCell.row, countCell.col)].fmt?.numberFormat).toBe(FMT_COUNT);
    const header = tasks.cells.find((c) => c.style === 'header')!;
    expect(x.sheet(tasks.name)!.cells[cellKey(header.row, header.col)].fmt?.bold).toBe(true);
    // The overview sheet is active after inserting.
    expect(x.activeSheet()).toBe(rendered.sheets[0].name);
  });

  test('values go in as 2-D blocks and formats per block, not cell by cell', async () => {
    const draft = bigDraft();
    const x = createExcelDouble(emptyWorkbook(['Sheet1']));
    await insertTemplate(x.host, draft, { formulas: false });
    const cells = renderWorkbook(draft, { formulas: false }).sheets.reduce((n, s) => n + s.cells.length, 0);
    const write = x.syncLog()[1];
    expect(cells).toBeGreaterThan(60_000);
    // About one action per merged 세부사업 name (Excel has no bulk merge); nothing per cell.
    expect(write.actions).toBeLessThan(cells / 10);
  }, 60_000);

  test('text that Excel would turn into a number, date or formula stays text', async () => {
    const draft = exampleDraft();
    draft.meta.region = '2023';
    draft.meta.preparedDate = '2026-07-01';
    draft.tasks[0].subprojects[0].name = '=잘못된 이름';
    const x = createExcelDouble(emptyWorkbook(['Sheet1']));
    await insertTemplate(x.host, draft, { formulas: false });
    const overview = x.sheet('개요')!;
    const texts = Object.values(overview.cells).map((c) => c.v);
    expect(texts).toContain('2023');
    expect(texts).toContain('2026-07-01');
    expect(Object.values(x.sheet('실천과제')!.cells).some((c) => c.v === '=잘못된 이름' && c.f === undefined)).toBe(true);
    expect(cellInput('12,345')).toBe("'12,345");
    expect(cellInput('합계')).toBe('합계');
    expect(cellInput(5)).toBe(5);
  });

  test('older Excel: panes need ExcelApi 1.7, page layout 1.9 — skipped, not failed', async () => {
    const x = createExcelDouble(emptyWorkbook(['Sheet1']), { requirementSets: { ExcelApi: '1.4' } });
    const r = await insertTemplate(x.host, exampleDraft(), { formulas: false });
    expect(r.sheetNames).toHaveLength(4);
    expect(x.sheet('분야별 목표')!.freeze).toEqual({ rows: 0, cols: 0 });
    expect(x.sheet('분야별 목표')!.pageLayout.orientation).toBe('Portrait');
  });

  test('a results draft (the 세종 example) inserts its own sheets and validates like the core', async () => {
    const draft = structuredClone(sejong2024);
    const x = createExcelDouble(emptyWorkbook(['Sheet1']));
    const r = await insertTemplate(x.host, draft, { formulas: false });
    const rendered = renderWorkbook(draft, { formulas: false });
    expect(r.sheetNames).toEqual(rendered.sheets.map((s) => s.name));
    const v = await validate(x.host, { lang: 'ko', highlight: false });
    expect(findingKeys(v.result.findings)).toEqual(findingKeys(coreFindings(draft)));
  });

  test('cellsToRects groups cells into few rectangles', () => {
    const cells = [];
    for (let r = 0; r < 100; r++) for (let c = 2; c < 7; c++) cells.push({ row: r, col: c });
    cells.push({ row: 200, col: 0 });
    expect(cellsToRects(cells)).toEqual([
      { r0: 0, c0: 2, r1: 99, c1: 6 },
      { r0: 200, c0: 0, r1: 200, c1: 0 },
    ]);
    expect(parseA1('C5')).toEqual({ row: 4, col: 2 });
  });
});

describe('insert under the request size limit', () => {
  test('a plan whose insert Excel refuses for its size is written in row bands: the same workbook, every request under the limit', async () => {
    const draft = blankDraft({ subprojectsPerTask: 100, areas: 3 });
    const whole = createExcelDouble(emptyWorkbook(['Sheet1']));
    await insertTemplate(whole.host, draft, { formulas: true });
    const biggest = Math.max(...whole.syncLog().map((s) => s.requestBytes));
    const limit = Math.floor(biggest / 3);
    const x = createExcelDouble(emptyWorkbook(['Sheet1']), { payloadLimitBytes: limit });
    const r = await insertTemplate(x.host, draft, { formulas: true });
    const log = x.syncLog();
    expect(log.some((s) => s.failed === 'RequestPayloadSizeLimitExceeded')).toBe(true);
    expect(log.filter((s) => !s.failed).every((s) => s.requestBytes <= limit)).toBe(true);
    expect(r.sheetNames).toEqual(whole.workbook.sheets.slice(1).map((s) => s.name));
    // Borders are compared as lines: a band edge sets EdgeTop where the whole block set InsideHorizontal,
    // the same line on screen and in print.
    const strip = (wb: typeof x.workbook) =>
      wb.sheets.map((s) => ({
        ...s,
        merges: [...s.merges].sort(),
        cells: Object.fromEntries(Object.entries(s.cells).map(([k, c]) => [k, { ...c, fmt: c.fmt ? { ...c.fmt, borders: undefined } : undefined, bordered: !!c.fmt?.borders }])),
      }));
    expect(strip(x.snapshot())).toEqual(strip(whole.snapshot()));
    expect(x.activeSheet()).toBe(whole.activeSheet());
  }, 60_000);
});
