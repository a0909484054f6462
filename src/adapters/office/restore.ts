/**
 * Putting cells back as they were before the add-in wrote them (the growth panel's 되돌리기 after
 * 목표 경로로 채우기): a number, a formula, or an empty cell. One round trip.
 *
 * Why our own restore: Excel does not reliably put changes made through the API on its undo stack
 * (it depends on the platform and version), so the pane keeps what it overwrote and offers to restore it.
 */
import { parseA1 } from '../../core/grid/a1';
import type { ActionCost, ExcelHost } from './api';
import { Meter, asOwnWrite } from './host';

export interface CellContent {
  sheet: string;
  cell: string;
  /** The value to put back; null for an empty cell. */
  value: number | string | null;
  /** A formula (without '=') to put back instead of the value. */
  formula?: string;
}

export async function restoreCells(host: ExcelHost, cells: readonly CellContent[]): Promise<{ cost: ActionCost }> {
  const meter = new Meter();
  if (!cells.length) return { cost: meter.cost() };
  for (const c of cells) parseA1(c.cell); // refuse a bad address before touching the workbook
  return asOwnWrite(() =>
    host.run(async (ctx) => {
      for (const c of cells) {
        const range = ctx.workbook.worksheets.getItem(c.sheet).getRange(c.cell);
        if (c.formula) range.formulas = [[`=${c.formula}`]];
        else if (c.value === null || c.value === '') range.clear('Contents' as Excel.ClearApplyTo);
        else range.values = [[typeof c.value === 'string' && /^[=+\-@']/.test(c.value) ? `'${c.value}` : c.value]];
      }
      await meter.sync(ctx);
      return { cost: meter.cost() };
    }),
  );
}
