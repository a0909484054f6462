/**
 * A workbook holding two plans (the template inserted twice, two offices' plans pasted side by side): the
 * first is checked as it would be alone, the second is named once, never summed into the first.
 */
import type { GridWorkbook } from '../../../src/core/grid/grid';
import { validateGrid } from '../../../src/core/validate';
import { documentLayout } from '../../support/document-layouts';
import { readXlsxFile } from '../../../src/adapters/xlsx/read';
import * as path from 'path';

const view = (grid: GridWorkbook) => validateGrid(grid).findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.expected, f.actual, f.tolerance, f.message]);

test('the second plan, from its repeated table on, is not read; one warning says where it begins', () => {
  const one = documentLayout().grid;
  const alone = view(one);
  const renamed = (suffix: string) => documentLayout().grid.sheets.map((s) => ({ ...s, name: `${s.name}${suffix}` }));
  const two: GridWorkbook = { sheets: [...one.sheets, ...renamed(' (2)')] };
  const both = view(two);
  const extra = both.filter((f) => !alone.some((g) => JSON.stringify(g) === JSON.stringify(f)));
  expect(both.length).toBe(alone.length + 1);
  expect(extra).toHaveLength(1);
  expect(extra[0][1]).toBe('warning');
  expect(extra[0][2]).toBe(`${one.sheets[0].name} (2)`);
  expect(extra[0][7]).toMatch(/계획이 둘 이상 있습니다: 분야별 목표 표가 두 번 나옵니다\(문서!A\d+, '문서 \(2\)'!A\d+\) — 첫 계획만 검증했고/);
});

test('one plan alone has no such warning', () => {
  expect(view(documentLayout().grid).filter((f) => /계획이 둘 이상/.test(String(f[7])))).toEqual([]);
});

test('our template inserted twice (개요 (2) …): the second copy begins at its 개요', async () => {
  const { grid } = await readXlsxFile(path.join(__dirname, '../../fixtures/example.xlsx'));
  const alone = view(grid);
  const two: GridWorkbook = { sheets: [...grid.sheets, ...grid.sheets.map((s) => ({ ...s, name: `${s.name} (2)` }))] };
  const both = view(two);
  expect(both.filter((f) => !alone.some((g) => JSON.stringify(g) === JSON.stringify(f)))).toEqual([
    [expect.any(String), 'warning', '개요 (2)', expect.any(String), null, null, null, expect.stringMatching(/계획이 둘 이상 있습니다: 개요 표가 두 번 나옵니다\(개요!A4, '개요 \(2\)'!A4\)/)],
  ]);
  expect(both).toHaveLength(alone.length + 1);
});
