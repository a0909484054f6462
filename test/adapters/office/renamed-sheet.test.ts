/**
 * The user renames a marked sheet (e.g. 실천과제 → 실천과제(수정)) between validating and 지우기, or before
 * the next (auto) re-check: its marks are still restored. Before, the records named the old sheet, so
 * its cells kept the red/yellow fill for good — the next check even saved that fill as the cells' own.
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
  x.sheet(sheet)!.name = `${sheet}(수정)`; // the user renames it (sheet tab → 이름 바꾸기)
  const c = await clearMarks(x.host);
  expect(c.restored).toBe(r.marked);
  expect(renamedBack(formats(x.snapshot()), `${sheet}(수정)`, sheet)).toEqual(before);
});

test('re-checking after the rename, then clearing, restores them too (the mark is never saved as the format)', async () => {
  const x = await inserted();
  const before = formats(x.snapshot());
  const r = await validate(x.host, { lang: 'ko', highlight: true });
  const sheet = r.result.findings.find((f) => f.sheet && f.cell)!.sheet;
  x.sheet(sheet)!.name = `${sheet}(수정)`;
  await validate(x.host, { lang: 'ko', highlight: true });
  await clearMarks(x.host);
  expect(renamedBack(formats(x.snapshot()), `${sheet}(수정)`, sheet)).toEqual(before);
  expect(Object.keys(x.sheet(MARKS_SHEET)!.cells).every((k) => k.startsWith('0,'))).toBe(true);
});

test('marks recorded before sheet ids were kept (no id column) are still restored by name', async () => {
  const x = await inserted();
  const before = formats(x.snapshot());
  await validate(x.host, { lang: 'ko', highlight: true });
  const marks = x.sheet(MARKS_SHEET)!;
  for (const k of Object.keys(marks.cells)) if (k.endsWith(',5') && !k.startsWith('0,')) delete marks.cells[k];
  await clearMarks(x.host);
  expect(formats(x.snapshot())).toEqual(before);
});

test('an id recorded in another session (Worksheet.id changes on reopening) is not trusted: the name is used', async () => {
  const x = await inserted();
  const before = formats(x.snapshot());
  const r = await validate(x.host, { lang: 'ko', highlight: true });
  const marked = new Set(r.result.findings.map((f) => f.sheet));
  const other = x.workbook.sheets.find((s) => s.name !== MARKS_SHEET && !marked.has(s.name))!;
  // As if written by an earlier session whose ids now name other sheets: every record points at `other`'s id.
  const marks = x.sheet(MARKS_SHEET)!;
  for (const [k, c] of Object.entries(marks.cells)) if (k.endsWith(',5') && !k.startsWith('0,')) c.v = `rt-old ${other.id}`;
  await clearMarks(x.host);
  expect(formats(x.snapshot())).toEqual(before);
});
