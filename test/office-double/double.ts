/**
 * A strict test double of the Excel JavaScript API subset the add-in uses.
 *
 * It behaves like Excel where it matters for correctness and cost:
 * - proxies queue actions; nothing touches the workbook until `context.sync()`; actions run in order;
 * - a property can be read only after it was `load`ed AND a sync ran (else PropertyNotLoaded);
 *   `isNullObject` only after a sync;
 * - every `context.sync()` is counted (and the implicit one `Excel.run` makes for pending actions);
 * - request and response payloads are measured per sync and a sync over the limit (5 MB, as Excel on
 *   the web) fails with RequestPayloadSizeLimitExceeded / ResponsePayloadSizeLimitExceeded;
 * - requirement sets are enforced: an API newer than the host's ExcelApi version fails at sync with
 *   ApiNotFound, as in Excel;
 * - errors stop the batch at the failing action (earlier actions stay applied), as in Excel;
 * - proxies of a finished `run` can no longer queue work (InvalidObjectPath);
 * - the user's undo history: user edits and add-in changes are entries; an API Microsoft lists as not
 *   supporting undo on this platform (UNDO_UNSUPPORTED) empties it, as Excel does.
 *
 * No Node imports: it is bundled into the e2e test page too.
 */
import { API_SETS } from './api-sets';
import { DoubleError, ErrorCodes, notLoaded } from './errors';
import { evaluateFormula, isErrorValue, mapReferences, type RefEdit, type Scalar } from './formula';
import {
  MAX_COLS,
  MAX_ROWS,
  cellA1,
  cellKey,
  cloneWorkbook,
  contains,
  COMMON_SETS,
  emptyWorkbook,
  intersect,
  newSheet,
  parseKey,
  parseRect,
  quoteSheetName,
  rectA1,
  rectCells,
  splitAddressList,
  splitSheetAddress,
  type BorderModel,
  type BorderSide,
  type CellModel,
  type CellScalar,
  type FillModel,
  type FormatModel,
  type Rect,
  type SheetModel,
  type WorkbookModel,
} from './model';

export interface ExcelDoubleOptions {
  /** e.g. { ExcelApi: '1.18' }. Default: ExcelApi 1.18. */
  requirementSets?: Record<string, string>;
  /** Per-sync request and response limit in bytes. Default 5 MB (Excel on the web). */
  payloadLimitBytes?: number;
  /** Author name for notes and comments added through the API. */
  author?: string;
  /**
   * Which Excel: 'desktop' (Windows and Mac, the default) or 'web'. It decides which API calls clear the
   * user's undo history (UNDO_UNSUPPORTED).
   */
  platform?: 'desktop' | 'web';
  /** Delay before onChanged handlers hear of a change (Excel delivers events asynchronously, sometimes late). Default 0. */
  eventDelayMs?: number;
  /**
   * Office.context.document.settings (Common API requirement set Settings 1.1), loaded from the workbook's
   * `settings` when the double is made. Default true; false plays a host without them (Settings unsupported).
   */
  documentSettings?: boolean;
}

/** Office.Settings as the double plays it: an in-memory copy loaded with the document; saveAsync writes it back. */
export interface DoubleSettings {
  get(name: string): unknown;
  set(name: string, value: unknown): void;
  remove(name: string): void;
  saveAsync(callback?: (result: { status: 'succeeded' | 'failed' }) => void): void;
}

/** What `Excel.run` + `Office.context.requirements` give (structurally the adapter's ExcelHost). */
export interface DoubleHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** Excel.run(context, batch): continues on the request context of an earlier run. */
  runWith<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  supports(set: string, version: string): boolean;
  /** Office.context.document.settings; absent when made with documentSettings: false. */
  documentSettings?(): DoubleSettings;
}

export interface SyncRecord {
  requestBytes: number;
  responseBytes: number;
  actions: number;
  /** Cells whose values/formulas/number formats were returned by loads in this sync. */
  cellsLoaded: number;
  failed?: string;
}

export interface ChangedEvent {
  type: 'WorksheetChanged';
  worksheetId: string;
  address: string;
  /** Excel.DataChangeType: 'RowInserted' … when the user inserts or deletes whole rows or columns. */
  changeType: 'RangeEdited' | 'RowInserted' | 'RowDeleted' | 'ColumnInserted' | 'ColumnDeleted';
  /** 'Remote' for a co-author's change. */
  source: 'Local' | 'Remote';
  /** ExcelApi 1.14: 'ThisLocalAddin' for changes made through the API, 'Unknown' for user edits. */
  triggerSource?: 'ThisLocalAddin' | 'Unknown';
}

export interface ExcelDouble {
  host: DoubleHost;
  /** The live in-memory workbook: inspect or seed it directly (between runs). */
  workbook: WorkbookModel;
  syncCount(): number;
  syncLog(): SyncRecord[];
  resetCounts(): void;
  selection(): { sheet: string; address: string } | null;
  activeSheet(): string | null;
  sheet(name: string): SheetModel | undefined;
  /** The cell as Excel would show it through the API: value (formulas evaluated), formula, format. */
  cell(sheet: string, a1: string): { value: CellScalar | ''; formula: string | null; format: FormatModel };
  /** A deep copy of the workbook: what saving keeps. Seed a new double with it to simulate reopening. */
  snapshot(): WorkbookModel;
  /** Simulates the user typing into cells (fires onChanged with triggerSource 'Unknown'). */
  userEdit(sheet: string, address: string, values: (CellScalar | null)[][]): void;
  /** Simulates a co-author's edit arriving (onChanged with source 'Remote'); not in this user's undo history. */
  remoteEdit(sheet: string, address: string, values: (CellScalar | null)[][]): void;
  /**
   * Simulates the user inserting whole rows ("5:6") or columns ("C:D") before that address (right-click →
   * Insert): cells, formats, notes, comments and merged areas at and after it move down (right), and
   * every formula in the workbook that refers to the moved cells is adjusted, as Excel does.
   */
  userInsert(sheet: string, address: string): void;
  /** Simulates the user deleting whole rows ("5:6") or columns ("C:D"); references to deleted cells become #REF!. */
  userDelete(sheet: string, address: string): void;
  /** Simulates the user renaming a sheet (tab → Rename): formulas referring to it are rewritten to the new name. */
  userRenameSheet(from: string, to: string): void;
  /** Simulates the user deleting a sheet: formulas referring to it become #REF!C5; it cannot be undone (the history is emptied). */
  userDeleteSheet(name: string): void;
  /** Registered onChanged handlers still active. */
  handlerCount(): number;
  /** The undo history, oldest first: 'user: Sheet!A1' for user edits, 'add-in' for each sync that changed something. */
  undoStack(): string[];
  /** The APIs that emptied the undo history, in call order (e.g. 'Worksheet.visibility'). */
  undoClears(): string[];
}

/**
 * APIs that do not support undo, from Microsoft's "Undo support with the Excel JavaScript API"
 * (learn.microsoft.com/office/dev/add-ins/excel/excel-add-ins-undo-capabilities, "Unsupported APIs"):
 * calling one clears the user's undo stack from that call on. `web` / `desktop`: whether the API
 * supports undo in Excel on the web / on Windows and Mac. The rows for objects this double models
 * (worksheets, workbook, protection); the others (charts, styles, pivot tables, queries…) are not
 * modelled because the add-in does not use them.
 */
export const UNDO_UNSUPPORTED: Record<string, { web: boolean; desktop: boolean }> = {
  'DocumentProperties.author': { web: false, desktop: true },
  'DocumentProperties.title': { web: false, desktop: true },
  'Workbook.close': { web: false, desktop: false },
  'Workbook.insertWorksheetsFromBase64': { web: false, desktop: false },
  'Workbook.save': { web: false, desktop: false },
  'WorkbookProtection.protect': { web: false, desktop: false },
  'WorkbookProtection.unprotect': { web: false, desktop: false },
  'Worksheet.copy': { web: false, desktop: false },
  'Worksheet.delete': { web: false, desktop: false },
  'Worksheet.name': { web: true, desktop: false },
  'Worksheet.standardWidth': { web: false, desktop: true },
  'Worksheet.position': { web: true, desktop: false },
  'Worksheet.visibility': { web: true, desktop: false },
  'WorksheetCollection.addFromBase64': { web: false, desktop: false },
  'WorksheetProtection.pauseProtection': { web: false, desktop: false },
  'WorksheetProtection.protect': { web: false, desktop: false },
  'WorksheetProtection.resumeProtection': { web: false, desktop: false },
  'WorksheetProtection.setPassword': { web: false, desktop: false },
  'WorksheetProtection.unprotect': { web: false, desktop: false },
  'WorksheetProtection.updateOptions': { web: false, desktop: false },
};

// ---------------------------------------------------------------------------------------------
// Requirement sets

/**
 * The ExcelApi version an API needs, from @types/office-js's notes (api-sets.ts, generated): the
 * member's own, else its class's. A name the reference does not know is a bug in the double.
 */
export function since(api: string): string {
  const v = API_SETS[api] ?? API_SETS[api.split('.')[0]];
  if (!v) throw new Error(`office double: no requirement set for ${api} in api-sets.ts (regenerate it, or name the API as @types/office-js does)`);
  return v;
}

function versionAtLeast(have: string | undefined, need: string): boolean {
  if (!have) return false;
  const a = have.split('.').map(Number);
  const b = need.split('.').map(Number);
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    if (x !== y) return x > y;
  }
  return true;
}

// ---------------------------------------------------------------------------------------------
// Byte accounting

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c < 0xdc00) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function jsonBytes(v: unknown): number {
  return utf8Length(JSON.stringify(v) ?? 'null');
}

/**
 * Fixed cost of one action in Excel's request JSON: the action itself (id, type, name, object path id,
 * ~100 bytes) and, usually, the object path it acts on (getRange(…) on a sheet, ~110 bytes).
 */
const ACTION_OVERHEAD = 220;
const LOAD_RESPONSE_OVERHEAD = 40;

// ---------------------------------------------------------------------------------------------
// Core

interface SyncState {
  /** Something was changed (an add-in entry in the undo history). */
  wrote?: boolean;
  responseBytes: number;
  cellsLoaded: number;
  commits: (() => void)[];
  changes: { sheetId: string; rect: Rect }[];
  evalCache: Map<string, Scalar> | null;
}

interface Action {
  bytes: number;
  run(st: SyncState): void;
}

interface Registration {
  scope: 'collection' | string;
  handler: (args: ChangedEvent) => unknown;
  active: boolean;
}

const NAMED_COLORS: Record<string, string> = {
  white: '#FFFFFF',
  black: '#000000',
  red: '#FF0000',
  yellow: '#FFFF00',
  orange: '#FFA500',
  green: '#008000',
  blue: '#0000FF',
  gray: '#808080',
  lightgray: '#D3D3D3',
};

function normColor(c: unknown): string {
  if (typeof c !== 'string') throw new DoubleError(ErrorCodes.invalidArgument, `invalid color ${String(c)}`);
  const t = c.trim();
  if (/^#?[0-9a-fA-F]{6}$/.test(t)) return `#${t.replace('#', '').toUpperCase()}`;
  const named = NAMED_COLORS[t.toLowerCase()];
  if (named) return named;
  throw new DoubleError(ErrorCodes.invalidArgument, `invalid color ${c}`);
}

const FILL_PATTERNS = ['None', 'Solid', 'Gray50', 'Gray75', 'Gray25', 'Horizontal', 'Vertical', 'Down', 'Up', 'Checker', 'SemiGray75', 'LightHorizontal', 'LightVertical', 'LightDown', 'LightUp', 'Grid', 'CrissCross', 'Gray16', 'Gray8'];
const H_ALIGN = ['General', 'Left', 'Center', 'Right', 'Fill', 'Justify', 'CenterAcrossSelection', 'Distributed'];
const V_ALIGN = ['Top', 'Center', 'Bottom', 'Justify', 'Distributed'];
const BORDER_SIDES: BorderSide[] = ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal', 'DiagonalDown', 'DiagonalUp'];
const BORDER_STYLES = ['None', 'Continuous', 'Dash', 'DashDot', 'DashDotDot', 'Dot', 'Double', 'SlantDashDot'];
const DEFAULT_COLUMN_WIDTH = 48;
/** Range.getMergedAreasOrNullObject fails above this many merged areas. */
export const MAX_MERGED_AREAS = 512;

class Core {
  wb: WorkbookModel;
  syncs = 0;
  log: SyncRecord[] = [];
  registrations: Registration[] = [];
  undo: string[] = [];
  undoClears: string[] = [];
  constructor(
    wb: WorkbookModel,
    readonly sets: Record<string, string>,
    readonly limit: number,
    readonly author: string,
    readonly platform: 'desktop' | 'web' = 'desktop',
    readonly eventDelayMs = 0,
  ) {
    this.wb = wb;
  }

  /** An API that changes the workbook ran: an undo entry, or the history is gone (UNDO_UNSUPPORTED). */
  changedBy(api: string, st: SyncState): void {
    st.wrote = true;
    const row = UNDO_UNSUPPORTED[api];
    if (row && !row[this.platform]) {
      this.undo = [];
      this.undoClears.push(api);
    }
  }

  supports(set: string, version: string): boolean {
    return versionAtLeast(this.sets[set], version);
  }

  require(version: string, api: string): void {
    if (!this.supports('ExcelApi', version)) {
      throw new DoubleError(ErrorCodes.apiNotFound, `The API you are trying to use could not be found (${api} needs ExcelApi ${version}; this host has ${this.sets.ExcelApi ?? 'none'}).`, api);
    }
  }

  newId(prefix: string): string {
    const id = `{${prefix}-${this.wb.nextId}}`;
    this.wb.nextId += 1;
    return id;
  }

  sheetById(id: string): SheetModel | undefined {
    return this.wb.sheets.find((s) => s.id === id);
  }

  sheetByName(name: string): SheetModel | undefined {
    const k = name.toLowerCase();
    return this.wb.sheets.find((s) => s.name.toLowerCase() === k);
  }

  // --- cell access ----------------------------------------------------------------------------

  cellValue(sheet: SheetModel, r: number, c: number, st: SyncState | null, depth = 0): Scalar {
    const cell = sheet.cells[cellKey(r, c)];
    if (!cell) return null;
    if (cell.f === undefined) return cell.v ?? null;
    const key = `${sheet.id}:${r},${c}`;
    const cache = st?.evalCache ?? null;
    if (cache?.has(key)) return cache.get(key)!;
    if (depth > 200) return { error: '#CIRCULAR!' };
    cache?.set(key, { error: '#CIRCULAR!' });
    const v = evaluateFormula(cell.f, {
      cell: (sheetName, row, col) => {
        const s = sheetName === null ? sheet : this.sheetByName(sheetName);
        if (!s) return { error: '#REF!' };
        return this.cellValue(s, row, col, st, depth + 1);
      },
      sheetExists: (n) => this.sheetByName(n) !== undefined,
    });
    cache?.set(key, v);
    return v;
  }

  displayValue(sheet: SheetModel, r: number, c: number, st: SyncState | null): CellScalar | '' {
    const v = this.cellValue(sheet, r, c, st);
    if (v === null) return '';
    if (isErrorValue(v)) return v.error;
    return v;
  }

  private mergeIndex = new WeakMap<SheetModel, { list: string[]; length: number; byCell: Map<string, Rect> }>();

  /** The merged area a cell belongs to (indexed; rebuilt when the sheet's merge list changes). */
  mergeAt(sheet: SheetModel, r: number, c: number): Rect | null {
    let idx = this.mergeIndex.get(sheet);
    if (!idx || idx.list !== sheet.merges || idx.length !== sheet.merges.length) {
      const byCell = new Map<string, Rect>();
      for (const m of sheet.merges) {
        const rect = parseRect(m);
        for (let i = rect.r0; i <= rect.r1; i++) for (let j = rect.c0; j <= rect.c1; j++) byCell.set(cellKey(i, j), rect);
      }
      idx = { list: sheet.merges, length: sheet.merges.length, byCell };
      this.mergeIndex.set(sheet, idx);
    }
    return idx.byCell.get(cellKey(r, c)) ?? null;
  }

  /** Removes the merged areas that intersect `rect` (scanning only its cells when it is small). */
  unmergeIn(sheet: SheetModel, rect: Rect): void {
    if (!sheet.merges.length) return;
    if (rectCells(rect) <= 4096) {
      let any = false;
      for (let r = rect.r0; r <= rect.r1 && !any; r++) for (let c = rect.c0; c <= rect.c1 && !any; c++) if (this.mergeAt(sheet, r, c)) any = true;
      if (!any) return;
    }
    sheet.merges = sheet.merges.filter((m) => !intersect(parseRect(m), rect));
  }

  /** Adds a merged area (the caller removed overlapping ones) and keeps the index current. */
  addMerge(sheet: SheetModel, rect: Rect): void {
    this.mergeAt(sheet, rect.r0, rect.c0); // make sure the index matches the list before appending
    sheet.merges.push(rectA1(rect));
    const idx = this.mergeIndex.get(sheet)!;
    for (let i = rect.r0; i <= rect.r1; i++) for (let j = rect.c0; j <= rect.c1; j++) idx.byCell.set(cellKey(i, j), rect);
    idx.length = sheet.merges.length;
  }

  /** Writes a matrix of values/formulas/number formats; null entries leave the cell unchanged. */
  writeMatrix(sheet: SheetModel, rect: Rect, input: unknown, kind: 'values' | 'formulas' | 'numberFormat', st: SyncState): void {
    this.checkUnprotected(sheet);
    this.touch(sheet);
    const rows = rect.r1 - rect.r0 + 1;
    const cols = rect.c1 - rect.c0 + 1;
    const at = (i: number, j: number): unknown => {
      if (!Array.isArray(input)) return input;
      return (input[i] as unknown[])[j];
    };
    if (Array.isArray(input)) {
      if (input.length !== rows || input.some((row) => !Array.isArray(row) || row.length !== cols)) {
        throw new DoubleError(ErrorCodes.invalidArgument, `The number of rows or columns in the input array doesn't match the size or dimensions of the range (${rows}×${cols}).`);
      }
    }
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const v = at(i, j);
        if (v === null || v === undefined) continue;
        const r = rect.r0 + i;
        const c = rect.c0 + j;
        const key = cellKey(r, c);
        const cell: CellModel = { ...(sheet.cells[key] ?? {}) };
        if (kind === 'numberFormat') {
          if (typeof v !== 'string') throw new DoubleError(ErrorCodes.invalidArgument, 'number format must be text');
          const fmt = { ...(cell.fmt ?? {}) };
          if (v === 'General') delete fmt.numberFormat;
          else fmt.numberFormat = v;
          cell.fmt = fmt;
        } else {
          if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') throw new DoubleError(ErrorCodes.invalidArgument, `invalid cell value ${JSON.stringify(v)}`);
          const merge = this.mergeAt(sheet, r, c);
          if (merge && (merge.r0 !== r || merge.c0 !== c) && v !== '') {
            throw new DoubleError(ErrorCodes.invalidOperation, `Cannot change part of a merged cell (${sheet.name}!${cellA1(r, c)}).`);
          }
          delete cell.v;
          delete cell.f;
          if (typeof v === 'string') {
            if (v.startsWith('=') && v.length > 1) cell.f = v;
            else if (v.startsWith("'")) cell.v = v.slice(1);
            else if (/^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/.test(v.trim())) cell.v = Number(v);
            else if (v !== '') cell.v = v;
          } else if (typeof v === 'number') {
            if (!Number.isFinite(v)) throw new DoubleError(ErrorCodes.invalidArgument, 'non-finite number');
            cell.v = v;
          } else cell.v = v;
        }
        if (cell.v === undefined && cell.f === undefined && (!cell.fmt || Object.keys(cell.fmt).length === 0)) delete sheet.cells[key];
        else sheet.cells[key] = cell;
      }
    }
    if (kind !== 'numberFormat') st.changes.push({ sheetId: sheet.id, rect });
  }

  readMatrix(sheet: SheetModel, rect: Rect, kind: 'values' | 'formulas' | 'numberFormat' | 'text', st: SyncState): unknown[][] {
    const out: unknown[][] = [];
    for (let r = rect.r0; r <= rect.r1; r++) {
      const row: unknown[] = [];
      for (let c = rect.c0; c <= rect.c1; c++) {
        const cell = sheet.cells[cellKey(r, c)];
        if (kind === 'numberFormat') row.push(cell?.fmt?.numberFormat ?? 'General');
        else if (kind === 'formulas') row.push(cell?.f ?? cell?.v ?? '');
        else if (kind === 'text') row.push(String(this.displayValue(sheet, r, c, st)));
        else row.push(this.displayValue(sheet, r, c, st));
      }
      out.push(row);
    }
    return out;
  }

  private usedCache = new Map<SheetModel, { values?: Rect | null; all?: Rect | null }>();

  /** Forget cached facts about a sheet after its cells changed. */
  touch(sheet: SheetModel): void {
    this.usedCache.delete(sheet);
  }

  /** Forget everything cached (the model may have been edited directly between runs). */
  resetCaches(): void {
    this.usedCache.clear();
  }

  usedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
    const cached = this.usedCache.get(sheet) ?? {};
    const hit = valuesOnly ? cached.values : cached.all;
    if (hit !== undefined) return hit ? { ...hit } : null;
    const rect = this.computeUsedRect(sheet, valuesOnly);
    if (valuesOnly) cached.values = rect;
    else cached.all = rect;
    this.usedCache.set(sheet, cached);
    return rect ? { ...rect } : null;
  }

  private computeUsedRect(sheet: SheetModel, valuesOnly: boolean): Rect | null {
    let rect: Rect | null = null;
    for (const [key, cell] of Object.entries(sheet.cells)) {
      const has = cell.v !== undefined || cell.f !== undefined || (!valuesOnly && cell.fmt && Object.keys(cell.fmt).length > 0);
      if (!has) continue;
      const { r, c } = parseKey(key);
      rect = rect ? { r0: Math.min(rect.r0, r), c0: Math.min(rect.c0, c), r1: Math.max(rect.r1, r), c1: Math.max(rect.c1, c) } : { r0: r, c0: c, r1: r, c1: c };
    }
    return rect;
  }

  forEachCell(rects: Rect[], f: (r: number, c: number) => void): void {
    for (const rect of rects) for (let r = rect.r0; r <= rect.r1; r++) for (let c = rect.c0; c <= rect.c1; c++) f(r, c);
  }

  fmtOf(sheet: SheetModel, r: number, c: number): FormatModel {
    return sheet.cells[cellKey(r, c)]?.fmt ?? {};
  }

  /** Excel refuses any change to a protected sheet's cells (formats, values, notes, merges). */
  checkUnprotected(sheet: SheetModel): void {
    if (sheet.protected) throw new DoubleError('AccessDenied', `The cell or chart you're trying to change is on a protected sheet ('${sheet.name}').`);
  }

  updateFmt(sheet: SheetModel, r: number, c: number, f: (fmt: FormatModel) => void): void {
    this.checkUnprotected(sheet);
    this.touch(sheet);
    const key = cellKey(r, c);
    const cell: CellModel = sheet.cells[key] ?? {};
    const fmt: FormatModel = cell.fmt ?? {};
    f(fmt);
    for (const k of Object.keys(fmt) as (keyof FormatModel)[]) if (fmt[k] === undefined) delete fmt[k];
    if (Object.keys(fmt).length) cell.fmt = fmt;
    else delete cell.fmt;
    if (cell.v === undefined && cell.f === undefined && !cell.fmt) delete sheet.cells[key];
    else sheet.cells[key] = cell;
  }


  // --- structure edits (Excel's reference adjustment) ------------------------------------------

  /**
   * Excel adjusts every formula of the workbook that refers to `target` when its rows/columns move or
   * the sheet is renamed or deleted. `edit` gets each such reference's area and whether it names the
   * sheet (a reference without a sheet name lies on the formula's own sheet).
   */
  adjustFormulas(target: SheetModel, edit: (rect: Rect, qualified: boolean) => RefEdit): void {
    for (const s of this.wb.sheets) {
      let changed = false;
      for (const cell of Object.values(s.cells)) {
        if (cell.f === undefined) continue;
        const f = mapReferences(cell.f, (name, rect) => {
          const sheet = name === null ? s : this.sheetByName(name);
          return sheet === target ? edit(rect, name !== null) : null;
        });
        if (f !== cell.f) {
          cell.f = f;
          changed = true;
        }
      }
      if (changed) this.touch(s);
    }
  }

  /** Renames a sheet the way Excel does: the formulas naming it follow. */
  renameSheet(sheet: SheetModel, to: string): void {
    if (sheet.name === to) return;
    this.adjustFormulas(sheet, (_rect, qualified) => (qualified ? { sheet: to } : null));
    sheet.name = to;
  }

  /** Before a sheet is removed: the formulas naming it become #REF!C5 (Excel keeps the cell part). */
  orphanReferences(sheet: SheetModel): void {
    this.adjustFormulas(sheet, (_rect, qualified) => (qualified ? { sheetGone: true } : null));
  }

  /**
   * Inserts (count > 0) or deletes (count < 0) whole rows or columns at `at` (0-based) on `sheet`, with
   * Excel's adjustment of references: an insert at or above an area's edge moves that edge (inside the area
   * it grows); a delete shrinks an area it cuts and makes one it covers whole #REF!.
   */
  shiftCells(sheet: SheetModel, axis: 'rows' | 'columns', at: number, count: number): void {
    this.checkUnprotected(sheet);
    const max = axis === 'rows' ? MAX_ROWS : MAX_COLS;
    const n = Math.abs(count);
    const last = at + n - 1;
    /** New index of one line; null when it is deleted. */
    const move = (i: number): number | null => (count > 0 ? (i >= at ? i + n : i) : i < at ? i : i > last ? i - n : null);
    const span = (a: number, b: number): [number, number] | null => {
      if (count > 0) return [a >= at ? a + n : a, b >= at ? b + n : b];
      if (a >= at && b <= last) return null;
      return [a < at ? a : a > last ? a - n : at, b < at ? b : b > last ? b - n : at - 1];
    };
    const spanRect = (r: Rect): Rect | null => {
      const s = axis === 'rows' ? span(r.r0, r.r1) : span(r.c0, r.c1);
      if (!s) return null;
      return axis === 'rows' ? { ...r, r0: s[0], r1: s[1] } : { ...r, c0: s[0], c1: s[1] };
    };
    const moveKeys = <T>(o: Record<string, T>): Record<string, T> => {
      const out: Record<string, T> = {};
      for (const [key, v] of Object.entries(o)) {
        const { r, c } = parseKey(key);
        const i = move(axis === 'rows' ? r : c);
        if (i === null) continue;
        if (i >= max) throw new DoubleError(ErrorCodes.invalidOperation, "To prevent possible loss of data, Excel can't shift nonblank cells off of the worksheet.");
        out[axis === 'rows' ? cellKey(i, c) : cellKey(r, i)] = v;
      }
      return out;
    };
    sheet.cells = moveKeys(sheet.cells);
    if (count > 0 && at > 0) {
      // Inserted rows (columns) take the format of the row above (column to the left): Excel's default,
      // "Format Same As Above" under the Insert Options button.
      for (const [key, cell] of Object.entries(sheet.cells)) {
        const { r, c } = parseKey(key);
        if ((axis === 'rows' ? r : c) !== at - 1 || !cell.fmt) continue;
        for (let k = 0; k < n; k++) sheet.cells[axis === 'rows' ? cellKey(at + k, c) : cellKey(r, at + k)] = { fmt: JSON.parse(JSON.stringify(cell.fmt)) as FormatModel };
      }
    }
    sheet.notes = moveKeys(sheet.notes);
    for (const cm of this.wb.comments) {
      if (cm.sheetId !== sheet.id) continue;
      const { r, c } = parseKey(cm.cell);
      const i = move(axis === 'rows' ? r : c);
      cm.cell = i === null ? '' : axis === 'rows' ? cellKey(i, c) : cellKey(r, i);
    }
    this.wb.comments = this.wb.comments.filter((cm) => cm.cell !== '');
    sheet.merges = sheet.merges.flatMap((m) => {
      const r = spanRect(parseRect(m));
      return r && rectCells(r) > 1 ? [rectA1(r)] : [];
    });
    if (axis === 'columns') {
      const widths: Record<string, number> = {};
      for (const [k, w] of Object.entries(sheet.columnWidths)) {
        const i = move(Number(k));
        if (i !== null && i < max) widths[String(i)] = w;
      }
      sheet.columnWidths = widths;
    }
    this.touch(sheet);
    this.adjustFormulas(sheet, (rect) => {
      const whole = axis === 'rows' ? rect.c0 === 0 && rect.c1 === MAX_COLS - 1 : rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
      if (whole) return null;
      const r = spanRect(rect);
      if (!r) return { rect: null };
      return r.r0 === rect.r0 && r.r1 === rect.r1 && r.c0 === rect.c0 && r.c1 === rect.c1 ? null : { rect: r };
    });
  }

  // --- sync -----------------------------------------------------------------------------------

  async sync(ctx: DoubleContext): Promise<void> {
    const actions = ctx._queue;
    ctx._queue = [];
    this.syncs += 1;
    const requestBytes = 200 + actions.reduce((s, a) => s + a.bytes, 0);
    const record: SyncRecord = { requestBytes, responseBytes: 0, actions: actions.length, cellsLoaded: 0 };
    this.log.push(record);
    // A round trip is asynchronous: nothing resolves in the same tick.
    await new Promise<void>((resolve) => setTimeout(resolve, 0));
    if (requestBytes > this.limit) {
      record.failed = ErrorCodes.requestPayloadSizeLimitExceeded;
      throw new DoubleError(ErrorCodes.requestPayloadSizeLimitExceeded, `The request payload size (${requestBytes} bytes) exceeds the limit (${this.limit}).`);
    }
    const st: SyncState = { responseBytes: 0, cellsLoaded: 0, commits: [], changes: [], evalCache: new Map() };
    try {
      for (const a of actions) {
        a.run(st);
      }
      for (const p of ctx._created) p._settleNull();
      ctx._created = [];
    } catch (e) {
      record.failed = (e as DoubleError).code ?? 'GeneralException';
      this.fire(st.changes, 'ThisLocalAddin');
      if (e instanceof DoubleError) throw e;
      throw new DoubleError('GeneralException', (e as Error).message);
    }
    record.responseBytes = st.responseBytes;
    record.cellsLoaded = st.cellsLoaded;
    if (st.responseBytes > this.limit) {
      record.failed = ErrorCodes.responsePayloadSizeLimitExceeded;
      this.fire(st.changes, 'ThisLocalAddin');
      throw new DoubleError(ErrorCodes.responsePayloadSizeLimitExceeded, `The response payload size (${st.responseBytes} bytes) exceeds the limit (${this.limit}).`);
    }
    for (const c of st.commits) c();
    if (st.wrote) this.undo.push('add-in');
    this.fire(st.changes, 'ThisLocalAddin');
  }

  fire(changes: { sheetId: string; rect: Rect }[], trigger: 'ThisLocalAddin' | 'Unknown', source: 'Local' | 'Remote' = 'Local', changeType: ChangedEvent['changeType'] = 'RangeEdited'): void {
    if (!changes.length) return;
    const withTrigger = this.supports('ExcelApi', since('WorksheetChangedEventArgs.triggerSource'));
    for (const ch of changes) {
      const args: ChangedEvent = { type: 'WorksheetChanged', worksheetId: ch.sheetId, address: rectA1(ch.rect), changeType, source };
      if (withTrigger) args.triggerSource = trigger;
      for (const reg of this.registrations) {
        if (!reg.active || (reg.scope !== 'collection' && reg.scope !== ch.sheetId)) continue;
        setTimeout(() => {
          if (reg.active) void reg.handler(args);
        }, this.eventDelayMs);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Context and proxies

type LoadArg = string | string[] | { select?: string; expand?: string } | Record<string, unknown> | undefined;

function parseLoad(arg: LoadArg): string[] {
  if (arg === undefined) return [];
  if (typeof arg === 'string') return arg.split(',').map((s) => s.trim()).filter(Boolean);
  if (Array.isArray(arg)) return arg.flatMap((s) => s.split(',')).map((s) => s.trim()).filter(Boolean);
  if ('select' in arg || 'expand' in arg) {
    const sel = typeof arg.select === 'string' ? arg.select : '';
    return sel.split(',').map((s) => s.trim()).filter(Boolean);
  }
  const out: string[] = [];
  const walk = (o: Record<string, unknown>, prefix: string) => {
    for (const [k, v] of Object.entries(o)) {
      if (k.startsWith('$')) continue;
      if (v && typeof v === 'object') walk(v as Record<string, unknown>, `${prefix}${k}/`);
      else if (v) out.push(`${prefix}${k}`);
    }
  };
  walk(arg, '');
  return out;
}

export class DoubleContext {
  _queue: Action[] = [];
  _created: BaseProxy[] = [];
  _closed = false;
  readonly workbook: WorkbookProxy;
  readonly trackedObjects = { add: () => undefined, remove: () => undefined };
  constructor(readonly _core: Core) {
    this.workbook = new WorkbookProxy(this);
  }
  sync(): Promise<void> {
    return this._core.sync(this);
  }
  _enqueue(bytes: number, run: (st: SyncState) => void, allowClosed = false): void {
    if (this._closed && !allowClosed) {
      throw new DoubleError(ErrorCodes.invalidObjectPath, 'The object path is not valid: this object belongs to an Excel.run batch that has finished.');
    }
    this._queue.push({ bytes: ACTION_OVERHEAD + bytes, run });
  }
}

abstract class BaseProxy {
  _loaded = new Set<string>();
  _data: Record<string, unknown> = {};
  _nullKnown = false;
  _isNull = false;
  abstract readonly _type: string;
  /** Properties `load()` without arguments loads. */
  abstract readonly _scalars: readonly string[];
  constructor(
    readonly _ctx: DoubleContext,
    readonly _nullable: boolean,
  ) {
    _ctx._created.push(this);
  }
  get context(): DoubleContext {
    return this._ctx;
  }
  get isNullObject(): boolean {
    if (!this._nullKnown) throw notLoaded('isNullObject', this._type);
    return this._isNull;
  }
  /** True when the object exists; false for a null object; throws ItemNotFound for a missing required one. */
  abstract _exists(): boolean;
  /** Reads the properties at action time. Only called when the object exists. */
  abstract _read(props: string[], st: SyncState): Record<string, unknown>;
  /** Minimum ExcelApi version of a loadable property. */
  _propVersion(prop: string): string {
    return since(`${this._type}.${prop}`);
  }

  /** For `_exists` when the target is missing: false for a null object, else ItemNotFound. */
  _missing(message: string): false {
    if (this._nullable) return false;
    throw new DoubleError(ErrorCodes.itemNotFound, message);
  }

  _settleNull(): void {
    if (this._nullKnown) return;
    let exists = true;
    try {
      exists = this._exists();
    } catch {
      exists = false;
    }
    this._isNull = this._nullable && !exists;
    this._nullKnown = true;
  }

  _get(prop: string): unknown {
    if (!this._loaded.has(prop)) throw notLoaded(prop, this._type);
    return this._data[prop];
  }

  load(arg?: LoadArg): this {
    const props = parseLoad(arg);
    const list = props.length ? props : [...this._scalars];
    this._ctx._enqueue(utf8Length(list.join(',')), (st) => {
      for (const p of list) this._ctx._core.require(this._propVersion(p), `${this._type}.${p}`);
      const exists = this._exists();
      const data = exists ? this._read(list, st) : Object.fromEntries(list.map((p) => [p, null]));
      st.responseBytes += LOAD_RESPONSE_OVERHEAD + jsonBytes(data);
      st.commits.push(() => {
        for (const p of list) {
          this._loaded.add(p);
          this._data[p] = data[p];
        }
        this._isNull = this._nullable && !exists;
        this._nullKnown = true;
      });
    });
    return this;
  }

  /** Queues a property write; `apply` runs at sync. */
  _set(prop: string, value: unknown, version: string, apply: () => void): void {
    this._ctx._enqueue(utf8Length(prop) + jsonBytes(value), (st) => {
      this._ctx._core.require(version, `${this._type}.${prop}`);
      if (!this._exists()) return;
      this._ctx._core.changedBy(`${this._type}.${prop}`, st);
      apply();
    });
  }

  /** Queues a method call. */
  _call(name: string, args: unknown, version: string, apply: (st: SyncState) => void, allowClosed = false): void {
    this._ctx._enqueue(
      utf8Length(name) + jsonBytes(args),
      (st) => {
        this._ctx._core.require(version, `${this._type}.${name}`);
        if (!this._exists()) return;
        // Selecting and activating change no data: Excel keeps no undo entry for them.
        if (name !== 'select' && name !== 'activate') this._ctx._core.changedBy(`${this._type}.${name}`, st);
        apply(st);
      },
      allowClosed,
    );
  }

  toJSON(): Record<string, unknown> {
    const o: Record<string, unknown> = {};
    for (const p of this._loaded) o[p] = this._data[p];
    return o;
  }
}

/** A proxy whose target is resolved once, when first needed during a sync. */
abstract class ResolvedProxy<T> extends BaseProxy {
  private _memo: { t: T | null } | null = null;
  constructor(
    ctx: DoubleContext,
    nullable: boolean,
    readonly _resolve: () => T | null,
  ) {
    super(ctx, nullable);
  }
  _target(): T | null {
    if (!this._memo) this._memo = { t: this._resolve() };
    return this._memo.t;
  }
}

/** Makes `names` readable (after load+sync) properties on the prototype. */
function readable(cls: { prototype: object }, names: string[]): void {
  for (const n of names) {
    Object.defineProperty(cls.prototype, n, {
      get(this: BaseProxy) {
        return this._get(n);
      },
      configurable: true,
    });
  }
}

class ClientResultProxy<T> {
  _done = false;
  _value: T | undefined;
  get value(): T {
    if (!this._done) throw notLoaded('value', 'ClientResult');
    return this._value as T;
  }
  /** The value becomes readable once the sync that computed it succeeds. */
  _settle(st: SyncState, value: T): void {
    st.commits.push(() => {
      this._value = value;
      this._done = true;
    });
  }
}

/** `getCount()`: `count` runs at sync. */
function countResult(ctx: DoubleContext, count: () => number): ClientResultProxy<number> {
  const r = new ClientResultProxy<number>();
  ctx._enqueue(20, (st) => r._settle(st, count()));
  return r;
}

/** The `items/…` part of a collection load: the properties to load on each item. */
function itemProps(props: string[]): string[] {
  return props.filter((p) => p.startsWith('items/')).map((p) => p.slice(6));
}

/** A collection whose `items` are proxies loaded by `load()`. */
abstract class ItemsCollectionProxy<P extends BaseProxy> extends BaseProxy {
  readonly _scalars = ['items'];
  private _items?: P[];
  constructor(ctx: DoubleContext) {
    super(ctx, false);
  }
  get items(): P[] {
    if (!this._items) throw notLoaded('items', this._type);
    return this._items;
  }
  _exists(): boolean {
    return true;
  }
  _read(): Record<string, unknown> {
    return {};
  }
  /** At sync: the rows count in the response; once the sync succeeds they are `items`, each with `props` loaded. */
  _loadItems(st: SyncState, rows: { p: P; data: Record<string, unknown> }[], props: string[]): void {
    st.responseBytes += LOAD_RESPONSE_OVERHEAD + jsonBytes(rows.map((r) => r.data));
    st.commits.push(() => {
      this._items = rows.map(({ p, data }) => {
        for (const n of props) {
          p._loaded.add(n);
          p._data[n] = data[n];
        }
        p._nullKnown = true;
        return p;
      });
    });
  }
}

// --- Workbook ---------------------------------------------------------------------------------

class WorkbookProxy {
  readonly worksheets: WorksheetCollectionProxy;
  private _notes?: NoteCollectionProxy;
  private _comments?: CommentCollectionProxy;
  constructor(readonly _ctx: DoubleContext) {
    this.worksheets = new WorksheetCollectionProxy(_ctx);
  }
  get context(): DoubleContext {
    return this._ctx;
  }
  get notes(): NoteCollectionProxy {
    return (this._notes ??= new NoteCollectionProxy(this._ctx, null));
  }
  get comments(): CommentCollectionProxy {
    return (this._comments ??= new CommentCollectionProxy(this._ctx, null));
  }
  get properties(): { custom: CustomPropertyCollectionProxy } {
    return { custom: new CustomPropertyCollectionProxy(this._ctx) };
  }
  getSelectedRange(): RangeProxy {
    const core = this._ctx._core;
    return new RangeProxy(this._ctx, false, () => {
      const sel = core.wb.selection;
      if (!sel) throw new DoubleError(ErrorCodes.itemNotFound, 'no selection');
      return { sheetId: sel.sheetId, rect: parseRect(sel.address) };
    });
  }
}

// --- Worksheets -------------------------------------------------------------------------------

const INVALID_SHEET_CHARS = /[\[\]:*?/\\]/;

function checkSheetName(name: string): void {
  if (!name || name.length > 31 || INVALID_SHEET_CHARS.test(name) || name.startsWith("'") || name.endsWith("'")) {
    throw new DoubleError(ErrorCodes.invalidArgument, `Invalid worksheet name '${name}'.`);
  }
}

class EventHandlersProxy {
  constructor(
    readonly _ctx: DoubleContext,
    readonly _scope: () => string,
    readonly _version: string,
  ) {}
  add(handler: (args: ChangedEvent) => unknown): EventHandlerResultProxy {
    const reg: Registration = { scope: 'pending', handler, active: false };
    const core = this._ctx._core;
    this._ctx._enqueue(80, () => {
      core.require(this._version, 'onChanged.add');
      reg.scope = this._scope();
      reg.active = true;
      core.registrations.push(reg);
    });
    return new EventHandlerResultProxy(this._ctx, reg);
  }
}

class EventHandlerResultProxy {
  constructor(
    readonly context: DoubleContext,
    readonly _reg: Registration,
  ) {}
  /** As in Excel: only inside a batch on the context it was registered with (Excel.run(eventResult.context, …)). */
  remove(): void {
    const core = this.context._core;
    this.context._enqueue(80, () => {
      this._reg.active = false;
      core.registrations = core.registrations.filter((r) => r !== this._reg);
    });
  }
}

class WorksheetCollectionProxy extends ItemsCollectionProxy<WorksheetProxy> {
  readonly _type = 'WorksheetCollection';
  readonly onChanged: EventHandlersProxy;
  constructor(ctx: DoubleContext) {
    super(ctx);
    this.onChanged = new EventHandlersProxy(ctx, () => 'collection', since('WorksheetCollection.onChanged'));
  }
  override load(arg?: LoadArg): this {
    const props = parseLoad(arg);
    const picked = itemProps(props);
    const all = props.length === 0 || props.includes('items');
    const core = this._ctx._core;
    this._ctx._enqueue(utf8Length(props.join(',')), (st) => {
      const sheets = core.wb.sheets.slice();
      const list = all ? WorksheetProxy.SCALARS : picked;
      const rows = sheets.map((s) => {
        const p = new WorksheetProxy(this._ctx, false, () => s.id);
        for (const n of list) core.require(p._propVersion(n), `Worksheet.${n}`);
        return { p, data: p._read(list) };
      });
      this._loadItems(st, rows, list);
    });
    return this;
  }
  getItem(key: string): WorksheetProxy {
    return new WorksheetProxy(this._ctx, false, () => {
      const s = this._ctx._core.sheetByName(key) ?? this._ctx._core.sheetById(key);
      if (!s) throw new DoubleError(ErrorCodes.itemNotFound, `The requested resource doesn't exist (worksheet '${key}').`);
      return s.id;
    });
  }
  getItemOrNullObject(key: string): WorksheetProxy {
    return new WorksheetProxy(
      this._ctx,
      true,
      () => {
        const s = this._ctx._core.sheetByName(key) ?? this._ctx._core.sheetById(key);
        return s ? s.id : null;
      },
      since('WorksheetCollection.getItemOrNullObject'),
    );
  }
  getActiveWorksheet(): WorksheetProxy {
    return new WorksheetProxy(this._ctx, false, () => {
      const id = this._ctx._core.wb.activeSheetId;
      if (!id) throw new DoubleError(ErrorCodes.itemNotFound, 'no active worksheet');
      return id;
    });
  }
  getCount(): ClientResultProxy<number> {
    return countResult(this._ctx, () => this._ctx._core.wb.sheets.length);
  }
  add(name?: string): WorksheetProxy {
    const core = this._ctx._core;
    let id: string | null = null;
    this._ctx._enqueue(jsonBytes(name ?? ''), (st) => {
      core.changedBy('WorksheetCollection.add', st);
      let n = name;
      if (n === undefined) {
        let i = core.wb.sheets.length + 1;
        while (core.sheetByName(`Sheet${i}`)) i++;
        n = `Sheet${i}`;
      }
      checkSheetName(n);
      if (core.sheetByName(n)) throw new DoubleError(ErrorCodes.itemAlreadyExists, `A worksheet named '${n}' already exists.`);
      id = core.newId('sheet');
      core.wb.sheets.push(newSheet(id, n));
    });
    return new WorksheetProxy(this._ctx, false, () => {
      if (!id) throw new DoubleError(ErrorCodes.invalidObjectPath, 'worksheet not added yet');
      return id;
    });
  }
}

class WorksheetProxy extends ResolvedProxy<string> {
  static readonly SCALARS = ['name', 'id', 'position', 'visibility'];
  readonly _type = 'Worksheet';
  readonly _scalars = WorksheetProxy.SCALARS;
  readonly onChanged: EventHandlersProxy;
  private _notes?: NoteCollectionProxy;
  private _comments?: CommentCollectionProxy;
  constructor(
    ctx: DoubleContext,
    nullable: boolean,
    resolve: () => string | null,
    readonly _version = since('WorksheetCollection.getItem'),
  ) {
    super(ctx, nullable, resolve);
    this.onChanged = new EventHandlersProxy(ctx, () => this._sheet().id, since('Worksheet.onChanged'));
  }
  _exists(): boolean {
    this._ctx._core.require(this._version, 'WorksheetCollection.getItemOrNullObject');
    const id = this._target();
    if (id === null) return false;
    if (!this._ctx._core.sheetById(id)) return this._missing('The worksheet no longer exists.');
    return true;
  }
  _sheet(): SheetModel {
    const id = this._target();
    const s = id === null ? undefined : this._ctx._core.sheetById(id);
    if (!s) throw new DoubleError(ErrorCodes.itemNotFound, 'The worksheet does not exist.');
    return s;
  }
  _read(props: string[]): Record<string, unknown> {
    const s = this._sheet();
    const core = this._ctx._core;
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === 'name') out.name = s.name;
      else if (p === 'id') out.id = s.id;
      else if (p === 'position') out.position = core.wb.sheets.indexOf(s);
      else if (p === 'visibility') out.visibility = s.visibility;
      else throw new DoubleError(ErrorCodes.invalidArgument, `Worksheet has no loadable property '${p}' in this double.`);
    }
    return out;
  }
  set name(v: string) {
    this._set('name', v, since('Worksheet.name'), () => {
      checkSheetName(v);
      const s = this._sheet();
      const other = this._ctx._core.sheetByName(v);
      if (other && other !== s) throw new DoubleError(ErrorCodes.itemAlreadyExists, `A worksheet named '${v}' already exists.`);
      this._ctx._core.renameSheet(s, v);
    });
  }
  get name(): string {
    return this._get('name') as string;
  }
  set visibility(v: string) {
    this._set('visibility', v, since('Worksheet.visibility'), () => {
      if (!['Visible', 'Hidden', 'VeryHidden'].includes(v)) throw new DoubleError(ErrorCodes.invalidArgument, `invalid visibility ${v}`);
      const s = this._sheet();
      const core = this._ctx._core;
      if (v !== 'Visible' && s.visibility === 'Visible' && core.wb.sheets.filter((x) => x.visibility === 'Visible').length === 1) {
        throw new DoubleError(ErrorCodes.invalidOperation, 'A workbook must contain at least one visible worksheet.');
      }
      s.visibility = v as SheetModel['visibility'];
      if (v !== 'Visible' && core.wb.activeSheetId === s.id) activateFirstVisible(core);
    });
  }
  get visibility(): string {
    return this._get('visibility') as string;
  }
  get notes(): NoteCollectionProxy {
    return (this._notes ??= new NoteCollectionProxy(this._ctx, this));
  }
  get comments(): CommentCollectionProxy {
    return (this._comments ??= new CommentCollectionProxy(this._ctx, this));
  }
  get freezePanes(): FreezePanesProxy {
    return new FreezePanesProxy(this._ctx, this);
  }
  get protection(): WorksheetProtectionProxy {
    return new WorksheetProtectionProxy(this._ctx, this);
  }
  get pageLayout(): PageLayoutProxy {
    return new PageLayoutProxy(this._ctx, this);
  }
  getRange(address?: string): RangeProxy {
    return new RangeProxy(this._ctx, false, () => {
      const s = this._sheet();
      if (address === undefined || address === '') return { sheetId: s.id, rect: { r0: 0, c0: 0, r1: MAX_ROWS - 1, c1: MAX_COLS - 1 } };
      return { sheetId: s.id, rect: localRect(this._ctx._core, s, address) };
    }, this);
  }
  getRangeByIndexes(startRow: number, startColumn: number, rowCount: number, columnCount: number): RangeProxy {
    return new RangeProxy(
      this._ctx,
      false,
      () => {
        this._ctx._core.require(since('Worksheet.getRangeByIndexes'), 'Worksheet.getRangeByIndexes');
        if (rowCount < 1 || columnCount < 1 || startRow < 0 || startColumn < 0 || startRow + rowCount > MAX_ROWS || startColumn + columnCount > MAX_COLS) {
          throw new DoubleError(ErrorCodes.invalidArgument, 'getRangeByIndexes: out of bounds');
        }
        return { sheetId: this._sheet().id, rect: { r0: startRow, c0: startColumn, r1: startRow + rowCount - 1, c1: startColumn + columnCount - 1 } };
      },
      this,
    );
  }
  getRanges(address: string): RangeAreasProxy {
    return new RangeAreasProxy(this._ctx, false, () => {
      this._ctx._core.require(since('Worksheet.getRanges'), 'Worksheet.getRanges');
      const s = this._sheet();
      return { sheetId: s.id, rects: splitAddressList(address).map((a) => localRect(this._ctx._core, s, a)) };
    });
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this._ctx, false, () => {
      const s = this._sheet();
      return { sheetId: s.id, rect: this._ctx._core.usedRect(s, !!valuesOnly) ?? { r0: 0, c0: 0, r1: 0, c1: 0 } };
    }, this);
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return new RangeProxy(this._ctx, true, () => {
      this._ctx._core.require(since('Worksheet.getUsedRangeOrNullObject'), 'Worksheet.getUsedRangeOrNullObject');
      if (!this._exists()) return null;
      const s = this._sheet();
      const rect = this._ctx._core.usedRect(s, !!valuesOnly);
      return rect ? { sheetId: s.id, rect } : null;
    }, this);
  }
  getNextOrNullObject(visibleOnly?: boolean): WorksheetProxy {
    return new WorksheetProxy(this._ctx, true, () => {
      this._ctx._core.require(since('Worksheet.getNextOrNullObject'), 'Worksheet.getNextOrNullObject');
      if (!this._exists()) return null;
      const sheets = this._ctx._core.wb.sheets;
      const i = sheets.indexOf(this._sheet());
      const next = sheets.slice(i + 1).find((s) => !visibleOnly || s.visibility === 'Visible');
      return next ? next.id : null;
    });
  }
  activate(): void {
    this._call('activate', null, since('Worksheet.activate'), () => {
      const s = this._sheet();
      if (s.visibility !== 'Visible') throw new DoubleError(ErrorCodes.invalidOperation, `Cannot activate hidden worksheet '${s.name}'.`);
      const core = this._ctx._core;
      if (core.wb.activeSheetId !== s.id) {
        core.wb.activeSheetId = s.id;
        core.wb.selection = { sheetId: s.id, address: 'A1' };
      }
    });
  }
  delete(): void {
    this._call('delete', null, since('Worksheet.delete'), () => {
      const core = this._ctx._core;
      const s = this._sheet();
      if (s.visibility === 'VeryHidden') {
        // By design in Excel: a very hidden sheet must be made hidden or visible before it can be deleted.
        throw new DoubleError('GeneralException', `There was an internal error while processing the request (deleting very hidden worksheet '${s.name}').`);
      }
      if (s.visibility === 'Visible' && core.wb.sheets.filter((x) => x.visibility === 'Visible').length === 1) {
        throw new DoubleError(ErrorCodes.invalidOperation, 'A workbook must contain at least one visible worksheet.');
      }
      core.orphanReferences(s);
      core.wb.sheets = core.wb.sheets.filter((x) => x !== s);
      core.wb.comments = core.wb.comments.filter((c) => c.sheetId !== s.id);
      if (core.wb.activeSheetId === s.id) activateFirstVisible(core);
    });
  }
}
readable(WorksheetProxy, ['id', 'position']);

function activateFirstVisible(core: Core): void {
  const v = core.wb.sheets.find((x) => x.visibility === 'Visible');
  core.wb.activeSheetId = v ? v.id : null;
  core.wb.selection = v ? { sheetId: v.id, address: 'A1' } : null;
}

function localRect(core: Core, sheet: SheetModel, address: string): Rect {
  const { sheet: named, local } = splitSheetAddress(address);
  if (named !== null && core.sheetByName(named) !== sheet) throw new DoubleError(ErrorCodes.invalidArgument, `Address ${address} is not on sheet ${sheet.name}.`);
  try {
    return parseRect(local);
  } catch {
    throw new DoubleError(ErrorCodes.invalidArgument, `The argument is invalid or missing or has an incorrect format (address '${address}').`);
  }
}

class FreezePanesProxy {
  constructor(
    readonly _ctx: DoubleContext,
    readonly _ws: WorksheetProxy,
  ) {}
  private q(name: string, args: unknown, f: (s: SheetModel) => void): void {
    this._ws._call(`freezePanes.${name}`, args, since(`WorksheetFreezePanes.${name}`), () => f(this._ws._sheet()));
  }
  freezeRows(count = 1): void {
    this.q('freezeRows', count, (s) => (s.freeze = { rows: count, cols: 0 }));
  }
  freezeColumns(count = 1): void {
    this.q('freezeColumns', count, (s) => (s.freeze = { rows: 0, cols: count }));
  }
  freezeAt(range: RangeProxy | string): void {
    this.q('freezeAt', typeof range === 'string' ? range : 'range', (s) => {
      const rect = typeof range === 'string' ? localRect(this._ctx._core, s, range) : range._target()!.rect;
      s.freeze = { rows: rect.r1 + 1, cols: rect.c1 + 1 };
    });
  }
  unfreeze(): void {
    this.q('unfreeze', null, (s) => (s.freeze = { rows: 0, cols: 0 }));
  }
}

class WorksheetProtectionProxy extends BaseProxy {
  readonly _type = 'WorksheetProtection';
  readonly _scalars = ['protected'];
  constructor(
    ctx: DoubleContext,
    readonly _ws: WorksheetProxy,
  ) {
    super(ctx, false);
  }
  _exists(): boolean {
    return this._ws._exists();
  }
  _read(props: string[]): Record<string, unknown> {
    const s = this._ws._sheet();
    return Object.fromEntries(props.map((p) => [p, p === 'protected' ? !!s.protected : null]));
  }
  get protected(): boolean {
    return this._get('protected') as boolean;
  }
}

class PageLayoutProxy extends BaseProxy {
  readonly _type = 'PageLayout';
  readonly _scalars = ['orientation'];
  constructor(
    ctx: DoubleContext,
    readonly _ws: WorksheetProxy,
  ) {
    super(ctx, false);
  }
  _exists(): boolean {
    return this._ws._exists();
  }
  _read(props: string[]): Record<string, unknown> {
    const s = this._ws._sheet();
    return Object.fromEntries(props.map((p) => [p, p === 'orientation' ? s.pageLayout.orientation : null]));
  }
  set orientation(v: string) {
    this._set('orientation', v, since('PageLayout.orientation'), () => {
      if (v !== 'Portrait' && v !== 'Landscape') throw new DoubleError(ErrorCodes.invalidArgument, `invalid orientation ${v}`);
      this._ws._sheet().pageLayout.orientation = v;
    });
  }
  get orientation(): string {
    return this._get('orientation') as string;
  }
  setPrintTitleRows(rows: RangeProxy | string): void {
    this._call('setPrintTitleRows', typeof rows === 'string' ? rows : 'range', since('PageLayout.setPrintTitleRows'), () => {
      const s = this._ws._sheet();
      const rect = typeof rows === 'string' ? localRect(this._ctx._core, s, rows) : rows._target()!.rect;
      s.pageLayout.printTitleRows = `$${rect.r0 + 1}:$${rect.r1 + 1}`;
    });
  }
}

// --- Ranges -----------------------------------------------------------------------------------

interface RangeTarget {
  sheetId: string;
  rect: Rect;
}

interface AreasTarget {
  sheetId: string;
  rects: Rect[];
}

function rangeAddress(sheet: SheetModel, rect: Rect): string {
  return `${quoteSheetName(sheet.name)}!${rectA1(rect)}`;
}

class RangeProxy extends ResolvedProxy<RangeTarget> {
  readonly _type = 'Range';
  readonly _scalars = ['address', 'values', 'formulas', 'numberFormat', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount'];
  private _format?: RangeFormatProxy;
  constructor(
    ctx: DoubleContext,
    nullable: boolean,
    resolve: () => RangeTarget | null,
    readonly _ws?: WorksheetProxy,
  ) {
    super(ctx, nullable, resolve);
  }
  _exists(): boolean {
    const t = this._target();
    if (!t) return this._missing('The range does not exist.');
    if (!this._ctx._core.sheetById(t.sheetId)) throw new DoubleError(ErrorCodes.itemNotFound, 'The worksheet of this range no longer exists.');
    return true;
  }
  _sheetRect(): { sheet: SheetModel; rect: Rect } {
    const t = this._target();
    const sheet = t ? this._ctx._core.sheetById(t.sheetId) : undefined;
    if (!t || !sheet) throw new DoubleError(ErrorCodes.itemNotFound, 'The range does not exist.');
    return { sheet, rect: t.rect };
  }
  /** A range derived from this one; null when this one is null. */
  private derive(nullable: boolean, f: (t: RangeTarget) => RangeTarget | null): RangeProxy {
    return new RangeProxy(this._ctx, nullable || this._nullable, () => {
      if (!this._exists()) return null;
      return f(this._target()!);
    });
  }
  _read(props: string[], st: SyncState): Record<string, unknown> {
    const core = this._ctx._core;
    const { sheet, rect } = this._sheetRect();
    const out: Record<string, unknown> = {};
    let cellProps = 0;
    for (const p of props) {
      switch (p) {
        case 'address':
          out.address = rangeAddress(sheet, rect);
          break;
        case 'addressLocal':
          out.addressLocal = rangeAddress(sheet, rect);
          break;
        case 'values':
        case 'formulas':
        case 'numberFormat':
        case 'text':
          if (rectCells(rect) > 5_000_000) throw new DoubleError(ErrorCodes.invalidOperation, 'A range is limited to 5,000,000 cells for read operations.');
          out[p] = core.readMatrix(sheet, rect, p, st);
          cellProps += 1;
          break;
        case 'rowIndex':
          out.rowIndex = rect.r0;
          break;
        case 'columnIndex':
          out.columnIndex = rect.c0;
          break;
        case 'rowCount':
          out.rowCount = rect.r1 - rect.r0 + 1;
          break;
        case 'columnCount':
          out.columnCount = rect.c1 - rect.c0 + 1;
          break;
        case 'cellCount':
          out.cellCount = rectCells(rect);
          break;
        default:
          throw new DoubleError(ErrorCodes.invalidArgument, `Range has no loadable property '${p}' in this double.`);
      }
    }
    if (cellProps) st.cellsLoaded += rectCells(rect);
    return out;
  }
  get format(): RangeFormatProxy {
    return (this._format ??= new RangeFormatProxy(this._ctx, this, () => {
      const { sheet, rect } = this._sheetRect();
      return { sheet, rects: [rect] };
    }));
  }
  get worksheet(): WorksheetProxy {
    return this._ws ?? new WorksheetProxy(this._ctx, false, () => this._sheetRect().sheet.id);
  }
  private write(kind: 'values' | 'formulas' | 'numberFormat', v: unknown): void {
    this._set(kind, v, since(`Range.${kind}`), () => {
      const { sheet, rect } = this._sheetRect();
      // st is not needed for writes; changes are recorded through a tiny shim.
      this._ctx._core.writeMatrix(sheet, rect, v, kind, this._currentState!);
    });
  }
  /** Set by the action runner so writes can record changes. */
  _currentState: SyncState | null = null;
  override _set(prop: string, value: unknown, version: string, apply: () => void): void {
    this._ctx._enqueue(utf8Length(prop) + jsonBytes(value), (st) => {
      this._ctx._core.require(version, `${this._type}.${prop}`);
      if (!this._exists()) return;
      this._ctx._core.changedBy(`${this._type}.${prop}`, st);
      this._currentState = st;
      try {
        apply();
      } finally {
        this._currentState = null;
      }
    });
  }
  set values(v: unknown) {
    this.write('values', v);
  }
  get values(): unknown[][] {
    return this._get('values') as unknown[][];
  }
  set formulas(v: unknown) {
    this.write('formulas', v);
  }
  get formulas(): unknown[][] {
    return this._get('formulas') as unknown[][];
  }
  set numberFormat(v: unknown) {
    this.write('numberFormat', v);
  }
  get numberFormat(): unknown[][] {
    return this._get('numberFormat') as unknown[][];
  }
  getCell(row: number, column: number): RangeProxy {
    return this.derive(false, (t) => {
      const r = t.rect.r0 + row;
      const c = t.rect.c0 + column;
      if (r < 0 || c < 0 || r >= MAX_ROWS || c >= MAX_COLS) throw new DoubleError(ErrorCodes.invalidArgument, 'getCell out of bounds');
      return { sheetId: t.sheetId, rect: { r0: r, c0: c, r1: r, c1: c } };
    });
  }
  getRow(row: number): RangeProxy {
    return this.derive(false, (t) => {
      if (row < 0 || t.rect.r0 + row > t.rect.r1) throw new DoubleError(ErrorCodes.invalidArgument, 'getRow out of range');
      return { sheetId: t.sheetId, rect: { ...t.rect, r0: t.rect.r0 + row, r1: t.rect.r0 + row } };
    });
  }
  getColumn(column: number): RangeProxy {
    return this.derive(false, (t) => {
      if (column < 0 || t.rect.c0 + column > t.rect.c1) throw new DoubleError(ErrorCodes.invalidArgument, 'getColumn out of range');
      return { sheetId: t.sheetId, rect: { ...t.rect, c0: t.rect.c0 + column, c1: t.rect.c0 + column } };
    });
  }
  getOffsetRange(rowOffset: number, columnOffset: number): RangeProxy {
    return this.derive(false, (t) => ({ sheetId: t.sheetId, rect: { r0: t.rect.r0 + rowOffset, r1: t.rect.r1 + rowOffset, c0: t.rect.c0 + columnOffset, c1: t.rect.c1 + columnOffset } }));
  }
  getAbsoluteResizedRange(numRows: number, numColumns: number): RangeProxy {
    return this.derive(false, (t) => {
      this._ctx._core.require(since('Range.getAbsoluteResizedRange'), 'Range.getAbsoluteResizedRange');
      return { sheetId: t.sheetId, rect: { r0: t.rect.r0, c0: t.rect.c0, r1: t.rect.r0 + numRows - 1, c1: t.rect.c0 + numColumns - 1 } };
    });
  }
  getIntersectionOrNullObject(other: RangeProxy | string): RangeProxy {
    return this.derive(true, (t) => {
      this._ctx._core.require(since('Range.getIntersectionOrNullObject'), 'Range.getIntersectionOrNullObject');
      let o: RangeTarget;
      if (typeof other === 'string') {
        const sheet = this._ctx._core.sheetById(t.sheetId)!;
        o = { sheetId: t.sheetId, rect: localRect(this._ctx._core, sheet, other) };
      } else {
        checkSameContext(this._ctx, other);
        if (!other._exists()) return null;
        o = other._target()!;
      }
      if (o.sheetId !== t.sheetId) return null;
      const rect = intersect(t.rect, o.rect);
      return rect ? { sheetId: t.sheetId, rect } : null;
    });
  }
  getUsedRange(valuesOnly?: boolean): RangeProxy {
    return this.derive(false, (t) => {
      const sheet = this._ctx._core.sheetById(t.sheetId)!;
      const used = this._ctx._core.usedRect(sheet, !!valuesOnly);
      const rect = used ? intersect(used, t.rect) : null;
      if (!rect) throw new DoubleError(ErrorCodes.itemNotFound, 'The range has no used cells.');
      return { sheetId: t.sheetId, rect };
    });
  }
  getUsedRangeOrNullObject(valuesOnly?: boolean): RangeProxy {
    return this.derive(true, (t) => {
      this._ctx._core.require(since('Range.getUsedRangeOrNullObject'), 'Range.getUsedRangeOrNullObject');
      const sheet = this._ctx._core.sheetById(t.sheetId)!;
      const used = this._ctx._core.usedRect(sheet, !!valuesOnly);
      const rect = used ? intersect(used, t.rect) : null;
      return rect ? { sheetId: t.sheetId, rect } : null;
    });
  }
  getMergedAreasOrNullObject(): RangeAreasProxy {
    return new RangeAreasProxy(this._ctx, true, () => {
      this._ctx._core.require(since('Range.getMergedAreasOrNullObject'), 'Range.getMergedAreasOrNullObject');
      if (!this._exists()) return null;
      const { sheet, rect } = this._sheetRect();
      // As Excel does: only the areas whose top-left cell is in the range (OfficeDev/office-js#3611),
      // and a refusal above 512 of them (documented on Range.getMergedAreasOrNullObject).
      const rects = sheet.merges.map(parseRect).filter((m) => m.r0 >= rect.r0 && m.r0 <= rect.r1 && m.c0 >= rect.c0 && m.c0 <= rect.c1);
      if (rects.length > MAX_MERGED_AREAS) {
        throw new DoubleError('GeneralException', `The range holds ${rects.length} merged areas; getMergedAreasOrNullObject returns at most ${MAX_MERGED_AREAS}.`);
      }
      return rects.length ? { sheetId: sheet.id, rects } : null;
    });
  }
  getCellProperties(options: Record<string, unknown>): ClientResultProxy<unknown[][]> {
    const r = new ClientResultProxy<unknown[][]>();
    this._ctx._enqueue(jsonBytes(options), (st) => {
      this._ctx._core.require(since('Range.getCellProperties'), 'Range.getCellProperties');
      this._exists();
      const { sheet, rect } = this._sheetRect();
      const out: unknown[][] = [];
      for (let row = rect.r0; row <= rect.r1; row++) {
        const line: unknown[] = [];
        for (let c = rect.c0; c <= rect.c1; c++) line.push(cellProperties(this._ctx._core, sheet, row, c, options));
        out.push(line);
      }
      st.responseBytes += LOAD_RESPONSE_OVERHEAD + jsonBytes(out);
      r._settle(st, out);
    });
    return r;
  }
  copyFrom(source: RangeProxy | string, copyType: string = 'All'): void {
    this._call('copyFrom', [typeof source === 'string' ? source : 'range', copyType], since('Range.copyFrom'), (st) => {
      const core = this._ctx._core;
      let src: { sheet: SheetModel; rect: Rect };
      if (typeof source === 'string') {
        const { sheet: name, local } = splitSheetAddress(source);
        const sheet = name === null ? this._sheetRect().sheet : core.sheetByName(name);
        if (!sheet) throw new DoubleError(ErrorCodes.itemNotFound, `copyFrom: no sheet for ${source}`);
        src = { sheet, rect: parseRect(local) };
      } else {
        checkSameContext(this._ctx, source);
        source._exists();
        src = source._sheetRect();
      }
      const dst = this._sheetRect();
      const rows = src.rect.r1 - src.rect.r0;
      const cols = src.rect.c1 - src.rect.c0;
      const dRect = { r0: dst.rect.r0, c0: dst.rect.c0, r1: dst.rect.r0 + rows, c1: dst.rect.c0 + cols };
      const formats = copyType === 'All' || copyType === 'Formats';
      const values = copyType === 'All' || copyType === 'Values' || copyType === 'Formulas';
      // Snapshot the source first: source and destination may overlap.
      const cells: { fmt?: FormatModel; v: CellScalar | ''; f?: string }[][] = [];
      for (let i = 0; i <= rows; i++) {
        const line = [];
        for (let j = 0; j <= cols; j++) {
          const cell = src.sheet.cells[cellKey(src.rect.r0 + i, src.rect.c0 + j)];
          line.push({ fmt: cell?.fmt ? (JSON.parse(JSON.stringify(cell.fmt)) as FormatModel) : undefined, v: core.displayValue(src.sheet, src.rect.r0 + i, src.rect.c0 + j, st), f: copyType !== 'Values' ? cell?.f : undefined });
        }
        cells.push(line);
      }
      const srcMerges: Rect[] = [];
      if (rectCells(src.rect) <= 4096) {
        const seen = new Set<Rect>();
        core.forEachCell([src.rect], (r, c) => {
          const m = core.mergeAt(src.sheet, r, c);
          if (m && !seen.has(m) && contains(src.rect, m)) {
            seen.add(m);
            srcMerges.push(m);
          }
        });
      } else srcMerges.push(...src.sheet.merges.map(parseRect).filter((m) => contains(src.rect, m)));
      for (let i = 0; i <= rows; i++) {
        for (let j = 0; j <= cols; j++) {
          const r = dRect.r0 + i;
          const c = dRect.c0 + j;
          const s = cells[i][j];
          if (formats) core.updateFmt(dst.sheet, r, c, (fmt) => {
            for (const k of Object.keys(fmt) as (keyof FormatModel)[]) delete fmt[k];
            Object.assign(fmt, s.fmt ?? {});
          });
          if (values) {
            core.touch(dst.sheet);
            const key = cellKey(r, c);
            const cell: CellModel = { ...(dst.sheet.cells[key] ?? {}) };
            delete cell.v;
            delete cell.f;
            if (s.f && copyType !== 'Values') cell.f = s.f;
            else if (s.v !== '') cell.v = s.v;
            if (cell.v === undefined && cell.f === undefined && !cell.fmt) delete dst.sheet.cells[key];
            else dst.sheet.cells[key] = cell;
          }
        }
      }
      if (formats) {
        core.unmergeIn(dst.sheet, dRect);
        for (const m of srcMerges) {
          core.addMerge(dst.sheet, { r0: m.r0 - src.rect.r0 + dRect.r0, c0: m.c0 - src.rect.c0 + dRect.c0, r1: m.r1 - src.rect.r0 + dRect.r0, c1: m.c1 - src.rect.c0 + dRect.c0 });
        }
      }
      if (values) st.changes.push({ sheetId: dst.sheet.id, rect: dRect });
    });
  }
  merge(across = false): void {
    this._call('merge', across, since('Range.merge'), () => {
      const { sheet, rect } = this._sheetRect();
      const areas: Rect[] = across ? Array.from({ length: rect.r1 - rect.r0 + 1 }, (_, i) => ({ r0: rect.r0 + i, r1: rect.r0 + i, c0: rect.c0, c1: rect.c1 })) : [rect];
      for (const a of areas) {
        if (rectCells(a) === 1) continue;
        this._ctx._core.unmergeIn(sheet, a);
        // Merging keeps only the upper-left value.
        this._ctx._core.touch(sheet);
        for (let r = a.r0; r <= a.r1; r++) {
          for (let c = a.c0; c <= a.c1; c++) {
            if (r === a.r0 && c === a.c0) continue;
            const cell = sheet.cells[cellKey(r, c)];
            if (cell) {
              delete cell.v;
              delete cell.f;
              if (!cell.fmt) delete sheet.cells[cellKey(r, c)];
            }
          }
        }
        this._ctx._core.addMerge(sheet, a);
      }
    });
  }
  unmerge(): void {
    this._call('unmerge', null, since('Range.unmerge'), () => {
      const { sheet, rect } = this._sheetRect();
      this._ctx._core.unmergeIn(sheet, rect);
    });
  }
  select(): void {
    this._call('select', null, since('Range.select'), () => {
      const { sheet, rect } = this._sheetRect();
      selectIn(this._ctx._core, sheet, [rect]);
    });
  }
  clear(applyTo: string = 'All'): void {
    this._call('clear', applyTo, since('Range.clear'), (st) => {
      const { sheet, rect } = this._sheetRect();
      const core = this._ctx._core;
      const used = core.usedRect(sheet, false);
      const area = used ? intersect(rect, used) : null;
      core.touch(sheet);
      if (area) {
        core.forEachCell([area], (r, c) => {
          const key = cellKey(r, c);
          const cell = sheet.cells[key];
          if (!cell) return;
          if (applyTo === 'All' || applyTo === 'Contents') {
            delete cell.v;
            delete cell.f;
          }
          if (applyTo === 'All' || applyTo === 'Formats') delete cell.fmt;
          if (cell.v === undefined && cell.f === undefined && !cell.fmt) delete sheet.cells[key];
        });
        if (applyTo === 'All' || applyTo === 'Contents') st.changes.push({ sheetId: sheet.id, rect: area });
      }
      if (applyTo === 'All' || applyTo === 'Formats') sheet.merges = sheet.merges.filter((m) => !contains(rect, parseRect(m)));
    });
  }
}
readable(RangeProxy, ['address', 'addressLocal', 'text', 'rowIndex', 'columnIndex', 'rowCount', 'columnCount', 'cellCount']);

function checkSameContext(ctx: DoubleContext, other: BaseProxy): void {
  if (other._ctx !== ctx) throw new DoubleError(ErrorCodes.invalidRequestContext, 'Cannot use the object across different request contexts.');
}

function selectIn(core: Core, sheet: SheetModel, rects: Rect[]): void {
  if (sheet.visibility !== 'Visible') throw new DoubleError(ErrorCodes.invalidOperation, `Cannot select a range on hidden worksheet '${sheet.name}'.`);
  core.wb.activeSheetId = sheet.id;
  core.wb.selection = { sheetId: sheet.id, address: rects.map(rectA1).join(',') };
}

function fillView(f: FillModel | null | undefined): FillModel & { pattern: string } {
  if (!f) return { color: '#FFFFFF', pattern: 'None', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
  return f;
}

function cellProperties(core: Core, sheet: SheetModel, r: number, c: number, options: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const fmt = core.fmtOf(sheet, r, c);
  if (options.address) out.address = rangeAddress(sheet, { r0: r, c0: c, r1: r, c1: c });
  const fo = options.format as Record<string, unknown> | undefined;
  if (fo) {
    const f: Record<string, unknown> = {};
    const fill = fo.fill as Record<string, boolean> | undefined;
    if (fill) {
      const v = fillView(fmt.fill);
      const o: Record<string, unknown> = {};
      for (const k of ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'] as const) if (fill[k]) o[k] = v[k];
      f.fill = o;
    }
    const font = fo.font as Record<string, boolean> | undefined;
    if (font) {
      const o: Record<string, unknown> = {};
      if (font.bold) o.bold = fmt.bold ?? false;
      if (font.italic) o.italic = fmt.italic ?? false;
      if (font.size) o.size = fmt.fontSize ?? 11;
      if (font.color) o.color = fmt.fontColor ?? '#000000';
      if (font.name) o.name = fmt.fontName ?? 'Calibri';
      f.font = o;
    }
    if (fo.horizontalAlignment) f.horizontalAlignment = fmt.horizontalAlignment ?? 'General';
    if (fo.verticalAlignment) f.verticalAlignment = fmt.verticalAlignment ?? 'Bottom';
    if (fo.wrapText) f.wrapText = fmt.wrapText ?? false;
    out.format = f;
  }
  return out;
}

class RangeAreasProxy extends ResolvedProxy<AreasTarget> {
  readonly _type = 'RangeAreas';
  readonly _scalars = ['address', 'areaCount', 'cellCount'];
  private _format?: RangeFormatProxy;
  _exists(): boolean {
    return this._target() ? true : this._missing('The range areas do not exist.');
  }
  _sheetRects(): { sheet: SheetModel; rects: Rect[] } {
    const t = this._target();
    const sheet = t ? this._ctx._core.sheetById(t.sheetId) : undefined;
    if (!t || !sheet) throw new DoubleError(ErrorCodes.itemNotFound, 'The range areas do not exist.');
    return { sheet, rects: t.rects };
  }
  _read(props: string[]): Record<string, unknown> {
    const { sheet, rects } = this._sheetRects();
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === 'address') out.address = rects.map((r) => rangeAddress(sheet, r)).join(',');
      else if (p === 'areaCount') out.areaCount = rects.length;
      else if (p === 'cellCount') out.cellCount = rects.reduce((s, r) => s + rectCells(r), 0);
      else throw new DoubleError(ErrorCodes.invalidArgument, `RangeAreas has no loadable property '${p}' in this double.`);
    }
    return out;
  }
  get format(): RangeFormatProxy {
    return (this._format ??= new RangeFormatProxy(this._ctx, this, () => this._sheetRects()));
  }
  select(): void {
    this._call('select', null, since('RangeAreas.select'), () => {
      const { sheet, rects } = this._sheetRects();
      selectIn(this._ctx._core, sheet, rects);
    });
  }
}
readable(RangeAreasProxy, ['address', 'areaCount', 'cellCount']);

// --- Formats ----------------------------------------------------------------------------------

type FormatTargets = () => { sheet: SheetModel; rects: Rect[] };

/** Reads a property over every cell: the common value, or null when the cells differ. */
function uniform<T>(core: Core, t: { sheet: SheetModel; rects: Rect[] }, f: (fmt: FormatModel, r: number, c: number) => T): T | null {
  let first = true;
  let value: T | null = null;
  let same = true;
  core.forEachCell(t.rects, (r, c) => {
    if (!same) return;
    const v = f(core.fmtOf(t.sheet, r, c), r, c);
    if (first) {
      value = v;
      first = false;
    } else if (JSON.stringify(v) !== JSON.stringify(value)) same = false;
  });
  return same ? value : null;
}

class RangeFormatProxy extends BaseProxy {
  readonly _type = 'RangeFormat';
  readonly _scalars = ['horizontalAlignment', 'verticalAlignment', 'wrapText', 'columnWidth'];
  readonly fill: RangeFillProxy;
  readonly font: RangeFontProxy;
  readonly borders: RangeBorderCollectionProxy;
  constructor(
    ctx: DoubleContext,
    readonly _owner: BaseProxy,
    readonly _targets: FormatTargets,
  ) {
    super(ctx, false);
    this.fill = new RangeFillProxy(ctx, this);
    this.font = new RangeFontProxy(ctx, this);
    this.borders = new RangeBorderCollectionProxy(ctx, this);
  }
  _exists(): boolean {
    return this._owner._exists();
  }
  _read(props: string[]): Record<string, unknown> {
    const core = this._ctx._core;
    const t = this._targets();
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === 'horizontalAlignment') out[p] = uniform(core, t, (f) => f.horizontalAlignment ?? 'General');
      else if (p === 'verticalAlignment') out[p] = uniform(core, t, (f) => f.verticalAlignment ?? 'Bottom');
      else if (p === 'wrapText') out[p] = uniform(core, t, (f) => f.wrapText ?? false);
      else if (p === 'columnWidth') out[p] = uniform(core, t, (_f, _r, c) => t.sheet.columnWidths[String(c)] ?? DEFAULT_COLUMN_WIDTH);
      else throw new DoubleError(ErrorCodes.invalidArgument, `RangeFormat has no loadable property '${p}' in this double.`);
    }
    return out;
  }
  _apply(prop: string, value: unknown, version: string, f: (fmt: FormatModel) => void): void {
    this._set(prop, value, version, () => {
      const t = this._targets();
      this._ctx._core.forEachCell(t.rects, (r, c) => this._ctx._core.updateFmt(t.sheet, r, c, f));
    });
  }
  set horizontalAlignment(v: string) {
    this._apply('horizontalAlignment', v, since('RangeFormat.horizontalAlignment'), (f) => {
      if (!H_ALIGN.includes(v)) throw new DoubleError(ErrorCodes.invalidArgument, `invalid horizontalAlignment ${v}`);
      f.horizontalAlignment = v === 'General' ? undefined : v;
    });
  }
  get horizontalAlignment(): string {
    return this._get('horizontalAlignment') as string;
  }
  set verticalAlignment(v: string) {
    this._apply('verticalAlignment', v, since('RangeFormat.verticalAlignment'), (f) => {
      if (!V_ALIGN.includes(v)) throw new DoubleError(ErrorCodes.invalidArgument, `invalid verticalAlignment ${v}`);
      f.verticalAlignment = v === 'Bottom' ? undefined : v;
    });
  }
  get verticalAlignment(): string {
    return this._get('verticalAlignment') as string;
  }
  set wrapText(v: boolean) {
    this._apply('wrapText', v, since('RangeFormat.wrapText'), (f) => (f.wrapText = v ? true : undefined));
  }
  get wrapText(): boolean {
    return this._get('wrapText') as boolean;
  }
  set columnWidth(v: number) {
    this._set('columnWidth', v, since('RangeFormat.columnWidth'), () => {
      if (typeof v !== 'number' || !(v >= 0)) throw new DoubleError(ErrorCodes.invalidArgument, `invalid columnWidth ${v}`);
      const t = this._targets();
      for (const rect of t.rects) for (let c = rect.c0; c <= rect.c1; c++) t.sheet.columnWidths[String(c)] = v;
    });
  }
  get columnWidth(): number {
    return this._get('columnWidth') as number;
  }
}

/** A part of a range's format (fill, font, a border): it exists while the range does. */
abstract class FormatPartProxy extends BaseProxy {
  constructor(
    ctx: DoubleContext,
    readonly _format: RangeFormatProxy,
  ) {
    super(ctx, false);
  }
  _exists(): boolean {
    return this._format._exists();
  }
}

class RangeFillProxy extends FormatPartProxy {
  readonly _type = 'RangeFill';
  readonly _scalars = ['color', 'pattern', 'patternColor', 'tintAndShade', 'patternTintAndShade'];
  override _propVersion(p: string): string {
    return since(`RangeFill.${p}`);
  }
  _read(props: string[]): Record<string, unknown> {
    const core = this._ctx._core;
    const t = this._format._targets();
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (!this._scalars.includes(p)) throw new DoubleError(ErrorCodes.invalidArgument, `RangeFill has no property '${p}'.`);
      out[p] = uniform(core, t, (f) => fillView(f.fill)[p as keyof FillModel]);
    }
    return out;
  }
  private each(prop: string, value: unknown, f: (fill: FillModel | null) => FillModel | null): void {
    this._format._apply(prop, value, this._propVersion(prop), (fmt) => {
      const next = f(fmt.fill ? { ...fmt.fill } : null);
      fmt.fill = next ?? undefined;
    });
  }
  set color(v: string) {
    this.each('color', v, (fill) => {
      const color = normColor(v);
      return fill ? { ...fill, color } : { color, pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
    });
  }
  get color(): string {
    return this._get('color') as string;
  }
  set pattern(v: string) {
    this.each('pattern', v, (fill) => {
      if (!FILL_PATTERNS.includes(v)) throw new DoubleError(ErrorCodes.invalidArgument, `invalid or unsupported fill pattern ${v}`);
      if (v === 'None') return null;
      return fill ? { ...fill, pattern: v } : { color: '#FFFFFF', pattern: v, patternColor: null, tintAndShade: 0, patternTintAndShade: 0 };
    });
  }
  get pattern(): string {
    return this._get('pattern') as string;
  }
  set patternColor(v: string) {
    this.each('patternColor', v, (fill) => (fill ? { ...fill, patternColor: normColor(v) } : fill));
  }
  get patternColor(): string {
    return this._get('patternColor') as string;
  }
  set tintAndShade(v: number) {
    this.each('tintAndShade', v, (fill) => {
      if (typeof v !== 'number' || v < -1 || v > 1) throw new DoubleError(ErrorCodes.invalidArgument, `invalid tintAndShade ${v}`);
      return fill ? { ...fill, tintAndShade: v } : fill;
    });
  }
  get tintAndShade(): number {
    return this._get('tintAndShade') as number;
  }
  set patternTintAndShade(v: number) {
    this.each('patternTintAndShade', v, (fill) => {
      if (typeof v !== 'number' || v < -1 || v > 1) throw new DoubleError(ErrorCodes.invalidArgument, `invalid patternTintAndShade ${v}`);
      return fill ? { ...fill, patternTintAndShade: v } : fill;
    });
  }
  get patternTintAndShade(): number {
    return this._get('patternTintAndShade') as number;
  }
  clear(): void {
    this._format._apply('fill.clear', null, since('RangeFill.clear'), (fmt) => {
      fmt.fill = undefined;
    });
  }
}

class RangeFontProxy extends FormatPartProxy {
  readonly _type = 'RangeFont';
  readonly _scalars = ['bold', 'italic', 'size', 'color', 'name'];
  _read(props: string[]): Record<string, unknown> {
    const core = this._ctx._core;
    const t = this._format._targets();
    const out: Record<string, unknown> = {};
    for (const p of props) {
      if (p === 'bold') out[p] = uniform(core, t, (f) => f.bold ?? false);
      else if (p === 'italic') out[p] = uniform(core, t, (f) => f.italic ?? false);
      else if (p === 'size') out[p] = uniform(core, t, (f) => f.fontSize ?? 11);
      else if (p === 'color') out[p] = uniform(core, t, (f) => f.fontColor ?? '#000000');
      else if (p === 'name') out[p] = uniform(core, t, (f) => f.fontName ?? 'Calibri');
      else throw new DoubleError(ErrorCodes.invalidArgument, `RangeFont has no property '${p}'.`);
    }
    return out;
  }
  set bold(v: boolean) {
    this._format._apply('font.bold', v, since('RangeFont.bold'), (f) => (f.bold = v ? true : undefined));
  }
  get bold(): boolean {
    return this._get('bold') as boolean;
  }
  set italic(v: boolean) {
    this._format._apply('font.italic', v, since('RangeFont.italic'), (f) => (f.italic = v ? true : undefined));
  }
  get italic(): boolean {
    return this._get('italic') as boolean;
  }
  set size(v: number) {
    this._format._apply('font.size', v, since('RangeFont.size'), (f) => (f.fontSize = v === 11 ? undefined : v));
  }
  get size(): number {
    return this._get('size') as number;
  }
  set color(v: string) {
    this._format._apply('font.color', v, since('RangeFont.color'), (f) => {
      const c = normColor(v);
      f.fontColor = c === '#000000' ? undefined : c;
    });
  }
  get color(): string {
    return this._get('color') as string;
  }
  set name(v: string) {
    this._format._apply('font.name', v, since('RangeFont.name'), (f) => (f.fontName = v === 'Calibri' ? undefined : v));
  }
  get name(): string {
    return this._get('name') as string;
  }
}

class RangeBorderCollectionProxy {
  constructor(
    readonly _ctx: DoubleContext,
    readonly _format: RangeFormatProxy,
  ) {}
  getItem(side: string): RangeBorderProxy {
    if (!BORDER_SIDES.includes(side as BorderSide)) throw new DoubleError(ErrorCodes.invalidArgument, `invalid border index ${side}`);
    return new RangeBorderProxy(this._ctx, this._format, side as BorderSide);
  }
}

class RangeBorderProxy extends FormatPartProxy {
  readonly _type = 'RangeBorder';
  readonly _scalars = ['style', 'color', 'weight'];
  constructor(
    ctx: DoubleContext,
    format: RangeFormatProxy,
    readonly _side: BorderSide,
  ) {
    super(ctx, format);
  }
  /** The cells and the per-cell side a range-level border index maps to. */
  private cells(t: { rects: Rect[] }): { r: number; c: number; side: BorderSide }[] {
    const out: { r: number; c: number; side: BorderSide }[] = [];
    for (const rect of t.rects) {
      for (let r = rect.r0; r <= rect.r1; r++) {
        for (let c = rect.c0; c <= rect.c1; c++) {
          const s = this._side;
          if (s === 'EdgeTop' && r === rect.r0) out.push({ r, c, side: s });
          else if (s === 'EdgeBottom' && r === rect.r1) out.push({ r, c, side: s });
          else if (s === 'EdgeLeft' && c === rect.c0) out.push({ r, c, side: s });
          else if (s === 'EdgeRight' && c === rect.c1) out.push({ r, c, side: s });
          else if (s === 'InsideHorizontal' && r < rect.r1) out.push({ r, c, side: 'EdgeBottom' });
          else if (s === 'InsideVertical' && c < rect.c1) out.push({ r, c, side: 'EdgeRight' });
          else if (s === 'DiagonalDown' || s === 'DiagonalUp') out.push({ r, c, side: s });
        }
      }
    }
    return out;
  }
  _read(props: string[]): Record<string, unknown> {
    const core = this._ctx._core;
    const t = this._format._targets();
    const list = this.cells(t);
    const out: Record<string, unknown> = {};
    for (const p of props) {
      const vals = list.map(({ r, c, side }) => {
        const b = core.fmtOf(t.sheet, r, c).borders?.[side];
        return p === 'style' ? (b?.style ?? 'None') : p === 'color' ? (b?.color ?? '#000000') : (b?.weight ?? 'Thin');
      });
      out[p] = vals.length && vals.every((v) => v === vals[0]) ? vals[0] : null;
    }
    return out;
  }
  private apply(prop: keyof BorderModel, v: string): void {
    this._set(prop, v, since(`RangeBorder.${prop}`), () => {
      if (prop === 'style' && !BORDER_STYLES.includes(v)) throw new DoubleError(ErrorCodes.invalidArgument, `invalid border style ${v}`);
      const core = this._ctx._core;
      const t = this._format._targets();
      for (const { r, c, side } of this.cells(t)) {
        core.updateFmt(t.sheet, r, c, (f) => {
          const borders = { ...(f.borders ?? {}) };
          const cur: BorderModel = borders[side] ?? { style: 'None', color: '#000000', weight: 'Thin' };
          const next = { ...cur, [prop]: prop === 'color' ? normColor(v) : v };
          if (next.style === 'None') delete borders[side];
          else borders[side] = next;
          f.borders = Object.keys(borders).length ? borders : undefined;
        });
      }
    });
  }
  set style(v: string) {
    this.apply('style', v);
  }
  get style(): string {
    return this._get('style') as string;
  }
  set color(v: string) {
    this.apply('color', v);
  }
  get color(): string {
    return this._get('color') as string;
  }
  set weight(v: string) {
    this.apply('weight', v);
  }
  get weight(): string {
    return this._get('weight') as string;
  }
}

// --- Notes and comments -----------------------------------------------------------------------

/** Resolves a cell argument (Range proxy or address string) to one cell; merged top-left allowed. */
function oneCell(core: Core, ctx: DoubleContext, cell: RangeProxy | string, scope: WorksheetProxy | null, requireSheet: boolean): { sheet: SheetModel; r: number; c: number } {
  let sheet: SheetModel | undefined;
  let rect: Rect;
  if (typeof cell === 'string') {
    const { sheet: name, local } = splitSheetAddress(cell);
    if (name === null && (requireSheet || !scope)) throw new DoubleError(ErrorCodes.invalidArgument, `The address '${cell}' must include the sheet name.`);
    sheet = name !== null ? core.sheetByName(name) : scope!._sheet();
    if (!sheet) throw new DoubleError(ErrorCodes.itemNotFound, `No sheet for '${cell}'.`);
    rect = parseRect(local);
  } else {
    checkSameContext(ctx, cell);
    cell._exists();
    const sr = cell._sheetRect();
    sheet = sr.sheet;
    rect = sr.rect;
  }
  if (rectCells(rect) !== 1) {
    const m = core.mergeAt(sheet, rect.r0, rect.c0);
    if (!m || m.r0 !== rect.r0 || m.c0 !== rect.c0 || m.r1 !== rect.r1 || m.c1 !== rect.c1) throw new DoubleError(ErrorCodes.invalidArgument, 'InvalidCellAddress: the range is not a single cell.');
  }
  if (scope && scope._sheet() !== sheet) throw new DoubleError(ErrorCodes.invalidArgument, 'The cell is not on this worksheet.');
  return { sheet, r: rect.r0, c: rect.c0 };
}

/** The cell an annotation is on: its sheet and "row,col" key. */
interface CellSpot {
  sheetId: string;
  key: string;
}

/**
 * Notes (ExcelApi 1.18, kept on each sheet by cell) and comments (1.10, one workbook list by id): one
 * collection API over two stores. A subclass names its type and version and lists, finds, stores and
 * proxies its annotations; `H` is the handle an item proxy resolves to.
 */
abstract class AnnotationCollectionProxy<H, P extends AnnotationProxy<H>> extends ItemsCollectionProxy<P> {
  abstract readonly _version: string;
  /** What `load()` loads on each item by default. */
  abstract readonly _itemScalars: string[];
  /** Whether an address passed to `add` must name its sheet. */
  abstract readonly _addNeedsSheet: boolean;
  /** The annotation as the "cell already has …" error names it. */
  abstract readonly _one: string;
  constructor(
    ctx: DoubleContext,
    readonly _scope: WorksheetProxy | null,
  ) {
    super(ctx);
  }
  /** The annotations in scope, in order. */
  abstract _list(): H[];
  /** The annotation on a cell, or null. */
  abstract _find(sheet: SheetModel, key: string): H | null;
  /** Stores a new annotation on a cell that has none. */
  abstract _store(sheet: SheetModel, key: string, content: string): H;
  /** What of the other kind is on the cell ('a note' / 'a comment thread'), or null. */
  _other(sheet: SheetModel, key: string): string | null {
    if (this._type === 'NoteCollection') return this._ctx._core.wb.comments.some((x) => x.sheetId === sheet.id && x.cell === key) ? 'a comment thread' : null;
    return sheet.notes[key] ? 'a note' : null;
  }
  abstract _proxy(nullable: boolean, resolve: () => H | null): P;
  override load(arg?: LoadArg): this {
    const props = parseLoad(arg);
    const picked = itemProps(props);
    const list = picked.length ? picked : this._itemScalars;
    this._ctx._enqueue(utf8Length(props.join(',')), (st) => {
      this._ctx._core.require(this._version, `${this._type}.load`);
      const rows = this._list().map((h) => {
        const p = this._proxy(false, () => h);
        return { p, data: p._read(list) };
      });
      this._loadItems(st, rows, list);
    });
    return this;
  }
  add(cellAddress: RangeProxy | string, content: string): P {
    const core = this._ctx._core;
    let made: H | null = null;
    this._ctx._enqueue(jsonBytes(content) + 40, (st) => {
      core.require(this._version, `${this._type}.add`);
      core.changedBy(`${this._type}.add`, st);
      const { sheet, r, c } = oneCell(core, this._ctx, cellAddress, this._scope, this._addNeedsSheet);
      const key = cellKey(r, c);
      if (this._find(sheet, key) !== null) throw new DoubleError(ErrorCodes.invalidOperation, `The cell ${sheet.name}!${cellA1(r, c)} already has ${this._one}.`);
      // A cell holds a note or a comment thread, never both (in Excel, whichever API version can see it).
      const other = this._other(sheet, key);
      if (other) throw new DoubleError(ErrorCodes.invalidOperation, `The cell ${sheet.name}!${cellA1(r, c)} already has ${other}.`);
      core.checkUnprotected(sheet);
      made = this._store(sheet, key, String(content));
    });
    return this._proxy(false, () => made);
  }
  getCount(): ClientResultProxy<number> {
    return countResult(this._ctx, () => {
      this._ctx._core.require(this._version, `${this._type}.getCount`);
      return this._list().length;
    });
  }
}

/** A note or a comment; the subclass finds it, reads, locates and removes it. */
abstract class AnnotationProxy<H> extends ResolvedProxy<H> {
  abstract readonly _version: string;
  /** 'note' or 'comment', for errors. */
  abstract readonly _noun: string;
  /** Whether the annotation exists. */
  abstract _found(): boolean;
  /** The annotation's cell (called once it is known to exist). */
  abstract _cell(): CellSpot;
  abstract _remove(): void;
  abstract override _read(props: string[]): Record<string, unknown>;
  override _propVersion(): string {
    return this._version;
  }
  _exists(): boolean {
    return this._found() ? true : this._missing(`The ${this._noun} does not exist.`);
  }
  delete(): void {
    this._call('delete', null, this._version, () => this._remove());
  }
  getLocation(): RangeProxy {
    return new RangeProxy(this._ctx, false, () => {
      this._exists();
      const { sheetId, key } = this._cell();
      const { r, c } = parseKey(key);
      return { sheetId, rect: { r0: r, c0: c, r1: r, c1: c } };
    });
  }
}

class NoteCollectionProxy extends AnnotationCollectionProxy<CellSpot, NoteProxy> {
  readonly _type = 'NoteCollection';
  readonly _version = since('NoteCollection');
  readonly _itemScalars = NoteProxy.SCALARS;
  readonly _addNeedsSheet = false;
  readonly _one = 'a note';
  _list(): CellSpot[] {
    const sheets = this._scope ? [this._scope._sheet()] : this._ctx._core.wb.sheets;
    return sheets.flatMap((s) => Object.keys(s.notes).map((key) => ({ sheetId: s.id, key })));
  }
  _find(sheet: SheetModel, key: string): CellSpot | null {
    return sheet.notes[key] ? { sheetId: sheet.id, key } : null;
  }
  _store(sheet: SheetModel, key: string, content: string): CellSpot {
    sheet.notes[key] = { content, author: this._ctx._core.author };
    return { sheetId: sheet.id, key };
  }
  _proxy(nullable: boolean, resolve: () => CellSpot | null): NoteProxy {
    return new NoteProxy(this._ctx, nullable, resolve);
  }
  getItemOrNullObject(key: string): NoteProxy {
    return this._proxy(true, () => {
      this._ctx._core.require(since('NoteCollection.getItemOrNullObject'), 'NoteCollection.getItemOrNullObject');
      const core = this._ctx._core;
      const { sheet: name, local } = splitSheetAddress(key);
      const sheet = name !== null ? core.sheetByName(name) : this._scope?._sheet();
      if (!sheet) return null;
      const { r0, c0 } = parseRect(local);
      return this._find(sheet, cellKey(r0, c0));
    });
  }
}

class NoteProxy extends AnnotationProxy<CellSpot> {
  static readonly SCALARS = ['content', 'authorName'];
  readonly _type = 'Note';
  readonly _scalars = NoteProxy.SCALARS;
  readonly _version = since('Note');
  readonly _noun = 'note';
  _found(): boolean {
    const t = this._target();
    return !!(t && this._ctx._core.sheetById(t.sheetId)?.notes[t.key]);
  }
  private note() {
    const t = this._target()!;
    const sheet = this._ctx._core.sheetById(t.sheetId)!;
    return { sheet, key: t.key, note: sheet.notes[t.key] };
  }
  _read(props: string[]): Record<string, unknown> {
    const { note } = this.note();
    return Object.fromEntries(props.map((p) => [p, p === 'content' ? note.content : p === 'authorName' ? note.author : null]));
  }
  get content(): string {
    return this._get('content') as string;
  }
  set content(v: string) {
    this._set('content', v, since('Note.content'), () => (this.note().note.content = v));
  }
  _cell(): CellSpot {
    const { sheet, key } = this.note();
    return { sheetId: sheet.id, key };
  }
  _remove(): void {
    const { sheet, key } = this.note();
    delete sheet.notes[key];
  }
}
readable(NoteProxy, ['authorName']);

class CommentCollectionProxy extends AnnotationCollectionProxy<string, CommentProxy> {
  readonly _type = 'CommentCollection';
  readonly _version = since('CommentCollection');
  readonly _itemScalars = CommentProxy.SCALARS;
  readonly _addNeedsSheet = true;
  readonly _one = 'a comment thread';
  _list(): string[] {
    const sheetId = this._scope ? this._scope._sheet().id : null;
    return this._ctx._core.wb.comments.filter((c) => sheetId === null || c.sheetId === sheetId).map((c) => c.id);
  }
  _find(sheet: SheetModel, key: string): string | null {
    return this._ctx._core.wb.comments.find((x) => x.sheetId === sheet.id && x.cell === key)?.id ?? null;
  }
  _store(sheet: SheetModel, key: string, content: string): string {
    const core = this._ctx._core;
    const id = core.newId('comment');
    core.wb.comments.push({ id, sheetId: sheet.id, cell: key, content, author: core.author });
    return id;
  }
  _proxy(nullable: boolean, resolve: () => string | null): CommentProxy {
    return new CommentProxy(this._ctx, nullable, resolve);
  }
  getItem(commentId: string): CommentProxy {
    return this._proxy(false, () => commentId);
  }
  getItemByCell(cellAddress: RangeProxy | string): CommentProxy {
    return this._proxy(false, () => {
      const core = this._ctx._core;
      const { sheet, r, c } = oneCell(core, this._ctx, cellAddress, this._scope, true);
      const id = this._find(sheet, cellKey(r, c));
      if (id === null) throw new DoubleError(ErrorCodes.itemNotFound, 'The cell has no comment.');
      return id;
    });
  }
}

class CommentProxy extends AnnotationProxy<string> {
  static readonly SCALARS = ['id', 'content', 'authorName'];
  readonly _type = 'Comment';
  readonly _scalars = CommentProxy.SCALARS;
  readonly _version = since('Comment');
  readonly _noun = 'comment';
  private cm() {
    const id = this._target();
    return id === null ? undefined : this._ctx._core.wb.comments.find((c) => c.id === id);
  }
  _found(): boolean {
    return !!this.cm();
  }
  _cell(): CellSpot {
    const cm = this.cm()!;
    return { key: cm.cell, sheetId: cm.sheetId };
  }
  override _exists(): boolean {
    this._ctx._core.require(since('Comment'), 'Comment');
    return super._exists();
  }
  _read(props: string[]): Record<string, unknown> {
    const cm = this.cm()!;
    return Object.fromEntries(props.map((p) => [p, p === 'id' ? cm.id : p === 'content' ? cm.content : p === 'authorName' ? cm.author : null]));
  }
  get content(): string {
    return this._get('content') as string;
  }
  _remove(): void {
    const cm = this.cm()!;
    const core = this._ctx._core;
    core.wb.comments = core.wb.comments.filter((c) => c !== cm);
  }
}
readable(CommentProxy, ['id', 'authorName']);

// --- Custom document properties ---------------------------------------------------------------

class CustomPropertyCollectionProxy {
  constructor(readonly _ctx: DoubleContext) {}
  private props(): Record<string, string | number | boolean> {
    const wb = this._ctx._core.wb;
    return (wb.customProperties ??= {});
  }
  add(key: string, value: string | number | boolean): CustomPropertyProxy {
    this._ctx._enqueue(jsonBytes([key, value]), () => {
      this._ctx._core.require(since('CustomPropertyCollection.add'), 'CustomPropertyCollection.add');
      if (!key || key.length > 255) throw new DoubleError(ErrorCodes.invalidArgument, 'invalid custom property key');
      const existing = Object.keys(this.props()).find((k) => k.toLowerCase() === key.toLowerCase());
      if (existing) delete this.props()[existing];
      this.props()[key] = value;
    });
    return new CustomPropertyProxy(this._ctx, false, key, () => this.props());
  }
  getItemOrNullObject(key: string): CustomPropertyProxy {
    return new CustomPropertyProxy(this._ctx, true, key, () => this.props());
  }
}

class CustomPropertyProxy extends BaseProxy {
  readonly _type = 'CustomProperty';
  readonly _scalars = ['key', 'value', 'type'];
  constructor(
    ctx: DoubleContext,
    nullable: boolean,
    readonly _key: string,
    readonly _props: () => Record<string, string | number | boolean>,
  ) {
    super(ctx, nullable);
  }
  override _propVersion(p: string): string {
    return since(`CustomProperty.${p}`);
  }
  private realKey(): string | undefined {
    return Object.keys(this._props()).find((k) => k.toLowerCase() === this._key.toLowerCase());
  }
  _exists(): boolean {
    this._ctx._core.require(since('CustomPropertyCollection'), 'CustomPropertyCollection');
    if (this.realKey() !== undefined) return true;
    return this._missing(`No custom property '${this._key}'.`);
  }
  _read(props: string[]): Record<string, unknown> {
    const k = this.realKey()!;
    const v = this._props()[k];
    return Object.fromEntries(props.map((p) => [p, p === 'key' ? k : p === 'value' ? v : typeof v === 'number' ? 'Number' : typeof v === 'boolean' ? 'Boolean' : 'String']));
  }
  delete(): void {
    this._call('delete', null, since('CustomProperty.delete'), () => {
      delete this._props()[this.realKey()!];
    });
  }
}
readable(CustomPropertyProxy, ['key', 'value', 'type']);

// ---------------------------------------------------------------------------------------------
// Factory

export function createExcelDouble(initial?: WorkbookModel, options: ExcelDoubleOptions = {}): ExcelDouble {
  const withSettings = options.documentSettings !== false;
  // Office's common requirement set for document settings: in every Excel, unless this double plays one without.
  const sets = { ...(withSettings ? { Settings: COMMON_SETS.Settings } : {}), ...(options.requirementSets ?? { ExcelApi: '1.18' }) };
  const core = new Core(initial ? cloneWorkbook(initial) : emptyWorkbook(), sets, options.payloadLimitBytes ?? 5 * 1024 * 1024, options.author ?? 'Test User', options.platform ?? 'desktop', options.eventDelayMs ?? 0);
  const runOn = async <T>(ctx: DoubleContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T> => {
    core.resetCaches();
    ctx._closed = false;
    try {
      const result = await batch(ctx as unknown as Excel.RequestContext);
      // Excel.run commits whatever is still queued when the batch resolves: one more round trip.
      if (ctx._queue.length) await core.sync(ctx);
      return result;
    } finally {
      ctx._closed = true;
    }
  };
  const host: DoubleHost = {
    run: (batch) => runOn(new DoubleContext(core), batch),
    runWith: (context, batch) => {
      if (!(context instanceof DoubleContext) || context._core !== core) throw new DoubleError(ErrorCodes.invalidRequestContext, 'Excel.run(context, …) needs a request context of this workbook.');
      return runOn(context, batch);
    },
    supports: (set, version) => core.supports(set, version),
  };
  if (withSettings) {
    // Office serialises values as JSON: what get returns is a copy, never the object that was set.
    const copy = (v: unknown) => (v === undefined ? undefined : JSON.parse(JSON.stringify(v)));
    const memory: Record<string, unknown> = copy(core.wb.settings ?? {});
    const settings: DoubleSettings = {
      get: (name) => (name in memory ? copy(memory[name]) : null),
      set: (name, value) => {
        memory[name] = copy(value);
      },
      remove: (name) => {
        delete memory[name];
      },
      saveAsync: (callback) => {
        core.wb.settings = copy(memory);
        setTimeout(() => callback?.({ status: 'succeeded' }), 0);
      },
    };
    host.documentSettings = () => settings;
  }
  /** A user's insert (+1) or delete (-1) of the whole rows/columns `address` names. */
  const userShift = (sheetName: string, address: string, sign: 1 | -1) => {
    const sheet = core.sheetByName(sheetName);
    if (!sheet) throw new Error(`no sheet ${sheetName}`);
    const rect = parseRect(address);
    const rows = rect.c0 === 0 && rect.c1 === MAX_COLS - 1;
    const cols = rect.r0 === 0 && rect.r1 === MAX_ROWS - 1;
    if (rows === cols) throw new Error(`userInsert/userDelete take whole rows ("5:6") or columns ("C:D"), not ${address}`);
    const at = rows ? rect.r0 : rect.c0;
    const n = rows ? rect.r1 - rect.r0 + 1 : rect.c1 - rect.c0 + 1;
    core.shiftCells(sheet, rows ? 'rows' : 'columns', at, sign * n);
    core.undo.push(`user: ${sign > 0 ? 'insert' : 'delete'} ${quoteSheetName(sheet.name)}!${address}`);
    const changeType = rows ? (sign > 0 ? 'RowInserted' : 'RowDeleted') : sign > 0 ? 'ColumnInserted' : 'ColumnDeleted';
    core.fire([{ sheetId: sheet.id, rect }], 'Unknown', 'Local', changeType);
  };
  return {
    host,
    get workbook() {
      return core.wb;
    },
    set workbook(wb: WorkbookModel) {
      core.wb = wb;
    },
    syncCount: () => core.syncs,
    syncLog: () => core.log.slice(),
    resetCounts: () => {
      core.syncs = 0;
      core.log = [];
    },
    selection: () => {
      const sel = core.wb.selection;
      const sheet = sel ? core.sheetById(sel.sheetId) : undefined;
      return sel && sheet ? { sheet: sheet.name, address: sel.address } : null;
    },
    activeSheet: () => (core.wb.activeSheetId ? (core.sheetById(core.wb.activeSheetId)?.name ?? null) : null),
    sheet: (name) => core.sheetByName(name),
    cell: (sheetName, a1) => {
      const sheet = core.sheetByName(sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName}`);
      const { r0, c0 } = parseRect(a1);
      const cell = sheet.cells[cellKey(r0, c0)];
      return { value: core.displayValue(sheet, r0, c0, null), formula: cell?.f ?? null, format: cell?.fmt ?? {} };
    },
    snapshot: () => cloneWorkbook(core.wb),
    userEdit: (sheetName, address, values) => {
      const sheet = core.sheetByName(sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName}`);
      const rect = parseRect(address);
      const st: SyncState = { responseBytes: 0, cellsLoaded: 0, commits: [], changes: [], evalCache: null };
      core.writeMatrix(sheet, rect, values, 'values', st);
      core.undo.push(`user: ${quoteSheetName(sheet.name)}!${address}`);
      core.fire(st.changes, 'Unknown');
    },
    userInsert: (sheetName, address) => userShift(sheetName, address, 1),
    userDelete: (sheetName, address) => userShift(sheetName, address, -1),
    userRenameSheet: (from, to) => {
      const sheet = core.sheetByName(from);
      if (!sheet) throw new Error(`no sheet ${from}`);
      checkSheetName(to);
      const other = core.sheetByName(to);
      if (other && other !== sheet) throw new Error(`a sheet named ${to} exists`);
      core.renameSheet(sheet, to);
      core.undo.push(`user: rename ${quoteSheetName(from)}`);
    },
    userDeleteSheet: (name) => {
      const sheet = core.sheetByName(name);
      if (!sheet) throw new Error(`no sheet ${name}`);
      if (core.wb.sheets.filter((x) => x.visibility === 'Visible' && x !== sheet).length === 0) throw new Error('the last visible sheet cannot be deleted');
      core.orphanReferences(sheet);
      core.wb.sheets = core.wb.sheets.filter((x) => x !== sheet);
      core.wb.comments = core.wb.comments.filter((c) => c.sheetId !== sheet.id);
      if (core.wb.activeSheetId === sheet.id) activateFirstVisible(core);
      // Excel cannot undo deleting a sheet: the history before it is gone.
      core.undo = [];
      core.undoClears.push('user: delete sheet');
    },
    handlerCount: () => core.registrations.filter((r) => r.active).length,
    remoteEdit: (sheetName, address, values) => {
      const sheet = core.sheetByName(sheetName);
      if (!sheet) throw new Error(`no sheet ${sheetName}`);
      const st: SyncState = { responseBytes: 0, cellsLoaded: 0, commits: [], changes: [], evalCache: null };
      core.writeMatrix(sheet, parseRect(address), values, 'values', st);
      core.fire(st.changes, 'Unknown', 'Remote');
    },
    undoStack: () => core.undo.slice(),
    undoClears: () => core.undoClears.slice(),
  };
}
