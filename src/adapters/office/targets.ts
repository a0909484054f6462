/** Writing yearly indicator targets (the growth panel, after the user confirmed). */
import { parseA1 } from '../../core/grid/a1';
import type { Plan } from '../../core/model/plan';
import type { ActionCost, ExcelHost, IndicatorTargetUpdate, TargetCell } from './api';
import { Meter, asOwnWrite } from './host';
import { cellsToRects, rectAddress } from './insert';

/** The cells an update of a read plan's indicators means. */
export function targetCells(plan: Plan, updates: readonly IndicatorTargetUpdate[]): TargetCell[] {
  return updates.flatMap((u) => {
    const ind = plan.indicators[u.indicator];
    if (!ind) throw new Error(`no indicator #${u.indicator}`);
    return u.values.slice(0, ind.targets.length).map((value, i) => ({ sheet: ind.targets[i].ref.sheet, cell: ind.targets[i].ref.cell, value }));
  });
}

/** Writes numbers into the given cells, one 2-D block per run of adjacent cells. One round trip. */
export async function writeIndicatorTargets(host: ExcelHost, cells: readonly TargetCell[]): Promise<{ cost: ActionCost }>;
export async function writeIndicatorTargets(host: ExcelHost, plan: Plan, updates: readonly IndicatorTargetUpdate[]): Promise<{ cost: ActionCost }>;
export async function writeIndicatorTargets(host: ExcelHost, a: readonly TargetCell[] | Plan, updates?: readonly IndicatorTargetUpdate[]): Promise<{ cost: ActionCost }> {
  const cells = Array.isArray(a) ? (a as readonly TargetCell[]) : targetCells(a as Plan, updates ?? []);
  for (const c of cells) if (typeof c.value !== 'number' || !Number.isFinite(c.value)) throw new Error(`not a number for ${c.sheet}!${c.cell}: ${c.value}`);
  const bySheet = new Map<string, Map<string, number>>();
  for (const c of cells) {
    const m = bySheet.get(c.sheet) ?? new Map<string, number>();
    const { row, col } = parseA1(c.cell);
    m.set(`${row},${col}`, c.value);
    bySheet.set(c.sheet, m);
  }
  const meter = new Meter();
  if (!cells.length) return { cost: meter.cost() };
  return asOwnWrite(() =>
    host.run(async (ctx) => {
      for (const [sheet, values] of bySheet) {
        const ws = ctx.workbook.worksheets.getItem(sheet);
        const list = [...values.keys()].map((k) => {
          const [row, col] = k.split(',').map(Number);
          return { row, col };
        });
        for (const rect of cellsToRects(list)) {
          const matrix: number[][] = [];
          for (let r = rect.r0; r <= rect.r1; r++) {
            const line: number[] = [];
            for (let c = rect.c0; c <= rect.c1; c++) line.push(values.get(`${r},${c}`)!);
            matrix.push(line);
          }
          ws.getRange(rectAddress(rect)).values = matrix;
        }
      }
      await meter.sync(ctx);
      return { cost: meter.cost() };
    }),
  );
}
