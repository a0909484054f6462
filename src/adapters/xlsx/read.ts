/**
 * The .xlsx reader: a workbook file (or its bytes) → GridWorkbook, straight from the OOXML parts.
 *
 * The zip is listed and checked first (zip.ts: limits, sizes), then only the parts a plan needs are
 * inflated (and their size and CRC verified) and scanned by the reader's own XML tokenizer (xml.ts: one
 * pass over the bytes, as strict as a checking parser about well-formedness): the workbook (sheet
 * names, order, visibility), its relationships, shared strings, the number formats of the cell styles,
 * and each worksheet's cells and merged ranges. Every other entry is inflated only to verify its size
 * and CRC.
 *
 * - values: rich and inline text flattened to text, dates (date-formatted numbers) as ISO text, errors
 *   as text ('#REF!'), formulas by their CACHED result (a cached 0 included; nothing is recalculated)
 *   with the formula text kept (a shared formula translated to its own cell);
 * - number formats, merged ranges (clipped to the sheet's used range); merged cells other than the
 *   top-left one are empty;
 * - every worksheet, hidden ones after the visible ones (so a visible table wins over a hidden copy),
 *   except the sheets jobtarget itself writes.
 *
 * Work is linear in the bytes present: rows and cells are stored where they are, and the limits below
 * bound everything a file can merely claim. The input is only ever read. Every failure is an
 * InputReadError (read-error.ts) naming the part at fault; no library's text reaches the user.
 */
import { xmlEncoding } from '../xml-encoding';
import { createHash } from 'crypto';
import type { CellValue, GridCell, GridSheet, GridWorkbook } from '../../core/grid/grid';
import { readRegularFile } from '../file';
import { InputReadError, readFail } from '../read-error';
import { MARKS_SHEET, RESULTS_SHEET } from './names';
import { TEXT_PLAIN, XmlScanner, type XmlHandler } from './xml';
import { checkZipHead, inflatePart, openZip, verifyEntry, type ZipArchive, type ZipEntry } from './zip';

export { MARKS_SHEET, RESULTS_SHEET };
/** Read errors of every input format are one class (src/adapters/read-error.ts). */
export { InputReadError as XlsxReadError };
export type { ReadErrorCode as XlsxErrorCode } from '../read-error';
// The exceljs view of a workbook, for the annotated copy and tests; exceljs loads only when loadXlsx runs.
export { isoDate, loadXlsx, mergesOf, orderedWorksheets, plainValue, workbookToGrid, worksheetToGrid } from './exceljs-grid';

export interface XlsxReadResult {
  grid: GridWorkbook;
  /** sha256 of the bytes read, hex. */
  sha256: string;
  bytes: number;
  /** Names of hidden (or very hidden) sheets; they are in the grid, after the visible ones. */
  hiddenSheets: string[];
  /** The bytes read (an annotated copy is made from them). */
  buffer: Buffer;
}

export interface XlsxLimits {
  /** Cells holding a value or formula, per sheet. */
  maxCellsPerSheet: number;
  maxMergesPerSheet: number;
  /** Cells covered by one merged range after clipping to the used range. */
  maxMergeArea: number;
  /** Cells covered by all merged ranges of a sheet after clipping. */
  maxMergedCellsPerSheet: number;
  maxSharedStrings: number;
  /** Characters in one text (Excel's own limit is 32,767 per cell). */
  maxStringChars: number;
  maxXmlDepth: number;
  /** Wall-clock time for reading one file, ms. */
  timeBudgetMs: number;
}

export const XLSX_LIMITS: XlsxLimits = {
  maxCellsPerSheet: 4_000_000,
  maxMergesPerSheet: 200_000,
  maxMergeArea: 1_000_000,
  maxMergedCellsPerSheet: 4_000_000,
  maxSharedStrings: 4_000_000,
  maxStringChars: 1_000_000,
  maxXmlDepth: 256,
  timeBudgetMs: 60_000,
};

export interface XlsxReadOptions {
  limits?: Partial<XlsxLimits>;
}

const OWN_SHEETS = new Set([MARKS_SHEET, RESULTS_SHEET]);
const MAX_ROW = 1_048_576;
const MAX_COL = 16_384;
/** Merged ranges up to this many cells are kept whole; larger ones are clipped to the used range. */
const SMALL_MERGE = 10_000;

/** Reads the file (never writes it): only a regular file, refused from its first bytes when not a zip. */
export async function readXlsxFile(file: string, opts: XlsxReadOptions = {}): Promise<XlsxReadResult> {
  const buf = await readRegularFile(file, { head: (first, size) => checkZipHead(first, size, file) });
  return readXlsxBuffer(buf, file, opts);
}

export async function readXlsxBuffer(buf: Buffer, file?: string, opts: XlsxReadOptions = {}): Promise<XlsxReadResult> {
  const sha256 = createHash('sha256').update(buf).digest('hex');
  const limits = { ...XLSX_LIMITS, ...opts.limits };
  try {
    const { grid, hiddenSheets } = readWorkbook(buf, file, limits);
    return { grid, sha256, bytes: buf.length, hiddenSheets, buffer: buf };
  } catch (e) {
    if (e instanceof InputReadError) throw e;
    // Anything else is a structure this reader does not expect; its text is not for users.
    readFail('damaged', '파일이 손상되었거나 읽을 수 없는 구조입니다 — Excel에서 열어 다시 저장하세요', 'the workbook is damaged or has a structure that cannot be read: open and re-save it in Excel', file);
  }
}

// ------------------------------------------------------------------------------------------ parts

interface Ctx {
  zip: ZipArchive;
  file?: string;
  limits: XlsxLimits;
  deadline: number;
  /** Entries already inflated (and so verified). */
  done: Set<ZipEntry>;
  /** Scans every part, one after the other. */
  scanner: XmlScanner;
}

function damaged(ctx: Ctx, part: string, ko: string, en: string): never {
  readFail('damaged', `파일이 손상되었습니다 (${part}): ${ko} — 원본을 다시 받거나 Excel에서 열어 다시 저장하세요`, `the file is damaged (${part}): ${en}; get the original again or open and re-save it in Excel`, ctx.file);
}

function tooLarge(ctx: Ctx, ko: string, en: string): never {
  readFail('too-large', `파일이 너무 큽니다 — ${ko}`, `too large: ${en}`, ctx.file);
}

function checkTime(ctx: Ctx): void {
  if (Date.now() > ctx.deadline) {
    const s = Math.round(ctx.limits.timeBudgetMs / 1000);
    readFail('timeout', `읽는 데 ${s}초가 넘게 걸려 멈췄습니다 — 파일이 비정상적으로 큽니다`, `reading took more than ${s} s and was stopped: the file is abnormally large`, ctx.file);
  }
}

const localName = (qname: string) => {
  const i = qname.indexOf(':');
  return i < 0 ? qname : qname.slice(i + 1);
};

/** Handlers of the small parts (relationships, workbook, styles): the attributes they want read by name (sc.attr). */
interface SimpleHandlers {
  open(name: string, sc: XmlScanner): void;
  close(name: string): void;
}

/** Only the elements named are handed on (a styles part has hundreds of others). */
const simple = (names: string[], h: SimpleHandlers): XmlHandler => {
  const wanted = new Set(names);
  return {
    open: (name, sc) => {
      if (wanted.has(name)) h.open(name, sc);
    },
    close: (name) => h.close(name),
    text: () => undefined,
  };
};

/**
 * A part's bytes as UTF-8. OPC allows parts in UTF-8 or UTF-16 (ECMA-376 part 2, 8.1.4); a UTF-16 one
 * (told by its byte order mark, or by '<' as its first character, XML 1.0 appendix F) is converted,
 * its mark becoming UTF-8's (which the scanner takes). Any other bytes are left as they are.
 */
function utf8Part(data: Buffer): Buffer {
  if (data.length < 2 || data.length % 2 !== 0) return data;
  const encoding = xmlEncoding(data);
  if (encoding === 'utf-16le') return Buffer.from(data.toString('utf16le'), 'utf8');
  if (encoding === 'utf-16be') return Buffer.from(Buffer.from(data).swap16().toString('utf16le'), 'utf8');
  return data;
}

/**
 * Inflates and verifies one part, then scans it (xml.ts): local element names (any prefix), depth and
 * text length bounded. A part whose XML is not well-formed is damaged, named.
 */
function parsePart(ctx: Ctx, entry: ZipEntry, h: XmlHandler): void {
  const data = utf8Part(inflatePart(ctx.zip, entry, ctx.file));
  ctx.done.add(entry);
  checkTime(ctx);
  try {
    ctx.scanner.run(data, h, {
      maxDepth: ctx.limits.maxXmlDepth,
      onTooDeep: () => damaged(ctx, entry.name, `XML이 너무 깊게 중첩되어 있습니다 (${ctx.limits.maxXmlDepth}단계 초과)`, `XML nested deeper than ${ctx.limits.maxXmlDepth} levels`),
      // any one text longer than the limit is refused, whether it is read or not
      maxChars: ctx.limits.maxStringChars,
      onLongText: (n) => tooLarge(ctx, `${entry.name}에 ${n.toLocaleString('en-US')}자짜리 글자가 있습니다`, `${entry.name} holds a text of ${n} characters`),
      tick: () => checkTime(ctx),
    });
  } catch (e) {
    if (e instanceof InputReadError) throw e;
    damaged(ctx, entry.name, 'XML이 깨졌습니다', 'its XML is broken');
  }
}

function entryOf(ctx: Ctx, partName: string): ZipEntry | undefined {
  const found = ctx.zip.byName.get(partName.replace(/^\//, '').toLowerCase());
  if (found || !partName.includes('%')) return found;
  // A relationship target is a URI: 'sheet%201.xml' names the entry 'sheet 1.xml' (as LibreOffice and the annotator read it).
  let decoded: string;
  try {
    decoded = decodeURIComponent(partName);
  } catch {
    return undefined;
  }
  return ctx.zip.byName.get(decoded.replace(/^\//, '').toLowerCase());
}

/** A relationship target resolved against the folder of the part that holds it. */
function resolveTarget(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.' && seg !== '') parts.push(seg);
  }
  return parts.join('/');
}

interface Rel {
  target: string;
  type: string;
}

function readRels(ctx: Ctx, ofPart: string): Map<string, Rel> {
  const relsName = `${ofPart.split('/').slice(0, -1).join('/')}/_rels/${ofPart.split('/').pop()}.rels`.replace(/^\//, '');
  const rels = new Map<string, Rel>();
  const entry = entryOf(ctx, relsName);
  if (!entry) return rels;
  parsePart(ctx, entry, simple(['Relationship'], {
    open(name, sc) {
      const id = sc.attr('Id');
      const target = sc.attr('Target');
      if (name === 'Relationship' && id && target && sc.attr('TargetMode') !== 'External') rels.set(id, { target: resolveTarget(ofPart, target), type: sc.attr('Type') ?? '' });
    },
    close() {},
  }));
  return rels;
}

interface SheetRef {
  name: string;
  part: string;
  hidden: boolean;
}

function readWorkbookPart(ctx: Ctx): { sheets: SheetRef[]; date1904: boolean; rels: Map<string, Rel> } {
  const rootRels = readRels(ctx, '');
  let workbookPart = 'xl/workbook.xml';
  for (const r of rootRels.values()) if (/\/officeDocument$/.test(r.type)) workbookPart = r.target;
  const entry = entryOf(ctx, workbookPart) ?? entryOf(ctx, 'xl/workbook.xml');
  if (!entry) {
    readFail('not-xlsx', 'ZIP 파일이지만 Excel 통합 문서가 아닙니다 (통합 문서 파트 없음) — .xlsx 통합 문서를 주세요', 'a zip archive but not an Excel workbook (no workbook part): give an .xlsx workbook', ctx.file);
  }
  workbookPart = entry.name.replace(/^\//, '');
  const rels = readRels(ctx, workbookPart);
  const listed: { name: string; rid: string; hidden: boolean }[] = [];
  let date1904 = false;
  parsePart(ctx, entry, simple(['sheet', 'workbookPr'], {
    open(name, sc) {
      const a = sc.attrs(); // a few elements: every attribute, for r:id under whatever prefix
      if (name === 'sheet') {
        // The relationship id is r:id, whatever the prefix is called.
        const ridKey = Object.keys(a).find((k) => k !== 'id' && localName(k) === 'id');
        listed.push({ name: a.name ?? '', rid: ridKey ? a[ridKey] : '', hidden: a.state === 'hidden' || a.state === 'veryHidden' });
      } else if (name === 'workbookPr') {
        date1904 = a.date1904 === '1' || a.date1904 === 'true';
      }
    },
    close() {},
  }));
  const sheets: SheetRef[] = [];
  for (const s of listed) {
    const rel = rels.get(s.rid);
    if (!rel) damaged(ctx, workbookPart, `시트 '${s.name}'의 연결 정보가 없습니다`, `sheet '${s.name}' has no relationship`);
    if (!/\/worksheet$/.test(rel.type)) continue; // chart sheets, dialog sheets: no cells
    sheets.push({ name: s.name, part: rel.target, hidden: s.hidden });
  }
  return { sheets, date1904, rels };
}

function readSharedStrings(ctx: Ctx, part: string | undefined): string[] {
  const strings: string[] = [];
  const entry = part ? entryOf(ctx, part) : undefined;
  if (part && !entry) damaged(ctx, part, '통합 문서가 가리키는 공유 문자열 파트가 없습니다', 'the shared strings part the workbook refers to is missing');
  if (!entry) return strings;
  let inSi = false;
  let inT = false;
  let skip = 0; // inside <rPh> (phonetic guide) text is not part of the value
  let cur = '';
  const tooMany = () => tooLarge(ctx, `공유 문자열이 ${ctx.limits.maxSharedStrings.toLocaleString('en-US')}개를 넘습니다`, `more than ${ctx.limits.maxSharedStrings} shared strings`);
  const tooLong = () => tooLarge(ctx, `${entry.name}에 너무 긴 글자가 있습니다`, `${entry.name} holds a text longer than ${ctx.limits.maxStringChars} characters`);
  parsePart(ctx, entry, {
    // the usual <si><t>text</t></si> in one call: the same steps as its events below
    sharedString(text) {
      cur = '';
      if (skip === 0) inT = true;
      if (inT) {
        cur = text;
        if (cur.length > ctx.limits.maxStringChars) tooLong();
      }
      inT = false;
      inSi = false;
      if (strings.length >= ctx.limits.maxSharedStrings) tooMany();
      strings.push(cur);
    },
    open(name) {
      if (name === 'si') {
        inSi = true;
        cur = '';
      } else if (name === 'rPh') skip += 1;
      else if (name === 't' && inSi && skip === 0) inT = true;
    },
    close(name) {
      if (name === 'si') {
        inSi = false;
        if (strings.length >= ctx.limits.maxSharedStrings) tooMany();
        strings.push(cur);
      } else if (name === 'rPh') skip -= 1;
      else if (name === 't') inT = false;
    },
    text(start, end, mode, sc) {
      if (inT) {
        cur += sc.text(start, end, mode);
        if (cur.length > ctx.limits.maxStringChars) tooLong();
      }
    },
  });
  return strings;
}

/** Built-in number formats (ECMA-376 part 1, 18.8.30) that have a fixed code. */
const BUILTIN_NUMFMTS: Record<number, string> = {
  0: 'General', 1: '0', 2: '0.00', 3: '#,##0', 4: '#,##0.00', 9: '0%', 10: '0.00%', 11: '0.00E+00', 12: '# ?/?', 13: '# ??/??',
  14: 'mm-dd-yy', 15: 'd-mmm-yy', 16: 'd-mmm', 17: 'mmm-yy', 18: 'h:mm AM/PM', 19: 'h:mm:ss AM/PM', 20: 'h:mm', 21: 'h:mm:ss',
  22: 'm/d/yy "h":mm', 37: '#,##0 ;(#,##0)', 38: '#,##0 ;[Red](#,##0)', 39: '#,##0.00 ;(#,##0.00)', 40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss', 46: '[h]:mm:ss', 47: 'mmss.0', 48: '##0.0E+0', 49: '@',
};

/** Whether a number format shows a date or time (text in quotes and [..] sections aside). */
export function isDateFormat(fmt: string): boolean {
  return /[ymdhMsb]/.test(fmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

interface Style {
  numFmt?: string;
  date: boolean;
  /** Indent levels of the style's alignment (Excel's Increase Indent), when more than 0. */
  indent?: number;
}

/** Number format (undefined for General) and alignment indent of each cell style (cellXfs index). */
function readStyles(ctx: Ctx, part: string | undefined): Style[] {
  const styles: Style[] = [];
  const entry = part ? entryOf(ctx, part) : undefined;
  // without it every number format is lost: a rate shown as 68.6% would read as 0.686
  if (part && !entry) damaged(ctx, part, '통합 문서가 가리키는 서식(스타일) 파트가 없습니다', 'the styles part the workbook refers to is missing');
  if (!entry) return styles;
  const custom = new Map<number, string>();
  const ids: number[] = [];
  const indents = new Map<number, number>(); // cellXfs index → indent, only for styles that have one
  let inCellXfs = false;
  let xfDepth = 0;
  parsePart(ctx, entry, simple(['numFmt', 'cellXfs', 'xf', 'alignment'], {
    open(name, sc) {
      if (name === 'numFmt') {
        const id = sc.attr('numFmtId');
        if (id !== undefined) custom.set(Number(id), sc.attr('formatCode') ?? '');
      } else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        if (xfDepth++ === 0) ids.push(Number(sc.attr('numFmtId') ?? 0) || 0);
      } else if (name === 'alignment' && inCellXfs && xfDepth === 1) {
        // <xf …><alignment indent="2"/></xf>: the indent Excel's Increase Indent button sets (max 250)
        const n = Math.floor(Number(sc.attr('indent') ?? 0));
        if (n > 0 && n <= 250) indents.set(ids.length - 1, n);
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
      else if (name === 'xf' && inCellXfs) xfDepth -= 1;
    },
  }));
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    const code = id ? custom.get(id) ?? BUILTIN_NUMFMTS[id] : undefined;
    const numFmt = code && code !== 'General' ? code : undefined;
    const indent = indents.get(i);
    styles.push(indent ? { numFmt, date: numFmt ? isDateFormat(numFmt) : false, indent } : { numFmt, date: numFmt ? isDateFormat(numFmt) : false });
  }
  return styles;
}

// --------------------------------------------------------------------------------------- worksheet

/** "AB12" → 0-based row and column, or null when it is not a cell address. */
function parseRef(ref: string): { row: number; col: number } | null {
  let col = 0;
  let i = 0;
  for (; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36 && i === 0) continue;
    else break;
    if (col > MAX_COL) return { row: 0, col: col - 1 }; // out of range; caught by the caller's bound check
  }
  if (i < ref.length && ref.charCodeAt(i) === 36) i += 1;
  if (col === 0 || i === ref.length) return null;
  const digits = ref.slice(i);
  if (!/^\d+$/.test(digits)) return null;
  return { row: Number(digits) - 1, col: col - 1 };
}

function colName(col: number): string {
  let s = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** Column names made so far, by column (at most MAX_COL of them). */
const COL_NAMES: string[] = [];

const a1 = (row: number, col: number) => `${col >= 0 && col < MAX_COL ? (COL_NAMES[col] ??= colName(col)) : colName(col)}${row + 1}`;

/**
 * A shared formula moved from its master cell to another: relative references shift by the distance,
 * absolute ($) ones stay; text in quotes and sheet names in quotes are left alone.
 */
export function slideFormula(formula: string, dRow: number, dCol: number): string {
  return formula.replace(/("(?:[^"]|"")*"|'(?:[^']|'')*')|(\$?)([A-Z]{1,3})(\$?)(\d+)(?![\d(A-Za-z_])/g, (m, quoted, cAbs, col, rAbs, row) => {
    if (quoted) return m;
    let c = 0;
    for (const ch of col as string) c = c * 26 + (ch.charCodeAt(0) - 64);
    const newCol = cAbs ? c - 1 : c - 1 + dCol;
    const newRow = rAbs ? Number(row) - 1 : Number(row) - 1 + dRow;
    if (newCol < 0 || newRow < 0) return m;
    return `${cAbs}${colName(newCol)}${rAbs}${newRow + 1}`;
  });
}

/** ISO text of an Excel serial date (as exceljs makes it, so both readers agree). */
function serialToIso(serial: number, date1904: boolean): string {
  const ms = Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000);
  const d = new Date(ms);
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso.replace(/\.000Z$/, 'Z');
}

/** The one-letter attribute names of rows and cells. */
const R = 0x72;
const S = 0x73;
const T = 0x74;

/** Row and column of the last address refAt read (0-based). */
let refRow = 0;
let refCol = 0;

/**
 * parseRef on bytes [s, e) of a part (the cell addresses of a sheet, read without making strings):
 * true with refRow and refCol set, false when it is not a cell address. Same results as parseRef.
 */
function refAt(buf: Uint8Array, s: number, e: number): boolean {
  let col = 0;
  let i = s;
  for (; i < e; i++) {
    const c = buf[i];
    if (c >= 65 && c <= 90) col = col * 26 + (c - 64);
    else if (c >= 97 && c <= 122) col = col * 26 + (c - 96);
    else if (c === 36 && i === s) continue;
    else break;
    if (col > MAX_COL) {
      refRow = 0; // out of range; caught by the caller's bound check
      refCol = col - 1;
      return true;
    }
  }
  if (i < e && buf[i] === 36) i += 1;
  if (col === 0 || i === e) return false;
  let row = 0;
  for (; i < e; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return false;
    row = Math.min(row * 10 + d, 1e10); // past MAX_ROW is all the caller needs to know
  }
  refRow = row - 1;
  refCol = col - 1;
  return true;
}

/**
 * When bytes [s, e) are a plain range — letters then digits, optionally ':' and letters then digits,
 * each part at most 3 letters and 7 digits — the offset of its ':' (e when there is none); else -1.
 */
function plainRange(buf: Uint8Array, s: number, e: number): number {
  let colon = e;
  let i = s;
  for (let part = 0; part < 2; part++) {
    const l0 = i;
    while (i < e && ((buf[i] >= 65 && buf[i] <= 90) || (buf[i] >= 97 && buf[i] <= 122))) i++;
    if (i === l0 || i - l0 > 3) return -1;
    const d0 = i;
    while (i < e && buf[i] >= 48 && buf[i] <= 57) i++;
    if (i === d0 || i - d0 > 7) return -1;
    if (i === e) return colon;
    if (part === 0 && buf[i] === 58) {
      colon = i;
      i += 1;
    } else return -1;
  }
  return -1;
}

/** Bytes [s, e) as an integer when they are an optional '-' and 1 to 15 digits; NaN otherwise. */
function intAt(buf: Uint8Array, s: number, e: number): number {
  const neg = s < e && buf[s] === 45;
  const from = neg ? s + 1 : s;
  if (e - from < 1 || e - from > 15) return NaN;
  let v = 0;
  for (let i = from; i < e; i++) {
    const d = buf[i] - 48;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return neg ? -v : v;
}

function readWorksheet(ctx: Ctx, ref: SheetRef, strings: string[], styles: Style[], date1904: boolean): GridSheet {
  const found = entryOf(ctx, ref.part);
  if (!found) damaged(ctx, ref.part, `시트 '${ref.name}'의 파트가 없습니다`, `the part of sheet '${ref.name}' is missing`);
  const entry: ZipEntry = found;
  const rows: (GridCell | undefined)[][] = [];
  /** Merged ranges as written, four numbers each: first row, first column, last row, last column. */
  const rawMerges: number[] = [];
  const masters = new Map<string, { formula: string; row: number; col: number }>();
  const maxChars = ctx.limits.maxStringChars;
  let cells = 0;
  let maxRow = -1;
  let maxCol = -1;

  let rowIdx = -1;
  let colIdx = -1;
  // the cell being read
  let inCell = false;
  let type = '';
  let style = 0;
  let collecting: 'v' | 'f' | 't' | null = null;
  let inInline = false;
  let phonetic = 0;
  // the text being collected: one plain byte range (the usual <v>123</v>), or a string once it is more
  let tStart = -1;
  let tEnd = -1;
  let tStr: string | null = null;
  // <v> as the same: vStart ≥ 0 for a byte range, else vStr (null: no <v>)
  let vStart = -1;
  let vEnd = -1;
  let vStr: string | null = null;
  let inline: string | null = null;
  let f: string | null = null;
  let fShared: string | null = null;
  let fMaster = false;
  let sc: XmlScanner;

  function badRef(what: string): never {
    damaged(ctx, entry.name, `셀 주소가 잘못되었습니다 (${what.slice(0, 40)})`, `a cell address is invalid (${what.slice(0, 40)})`);
  }

  const tooLong = () => tooLarge(ctx, `${entry.name}에 너무 긴 글자가 있습니다`, `${entry.name} holds a text longer than ${maxChars} characters`);

  /** The text collected, as a string. */
  const collected = (): string => (tStr !== null ? tStr : tStart >= 0 ? sc.text(tStart, tEnd, TEXT_PLAIN) : '');

  /** A cell's type from the plain bytes [s, e) of its t attribute (the usual ones without making a string). */
  const typeAt = (s: number, e: number): string => {
    const { buf } = sc;
    if (e === s + 1) {
      switch (buf[s]) {
        case 115:
          return 's';
        case 110:
          return 'n';
        case 98:
          return 'b';
        case 101:
          return 'e';
        case 100:
          return 'd';
      }
    } else if (e === s + 3 && buf[s] === 115 && buf[s + 1] === 116 && buf[s + 2] === 114) return 'str';
    return buf.toString('utf8', s, e);
  };

  const cellType = (i: number): string => (i < 0 ? 'n' : sc.attrPlain(i) ? typeAt(sc.attrStart(i), sc.attrEnd(i)) : sc.attrValue(i));

  /** A cell without an address (no r) stands in the column after the last. */
  function nextColumn(): void {
    colIdx += 1;
    if (rowIdx < 0) rowIdx = 0;
    if (colIdx >= MAX_COL) badRef(a1(rowIdx, colIdx));
  }

  /** Nothing of a new cell is read yet: no value, inline string or formula. */
  function clearCell(): void {
    vStart = -1;
    vStr = null;
    inline = null;
    f = null;
    fShared = null;
    fMaster = false;
  }

  /** A cell opens (<c>): its address (r), style (s) and type (t) from the attributes at those indexes (-1: absent). */
  function beginCell(i: number, si: number, ti: number): void {
    inCell = true;
    if (i >= 0) {
      let ok: boolean;
      if (sc.attrPlain(i)) ok = refAt(sc.buf, sc.attrStart(i), sc.attrEnd(i));
      else {
        const p = parseRef(sc.attrValue(i));
        ok = p !== null;
        if (p) {
          refRow = p.row;
          refCol = p.col;
        }
      }
      if (!ok || refRow >= MAX_ROW || refCol >= MAX_COL) badRef(sc.attrValue(i));
      rowIdx = refRow;
      colIdx = refCol;
    } else {
      nextColumn();
    }
    type = cellType(ti);
    if (si < 0) style = 0;
    else {
      style = sc.attrDigits(si);
      if (style < 0) style = Number(sc.attrValue(si)) || 0;
    }
    clearCell();
  }

  /**
   * A row's array, made as wide as the sheet so far (up to 64 cells): not grown from empty to 17 slots
   * for a row of 7. Trailing empty slots are cut when the sheet is done (a row ends at its last cell).
   * The slots made so are bounded by the cells read (4 per cell, past the first 1,024): rows of one
   * cell each in a wide sheet get arrays grown as needed.
   */
  let slots = 0;
  const newRow = (): (GridCell | undefined)[] => {
    const width = Math.max(maxCol, colIdx) + 1;
    if (width > 64 || slots + width > 4 * cells + 1024) return [];
    slots += width;
    return new Array<GridCell | undefined>(width);
  };

  /** A cell closes (</c>): kept when it holds a value or formula. */
  function endCell(): void {
    inCell = false;
    const cell = finishCell();
    if (cell) {
      if (++cells > ctx.limits.maxCellsPerSheet) {
        tooLarge(ctx, `시트 '${ref.name}'에 값이 있는 셀이 ${ctx.limits.maxCellsPerSheet.toLocaleString('en-US')}개를 넘습니다`, `sheet '${ref.name}' has more than ${ctx.limits.maxCellsPerSheet} filled cells`);
      }
      if ((cells & 0xffff) === 1) checkTime(ctx); // from the first cell on, then every 65,536
      (rows[rowIdx] ??= newRow())[colIdx] = cell;
      if (rowIdx > maxRow) maxRow = rowIdx;
      if (colIdx > maxCol) maxCol = colIdx;
    }
  }

  parsePart(ctx, entry, {
    // the usual cell in one call, its attributes read (xml.ts cellTag): the same steps as its events
    // below (open c as in beginCell, open v, text, close v, close c)
    cell(scanner, row, col, st, t0, t1, vs, ve) {
      sc = scanner;
      inCell = true;
      if (row >= 0) {
        rowIdx = row;
        colIdx = col;
      } else {
        nextColumn();
      }
      type = t0 < 0 ? 'n' : typeAt(t0, t1);
      style = st < 0 ? 0 : st;
      clearCell();
      if (vs >= 0) {
        tStart = vs;
        tEnd = ve;
        tStr = null;
        vStart = vs;
        vEnd = ve;
        collecting = null;
      }
      endCell();
    },
    open(name, scanner) {
      sc = scanner;
      switch (name) {
        case 'row': {
          const i = sc.attrChar(R);
          if (i >= 0) {
            let r = sc.attrDigits(i);
            if (r < 0) r = Number(sc.attrValue(i));
            if (!Number.isInteger(r) || r < 1 || r > MAX_ROW) badRef(`행 ${sc.attrValue(i)}`);
            rowIdx = r - 1;
          } else rowIdx += 1;
          colIdx = -1;
          break;
        }
        case 'c':
          beginCell(sc.attrChar(R), sc.attrChar(S), sc.attrChar(T));
          break;
        case 'v':
          if (inCell) {
            collecting = 'v';
            tStart = -1;
            tStr = null;
          }
          break;
        case 'f':
          if (inCell) {
            collecting = 'f';
            tStart = -1;
            tStr = null;
            const t = sc.attr('t');
            const si = sc.attr('si');
            if (t === 'shared' && si !== undefined) {
              fShared = si;
              fMaster = sc.attrIndex('ref') >= 0;
            }
          }
          break;
        case 'is':
          if (inCell) {
            inInline = true;
            inline = '';
          }
          break;
        case 'rPh':
          phonetic += 1;
          break;
        case 't':
          if (inInline && phonetic === 0) {
            collecting = 't';
            tStart = -1;
            tStr = null;
          }
          break;
        case 'mergeCell': {
          const i = sc.attrIndex('ref');
          if (i < 0) break;
          // its two corners (the same one twice for a single cell); ok false when one is not an address
          let ok = true;
          let pr = 0;
          let pc = 0;
          let qr = 0;
          let qc = 0;
          const plain = sc.attrPlain(i) ? plainRange(sc.buf, sc.attrStart(i), sc.attrEnd(i)) : -1;
          if (plain >= 0) {
            // the usual A1:B2, read from the bytes (the same as below gives for it)
            refAt(sc.buf, sc.attrStart(i), plain);
            pr = refRow;
            pc = refCol;
            if (plain < sc.attrEnd(i)) refAt(sc.buf, plain + 1, sc.attrEnd(i));
            qr = refRow;
            qc = refCol;
          } else {
            const m = /^([A-Za-z$]+\$?\d+)(?::([A-Za-z$]+\$?\d+))?$/.exec(sc.attrValue(i));
            if (!m) break;
            const p = parseRef(m[1]);
            const q = m[2] ? parseRef(m[2]) : p;
            if (!p || !q) ok = false;
            else {
              pr = p.row;
              pc = p.col;
              qr = q.row;
              qc = q.col;
            }
          }
          if (!ok || pr >= MAX_ROW || qr >= MAX_ROW || pc >= MAX_COL || qc >= MAX_COL) {
            const refText = sc.attrValue(i);
            damaged(ctx, entry.name, `병합 영역이 잘못되었습니다 (${refText.slice(0, 40)})`, `a merged range is invalid (${refText.slice(0, 40)})`);
          }
          if (rawMerges.length >= 4 * ctx.limits.maxMergesPerSheet) {
            tooLarge(ctx, `시트 '${ref.name}'에 병합 영역이 ${ctx.limits.maxMergesPerSheet.toLocaleString('en-US')}개를 넘습니다`, `sheet '${ref.name}' has more than ${ctx.limits.maxMergesPerSheet} merged ranges`);
          }
          rawMerges.push(Math.min(pr, qr), Math.min(pc, qc), Math.max(pr, qr), Math.max(pc, qc));
          break;
        }
      }
    },
    close(name) {
      switch (name) {
        case 'v':
          if (collecting === 'v') {
            if (tStr === null && tStart >= 0) {
              vStart = tStart;
              vEnd = tEnd;
            } else {
              vStart = -1;
              vStr = tStr ?? '';
            }
            collecting = null;
          }
          break;
        case 'f':
          if (collecting === 'f') {
            f = collected();
            collecting = null;
          }
          break;
        case 't':
          if (collecting === 't') {
            inline = (inline ?? '') + collected();
            collecting = null;
          }
          break;
        case 'rPh':
          phonetic -= 1;
          break;
        case 'is':
          inInline = false;
          break;
        case 'c':
          endCell();
          break;
      }
    },
    text(start, end, mode, scanner) {
      if (!collecting) return;
      if (tStr === null && tStart < 0 && mode === TEXT_PLAIN) {
        tStart = start;
        tEnd = end;
        if (end - start > maxChars && collected().length > maxChars) tooLong();
      } else {
        tStr = collected() + scanner.text(start, end, mode);
        tStart = -1;
        if (tStr.length > maxChars) tooLong();
      }
    },
  });

  function finishCell(): GridCell | null {
    const st = styles[style];
    let formula: string | undefined;
    if (f !== null && f !== '') {
      formula = f;
      if (fShared !== null && fMaster) masters.set(fShared, { formula: f, row: rowIdx, col: colIdx });
    } else if (fShared !== null) {
      const m = masters.get(fShared);
      if (m) formula = slideFormula(m.formula, rowIdx - m.row, colIdx - m.col);
    }
    let value: CellValue = null;
    // the plain <v>123</v> and <v>5</v> of numbers and shared strings, read from the bytes
    const quick = vStart >= 0 ? intAt(sc.buf, vStart, vEnd) : NaN;
    if (quick === quick && (type === 'n' || (type === 's' && quick >= 0))) {
      if (type === 's') {
        if (quick >= strings.length) noString();
        value = strings[quick];
      } else value = st?.date ? serialToIso(quick, date1904) : quick;
    } else {
      const v = vStart >= 0 ? sc.text(vStart, vEnd, TEXT_PLAIN) : vStr;
      switch (type) {
        case 's': {
          if (v === null || v === '') break;
          const i = Number(v);
          if (!Number.isInteger(i) || i < 0 || i >= strings.length) noString();
          value = strings[i];
          break;
        }
        case 'inlineStr':
          value = inline ?? v;
          break;
        case 'str':
          value = v;
          break;
        case 'b':
          value = v === null || v === '' ? null : v === '1' || v === 'true';
          break;
        case 'e':
          value = v;
          break;
        case 'd':
          if (v !== null && v !== '') {
            // An ISO date-time without a zone is the time the workbook shows, not this machine's local
            // time (JavaScript would read it as local): read it as UTC, as a serial date is.
            const d = new Date(/T[\d:.]+$/.test(v) ? `${v}Z` : v);
            value = Number.isNaN(d.getTime()) ? v : serialToIso((d.getTime() / 86_400_000) + 25569, false);
          }
          break;
        default: {
          if (v === null || v.trim() === '') break;
          const n = Number(v);
          if (!Number.isFinite(n)) value = v;
          else if (st?.date) value = serialToIso(n, date1904);
          else value = n;
        }
      }
    }
    if (value === null && formula === undefined) return null;
    // made whole in one go (one object, its final shape), properties in the order they always had
    const numFmt = st?.numFmt;
    const indent = st?.indent;
    if (indent !== undefined) {
      // only cells whose style has an indent (Increase Indent) carry it
      if (formula === undefined) return numFmt ? { value, numFmt, indent } : { value, indent };
      return numFmt ? { value, formula, numFmt, indent } : { value, formula, indent };
    }
    if (formula === undefined) return numFmt ? { value, numFmt } : { value };
    return numFmt ? { value, formula, numFmt } : { value, formula };
  }

  function noString(): never {
    damaged(ctx, entry.name, `${a1(rowIdx, colIdx)}의 공유 문자열 번호가 없는 번호입니다`, `${a1(rowIdx, colIdx)} refers to a shared string that does not exist`);
  }

  // Merged ranges clipped to the used range (a range past every value covers nothing), capped, and
  // the values under a merge other than its top-left one dropped, as Excel shows them.
  const merges: string[] = [];
  let mergedCells = 0;
  for (let k = 0; k < rawMerges.length; k += 4) {
    const top = rawMerges[k];
    const left = rawMerges[k + 1];
    const bottom = rawMerges[k + 2];
    const right = rawMerges[k + 3];
    const whole = (bottom - top + 1) * (right - left + 1);
    // Small ranges are kept as written; a large one is cut at the last row and column holding a value.
    const clip = whole > SMALL_MERGE;
    if (clip && (top > maxRow || left > maxCol)) continue;
    const r1 = clip ? Math.min(bottom, maxRow) : bottom;
    const c1 = clip ? Math.min(right, maxCol) : right;
    const area = (r1 - top + 1) * (c1 - left + 1);
    if (area > ctx.limits.maxMergeArea || (mergedCells += area) > ctx.limits.maxMergedCellsPerSheet) {
      const given = `${a1(top, left)}:${a1(bottom, right)}`;
      tooLarge(ctx, `병합 영역이 너무 큽니다 (${ref.name}!${given})`, `a merged range is too large (${ref.name}!${given})`);
    }
    if (r1 === top && c1 === left) continue; // clipped to one cell: no longer a merge
    for (let r = top; r <= r1; r++) {
      const row = rows[r];
      if (!row) continue;
      for (let c = r === top ? left + 1 : left; c <= c1 && c < row.length; c++) row[c] = undefined;
    }
    merges.push(`${a1(top, left)}:${a1(r1, c1)}`);
  }
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) rows[r] = [];
    else {
      // a row ends at its last cell (its array may be wider; cells at its end may lie under a merge)
      let n = row.length;
      while (n > 0 && row[n - 1] === undefined) n--;
      if (n !== row.length) row.length = n;
    }
  }
  return { name: ref.name, rows, merges };
}

// -------------------------------------------------------------------------------------- workbook

/** What a zip that is not a workbook is, by its entries (names lower-cased), with what to do; null when unknown. */
function otherZipFormat(names: ReadonlyMap<string, unknown>): { ko: string; en: string; fixKo: string; fixEn: string } | null {
  if (names.has('mimetype') && names.has('content.xml')) {
    return { ko: 'OpenDocument 문서입니다(.ods 등)', en: 'it is an OpenDocument file (.ods or similar)', fixKo: 'LibreOffice에서 .xlsx로 저장한 뒤 다시 검사하세요', fixEn: 'save it as .xlsx in LibreOffice and check again' };
  }
  if (names.has('word/document.xml')) return { ko: 'Word 문서입니다', en: 'it is a Word document', fixKo: '.xlsx 통합 문서를 주세요', fixEn: 'give an .xlsx workbook' };
  if (names.has('ppt/presentation.xml')) return { ko: 'PowerPoint 문서입니다', en: 'it is a PowerPoint file', fixKo: '.xlsx 통합 문서를 주세요', fixEn: 'give an .xlsx workbook' };
  return null;
}

function readWorkbook(buf: Buffer, file: string | undefined, limits: XlsxLimits): { grid: GridWorkbook; hiddenSheets: string[] } {
  const zip = openZip(buf, file);
  const ctx: Ctx = { zip, file, limits, deadline: Date.now() + limits.timeBudgetMs, done: new Set(), scanner: new XmlScanner() };
  if (!zip.byName.has('[content_types].xml') && !zip.byName.has('xl/workbook.xml')) {
    const other = otherZipFormat(zip.byName);
    if (other) readFail('not-xlsx', `ZIP 파일이지만 Excel 통합 문서가 아닙니다 (${other.ko}) — ${other.fixKo}`, `a zip archive but not an Excel workbook (${other.en}); ${other.fixEn}`, file);
    readFail('not-xlsx', 'ZIP 파일이지만 Excel 통합 문서가 아닙니다 (xl/workbook.xml 없음) — .xlsx 통합 문서를 주세요', 'a zip archive but not an Excel workbook (no xl/workbook.xml): give an .xlsx workbook', file);
  }
  const { sheets, date1904, rels } = readWorkbookPart(ctx);
  let stringsPart: string | undefined;
  let stylesPart: string | undefined;
  for (const r of rels.values()) {
    if (/\/sharedStrings$/.test(r.type)) stringsPart = r.target;
    else if (/\/styles$/.test(r.type)) stylesPart = r.target;
  }
  const strings = readSharedStrings(ctx, stringsPart);
  const styles = readStyles(ctx, stylesPart);
  const visible: GridSheet[] = [];
  const hidden: GridSheet[] = [];
  for (const ref of sheets) {
    if (OWN_SHEETS.has(ref.name)) continue;
    const sheet = readWorksheet(ctx, ref, strings, styles, date1904);
    (ref.hidden ? hidden : visible).push(sheet);
  }
  // Every other entry is verified too: a damaged package is reported, not read as if intact.
  for (const e of zip.entries) {
    if (ctx.done.has(e) || e.name.endsWith('/')) continue;
    checkTime(ctx);
    verifyEntry(zip, e, file);
  }
  return { grid: { sheets: [...visible, ...hidden] }, hiddenSheets: hidden.map((s) => s.name) };
}
