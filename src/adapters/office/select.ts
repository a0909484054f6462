/** Selecting a finding's cells in Excel. */
import { splitQualified } from '../../core/grid/a1';
import type { ActionCost, ExcelHost } from './api';
import { Meter } from './host';
import { cellsToRects, rectAddress } from './insert';
import { parseRange } from '../../core/grid/a1';

/** At most this many areas go into one multi-area selection. */
const MAX_AREAS = 100;

/**
 * Activates the sheet of the first reference and selects every referenced cell on that sheet: a
 * multi-area selection where RangeAreas.select exists (ExcelApi 1.18; getRanges alone is 1.9), else
 * the area holding the first reference (the finding's own cell, e.g. the total). One round trip.
 */
export async function selectCells(host: ExcelHost, refs: readonly string[]): Promise<ActionCost> {
  const parsed = refs.flatMap((r) => {
    try {
      return [splitQualified(r)];
    } catch {
      return [];
    }
  });
  const meter = new Meter();
  if (!parsed.length) return meter.cost();
  const sheet = parsed[0].sheet;
  const cells = parsed
    .filter((p) => p.sheet === sheet)
    .flatMap((p) => {
      const r = parseRange(p.address.replace(/\$/g, ''));
      const out: { row: number; col: number }[] = [];
      for (let row = r.r0; row <= r.r1; row++) for (let col = r.c0; col <= r.c1; col++) out.push({ row, col });
      return out;
    });
  const rects = cellsToRects(cells);
  return host.run(async (ctx) => {
    const ws = ctx.workbook.worksheets.getItem(sheet);
    ws.activate();
    if (rects.length > 1 && host.supports('ExcelApi', '1.18')) {
      ws.getRanges(rects.slice(0, MAX_AREAS).map(rectAddress).join(',')).select();
    } else {
      const first = rects.length > 1 ? rects.find((r) => r.r0 === cells[0].row && r.c0 <= cells[0].col && r.c1 >= cells[0].col) ?? rects[0] : rects[0];
      ws.getRange(rectAddress(first)).select();
    }
    await meter.sync(ctx);
    return meter.cost();
  });
}
