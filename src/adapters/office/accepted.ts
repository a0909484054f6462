/**
 * Accepted findings (수용) kept in the workbook: the very hidden sheet ACCEPTED_SHEET (core/accepted.ts
 * describes its rows). validate() reads it like any other sheet, and the core leaves the accepted
 * findings out of the list; this file only writes it.
 *
 * writeAcceptances(host, list), round trips:
 *   1. sheet names (does the sheet exist?)
 *   2. replace its contents (create it very hidden first), or delete it when the list is empty.
 * Only ACCEPTED_SHEET is written: no plan cell changes, so the user's undo history of the plan is
 * untouched (the sheet is not visible and nothing else moves).
 */
import { ACCEPTED_SHEET, acceptancesToRows, type Acceptance } from '../../core/accepted';
import { rangeA1 } from '../../core/grid/a1';
import type { ActionCost, ExcelHost } from './api';
import { Meter, asOwnWrite } from './host';
import { cellInput } from './insert';

export { ACCEPTED_SHEET };

export async function writeAcceptances(host: ExcelHost, list: readonly Acceptance[]): Promise<{ cost: ActionCost }> {
  return asOwnWrite(() =>
    host.run(async (ctx) => {
      const meter = new Meter();
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await meter.sync(ctx);
      const exists = sheets.items.some((s) => s.name === ACCEPTED_SHEET);
      if (!list.length) {
        if (!exists) return { cost: meter.cost() };
        const sheet = sheets.getItem(ACCEPTED_SHEET);
        // Excel refuses to delete a very hidden sheet: make it hidden first.
        sheet.visibility = 'Hidden' as Excel.SheetVisibility;
        sheet.delete();
        await meter.sync(ctx);
        return { cost: meter.cost() };
      }
      let sheet: Excel.Worksheet;
      if (exists) {
        sheet = sheets.getItem(ACCEPTED_SHEET);
        sheet.getRange().clear('Contents' as Excel.ClearApplyTo);
      } else {
        sheet = sheets.add(ACCEPTED_SHEET);
      }
      sheet.visibility = 'VeryHidden' as Excel.SheetVisibility;
      const rows = acceptancesToRows(list);
      const width = rows[0].length;
      // Text stays text: an apostrophe keeps "2026-…" or "=…" from being turned into a date or a formula.
      sheet.getRange(rangeA1(0, 0, rows.length - 1, width - 1)).values = rows.map((r) => r.map((v) => cellInput(v))) as unknown[][];
      await meter.sync(ctx);
      return { cost: meter.cost() };
    }),
  );
}
