import ExcelJS from 'exceljs';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { MARKS_SHEET, RESULTS_SHEET, XlsxReadError, isoDate, plainValue, readXlsxBuffer, readXlsxFile, workbookToGrid } from '../../../src/adapters/xlsx/read';
import { draftToBuffer, workbookToBuffer } from '../../../src/adapters/xlsx/write';
import { sniff } from '../../../src/adapters/xlsx/zip';
import { incheonSeogu2023 } from '../../../src/core/examples/incheon-seogu-2023';
import { blankDraft } from '../../../src/core/template/blank';
import { renderWorkbook, renderedToGrid } from '../../../src/core/template/render';
import { validateGrid } from '../../../src/core/validate';
import type { Finding } from '../../../src/core/rules/types';
import { BROKEN, exampleBuffer, oleFile, storedZip } from '../../support/fixtures';

const FIXTURES = path.join(__dirname, '../../fixtures');
const comparable = (fs_: Finding[]) =>
  fs_.map((f) => ({ rule: f.rule, severity: f.severity, sheet: f.sheet, cell: f.cell, cells: f.cells, expected: f.expected, actual: f.actual, tolerance: f.tolerance, message: f.message, messageId: f.messageId }));

describe('writer → reader round trip', () => {
  it.each([
    ['the example (figures as stated)', () => incheonSeogu2023, false],
    ['the blank template (live formulas)', () => blankDraft(), true],
    ['a 2031–2035 blank template', () => blankDraft({ period: { startYear: 2031, years: 5 } }), true],
  ] as const)('%s: same cell values and the same findings as the pure render → grid path', async (_, draft, formulas) => {
    const rendered = renderWorkbook(draft(), { formulas });
    const pure = renderedToGrid(rendered);
    const read = await readXlsxBuffer(await draftToBuffer(draft(), { formulas }));
    expect(read.grid.sheets.map((s) => s.name)).toEqual(pure.sheets.map((s) => s.name));
    pure.sheets.forEach((ps, i) => {
      const rs = read.grid.sheets[i];
      expect([...rs.merges].sort()).toEqual([...ps.merges].sort());
      for (let r = 0; r < ps.rows.length; r++) {
        for (let c = 0; c < (ps.rows[r]?.length ?? 0); c++) {
          const p = ps.rows[r][c];
          const x = rs.rows[r]?.[c];
          if (!p || p.value === null) {
            if (!p?.formula) expect(x?.value ?? null).toBeNull();
            continue;
          }
          expect({ at: `${ps.name}!${r},${c}`, v: x?.value }).toEqual({ at: `${ps.name}!${r},${c}`, v: p.value });
          if (p.formula) expect(x?.formula).toBe(p.formula);
        }
      }
    });
    const a = validateGrid(read.grid);
    const b = validateGrid(pure);
    expect(a.fatal).toBe(false);
    expect(comparable(a.findings)).toEqual(comparable(b.findings));
  });

  it('reads the committed example.xlsx exactly like a freshly written example', async () => {
    const fresh = await readXlsxBuffer(await exampleBuffer());
    const file = await readXlsxFile(path.join(FIXTURES, 'example.xlsx'));
    expect(file.grid).toEqual(fresh.grid);
  });
});

describe('cell values', () => {
  it('flattens rich text, dates, hyperlinks, errors and formulas (by cached result)', () => {
    expect(plainValue({ richText: [{ text: '9,' }, { text: '454', font: { bold: true } }] })).toBe('9,454');
    expect(plainValue(new Date(Date.UTC(2026, 2, 31)))).toBe('2026-03-31');
    expect(plainValue(new Date(Date.UTC(2026, 2, 31, 9, 30)))).toBe('2026-03-31T09:30:00Z');
    expect(plainValue({ text: '분야별 목표', hyperlink: '#분야별 목표!A1' })).toBe('분야별 목표');
    expect(plainValue({ text: { richText: [{ text: '링크' }] }, hyperlink: 'https://reis.or.kr' })).toBe('링크');
    expect(plainValue({ error: '#REF!' })).toBe('#REF!');
    expect(plainValue({ formula: 'SUM(A1:A3)', result: 12 })).toBe(12);
    expect(plainValue({ formula: 'A1/0', result: { error: '#DIV/0!' } })).toBe('#DIV/0!');
    expect(plainValue({ formula: 'SUM(A1:A3)' })).toBeNull();
    expect(plainValue({ sharedFormula: 'C4', result: 7 })).toBe(7);
    expect(plainValue(true)).toBe(true);
    expect(plainValue(null)).toBeNull();
    expect(isoDate(new Date(NaN))).toBe('');
  });

  it('reads a workbook saved with every kind of cell, formula text kept, merges, hidden sheets last, own sheets skipped', async () => {
    const wb = new ExcelJS.Workbook();
    const hidden = wb.addWorksheet('숨김');
    hidden.state = 'hidden';
    hidden.getCell('A1').value = '예전 사본';
    const ws = wb.addWorksheet('표');
    ws.getCell('A1').value = { richText: [{ text: '구 ' }, { text: '분' }] };
    ws.getCell('B1').value = new Date(Date.UTC(2026, 0, 2));
    ws.getCell('C1').value = { text: '링크', hyperlink: 'https://example.org' };
    ws.getCell('D1').value = { error: '#REF!' };
    ws.getCell('A2').value = 1;
    ws.getCell('B2').value = 2;
    ws.getCell('C2').value = { formula: 'A2+B2', result: 3 };
    ws.getCell('D2').value = { formula: 'A2*B2' };
    ws.getCell('E2').value = 1234;
    ws.getCell('E2').numFmt = '#,##0;"△"#,##0;"-"';
    ws.fillFormula('A4:C4', 'A2*10', [10, 20, 30]);
    ws.getCell('A6').value = '합 계';
    ws.mergeCells('A6:A7');
    wb.addWorksheet(RESULTS_SHEET).getCell('A1').value = '검증결과';
    const marks = wb.addWorksheet(MARKS_SHEET);
    marks.state = 'veryHidden';
    const read = await readXlsxBuffer(await workbookToBuffer(wb));
    expect(read.grid.sheets.map((s) => s.name)).toEqual(['표', '숨김']);
    expect(read.hiddenSheets).toEqual(['숨김']);
    const rows = read.grid.sheets[0].rows;
    expect(rows[0].map((c) => c?.value)).toEqual(['구 분', '2026-01-02', '링크', '#REF!']);
    expect(rows[1][2]).toEqual({ value: 3, formula: 'A2+B2' });
    expect(rows[1][3]).toEqual({ value: null, formula: 'A2*B2' });
    expect(rows[1][4]).toEqual({ value: 1234, numFmt: '#,##0;"△"#,##0;"-"' });
    expect(rows[3].map((c) => c?.value)).toEqual([10, 20, 30]);
    expect(rows[3][1]?.formula).toBe('B2*10'); // a shared formula, translated to its own cell
    expect(rows[5][0]?.value).toBe('합 계');
    expect(rows[6]?.[0]).toBeUndefined(); // the merged cell below holds nothing of its own
    expect(read.grid.sheets[0].merges).toEqual(['A6:A7']);
  });
});

describe('broken inputs', () => {
  it.each(BROKEN.filter((b) => b.code !== 'not-a-plan'))('$file → $code, one clear line', async (b) => {
    const file = path.join(FIXTURES, 'broken', b.file);
    const err = await readXlsxFile(file).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(XlsxReadError);
    const e = err as XlsxReadError;
    expect(e.code).toBe(b.code);
    expect(e.message).not.toMatch(/\n/);
    expect(e.message).toMatch(/[가-힣]/); // Korean …
    expect(e.message).toMatch(/\([^)]*[a-z]{3,}/); // … then English in parentheses
    expect(e.message.length).toBeLessThan(300);
  });

  it('a missing file is not-found', async () => {
    await expect(readXlsxFile(path.join(FIXTURES, 'no-such-file.xlsx'))).rejects.toMatchObject({ code: 'not-found' });
  });

  it('a folder is not-a-file, not a crash', async () => {
    await expect(readXlsxFile(FIXTURES)).rejects.toMatchObject({ code: 'not-a-file' });
  });

  it('no-tables.xlsx reads, but is not a plan (validateGrid says fatal)', async () => {
    const read = await readXlsxFile(path.join(FIXTURES, 'broken', 'no-tables.xlsx'));
    expect(validateGrid(read.grid).fatal).toBe(true);
  });

  it('classifies bytes before exceljs sees them', async () => {
    const ex = await exampleBuffer();
    expect(sniff(ex).kind).toBe('xlsx');
    expect(sniff(Buffer.alloc(0)).kind).toBe('empty');
    expect(sniff(Buffer.from('PK')).kind).toBe('not-zip');
    expect(sniff(ex.subarray(0, 100)).kind).toBe('truncated');
    expect(sniff(ex.subarray(0, ex.length - 10)).kind).toBe('truncated');
    expect(sniff(oleFile(['EncryptedPackage']))).toMatchObject({ kind: 'ole', encrypted: true });
    expect(sniff(oleFile(['Workbook']))).toMatchObject({ kind: 'ole', encrypted: false, legacyXls: true });
    // An OLE file with neither marker (a Word or HWP file) is not called password-protected.
    expect(sniff(oleFile(['Something']))).toMatchObject({ kind: 'ole', encrypted: false, legacyXls: false });
    expect(sniff(storedZip({ 'word/document.xml': '<w/>' })).kind).toBe('zip-not-xlsx');
  });

  it('a zip whose entries are damaged (central directory intact) is reported, not thrown raw', async () => {
    const ex = Buffer.from(await exampleBuffer());
    // Scribble over the middle of the compressed data, leaving the directory at the end intact.
    for (let i = 2000; i < 6000; i++) ex[i] = (ex[i] * 7 + 13) & 0xff;
    const err = (await readXlsxBuffer(ex).catch((e: unknown) => e)) as XlsxReadError;
    expect(err).toBeInstanceOf(XlsxReadError);
    expect(err.code).toBe('damaged');
    expect(err.message).toMatch(/^파일이 손상되었습니다 \(xl\//); // names the damaged entry
    expect(err.message).not.toMatch(/\n/);
  });
});

describe('the input is never written', () => {
  it('reading leaves the file byte-for-byte and time-for-time unchanged', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'jobtarget-read-'));
    try {
      const file = path.join(dir, 'plan.xlsx');
      await fs.copyFile(path.join(FIXTURES, 'example.xlsx'), file);
      const before = await fs.readFile(file);
      const st = await fs.stat(file);
      const read = await readXlsxFile(file);
      expect(read.sha256).toBe(createHash('sha256').update(before).digest('hex'));
      expect((await fs.readFile(file)).equals(before)).toBe(true);
      expect((await fs.stat(file)).mtimeMs).toBe(st.mtimeMs);
      expect(await fs.readdir(dir)).toEqual(['plan.xlsx']);
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('workbookToGrid', () => {
  it('keeps the tab order Excel shows (orderNo), not the creation order', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('가').getCell('A1').value = 1;
    wb.addWorksheet('나').getCell('A1').value = 2;
    (wb.getWorksheet('가') as unknown as { orderNo: number }).orderNo = 5;
    expect(workbookToGrid(wb).grid.sheets.map((s) => s.name)).toEqual(['나', '가']);
  });
});
