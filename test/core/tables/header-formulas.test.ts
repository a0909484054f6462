/**
 * Year headers written as formulas that were never calculated (a workbook made by a program, never
 * opened and saved in Excel): the tables cannot be read, and the reason given is that one.
 */
import * as path from 'path';
import { readXlsxFile } from '../../../src/adapters/xlsx/read';
import { validateGrid } from '../../../src/core/validate';
import { yearOfHeader } from '../../../src/core/tables/labels';

test('headers =2022+1 … with no cached value: each table says its header formulas have no value saved', async () => {
  const { grid } = await readXlsxFile(path.join(__dirname, '../../fixtures/example.xlsx'));
  let replaced = 0;
  for (const sheet of grid.sheets) {
    for (const row of sheet.rows) {
      row?.forEach((cell, c) => {
        const year = cell && typeof cell.value === 'string' ? yearOfHeader(cell.value) : null;
        if (year !== null && year >= 2023 && year <= 2026) {
          row[c] = { value: null, formula: `${year - 1}+1` };
          replaced++;
        }
      });
    }
  }
  expect(replaced).toBeGreaterThan(20);
  const messages = validateGrid(grid).findings.map((f) => f.message);
  const unread = messages.filter((m) => m.includes('연도 열을 찾지 못했습니다'));
  expect(unread.length).toBeGreaterThan(10);
  for (const m of unread) expect(m).toContain('머리글 수식의 계산값이 저장되어 있지 않습니다 (Excel에서 다시 계산해 저장하세요)');
});

test('headers that are plain text without years keep the short reason', async () => {
  const { grid } = await readXlsxFile(path.join(__dirname, '../../fixtures/example.xlsx'));
  for (const sheet of grid.sheets)
    for (const row of sheet.rows)
      row?.forEach((cell, c) => {
        if (cell && typeof cell.value === 'string' && yearOfHeader(cell.value) !== null) row[c] = { value: '연도' };
      });
  const unread = validateGrid(grid).findings.map((f) => f.message).filter((m) => m.includes('연도 열을 찾지 못했습니다'));
  expect(unread.length).toBeGreaterThan(10);
  for (const m of unread) expect(m).not.toContain('수식');
});
