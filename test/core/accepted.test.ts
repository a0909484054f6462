/** Accepted findings in the core: read from the workbook's bookkeeping sheet, matched, kept out of the plan. */
import { ACCEPTED_SHEET, acceptFinding, acceptancesToRows, applyAcceptances, readAcceptances, withAcceptance, withoutAcceptance } from '../../src/core/accepted';
import type { GridWorkbook } from '../../src/core/grid/grid';
import { renderWorkbook, renderedToGrid } from '../../src/core/template/render';
import { validateGrid } from '../../src/core/validate';
import { exampleDraft } from '../support/plans';

function exampleGrid(): GridWorkbook {
  return renderedToGrid(renderWorkbook(exampleDraft(), { formulas: false }));
}

/** The sheet as a writer stores it: plain text cells under a header (numbers as Excel would keep them). */
function withSheet(grid: GridWorkbook, rows: (string | number | null)[][]): GridWorkbook {
  return { sheets: [...grid.sheets, { name: ACCEPTED_SHEET, merges: [], rows: rows.map((r) => r.map((v) => ({ value: v }))) }] };
}

test('validateGrid leaves accepted findings out of the list and the counts, and reports them as accepted', () => {
  const plain = validateGrid(exampleGrid());
  expect(plain.accepted).toEqual([]);
  const [f1, f2] = plain.findings.filter((f) => f.rule !== 'structure');
  const rows = acceptancesToRows([acceptFinding(f1, '사유 A'), acceptFinding(f2)]);
  // A reader may give numbers back as numbers: the match still holds.
  const numeric = rows.map((r) => r.map((v) => (/^\d+(\.\d+)?$/.test(v) ? Number(v) : v)));
  const r = validateGrid(withSheet(exampleGrid(), numeric));
  expect(r.findings).toHaveLength(plain.findings.length - 2);
  expect(r.accepted.map((a) => a.finding)).toEqual([f1, f2]);
  expect(r.accepted[0].acceptance.reason).toBe('사유 A');
  expect(r.summary.error + r.summary.warning + r.summary.info).toBe(r.findings.length);
  // The bookkeeping sheet is not part of the plan.
  expect(r.plan).toEqual(plain.plan);
});

test('an acceptance whose figures changed no longer matches (the finding is new) and is reported as stale', () => {
  const plain = validateGrid(exampleGrid());
  const f = plain.findings.find((x) => x.actual !== null && x.rule !== 'structure')!;
  const a = { ...acceptFinding(f), actual: String(f.actual) + '9' };
  const applied = applyAcceptances(plain.findings, [a]);
  expect(applied.findings).toHaveLength(plain.findings.length);
  expect(applied.stale).toEqual([a]);
});

test('reading ignores blank rows and duplicates; add and remove keep one acceptance per finding', () => {
  const plain = validateGrid(exampleGrid());
  const f = plain.findings[1];
  const a = acceptFinding(f, 'x');
  const rows = acceptancesToRows([a, { ...a, reason: 'y' }]);
  rows.splice(1, 0, ['', '', '']);
  expect(readAcceptances(withSheet(exampleGrid(), rows))).toEqual([a]);
  expect(withAcceptance([a], { ...a, reason: 'z' })).toEqual([{ ...a, reason: 'z' }]);
  expect(withoutAcceptance([a], a)).toEqual([]);
});

test('accepting a run of empty cells does not hide a longer run starting at the same cell', () => {
  // 실천과제 D9:G9 (row 9: a 세부사업's 성과목표 by year).
  const blank = (cols: number[]): GridWorkbook => {
    const grid = exampleGrid();
    const sheet = grid.sheets.find((s) => s.name === '실천과제')!;
    for (const c of cols) sheet.rows[8][c] = { value: null };
    return grid;
  };
  const two = validateGrid(blank([3, 4])).findings.find((f) => f.rule === 'value-blank' && f.cell === 'D9')!;
  expect(two.messageId).toBe('blankCells');
  const rows = acceptancesToRows([acceptFinding(two, '2023~2024 미정')]);
  // The same two cells: still accepted, also after a save and reopen.
  expect(validateGrid(withSheet(blank([3, 4]), rows)).accepted.map((a) => a.finding.cell)).toEqual(['D9']);
  // Four empty cells from D9: a new finding, shown; the acceptance is stale.
  const four = validateGrid(withSheet(blank([3, 4, 5, 6]), rows));
  expect(four.accepted).toEqual([]);
  expect(four.findings.filter((f) => f.rule === 'value-blank').map((f) => f.cells.length)).toEqual([4]);
});
