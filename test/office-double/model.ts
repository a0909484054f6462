/**
 * The in-memory workbook behind the Excel test double: plain, JSON-serialisable data, so a test (or the
 * browser e2e page) can seed it, inspect it, snapshot it and hand the snapshot to a fresh double to
 * simulate "saved and reopened". No Node imports: this file is also bundled into a browser page.
 */

export type CellScalar = number | string | boolean;

/** A fill as Excel keeps it. `null`/absent on a cell means "No Fill", which is NOT the same as white. */
export interface FillModel {
  /** '#RRGGBB' */
  color: string;
  /** Excel.FillPattern name: 'Solid', 'Gray25', …; never 'None' (that is No Fill, i.e. no FillModel). */
  pattern: string;
  /** '#RRGGBB', or null for automatic. */
  patternColor: string | null;
  tintAndShade: number;
  patternTintAndShade: number;
}

export type BorderSide = 'EdgeTop' | 'EdgeBottom' | 'EdgeLeft' | 'EdgeRight' | 'InsideVertical' | 'InsideHorizontal' | 'DiagonalDown' | 'DiagonalUp';

export interface BorderModel {
  style: string;
  color: string;
  weight: string;
}

/** Only properties that were set are present; readers apply Excel's defaults. */
export interface FormatModel {
  numberFormat?: string;
  fill?: FillModel | null;
  bold?: boolean;
  italic?: boolean;
  fontSize?: number;
  fontColor?: string;
  fontName?: string;
  horizontalAlignment?: string;
  verticalAlignment?: string;
  wrapText?: boolean;
  borders?: Partial<Record<BorderSide, BorderModel>>;
}

export interface CellModel {
  /** Constant value; absent for an empty cell or a formula cell. */
  v?: CellScalar;
  /** Formula text with the leading '='. */
  f?: string;
  fmt?: FormatModel;
}

export interface NoteModel {
  content: string;
  author: string;
}

export type SheetVisibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface SheetModel {
  id: string;
  name: string;
  visibility: SheetVisibility;
  /** Keyed "row,col", 0-based. */
  cells: Record<string, CellModel>;
  /** Merged areas in A1 form ("A5:A6"). */
  merges: string[];
  /** Column widths in points, by 0-based column. */
  columnWidths: Record<string, number>;
  freeze: { rows: number; cols: number };
  pageLayout: { orientation: 'Portrait' | 'Landscape'; printTitleRows: string | null };
  /** Notes keyed "row,col". */
  notes: Record<string, NoteModel>;
  /** Worksheet protection is on (no password modelled): Excel refuses changes to the sheet's cells. */
  protected?: boolean;
}

export interface CommentModel {
  id: string;
  sheetId: string;
  /** "row,col" */
  cell: string;
  content: string;
  author: string;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  comments: CommentModel[];
  activeSheetId: string | null;
  selection: { sheetId: string; address: string } | null;
  nextId: number;
  /** Workbook custom document properties (ExcelApi 1.7). */
  customProperties?: Record<string, string | number | boolean>;
  /** The add-in's document settings (Office.context.document.settings) as saved with the workbook: name → JSON value. */
  settings?: Record<string, unknown>;
}

/**
 * Common API requirement sets the double plays besides ExcelApi (Microsoft's "Office Common API requirement
 * sets"): Settings 1.1 is Settings.get/set/remove/saveAsync, in every Excel (Windows, Mac, iPad, the web).
 */
export const COMMON_SETS: Record<string, string> = { Settings: '1.1' };

export const MAX_ROWS = 1048576;
export const MAX_COLS = 16384;

export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export function cellKey(r: number, c: number): string {
  return `${r},${c}`;
}

export function parseKey(key: string): { r: number; c: number } {
  const i = key.indexOf(',');
  return { r: Number(key.slice(0, i)), c: Number(key.slice(i + 1)) };
}

export function colLetters(col: number): string {
  let n = col + 1;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function colIndex(letters: string): number {
  let c = 0;
  for (const ch of letters.toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return c - 1;
}

export function cellA1(r: number, c: number): string {
  return `${colLetters(c)}${r + 1}`;
}

const rectCache = new Map<string, Rect>();

/** Parses "A1", "$A$1:B2", "3:7" (whole rows), "C:E" (whole columns). Throws on anything else. */
export function parseRect(address: string): Rect {
  const hit = rectCache.get(address);
  if (hit) return { ...hit };
  const rect = parseRectUncached(address);
  if (rectCache.size > 100_000) rectCache.clear();
  rectCache.set(address, rect);
  return { ...rect };
}

function parseRectUncached(address: string): Rect {
  const a = address.trim();
  let m = /^\$?([A-Za-z]{1,3})\$?(\d+)(?::\$?([A-Za-z]{1,3})\$?(\d+))?$/.exec(a);
  if (m) {
    const r0 = Number(m[2]) - 1;
    const c0 = colIndex(m[1]);
    const r1 = m[4] ? Number(m[4]) - 1 : r0;
    const c1 = m[3] ? colIndex(m[3]) : c0;
    const rect = { r0: Math.min(r0, r1), c0: Math.min(c0, c1), r1: Math.max(r0, r1), c1: Math.max(c0, c1) };
    if (rect.r0 < 0 || rect.r1 >= MAX_ROWS || rect.c1 >= MAX_COLS) throw new Error(`bad address ${address}`);
    return rect;
  }
  m = /^\$?(\d+):\$?(\d+)$/.exec(a);
  if (m) {
    const r0 = Number(m[1]) - 1;
    const r1 = Number(m[2]) - 1;
    if (r0 < 0 || r1 < 0) throw new Error(`bad address ${address}`);
    return { r0: Math.min(r0, r1), c0: 0, r1: Math.max(r0, r1), c1: MAX_COLS - 1 };
  }
  m = /^\$?([A-Za-z]{1,3}):\$?([A-Za-z]{1,3})$/.exec(a);
  if (m) {
    const c0 = colIndex(m[1]);
    const c1 = colIndex(m[2]);
    return { r0: 0, c0: Math.min(c0, c1), r1: MAX_ROWS - 1, c1: Math.max(c0, c1) };
  }
  throw new Error(`bad address ${address}`);
}

export function rectA1(rect: Rect): string {
  const fullRows = rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
  const fullCols = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
  if (fullRows && !fullCols) return `${rect.r0 + 1}:${rect.r1 + 1}`;
  if (fullCols && !fullRows) return `${colLetters(rect.c0)}:${colLetters(rect.c1)}`;
  const a = cellA1(rect.r0, rect.c0);
  return rect.r0 === rect.r1 && rect.c0 === rect.c1 ? a : `${a}:${cellA1(rect.r1, rect.c1)}`;
}

/** Quotes a sheet name the way Excel does in addresses. */
export function quoteSheetName(name: string): string {
  return /^[\p{L}_][\p{L}\p{N}_.]*$/u.test(name) && !/^[A-Za-z]{1,3}\d+$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits "Sheet!A1" / "'My sheet'!A1:B2" / "A1" into sheet (or null) and local address. */
export function splitSheetAddress(address: string): { sheet: string | null; local: string } {
  const a = address.trim();
  const i = a.lastIndexOf('!');
  if (i < 0) return { sheet: null, local: a };
  let sheet = a.slice(0, i);
  if (sheet.startsWith("'") && sheet.endsWith("'")) sheet = sheet.slice(1, -1).replace(/''/g, "'");
  return { sheet, local: a.slice(i + 1) };
}

/** Splits a comma-separated address list, respecting quoted sheet names. */
export function splitAddressList(list: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < list.length; i++) {
    const ch = list[i];
    if (ch === "'") {
      if (quoted && list[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === ',' && !quoted) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

export function intersect(a: Rect, b: Rect): Rect | null {
  const r = { r0: Math.max(a.r0, b.r0), c0: Math.max(a.c0, b.c0), r1: Math.min(a.r1, b.r1), c1: Math.min(a.c1, b.c1) };
  return r.r0 <= r.r1 && r.c0 <= r.c1 ? r : null;
}

export function contains(outer: Rect, inner: Rect): boolean {
  return inner.r0 >= outer.r0 && inner.r1 <= outer.r1 && inner.c0 >= outer.c0 && inner.c1 <= outer.c1;
}

export function rectCells(rect: Rect): number {
  return (rect.r1 - rect.r0 + 1) * (rect.c1 - rect.c0 + 1);
}

export function newSheet(id: string, name: string): SheetModel {
  return {
    id,
    name,
    visibility: 'Visible',
    cells: {},
    merges: [],
    columnWidths: {},
    freeze: { rows: 0, cols: 0 },
    pageLayout: { orientation: 'Portrait', printTitleRows: null },
    notes: {},
  };
}

/** A workbook with the given visible sheets (default one "Sheet1"), the first active. */
export function emptyWorkbook(sheetNames: string[] = ['Sheet1']): WorkbookModel {
  const sheets = sheetNames.map((n, i) => newSheet(`{sheet-${i + 1}}`, n));
  return { sheets, comments: [], activeSheetId: sheets[0]?.id ?? null, selection: sheets[0] ? { sheetId: sheets[0].id, address: 'A1' } : null, nextId: sheets.length + 1, customProperties: {} };
}

/** Deep copy through JSON: what "save and reopen" keeps. */
export function cloneWorkbook(wb: WorkbookModel): WorkbookModel {
  return JSON.parse(JSON.stringify(wb)) as WorkbookModel;
}

/** Sets a constant or formula the way a user typing would (strings starting with '=' are formulas). */
export function seedCell(sheet: SheetModel, a1: string, value: CellScalar | null, fmt?: FormatModel): void {
  const { r0, c0 } = parseRect(a1);
  const key = cellKey(r0, c0);
  const cell: CellModel = { ...(sheet.cells[key] ?? {}) };
  delete cell.v;
  delete cell.f;
  if (typeof value === 'string' && value.startsWith('=')) cell.f = value;
  else if (value !== null && value !== '') cell.v = value;
  if (fmt) cell.fmt = { ...(cell.fmt ?? {}), ...fmt };
  if (cell.v === undefined && cell.f === undefined && !cell.fmt) delete sheet.cells[key];
  else sheet.cells[key] = cell;
}
