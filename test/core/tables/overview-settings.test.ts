/** The 요구 증감 settings of the 개요 sheet: a value that is not a number or not a plausible requirement is said. */
import type { GridWorkbook } from '../../../src/core/grid/grid';
import { renderWorkbook, renderedToGrid } from '../../../src/core/template/render';
import { validateGrid } from '../../../src/core/validate';
import { exampleDraft } from '../../support/plans';

/** The example with the 개요 cell right of `label` set to `value`. */
function withSetting(label: string, value: string | number): GridWorkbook {
  const grid = renderedToGrid(renderWorkbook(exampleDraft(), { formulas: false }));
  const sheet = grid.sheets.find((s) => s.name === '개요')!;
  const row = sheet.rows.find((r) => r?.[0]?.value === label)!;
  row[1] = { value };
  return grid;
}

const RATE = '요구 증감 (률 지표, %p)';
const COUNT = '요구 증감률 (수 지표, %)';

const settingFindings = (grid: GridWorkbook) => validateGrid(grid).findings.filter((f) => f.rule === 'structure' && f.sheet === '개요');

test.each([
  [RATE, 'abc', /숫자가 아니어서 기본값 2%p/],
  [COUNT, '열 퍼센트', /숫자가 아니어서 기본값 10%/],
  [RATE, -1000, /볼 수 없는 값/],
  [RATE, 150, /볼 수 없는 값/],
  [COUNT, -100, /볼 수 없는 값/],
  [COUNT, -200, /볼 수 없는 값/],
  [COUNT, 1e308, /볼 수 없는 값/],
])('%s = %p is reported as a warning at its cell', (label, value, message) => {
  const found = settingFindings(withSetting(label, value));
  expect(found).toHaveLength(1);
  expect(found[0]).toMatchObject({ severity: 'warning', cell: 'B' + (label === RATE ? 9 : 10) });
  expect(found[0].message).toMatch(message);
});

test('plausible settings are not reported', () => {
  expect(settingFindings(withSetting(RATE, 3))).toEqual([]);
  expect(settingFindings(withSetting(COUNT, 0))).toEqual([]);
  // A required decrease is a setting the rule supports (indicator-required-change.test.ts).
  expect(settingFindings(withSetting(RATE, -1))).toEqual([]);
});
