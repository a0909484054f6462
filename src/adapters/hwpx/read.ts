/**
 * .hwpx reader: a 한글 document (OWPML package) → a GridWorkbook with one sheet for the whole document,
 * for the same layout-agnostic reader the text documents go through.
 *
 * - paragraphs are one-cell rows, in reading order (sections in the spine's order);
 * - each table's rows are grid rows: cells at their `hp:cellAddr`, merged ranges from `hp:cellSpan`, the
 *   text of every paragraph of a cell (one per line), numbers as 한글 shows them ("1,234", "△5", "-")
 *   read into numbers with the format they were shown in;
 * - a one-cell table (a box around text) is unwrapped into its paragraphs and tables; tables nested in a
 *   cell follow their table; a table continued in a second table (split across pages, with or without its
 *   header repeated) is read as one;
 * - `source = { kind: 'hwpx', locate }`: a finding names the table (its number and the heading above it),
 *   row and column, and the page where 한글 records one; a paragraph by its number.
 *
 * Bad input gets an HwpxReadError whose message is one line, Korean then English.
 */
import { createHash } from 'crypto';
import { readRegularFile } from '../file';
import { InputReadError, readFail, type ReadErrorCode } from '../read-error';
import { rangeA1 } from '../../core/grid/a1';
import type { GridCell, GridSheet, GridWorkbook } from '../../core/grid/grid';
import { documentValue } from '../document-value';
import { xmlEncoding } from '../xml-encoding';
import { MAX_TABLE_COLS, MAX_TABLE_NESTING, MAX_TABLE_ROWS, PageCounter, SectionLimitError, SectionSyntaxError, cellText, parseSection, type HwpxItem, type HwpxTable } from './section';
import { ZIP_LIMITS, ZipError, ZipReader, isZip, type ZipLimits } from './zip';

/** Bad input throws the shared InputReadError (src/adapters/read-error.ts): one line, Korean then English. */
export { InputReadError };

export const HWPX_MIMETYPE = 'application/hwp+zip';
/** The one sheet of a document grid. */
export const DOCUMENT_SHEET = '본문';

const SAVE_AS_HWPX_KO = "한글에서 열어 '파일 › 다른 이름으로 저장 › 파일 형식: HWPX'로 저장한 뒤 그 .hwpx를 검사하세요";
const SAVE_AS_HWPX_EN = "open it in 한글 (Hancom Office Hangul), save it with File › Save As › HWPX, and check the .hwpx";

export interface TableInfo {
  /** 1-based number of the table in the document (one-cell boxes unwrapped, continued tables counted once). */
  no: number;
  heading: string;
  /** First grid row of the table, and its rows and columns. */
  firstRow: number;
  rows: number;
  cols: number;
  page: number | null;
  /** The table it is nested in, if any. */
  parent: number | null;
}

export interface HwpxReadResult {
  grid: GridWorkbook;
  sha256: string;
  bytes: number;
  tables: TableInfo[];
}

function fail(code: ReadErrorCode, ko: string, en: string): never {
  readFail(code, ko, en);
}

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
const decoder = new TextDecoder('utf-8');
const utf16le = new TextDecoder('utf-16le');
const utf16be = new TextDecoder('utf-16be');

/**
 * An XML part's text. 한글 writes UTF-8, but XML may be UTF-16 (a part rewritten by another tool): told
 * by its byte order mark or by how `<?` is encoded, as the XML specification's appendix F says.
 */
function xmlText(bytes: Uint8Array): string {
  const encoding = xmlEncoding(bytes);
  return (encoding === 'utf-16le' ? utf16le : encoding === 'utf-16be' ? utf16be : decoder).decode(bytes);
}

function startsWith(buf: Uint8Array, bytes: number[]): boolean {
  return buf.length >= bytes.length && bytes.every((b, i) => buf[i] === b);
}

/** Names of the body sections in reading order: the spine of Contents/content.hpf, else sectionN by number. */
function sectionNames(zip: ZipReader): string[] {
  const hpf = zip.read('Contents/content.hpf');
  if (hpf) {
    const text = xmlText(hpf);
    const hrefs = new Map<string, string>();
    for (const m of text.matchAll(/<(?:\w+:)?item\b([^>]*)>/g)) {
      const id = /\bid="([^"]*)"/.exec(m[1])?.[1];
      const href = /\bhref="([^"]*)"/.exec(m[1])?.[1];
      if (id && href) hrefs.set(id, href);
    }
    const spine = [...text.matchAll(/<(?:\w+:)?itemref\b[^>]*\bidref="([^"]*)"/g)].map((m) => hrefs.get(m[1])).filter((h): h is string => !!h);
    // 한글 writes hrefs from the package root (Contents/section0.xml); the OPF format it follows reads them
    // from content.hpf's own folder (section0.xml), as other tools may write them: whichever names a part.
    const part = (href: string) => {
      const fromRoot = href.replace(/^\//, '');
      return !zip.has(fromRoot) && zip.has(`Contents/${fromRoot}`) ? `Contents/${fromRoot}` : fromRoot;
    };
    const sections = spine.filter((h) => /section\d+\.xml$/i.test(h)).map(part);
    if (sections.length) return sections;
  }
  return zip.entries
    .map((e) => e.name)
    .filter((n) => /^Contents\/section\d+\.xml$/i.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/i.exec(a)![1]) - Number(/(\d+)\.xml$/i.exec(b)![1]));
}

function zipFailure(e: ZipError): never {
  const p = e.problem;
  switch (p.kind) {
    case 'not-zip':
      fail('not-hwpx', '한글(.hwpx) 문서가 아닙니다 — ZIP 형식이 아닙니다', 'not an .hwpx document: not a zip archive');
    case 'truncated':
      fail('truncated', '파일이 손상되었습니다 — 중간에 잘린 파일입니다', `truncated file: the package is cut short (${p.why})`);
    case 'too-many-entries':
      fail('too-large', `문서 패키지의 항목이 너무 많습니다 (${p.count}개)`, `the package has too many entries (${p.count})`);
    case 'too-large':
      fail('too-large', `문서가 너무 크게 풀립니다 (${p.entry}) — 압축 폭탄일 수 있어 읽지 않았습니다`, `the package inflates too far (${p.entry}: ${p.why}); not read`);
    case 'damaged':
      fail('damaged', `파일이 손상되었습니다 — ${p.entry}을(를) 풀 수 없습니다`, `damaged file: ${p.entry} cannot be inflated (${p.why})`);
    case 'unsupported':
      if (/encrypted/.test(p.why)) fail('encrypted', '암호로 보호된 문서입니다 — 한글에서 암호를 해제해 저장한 뒤 다시 검사하세요', 'password-protected document: remove the password in 한글, save and check again');
      fail('unsupported', `읽을 수 없는 압축 형식입니다 (${p.why})`, `unsupported zip format (${p.why})`);
  }
}

/** Reads a document's bytes. `fileName` (for the .hwp hint) is only used for messages. */
export function readHwpxBuffer(buf: Uint8Array, fileName = '', limits: ZipLimits = ZIP_LIMITS): HwpxReadResult {
  const sha256 = createHash('sha256').update(buf).digest('hex');
  if (buf.length === 0) fail('empty', '빈 파일입니다 (0바이트)', 'empty file: 0 bytes');
  if (startsWith(buf, OLE_MAGIC)) {
    // 한글 97–2022's binary .hwp (an OLE compound file), or a file that only carries the .hwpx name.
    fail('unsupported', `한글 바이너리(.hwp) 문서는 아직 읽지 못합니다 — ${SAVE_AS_HWPX_KO}`, `binary .hwp documents are not read yet: ${SAVE_AS_HWPX_EN}`);
  }
  if (!isZip(buf)) {
    if (/\.hwp$/i.test(fileName)) fail('unsupported', `한글 바이너리(.hwp) 문서는 아직 읽지 못합니다 — ${SAVE_AS_HWPX_KO}`, `binary .hwp documents are not read yet: ${SAVE_AS_HWPX_EN}`);
    fail('not-hwpx', '한글(.hwpx) 문서가 아닙니다 — ZIP 형식이 아닙니다', 'not an .hwpx document: not a zip archive');
  }
  let zip: ZipReader;
  try {
    zip = new ZipReader(buf, limits);
    const mime = zip.read('mimetype');
    const mimeText = mime ? decoder.decode(mime).trim() : '';
    if (mimeText !== HWPX_MIMETYPE && !zip.has('Contents/content.hpf')) {
      const what = zip.has('xl/workbook.xml') ? 'Excel 통합 문서입니다' : zip.has('word/document.xml') ? 'Word 문서입니다' : 'mimetype·Contents/content.hpf 없음';
      const whatEn = zip.has('xl/workbook.xml') ? 'it is an Excel workbook' : zip.has('word/document.xml') ? 'it is a Word document' : 'no mimetype or Contents/content.hpf';
      fail('not-hwpx', `ZIP 파일이지만 한글(.hwpx) 문서가 아닙니다 (${what})`, `a zip archive but not an .hwpx document (${whatEn})`);
    }
    // An encrypted or distribution-protected (배포용) document lists its encrypted parts in the manifest.
    const manifest = zip.read('META-INF/manifest.xml');
    if (manifest && /encryption-data/.test(xmlText(manifest))) {
      fail('encrypted', '암호가 걸렸거나 배포용으로 저장된 문서입니다 — 한글에서 암호·배포용 설정을 풀고 저장한 뒤 다시 검사하세요', 'the document is password-protected or saved for distribution (배포용): remove the protection in 한글, save and check again');
    }
    const names = sectionNames(zip);
    if (names.length === 0) fail('not-hwpx', '한글 문서에 본문(Contents/section0.xml)이 없습니다', 'the .hwpx package has no body section (Contents/section0.xml)');
    const pages = new PageCounter();
    const sections: HwpxItem[][] = [];
    for (const name of names) {
      const bytes = zip.read(name);
      if (!bytes) fail('truncated', `문서의 본문 ${name}이(가) 패키지에 없습니다`, `body section ${name} is missing from the package`);
      const xml = xmlText(bytes);
      try {
        sections.push(parseSection(xml, pages));
      } catch (e) {
        if (!(e instanceof SectionSyntaxError)) throw e;
        if (e instanceof SectionLimitError) {
          fail('damaged', `문서의 본문 ${name}에 표가 ${MAX_TABLE_NESTING}단계 넘게 겹쳐 들어 있습니다 — 손상되었거나 비정상적인 문서입니다`, `body section ${name} has tables nested more than ${MAX_TABLE_NESTING} deep: a damaged or abnormal document`);
        }
        // A body that is not XML at all is what a distribution-protected document stores.
        if (bytes.length > 0 && !/^\s*(<|\ufeff)/.test(xml.slice(0, 64))) {
          fail('encrypted', '본문이 암호화된 문서(배포용 또는 암호)입니다 — 한글에서 보호를 풀고 저장한 뒤 다시 검사하세요', 'the body is encrypted (a distribution or password-protected document): remove the protection in 한글, save and check again');
        }
        fail('damaged', `문서의 본문 ${name}을(를) 읽을 수 없습니다: ${e.message.split('\n')[0]}`, `body section ${name} is not well-formed XML: ${e.message.split('\n')[0]}`);
      }
    }
    const { sheet, tables } = documentGrid(sections.flat());
    return { grid: { sheets: [sheet] }, sha256, bytes: buf.length, tables };
  } catch (e) {
    if (e instanceof ZipError) zipFailure(e);
    throw e;
  }
}

export async function readHwpxFile(file: string, limits: ZipLimits = ZIP_LIMITS): Promise<HwpxReadResult> {
  const buf = await readRegularFile(file);
  try {
    return readHwpxBuffer(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), file, limits);
  } catch (e) {
    if (e instanceof InputReadError) throw new InputReadError(e.code, e.ko, e.en, file);
    throw e;
  }
}

// ---------------------------------------------------------------------------------------------------
// Document → grid

type RowPlace =
  | { kind: 'para'; no: number; page: number | null }
  | { kind: 'table'; table: TableInfo; row: number; page: number | null };

const HEADING_MAX = 40;

/** A paragraph that can name the table below it: not a unit line, footnote or bullet. */
function isHeading(text: string): boolean {
  const t = text.trim();
  if (t === '' || /^\(?\s*단위/.test(t) || /^[*※]/.test(t)) return false;
  // Bullets and □ sub-headings (□ 연차별 추진계획) say less than the title above them (① 과제명).
  return !/^[-·•○◦▪□■◆◇]/.test(t);
}

function shortHeading(text: string): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return Array.from(t).length > HEADING_MAX ? `${Array.from(t).slice(0, HEADING_MAX - 1).join('')}…` : t;
}

function tableRows(t: HwpxTable): (string | null)[][] {
  // reduce, not Math.max(...cells): a hostile table may have more cells than a call has arguments.
  const count = Math.min(MAX_TABLE_ROWS, t.cells.reduce((m, c) => Math.max(m, c.row + c.rowSpan), t.rowCnt));
  const rows: (string | null)[][] = Array.from({ length: count }, () => []);
  for (const c of t.cells) if (c.row >= 0 && c.col >= 0 && c.row < count) rows[c.row][c.col] = cellText(c);
  return rows;
}

/** Lays the document out as one grid sheet; exported for tests. */
export function documentGrid(items: HwpxItem[]): { sheet: GridSheet; tables: TableInfo[] } {
  const rows: (GridCell | undefined)[][] = [];
  const merges: string[] = [];
  const places: RowPlace[] = [];
  const tables: TableInfo[] = [];
  let paraNo = 0;
  let heading = '';
  /** The table the last rows belong to, while only blank paragraphs follow it (a continuation may come). */
  let open: { info: TableInfo; header: (string | null)[][] } | null = null;

  const blankRow = (page: number | null) => {
    if (rows.length > 0 && rows[rows.length - 1].length === 0) return; // runs of blank lines become one
    rows.push([]);
    places.push({ kind: 'para', no: paraNo, page });
  };

  const emitTable = (t: HwpxTable, parent: number | null, page: number | null) => {
    for (const c of t.caption) if (c.kind === 'para' && c.text) emitPara(c.text, page);
    const colCnt = Math.min(MAX_TABLE_COLS, t.cells.reduce((m, c) => Math.max(m, c.col + c.colSpan), t.colCnt));
    const texts = tableRows(t);
    let info: TableInfo;
    let skip = 0;
    let offset: number;
    if (open && parent === null && open.info.parent === null && open.info.cols === colCnt) {
      // The same table continued (split across pages): drop its repeated header rows.
      info = open.info;
      while (skip < texts.length - 1 && skip < open.header.length && JSON.stringify(texts[skip]) === JSON.stringify(open.header[skip])) skip++;
      // Blank rows between the two parts are not part of the table.
      while (rows.length > info.firstRow + info.rows && rows[rows.length - 1].length === 0) {
        rows.pop();
        places.pop();
      }
      offset = info.firstRow + info.rows - skip;
      info.rows += texts.length - skip;
    } else {
      info = { no: tables.length + 1, heading: parent === null ? heading : `표 ${parent} 안`, firstRow: rows.length, rows: texts.length, cols: colCnt, page, parent };
      tables.push(info);
      offset = info.firstRow;
    }
    for (let r = skip; r < texts.length; r++) {
      rows.push([]);
      places.push({ kind: 'table', table: info, row: offset + r - info.firstRow + 1, page });
    }
    for (const c of t.cells) {
      if (c.row < skip || c.row < 0 || c.col < 0 || c.row >= texts.length) continue;
      const r = offset + c.row;
      const text = cellText(c);
      if (text !== '') rows[r][c.col] = documentValue(text);
      // Spans end inside the table as read.
      const lastRow = offset + Math.min(texts.length, c.row + c.rowSpan) - 1;
      const lastCol = Math.min(colCnt, c.col + c.colSpan) - 1;
      if (lastRow > r || lastCol > c.col) merges.push(rangeA1(r, c.col, lastRow, lastCol));
    }
    open = parent === null ? { info, header: open?.info === info ? open.header : texts.slice(0, 3) } : null;
    // A table ends at its last row: a blank line after it keeps the next paragraph out of it.
    blankRow(page);
    // Tables nested in cells follow their table (and end it: nothing continues it after them).
    for (const c of [...t.cells].sort((a, b) => a.row - b.row || a.col - b.col)) {
      for (const item of c.items) {
        if (item.kind !== 'table') continue;
        open = null;
        emitItem(item, info.no, page);
      }
    }
  };

  const emitPara = (text: string, page: number | null) => {
    open = null;
    paraNo++;
    rows.push([{ value: text }]);
    places.push({ kind: 'para', no: paraNo, page });
    if (isHeading(text)) heading = shortHeading(text);
  };

  const emitItem = (item: HwpxItem, parent: number | null, page: number | null) => {
    if (item.kind === 'para') {
      if (item.text === '') blankRow(item.page ?? page);
      else emitPara(item.text, item.page ?? page);
      return;
    }
    const at = item.page ?? page;
    // A one-cell table is a box around text (and sometimes around the real table): read what it holds.
    if (item.cells.length === 1 && item.rowCnt <= 1 && item.colCnt <= 1) {
      for (const c of item.caption) emitItem(c, parent, at);
      for (const inner of item.cells[0].items) emitItem(inner, parent, at);
      return;
    }
    emitTable(item, parent, at);
  };

  for (const item of items) emitItem(item, null, null);
  while (rows.length > 0 && rows[rows.length - 1].length === 0) {
    rows.pop();
    places.pop();
  }

  const pageSuffix = (page: number | null) => (page === null ? '' : `, ${page}쪽`);
  const sheet: GridSheet = {
    name: DOCUMENT_SHEET,
    rows,
    merges,
    source: {
      kind: 'hwpx',
      locate(row: number, col: number) {
        const p = places[row];
        if (!p) return { sheet: DOCUMENT_SHEET, cell: `${row + 1}번째 줄` };
        if (p.kind === 'para') return { sheet: DOCUMENT_SHEET, cell: `문단 ${p.no}${pageSuffix(p.page)}` };
        const t = p.table;
        return { sheet: `표 ${t.no}${t.heading ? ` 「${t.heading}」` : ''}`, cell: `${p.row}행 ${col + 1}열${pageSuffix(p.page)}` };
      },
    },
  };
  return { sheet, tables };
}
