/**
 * Inline highlights and how they are undone.
 *
 * Marking a cell (one round trip, queued after the read): its current format is copied
 * (Range.copyFrom … 'Formats', ExcelApi 1.9) into the very hidden MARKS_SHEET, one record row per
 * marked area, then its fill is set by severity and a note (ExcelApi 1.18) or comment (1.10) with the
 * message is attached. Nothing is read first, which is what keeps validate+highlight at 3 round trips.
 *
 * Undoing (clearMarks, or the next validation): the saved fills are read back from MARKS_SHEET with
 * getCellProperties and restored — No Fill with fill.clear() (never white), a plain solid or
 * pattern fill property by property, anything else (tints, theme colours, gradients) by copying the
 * saved format back. Only notes/comments starting with ANNOTATION_TAG are removed. Because all of it
 * lives in the workbook, clearing works after the workbook was saved and reopened.
 *
 * MARKS_SHEET layout: A1 = MARKS_HEADER, H1 a label; from row 2 one record per marked area:
 *   A target, as a formula: =ROWS('Sheet'!C5:D5)   B saved-format area on MARKS_SHEET (H2:I2)
 *   C severity  D role (cell | involved)  E annotation (note | comment | '')
 * and each cell of the saved-format area holds =ROWS('Sheet'!C5), the target cell it was saved from.
 * The targets are formulas so that Excel keeps them pointing at the marked cells: when the user inserts
 * or deletes rows or columns (a new 세부사업 row above the marks), moves cells, or renames the sheet,
 * Excel rewrites the references (in this session or any later one), and they are read back through
 * Range.formulas. A target whose cells were deleted reads Sheet!#REF! (its sheet deleted: #REF!C5): it
 * is skipped and its saved format dropped. ROWS never spills nor errors on a live reference, and only
 * the reference is used, never the value. Records written as text ('Sheet'!C5:D5, before this) are read
 * as before; a column F of sheet ids, written for a while, is ignored.
 * A record's saved-format area starts in column H of its own row; a taller area (a merged cell) makes
 * the next record start lower.
 */
import { a1, parseRange, rangeA1, splitQualified } from '../../core/grid/a1';
import { SEVERITY_ORDER } from '../../core/rules/run';
import type { Finding, Severity } from '../../core/rules/types';
import { ANNOTATION_TAG, MARKS_SHEET, MAX_MARKED_CELLS, SEVERITY_FILL, type ExcelHost } from './api';
import { cellsToRects, type Rect } from './insert';
import { severityName } from '../../core/present/severity';

export const MARKS_HEADER = 'jobtarget marks v1';
/** Row 1 of MARKS_SHEET (A:H); H1 is never empty, so the saved-format area always has a used range. */
const HEADER_ROW: (string | null)[] = [MARKS_HEADER, 'target', 'saved format', 'severity', 'role', 'annotation', null, 'saved formats →'];
const SNAP_COL = 7; // H
/** Saved formats live from column H on; H1 carries a label so that area is never empty. */
export const SNAP_AREA = 'H:XFD';
/** A finding involving more cells than this gets only its own cell painted. */
export const MAX_INVOLVED_PER_FINDING = 30;
const SETTABLE_PATTERNS = new Set(['Solid', 'Gray50', 'Gray75', 'Gray25', 'Horizontal', 'Vertical', 'Down', 'Up', 'Checker', 'SemiGray75', 'LightHorizontal', 'LightVertical', 'LightDown', 'LightUp', 'Grid', 'CrissCross', 'Gray16', 'Gray8']);

export type Role = 'cell' | 'involved';
export type AnnotationKind = 'notes' | 'comments' | 'fill-only' | 'none';

export interface SavedFill {
  color: string | null;
  pattern: string | null;
  patternColor: string | null;
  tintAndShade: number | null;
  patternTintAndShade: number | null;
}

/** Where a saved cell's target is now: Excel's rewritten reference; null when its cells were deleted. */
export type Located = { sheet: string; row: number; col: number } | null;

export interface MarkRecord {
  /** The target sheet's name (as Excel rewrote it, for a formula target). */
  sheet: string;
  /** The marked area, where it is now (a formula target follows inserted/deleted rows and columns). */
  rect: Rect;
  /** The area's cells were deleted (the target reads #REF!): nothing to restore. */
  gone?: boolean;
  /** Per saved cell (as `snap`), where its target cell is now; absent for a single cell, a merged area and records written as text. */
  cells?: Located[][];
  /** Where the saved format sits on MARKS_SHEET. */
  snap: Rect;
  severity: Severity;
  role: Role;
  annotation: 'note' | 'comment' | '';
}

export interface MarkTarget {
  sheet: string;
  rect: Rect;
  severity: Severity;
  role: Role;
  /** For role 'cell': the messages for the note, per cell A1 (top-left of the area). */
  messages: Map<string, string[]>;
  /** The area is one merged cell (else a block of single cells). */
  merged?: boolean;
}

export function annotationFor(host: ExcelHost): AnnotationKind {
  if (!host.supports('ExcelApi', '1.9')) return 'none';
  if (host.supports('ExcelApi', '1.18')) return 'notes';
  if (host.supports('ExcelApi', '1.10')) return 'comments';
  return 'fill-only';
}

/** Key for a cell: sheet name and A1 address without $ (Excel's quoting of names does not matter). */
export function cellKey(sheet: string, address: string): string {
  return `${sheet}\u0000${address.replace(/\$/g, '').toUpperCase()}`;
}

/** cellKey of a sheet-qualified address as Excel returns it ("'My sheet'!$C$5"). */
export function cellKeyOf(qualifiedAddress: string): string {
  const { sheet, address } = splitQualified(qualifiedAddress);
  return cellKey(sheet, address.split(':')[0]);
}

export function isOurAnnotation(content: unknown): boolean {
  return typeof content === 'string' && content.startsWith(ANNOTATION_TAG);
}

function rectCells(r: Rect): number {
  return (r.r1 - r.r0 + 1) * (r.c1 - r.c0 + 1);
}

function rectOf(address: string): Rect {
  return parseRange(address.replace(/\$/g, ''));
}

export function rectAddr(r: Rect): string {
  return r.r0 === r.r1 && r.c0 === r.c1 ? a1(r.r0, r.c0) : rangeA1(r.r0, r.c0, r.r1, r.c1);
}

// ---- reading old marks -------------------------------------------------------------------------

/** The formula a record keeps its target in: =ROWS('Sheet'!C5:D5). */
export function targetFormula(sheet: string, address: string): string {
  return `=ROWS('${sheet.replace(/'/g, "''")}'!${address})`;
}

/**
 * The reference in a target formula as Excel gives it back (possibly rewritten): the sheet and area,
 * 'gone' when Excel made it #REF! (cells or sheet deleted), null when the text is no target formula.
 */
export function parseTarget(formula: string): { sheet: string; rect: Rect } | 'gone' | null {
  const m = /^=ROWS\((.*)\)$/s.exec(formula.trim());
  if (!m) return null;
  if (m[1].includes('#REF!')) return 'gone';
  try {
    const { sheet, address } = splitQualified(m[1].trim());
    return { sheet, rect: rectOf(address) };
  } catch {
    return null;
  }
}

/**
 * Parses MARKS_SHEET's record rows (Range.formulas of its used A:F range, from A1) into records; unknown
 * rows are skipped. `snaps`: Range.formulas of the saved-format area (from snapRow, snapCol), where each
 * saved cell's target is.
 */
export function parseRecords(formulas: unknown[][], rowIndex: number, columnIndex: number, snaps?: { formulas: unknown[][]; rowIndex: number; columnIndex: number }): MarkRecord[] {
  const out: MarkRecord[] = [];
  if (columnIndex !== 0) return out;
  for (let i = 0; i < formulas.length; i++) {
    const [target, snap, severity, role, annotation] = formulas[i].map((v) => (v === null || v === undefined ? '' : String(v)));
    if (rowIndex + i === 0 || !target || !snap) continue;
    if (severity !== 'error' && severity !== 'warning' && severity !== 'info') continue;
    try {
      const base = { snap: rectOf(snap), severity: severity as Severity, role: role === 'involved' ? ('involved' as const) : ('cell' as const), annotation: annotation === 'note' || annotation === 'comment' ? (annotation as 'note' | 'comment') : ('' as const) };
      if (target.startsWith('=')) {
        const at = parseTarget(target);
        if (at === null) continue;
        const cells = snaps ? locatedCells(base.snap, snaps) : undefined;
        if (at === 'gone') out.push({ ...base, sheet: '', rect: base.snap, gone: true, cells });
        else out.push({ ...base, sheet: at.sheet, rect: at.rect, cells });
        continue;
      }
      const { sheet, address } = splitQualified(target);
      out.push({ ...base, sheet, rect: rectOf(address) });
    } catch {
      // a row we did not write: ignore
    }
  }
  return out;
}

function locatedCells(snap: Rect, snaps: { formulas: unknown[][]; rowIndex: number; columnIndex: number }): Located[][] | undefined {
  const out: Located[][] = [];
  for (let i = 0; i <= snap.r1 - snap.r0; i++) {
    const line: Located[] = [];
    for (let j = 0; j <= snap.c1 - snap.c0; j++) {
      const f = snaps.formulas[snap.r0 + i - snaps.rowIndex]?.[snap.c0 + j - snaps.columnIndex];
      const at = typeof f === 'string' ? parseTarget(f) : null;
      if (at === null) return undefined; // not written with per-cell targets
      line.push(at === 'gone' ? null : { sheet: at.sheet, row: at.rect.r0, col: at.rect.c0 });
    }
    out.push(line);
  }
  return out;
}

interface CellProps {
  format?: { fill?: Partial<SavedFill> };
}

/** The saved fill of each cell of each record, from getCellProperties over MARKS_SHEET's used range. */
export function savedFills(records: MarkRecord[], props: CellProps[][], rowIndex: number, columnIndex: number): (SavedFill | null)[][][] {
  return records.map((rec) => {
    const out: (SavedFill | null)[][] = [];
    for (let i = 0; i <= rec.snap.r1 - rec.snap.r0; i++) {
      const line: (SavedFill | null)[] = [];
      for (let j = 0; j <= rec.snap.c1 - rec.snap.c0; j++) {
        const f = props[rec.snap.r0 + i - rowIndex]?.[rec.snap.c0 + j - columnIndex]?.format?.fill;
        line.push(
          f
            ? {
                color: f.color ?? null,
                pattern: f.pattern ?? null,
                patternColor: f.patternColor ?? null,
                tintAndShade: f.tintAndShade ?? null,
                patternTintAndShade: f.patternTintAndShade ?? null,
              }
            : null,
        );
      }
      out.push(line);
    }
    return out;
  });
}

export const FILL_PROPS = { format: { fill: { color: true, pattern: true, patternColor: true, tintAndShade: true, patternTintAndShade: true } } };

// ---- restoring ----------------------------------------------------------------------------------

function sameFill(a: SavedFill | null, b: SavedFill | null): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Queues the restore of one area's fill. Returns false when nothing could be done. */
function restoreFill(target: Excel.Range, saved: SavedFill | null, snapshot: () => Excel.Range): boolean {
  if (!saved || saved.pattern === null) {
    // Unknown: copy the whole saved format back (exact).
    target.copyFrom(snapshot(), 'Formats' as Excel.RangeCopyType);
    return true;
  }
  const fill = target.format.fill;
  if (saved.pattern === 'None') {
    fill.clear(); // No Fill — not white
    return true;
  }
  const plain = SETTABLE_PATTERNS.has(saved.pattern) && !saved.tintAndShade && !saved.patternTintAndShade && saved.color !== null;
  if (!plain) {
    target.copyFrom(snapshot(), 'Formats' as Excel.RangeCopyType);
    return true;
  }
  fill.clear();
  fill.color = saved.color!;
  if (saved.pattern !== 'Solid') {
    fill.pattern = saved.pattern as Excel.FillPattern;
    if (saved.patternColor) fill.patternColor = saved.patternColor;
  }
  return true;
}

/**
 * Queues the restore of every record (before MARKS_SHEET is cleared or deleted: some restores copy
 * from it). Returns the number of cells restored. A record whose cells all sit where they were saved
 * (relative to the area, which may have moved) is restored as one area; otherwise rows or columns were
 * inserted or deleted inside it: each saved cell goes back where Excel moved it (none where it was
 * deleted), and a cell inserted inside the area — which Excel formatted like its neighbour above or to
 * the left, mark colour included — takes the saved format of the nearest saved cell above it, else to
 * its left (what it would have got without the mark).
 */
export function queueRestore(ctx: Excel.RequestContext, records: MarkRecord[], fills: (SavedFill | null)[][][], existingSheets: Set<string>): number {
  const marks = ctx.workbook.worksheets.getItem(MARKS_SHEET);
  let restored = 0;
  const snapCell = (rec: MarkRecord, i: number, j: number): Rect => ({ r0: rec.snap.r0 + i, c0: rec.snap.c0 + j, r1: rec.snap.r0 + i, c1: rec.snap.c0 + j });
  records.forEach((rec, k) => {
    if (rec.gone || !existingSheets.has(rec.sheet)) return;
    const ws = ctx.workbook.worksheets.getItem(rec.sheet);
    const cells = fills[k];
    if (rec.cells && !inPlace(rec)) {
      // Saved cell (i, j) by where its target is now, on this record's sheet.
      const at = new Map<string, [number, number]>();
      rec.cells.forEach((line, i) =>
        line.forEach((loc, j) => {
          if (loc && loc.sheet.toLowerCase() === rec.sheet.toLowerCase()) at.set(`${loc.row},${loc.col}`, [i, j]);
        }),
      );
      for (let r = rec.rect.r0; r <= rec.rect.r1; r++) {
        for (let c = rec.rect.c0; c <= rec.rect.c1; c++) {
          let from = at.get(`${r},${c}`);
          for (let up = r - 1; !from && up >= rec.rect.r0; up--) from = at.get(`${up},${c}`);
          for (let left = c - 1; !from && left >= rec.rect.c0; left--) from = at.get(`${r},${left}`);
          if (!from) continue;
          const [i, j] = from;
          restoreFill(ws.getRange(a1(r, c)), cells[i]?.[j] ?? null, () => marks.getRange(rectAddr(snapCell(rec, i, j))));
          restored += 1;
        }
      }
      return;
    }
    const first = cells[0]?.[0] ?? null;
    const uniform = cells.every((line) => line.every((f) => sameFill(f, first)));
    if (uniform) {
      restoreFill(ws.getRange(rectAddr(rec.rect)), first, () => marks.getRange(rectAddr(rec.snap)));
    } else {
      cells.forEach((line, i) =>
        line.forEach((f, j) => {
          const cell: Rect = { r0: rec.rect.r0 + i, c0: rec.rect.c0 + j, r1: rec.rect.r0 + i, c1: rec.rect.c0 + j };
          restoreFill(ws.getRange(rectAddr(cell)), f, () => marks.getRange(rectAddr(snapCell(rec, i, j))));
        }),
      );
    }
    restored += rectCells(rec.rect);
  });
  return restored;
}

/** The area has the saved shape and each saved cell's target sits at its place in it. */
function inPlace(rec: MarkRecord): boolean {
  if (rec.rect.r1 - rec.rect.r0 !== rec.snap.r1 - rec.snap.r0 || rec.rect.c1 - rec.rect.c0 !== rec.snap.c1 - rec.snap.c0) return false;
  return (rec.cells ?? []).every((line, i) => line.every((loc, j) => loc !== null && loc.sheet.toLowerCase() === rec.sheet.toLowerCase() && loc.row === rec.rect.r0 + i && loc.col === rec.rect.c0 + j));
}

// ---- planning new marks ------------------------------------------------------------------------

/** Cell → merged area it belongs to, per sheet. */
function mergeIndex(merges: Map<string, Rect[]>): Map<string, Map<string, Rect>> {
  const out = new Map<string, Map<string, Rect>>();
  for (const [sheet, rects] of merges) {
    const m = new Map<string, Rect>();
    for (const rect of rects) for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) m.set(`${r},${c}`, rect);
    out.set(sheet, m);
  }
  return out;
}

/**
 * Which areas to fill: each finding's own cell (strong colour, with its message) and the cells it
 * involves (pale colour); a cell flagged by several findings takes the most severe. Merged cells are
 * marked as their whole merged area. At most `max` cells: the most severe first.
 */
export interface MarkLimits {
  /** At most this many cells. */
  maxCells: number;
  /** Estimated request bytes the marks may take (Excel on the web refuses requests over 5 MB). */
  maxBytes: number;
  /** Note/comment text for a finding cell, or null when cells are not annotated. */
  annotate: ((severity: Severity, messages: string[]) => string) | null;
}

/** Bytes one queued action and the object path it acts on take in Excel's request JSON (about). */
export const OP_BYTES = 260;
/** Request budget for the highlight round trip, restores of old marks included. */
export const WRITE_BUDGET_BYTES = 3_500_000;

export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c >= 0xd800 && c < 0xdc00 ? (i++, 4) : 3;
  }
  return n;
}

export function planMarks(
  findings: readonly Finding[],
  sheets: Set<string>,
  merges: Map<string, Rect[]>,
  limits: MarkLimits = { maxCells: MAX_MARKED_CELLS, maxBytes: WRITE_BUDGET_BYTES, annotate: null },
): { targets: MarkTarget[]; truncated: boolean; cells: number } {
  interface Slot {
    sheet: string;
    area: Rect;
    severity: Severity;
    role: Role;
    messages: string[];
    order: number;
  }
  const slots = new Map<string, Slot>();
  const mergedAt = mergeIndex(merges);
  let order = 0;
  const sorted = findings.map((f, i) => ({ f, i })).sort((a, b) => SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity] || a.i - b.i);
  const put = (sheet: string, address: string, f: Finding, role: Role) => {
    if (!sheets.has(sheet)) return;
    let rect: Rect;
    try {
      rect = rectOf(address);
    } catch {
      return;
    }
    const area = mergedAt.get(sheet)?.get(`${rect.r0},${rect.c0}`) ?? { r0: rect.r0, c0: rect.c0, r1: rect.r0, c1: rect.c0 };
    const key = `${sheet}\u0000${area.r0},${area.c0}`;
    const slot = slots.get(key);
    if (!slot) {
      slots.set(key, { sheet, area, severity: f.severity, role, messages: role === 'cell' ? [f.message] : [], order: order++ });
      return;
    }
    if (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[slot.severity]) slot.severity = f.severity;
    if (role === 'cell') {
      slot.role = 'cell';
      if (!slot.messages.includes(f.message)) slot.messages.push(f.message);
    }
  };
  for (const { f } of sorted) if (f.sheet && f.cell) put(f.sheet, f.cell, f, 'cell');
  for (const { f } of sorted) {
    // The parts of a sum over many cells (a 총계 over 1,000 세부사업) are not painted: selecting the
    // finding shows them. A row's years, an area's tasks are.
    if (f.refs.length > MAX_INVOLVED_PER_FINDING) continue;
    // The structured references: nothing to unquote or split.
    for (const ref of f.refs) put(ref.sheet, ref.cell, f, 'involved');
  }
  const all = [...slots.values()].sort((a, b) => (a.role === b.role ? 0 : a.role === 'cell' ? -1 : 1) || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] || a.order - b.order);
  let cells = 0;
  let bytes = 0;
  let truncated = false;
  const kept: Slot[] = [];
  for (const s of all) {
    const n = rectCells(s.area);
    // Save, clear, fill, and the record row; the note with its text. (Grouping makes it less.)
    const b = 4 * OP_BYTES + (s.role === 'cell' && limits.annotate ? OP_BYTES + utf8Length(limits.annotate(s.severity, s.messages)) : 0);
    if (cells + n > limits.maxCells || bytes + b > limits.maxBytes) {
      truncated = true;
      continue;
    }
    cells += n;
    bytes += b;
    kept.push(s);
  }
  // Single cells of the same sheet, severity and role are grouped into blocks; merged areas stay alone.
  const targets: MarkTarget[] = [];
  const groups = new Map<string, Slot[]>();
  for (const s of kept) {
    if (rectCells(s.area) > 1) {
      targets.push({ sheet: s.sheet, rect: s.area, severity: s.severity, role: s.role, messages: new Map(s.role === 'cell' ? [[a1(s.area.r0, s.area.c0), s.messages]] : []), merged: true });
      continue;
    }
    const k = `${s.sheet}\u0000${s.severity}\u0000${s.role}`;
    const g = groups.get(k);
    if (g) g.push(s);
    else groups.set(k, [s]);
  }
  for (const g of groups.values()) {
    const { sheet, severity, role } = g[0];
    const byCell = new Map(g.map((s) => [`${s.area.r0},${s.area.c0}`, s]));
    for (const rect of cellsToRects(g.map((s) => ({ row: s.area.r0, col: s.area.c0 })))) {
      const messages = new Map<string, string[]>();
      if (role === 'cell') {
        for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) messages.set(a1(r, c), byCell.get(`${r},${c}`)!.messages);
      }
      targets.push({ sheet, rect, severity, role, messages });
    }
  }
  targets.sort((a, b) => (a.sheet < b.sheet ? -1 : a.sheet > b.sheet ? 1 : a.rect.r0 - b.rect.r0 || a.rect.c0 - b.rect.c0));
  return { targets, truncated, cells };
}


const MAX_NOTE_CHARS = 1500;

export function annotationText(severity: Severity, messages: readonly string[], lang: 'ko' | 'en'): string {
  const head = `${ANNOTATION_TAG} ${severityName(severity, lang)}`;
  let body = messages.map((m) => `• ${m}`).join('\n');
  if (head.length + 1 + body.length > MAX_NOTE_CHARS) body = `${body.slice(0, MAX_NOTE_CHARS - head.length - 2)}…`;
  return `${head}\n${body}`;
}

// ---- writing new marks ---------------------------------------------------------------------------

export interface WriteMarksInput {
  targets: MarkTarget[];
  annotation: AnnotationKind;
  lang: 'ko' | 'en';
  /** Cells that already carry a note/comment (the user's, or ours that this Excel cannot remove), as cellKey(sheet, A1). */
  occupied: Set<string>;
  marksSheetExists: boolean;
  /** The collections to annotate with (from loadAnnotations: null where this Excel lacks them). */
  collections: Annotations;
  /** Old records to keep (marks on protected sheets): see KeptRecords. Lay the targets out from its `start`. */
  keep?: KeptRecords;
}

/**
 * MARKS_SHEET, emptied (or created). It is created once per workbook and then only emptied, never
 * deleted or re-hidden: Worksheet.delete clears the user's undo history everywhere and setting
 * Worksheet.visibility does on Windows and Mac (Microsoft's "Undo support" list). So the only
 * history-clearing call is the one `visibility` when the sheet is first made.
 */
export function queueMarksSheet(ctx: Excel.RequestContext, exists: boolean, keep?: KeptRecords): Excel.Worksheet {
  const sheets = ctx.workbook.worksheets;
  if (exists) {
    const marks = sheets.getItem(MARKS_SHEET);
    if (!keep) marks.getRange().clear('All' as Excel.ClearApplyTo);
    else for (const rec of keep.dropped) marks.getRange(`A${rec.snap.r0 + 1}:XFD${rec.snap.r1 + 1}`).clear('All' as Excel.ClearApplyTo);
    return marks;
  }
  const marks = sheets.add(MARKS_SHEET);
  marks.visibility = 'VeryHidden' as Excel.SheetVisibility;
  return marks;
}

/** Empties MARKS_SHEET down to its header row (after the restores that copy from it were queued); with `keep`, only the dropped records. */
export function queueEmptyMarksSheet(ctx: Excel.RequestContext, keep?: KeptRecords): void {
  queueMarksSheet(ctx, true, keep).getRange('A1:H1').values = [HEADER_ROW.slice()] as unknown[][];
}

/**
 * Old records that stay on MARKS_SHEET: the marks on a protected sheet, which could not be restored
 * (clearing again once it is unprotected restores them). Only the `dropped` records' rows are emptied,
 * and new records go from row `start` (0-based) on, below every kept one.
 */
export interface KeptRecords {
  dropped: readonly MarkRecord[];
  start: number;
}

/** KeptRecords for `records` when some of them are on `locked` sheets; undefined when none is. */
export function keptRecords(records: readonly MarkRecord[], locked: readonly string[]): KeptRecords | undefined {
  const kept = records.filter((r) => locked.includes(r.sheet));
  if (!kept.length) return undefined;
  return { dropped: records.filter((r) => !locked.includes(r.sheet)), start: Math.max(...kept.map((r) => r.snap.r1)) + 1 };
}

export interface WriteSlice {
  /** Targets [from, to) of the layout. */
  from: number;
  to: number;
  /** The first slice also empties (or creates) MARKS_SHEET and writes its header row. */
  first: boolean;
  /** Annotate this slice's finding cells (false once Excel refused an annotation). */
  annotate: boolean;
}

interface Placed {
  t: MarkTarget;
  /** Where the saved format goes on MARKS_SHEET (row = the record's row). */
  snap: Rect;
}

/** Where each target's record and saved format go on MARKS_SHEET: one row per target, spaced by its height. */
export function layoutMarks(targets: readonly MarkTarget[], start = 1): Placed[] {
  let row = start;
  return targets.map((t) => {
    const h = t.rect.r1 - t.rect.r0 + 1;
    const w = t.rect.c1 - t.rect.c0 + 1;
    const snap: Rect = { r0: row, c0: SNAP_COL, r1: row + h - 1, c1: SNAP_COL + w - 1 };
    row += h;
    return { t, snap };
  });
}

/**
 * Queues one slice of the marks: (first slice) MARKS_SHEET emptied or created, then the slice's record
 * rows, saved formats and fills, and LAST its notes/comments. Excel stops a batch at a failing action
 * and keeps what came before, so a refused annotation (a cell with a note where a comment was added,
 * which ExcelApi below 1.18 cannot see) costs only annotations, never a half-saved format. Call after
 * queueRestore and after the old annotations were deleted. The whole highlight is one slice unless
 * Excel refused the request for its size (validate.ts splits it then).
 */
export function queueMarks(ctx: Excel.RequestContext, input: WriteMarksInput, placed: readonly Placed[], slice: WriteSlice): { annotated: number; skipped: number } {
  const sheets = ctx.workbook.worksheets;
  const marks = slice.first ? queueMarksSheet(ctx, input.marksSheetExists, input.keep) : sheets.getItem(MARKS_SHEET);
  const kind: 'note' | 'comment' | '' = input.annotation === 'notes' ? 'note' : input.annotation === 'comments' ? 'comment' : '';
  const part = placed.slice(slice.from, slice.to);

  // The header (first slice), then the record rows of this slice.
  if (slice.first) marks.getRange('A1:H1').values = [HEADER_ROW.slice()] as unknown[][];
  const rows: (string | null)[][] = [];
  for (const { t, snap } of part) {
    // The target as a formula (Excel keeps it pointing at the cells: see the header).
    rows.push([targetFormula(t.sheet, rectAddr(t.rect)), rectAddr(snap), t.severity, t.role, t.role === 'cell' ? kind : '']);
    for (let i = 1; i < t.rect.r1 - t.rect.r0 + 1; i++) rows.push([null, null, null, null, null]);
  }
  if (rows.length) {
    const top = part[0].snap.r0;
    marks.getRange(`A${top + 1}:E${top + rows.length}`).formulas = rows as unknown[][];
  }

  const queued: { ws: Excel.Worksheet; cell: string; text: string }[] = [];
  let skipped = 0;
  for (const { t, snap } of part) {
    const ws = sheets.getItem(t.sheet);
    const target = ws.getRange(rectAddr(t.rect));
    // Save first (queued before the fill, so it copies the format as it is now); each saved cell of a
    // block holds its target cell as a formula (a single cell or a merged area has only column A's,
    // and the saved copy of a merged area is merged: only its first cell could take a formula)…
    const saved = marks.getRange(rectAddr(snap));
    saved.copyFrom(target, 'Formats' as Excel.RangeCopyType);
    if (!t.merged && rectCells(t.rect) > 1) {
      const targets: string[][] = [];
      for (let r = t.rect.r0; r <= t.rect.r1; r++) {
        const line: string[] = [];
        for (let c = t.rect.c0; c <= t.rect.c1; c++) line.push(targetFormula(t.sheet, a1(r, c)));
        targets.push(line);
      }
      saved.formulas = targets;
    }
    // …then fill by severity (clear first so an existing pattern does not show through).
    target.format.fill.clear();
    target.format.fill.color = SEVERITY_FILL[t.severity][t.role === 'cell' ? 'cell' : 'involved'];
    if (t.role !== 'cell' || !kind) continue;
    for (const [cell, messages] of t.messages) {
      if (!slice.annotate || input.occupied.has(cellKey(t.sheet, cell))) {
        skipped += 1;
        continue;
      }
      queued.push({ ws, cell, text: annotationText(t.severity, messages, input.lang) });
    }
  }
  for (const { ws, cell, text } of queued) {
    if (kind === 'note') input.collections.notes?.add(ws.getRange(cell), text);
    else input.collections.comments?.add(ws.getRange(cell), text);
  }
  return { annotated: queued.length, skipped };
}

export interface Annotations {
  notes: Excel.NoteCollection | null;
  comments: Excel.CommentCollection | null;
}

/** Loads every note and comment with its content (where the host has them). */
export function loadAnnotations(ctx: Excel.RequestContext, host: ExcelHost): Annotations {
  const notes = host.supports('ExcelApi', '1.18') ? ctx.workbook.notes : null;
  const comments = host.supports('ExcelApi', '1.10') ? ctx.workbook.comments : null;
  notes?.load('items/content');
  comments?.load('items/content');
  return { notes, comments };
}

/** Queues the deletion of the add-in's own notes/comments; returns how many. */
export function queueDeleteOurAnnotations(a: { notes: Excel.NoteCollection | null; comments: Excel.CommentCollection | null }): number {
  let n = 0;
  for (const item of a.notes?.items ?? []) {
    if (isOurAnnotation(item.content)) {
      item.delete();
      n++;
    }
  }
  for (const item of a.comments?.items ?? []) {
    if (isOurAnnotation(item.content)) {
      item.delete();
      n++;
    }
  }
  return n;
}
