/**
 * A sheet prepared once for every table kind: merged labels spread, width known, and each cell's
 * reference built the same way for every reader (sheet + A1 for a workbook sheet, the document's own
 * section + line and field for a grid made from a text or .hwpx document, through `source.locate`).
 * Labels are compared in one form (whitespace removed), computed once per cell; detectors find the rows
 * their header labels are on in a per-sheet index of the text cells (textIndex) rather than by testing
 * every row, so reading stays linear in the cells with nine table kinds looking.
 */
import { a1, parseRange } from '../grid/a1';
import { cellText, sheetWidth, withMergesFilled, type GridCell, type GridSheet, type GridWorkbook } from '../grid/grid';
import type { CellRef, Figure, Series } from '../model/plan';
import { TARGET_UNITS, parseUnitLine, targetAndBudgetUnits, unitList } from '../model/units';
import { decimalsOf, formatUnit, parseKoreanNumber, shownValue } from '../numbers/parse';
import { labelForms, norm, yearOfHeader, type Label } from './labels';

export interface TableSheet {
  /** Position in the workbook. */
  index: number;
  name: string;
  grid: GridSheet;
  width: number;
  /** Each cell's text without whitespace (the form labels are compared in), per row, built when first asked for (normRow). */
  norms?: (readonly string[] | undefined)[];
  /** The sheet's text cells by their whitespace-free text, built when first asked for (textIndex). */
  texts?: TextIndex;
}

/**
 * Where each text sits on a sheet: the whitespace-free text of every text cell (merged copies included)
 * → its cells in reading order, each as row × width + column. Detectors look their labels up here
 * instead of comparing every cell of every sheet. `loose` (looseIndex) keys a text ending in a bracket by
 * what comes before it (`실적(상반기)` → `실적`): made from `exact` when first asked for (only the 성과
 * table's detector asks), not while the index is built.
 */
export interface TextIndex {
  /** A text met once maps to its one cell (a number), a text met more often to its cells (a list): most texts of a plan are 세부사업 names, met once or twice. */
  exact: Map<string, number | number[]>;
  loose?: Map<string, number[]>;
}

const NO_CELLS: readonly number[] = [];

/** The cells of an index entry, as a list. */
export function cellsOf(entry: number | number[] | undefined): readonly number[] {
  return entry === undefined ? NO_CELLS : typeof entry === 'number' ? [entry] : entry;
}

/** Every sheet with its merged labels filled, once for all table kinds. */
export function prepareSheets(wb: GridWorkbook): TableSheet[] {
  return wb.sheets.map((g, index) => {
    const grid = withMergesFilled(g, parseRange);
    return { index, name: g.name, grid, width: sheetWidth(grid) };
  });
}

export function cell(s: TableSheet, r: number, c: number): GridCell | undefined {
  return c < 0 ? undefined : s.grid.rows[r]?.[c];
}

/** The cell's text, trimmed (a merged copy shows its label). */
export function text(s: TableSheet, r: number, c: number): string {
  return cellText(cell(s, r, c)).trim();
}

/** The cell's own text: a merged copy counts as empty. */
export function own(s: TableSheet, r: number, c: number): string {
  const x = cell(s, r, c);
  return x && !x.mergedCopy ? cellText(x).trim() : '';
}

export function refOf(s: TableSheet, r: number, c: number): CellRef {
  return s.grid.source ? s.grid.source.locate(r, c) : { sheet: s.name, cell: a1(r, c) };
}

/** A cell read as a figure: the number, its state, its precision and where it came from. */
export function figureOf(x: GridCell | undefined, ref: CellRef): Figure {
  // A merged copy is a label spread by withMergesFilled, not a figure of this cell.
  const raw = x && !x.mergedCopy ? x.value : null;
  // Most figures are number cells: read them without a parse result (what parseKoreanNumber says of them).
  // A formula is written into the figure's literal rather than added after: a property added later is kept
  // outside the object, in a second allocation per figure (same keys, same order either way).
  if (typeof raw === 'number' && Number.isFinite(raw)) {
    const numFmt = x!.numFmt;
    // The figure is what the cell shows: a percentage holds the fraction (0.686 shown as 68.6%), a format
    // ending in commas shows thousands or millions (원 shown as 백만원 by #,##0,,).
    const value = shownValue(raw, numFmt);
    const decimals = decimalsOf(value, numFmt);
    const formula = x!.formula;
    // A unit quoted in the format (`#,##0"억원"`, as a document's figure "4,900억원" is made): only a format with a quote is read for one.
    const unit = numFmt !== undefined && numFmt.indexOf('"') >= 0 ? formatUnit(numFmt) : null;
    if (unit !== null) return formula ? { ref, value, state: 'number', raw, decimals, formula, unit } : { ref, value, state: 'number', raw, decimals, unit };
    return formula ? { ref, value, state: 'number', raw, decimals, formula } : { ref, value, state: 'number', raw, decimals };
  }
  const parsed = parseKoreanNumber(raw);
  const value = parsed.value;
  const decimals = value === null ? 0 : decimalsOf(value, x?.numFmt);
  const formula = x?.formula;
  // A text figure with its unit ("4,900억원"; a number format does not show text, so only the text says one).
  const unit = parsed.unit;
  if (unit !== undefined) return formula ? { ref, value, state: parsed.state, raw: raw ?? null, decimals, formula, unit } : { ref, value, state: parsed.state, raw: raw ?? null, decimals, unit };
  return formula ? { ref, value, state: parsed.state, raw: raw ?? null, decimals, formula } : { ref, value, state: parsed.state, raw: raw ?? null, decimals };
}

export function figure(s: TableSheet, r: number, c: number): Figure {
  return figureOf(cell(s, r, c), refOf(s, r, c));
}

export function rowCount(s: TableSheet): number {
  return s.grid.rows.length;
}

/** Does the cell show something of its own (own() would not be '')? Without making its text. */
function ownFilled(x: GridCell | undefined): boolean {
  if (!x || x.mergedCopy) return false;
  const v = x.value;
  if (v === null || v === undefined) return false;
  return typeof v !== 'string' || v.trim() !== '';
}

/** The non-empty cells of a row (own text). */
export function filledColumns(s: TableSheet, r: number): number[] {
  const out: number[] = [];
  const row = s.grid.rows[r];
  if (!row) return out;
  for (let c = 0; c < row.length; c++) if (ownFilled(row[c])) out.push(c);
  return out;
}

/** The one non-empty cell of row r (own text), or -1 when the row has none or several (filledColumns, stopping at the second). */
export function onlyFilledColumn(s: TableSheet, r: number): number {
  const row = s.grid.rows[r];
  if (!row) return -1;
  let found = -1;
  for (let c = 0; c < row.length; c++) {
    if (!ownFilled(row[c])) continue;
    if (found >= 0) return -1;
    found = c;
  }
  return found;
}

export function isBlankRow(s: TableSheet, r: number, fromCol = 0, toCol = s.width - 1): boolean {
  for (let c = fromCol; c <= toCol; c++) if (text(s, r, c) !== '') return false;
  return true;
}

/** The first column of row r whose text satisfies pred (merged copies included), or -1. */
export function findInRow(s: TableSheet, r: number, pred: (t: string) => boolean): number {
  const row = s.grid.rows[r];
  if (!row) return -1;
  for (let c = 0; c < Math.min(row.length, s.width); c++) if (pred(text(s, r, c))) return c;
  return -1;
}

/**
 * Row r's cells as labels compare them (text without whitespace, merged copies included), or undefined
 * for a missing row. Built once per row and kept on the sheet: every table kind's detector scans the
 * same cells for its labels.
 */
export function normRow(s: TableSheet, r: number): readonly string[] | undefined {
  const cache = (s.norms ??= []);
  const done = cache[r];
  if (done) return done;
  const row = s.grid.rows[r];
  if (!row) return undefined;
  const out = new Array<string>(row.length);
  for (let c = 0; c < row.length; c++) out[c] = norm(cellText(row[c]));
  cache[r] = out;
  return out;
}

/** The cell's text without whitespace (normRow's), '' for an empty or missing cell. */
export function normAt(s: TableSheet, r: number, c: number): string {
  if (c < 0) return '';
  const done = s.norms?.[r];
  return done ? (done[c] ?? '') : norm(cellText(s.grid.rows[r]?.[c]));
}

export function textIndex(s: TableSheet): TextIndex {
  if (s.texts) return s.texts;
  const exact = new Map<string, number | number[]>();
  const rows = s.grid.rows;
  const w = s.width;
  // Per column, the last two texts met, their forms and their lists of cells: a merged label and its copies
  // below, or a column of 성과목표/소요예산 labels, are made into a form and looked up once.
  const seenText: (string | undefined)[] = [];
  const seenForm: string[] = [];
  const seenList: (number[] | null)[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const x = row[c];
      if (x === undefined || x === null) continue;
      const v = x.value;
      if (typeof v !== 'string') continue;
      const pos = r * w + c;
      // Slots 2c (most recent) and 2c + 1 (the one before).
      let k = 2 * c;
      if (seenText[k] !== v) {
        if (seenText[k + 1] === v) k += 1;
        else {
          // A new text for this column: the most recent moves to the second slot.
          seenText[k + 1] = seenText[k];
          seenForm[k + 1] = seenForm[k];
          seenList[k + 1] = seenList[k];
          seenText[k] = v;
          seenForm[k] = norm(v);
          seenList[k] = null;
        }
      }
      const n = seenForm[k];
      if (n === '') continue;
      let list = seenList[k];
      if (list === null) {
        const entry = exact.get(n);
        if (entry === undefined) {
          // Met for the first time: its cell alone, no list yet.
          exact.set(n, pos);
          continue;
        }
        // Met for the second time: a list of the two, made at its size (a list grown from one cell keeps room for 16 more).
        if (typeof entry === 'number') exact.set(n, (seenList[k] = [entry, pos]));
        else (seenList[k] = entry).push(pos);
        continue;
      }
      list.push(pos);
    }
  }
  s.texts = { exact };
  return s.texts;
}

/** The index's texts ending in a bracket, keyed by what comes before the bracket, each list in reading order. */
export function looseIndex(s: TableSheet): Map<string, number[]> {
  const index = textIndex(s);
  if (index.loose) return index.loose;
  const loose = new Map<string, number[]>();
  // Several texts may share a loose key (`실적(상반기)`, `실적(하반기)`): their lists are joined, then sorted.
  const joined = new Set<number[]>();
  index.exact.forEach((entry, n) => {
    if (n.charCodeAt(n.length - 1) !== 0x29 /* ) */) return;
    const list = cellsOf(entry);
    const key = n.replace(/\([^)]*\)$/, '');
    const same = loose.get(key);
    if (!same) loose.set(key, list.slice());
    else {
      for (let i = 0; i < list.length; i++) same.push(list[i]);
      joined.add(same);
    }
  });
  joined.forEach((list) => list.sort((a, b) => a - b));
  index.loose = loose;
  return loose;
}

/** A text that a number or true/false cell could show: labels with such a form are not looked up in the index (it holds text cells only). */
const NUMBER_LIKE = /^[-+.\d]|^(?:true|false|NaN|Infinity)$/;

function indexable(forms: Set<string>): boolean {
  for (const f of forms) if (f === '' || NUMBER_LIKE.test(f)) return false;
  return true;
}

/**
 * The rows, ascending and each once, holding a cell whose text matches the label (merged copies
 * included); with `loose`, also a text whose bracketed tail dropped matches (findHeaderCol's loose
 * match). A superset filter for detectors, which still check each row as before: every row when the
 * label cannot be looked up.
 */
export function rowsWithLabel(s: TableSheet, l: Label, loose = false): number[] {
  const forms = labelForms(l);
  const n = s.grid.rows.length;
  if (!indexable(forms)) return Array.from({ length: n }, (_, r) => r);
  const { exact } = textIndex(s);
  const looseTexts = loose ? looseIndex(s) : null;
  const w = s.width;
  const rows: number[] = [];
  for (const f of forms) {
    for (const pos of cellsOf(exact.get(f))) rows.push(Math.floor(pos / w));
    if (looseTexts) for (const pos of looseTexts.get(f) ?? []) rows.push(Math.floor(pos / w));
  }
  return ascendingOnce(rows);
}

/**
 * The index's lists of cells (each in reading order) holding one of the label's forms, with `loose` also
 * the texts whose bracketed tail dropped matches (rowsWithLabel's test); null when the label cannot be
 * looked up (a form a number or true/false cell could show: any row may hold it). Made once for many rows.
 */
export function labelCells(s: TableSheet, l: Label, loose = false): (readonly number[])[] | null {
  const forms = labelForms(l);
  if (!indexable(forms)) return null;
  const { exact } = textIndex(s);
  const looseTexts = loose ? looseIndex(s) : null;
  const lists: (readonly number[])[] = [];
  for (const f of forms) {
    const entry = exact.get(f);
    if (entry !== undefined) lists.push(cellsOf(entry));
    const more = looseTexts?.get(f);
    if (more !== undefined) lists.push(more);
  }
  return lists;
}

/** Does row r hold a cell of the lists labelCells gave (null: it may)? A binary search in each. */
export function rowInCells(s: TableSheet, lists: readonly (readonly number[])[] | null, r: number): boolean {
  if (lists === null) return true;
  for (let i = 0; i < lists.length; i++) if (holdsRow(lists[i], r, s.width)) return true;
  return false;
}

/** Could row r hold a cell matching the label (rowsWithLabel's test for one row, with `loose` as there)? */
export function rowMayHoldLabel(s: TableSheet, r: number, l: Label, loose = false): boolean {
  return rowInCells(s, labelCells(s, l, loose), r);
}

/** Does the ascending list of cells (row × width + column) hold a cell of row r? */
function holdsRow(cells: readonly number[], r: number, w: number): boolean {
  const from = r * w;
  let lo = 0;
  let hi = cells.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cells[mid] < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < cells.length && cells[lo] < from + w;
}

/** Row numbers sorted ascending, each once (sorts the list it is given). */
export function ascendingOnce(rows: number[]): number[] {
  rows.sort((a, b) => a - b);
  return rows.filter((r, i) => i === 0 || rows[i - 1] !== r);
}

/** Rows holding some text cell whose whitespace-free text passes `test` (ascending, each once). */
export function rowsWithText(s: TableSheet, test: (t: string) => boolean): number[] {
  const w = s.width;
  const rows: number[] = [];
  textIndex(s).exact.forEach((entry, t) => {
    if (test(t)) for (const pos of cellsOf(entry)) rows.push(Math.floor(pos / w));
  });
  return ascendingOnce(rows);
}

/** The first own cell of row r matching a label, or -1. */
export function findLabelInRow(s: TableSheet, r: number, l: Label): number {
  const norms = normRow(s, r);
  if (!norms) return -1;
  const row = s.grid.rows[r];
  const forms = labelForms(l);
  for (let c = 0; c < norms.length; c++) if (forms.has(norms[c]) && !row[c]?.mergedCopy) return c;
  return -1;
}

/** Finds the first row (from `from`) holding a cell that matches the label. */
export function findLabel(s: TableSheet, l: Label, from = 0, to = s.grid.rows.length - 1): { row: number; col: number } | null {
  const forms = labelForms(l);
  if (indexable(forms)) {
    // The first cell in reading order among the label's forms, from the index.
    const w = s.width;
    let best = -1;
    for (const f of forms) {
      for (const pos of cellsOf(textIndex(s).exact.get(f))) {
        const r = Math.floor(pos / w);
        if (r < from) continue;
        if (r <= to && (best < 0 || pos < best)) best = pos;
        break;
      }
    }
    return best < 0 ? null : { row: Math.floor(best / w), col: best % w };
  }
  for (let r = from; r <= to; r++) {
    const norms = normRow(s, r);
    if (!norms) continue;
    for (let c = 0; c < norms.length; c++) if (forms.has(norms[c])) return { row: r, col: c };
  }
  return null;
}

/** Columns of a header row whose text names a year ("2023년", "'23년", "2023", "2023년(목표)") → year → column. */
export function yearColumns(s: TableSheet, r: number): Map<number, number> {
  const m = new Map<number, number>();
  const row = s.grid.rows[r];
  if (!row) return m;
  for (let c = 0; c < row.length; c++) {
    const x = row[c];
    if (!x || x.mergedCopy) continue;
    const y = typeof x.value === 'number' ? (Number.isInteger(x.value) && x.value >= 1990 && x.value <= 2100 ? x.value : null) : yearOfHeader(cellText(x));
    if (y !== null && !m.has(y)) m.set(y, c);
  }
  return m;
}

export function isFootnote(t: string): boolean {
  const first = t.charCodeAt(0);
  return first === 0x2a /* * */ || first === 0x203b /* ※ */ || t.startsWith('자료') || t.startsWith('주)');
}

/** The unit line ("(단위 : 명, 백만원)") nearest above a header, within rows [from, to]. */
export function findUnits(s: TableSheet, from: number, to: number): { target: string | null; budget: string | null; found: boolean } {
  for (let r = to; r >= Math.max(0, from); r--) {
    const row = s.grid.rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const units = parseUnitLine(cellText(row[c]));
      if (units) return { ...targetAndBudgetUnits(units), found: true };
    }
  }
  return { target: null, budget: null, found: false };
}

/**
 * The units a table without a unit line states in its labels: `성과목표(명)`, `소요예산(억원)` in its 구 분
 * column (rows [from, to)), or `합계(백만원)` in its header rows [header, from).
 */
export function unitsInLabels(s: TableSheet, header: number, from: number, to: number, roleCol: number): { target: string | null; budget: string | null; found: boolean } {
  const units: string[] = [];
  const take = (t: string) => {
    const m = /\(([^()\d]{1,10})\)\s*$/.exec(t);
    if (!m) return;
    for (const unit of unitList(m[1])) {
      // Only units (`2023년(목표)` is a year, `사업 (3개사업)` a name).
      if ((/원$/.test(unit) || TARGET_UNITS.includes(unit) || unit === '개社') && !units.includes(unit)) units.push(unit);
    }
  };
  for (let r = header; r < from; r++) for (let c = 0; c < s.width; c++) take(text(s, r, c));
  if (roleCol >= 0) for (let r = from; r < to; r++) take(text(s, r, roleCol));
  if (units.length === 0) return { target: null, budget: null, found: false };
  return { ...targetAndBudgetUnits(units), found: true };
}

/**
 * The units a table's own cells state, for a table whose unit line and labels leave a side unstated: the
 * first unit a budget figure states (`22,683억원`, or `#,##0"억원"`) that is money, and the first a target
 * figure states that is not. A cell stating another unit than this is value-unit's to report.
 */
export function unitsInCells(groups: readonly { target: Series | null; budget: Series | null }[]): { target: string | null; budget: string | null } {
  let target: string | null = null;
  let budget: string | null = null;
  for (let i = 0; i < groups.length && (target === null || budget === null); i++) {
    const g = groups[i];
    if (target === null && g.target) target = statedUnit(g.target, false);
    if (budget === null && g.budget) budget = statedUnit(g.budget, true);
  }
  return { target, budget };
}

function statedUnit(s: Series, money: boolean): string | null {
  const unitOf = (f: Figure) => (f.unit !== undefined && /원$/.test(f.unit) === money ? f.unit : null);
  let u = unitOf(s.total);
  for (let i = 0; u === null && i < s.years.length; i++) u = unitOf(s.years[i]);
  return u;
}

/** A line of prose: one filled cell in the first column (text documents put every non-table line there). */
export function lineText(s: TableSheet, r: number): string | null {
  return onlyFilledColumn(s, r) === 0 ? own(s, r, 0) : null;
}
