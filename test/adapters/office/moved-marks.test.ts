/**
 * The user inserts or deletes rows/columns (a new 세부사업 row above the marks — very common), or deletes
 * a marked sheet, between 검증 and 지우기 or before the (auto) re-check. Each mark's target is a formula
 * on MARKS_SHEET, which Excel keeps pointing at the marked cells. Before, the targets were text: 지우기
 * restored saved fills onto the cells now at the old addresses and left the moved cells red/yellow for
 * good; a re-check saved the moved red cells as their "original" format.
 */
import { MARKS_SHEET, SEVERITY_FILL, clearMarks, validate } from '../../../src/adapters/office';
import { parseA1 } from '../../../src/core/grid/a1';
import { createExcelDouble, type ExcelDouble } from '../../office-double';
import { formats, inserted } from './helpers';

const OURS = new Set(Object.values(SEVERITY_FILL).flatMap((c) => [c.cell, c.involved]));

/** Cells of the plan sheets still in a mark colour. */
function stillMarked(x: ExcelDouble): string[] {
  return x.workbook.sheets.filter((s) => s.name !== MARKS_SHEET).flatMap((s) => Object.entries(s.cells).filter(([, c]) => c.fmt?.fill && OURS.has(c.fmt.fill.color)).map(([k]) => `${s.name}!${k}`));
}

/** The workbook as it was before 검증, with the same user edit applied: what clearing must give back. */
function expected(before: ReturnType<ExcelDouble['snapshot']>, edit: (y: ExcelDouble) => void): Record<string, unknown> {
  const y = createExcelDouble(before);
  edit(y);
  return formats(y.snapshot());
}

async function marked() {
  const x = await inserted();
  const before = x.snapshot();
  const r = await validate(x.host, { lang: 'ko', highlight: true });
  expect(stillMarked(x).length).toBeGreaterThan(0);
  const sheet = '실천과제';
  const rows = r.result.findings.filter((f) => f.sheet === sheet && f.cell).map((f) => parseA1(f.cell).row + 1);
  expect(rows.length).toBeGreaterThan(0);
  return { x, before, r, sheet, first: Math.min(...rows), last: Math.max(...rows) };
}

test('a row inserted above marked cells: 지우기 restores the moved cells (3 round trips)', async () => {
  const { x, before, sheet, first } = await marked();
  const edit = (y: ExcelDouble) => y.userInsert(sheet, `${first}:${first}`);
  edit(x);
  x.resetCounts();
  const c = await clearMarks(x.host);
  expect(c.cost.syncs).toBe(3);
  expect(stillMarked(x)).toEqual([]);
  expect(formats(x.snapshot())).toEqual(expected(before, edit));
});

test('a row inserted above, then the re-check: the moved marks are restored before saving, never saved as the format', async () => {
  const { x, before, sheet, first } = await marked();
  const edit = (y: ExcelDouble) => y.userInsert(sheet, `${first}:${first}`);
  edit(x);
  x.resetCounts();
  await validate(x.host, { lang: 'ko', highlight: true });
  expect(x.syncCount()).toBe(3);
  await clearMarks(x.host);
  expect(stillMarked(x)).toEqual([]);
  expect(formats(x.snapshot())).toEqual(expected(before, edit));
});

test('rows inserted inside a marked block (they took its fill from the row above) and columns left of the marks', async () => {
  const { x, before } = await marked();
  // A block of marked cells over several rows (the record's target formula on MARKS_SHEET names it).
  const block = Object.values(x.sheet(MARKS_SHEET)!.cells)
    .map((c) => /^=ROWS\('(.+)'!([A-Z]+)(\d+):([A-Z]+)(\d+)\)$/.exec(c.f ?? ''))
    .find((m) => m && Number(m[5]) > Number(m[3]));
  expect(block).toBeTruthy();
  const [, sheet, , top] = block!;
  const mid = Number(top) + 1;
  const edit = (y: ExcelDouble) => {
    y.userInsert(sheet, `${mid}:${mid + 1}`);
    y.userInsert(sheet, 'A:A'); // (at column A: nothing to its left to take a format from)
  };
  edit(x);
  await clearMarks(x.host);
  expect(stillMarked(x)).toEqual([]);
  expect(formats(x.snapshot())).toEqual(expected(before, edit));
});

test('deleted rows: marks on them are dropped, the others restored where they moved', async () => {
  const { x, before, sheet, first } = await marked();
  const edit = (y: ExcelDouble) => y.userDelete(sheet, `${first - 1}:${first}`);
  edit(x);
  await validate(x.host, { lang: 'ko', highlight: true });
  await clearMarks(x.host);
  expect(stillMarked(x)).toEqual([]);
  expect(formats(x.snapshot())).toEqual(expected(before, edit));
  expect(Object.keys(x.sheet(MARKS_SHEET)!.cells).every((k) => k.startsWith('0,'))).toBe(true);
});

test('a marked sheet deleted: its records are dropped, the other sheets restored', async () => {
  const { x, before, r, sheet } = await marked();
  expect(r.result.findings.some((f) => f.sheet && f.sheet !== sheet && f.cell)).toBe(true);
  const edit = (y: ExcelDouble) => y.userDeleteSheet(sheet);
  edit(x);
  const c = await clearMarks(x.host);
  expect(c.degraded ?? []).toEqual([]);
  expect(stillMarked(x)).toEqual([]);
  expect(formats(x.snapshot())).toEqual(expected(before, edit));
  expect(Object.keys(x.sheet(MARKS_SHEET)!.cells).every((k) => k.startsWith('0,'))).toBe(true);
});

test('renamed and rows inserted in a later session (saved and reopened): still restored', async () => {
  const { x, before, sheet, first } = await marked();
  const edit = (y: ExcelDouble) => {
    y.userRenameSheet(sheet, `${sheet} 수정`);
    y.userInsert(`${sheet} 수정`, `${first}:${first}`);
  };
  const reopened = createExcelDouble(x.snapshot());
  edit(reopened);
  await clearMarks(reopened.host);
  expect(stillMarked(reopened)).toEqual([]);
  expect(formats(reopened.snapshot())).toEqual(expected(before, edit));
});
