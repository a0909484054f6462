/**
 * Notes and comments across Excel versions, and the highlight write under Excel's 5 MB request limit.
 * A cell holds a note or a comment thread, never both; below ExcelApi 1.18 notes cannot even be seen.
 */
import { ANNOTATION_TAG, clearMarks, validate } from '../../../src/adapters/office';
import { parseA1 } from '../../../src/core/grid/a1';
import { cellKey, createExcelDouble } from '../../office-double';
import { formats, inserted, noteCount } from './helpers';

const ours = (content: string) => content.startsWith(ANNOTATION_TAG);

test('the double refuses a comment where a note is, and a note where a comment is', async () => {
  const x = await inserted();
  x.sheet('개요')!.notes[cellKey(0, 0)] = { content: '메모', author: 'User' };
  await expect(
    x.host.run(async (ctx) => {
      ctx.workbook.comments.add("'개요'!A1", 'c');
      await ctx.sync();
    }),
  ).rejects.toThrow(/already has a note/);
});

test('highlighted with notes (ExcelApi 1.18), checked again in Excel 2021 (1.14, comments): no comment where our note is, nothing fails', async () => {
  const x = await inserted();
  const before = formats(x.snapshot());
  const first = await validate(x.host, { lang: 'ko', highlight: true });
  expect(first.annotation).toBe('notes');
  const notes = noteCount(x.workbook);
  expect(notes).toBeGreaterThan(0);

  const older = createExcelDouble(x.snapshot(), { requirementSets: { ExcelApi: '1.14' } });
  const r = await validate(older.host, { lang: 'ko', highlight: true });
  expect(r.annotation).toBe('comments');
  expect(r.marked).toBe(first.marked);
  expect(r.degraded?.join(' ')).toMatch(/newer Excel/);
  // Our notes stay (1.14 cannot remove them); no comment was put beside one.
  expect(noteCount(older.workbook)).toBe(notes);
  for (const c of older.workbook.comments) {
    const sheet = older.workbook.sheets.find((s) => s.id === c.sheetId)!;
    expect(sheet.notes[c.cell]).toBeUndefined();
  }
  await clearMarks(older.host);
  expect(formats(older.snapshot())).toEqual(before);
});

test("a user's note that ExcelApi 1.14 cannot see: the comment is refused, fills and saved formats are complete, the check does not fail", async () => {
  const x = await inserted(undefined, '1.14');
  const before = formats(x.snapshot());
  const probe = await validate(x.host, { lang: 'ko', highlight: false });
  const f = probe.result.findings.find((g) => g.sheet && g.cell)!;
  const { row, col } = parseA1(f.cell);
  x.sheet(f.sheet)!.notes[cellKey(row, col)] = { content: '사용자 메모', author: 'User' };
  await clearMarks(x.host);

  const r = await validate(x.host, { lang: 'ko', highlight: true });
  expect(r.marked).toBeGreaterThan(0);
  expect(r.degraded?.join(' ')).toMatch(/refused to annotate/);
  expect(x.sheet(f.sheet)!.notes[cellKey(row, col)].content).toBe('사용자 메모');
  const c = await clearMarks(x.host);
  expect(c.restored).toBe(r.marked);
  expect(formats(x.snapshot())).toEqual(before);
  expect(x.workbook.comments.filter((cm) => ours(cm.content))).toEqual([]);
});

test('a highlight request over the limit is split and retried: every mark made, all restored', async () => {
  const base = await inserted();
  const before = formats(base.snapshot());
  const full = createExcelDouble(base.snapshot(), { requirementSets: { ExcelApi: '1.18' } });
  const expected = await validate(full.host, { lang: 'ko', highlight: true });
  const biggest = Math.max(...full.syncLog().map((s) => s.requestBytes));
  const limit = Math.floor(biggest * 0.6); // the highlight request no longer fits; reads still do
  const x = createExcelDouble(base.snapshot(), { requirementSets: { ExcelApi: '1.18' }, payloadLimitBytes: limit });
  const r = await validate(x.host, { lang: 'ko', highlight: true });
  const log = x.syncLog();
  expect(log.some((s) => s.failed === 'RequestPayloadSizeLimitExceeded')).toBe(true);
  expect(log.filter((s) => !s.failed).every((s) => s.requestBytes <= limit)).toBe(true);
  expect(r.marked).toBe(expected.marked);
  expect(formats(x.snapshot())).toEqual(formats(full.snapshot()));
  expect(noteCount(x.workbook)).toBe(noteCount(full.workbook));
  await clearMarks(x.host);
  expect(formats(x.snapshot())).toEqual(before);
});

test('a protected sheet: Excel refuses changes to it (the double too); checking marks the other sheets and says so, clearing never fails', async () => {
  const x = await inserted();
  const before = formats(x.snapshot());
  const first = await validate(x.host, { lang: 'ko', highlight: true });
  const sheetWithMarks = first.result.findings.find((f) => f.sheet && f.cell)!.sheet;
  await expect(
    x.host.run(async (ctx) => {
      x.sheet(sheetWithMarks)!.protected = true;
      ctx.workbook.worksheets.getItem(sheetWithMarks).getRange('A1').format.fill.color = '#FF0000';
      await ctx.sync();
    }),
  ).rejects.toThrow(/protected/);

  // Protected after it was highlighted: clearing restores the rest and keeps the record for later.
  const c = await clearMarks(x.host);
  expect(c.degraded?.join(' ')).toMatch(/protected sheets/);
  x.sheet(sheetWithMarks)!.protected = false;
  await clearMarks(x.host);
  expect(formats(x.snapshot())).toEqual(before);

  // Protected before checking: the check runs, marks only the other sheets, and says which were left.
  x.sheet(sheetWithMarks)!.protected = true;
  const r = await validate(x.host, { lang: 'ko', highlight: true });
  expect(r.result.findings.length).toBe(first.result.findings.length);
  expect(r.degraded?.join(' ')).toMatch(new RegExp(`protected sheets \\(${sheetWithMarks}\\)`));
  x.sheet(sheetWithMarks)!.protected = false;
  await clearMarks(x.host);
  expect(formats(x.snapshot())).toEqual(before);
});
