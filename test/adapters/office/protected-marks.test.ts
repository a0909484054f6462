/**
 * Marks on a sheet protected after it was highlighted cannot be restored; 지우기 says "unprotect and
 * clear again" and keeps their records. A check in between (검증, or the auto re-check after any edit)
 * must keep them too: before, it emptied the marks sheet, and the protected sheet's cells kept the
 * red/yellow fill for good. And a second 지우기 must not put back the fills of cells the first one
 * already restored (the user may have coloured them since).
 */
import { clearMarks, validate } from '../../../src/adapters/office';
import { parseA1 } from '../../../src/core/grid/a1';
import { cellKey } from '../../office-double';
import { formats, inserted } from './helpers';

test('validated, sheet protected, checked again, unprotected, cleared: every format is back', async () => {
  const x = await inserted();
  const before = formats(x.snapshot());
  const first = await validate(x.host, { lang: 'ko', highlight: true });
  const sheet = first.result.findings.find((f) => f.sheet && f.cell)!.sheet;
  x.sheet(sheet)!.protected = true;
  const again = await validate(x.host, { lang: 'ko', highlight: true });
  expect(again.degraded?.join(' ')).toMatch(/protected sheets/);
  await validate(x.host, { lang: 'ko', highlight: true }); // and once more (the auto re-check)
  x.sheet(sheet)!.protected = false;
  const c = await clearMarks(x.host);
  expect(c.degraded).toBeUndefined();
  expect(formats(x.snapshot())).toEqual(before);
});

test('the same after a 지우기 that could not clear the protected sheet', async () => {
  const x = await inserted();
  const before = formats(x.snapshot());
  const first = await validate(x.host, { lang: 'ko', highlight: true });
  const sheet = first.result.findings.find((f) => f.sheet && f.cell)!.sheet;
  x.sheet(sheet)!.protected = true;
  expect((await clearMarks(x.host)).degraded?.join(' ')).toMatch(/protected sheets/);
  await validate(x.host, { lang: 'ko', highlight: true });
  x.sheet(sheet)!.protected = false;
  await clearMarks(x.host);
  expect(formats(x.snapshot())).toEqual(before);
});

test('a second 지우기 leaves alone the cells the first one restored', async () => {
  const x = await inserted();
  const first = await validate(x.host, { lang: 'ko', highlight: true });
  const sheet = first.result.findings.find((f) => f.sheet && f.cell)!.sheet;
  const elsewhere = first.result.findings.find((f) => f.sheet && f.cell && f.sheet !== sheet)!;
  x.sheet(sheet)!.protected = true;
  await clearMarks(x.host);
  // The user colours a cell the first 지우기 restored, then unprotects the other sheet and clears again.
  const { row, col } = parseA1(elsewhere.cell);
  const cell = (x.sheet(elsewhere.sheet)!.cells[cellKey(row, col)] ??= {});
  const green = { color: '#00B050', pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
  cell.fmt = { ...(cell.fmt ?? {}), fill: { ...green } };
  x.sheet(sheet)!.protected = false;
  await clearMarks(x.host);
  expect(x.cell(elsewhere.sheet, elsewhere.cell).format.fill).toEqual(green);
});
