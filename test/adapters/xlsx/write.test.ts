import ExcelJS from 'exceljs';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { addMerges, applyRendered, draftToBuffer, excelStyle, OutputExistsError, writeDraftFile, writeNewFile } from '../../../src/adapters/xlsx/write';
import { incheonSeogu2023 } from '../../../src/core/examples/incheon-seogu-2023';
import { blankDraft } from '../../../src/core/template/blank';
import { renderWorkbook } from '../../../src/core/template/render';
import { FMT_COUNT, FMT_RATE, STYLES } from '../../../src/core/template/styles';

async function load(buf: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  return wb;
}

let blank: ExcelJS.Workbook;
let example: ExcelJS.Workbook;

beforeAll(async () => {
  blank = await load(await draftToBuffer(blankDraft({ period: { startYear: 2027, years: 4 } }), { formulas: true }));
  example = await load(await draftToBuffer(incheonSeogu2023, { formulas: false }));
});

describe('exceljs writer', () => {
  it('writes the rendered sheets in order, with every value of the rendering', () => {
    const rendered = renderWorkbook(incheonSeogu2023, { formulas: false });
    expect(example.worksheets.map((w) => w.name)).toEqual(rendered.sheets.map((s) => s.name));
    for (const s of rendered.sheets) {
      const ws = example.getWorksheet(s.name)!;
      for (const c of s.cells) {
        const cell = ws.getCell(c.row + 1, c.col + 1);
        if (cell.isMerged && cell.master !== cell) continue;
        const v = c.formula ? cell.result : cell.value;
        expect(v ?? null).toEqual(c.value);
      }
    }
  });

  it('writes Korean number formats, bold headers, fills, borders, alignment and wrap', () => {
    const ws = blank.getWorksheet('분야별 목표')!;
    const header = ws.getCell('A3');
    expect(header.value).toBe('전략분야');
    expect(header.font?.bold).toBe(true);
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${STYLES.header.fill}` } });
    expect(header.alignment).toMatchObject({ horizontal: 'center', vertical: 'middle', wrapText: true });
    expect(header.border?.top?.style).toBe('thin');
    expect(ws.getCell('C4').numFmt).toBe(FMT_COUNT);
    expect(ws.getCell('C4').numFmt).toBe('#,##0;"△"#,##0;"-"');
    const ind = blank.getWorksheet('공통 일자리 목표')!;
    expect(ind.getCell('D4').numFmt).toBe(FMT_RATE);
    expect(ind.getCell('D7').numFmt).toBe(FMT_COUNT);
    expect(excelStyle(STYLES.unit).alignment).toEqual({ horizontal: 'right' });
  });

  it('writes live formulas in the blank template, without a cached value, and asks Excel to calculate on load', () => {
    const ws = blank.getWorksheet('분야별 목표')!;
    expect(ws.getCell('C4').formula).toBe('SUM(D4:G4)');
    expect(ws.getCell('C4').result).toBeUndefined();
    expect(ws.getCell('D4').formula).toMatch(/^D6\+D8/);
    expect(applyRendered(renderWorkbook(blankDraft(), { formulas: true })).calcProperties.fullCalcOnLoad).toBe(true);
  });

  it('a 실천과제 table copied elsewhere (a new task made from one) sums its own rows: its 총계 formulas fix columns, not rows', () => {
    const ws = blank.getWorksheet('실천과제')!;
    // Excel's copy: a reference without $ before its row moves with the cells, one with $ stays.
    const copied = (f: string, by: number) => f.replace(/(\$?[A-Z]+)(\$?)(\d+)/g, (_, col: string, fixed: string, row: string) => `${col}${fixed}${fixed ? row : Number(row) + by}`);
    const rowsOf = (f: string) => [...f.matchAll(/\$?[A-Z]+\$?(\d+)/g)].map((m) => Number(m[1]));
    // ① is rows 3–14 (총계 on 7–8, 세부사업 on 9–14); a copy 65 rows down is rows 68–79.
    for (const cell of ['D7', 'G8']) {
      const f = ws.getCell(cell).formula;
      expect(f).toMatch(/^SUMIF\(/);
      for (const row of rowsOf(copied(f, 65))) expect(row).toBeGreaterThanOrEqual(74);
    }
  });

  it('writes a formula with its cached result when the value is known (the base year of the example)', () => {
    const ws = example.getWorksheet('개요')!;
    const row = [...Array(12).keys()].map((i) => i + 1).find((r) => ws.getCell(r, 1).value === '기준연도')!;
    expect(ws.getCell(row, 2).formula).toBe('B6-1');
    expect(ws.getCell(row, 2).result).toBe(2022);
  });

  it('writes the example figures as stated, with no formulas in the tables', () => {
    const ws = example.getWorksheet('분야별 목표')!;
    expect(ws.getCell('C4').value).toBe(60247);
    let formulas = 0;
    for (const name of ['공통 일자리 목표', '분야별 목표', '실천과제']) {
      example.getWorksheet(name)!.eachRow((row) => row.eachCell((c) => void (c.formula ? formulas++ : 0)));
    }
    expect(formulas).toBe(0);
  });

  it('writes merges, column widths, frozen panes and print setup', () => {
    const rendered = renderWorkbook(blankDraft(), { formulas: true });
    for (const s of rendered.sheets) {
      const ws = blank.getWorksheet(s.name)!;
      const merges = Object.values((ws as unknown as { _merges: Record<string, { tl: string; br: string }> })._merges).map((m) => `${m.tl}:${m.br}`);
      expect(merges.sort()).toEqual([...s.merges].sort());
      s.columnWidths.forEach((w, i) => expect(ws.getColumn(i + 1).width).toBe(w));
      if (s.freeze.rows || s.freeze.cols) {
        expect(ws.views[0]).toMatchObject({ state: 'frozen', xSplit: s.freeze.cols, ySplit: s.freeze.rows });
      }
      // Portrait unless the tables are wide (core/print/layout.ts); footer n / N; breaks between tables.
      expect(ws.pageSetup.orientation).toBe(s.print!.orientation);
      expect(ws.headerFooter.oddFooter).toBe('&C&P / &N');
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.fitToHeight).toBe(0);
      expect(ws.pageSetup.printArea).toBeUndefined();
      if (s.printTitleRows) expect(ws.pageSetup.printTitlesRow).toBe(s.printTitleRows);
    }
  });

  it('uses the period it is given (no hard-coded years)', async () => {
    const wb = await load(await draftToBuffer(blankDraft({ period: { startYear: 2031, years: 5 } }), { formulas: true }));
    const ws = wb.getWorksheet('분야별 목표')!;
    expect([4, 5, 6, 7, 8].map((c) => ws.getCell(3, c).value)).toEqual(['2031년', '2032년', '2033년', '2034년', '2035년']);
    expect(ws.getCell('C4').formula).toBe('SUM(D4:H4)');
  });

  it('refuses to overwrite an existing file unless forced', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobtarget-write-'));
    try {
      const file = path.join(dir, 'a.xlsx');
      await writeDraftFile(blankDraft(), { formulas: true }, file);
      const before = await fs.readFile(file);
      await expect(writeDraftFile(blankDraft(), { formulas: true }, file)).rejects.toBeInstanceOf(OutputExistsError);
      expect((await fs.readFile(file)).equals(before)).toBe(true);
      await writeNewFile(file, Buffer.from('x'), true);
      expect((await fs.readFile(file)).toString()).toBe('x');
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('addMerges (linear, no pairwise check)', () => {
  it('merges exactly what exceljs mergeCells merges, and refuses overlapping ranges', () => {
    const ranges = ['A1:C1', 'A2:A5', 'B3:D4', 'E5:E5'];
    const wb = new ExcelJS.Workbook();
    const fast = wb.addWorksheet('fast');
    const slow = wb.addWorksheet('slow');
    for (const ws of [fast, slow]) ws.getCell('A2').value = '라벨';
    addMerges(fast, ranges);
    for (const m of ranges) slow.mergeCells(m);
    const model = (ws: typeof fast) => (ws.model as { merges: string[] }).merges.slice().sort();
    expect(model(fast)).toEqual(model(slow));
    expect(fast.getCell('A4').isMerged).toBe(true);
    expect(fast.getCell('A4').master.address).toBe('A2');
    expect(() => addMerges(wb.addWorksheet('bad'), ['A1:B2', 'B2:C3'])).toThrow(/overlapping/);
  });
});
