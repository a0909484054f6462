/**
 * A submitted 성과 / 연차별 세부계획 rarely keeps the template's exact shape. The reader finds the tables
 * by their labels: rows inserted above and inside the table, labels with extra spaces, renamed and
 * reordered sheets, the 수준 column left empty (indentation only), numbers typed as text, a 실천과제 merged
 * over its 세부사업 rows — all read the same values, at their new addresses.
 */
import { parseRange, rangeA1 } from '../../../src/core/grid/a1';
import type { GridCell, GridSheet, GridWorkbook } from '../../../src/core/grid/grid';
import { readPlan } from '../../../src/core/template/read';
import { renderWorkbook, renderedToGrid } from '../../../src/core/template/render';
import { validateGrid } from '../../../src/core/validate';
import { sejong2024 } from '../../../src/core/examples/sejong-2024';
import { fullDraft } from '../../support/results';

function sheet(wb: GridWorkbook, name: string): GridSheet {
  const s = wb.sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no sheet ${name}`);
  return s;
}

/** Inserts `n` empty rows before row `at` (0-based), moving merges with them. */
function insertRows(s: GridSheet, at: number, n: number): void {
  s.rows.splice(at, 0, ...Array.from({ length: n }, () => []));
  s.merges = s.merges.map((m) => {
    const r = parseRange(m);
    const shift = (row: number) => (row >= at ? row + n : row);
    return rangeA1(shift(r.r0), r.c0, shift(r.r1), r.c1);
  });
}

function set(s: GridSheet, row: number, col: number, cell: GridCell | undefined): void {
  (s.rows[row] ??= [])[col] = cell;
}

function drifted(): GridWorkbook {
  const wb = renderedToGrid(renderWorkbook(fullDraft(), { formulas: false }));
  const res = sheet(wb, '성과');
  const ann = sheet(wb, '연차별 세부계획');
  // 성과: three rows above everything, one blank row inside the table (between items 1 and 2),
  // header labels with spaces, the 수준 column emptied (indentation decides), 실적 typed as text.
  insertRows(res, 0, 3);
  insertRows(res, 3 + 8 + 2, 1); // before item 2 (온라인)
  set(res, 10, 4, { value: ' 실 적 ' });
  set(res, 10, 1, { value: '성과  항목' });
  set(res, 10, 5, { value: '달성률(%)' });
  for (let r = 11; r < 11 + 9; r++) set(res, r, 0, undefined);
  set(res, 11, 4, { value: '40명' });
  set(res, 12, 4, { value: '18' });
  res.name = '2027 성과 실적';
  // 연차별 세부계획: two rows above, the 실천과제 written once and merged over its three rows.
  insertRows(ann, 0, 2);
  set(ann, 10, 0, undefined);
  set(ann, 11, 0, undefined);
  ann.merges.push('A10:A12');
  set(ann, 8, 1, { value: '세부 사업명' });
  ann.name = '연차계획(수정)';
  // The results sheets first.
  wb.sheets = [res, ann, ...wb.sheets.filter((s) => s !== res && s !== ann)];
  return wb;
}

describe('results drift', () => {
  const original = readPlan(renderedToGrid(renderWorkbook(fullDraft(), { formulas: false }))).plan;
  const { plan, problems } = readPlan(drifted());

  it('reads without problems', () => {
    expect(problems).toEqual([]);
    expect(plan.tasks).toHaveLength(2);
  });

  it('reads the same 성과 items at their new cells', () => {
    const shape = (p: typeof plan) => p.results!.items.map((i) => [i.level, i.name, i.unit, i.target?.value ?? null, i.actual.value, i.rate?.value ?? null, i.parent, i.link?.subproject ?? null]);
    expect(shape(plan)).toEqual(shape(original));
    const items = plan.results!.items;
    expect(plan.results!.sheet).toBe('2027 성과 실적');
    expect(items[0].actual).toMatchObject({ ref: { sheet: '2027 성과 실적', cell: 'E12' }, state: 'text-number', value: 40 });
    expect(items[2].actual.ref.cell).toBe('E15'); // after the blank row
    expect(plan.results!.yearRef).toEqual({ sheet: '2027 성과 실적', cell: 'C9' });
  });

  it('reads the same 연차별 세부계획 rows, the merged 실천과제 carried down', () => {
    const shape = (p: typeof plan) => p.annualPlan!.rows.map((r) => [r.task, r.subproject, r.target.value, r.budget?.value, r.budgetUnit]);
    expect(shape(plan)).toEqual(shape(original));
    const rows = plan.annualPlan!.rows;
    expect(rows[2]).toMatchObject({ task: '① 실천과제 1', taskRef: { sheet: '연차계획(수정)', cell: 'A10' }, label: { cell: 'B12' } });
  });

  it('gives the same findings, at the new addresses', () => {
    const before = validateGrid(renderedToGrid(renderWorkbook(fullDraft(), { formulas: false }))).findings.map((f) => `${f.rule} ${f.messageId} ${f.expected} ${f.actual}`);
    const after = validateGrid(drifted()).findings.map((f) => `${f.rule} ${f.messageId} ${f.expected} ${f.actual}`);
    // The same findings; their order follows each workbook's sheet order, which the drift changes.
    expect(after.sort()).toEqual(before.sort());
  });

  it('reads the 세종 example with its labels spaced and rows inserted, with the same findings', () => {
    const wb = renderedToGrid(renderWorkbook(sejong2024, { formulas: false }));
    const s = sheet(wb, '성과');
    insertRows(s, 2, 4);
    set(s, 11, 1, { value: ' 성과 항목' });
    set(s, 11, 4, { value: '실  적' });
    s.name = '성과 (2024)';
    const r = validateGrid(wb);
    expect(r.fatal).toBe(false);
    expect(r.findings.map((f) => `${f.rule} ${f.severity} ${f.cell} ${f.expected} ${f.actual}`)).toEqual([
      'structure info  null null',
      'result-sum error E13 1221 1216',
      'result-sum error E20 732 753',
      'result-units warning E40 명 개社',
    ]);
  });

  it('a workbook with no plan and no results is still not a plan (fatal)', () => {
    const r = validateGrid({ sheets: [{ name: 'Sheet1', rows: [[{ value: '메모' }]], merges: [] }] });
    expect(r.fatal).toBe(true);
    expect(r.findings.map((f) => f.messageId)).toEqual(['notAPlan', 'tableNotFound', 'tableNotFound', 'tableNotFound', 'tableNotFound']);
  });

  it('a sheet named 성과 without the table is reported plainly', () => {
    const r = readPlan({ sheets: [...renderedToGrid(renderWorkbook(fullDraft(), { formulas: false })).sheets.filter((s) => s.name !== '성과'), { name: '성과', rows: [[{ value: '작성 중' }]], merges: [] }] });
    expect(r.problems.map((p) => [p.table, p.level, p.messageEn])).toEqual([['성과', 'table', "no table with headers '성과 항목' and '실적' found on sheet '성과'"]]);
  });
});
