/** 되돌리기 after 목표 경로로 채우기: cells put back as they were (number, formula, empty) in one round trip. */
import { restoreCells, writeIndicatorTargets } from '../../../src/adapters/office';
import { inserted } from './helpers';

test('restoreCells puts back a number, a formula and an empty cell, in one round trip', async () => {
  const x = await inserted();
  const sheet = '공통 일자리 목표';
  const before = ['E4', 'F4', 'G4'].map((a) => x.cell(sheet, a));
  // a formula and an empty cell to restore as well
  x.userEdit(sheet, 'F4', [['']]);
  const empty = x.cell(sheet, 'F4');
  expect(empty.value).toBe('');

  await writeIndicatorTargets(x.host, [
    { sheet, cell: 'E4', value: 99.9 },
    { sheet, cell: 'F4', value: 99.9 },
    { sheet, cell: 'G4', value: 99.9 },
  ]);
  expect(x.cell(sheet, 'E4').value).toBe(99.9);
  x.resetCounts();
  const r = await restoreCells(x.host, [
    { sheet, cell: 'E4', value: before[0].value as number },
    { sheet, cell: 'F4', value: null },
    { sheet, cell: 'G4', value: null, formula: 'E4+1' },
  ]);
  expect(r.cost.syncs).toBe(1);
  expect(x.syncCount()).toBe(1);
  expect(x.cell(sheet, 'E4').value).toBe(before[0].value);
  expect(x.cell(sheet, 'F4').value).toBe('');
  expect(x.cell(sheet, 'G4').formula).toBe('=E4+1');
  expect(x.cell(sheet, 'G4').value).toBe((before[0].value as number) + 1);
});
