/**
 * Highlight then clear: every format property back as it was (No Fill is not white), also after the
 * workbook was saved and reopened; re-validating replaces the marks; user notes are never touched.
 */
import { ANNOTATION_TAG, MARKS_SHEET, SEVERITY_FILL, clearMarks, validate } from '../../../src/adapters/office';
import { parseA1 } from '../../../src/core/grid/a1';
import type { Finding } from '../../../src/core/rules/types';
import { cellKey, createExcelDouble, type ExcelDouble, type FillModel, type FormatModel } from '../../office-double';
import { consistentDraft } from '../../support/plans';
import { coreFindings, exampleDraft, formats, inserted, noteCount } from './helpers';

const WHITE: FillModel = { color: '#FFFFFF', pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
const PATTERN: FillModel = { color: '#FFFF00', pattern: 'Gray25', patternColor: '#FF0000', tintAndShade: 0, patternTintAndShade: 0 };
const TINTED: FillModel = { color: '#4472C4', pattern: 'Solid', patternColor: null, tintAndShade: 0.4, patternTintAndShade: 0 };
const GREEN: FillModel = { color: '#C6EFCE', pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };

/** Distinct finding cells (the cells that get the strong colour), in order. */
function findingCells(): { sheet: string; cell: string; f: Finding }[] {
  const seen = new Set<string>();
  return coreFindings()
    .filter((f) => f.sheet && f.cell)
    .filter((f) => {
      const k = `${f.sheet}!${f.cell}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    })
    .map((f) => ({ sheet: f.sheet, cell: f.cell, f }));
}

function setFormat(x: ExcelDouble, sheet: string, cell: string, fmt: FormatModel): void {
  const s = x.sheet(sheet)!;
  const { row, col } = parseA1(cell);
  const c = (s.cells[cellKey(row, col)] ??= {});
  c.fmt = { ...(c.fmt ?? {}), ...fmt };
}

/** The example inserted, with a variety of fills already on finding cells (a user's own colouring). */
async function decorated(excelApi = '1.18'): Promise<ExcelDouble> {
  const x = await inserted(exampleDraft(), excelApi);
  const cells = findingCells();
  expect(cells.length).toBeGreaterThanOrEqual(5);
  setFormat(x, cells[0].sheet, cells[0].cell, { fill: { ...WHITE } }); // explicit white
  setFormat(x, cells[1].sheet, cells[1].cell, { fill: { ...PATTERN }, bold: true });
  setFormat(x, cells[2].sheet, cells[2].cell, { fill: { ...TINTED }, numberFormat: '0.00' });
  setFormat(x, cells[3].sheet, cells[3].cell, { fill: { ...GREEN } });
  // cells[4] keeps whatever the template gave it (No Fill or the total-row grey).
  return x;
}

/** Cleared marks: the sheet stays (deleting it would clear the user's undo history), very hidden, header only. */
function expectEmptyMarksSheet(x: ExcelDouble): void {
  const marks = x.sheet(MARKS_SHEET)!;
  expect(marks.visibility).toBe('VeryHidden');
  expect(Object.keys(marks.cells).every((k) => k.startsWith('0,'))).toBe(true);
  expect(marks.merges).toEqual([]);
}

describe('highlight then clear', () => {
  test('every format comes back exactly: No Fill stays No Fill, white stays white, patterns and tints too', async () => {
    const x = await decorated();
    const before = formats(x.snapshot());
    const cells = findingCells();
    const r = await validate(x.host, { lang: 'ko', highlight: true });
    expect(r.annotation).toBe('notes');
    // Finding cells now carry the severity colour.
    for (const { sheet, cell, f } of cells.slice(0, 5)) {
      const fill = x.cell(sheet, cell).format.fill;
      expect(fill?.pattern).toBe('Solid');
      expect(Object.values(SEVERITY_FILL).some((c) => c.cell === fill?.color)).toBe(true);
      expect(f.severity).toBeDefined();
    }
    expect(formats(x.snapshot())).not.toEqual(before);
    expect(x.sheet(MARKS_SHEET)?.visibility).toBe('VeryHidden');

    x.resetCounts();
    const c = await clearMarks(x.host);
    expect(x.syncCount()).toBeLessThanOrEqual(3);
    expect(c.restored).toBe(r.marked);
    expect(c.annotationsRemoved).toBeGreaterThan(0);
    expect(formats(x.snapshot())).toEqual(before);
    expectEmptyMarksSheet(x);
    expect(noteCount(x.workbook)).toBe(0);
  });

  test('a cell with No Fill is restored with No Fill, not with white', async () => {
    const x = await inserted();
    const noFill = findingCells().find(({ sheet, cell }) => !x.cell(sheet, cell).format.fill);
    expect(noFill).toBeDefined();
    await validate(x.host, { lang: 'ko', highlight: true });
    expect(x.cell(noFill!.sheet, noFill!.cell).format.fill).toBeDefined();
    await clearMarks(x.host);
    expect(x.cell(noFill!.sheet, noFill!.cell).format.fill).toBeUndefined();
  });

  test('clearing works after the workbook was saved and reopened (a fresh host on the saved state)', async () => {
    const x = await decorated();
    const before = formats(x.snapshot());
    await validate(x.host, { lang: 'ko', highlight: true });
    const saved = x.snapshot();
    const reopened = createExcelDouble(saved, { requirementSets: { ExcelApi: '1.18' } });
    const c = await clearMarks(reopened.host);
    expect(c.restored).toBeGreaterThan(0);
    expect(formats(reopened.snapshot())).toEqual(before);
    expectEmptyMarksSheet(reopened);
    expect(noteCount(reopened.workbook)).toBe(0);
  });

  test('validating again replaces the marks (our own colours are never saved as the original)', async () => {
    const x = await decorated();
    const before = formats(x.snapshot());
    await validate(x.host, { lang: 'ko', highlight: true });
    const first = formats(x.snapshot());
    const notes = noteCount(x.workbook);
    await validate(x.host, { lang: 'ko', highlight: true });
    expect(formats(x.snapshot())).toEqual(first);
    expect(noteCount(x.workbook)).toBe(notes);
    await clearMarks(x.host);
    expect(formats(x.snapshot())).toEqual(before);
  });

  test('a cell fixed between two validations goes back to its own format', async () => {
    const draft = consistentDraft();
    draft.tasks[0].subprojects[0].target.total! += 3;
    const x = await inserted(draft);
    const before = formats(x.snapshot());
    const r = await validate(x.host, { lang: 'ko', highlight: true });
    const slip = r.result.findings.find((f) => f.rule === 'row-total')!;
    expect(slip).toBeDefined();
    expect(x.cell(slip.sheet, slip.cell).format.fill?.color).toBe(SEVERITY_FILL[slip.severity].cell);
    x.userEdit(slip.sheet, slip.cell, [[slip.expected as number]]);
    const again = await validate(x.host, { lang: 'ko', highlight: true });
    const involved = (f: Finding) => (f.sheet === slip.sheet && f.cell === slip.cell) || f.cells.some((c) => c.endsWith(`!${slip.cell}`));
    expect(again.result.findings.some(involved)).toBe(false);
    const { row, col } = parseA1(slip.cell);
    const own = (before[slip.sheet] as { cells: Record<string, FormatModel> }).cells[cellKey(row, col)];
    expect(x.cell(slip.sheet, slip.cell).format).toEqual(own);
    await clearMarks(x.host);
    expect(formats(x.snapshot())).toEqual(before);
  });

  test("the user's notes are never overwritten or removed", async () => {
    const x = await inserted();
    const target = findingCells()[0];
    const { row, col } = parseA1(target.cell);
    x.sheet(target.sheet)!.notes[cellKey(row, col)] = { content: '담당자 확인 필요', author: 'User' };
    const elsewhere = x.sheet(target.sheet)!;
    elsewhere.notes[cellKey(0, 5)] = { content: '제목 메모', author: 'User' };
    const r = await validate(x.host, { lang: 'ko', highlight: true });
    expect(r.annotationsSkipped).toBe(1);
    expect(x.sheet(target.sheet)!.notes[cellKey(row, col)].content).toBe('담당자 확인 필요');
    await clearMarks(x.host);
    const left = x.workbook.sheets.flatMap((s) => Object.values(s.notes).map((n) => n.content)).sort();
    expect(left).toEqual(['담당자 확인 필요', '제목 메모']);
  });

  test('comments (ExcelApi 1.10–1.17): only our comments are removed', async () => {
    const x = await decorated('1.12');
    const before = formats(x.snapshot());
    const user = findingCells()[6];
    const userSheet = x.sheet(user.sheet)!;
    const { row, col } = parseA1(user.cell);
    x.workbook.comments.push({ id: '{user-comment}', sheetId: userSheet.id, cell: cellKey(row, col), content: '검토 의견', author: 'Reviewer' });
    const r = await validate(x.host, { lang: 'ko', highlight: true });
    expect(r.annotation).toBe('comments');
    expect(x.workbook.comments.filter((c) => c.content.startsWith(ANNOTATION_TAG)).length).toBeGreaterThan(0);
    await clearMarks(x.host);
    expect(x.workbook.comments.map((c) => c.content)).toEqual(['검토 의견']);
    expect(formats(x.snapshot())).toEqual(before);
  });

  test('fill only (ExcelApi 1.9): restores exactly too', async () => {
    const x = await decorated('1.9');
    const before = formats(x.snapshot());
    await validate(x.host, { lang: 'ko', highlight: true });
    expect(formats(x.snapshot())).not.toEqual(before);
    await clearMarks(x.host);
    expect(formats(x.snapshot())).toEqual(before);
  });

  test('clearing with nothing marked costs one round trip and changes nothing', async () => {
    const x = await inserted();
    const before = x.snapshot();
    const c = await clearMarks(x.host);
    expect(c.restored).toBe(0);
    expect(x.syncCount()).toBe(1);
    expect(x.snapshot()).toEqual(before);
  });

  test('a flagged merged cell is marked and restored as a whole area', async () => {
    const x = await inserted();
    // The excluded strategy area's name (분야별 목표!A14, flagged 'budget-excluded') merged with the
    // empty cell below it, as a user might format it.
    const areas = x.sheet('분야별 목표')!;
    areas.merges.push('A14:A15');
    areas.cells[cellKey(14, 0)] = { fmt: { ...(areas.cells[cellKey(13, 0)]?.fmt ?? {}) } };
    const before = formats(x.snapshot());
    const r = await validate(x.host, { lang: 'ko', highlight: true });
    expect(r.result.findings.some((f) => f.sheet === '분야별 목표' && f.cell === 'A14')).toBe(true);
    const a14 = x.cell('분야별 목표', 'A14').format.fill;
    expect(a14?.color).toBe(SEVERITY_FILL.info.cell);
    expect(x.cell('분야별 목표', 'A15').format.fill).toEqual(a14);
    expect(x.sheet(MARKS_SHEET)!.merges.length).toBeGreaterThan(0); // the saved format keeps the merge
    await clearMarks(x.host);
    expect(formats(x.snapshot())).toEqual(before);
  });
});
