/**
 * Annotated copies for reviewers: each flagged cell filled by severity (light tints) with a note
 * listing its findings, and a '검증결과' sheet (first tab) listing every finding with a link to its
 * cell, under a summary. The input is never written: the copy goes to another folder under the same
 * base name plus '.검증.xlsx', and a copy whose path resolves to an input is refused.
 */
import type { Progress } from '../../core/present/entered';
import { createHash } from 'crypto';
import { promises as fs } from 'fs';
import * as path from 'path';
import { LINE_HEIGHT, textColumns, wrappedLines } from '../../core/print/layout';
import { LINK_COLOUR, SEVERITY_COLOURS, linkFormula, noteLine, resultsSheet, worstSeverity, type ResultsSheetSpec, type SheetCellSpec } from '../../core/present';
import type { Finding, Lang, Severity } from '../../core/rules/types';
import { sortFindings } from '../../core/validate';
import { OutputExistsError, OutputIsInputError, writeOutputFile } from '../output';
import { ANNOTATED_SUFFIX, MARKS_SHEET, RESULTS_SHEET } from './names';
import {
  CONTENT_TYPE,
  NS,
  OoxmlPackage,
  PackageError,
  REL_TYPE,
  XML_DECLARATION,
  appendToList,
  attr,
  elements,
  escapeXml,
  firstElement,
  innerStart,
  insertBefore,
  prefixOf,
  relsPartOf,
  removeAttr,
  rootPrefix,
  setAttr,
  unescapeXml,
  xmlText,
  type Element,
} from './package';

export { ANNOTATED_SUFFIX, noteLine };

/** Font of everything we add (Office's Korean default), named here so the annotator does not load the exceljs writer. */
const DEFAULT_FONT = '맑은 고딕';

export interface AnnotateOptions {
  lang?: Lang;
  /** File name shown on the results sheet. */
  file?: string;
  sha256?: string;
  checkedAt?: Date;
  /** How much of the plan was entered: the 검증결과 sheet of a blank template says so (core/present/entered.ts). */
  progress?: Progress | null;
}

// ------------------------------------------------------------------------------------- the package

interface SheetInfo {
  name: string;
  /** Its <sheet> element in workbook.xml. */
  tag: Element;
  rid: string;
  /** Worksheet part, e.g. 'xl/worksheets/sheet1.xml' ('' when the relationship is missing). */
  part: string;
}

const STYLE_FOLLOWERS: Record<string, string[]> = {
  numFmts: ['fonts', 'fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'],
  fonts: ['fills', 'borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'],
  fills: ['borders', 'cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'],
  borders: ['cellStyleXfs', 'cellXfs', 'cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'],
  cellXfs: ['cellStyles', 'dxfs', 'tableStyles', 'colors', 'extLst'],
};

/** Appends fonts, fills, borders and cell formats to styles.xml; the existing ones keep their indices. */
class StyleSheet {
  private readonly p: string;
  private readonly base: Record<'fonts' | 'fills' | 'borders' | 'cellXfs', number>;
  private readonly added: Record<'fonts' | 'fills' | 'borders' | 'cellXfs', string[]> = { fonts: [], fills: [], borders: [], cellXfs: [] };
  private readonly xfs: string[];
  private readonly memo = new Map<string, number>();
  /** Number formats: the workbook's own (code → id) and ours, numbered after the highest id in use (custom ids start at 164). */
  private readonly numFmtIds = new Map<string, number>();
  private readonly addedNumFmts: string[] = [];
  private nextNumFmt = 164;

  constructor(private xml: string) {
    this.p = rootPrefix(xml, 'styleSheet');
    const count = (list: string, item: string) => {
      const e = firstElement(xml, this.p + list);
      return !e || e.selfClosing ? 0 : elements(e.inner, this.p + item).length;
    };
    this.base = { fonts: count('fonts', 'font'), fills: count('fills', 'fill'), borders: count('borders', 'border'), cellXfs: count('cellXfs', 'xf') };
    const list = firstElement(xml, `${this.p}cellXfs`);
    this.xfs = !list || list.selfClosing ? [] : elements(list.inner, `${this.p}xf`).map((e) => list.inner.slice(e.start, e.end));
    const fmts = firstElement(xml, `${this.p}numFmts`);
    for (const e of !fmts || fmts.selfClosing ? [] : elements(fmts.inner, `${this.p}numFmt`)) {
      const id = Number(attr(e.open, 'numFmtId'));
      const code = attr(e.open, 'formatCode');
      if (!Number.isInteger(id)) continue;
      this.nextNumFmt = Math.max(this.nextNumFmt, id + 1);
      if (code !== null && !this.numFmtIds.has(unescapeXml(code))) this.numFmtIds.set(unescapeXml(code), id);
    }
  }

  /** The id of number format `code`: the workbook's own when it has it, else a new one. */
  numFmt(code: string): number {
    const known = this.numFmtIds.get(code);
    if (known !== undefined) return known;
    const id = this.nextNumFmt++;
    this.numFmtIds.set(code, id);
    this.addedNumFmts.push(`<${this.p}numFmt numFmtId="${id}" formatCode="${escapeXml(code)}"/>`);
    return id;
  }

  private add(list: 'fonts' | 'fills' | 'borders' | 'cellXfs', xml: string): number {
    const key = `${list}\u0000${xml}`;
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    const index = this.base[list] + this.added[list].length;
    this.added[list].push(xml);
    this.memo.set(key, index);
    return index;
  }

  font(o: { bold?: boolean; size?: number; color?: string; underline?: boolean } = {}): number {
    const p = this.p;
    return this.add(
      'fonts',
      `<${p}font>${o.bold ? `<${p}b/>` : ''}${o.underline ? `<${p}u/>` : ''}<${p}sz val="${o.size ?? 10}"/>${o.color ? `<${p}color rgb="FF${o.color}"/>` : ''}<${p}name val="${escapeXml(DEFAULT_FONT)}"/><${p}family val="2"/><${p}charset val="129"/></${p}font>`,
    );
  }

  solidFill(rgb: string): number {
    const p = this.p;
    return this.add('fills', `<${p}fill><${p}patternFill patternType="solid"><${p}fgColor rgb="FF${rgb}"/><${p}bgColor indexed="64"/></${p}patternFill></${p}fill>`);
  }

  bottomBorder(): number {
    const p = this.p;
    return this.add('borders', `<${p}border><${p}left/><${p}right/><${p}top/><${p}bottom style="thin"><${p}color rgb="FF808080"/></${p}bottom><${p}diagonal/></${p}border>`);
  }

  /** A new cell format for the results sheet. */
  format(o: { font: number; fill?: number; border?: number; numFmt?: number; wrap?: boolean; center?: boolean }): number {
    const p = this.p;
    const align = `<${p}alignment${o.center ? ' horizontal="center"' : ''} vertical="${o.center ? 'center' : 'top'}"${o.wrap ? ' wrapText="1"' : ''}/>`;
    return this.add(
      'cellXfs',
      `<${p}xf numFmtId="${o.numFmt ?? 0}" fontId="${o.font}" fillId="${o.fill ?? 0}" borderId="${o.border ?? 0}" xfId="0"${o.numFmt !== undefined ? ' applyNumberFormat="1"' : ''} applyFont="1"${o.fill !== undefined ? ' applyFill="1"' : ''}${o.border !== undefined ? ' applyBorder="1"' : ''} applyAlignment="1">${align}</${p}xf>`,
    );
  }

  /** Cell format `s` with the fill of `severity` instead of its own; everything else of it kept. */
  flagged(s: number, severity: Severity): number {
    const fill = this.solidFill(SEVERITY_COLOURS[severity].cell);
    const original = this.xfs[s] ?? this.xfs[0] ?? `<${this.p}xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>`;
    const open = /^<[^>]*>/.exec(original)![0];
    return this.add('cellXfs', setAttr(setAttr(open, 'fillId', String(fill)), 'applyFill', '1') + original.slice(open.length));
  }

  toXml(): string {
    let xml = this.xml;
    if (this.addedNumFmts.length) xml = appendToList(xml, this.p, 'numFmts', 'numFmt', this.addedNumFmts, STYLE_FOLLOWERS.numFmts, 'styleSheet').xml;
    const items: Record<string, string> = { fonts: 'font', fills: 'fill', borders: 'border', cellXfs: 'xf' };
    for (const list of ['fonts', 'fills', 'borders', 'cellXfs'] as const) {
      if (this.added[list].length === 0) continue;
      xml = appendToList(xml, this.p, list, items[list], this.added[list], STYLE_FOLLOWERS[list], 'styleSheet').xml;
    }
    return xml;
  }
}

const MINIMAL_STYLES = `${XML_DECLARATION}<styleSheet xmlns="${NS.main}"><fonts count="1"><font><sz val="11"/><name val="${DEFAULT_FONT}"/><family val="2"/><charset val="129"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>`;

/** Column number (1-based) → letters. */
function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** 'C7' → row 7, col 3 (1-based); null for anything else. */
function cellAddress(ref: string): { row: number; col: number } | null {
  const m = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return null;
  let col = 0;
  for (const ch of m[1]) col = col * 26 + ch.charCodeAt(0) - 64;
  const row = Number(m[2]);
  return row >= 1 && row <= 1_048_576 && col >= 1 && col <= 16_384 ? { row, col } : null;
}

/** Styles of whole columns (<cols><col min max style>), for cells that are not written yet. */
function columnStyles(xml: string, p: string): (col: number) => number | null {
  const cols = firstElement(xml, `${p}cols`);
  const ranges = !cols || cols.selfClosing ? [] : elements(cols.inner, `${p}col`).map((e) => ({ min: Number(attr(e.open, 'min')), max: Number(attr(e.open, 'max')), style: attr(e.open, 'style') }));
  return (col) => {
    const r = ranges.find((x) => x.min <= col && col <= x.max && x.style !== null);
    return r ? Number(r.style) : null;
  };
}

const truthy = (v: string | null) => v === '1' || v === 'true';

/**
 * Gives each cell in `edits` (row → col → severity) the format `restyle(its format, severity)`.
 * A cell that is not in the sheet yet is added (its format then is its row's or column's, as Excel
 * shows an empty cell). Rows and cells stay in order; nothing else of the sheet changes.
 */
function restyleCells(xml: string, p: string, edits: Map<number, Map<number, Severity>>, restyle: (s: number, sev: Severity) => number): string {
  const colStyle = columnStyles(xml, p);
  const newCell = (row: number, col: number, base: number, sev: Severity) => `<${p}c r="${letters(col)}${row}" s="${restyle(base, sev)}"/>`;
  const newRow = (row: number, cells: Map<number, Severity>) =>
    `<${p}row r="${row}">${[...cells.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([col, sev]) => newCell(row, col, colStyle(col) ?? 0, sev))
      .join('')}</${p}row>`;
  const editRow = (row: Element, r: number, cells: Map<number, Severity>): string => {
    const rowStyle = truthy(attr(row.open, 'customFormat')) ? Number(attr(row.open, 's') ?? 0) : null;
    const baseOf = (col: number) => rowStyle ?? colStyle(col) ?? 0;
    // 'spans' is only a hint of the row's first and last cell; dropped rather than kept wrong.
    let open = removeAttr(row.open, 'spans');
    if (row.selfClosing) open = open.replace(/\s*\/>$/, '>');
    const pending = [...cells.keys()].sort((a, b) => a - b);
    let i = 0;
    let out = '';
    let pos = 0;
    let prevCol = 0;
    for (const c of elements(row.inner, `${p}c`)) {
      const ref = attr(c.open, 'r');
      const col = ref ? (cellAddress(ref)?.col ?? prevCol + 1) : prevCol + 1;
      prevCol = col;
      while (i < pending.length && pending[i] < col) {
        out += row.inner.slice(pos, c.start) + newCell(r, pending[i], baseOf(pending[i]), cells.get(pending[i])!);
        pos = c.start;
        i++;
      }
      if (i < pending.length && pending[i] === col) {
        const s = Number(attr(c.open, 's') ?? 0);
        out += row.inner.slice(pos, c.start) + setAttr(c.open, 's', String(restyle(Number.isInteger(s) ? s : 0, cells.get(col)!))) + row.inner.slice(c.start + c.open.length, c.end);
        pos = c.end;
        i++;
      }
    }
    out += row.inner.slice(pos);
    for (; i < pending.length; i++) out += newCell(r, pending[i], baseOf(pending[i]), cells.get(pending[i])!);
    return `${open}${out}</${p}row>`;
  };

  const sd = firstElement(xml, `${p}sheetData`);
  if (!sd) throw new PackageError('a worksheet without sheetData');
  const rowsWanted = [...edits.keys()].sort((a, b) => a - b);
  let i = 0;
  let out = '';
  let pos = 0;
  let prevRow = 0;
  const inner = sd.inner;
  for (const row of sd.selfClosing ? [] : elements(inner, `${p}row`)) {
    const r = Number(attr(row.open, 'r') ?? prevRow + 1);
    prevRow = r;
    while (i < rowsWanted.length && rowsWanted[i] < r) {
      out += inner.slice(pos, row.start) + newRow(rowsWanted[i], edits.get(rowsWanted[i])!);
      pos = row.start;
      i++;
    }
    if (i < rowsWanted.length && rowsWanted[i] === r) {
      out += inner.slice(pos, row.start) + editRow(row, r, edits.get(r)!);
      pos = row.end;
      i++;
    }
    if (i >= rowsWanted.length) break;
  }
  out += inner.slice(pos);
  for (; i < rowsWanted.length; i++) out += newRow(rowsWanted[i], edits.get(rowsWanted[i])!);
  const open = sd.selfClosing ? sd.open.replace(/\s*\/>$/, '>') : sd.open;
  return xml.slice(0, sd.start) + open + out + `</${p}sheetData>` + xml.slice(sd.end);
}

const SHEET_FOLLOWERS_OF_LEGACY_DRAWING = ['legacyDrawingHF', 'drawingHF', 'picture', 'oleObjects', 'controls', 'webPublishItems', 'tableParts', 'extLst'];

const VML_NS = 'xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"';
const NOTE_SHAPETYPE =
  '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe"><v:stroke joinstyle="miter"/><v:path gradientshapeok="t" o:connecttype="rect"/></v:shapetype>';

/** Notes are written in 9 pt (the run properties in addNotes). */
const NOTE_FONT_PT = 9;
/** Width of a narrow character at 9 pt in 맑은 고딕 (a Hangul syllable is two, as textColumns counts). */
const NOTE_COLUMN_PT = 5;
/** Line height of 9 pt 맑은 고딕 (its line gap included). */
const NOTE_LINE_PT = 12.5;
/** The box's inner margins, both sides together. */
const NOTE_INSET_PT = 14;
const NOTE_MAX_WIDTH_PT = 300;
const NOTE_MIN_WIDTH_PT = 150;

/**
 * The size of a note's box in points: at most 300 pt wide (about 57 narrow characters a line), as tall
 * as its text needs wrapped to that width, so a note of 200–300 characters is shown whole when opened.
 */
export function noteSize(text: string): { width: number; height: number } {
  const widest = Math.max(...text.split('\n').map((l) => textColumns(l)));
  const width = Math.min(NOTE_MAX_WIDTH_PT, Math.max(NOTE_MIN_WIDTH_PT, widest * NOTE_COLUMN_PT + NOTE_INSET_PT));
  const lines = wrappedLines(text, Math.floor((width - NOTE_INSET_PT) / NOTE_COLUMN_PT));
  return { width, height: Math.min(720, Math.max(4 * NOTE_LINE_PT, lines * NOTE_LINE_PT) + NOTE_INSET_PT) };
}

/** Column widths and row heights of a worksheet in pixels (96 dpi), as Excel lays them out: where a note's box ends. */
function sheetMetrics(xml: string, p: string): { colPx: (col0: number) => number; rowPx: (row0: number) => number } {
  const fmt = firstElement(xml, `${p}sheetFormatPr`);
  const defaultColWidth = fmt ? Number(attr(fmt.open, 'defaultColWidth')) : NaN;
  const defaultCol = Number.isFinite(defaultColWidth) && defaultColWidth > 0 ? Math.round(defaultColWidth * 7 + 5) : 64;
  const defaultRowHeight = fmt ? Number(attr(fmt.open, 'defaultRowHeight')) : NaN;
  const defaultRow = ((Number.isFinite(defaultRowHeight) && defaultRowHeight > 0 ? defaultRowHeight : 15) * 4) / 3;
  const cols = firstElement(xml, `${p}cols`);
  const ranges = !cols || cols.selfClosing
    ? []
    : elements(cols.inner, `${p}col`).map((e) => ({ min: Number(attr(e.open, 'min')), max: Number(attr(e.open, 'max')), width: Number(attr(e.open, 'width')), hidden: truthy(attr(e.open, 'hidden')) }));
  const rows = new Map<number, number>();
  for (const m of xml.matchAll(new RegExp(`<${p}row\\b[^>]*>`, 'g'))) {
    const r = Number(attr(m[0], 'r'));
    const ht = Number(attr(m[0], 'ht'));
    if (!Number.isInteger(r)) continue;
    if (truthy(attr(m[0], 'hidden'))) rows.set(r, 0);
    else if (Number.isFinite(ht) && ht > 0) rows.set(r, (ht * 4) / 3);
  }
  return {
    colPx: (col0) => {
      const c = ranges.find((x) => x.min <= col0 + 1 && col0 + 1 <= x.max);
      if (!c) return defaultCol;
      if (c.hidden) return 0;
      return Number.isFinite(c.width) && c.width > 0 ? Math.round(c.width * 7) : defaultCol;
    },
    rowPx: (row0) => rows.get(row0 + 1) ?? defaultRow,
  };
}

/** From (index, offset px), the index and offset where a length of `px` ends, over cells `size(i)` px long. */
function span(start: number, offset: number, px: number, size: (i: number) => number, max: number): [number, number] {
  let i = start;
  let left = px + offset;
  while (i < max && left >= size(i)) {
    left -= size(i);
    i += 1;
  }
  return [i, Math.round(left)];
}

/**
 * The hidden VML box Excel shows a note in, next to its cell, sized for its text (noteSize). Excel and
 * LibreOffice place the box by its anchor (columns and rows with offsets in pixels), so the anchor is
 * computed from the sheet's own column widths and row heights; the style's width and height agree.
 */
function noteShape(id: number, row: number, col: number, text: string, metrics: ReturnType<typeof sheetMetrics>): string {
  const r0 = row - 1;
  const c0 = col - 1;
  const { width, height } = noteSize(text);
  const [left, leftOffset] = [c0 + 1, 15];
  const [top, topOffset] = [Math.max(0, r0 - 1), 10];
  const [right, rightOffset] = span(left, leftOffset, (width * 4) / 3, metrics.colPx, 16_383);
  const [bottom, bottomOffset] = span(top, topOffset, (height * 4) / 3, metrics.rowPx, 1_048_575);
  return (
    `<v:shape id="_x0000_s${id}" type="#_x0000_t202" style="position:absolute;margin-left:80pt;margin-top:2pt;width:${width}pt;height:${height}pt;z-index:${id % 1024};visibility:hidden" fillcolor="#ffffe1" o:insetmode="auto">` +
    '<v:fill color2="#ffffe1"/><v:shadow on="t" color="black" obscured="t"/><v:path o:connecttype="none"/><v:textbox style="mso-direction-alt:auto"><div style="text-align:left"></div></v:textbox>' +
    `<x:ClientData ObjectType="Note"><x:MoveWithCells/><x:SizeWithCells/><x:Anchor>${left}, ${leftOffset}, ${top}, ${topOffset}, ${right}, ${rightOffset}, ${bottom}, ${bottomOffset}</x:Anchor><x:AutoFill>False</x:AutoFill><x:Row>${r0}</x:Row><x:Column>${c0}</x:Column></x:ClientData></v:shape>`
  );
}

/** VML drawings are read and written as Latin-1 so that bytes we do not touch stay exactly as they were (Excel's are not always UTF-8). */
const latin1 = (b: Uint8Array) => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

interface Note {
  row: number;
  col: number;
  text: string;
}

/** Adds notes to a worksheet: merged into its comments part (a cell's own note kept above ours), shapes added to its VML drawing. */
function addNotes(pkg: OoxmlPackage, sheetPart: string, sheetXml: string, p: string, notes: Note[], ids: { nextShape: () => number; nextIdmap: () => number }): string {
  if (notes.length === 0) return sheetXml;
  const rels = pkg.relationships(sheetPart);
  let xml = sheetXml;
  // Comments part.
  let commentsPart = rels.find((r) => r.type.endsWith('/comments') && !r.external)?.part ?? '';
  let comments: string;
  if (commentsPart && pkg.has(commentsPart)) {
    comments = pkg.text(commentsPart);
  } else {
    commentsPart = pkg.freeName((n) => `xl/comments${n}.xml`);
    comments = `${XML_DECLARATION}<comments xmlns="${NS.main}"><authors></authors><commentList></commentList></comments>`;
    pkg.addRelationship(sheetPart, REL_TYPE.comments, commentsPart);
    pkg.addOverride(commentsPart, CONTENT_TYPE.comments);
  }
  const cp = rootPrefix(comments, 'comments');
  const authorsEl = firstElement(comments, `${cp}authors`);
  const authors = authorsEl && !authorsEl.selfClosing ? elements(authorsEl.inner, `${cp}author`).map((e) => unescapeXml(e.inner)) : [];
  let authorId = authors.indexOf(NOTE_AUTHOR);
  if (authorId < 0) {
    authorId = authors.length;
    const a = `<${cp}author>${NOTE_AUTHOR}</${cp}author>`;
    comments = authorsEl
      ? comments.slice(0, authorsEl.start) + (authorsEl.selfClosing ? authorsEl.open.replace(/\s*\/>$/, '>') : authorsEl.open) + authorsEl.inner + a + `</${cp}authors>` + comments.slice(authorsEl.end)
      : comments.replace(new RegExp(`(<${cp}comments[^>]*>)`), `$1<${cp}authors>${a}</${cp}authors>`);
  }
  const run = (text: string) => `<${cp}r><${cp}rPr><${cp}sz val="${NOTE_FONT_PT}"/><${cp}rFont val="${escapeXml(DEFAULT_FONT)}"/><${cp}family val="2"/><${cp}charset val="129"/></${cp}rPr><${cp}t xml:space="preserve">${xmlText(withinExcelText(text))}</${cp}t></${cp}r>`;
  const fresh: Note[] = [];
  // The part's own comments by cell, found once (the first one of a cell, as Excel shows it): looking
  // them up again for every note made a copy with 10,000 notes take minutes.
  const own = new Map<string, Element>();
  for (const e of elements(comments, `${cp}comment`)) {
    const ref = (attr(e.open, 'ref') ?? '').toUpperCase();
    if (!own.has(ref)) own.set(ref, e);
  }
  // Changes to the part: its own notes extended in place (by position in the part as read), ours added at the end of the list.
  const extended: { start: number; end: number; xml: string }[] = [];
  const added: string[] = [];
  for (const note of notes) {
    const ref = `${letters(note.col)}${note.row}`;
    const existing = own.get(ref);
    if (existing && !existing.selfClosing) {
      // The cell's own note stays first; ours follows after a blank line.
      const text = firstElement(comments, `${cp}text`, existing.start, existing.end);
      if (text && !text.selfClosing) {
        let inner = text.inner;
        // A plain <t> becomes a run, so the note is a sequence of runs.
        inner = inner.replace(new RegExp(`^(\\s*)<${cp}t(\\s[^>]*)?>([\\s\\S]*?)</${cp}t>`), (_m, ws: string, a: string | undefined, t: string) => `${ws}<${cp}r><${cp}t${a ?? ''}>${t}</${cp}t></${cp}r>`);
        inner += run(`\n\n${note.text}`);
        extended.push({ start: text.start, end: text.end, xml: text.open + inner + `</${cp}text>` });
        continue;
      }
    }
    fresh.push(note);
    added.push(`<${cp}comment ref="${ref}" authorId="${authorId}"><${cp}text>${run(note.text)}</${cp}text></${cp}comment>`);
  }
  if (extended.length) {
    extended.sort((a, b) => a.start - b.start);
    let out = '';
    let pos = 0;
    for (const e of extended) {
      out += comments.slice(pos, e.start) + e.xml;
      pos = e.end;
    }
    comments = out + comments.slice(pos);
  }
  if (added.length) {
    const c = added.join('');
    const list = firstElement(comments, `${cp}commentList`);
    comments = list
      ? comments.slice(0, list.start) + (list.selfClosing ? list.open.replace(/\s*\/>$/, '>') : list.open) + list.inner + c + `</${cp}commentList>` + comments.slice(list.end)
      : comments.replace(new RegExp(`</${cp}comments>`), `<${cp}commentList>${c}</${cp}commentList></${cp}comments>`);
  }
  pkg.setText(commentsPart, comments);
  if (fresh.length === 0) return xml;

  // The VML drawing Excel shows notes from.
  const legacy = firstElement(xml, `${p}legacyDrawing`);
  // Its relationship id, whatever prefix the relationships namespace has there.
  const legacyId = legacy ? (/\s\w+:id\s*=\s*["']([^"']*)["']/.exec(legacy.open)?.[1] ?? null) : null;
  let vmlPart = legacyId ? (rels.find((r) => r.id === legacyId)?.part ?? '') : '';
  const metrics = sheetMetrics(xml, p);
  const shapes = fresh.map((n) => noteShape(ids.nextShape(), n.row, n.col, n.text, metrics)).join('');
  if (vmlPart && pkg.has(vmlPart)) {
    let vml = latin1(pkg.bytes(vmlPart)!);
    const root = /<xml\b[^>]*>/.exec(vml);
    if (root && !/xmlns:v=/.test(root[0])) vml = vml.replace(root[0], root[0].replace(/>$/, ` xmlns:v="urn:schemas-microsoft-com:vml"`) + '>');
    const root2 = /<xml\b[^>]*>/.exec(vml);
    if (root2 && !/xmlns:o=/.test(root2[0])) vml = vml.replace(root2[0], root2[0].replace(/>$/, ` xmlns:o="urn:schemas-microsoft-com:office:office"`) + '>');
    const root3 = /<xml\b[^>]*>/.exec(vml);
    if (root3 && !/xmlns:x=/.test(root3[0])) vml = vml.replace(root3[0], root3[0].replace(/>$/, ` xmlns:x="urn:schemas-microsoft-com:office:excel"`) + '>');
    const type = /id\s*=\s*["']_x0000_t202["']/.test(vml) ? '' : NOTE_SHAPETYPE;
    const end = vml.lastIndexOf('</xml>');
    if (end < 0) throw new PackageError(`${vmlPart} has no </xml>`);
    vml = vml.slice(0, end) + type + shapes + vml.slice(end);
    pkg.setBytes(vmlPart, Buffer.from(vml, 'latin1'));
  } else {
    vmlPart = pkg.freeName((n) => `xl/drawings/vmlDrawing${n}.vml`);
    const vml = `<xml ${VML_NS}><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="${ids.nextIdmap()}"/></o:shapelayout>${NOTE_SHAPETYPE}${shapes}</xml>`;
    pkg.setBytes(vmlPart, Buffer.from(vml, 'latin1'));
    pkg.addDefault('vml', CONTENT_TYPE.vml);
    const rid = pkg.addRelationship(sheetPart, REL_TYPE.vmlDrawing, vmlPart);
    if (legacy) xml = xml.slice(0, legacy.start) + xml.slice(legacy.end);
    // The element declares the relationships namespace itself: the root may not (openpyxl declares it where used).
    xml = insertBefore(xml, p, SHEET_FOLLOWERS_OF_LEGACY_DRAWING, 'worksheet', `<${p}legacyDrawing xmlns:r="${NS.rel}" r:id="${rid}"/>`);
  }
  return xml;
}

/** Shape ids and idmap blocks not used by any VML drawing of the package. */
function vmlIds(pkg: OoxmlPackage): { nextShape: () => number; nextIdmap: () => number } {
  let maxShape = 0;
  let maxIdmap = 0;
  for (const name of pkg.names()) {
    if (!/\.vml$/i.test(name)) continue;
    const vml = latin1(pkg.bytes(name)!);
    for (const m of vml.matchAll(/_x0000_s(\d+)/g)) maxShape = Math.max(maxShape, Number(m[1]));
    for (const m of vml.matchAll(/idmap[^>]*data\s*=\s*["']([\d,\s]+)["']/g)) for (const d of m[1].split(/[,\s]+/)) maxIdmap = Math.max(maxIdmap, Number(d) || 0);
  }
  let block = 0;
  return {
    nextIdmap: () => {
      maxIdmap += 1;
      block = maxIdmap;
      maxShape = Math.max(maxShape, block * 1024);
      return maxIdmap;
    },
    nextShape: () => {
      maxShape += 1;
      return maxShape;
    },
  };
}

// ---------------------------------------------------------------------------- the 검증결과 sheet

/**
 * A cell format for each kind of described cell (style, fill, wrapping, number format), made once per kind.
 * Fonts: the title bold 14 pt, labels and headers bold, links Excel's link blue and underlined.
 */
function resultStyles(st: StyleSheet): (c: SheetCellSpec) => number {
  const fonts = {
    normal: st.font(),
    bold: st.font({ bold: true }),
    title: st.font({ bold: true, size: 14 }),
    link: st.font({ color: LINK_COLOUR, underline: true }),
  };
  return (c) => {
    const header = c.style === 'header';
    return st.format({
      font: c.style === 'title' ? fonts.title : c.style === 'label' || header ? fonts.bold : c.style === 'link' ? fonts.link : fonts.normal,
      fill: c.fill ? st.solidFill(c.fill) : undefined,
      border: header ? st.bottomBorder() : undefined,
      numFmt: c.numberFormat ? st.numFmt(c.numberFormat) : undefined,
      wrap: c.wrap || header,
      center: header,
    });
  };
}

/** Excel holds at most 32,767 characters in a cell or a note: a file with more is one Excel offers to repair. */
const EXCEL_TEXT_MAX = 32_767;
/** Excel's tallest row, in points. */
const EXCEL_ROW_MAX_PT = 409;

/** A text as Excel can hold it: a longer one cut with … (never inside a surrogate pair). */
export function withinExcelText(text: string): string {
  if (text.length <= EXCEL_TEXT_MAX) return text;
  let cut = EXCEL_TEXT_MAX - 1;
  const c = text.charCodeAt(cut - 1);
  if (c >= 0xd800 && c <= 0xdbff) cut--;
  return `${text.slice(0, cut)}…`;
}

function resultCellXml(ref: string, c: SheetCellSpec | null, s: number): string {
  const v = c?.value ?? null;
  if (v === null || v === '') return `<c r="${ref}" s="${s}"/>`;
  if (typeof v === 'number' && Number.isFinite(v)) return `<c r="${ref}" s="${s}"><v>${v}</v></c>`;
  // A link is the sheet's only formula; its cached result is the text it shows.
  if (c!.link) return `<c r="${ref}" s="${s}" t="str"><f>${xmlText(linkFormula(c!.link.sheet, c!.link.cell, String(v)))}</f><v>${xmlText(String(v))}</v></c>`;
  // Text stays text (an inline string is never a formula, whatever it starts with).
  return `<c r="${ref}" s="${s}" t="inlineStr"><is><t xml:space="preserve">${xmlText(withinExcelText(String(v)))}</t></is></c>`;
}

/** The 검증결과 sheet's worksheet XML: exactly the cells of `spec` (core/present/sheet.ts), set up for printing. */
function resultsSheetXml(spec: ResultsSheetSpec, file: string, st: StyleSheet): string {
  const styleOf = resultStyles(st);
  const empty = st.format({ font: st.font() });
  const widths = spec.columns.map((c) => c.width);
  const headerRow = spec.headerRow + 1;
  const last = spec.rows.length;
  const sheetData = spec.rows
    .map((cells, i) => {
      if (!cells.length) return '';
      // Wrapped texts get the height their lines need (printed and on screen alike).
      const lines = Math.max(1, ...cells.map((c, j) => (c?.wrap && typeof c.value === 'string' ? wrappedLines(c.value, widths[j] ?? 10) : 1)));
      const height = lines > 1 ? ` ht="${Math.min(EXCEL_ROW_MAX_PT, Math.ceil(lines * LINE_HEIGHT + 2))}" customHeight="1"` : '';
      return `<row r="${i + 1}"${height}>${cells.map((c, j) => resultCellXml(`${letters(j + 1)}${i + 1}`, c, c ? styleOf(c) : empty)).join('')}</row>`;
    })
    .join('');
  const lastCol = letters(spec.columns.length);
  const filter = spec.autoFilter ? `<autoFilter ref="${letters(spec.autoFilter.firstCol + 1)}${spec.autoFilter.row + 1}:${letters(spec.autoFilter.lastCol + 1)}${spec.autoFilter.lastRow + 1}"/>` : '';
  // Printing (core/print/layout.ts conventions): A4 landscape fitted to the width, the header row
  // repeated (a Print_Titles name, added with the sheet), the file in the page header, n / N below.
  const literal = (x: string) => x.replace(/&/g, '&&');
  return (
    `${XML_DECLARATION}<worksheet xmlns="${NS.main}" xmlns:r="${NS.rel}">` +
    `<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>` +
    `<dimension ref="A1:${lastCol}${last}"/>` +
    `<sheetViews><sheetView tabSelected="1" workbookViewId="0"><pane ySplit="${headerRow}" topLeftCell="A${headerRow + 1}" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft" activeCell="A${headerRow + 1}" sqref="A${headerRow + 1}"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="16.5"/>` +
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>` +
    `<sheetData>${sheetData}</sheetData>` +
    filter +
    `<pageMargins left="0.5" right="0.5" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>` +
    `<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>` +
    `<headerFooter><oddHeader>${xmlText(`&L${literal(path.basename(file))}&R&A`)}</oddHeader><oddFooter>${xmlText('&C&P / &N')}</oddFooter></headerFooter>` +
    `</worksheet>`
  );
}

/** The 검증결과 sheet's header row repeated on every printed page: `_xlnm.Print_Titles` of the first sheet. */
function withPrintTitles(wbXml: string, wp: string, headerRow: number): string {
  const name = `<${wp}definedName name="_xlnm.Print_Titles" localSheetId="0">'${RESULTS_SHEET}'!$${headerRow}:$${headerRow}</${wp}definedName>`;
  // An earlier run's name for this sheet goes; ours replaces it.
  let xml = wbXml.replace(new RegExp(`<${wp}definedName\\b[^>]*name="_xlnm\\.Print_Titles"[^>]*localSheetId="0"[^>]*>[^<]*</${wp}definedName>`, 'g'), '');
  xml = xml.replace(new RegExp(`<${wp}definedName\\b[^>]*localSheetId="0"[^>]*name="_xlnm\\.Print_Titles"[^>]*>[^<]*</${wp}definedName>`, 'g'), '');
  if (new RegExp(`<${wp}definedNames\\b`).test(xml)) return xml.replace(new RegExp(`(<${wp}definedNames\\b[^>]*>)`), `$1${name}`);
  for (const after of [`</${wp}externalReferences>`, `</${wp}functionGroups>`, `</${wp}sheets>`]) {
    const i = xml.indexOf(after);
    if (i >= 0) return `${xml.slice(0, i + after.length)}<${wp}definedNames>${name}</${wp}definedNames>${xml.slice(i + after.length)}`;
  }
  return xml;
}

// ------------------------------------------------------------------------------------- annotate

const NOTE_AUTHOR = 'jobtarget';

/**
 * The annotated copy of a workbook, made by adding to its package: cell formats appended to
 * styles.xml (flagged cells point at them), notes merged into the comments parts, the 검증결과 sheet
 * added as the first tab (or replaced when the workbook is an annotated copy already). Every other
 * part — charts, images, pivot tables, data validation, conditional formats, defined names, macros —
 * is written back byte for byte; the parts changed are listed in `changed`.
 */
export function annotatePackage(bytes: Uint8Array, findings: readonly Finding[], opts: AnnotateOptions = {}): { bytes: Uint8Array; marked: number; changed: string[] } {
  const lang = opts.lang ?? 'ko';
  const pkg = new OoxmlPackage(bytes);

  const wbPart = pkg.relationships('').find((r) => r.type.endsWith('/officeDocument'))?.part ?? 'xl/workbook.xml';
  let wbXml = pkg.text(wbPart);
  const wp = rootPrefix(wbXml, 'workbook');
  const wrp = prefixOf(wbXml, NS.rel) ?? 'r';
  const wbRels = pkg.relationships(wbPart);
  const sheetsEl = firstElement(wbXml, `${wp}sheets`);
  if (!sheetsEl || sheetsEl.selfClosing) throw new PackageError('workbook.xml lists no sheets');
  const sheets: SheetInfo[] = elements(wbXml, `${wp}sheet`, innerStart(sheetsEl), sheetsEl.end).map((tag) => {
    const rid = attr(tag.open, `${wrp}:id`) ?? /\s\w+:id\s*=\s*["']([^"']*)["']/.exec(tag.open)?.[1] ?? '';
    return { name: attr(tag.open, 'name') ?? '', tag, rid, part: wbRels.find((r) => r.id === rid)?.part ?? '' };
  });
  // The one order (core/present/order.ts), sheets as this workbook lists them.
  const sorted = sortFindings([...findings], sheets.map((s) => s.name));

  // Styles.
  let stylesPart = wbRels.find((r) => r.type.endsWith('/styles'))?.part ?? '';
  if (!stylesPart || !pkg.has(stylesPart)) {
    stylesPart = stylesPart || 'xl/styles.xml';
    pkg.setText(stylesPart, MINIMAL_STYLES);
    if (!wbRels.some((r) => r.type.endsWith('/styles'))) pkg.addRelationship(wbPart, REL_TYPE.styles, stylesPart);
    pkg.addOverride(stylesPart, CONTENT_TYPE.styles);
  }
  const styles = new StyleSheet(pkg.text(stylesPart));

  // Flagged cells by sheet: the fill is the most severe finding's; one note lists them all.
  const bySheet = new Map<string, Map<string, Finding[]>>();
  for (const f of sorted) {
    if (!f.sheet || !f.cell || f.sheet === RESULTS_SHEET || f.sheet === MARKS_SHEET) continue;
    const sheet = sheets.find((s) => s.name === f.sheet);
    if (!sheet?.part || !pkg.has(sheet.part) || !cellAddress(f.cell)) continue;
    const cells = bySheet.get(sheet.part) ?? new Map<string, Finding[]>();
    cells.set(f.cell, [...(cells.get(f.cell) ?? []), f]);
    bySheet.set(sheet.part, cells);
  }
  const ids = vmlIds(pkg);
  let marked = 0;
  for (const [part, cells] of bySheet) {
    let xml = pkg.text(part);
    const p = rootPrefix(xml, 'worksheet');
    const edits = new Map<number, Map<number, Severity>>();
    const notes: Note[] = [];
    for (const [ref, list] of cells) {
      const { row, col } = cellAddress(ref)!;
      const worst = worstSeverity(list.map((f) => f.severity));
      edits.set(row, (edits.get(row) ?? new Map<number, Severity>()).set(col, worst));
      notes.push({ row, col, text: list.map((f) => noteLine(f, lang)).join('\n') });
      marked += 1;
    }
    xml = restyleCells(xml, p, edits, (s, sev) => styles.flagged(s, sev));
    xml = addNotes(pkg, part, xml, p, notes, ids);
    pkg.setText(part, xml);
  }

  // The 검증결과 sheet: first tab, the one Excel opens on.
  const old = sheets.find((s) => s.name === RESULTS_SHEET && s.part && pkg.has(s.part));
  const spec = resultsSheet(sorted, lang, { file: opts.file, sha256: opts.sha256, checkedAt: opts.checkedAt ?? new Date(), progress: opts.progress });
  const resultsXml = resultsSheetXml(spec, opts.file ?? '', styles);
  const resultsHeaderRow = spec.headerRow + 1;
  let resultsTag: string;
  if (old) {
    pkg.setText(old.part, resultsXml);
    // Its notes and drawings from the earlier run are not ours to keep.
    if (pkg.has(relsPartOf(old.part))) pkg.remove(relsPartOf(old.part));
    resultsTag = old.tag.open.endsWith('/>') ? old.tag.open : wbXml.slice(old.tag.start, old.tag.end);
    resultsTag = removeAttr(resultsTag, 'state');
  } else {
    const part = pkg.freeName((n) => `xl/worksheets/sheet${n}.xml`);
    pkg.setText(part, resultsXml);
    pkg.addOverride(part, CONTENT_TYPE.worksheet);
    const rid = pkg.addRelationship(wbPart, REL_TYPE.worksheet, part);
    const sheetId = Math.max(0, ...sheets.map((s) => Number(attr(s.tag.open, 'sheetId')) || 0)) + 1;
    resultsTag = `<${wp}sheet xmlns:r="${NS.rel}" name="${RESULTS_SHEET}" sheetId="${sheetId}" r:id="${rid}"/>`;
  }
  // New tab order: ours first, the others in their order. Sheet-scoped names follow their sheet.
  const oldIndex = old ? sheets.indexOf(old) : -1;
  const newIndex = (i: number) => (i === oldIndex ? 0 : oldIndex < 0 || i < oldIndex ? i + 1 : i);
  {
    const el = firstElement(wbXml, `${wp}sheets`)!;
    const tags = elements(wbXml, `${wp}sheet`, innerStart(el), el.end).filter((_, i) => i !== oldIndex);
    const inner = tags.map((t) => wbXml.slice(t.start, t.end)).join('');
    wbXml = wbXml.slice(0, el.start) + el.open + resultsTag + inner + `</${wp}sheets>` + wbXml.slice(el.end);
  }
  wbXml = wbXml.replace(new RegExp(`<${wp}definedName\\b[^>]*>`, 'g'), (tag) => {
    const id = attr(tag, 'localSheetId');
    return id === null || !/^\d+$/.test(id) ? tag : setAttr(tag, 'localSheetId', String(newIndex(Number(id))));
  });
  wbXml = withPrintTitles(wbXml, wp, resultsHeaderRow);
  wbXml = wbXml.replace(new RegExp(`<${wp}workbookView\\b[^>]*>`, 'g'), (tag) => {
    let out = setAttr(tag, 'activeTab', '0');
    if (attr(out, 'firstSheet') !== null) out = setAttr(out, 'firstSheet', '0');
    return out;
  });
  pkg.setText(wbPart, wbXml);
  pkg.setText(stylesPart, styles.toXml());

  // Only our tab is selected (a second selected tab would group the sheets).
  for (const s of sheets) {
    if (s === old || !s.part || !pkg.has(s.part) || !/\.xml$/i.test(s.part)) continue;
    const xml = pkg.text(s.part);
    const head = xml.indexOf('sheetData');
    const views = xml.slice(0, head < 0 ? xml.length : head);
    if (!/tabSelected\s*=\s*["'](1|true)["']/.test(views)) continue;
    pkg.setText(s.part, views.replace(/\s+tabSelected\s*=\s*["'](?:1|true)["']/g, '') + xml.slice(views.length));
  }
  return { bytes: pkg.toBytes(), marked, changed: [...pkg.changed] };
}


/** The copy's path is (or links to) an input: refused, whatever `--force` says. */
export const AnnotateRefusedError = OutputIsInputError;
export { OutputExistsError };

/** Where the annotated copy of `input` goes in `dir`: same base name + '.검증.xlsx' ('.검증.xlsm' for a macro workbook, whose type Excel checks by extension). */
export function annotatedPath(input: string, dir: string): string {
  const name = path.basename(input);
  if (/\.xlsm$/i.test(name)) return path.join(dir, `${name.slice(0, -5)}.검증.xlsm`);
  return path.join(dir, `${name.replace(/\.xlsx$/i, '')}${ANNOTATED_SUFFIX}`);
}

export interface AnnotateFileOptions extends AnnotateOptions {
  /** Every input of the batch: the copy may not be any of them (by inode: hard and symbolic links included). Defaults to [input]. */
  inputs?: string[];
  /** The input's bytes, when the caller has them already (the file is then not read again). */
  buffer?: Uint8Array;
  /** Output path instead of annotatedPath(input, dir). */
  output?: string;
  /** Replace an existing copy (never through a link; never an input). */
  force?: boolean;
}

/** The input changed between the check and the copy: the copy would not show what was checked. */
export class InputChangedError extends Error {
  constructor(readonly file: string) {
    super(`검사한 뒤 파일이 바뀌어 검증 사본을 만들지 않았습니다: ${file} — 다시 검사하세요 (the file changed after it was checked: ${file}; check it again)`);
    this.name = 'InputChangedError';
  }
}

/**
 * Writes the annotated copy of `input` into `dir` and returns its path: the original package with our
 * additions (annotatePackage), through a new temporary file renamed into place (src/adapters/output.ts),
 * so the input and anything outside `dir` are never written.
 */
export async function annotateFile(input: string, findings: readonly Finding[], dir: string, opts: AnnotateFileOptions = {}): Promise<string> {
  const output = opts.output ?? annotatedPath(input, dir);
  const protect = [...(opts.inputs ?? []), input];
  let original = opts.buffer;
  if (!original) {
    original = await fs.readFile(input);
    if (opts.sha256 && createHash('sha256').update(original).digest('hex') !== opts.sha256) throw new InputChangedError(input);
  }
  const { bytes } = annotatePackage(original, findings, { file: path.basename(input), ...opts });
  await fs.mkdir(path.dirname(output), { recursive: true });
  await writeOutputFile(output, bytes, { force: opts.force, protect });
  return output;
}
