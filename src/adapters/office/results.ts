/**
 * The 검증결과 sheet: one row per finding with a link to its cell. The sheet's name is kept in a
 * workbook custom property (ExcelApi 1.7), so the next one replaces ours and never a user's sheet
 * that happens to have the same name.
 */
import type { Progress } from '../../core/present/entered';
import { columnLetters } from '../../core/grid/a1';
import { HEADER_FILL, LINK_COLOUR, RESULTS_TITLES, linkFormula, resultsSheet, type ResultsSheetSpec, type SheetCellSpec } from '../../core/present';
import type { Finding, Lang } from '../../core/rules/types';
import { RESULTS_SHEET, type ExcelHost, type ResultsSheetResult } from './api';
import { Meter, asOwnWrite } from './host';
import { cellInput, charsToPoints } from './insert';
import { freeName } from './names';

export const RESULTS_TITLE_KO = RESULTS_TITLES.ko;
export const RESULTS_TITLE_EN = RESULTS_TITLES.en;
export const RESULTS_PROPERTY = 'jobtarget.resultsSheet';

/** =HYPERLINK("#'Sheet'!C5","C5") — a link to a cell of this workbook, showing `text` (the address by default). */
export function cellLink(sheet: string, cell: string, text: string = cell): string {
  return `=${linkFormula(sheet, cell, text)}`;
}

/** A described cell as Excel's `formulas` input: links as formulas, text guarded against being taken for one. */
function input(c: SheetCellSpec | null): string | number | null {
  if (!c || c.value === null) return null;
  if (c.link) return cellLink(c.link.sheet, c.link.cell, String(c.value));
  return typeof c.value === 'number' ? c.value : (cellInput(c.value) as string | null);
}

const colName = (i: number) => columnLetters(i);

/** Calls `each(first, last, value)` for every run of equal `value`s (null/undefined: no run) in rows first…last of column c. */
function runs<T>(spec: ResultsSheetSpec, c: number, first: number, last: number, value: (cell: SheetCellSpec | null | undefined) => T | undefined, each: (from: number, to: number, v: T) => void): void {
  let start = first;
  for (let r = first + 1; r <= last + 1; r++) {
    const prev = value(spec.rows[start]?.[c]);
    if (r <= last && value(spec.rows[r]?.[c]) === prev) continue;
    if (prev !== undefined && prev !== null) each(start, r - 1, prev);
    start = r;
  }
}

/**
 * Queues the formats of the described sheet: fonts, fills, link colours, number formats, wrapping,
 * widths. Equal neighbours in a column (e.g. a run of findings of one severity) share one range, so the
 * requests stay few; the number formats go as one matrix. Every API used here is ExcelApi 1.1–1.2, below
 * the add-in's minimum (MIN_EXCEL_API, 1.9), so none needs a `supports` check.
 */
function queueFormats(ws: Excel.Worksheet, spec: ResultsSheetSpec, width: number): void {
  const title = spec.rows[0]?.[0];
  if (title) {
    ws.getRange('A1').format.font.bold = true;
    ws.getRange('A1').format.font.size = 14;
  }
  const labels = spec.rows.slice(1, spec.headerRow).filter((r) => r[0]?.style === 'label').length;
  if (labels) ws.getRange(`A2:A${1 + labels}`).format.font.bold = true;
  const header = ws.getRange(`A${spec.headerRow + 1}:${colName(width - 1)}${spec.headerRow + 1}`);
  header.format.font.bold = true;
  header.format.fill.color = `#${HEADER_FILL}`;
  header.format.horizontalAlignment = 'Center' as Excel.HorizontalAlignment;
  header.format.wrapText = true;
  const first = spec.headerRow + 1;
  const last = spec.headerRow + spec.findingCount;
  if (spec.findingCount) {
    for (let c = 0; c < width; c++) {
      const col = colName(c);
      runs(spec, c, first, last, (x) => x?.fill, (from, to, fill) => (ws.getRange(`${col}${from + 1}:${col}${to + 1}`).format.fill.color = `#${fill}`));
      runs(spec, c, first, last, (x) => (x?.link ? true : undefined), (from, to) => {
        const font = ws.getRange(`${col}${from + 1}:${col}${to + 1}`).format.font;
        font.color = `#${LINK_COLOUR}`;
        font.underline = 'Single' as Excel.RangeUnderlineStyle;
      });
      if (spec.columns[c]?.wrap) ws.getRange(`${col}${first + 1}:${col}${last + 1}`).format.wrapText = true;
    }
    const block = ws.getRange(`A${first + 1}:${colName(width - 1)}${last + 1}`);
    block.format.verticalAlignment = 'Top' as Excel.VerticalAlignment;
    // Figures: thousands separators and their decimals (figureFormat); everything else General.
    if (spec.rows.slice(first, last + 1).some((r) => r.some((x) => x?.numberFormat))) {
      block.numberFormat = spec.rows.slice(first, last + 1).map((r) => Array.from({ length: width }, (_, c) => r[c]?.numberFormat ?? 'General'));
    }
  }
  spec.columns.forEach((c, i) => (ws.getRange(`${colName(i)}:${colName(i)}`).format.columnWidth = charsToPoints(c.width)));
}

/** Writes the 검증결과 sheet as src/core/present/sheet.ts describes it; `findings` in the one order. */
export async function writeResultsSheet(
  host: ExcelHost,
  findings: readonly Finding[],
  lang: Lang,
  now: () => Date = () => new Date(),
  /** How much of the plan was entered: a blank template's sheet says so instead of 'no findings'. */
  progress: Progress | null = null,
): Promise<ResultsSheetResult> {
  return asOwnWrite(() =>
    host.run(async (ctx) => {
      const meter = new Meter();
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      const withProps = host.supports('ExcelApi', '1.7');
      const prop = withProps ? ctx.workbook.properties.custom.getItemOrNullObject(RESULTS_PROPERTY) : null;
      prop?.load('value');
      await meter.sync(ctx);

      const items = sheets.items.map((s) => ({ name: s.name, visibility: s.visibility as string }));
      const ourName = prop && !prop.isNullObject ? String(prop.value) : null;
      const ours = ourName === null ? undefined : items.find((s) => s.name.toLowerCase() === ourName.toLowerCase());
      const taken = items.map((s) => s.name);
      let name: string;
      let ws: Excel.Worksheet;
      // Our previous sheet is emptied and reused, never deleted: Worksheet.delete clears the user's undo
      // history (Microsoft's "Undo support" list). A hidden one (it cannot be activated) is left alone.
      if (ours && ours.visibility === 'Visible') {
        name = ours.name;
        ws = sheets.getItem(name);
        ws.getRange().clear('All' as Excel.ClearApplyTo);
      } else {
        name = freeName(RESULTS_SHEET, taken);
        ws = sheets.add(name);
      }

      const spec = resultsSheet(findings, lang, { checkedAt: now(), progress });
      const width = spec.columns.length;
      const rows = spec.rows.map((r) => Array.from({ length: width }, (_, c) => input(r[c] ?? null)));
      ws.getRange(`A1:${colName(width - 1)}${rows.length}`).formulas = rows;
      queueFormats(ws, spec, width);
      if (host.supports('ExcelApi', '1.7')) ws.freezePanes.freezeRows(spec.headerRow + 1);
      // Printing as the annotated copy's: landscape, the header row on every page (PageLayout, ExcelApi 1.9).
      if (host.supports('ExcelApi', '1.9')) {
        ws.pageLayout.orientation = 'Landscape' as Excel.PageOrientation;
        ws.pageLayout.setPrintTitleRows(`$${spec.headerRow + 1}:$${spec.headerRow + 1}`);
      }
      if (withProps) ctx.workbook.properties.custom.add(RESULTS_PROPERTY, name);
      ws.activate();
      await meter.sync(ctx);
      return { sheetName: name, cost: meter.cost() };
    }),
  );
}
