/**
 * The double's structure edits (the user inserting/deleting rows and columns, renaming or deleting a
 * sheet) with Excel's adjustment of formulas that refer to the moved cells, on any sheet.
 */
import { createExcelDouble, emptyWorkbook, seedCell, type WorkbookModel } from './index';
import { mapReferences } from './formula';

function book(): WorkbookModel {
  const wb = emptyWorkbook(['Data', 'My sheet', 'Refs']);
  const [data, mine, refs] = wb.sheets;
  seedCell(data, 'C5', 1, { bold: true });
  seedCell(data, 'D5', 2);
  seedCell(data, 'C9', 3);
  seedCell(data, 'B2', '=SUM(C5:D5)'); // same sheet, no sheet name
  seedCell(mine, 'A1', 7);
  seedCell(refs, 'A1', '=ROWS(Data!C5:D5)');
  seedCell(refs, 'A2', "=ROWS(Data!$C$5:$D$9)+SUM('My sheet'!A1)");
  seedCell(refs, 'A3', '=ROWS(Data!C9)');
  seedCell(refs, 'A4', '="Data!C5"'); // text, not a reference
  data.merges.push('C7:D8');
  data.notes['4,2'] = { content: 'n', author: 'u' };
  return wb;
}

const f = (x: ReturnType<typeof createExcelDouble>, a1: string) => x.cell('Refs', a1).formula;

test('inserting rows above an area moves it; inside it, the area grows; formulas on every sheet follow', () => {
  const x = createExcelDouble(book());
  x.userInsert('Data', '3:4');
  expect(x.cell('Data', 'C7')).toMatchObject({ value: 1, format: { bold: true } });
  expect(x.cell('Data', 'C5').value).toBe('');
  expect(x.sheet('Data')!.notes['6,2']).toBeDefined();
  expect(x.sheet('Data')!.merges).toEqual(['C9:D10']);
  expect(x.cell('Data', 'B2').formula).toBe('=SUM(C7:D7)');
  expect(f(x, 'A1')).toBe('=ROWS(Data!C7:D7)');
  expect(f(x, 'A2')).toBe("=ROWS(Data!$C$7:$D$11)+SUM('My sheet'!A1)");
  expect(f(x, 'A4')).toBe('="Data!C5"');
  x.userInsert('Data', '8:8'); // inside C7:D11 and the merged C9:D10
  expect(f(x, 'A2')).toBe("=ROWS(Data!$C$7:$D$12)+SUM('My sheet'!A1)");
  expect(f(x, 'A1')).toBe('=ROWS(Data!C7:D7)');
  expect(x.sheet('Data')!.merges).toEqual(['C10:D11']);
  expect(x.cell('Refs', 'A1').value).toBe(1);
  expect(x.undoStack()).toEqual(["user: insert Data!3:4", 'user: insert Data!8:8']);
});

test('inserted rows take the format of the row above (Format Same As Above), not its values', () => {
  const x = createExcelDouble(book());
  x.userInsert('Data', '6:6');
  expect(x.cell('Data', 'C6')).toMatchObject({ value: '', format: { bold: true } });
  expect(x.cell('Data', 'D6').format).toEqual({});
});

test('inserting columns moves areas right', () => {
  const x = createExcelDouble(book());
  x.userInsert('Data', 'A:B');
  expect(x.cell('Data', 'E5').value).toBe(1);
  expect(f(x, 'A1')).toBe('=ROWS(Data!E5:F5)');
  expect(x.cell('Data', 'D2').formula).toBe('=SUM(E5:F5)');
});

test('deleting rows: an area cut shrinks, one deleted whole becomes Sheet!#REF!, areas below move up', () => {
  const x = createExcelDouble(book());
  x.userDelete('Data', '5:5');
  expect(f(x, 'A1')).toBe('=ROWS(Data!#REF!)');
  expect(x.cell('Refs', 'A1').value).toBe('#REF!');
  expect(f(x, 'A2')).toBe("=ROWS(Data!$C$5:$D$8)+SUM('My sheet'!A1)");
  expect(f(x, 'A3')).toBe('=ROWS(Data!C8)');
  expect(x.cell('Data', 'C8').value).toBe(3);
  expect(x.sheet('Data')!.notes).toEqual({});
  expect(x.sheet('Data')!.merges).toEqual(['C6:D7']);
  x.userDelete('Data', '7:7'); // half of the merged area: what is left is one row
  expect(x.sheet('Data')!.merges).toEqual(['C6:D6']);
});

test('deleting columns', () => {
  const x = createExcelDouble(book());
  x.userDelete('Data', 'D:D');
  expect(f(x, 'A1')).toBe('=ROWS(Data!C5:C5)'); // Excel keeps the range form
  x.userDelete('Data', 'A:C');
  expect(f(x, 'A1')).toBe('=ROWS(Data!#REF!)');
});

test('renaming a sheet rewrites the formulas naming it (quoted as needed); through the API too', async () => {
  const x = createExcelDouble(book());
  x.userRenameSheet('Data', '실천 과제');
  expect(f(x, 'A1')).toBe("=ROWS('실천 과제'!C5:D5)");
  expect(x.cell('실천 과제', 'B2').formula).toBe('=SUM(C5:D5)');
  expect(x.cell('Refs', 'A1').value).toBe(1);
  await x.host.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('My sheet').name = 'Mine';
    await ctx.sync();
  });
  expect(f(x, 'A2')).toBe("=ROWS('실천 과제'!$C$5:$D$9)+SUM(Mine!A1)");
});

test('deleting a sheet turns references to it into #REF!C5 and cannot be undone', async () => {
  const x = createExcelDouble(book());
  x.userEdit('Refs', 'B1', [[1]]);
  x.userDeleteSheet('Data');
  expect(f(x, 'A1')).toBe('=ROWS(#REF!C5:D5)');
  expect(x.cell('Refs', 'A1').value).toBe('#REF!');
  expect(x.undoStack()).toEqual([]);
  await x.host.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('My sheet').delete();
    await ctx.sync();
  });
  expect(f(x, 'A2')).toBe('=ROWS(#REF!$C$5:$D$9)+SUM(#REF!A1)');
});

test('inserting rows fires onChanged with RowInserted', async () => {
  const x = createExcelDouble(book());
  const seen: string[] = [];
  await x.host.run(async (ctx) => {
    ctx.workbook.worksheets.onChanged.add(async (e) => {
      seen.push(`${e.changeType} ${e.address}`);
    });
    await ctx.sync();
  });
  x.userInsert('Data', '3:3');
  x.userDelete('Data', 'B:B');
  await new Promise((r) => setTimeout(r, 5));
  expect(seen).toEqual(['RowInserted 3:3', 'ColumnDeleted B:B']);
});

test('mapReferences leaves strings, function names and dead references alone', () => {
  const same = () => ({ rect: { r0: 0, c0: 0, r1: 0, c1: 0 } });
  expect(mapReferences('=LOG10(A2)&"B2"&#REF!C5', same)).toBe('=LOG10(A1)&"B2"&#REF!C5');
});
