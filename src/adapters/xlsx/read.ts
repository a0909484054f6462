/**
 * exceljs reader: an .xlsx file (or its bytes) → GridWorkbook, the plain grid the core reads plans from.
 *
 * - values: rich text flattened to text, dates as ISO text, hyperlinks by their text, errors as text
 *   ('#REF!'), formulas by their CACHED result (nothing is recalculated) with the formula text kept;
 * - number formats and merged ranges; merged cells other than the top-left one are empty;
 * - every sheet, hidden ones after the visible ones (so a visible table wins over a hidden copy),
 *   except the sheets jobtarget itself writes (the marks sheet and the '검증결과' findings sheet).
 *
 * The input is only ever read. A file that cannot be read throws an XlsxReadError whose message is one
 * line, Korean then English.
 */
import { createHash } from 'crypto';
import ExcelJS from 'exceljs';
import { readRegularFile } from '../file';
import { InputReadError, type ReadErrorCode } from '../read-error';
import { MARKS_SHEET, RESULTS_SHEET } from './names';
import type { CellValue, GridCell, GridSheet, GridWorkbook } from '../../core/grid/grid';
import { sniff } from './zip';

export { MARKS_SHEET, RESULTS_SHEET };
const OWN_SHEETS = new Set([MARKS_SHEET, RESULTS_SHEET]);

export type XlsxErrorCode = ReadErrorCode;
/** Read errors of every input format are one class (src/adapters/read-error.ts). */
export { InputReadError as XlsxReadError };

export interface XlsxReadResult {
  grid: GridWorkbook;
  /** sha256 of the bytes read, hex. */
  sha256: string;
  bytes: number;
  /** Names of hidden (or very hidden) sheets; they are in the grid, after the visible ones. */
  hiddenSheets: string[];
  /** The loaded workbook (for annotating a copy without reading the file twice). */
  workbook: ExcelJS.Workbook;
  /** The bytes read. */
  buffer: Buffer;
}

function fail(code: XlsxErrorCode, ko: string, en: string, file?: string): never {
  throw new InputReadError(code, ko, en, file);
}

const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, 200);

/** Checks the bytes and loads them with exceljs. */
export async function loadXlsx(buf: Buffer, file?: string): Promise<ExcelJS.Workbook> {
  const s = sniff(buf);
  switch (s.kind) {
    case 'empty':
      fail('empty', '빈 파일입니다 (0바이트)', 'empty file: 0 bytes', file);
    case 'not-zip':
      fail('not-xlsx', 'Excel(.xlsx) 파일이 아닙니다 — ZIP 형식이 아닙니다', 'not an .xlsx file: not a zip archive', file);
    case 'zip-not-xlsx':
      fail('not-xlsx', 'ZIP 파일이지만 Excel 통합 문서가 아닙니다 (xl/workbook.xml 없음)', 'a zip archive but not an Excel workbook (no xl/workbook.xml)', file);
    case 'truncated':
      fail('truncated', '파일이 손상되었습니다 — 중간에 잘린 파일입니다', `truncated file: the zip archive is cut short (${s.why})`, file);
    case 'ole':
      if (s.encrypted) fail('encrypted', '암호로 보호된 파일입니다 — 암호를 해제해 저장한 뒤 다시 검사하세요', 'password-protected workbook: remove the password, save and check again', file);
      fail('not-xlsx', 'Excel 97-2003(.xls) 형식입니다 — .xlsx로 저장한 뒤 다시 검사하세요', 'legacy .xls workbook: save it as .xlsx and check again', file);
    case 'xlsx':
      break;
  }
  const wb = new ExcelJS.Workbook();
  try {
    // exceljs' typings name an older Buffer type; the bytes are what it wants.
    await wb.xlsx.load(buf as unknown as ExcelJS.Buffer);
  } catch (e) {
    const msg = oneLine(e instanceof Error ? e.message : String(e));
    if (/end of data|corrupted|invalid (?:distance|code|stored block)|unexpected end|crc32/i.test(msg)) {
      fail('truncated', '파일이 손상되었습니다 — 압축을 풀 수 없습니다', `damaged file: the zip data cannot be inflated (${msg})`, file);
    }
    fail('unreadable', `파일을 읽을 수 없습니다: ${msg}`, `cannot read the workbook: ${msg}`, file);
  }
  return wb;
}

/** Reads the file (never writes it) and turns it into a grid. */
export async function readXlsxFile(file: string): Promise<XlsxReadResult> {
  return readXlsxBuffer(await readRegularFile(file), file);
}

export async function readXlsxBuffer(buf: Buffer, file?: string): Promise<XlsxReadResult> {
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const workbook = await loadXlsx(buf, file);
  const { grid, hiddenSheets } = workbookToGrid(workbook);
  return { grid, sha256, bytes: buf.length, hiddenSheets, workbook, buffer: buf };
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
