/**
 * Every Excel API use in the add-in (src/adapters/office, src/taskpane, src/commands) newer than the
 * oldest supported ExcelApi (MIN_EXCEL_API, what manifest.xml declares) is guarded by a check for at
 * least the version its @types/office-js note names. The test also removes a guard from a copy of the
 * sources and sees itself fail.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { MIN_EXCEL_API } from '../../src/adapters/office/api';
import { ROOT, findUnguardedCalls, makeProgram } from './api-sets';

let program: ReturnType<typeof makeProgram>;
beforeAll(() => {
  program = makeProgram();
}, 120_000);

test('every Excel API newer than the oldest supported set is guarded by a check for it', () => {
  const { violations, checked } = findUnguardedCalls(program, MIN_EXCEL_API);
  expect(violations).toEqual([]);
  // It did look at the APIs that matter (not a test that cannot fail).
  const apis = new Set(checked.map((c) => c.api));
  for (const api of ['Workbook.notes', 'Workbook.comments', 'RangeAreas.select', 'Range.getMergedAreasOrNullObject']) {
    expect([...apis].some((a) => a === api || a.startsWith(api))).toBe(true);
  }
});

describe('removing a guard makes it fail', () => {
  test.each([
    ['src/adapters/office/select.ts', "host.supports('ExcelApi', '1.18')", 'true', 'RangeAreas.select', '1.18'],
    ['src/adapters/office/marks.ts', "host.supports('ExcelApi', '1.18') ? ctx.workbook.notes : null", 'ctx.workbook.notes', 'Workbook.notes', '1.18'],
    ['src/adapters/office/select.ts', "host.supports('ExcelApi', '1.18')", "host.supports('ExcelApi', '1.17')", 'RangeAreas.select', '1.18'],
    ['src/adapters/office/validate.ts', "host.supports('ExcelApi', '1.13') ? mergedAreasOf : null", 'mergedAreasOf', 'mergedAreasOf() (@requires)', '1.13'],
  ])('%s: %s → %s', (file, guard, replacement, api, needs) => {
    const abs = path.join(ROOT, file);
    const text = readFileSync(abs, 'utf8');
    expect(text).toContain(guard);
    const mutated = makeProgram({ file: abs, text: text.replace(guard, replacement) }, program);
    const { violations } = findUnguardedCalls(mutated, MIN_EXCEL_API);
    expect(violations).toEqual([expect.objectContaining({ api, needs })]);
  }, 120_000);
});
