/**
 * Inserts the template (blank or an example draft) through Office.js, from the same rendered workbook
 * the exceljs writer uses. Two round trips: one to learn the sheet names (insert never overwrites a
 * sheet), one to write everything — unless Excel refuses that request for its size (a plan of many
 * thousand 세부사업 comes near 5 MB): then it is written in row bands, as many round trips as needed.
 */
import { columnLetters, parseRange, rangeA1 } from '../../core/grid/a1';
import type { CellValue } from '../../core/grid/grid';
import type { PlanDraft } from '../../core/model/draft';
import { renderWorkbook, type RenderedCell, type RenderedSheet } from '../../core/template/render';
import { STYLES, type CellStyle, type StyleName } from '../../core/template/styles';
import type { ExcelHost, InsertOptions, InsertResult } from './api';
import { Meter, asOwnWrite } from './host';
import { planSheetNames } from './names';
import { isPayloadError } from './read';

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/**
 * Groups cells into rectangles: runs of adjacent columns per row, then identical runs on consecutive
 * rows stacked. Few rectangles for table-shaped data, so formats are set per block, not per cell.
 */
export function cellsToRects(cells: readonly { row: number; col: number }[]): Rect[] {
  const byRow = new Map<number, number[]>();
  for (const c of cells) {
    const list = byRow.get(c.row);
    if (list) list.push(c.col);
    else byRow.set(c.row, [c.col]);
  }
  const rows = [...byRow.keys()].sort((a, b) => a - b);
  const open = new Map<string, Rect>();
  const done: Rect[] = [];
  let prevRow = -2;
  for (const r of rows) {
    const cols = [...new Set(byRow.get(r)!)].sort((a, b) => a - b);
    const runs: [number, number][] = [];
    for (const c of cols) {
      const last = runs[runs.length - 1];
      if (last && c === last[1] + 1) last[1] = c;
      else runs.push([c, c]);
    }
    const next = new Map<string, Rect>();
    for (const [c0, c1] of runs) {
      const k = `${c0}:${c1}`;
      const prev = r === prevRow + 1 ? open.get(k) : undefined;
      if (prev) {
        prev.r1 = r;
        next.set(k, prev);
        open.delete(k);
      } else next.set(k, { r0: r, c0, r1: r, c1 });
    }
    for (const rect of open.values()) done.push(rect);
    open.clear();
    for (const [k, v] of next) open.set(k, v);
    prevRow = r;
  }
  done.push(...open.values());
  return done.sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0);
}

/** "C7" for one cell, "C7:G9" for a block. */
export function rectAddress(r: Rect): string {
  return r.r0 === r.r1 && r.c0 === r.c1 ? rangeA1(r.r0, r.c0, r.r0, r.c0).split(':')[0] : rangeA1(r.r0, r.c0, r.r1, r.c1);
}

/** Text Excel would otherwise turn into a number, date, boolean or formula is written with a leading apostrophe. */
export function cellInput(value: CellValue, formula?: string): string | number | boolean | null {
  if (formula) return `=${formula}`;
  if (value === null) return null;
  if (typeof value !== 'string') return value;
  if (value === '') return null;
  const risky =
    /^[=+\-@']/.test(value) ||
    /^\s*[-+]?[\d.,]+\s*%?\s*$/.test(value) ||
    /^\d{1,4}[-/.]\d{1,2}([-/.]\d{1,4})?\b/.test(value) ||
    /^(true|false)$/i.test(value);
  return risky ? `'${value}` : value;
}

/** Excel column width (points) for a width in characters of the default font. */
export function charsToPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

const H: Record<NonNullable<CellStyle['hAlign']>, Excel.HorizontalAlignment> = {
  left: 'Left' as Excel.HorizontalAlignment,
  center: 'Center' as Excel.HorizontalAlignment,
  right: 'Right' as Excel.HorizontalAlignment,
};
const V: Record<NonNullable<CellStyle['vAlign']>, Excel.VerticalAlignment> = {
  top: 'Top' as Excel.VerticalAlignment,
  middle: 'Center' as Excel.VerticalAlignment,
  bottom: 'Bottom' as Excel.VerticalAlignment,
};
const BORDER_EDGES = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight'] as const;

function applyStyle(range: Excel.Range, style: CellStyle, rect: Rect): void {
  const f = range.format;
  if (style.bold) f.font.bold = true;
  if (style.fontSize) f.font.size = style.fontSize;
  if (style.fontColor) f.font.color = `#${style.fontColor}`;
  if (style.fill) f.fill.color = `#${style.fill}`;
  if (style.hAlign) f.horizontalAlignment = H[style.hAlign];
  if (style.vAlign) f.verticalAlignment = V[style.vAlign];
  if (style.wrap) f.wrapText = true;
  // One value for the whole block: Excel applies a single (non-array) value to every cell.
  if (style.numFmt) (range as unknown as { numberFormat: unknown }).numberFormat = style.numFmt;
  if (style.border) {
    const sides: string[] = [...BORDER_EDGES];
    if (rect.r1 > rect.r0) sides.push('InsideHorizontal');
    if (rect.c1 > rect.c0) sides.push('InsideVertical');
    for (const side of sides) f.borders.getItem(side as Excel.BorderIndex).style = 'Continuous' as Excel.BorderLineStyle;
  }
}

/** Splits the rendered cells into blocks of consecutive non-empty rows, each written as one 2-D array. */
function valueBlocks(cells: readonly RenderedCell[]): { rect: Rect; matrix: (string | number | boolean | null)[][] }[] {
  const withInput = cells.map((c) => ({ c, input: cellInput(c.value, c.formula) })).filter((x) => x.input !== null);
  const rows = [...new Set(withInput.map((x) => x.c.row))].sort((a, b) => a - b);
  const blocks: { rect: Rect; items: typeof withInput }[] = [];
  const byRow = new Map<number, typeof withInput>();
  for (const x of withInput) {
    const l = byRow.get(x.c.row);
    if (l) l.push(x);
    else byRow.set(x.c.row, [x]);
  }
  for (const r of rows) {
    const items = byRow.get(r)!;
    const c0 = Math.min(...items.map((x) => x.c.col));
    const c1 = Math.max(...items.map((x) => x.c.col));
    const last = blocks[blocks.length - 1];
    if (last && last.rect.r1 === r - 1) {
      last.rect.r1 = r;
      last.rect.c0 = Math.min(last.rect.c0, c0);
      last.rect.c1 = Math.max(last.rect.c1, c1);
      last.items.push(...items);
    } else blocks.push({ rect: { r0: r, c0, r1: r, c1 }, items: [...items] });
  }
  return blocks.map(({ rect, items }) => {
    const matrix = Array.from({ length: rect.r1 - rect.r0 + 1 }, () => Array<string | number | boolean | null>(rect.c1 - rect.c0 + 1).fill(null));
    for (const { c, input } of items) matrix[c.row - rect.r0][c.col - rect.c0] = input;
    return { rect, matrix };
  });
}

/** Rows r0…r1 (0-based) of a sheet: a part of it written in one request. */
export interface RowBand {
  r0: number;
  r1: number;
}

/** Last row (0-based) a rendered sheet uses. */
export function lastRow(sheet: RenderedSheet): number {
  let last = 0;
  for (const c of sheet.cells) if (c.row > last) last = c.row;
  for (const m of sheet.merges) last = Math.max(last, parseRange(m).r1);
  return last;
}

/**
 * Queues everything needed to write one rendered sheet, or the rows of `band` (no sync): its cells,
 * the merged areas starting in it and their styles; the sheet-wide settings (widths, panes, printing)
 * with the band that starts at the top.
 */
export function queueSheet(ws: Excel.Worksheet, whole: RenderedSheet, host: ExcelHost, band?: RowBand): void {
  const inBand = (row: number) => !band || (row >= band.r0 && row <= band.r1);
  const sheet: RenderedSheet = band ? { ...whole, cells: whole.cells.filter((c) => inBand(c.row)), merges: whole.merges.filter((m) => inBand(parseRange(m).r0)) } : whole;
  const first = !band || band.r0 === 0;
  for (const { rect, matrix } of valueBlocks(sheet.cells)) ws.getRange(rectAddress(rect)).formulas = matrix;

  // A merged area takes its top-left cell's style on every cell, so styled blocks stay rectangular
  // (a 세부사업 name merged over two rows would otherwise cut the name column into one block per row).
  const styled = new Map<string, { row: number; col: number; style: StyleName }>();
  for (const c of sheet.cells) if (c.style) styled.set(`${c.row},${c.col}`, { row: c.row, col: c.col, style: c.style });
  for (const m of sheet.merges) {
    const { r0, c0, r1, c1 } = parseRange(m);
    const top = styled.get(`${r0},${c0}`);
    if (!top) continue;
    for (let r = r0; r <= r1; r++) for (let c = c0; c <= c1; c++) if (!styled.has(`${r},${c}`)) styled.set(`${r},${c}`, { row: r, col: c, style: top.style });
  }
  const byStyle = new Map<StyleName, { row: number; col: number }[]>();
  for (const c of styled.values()) {
    const l = byStyle.get(c.style);
    if (l) l.push(c);
    else byStyle.set(c.style, [c]);
  }
  for (const [name, cells] of byStyle) {
    for (const rect of cellsToRects(cells)) applyStyle(ws.getRange(rectAddress(rect)), STYLES[name] as CellStyle, rect);
  }

  for (const m of sheet.merges) ws.getRange(m).merge(false);
  if (!first) return;

  // Column widths, one range per run of equal widths.
  let start = 0;
  for (let c = 1; c <= sheet.columnWidths.length; c++) {
    if (c < sheet.columnWidths.length && sheet.columnWidths[c] === sheet.columnWidths[start]) continue;
    ws.getRange(`${columnLetters(start)}:${columnLetters(c - 1)}`).format.columnWidth = charsToPoints(sheet.columnWidths[start]);
    start = c;
  }

  if (host.supports('ExcelApi', '1.7')) {
    const { rows, cols } = sheet.freeze;
    if (rows > 0 && cols > 0) ws.freezePanes.freezeAt(ws.getRange(rangeA1(0, 0, rows - 1, cols - 1)));
    else if (rows > 0) ws.freezePanes.freezeRows(rows);
    else if (cols > 0) ws.freezePanes.freezeColumns(cols);
  }
  if (host.supports('ExcelApi', '1.9')) {
    if (sheet.landscape) ws.pageLayout.orientation = 'Landscape' as Excel.PageOrientation;
    if (sheet.printTitleRows) {
      const [a, b] = sheet.printTitleRows.split(':');
      ws.pageLayout.setPrintTitleRows(`$${a}:$${b ?? a}`);
    }
  }
}

export async function insertTemplate(host: ExcelHost, draft: PlanDraft, options: InsertOptions): Promise<InsertResult> {
  return asOwnWrite(() =>
    host.run(async (ctx) => {
      const meter = new Meter();
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name');
      await meter.sync(ctx);
      // Never overwrite: whatever the caller asked for, a taken name gets a free variant.
      const names = planSheetNames(
        sheets.items.map((s) => s.name),
        options.sheetNames,
      );
      const rendered = renderWorkbook(draft, { formulas: options.formulas, sheetNames: names });
      const finish = (ws: Excel.Worksheet) => {
        ws.activate();
        ws.getRange('A1').select();
      };
      try {
        // Add every sheet before writing: formulas refer across sheets.
        const added = rendered.sheets.map((s) => sheets.add(s.name));
        rendered.sheets.forEach((s, i) => queueSheet(added[i], s, host));
        finish(added[0]);
        await meter.sync(ctx);
      } catch (e) {
        // Excel refuses a request over its size limit (5 MB on the web) before doing any of it: add the
        // sheets, then write each in bands of rows, halving a band Excel refuses.
        if (!isPayloadError(e)) throw e;
        const added = rendered.sheets.map((s) => sheets.add(s.name));
        await meter.sync(ctx);
        for (let i = 0; i < rendered.sheets.length; i++) {
          const bands: RowBand[] = [{ r0: 0, r1: lastRow(rendered.sheets[i]) }];
          while (bands.length) {
            queueSheet(added[i], rendered.sheets[i], host, bands[0]);
            try {
              await meter.sync(ctx);
              bands.shift();
            } catch (err) {
              const { r0, r1 } = bands[0];
              if (!isPayloadError(err) || r0 === r1) throw err;
              const mid = r0 + Math.floor((r1 - r0) / 2);
              bands.splice(0, 1, { r0, r1: mid }, { r0: mid + 1, r1 });
            }
          }
        }
        finish(added[0]);
        await meter.sync(ctx);
      }
      return { sheetNames: rendered.sheets.map((s) => s.name), cost: meter.cost() };
    }),
  );
}
