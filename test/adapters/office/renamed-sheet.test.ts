/**
 * The user renames a marked sheet (e.g. 실천과제 → 실천과제(수정)) between validating and 지우기, or before
 * the next (auto) re-check: its marks are still restored (Excel rewrites the target formulas on
 * MARKS_SHEET; see marks.ts). Records written as text by an older version still work.
 */
import { MARKS_SHEET, clearMarks, validate } from '../../../src/adapters/office';
import { formats, inserted } from './helpers';

/** formats() keyed by sheet name, with `from` read as `to` (what the workbook was before the rename). */
function renamedBack(all: Record<string, unknown>, from: string, to: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, v] of Object.entries(all)) out[name === from ? to : name] = v;
  return out;
}

test('clearing after the user renamed a marked sheet restores its cells', async () => {
  const x = await inserted();
  const before = formats(x.snapshot());
  const r = await validate(x.host, { lang: 'ko', highlight: true });
  const sheet = r.result.findings.find((f) => f.sheet && f.cell)!.sheet;
  x.userRenameSheet(sheet, `${sheet}(수정)`); // the user renames it (sheet tab → 이름 바꾸기)
  const c = await clearMarks(x.host);
  expect(c.restored).toBe(r.marked);
  expect(renamedBack(formats(x.snapshot()), `${sheet}(수정)`, sheet)).toEqual(before);
});

test('re-checking after the rename, then clearing, restores them too (the mark is never saved as the format)', async () => {
  const x = await inserted();
  const before = formats(x.snapshot());
  const r = await validate(x.host, { lang: 'ko', highlight: true });
  const sheet = r.result.findings.find((f) => f.sheet && f.cell)!.sheet;
  x.userRenameSheet(sheet, `${sheet}(수정)`);
  await validate(x.host, { lang: 'ko', highlight: true });
  await clearMarks(x.host);
  expect(renamedBack(formats(x.snapshot()), `${sheet}(수정)`, sheet)).toEqual(before);
  expect(Object.keys(x.sheet(MARKS_SHEET)!.cells).every((k) => k.startsWith('0,'))).toBe(true);
});

test('marks recorded as text (before targets were formulas) are still restored by their address', async () => {
  const x = await inserted();
  const before = formats(x.snapshot());
  await validate(x.host, { lang: 'ko', highlight: true });
  // As an older version wrote them: column A the address as text, no formulas in the saved formats.
  const marks = x.sheet(MARKS_SHEET)!;
  for (const [k, c] of Object.entries(marks.cells)) {
    const m = /^=ROWS\((.*)\)$/.exec(c.f ?? '');
    if (!m) continue;
    delete c.f;
    if (k.endsWith(',0')) c.v = m[1];
  }
  const c = await clearMarks(x.host);
  expect(c.restored).toBeGreaterThan(0);
  expect(formats(x.snapshot())).toEqual(before);
});
