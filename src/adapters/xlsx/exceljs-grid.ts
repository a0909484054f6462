/**
 * exceljs' view of a workbook turned into a GridWorkbook. The CLI reads with the streaming reader in
 * read.ts; this is kept for the annotated copy (which edits the workbook through exceljs) and as the
 * reference the streaming reader is tested against. exceljs itself is loaded only by loadXlsx, so
 * importing this module costs nothing at start-up.
 *
 * - values: rich text flattened to text, dates as ISO text, hyperlinks by their text, errors as text
 *   ('#REF!'), formulas by their CACHED result with the formula text kept (exceljs drops a cached 0);
 * - number formats and merged ranges; merged cells other than the top-left one are empty;
 * - every sheet, hidden ones after the visible ones, except the sheets jobtarget itself writes.
 */
import type ExcelJS from 'exceljs';
import type { CellValue, GridCell, GridSheet, GridWorkbook } from '../../core/grid/grid';
import { readFail } from '../read-error';
import { MARKS_SHEET, RESULTS_SHEET } from './names';
import { openZip } from './zip';

const OWN_SHEETS = new Set([MARKS_SHEET, RESULTS_SHEET]);

/** Checks the bytes (as the streaming reader does) and loads them with exceljs. */
export async function loadXlsx(buf: Buffer, file?: string): Promise<ExcelJS.Workbook> {
  const zip = openZip(buf, file);
  if (!zip.byName.has('xl/workbook.xml')) {
    readFail('not-xlsx', 'ZIP 파일이지만 Excel 통합 문서가 아닙니다 (xl/workbook.xml 없음)', 'a zip archive but not an Excel workbook (no xl/workbook.xml)', file);
  }
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  try {
    // exceljs' typings name an older Buffer type; the bytes are what it wants.
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch {
    // exceljs' own message is not for users.
    readFail('damaged', '파일이 손상되었거나 읽을 수 없는 구조입니다 — Excel에서 열어 다시 저장하세요', 'the workbook is damaged or has a structure that cannot be read: open and re-save it in Excel', file);
  }
  return wb;
}

/** Sheets in the order Excel shows their tabs. */
export function orderedWorksheets(wb: ExcelJS.Workbook): ExcelJS.Worksheet[] {
  const order = (ws: ExcelJS.Worksheet) => (ws as unknown as { orderNo?: number }).orderNo ?? 0;
  return wb.worksheets.slice().sort((a, b) => order(a) - order(b));
}

export function workbookToGrid(wb: ExcelJS.Workbook): { grid: GridWorkbook; hiddenSheets: string[] } {
  const visible: GridSheet[] = [];
  const hidden: GridSheet[] = [];
  for (const ws of orderedWorksheets(wb)) {
    if (OWN_SHEETS.has(ws.name)) continue;
    const sheet = worksheetToGrid(ws);
    if (ws.state === 'hidden' || ws.state === 'veryHidden') hidden.push(sheet);
    else visible.push(sheet);
  }
  return { grid: { sheets: [...visible, ...hidden] }, hiddenSheets: hidden.map((s) => s.name) };
}

const MERGE = 1; // ExcelJS.ValueType.Merge (the enum is declared, not exported as a value, in the typings)

export function worksheetToGrid(ws: ExcelJS.Worksheet): GridSheet {
  const rows: (GridCell | undefined)[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const out: (GridCell | undefined)[] = [];
    row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
      if ((cell.type as number) === MERGE) return; // the value sits in the merge's top-left cell
      const raw = cell.value;
      const grid: GridCell = { value: plainValue(raw) };
      if (raw !== null && typeof raw === 'object' && ('formula' in raw || 'sharedFormula' in raw)) {
        const f = cell.formula;
        if (f) grid.formula = f.replace(/^=/, '');
      }
      const fmt = cell.numFmt;
      if (fmt && fmt !== 'General') grid.numFmt = fmt;
      if (grid.value === null && grid.formula === undefined) return;
      out[colNumber - 1] = grid;
    });
    if (out.length) rows[rowNumber - 1] = out;
  });
  for (let r = 0; r < rows.length; r++) rows[r] ??= [];
  return { name: ws.name, rows, merges: mergesOf(ws) };
}

interface MergeRange {
  tl: string;
  br: string;
}

/** Merged ranges as "A5:A6" (exceljs keeps them in _merges, keyed by the top-left cell). */
export function mergesOf(ws: ExcelJS.Worksheet): string[] {
  const merges = (ws as unknown as { _merges?: Record<string, MergeRange> })._merges;
  if (merges) return Object.values(merges).filter(Boolean).map((m) => `${m.tl}:${m.br}`);
  return (ws.model as { merges?: string[] }).merges ?? [];
}

/** exceljs' cell value → the grid's plain value. */
export function plainValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'number') return Number.isFinite(v) ? v : String(v);
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (v instanceof Date) return isoDate(v);
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as { text?: string }[]).map((t) => t.text ?? '').join('');
    if ('error' in o) return String(o.error);
    if ('formula' in o || 'sharedFormula' in o) return plainValue(o.result);
    if ('text' in o) return plainValue(o.text); // a hyperlink: its text (itself possibly rich text)
  }
  return String(v);
}

/** A date as ISO text: the day alone when there is no time of day. */
export function isoDate(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.000Z$/, 'Z');
}
