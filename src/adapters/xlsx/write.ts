/**
 * exceljs writer: applies a RenderedWorkbook (core/template/render.ts) to an exceljs Workbook —
 * values, formulas (with their cached result when known), the template's styles, merges, column
 * widths, frozen panes and print setup — and writes it to a file or a Buffer.
 *
 * exceljs is used only under src/adapters/xlsx; the core never imports this module.
 */
import ExcelJS from 'exceljs';
import { a1, parseA1 } from '../../core/grid/a1';
import type { PlanDraft } from '../../core/model/draft';
import { renderWorkbook, type RenderOptions, type RenderedCell, type RenderedSheet, type RenderedWorkbook } from '../../core/template/render';
import { STYLES, type CellStyle } from '../../core/template/styles';
import { MARGINS } from '../../core/print/layout';
import { OutputExistsError, writeOutputFile } from '../output';

/** Font of every styled cell: the Korean default of Office. */
export const DEFAULT_FONT = '맑은 고딕';
const DEFAULT_FONT_SIZE = 10;
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };

export function argb(hex: string): string {
  const h = hex.replace(/^#/, '').toUpperCase();
  return h.length === 6 ? `FF${h}` : h;
}

/** Maps a template style (plain data) onto an exceljs style. A fresh object each call: exceljs mutates styles in place. */
export function excelStyle(s: CellStyle): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = {
    font: {
      name: DEFAULT_FONT,
      size: s.fontSize ?? DEFAULT_FONT_SIZE,
      ...(s.bold ? { bold: true } : {}),
      ...(s.fontColor ? { color: { argb: argb(s.fontColor) } } : {}),
    },
  };
  if (s.numFmt) style.numFmt = s.numFmt;
  if (s.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(s.fill) } };
  if (s.hAlign || s.vAlign || s.wrap) {
    style.alignment = {
      ...(s.hAlign ? { horizontal: s.hAlign } : {}),
      ...(s.vAlign ? { vertical: s.vAlign } : {}),
      ...(s.wrap ? { wrapText: true } : {}),
    };
  }
  if (s.border) style.border = { top: { ...THIN }, left: { ...THIN }, bottom: { ...THIN }, right: { ...THIN } };
  return style;
}

function cellValue(c: RenderedCell): ExcelJS.CellValue {
  if (c.formula) {
    // The cached result is written when known, so a reader that does not recalculate sees the figure.
    return c.value === null ? { formula: c.formula } : { formula: c.formula, result: c.value };
  }
  return c.value;
}

/**
 * Merges many ranges in time linear in their area. exceljs' mergeCells checks each new range against
 * every earlier one (quadratic: 13 s for a 10,000-세부사업 plan); the ranges here are checked once for
 * overlap with a set of covered cells, then each is merged while exceljs sees no earlier range.
 */
export function addMerges(ws: ExcelJS.Worksheet, ranges: readonly string[]): void {
  const covered = new Set<number>();
  for (const m of ranges) {
    const [from, to = from] = m.split(':');
    const a = parseA1(from);
    const b = parseA1(to);
    for (let r = Math.min(a.row, b.row); r <= Math.max(a.row, b.row); r++) {
      for (let c = Math.min(a.col, b.col); c <= Math.max(a.col, b.col); c++) {
        const key = r * 16_384 + c;
        if (covered.has(key)) throw new Error(`overlapping merged ranges at ${m}`);
        covered.add(key);
      }
    }
  }
  const internal = ws as unknown as { _merges: Record<string, unknown> };
  const all = internal._merges;
  try {
    for (const m of ranges) {
      internal._merges = {};
      ws.mergeCells(m);
      Object.assign(all, internal._merges);
    }
  } finally {
    internal._merges = all;
  }
}

export function applySheet(ws: ExcelJS.Worksheet, s: RenderedSheet): void {
  for (const c of s.cells) {
    const cell = ws.getCell(c.row + 1, c.col + 1);
    cell.value = cellValue(c);
    if (c.style) cell.style = excelStyle(STYLES[c.style]);
  }
  addMerges(ws, s.merges);
  s.columnWidths.forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  const { rows, cols } = s.freeze;
  ws.views = rows > 0 || cols > 0 ? [{ state: 'frozen', xSplit: cols, ySplit: rows, topLeftCell: a1(rows, cols) }] : [{ state: 'normal' }];
  applyPrint(ws, s);
}

/** `&` is a code in Excel's header and footer text; a literal one is written twice. */
const headerText = (s: string) => s.replace(/&/g, '&&');

/** Page setup from the sheet's description (core/print/layout.ts): A4, fit to width, title rows, breaks between tables, row heights, header and footer. */
export function applyPrint(ws: ExcelJS.Worksheet, s: RenderedSheet): void {
  const p = s.print;
  for (const [row, height] of Object.entries(p?.rowHeights ?? {})) ws.getRow(Number(row) + 1).height = height;
  // exceljs puts a break below the row it is called on: below 1-based row b is above 0-based row b.
  for (const b of p?.rowBreaks ?? []) if (b > 0) ws.getRow(b).addPageBreak();
  ws.pageSetup = {
    paperSize: 9, // A4
    orientation: (p?.orientation ?? (s.landscape ? 'landscape' : 'portrait')),
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0, // as many pages down as needed
    // No print area: Excel prints what the sheet holds, so a 실천과제 table or 전략분야 an official adds
    // below the last one is printed too (a print area ending at the template's last row left it out).
    ...(s.printTitleRows ? { printTitlesRow: s.printTitleRows } : {}),
    margins: { ...MARGINS },
  };
  if (p) {
    ws.headerFooter = {
      oddHeader: `${p.header.left ? `&L${headerText(p.header.left)}` : ''}&R${p.header.right}`,
      oddFooter: p.footer,
    };
  }
}

/** Adds the rendered sheets to a workbook (a new one when none is given). */
export function applyRendered(rendered: RenderedWorkbook, wb: ExcelJS.Workbook = new ExcelJS.Workbook()): ExcelJS.Workbook {
  wb.creator = wb.creator || 'jobtarget';
  // Totals of the blank template are live formulas without cached values: ask Excel to compute them on open.
  wb.calcProperties = { ...wb.calcProperties, fullCalcOnLoad: true };
  for (const s of rendered.sheets) applySheet(wb.addWorksheet(s.name), s);
  return wb;
}

export async function workbookToBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const out = await wb.xlsx.writeBuffer();
  return Buffer.isBuffer(out) ? out : Buffer.from(out as ArrayBuffer);
}

export async function renderedToBuffer(rendered: RenderedWorkbook): Promise<Buffer> {
  return workbookToBuffer(applyRendered(rendered));
}

/** A draft (the example, or blankDraft()) rendered and written to a Buffer. */
export async function draftToBuffer(draft: PlanDraft, opts: RenderOptions): Promise<Buffer> {
  return renderedToBuffer(renderWorkbook(draft, opts));
}

export { OutputExistsError };

/** Writes bytes through a new temporary file renamed into place; refuses to replace an existing file unless `force` (src/adapters/output.ts). */
export async function writeNewFile(file: string, bytes: Buffer, force = false): Promise<void> {
  await writeOutputFile(file, bytes, { force });
}

export async function writeRenderedFile(rendered: RenderedWorkbook, file: string, opts: { force?: boolean } = {}): Promise<void> {
  await writeNewFile(file, await renderedToBuffer(rendered), opts.force);
}

export async function writeDraftFile(draft: PlanDraft, renderOpts: RenderOptions, file: string, opts: { force?: boolean } = {}): Promise<void> {
  await writeRenderedFile(renderWorkbook(draft, renderOpts), file, opts);
}
