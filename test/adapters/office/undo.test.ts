/**
 * The user's undo history survives checking: the double models Microsoft's list of APIs that clear it
 * (UNDO_UNSUPPORTED: Worksheet.delete everywhere; Worksheet.visibility/name/position on Windows and Mac).
 */
import { MARKS_SHEET, clearMarks, onPlanChanged, validate, writeResultsSheet } from '../../../src/adapters/office';
import { UNDO_UNSUPPORTED, createExcelDouble, emptyWorkbook } from '../../office-double';
import { consistentDraft } from '../../support/plans';
import { insertTemplate } from '../../../src/adapters/office';
import { OWN_WRITE_GRACE_MS } from '../../../src/adapters/office/host';

async function plan(platform: 'desktop' | 'web' = 'desktop', excelApi = '1.18') {
  const draft = consistentDraft();
  draft.tasks[0].subprojects[0].target.total! += 3; // one slip, so there is something to mark
  const x = createExcelDouble(emptyWorkbook(['Sheet1']), { requirementSets: { ExcelApi: excelApi }, platform });
  await insertTemplate(x.host, draft, { formulas: false });
  return x;
}

test("the double's list is Microsoft's: the calls the adapter could make are in it as documented", () => {
  expect(UNDO_UNSUPPORTED['Worksheet.delete']).toEqual({ web: false, desktop: false });
  expect(UNDO_UNSUPPORTED['Worksheet.visibility']).toEqual({ web: true, desktop: false });
  expect(UNDO_UNSUPPORTED['Worksheet.name']).toEqual({ web: true, desktop: false });
});

test('the double enforces it: deleting a sheet empties the history', async () => {
  const x = await plan();
  x.userEdit('개요', 'H1', [['메모']]);
  expect(x.undoStack().some((e) => e.startsWith('user:'))).toBe(true);
  await x.host.run(async (ctx) => {
    ctx.workbook.worksheets.getItem('Sheet1').delete();
    await ctx.sync();
  });
  expect(x.undoStack().filter((e) => e.startsWith('user:'))).toEqual([]);
  expect(x.undoClears()).toEqual(['Worksheet.delete']);
});

describe.each(['desktop', 'web'] as const)('Excel on %s', (platform) => {
  test.each(['1.18', '1.14', '1.9'])('ExcelApi %s: check → highlight → clear → edit → auto re-check → results sheet keeps every user undo entry', async (v) => {
    const x = await plan(platform, v);
    // The workbook was checked once before (the marks sheet exists): that first time is the subject of the next test.
    await validate(x.host, { lang: 'ko', highlight: true });
    const clearsBefore = x.undoClears().length;

    x.userEdit('개요', 'H1', [['담당자 메모']]);
    const mine = x.undoStack().filter((e) => e.startsWith('user:'));
    expect(mine).toHaveLength(1);

    const calls: number[] = [];
    const unsubscribe = await onPlanChanged(x.host, (c) => calls.push(c.changes), { debounceMs: 20 });
    const r = await validate(x.host, { lang: 'ko', highlight: true });
    expect(r.marked).toBeGreaterThan(0);
    await clearMarks(x.host);
    // Without Excel's triggerSource (below 1.14) changes just after our own writes are taken as ours.
    if (v === '1.9') await new Promise((res) => setTimeout(res, OWN_WRITE_GRACE_MS + 30));
    x.userEdit('개요', 'H2', [['두 번째']]);
    await new Promise((res) => setTimeout(res, 60));
    expect(calls.length).toBeGreaterThan(0);
    await validate(x.host, { lang: 'ko', highlight: true }); // what the pane's auto re-check does
    await writeResultsSheet(x.host, r.result.findings, 'ko');
    await writeResultsSheet(x.host, r.result.findings, 'ko'); // replacing our own sheet
    await clearMarks(x.host);
    await unsubscribe();

    expect(x.undoClears().slice(clearsBefore)).toEqual([]);
    const user = x.undoStack().filter((e) => e.startsWith('user:'));
    expect(user).toEqual([...mine, "user: 개요!H2"]);
    expect(x.sheet(MARKS_SHEET)?.visibility).toBe('VeryHidden'); // kept, emptied, still very hidden
  });
});

test('the first highlight in a workbook creates the very hidden sheet: one clear on Windows/Mac, none on the web', async () => {
  for (const platform of ['desktop', 'web'] as const) {
    const x = await plan(platform);
    x.userEdit('개요', 'H1', [['메모']]);
    await validate(x.host, { lang: 'ko', highlight: true });
    expect(x.undoClears()).toEqual(platform === 'desktop' ? ['Worksheet.visibility'] : []);
    // Never again, however often it runs.
    for (let i = 0; i < 3; i++) {
      await validate(x.host, { lang: 'ko', highlight: true });
      await clearMarks(x.host);
    }
    expect(x.undoClears()).toHaveLength(platform === 'desktop' ? 1 : 0);
  }
});
