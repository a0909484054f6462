/** selectCells, writeResultsSheet, writeIndicatorTargets and onPlanChanged through the strict double. */
import {
  MARKS_SHEET,
  RESULTS_SHEET,
  clearMarks,
  onPlanChanged,
  selectCells,
  validate,
  writeIndicatorTargets,
  writeResultsSheet,
} from '../../../src/adapters/office';
import { OWN_WRITE_GRACE_MS } from '../../../src/adapters/office/host';
import { createExcelDouble, seedCell } from '../../office-double';
import { findingKeys, inserted } from './helpers';

describe('selectCells', () => {
  test('activates the sheet and selects the cell, in one round trip', async () => {
    const x = await inserted();
    await x.host.run(async (ctx) => {
      ctx.workbook.worksheets.getItem('개요').activate();
      await ctx.sync();
    });
    x.resetCounts();
    const cost = await selectCells(x.host, ["'분야별 목표'!C7"]);
    expect(x.selection()).toEqual({ sheet: '분야별 목표', address: 'C7' });
    expect(x.activeSheet()).toBe('분야별 목표');
    expect(x.syncCount()).toBe(1);
    expect(cost.syncs).toBe(1);
  });

  test("selects every cell of a finding on the first cell's sheet (a multi-area selection)", async () => {
    const x = await inserted();
    await selectCells(x.host, ["'분야별 목표'!C7", "'분야별 목표'!C17", "'분야별 목표'!C18", '실천과제!C8']);
    expect(x.selection()).toEqual({ sheet: '분야별 목표', address: 'C7,C17:C18' });
  });

  test.each(['1.17', '1.14', '1.9'])('ExcelApi %s (RangeAreas.select is 1.18): the area of the first cell, no error', async (v) => {
    const x = await inserted(undefined, v);
    await selectCells(x.host, ["'분야별 목표'!C17", "'분야별 목표'!C18", "'분야별 목표'!C7", "'분야별 목표'!D9"]);
    expect(x.selection()).toEqual({ sheet: '분야별 목표', address: 'C17:C18' });
  });

  test('nothing to select costs nothing', async () => {
    const x = await inserted();
    await selectCells(x.host, ['not a reference']);
    expect(x.syncCount()).toBe(0);
  });
});

describe('writeResultsSheet', () => {
  test('lists the findings with links to their cells; writing again replaces our sheet', async () => {
    const x = await inserted();
    const v = await validate(x.host, { lang: 'ko', highlight: false });
    x.resetCounts();
    const r = await writeResultsSheet(x.host, v.result.findings, 'ko');
    expect(r.sheetName).toBe(RESULTS_SHEET);
    expect(x.syncCount()).toBe(2);
    const f = v.result.findings.find((g) => g.sheet === '분야별 목표')!;
    const sheet = x.sheet(RESULTS_SHEET)!;
    const formulas = Object.values(sheet.cells).map((c) => c.f).filter(Boolean);
    expect(formulas).toContain(`=HYPERLINK("#'분야별 목표'!${f.cell}","${f.cell}")`);
    // Title, time of the check, counts, a blank row, the header (row 5), then the findings (the layout of src/core/present/sheet.ts).
    expect(x.cell(RESULTS_SHEET, 'A5').value).toBe('심각도');
    expect(x.cell(RESULTS_SHEET, 'G6').value).toBe(v.result.findings[0].message); // G: 메시지 (RESULT_COLUMNS)
    expect(x.cell(RESULTS_SHEET, 'C6').value).toBe(v.result.findings[0].cell); // the link shows the address
    expect(x.activeSheet()).toBe(RESULTS_SHEET);

    const again = await writeResultsSheet(x.host, v.result.findings.slice(0, 2), 'en');
    expect(again.sheetName).toBe(RESULTS_SHEET);
    expect(x.workbook.sheets.filter((s) => s.name.startsWith(RESULTS_SHEET))).toHaveLength(1);
    expect(x.cell(RESULTS_SHEET, 'A5').value).toBe('Severity');
    expect(x.cell(RESULTS_SHEET, 'A8').value).toBe('');

    // Our findings sheet is not read as part of the plan.
    const after = await validate(x.host, { lang: 'ko', highlight: false });
    expect(findingKeys(after.result.findings)).toEqual(findingKeys(v.result.findings));
  });

  test("a user's own 검증결과 sheet is never overwritten", async () => {
    const x = await inserted();
    await x.host.run(async (ctx) => {
      ctx.workbook.worksheets.add(RESULTS_SHEET);
      await ctx.sync();
    });
    seedCell(x.sheet(RESULTS_SHEET)!, 'A1', '내 검토 메모');
    const r = await writeResultsSheet(x.host, [], 'ko');
    expect(r.sheetName).toBe(`${RESULTS_SHEET} (2)`);
    expect(x.cell(RESULTS_SHEET, 'A1').value).toBe('내 검토 메모');
  });
});

describe('writeIndicatorTargets', () => {
  test('writes the confirmed yearly targets (cells, or plan + updates) in one round trip', async () => {
    const x = await inserted();
    const v = await validate(x.host, { lang: 'ko', highlight: false });
    const ind = v.result.plan.indicators[0];
    x.resetCounts();
    const r = await writeIndicatorTargets(x.host, v.result.plan, [{ indicator: 0, values: [69.2, 69.7, 70.2, 70.6] }]);
    expect(r.cost.syncs).toBe(1);
    expect(x.syncCount()).toBe(1);
    expect(ind.targets.map((t) => x.cell(t.ref.sheet, t.ref.cell).value)).toEqual([69.2, 69.7, 70.2, 70.6]);
    await writeIndicatorTargets(x.host, [{ sheet: ind.targets[0].ref.sheet, cell: ind.targets[0].ref.cell, value: 69.1 }]);
    expect(x.cell(ind.targets[0].ref.sheet, ind.targets[0].ref.cell).value).toBe(69.1);
    await expect(writeIndicatorTargets(x.host, [{ sheet: '개요', cell: 'B2', value: Number.NaN }])).rejects.toThrow(/not a number/);
  });
});

describe('onPlanChanged', () => {
  const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

  test.each(['1.18', '1.13', '1.9'])('ExcelApi %s: user edits call the handler once after the debounce; our own writes do not', async (v) => {
    const x = await inserted(undefined, v);
    // Without Excel's triggerSource (below 1.14), changes just after our own writes are taken as ours.
    if (v !== '1.18') await wait(OWN_WRITE_GRACE_MS + 50);
    const calls: number[] = [];
    const unsubscribe = await onPlanChanged(x.host, (c) => calls.push(c.changes), { debounceMs: 30 });
    // Collection-level (ExcelApi 1.9, the oldest supported).
    expect(x.handlerCount()).toBe(1);

    x.userEdit('분야별 목표', 'C7', [[4193]]);
    x.userEdit('분야별 목표', 'D7', [[1125]]);
    await wait(10);
    expect(calls).toEqual([]);
    await wait(60);
    expect(calls).toEqual([2]);

    // The add-in's own writes (targets, highlights) are not edits.
    const val = await validate(x.host, { lang: 'ko', highlight: true });
    await writeIndicatorTargets(x.host, val.result.plan, [{ indicator: 0, values: [69.2, 69.7, 70.2, 70.6] }]);
    await wait(80);
    expect(calls).toEqual([2]);

    await unsubscribe();
    expect(x.handlerCount()).toBe(0);
    x.userEdit('분야별 목표', 'C7', [[1]]);
    await wait(80);
    expect(calls).toEqual([2]);
  });

  test('unsubscribing drops a pending call', async () => {
    const x = await inserted();
    const calls: number[] = [];
    const unsubscribe = await onPlanChanged(x.host, (c) => calls.push(c.changes), { debounceMs: 30 });
    x.userEdit('분야별 목표', 'C7', [[1]]);
    await wait(5);
    await unsubscribe();
    await wait(60);
    expect(calls).toEqual([]);
  });

  test.each(['1.18', '1.9'])("ExcelApi %s: co-authors' changes (source Remote) and changes to our own sheets are ignored", async (v) => {
    const x = await inserted(undefined, v);
    await wait(OWN_WRITE_GRACE_MS + 50);
    const v0 = await validate(x.host, { lang: 'ko', highlight: true }); // creates the marks sheet
    await writeResultsSheet(x.host, v0.result.findings, 'ko');
    await wait(OWN_WRITE_GRACE_MS + 50);
    const calls: number[] = [];
    const unsubscribe = await onPlanChanged(x.host, (c) => calls.push(c.changes), { debounceMs: 20 });
    x.remoteEdit('분야별 목표', 'C7', [[4193]]);
    // What another pane (or a user poking at them) writes to our own sheets, outside our write window.
    x.userEdit(RESULTS_SHEET, 'J1', [['메모']]);
    x.userEdit(MARKS_SHEET, 'A2', [['x']]);
    await wait(80);
    expect(calls).toEqual([]);
    x.userEdit('분야별 목표', 'C7', [[4190]]);
    await wait(80);
    expect(calls).toEqual([1]);
    await unsubscribe();
  });

  test('ExcelApi 1.9 with events arriving late (after the own-write window): our highlight and clear still trigger nothing', async () => {
    const base = await inserted(undefined, '1.9');
    const x = createExcelDouble(base.snapshot(), { requirementSets: { ExcelApi: '1.9' }, eventDelayMs: OWN_WRITE_GRACE_MS + 100 });
    await validate(x.host, { lang: 'ko', highlight: true }); // the marks sheet exists from here on
    await wait(OWN_WRITE_GRACE_MS + 200);
    const calls: number[] = [];
    const unsubscribe = await onPlanChanged(x.host, (c) => calls.push(c.changes), { debounceMs: 20 });
    await validate(x.host, { lang: 'ko', highlight: true });
    await clearMarks(x.host);
    await wait(OWN_WRITE_GRACE_MS + 250);
    expect(calls).toEqual([]);
    await unsubscribe();
  });

  test('the handler is removed inside Excel.run(eventResult.context, …), as Excel requires', async () => {
    const x = await inserted();
    const unsubscribe = await onPlanChanged(x.host, () => undefined);
    expect(x.handlerCount()).toBe(1);
    await unsubscribe();
    expect(x.handlerCount()).toBe(0);
  });

  test('below ExcelApi 1.9 nothing is registered and unsubscribe is harmless', async () => {
    const x = await inserted(undefined, '1.8');
    const unsubscribe = await onPlanChanged(x.host, () => undefined);
    expect(x.handlerCount()).toBe(0);
    await unsubscribe();
  });
});
