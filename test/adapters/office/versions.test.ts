/**
 * The whole adapter at the Excel versions that matter: 1.7 (below the manifest's 1.9: checks, never
 * fails), 1.9 (the oldest supported), 1.14 (Office 2021), 1.17 (Office 2024), 1.18 (Microsoft 365),
 * with Windows/Mac and web undo rules. Each version gets what docs/addin.md says.
 */
import { clearMarks, selectCells, validate, writeResultsSheet } from '../../../src/adapters/office';
import { createExcelDouble, emptyWorkbook } from '../../office-double';
import { consistentDraft } from '../../support/plans';
import { insertTemplate } from '../../../src/adapters/office';
import { coreFindings, findingKeys, formats } from './helpers';

const EXPECT: Record<string, { annotation: string; multiSelect: boolean; mergesNote: boolean; highlight: boolean }> = {
  '1.7': { annotation: 'none', multiSelect: false, mergesNote: true, highlight: false },
  '1.9': { annotation: 'fill-only', multiSelect: false, mergesNote: true, highlight: true },
  '1.14': { annotation: 'comments', multiSelect: false, mergesNote: false, highlight: true },
  '1.17': { annotation: 'comments', multiSelect: false, mergesNote: false, highlight: true },
  '1.18': { annotation: 'notes', multiSelect: true, mergesNote: false, highlight: true },
};

describe.each(['desktop', 'web'] as const)('%s', (platform) => {
  test.each(Object.keys(EXPECT))('ExcelApi %s: check, highlight, select, findings sheet, clear', async (v) => {
    const e = EXPECT[v];
    const draft = consistentDraft();
    draft.tasks[0].subprojects[0].target.total! += 3;
    const x = createExcelDouble(emptyWorkbook(['Sheet1']), { requirementSets: { ExcelApi: v }, platform });
    await insertTemplate(x.host, draft, { formulas: false });
    const before = formats(x.snapshot());
    x.userEdit('개요', 'H1', [['메모']]);

    const r = await validate(x.host, { lang: 'ko', highlight: true });
    expect(findingKeys(r.result.findings)).toEqual(findingKeys(coreFindings(draft)));
    expect(r.annotation).toBe(e.annotation);
    expect(r.marked > 0).toBe(e.highlight);
    expect((r.degraded ?? []).some((d) => /merged areas/.test(d))).toBe(e.mergesNote);
    expect(r.cost.syncs).toBeLessThanOrEqual(3);

    // A finding's cells in two areas (a total and the parts below it).
    await selectCells(x.host, ["'분야별 목표'!C7", "'분야별 목표'!C17", "'분야별 목표'!C18"]);
    expect(x.selection()).toEqual({ sheet: '분야별 목표', address: e.multiSelect ? 'C7,C17:C18' : 'C7' });

    const sheet = await writeResultsSheet(x.host, r.result.findings, 'ko');
    expect(x.sheet(sheet.sheetName)).toBeDefined();

    const c = await clearMarks(x.host);
    expect(c.restored).toBe(r.marked);
    expect(formats(x.snapshot())).toEqual({ ...before, [sheet.sheetName]: formats(x.snapshot())[sheet.sheetName] });
    // The user's edit is still undoable after all of it (the first highlight's sheet creation aside, on desktop).
    expect(x.undoStack().some((u) => u.startsWith('user:'))).toBe(!(platform === 'desktop' && e.highlight));
  });
});
