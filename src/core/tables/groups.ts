/**
 * The row pairs shared by the 분야별 목표 and 실천과제 tables: a name (merged over its two rows, or
 * written on the first row only, as documents do) with a 성과목표 row and a 소요예산 row.
 */
import type { CellRef, Figure, Series } from '../model/plan';
import { TEMPLATE } from '../template/description';
import { labelForms, matches, nameKey, norm, withoutBracketTail, type Label } from './labels';
import { cell, figure, isBlankRow, isFootnote, normAt, onlyFilledColumn, own, refOf, text, type TableSheet } from './sheet';

export type Role = 'target' | 'budget';

/** A role label in the 구 분 column: 성과목표 / 소요예산 (and their loose spellings). */
export function roleOf(t: string): Role | null {
  return roleOfNorm(norm(t));
}

let targetForms: Set<string> | undefined;
let budgetForms: Set<string> | undefined;

/** roleOf for a text already without whitespace (normAt's). */
function roleOfNorm(n: string): Role | null {
  if (n === '') return null;
  if ((targetForms ??= labelForms(TEMPLATE.roles.target)).has(n) || n.includes('성과')) return 'target';
  if ((budgetForms ??= labelForms(TEMPLATE.roles.budget)).has(n) || n.includes('예산')) return 'budget';
  return null;
}

/**
 * A role label exactly as tables write it, or with its unit in brackets (`성과목표(명)`, `소요예산(백만원)`):
 * for detection, where loose matches would find prose.
 */
export function strictRoleOf(t: string): Role | null {
  const n = withoutBracketTail(norm(t));
  if (labelForms(TEMPLATE.roles.target).has(n)) return 'target';
  if (labelForms(TEMPLATE.roles.budget).has(n)) return 'budget';
  return null;
}

export interface RowGroup {
  name: string;
  label: CellRef;
  target: Series | null;
  budget: Series | null;
  remark: string;
}

export interface GroupColumns {
  nameCol: number;
  roleCol: number;
  totalCol: number;
  yearCols: number[];
  remarkCol: number;
}

/** Does row r hold any figure in the table's number columns? */
function hasFigures(s: TableSheet, r: number, cols: GroupColumns): boolean {
  if (cols.totalCol >= 0 && own(s, r, cols.totalCol) !== '') return true;
  return cols.yearCols.some((c) => c >= 0 && own(s, r, c) !== '');
}

/**
 * Reads the row pairs under a header. `strict` (document layouts): a row without a role label and
 * without figures ends the table, so a heading right below a table is never read as a 성과목표 row.
 * `end`: where groupsEnd found the table ends, for the same first row, name and role columns and `stop`,
 * not strict (then the end does not depend on the figure columns): the rows are read up to it without
 * testing each for the table's end again.
 */
export function readGroups(s: TableSheet, firstRow: number, cols: GroupColumns, stop: (r: number) => boolean, strict: boolean, onRow?: () => void, end?: number): { groups: RowGroup[]; end: number } {
  return scanGroups(s, firstRow, cols, stop, strict, true, onRow, end);
}

/** Where readGroups would stop (the row after the table), without reading the figures: for detection. */
export function groupsEnd(s: TableSheet, firstRow: number, cols: GroupColumns, stop: (r: number) => boolean, strict: boolean): number {
  return scanGroups(s, firstRow, cols, stop, strict, false).end;
}

/** Whitespace that /\s+/g → ' ' would change: a run of two, or any whitespace but a plain space. */
const ODD_SPACE = /\s\s|[^\S ]/;

function scanGroups(s: TableSheet, firstRow: number, cols: GroupColumns, stop: (r: number) => boolean, strict: boolean, read: boolean, onRow?: () => void, end?: number): { groups: RowGroup[]; end: number } {
  const { nameCol, roleCol, totalCol, yearCols, remarkCol } = cols;
  const groups: RowGroup[] = [];
  let current: RowGroup | null = null;
  let currentKey: string | null = null;
  let currentText = '';
  // With the end known, every row before it passed the tests below that end a table.
  const known = end !== undefined;
  const last = known ? Math.min(end, s.grid.rows.length) : s.grid.rows.length;
  // Page breaks read past: a bound, so a document of page marks is not scanned over and over.
  let breakRows = 50;
  let r = firstRow;
  for (; r < last; r++) {
    if (!known && stop(r)) break;
    const name = text(s, r, nameCol);
    const role = roleOfNorm(normAt(s, r, roleCol));
    // A page break inside the table (`- 15 -`, `(계속)`, the header repeated on the next page): read on below
    // it. Only a row without a 성과목표/소요예산 label can be one, so the table's own rows cost nothing more.
    if (role === null && breakRows !== 0 && (isBlankRow(s, r) || pageMark(s, r))) {
      const next = afterPageBreak(s, r, firstRow, cols);
      if (next > r) {
        breakRows--;
        r = next - 1;
        continue;
      }
    }
    if (name === '' && role === null) {
      if (known) continue; // a spacer row the scan read on past
      // An empty spacer row inside a table (a user inserted one between two 세부사업): read on when
      // the table goes on below it, i.e. the next non-empty row is a 성과목표/소요예산 row.
      if (isBlankRow(s, r) && tableGoesOn(s, r + 1, nameCol, roleCol, stop)) continue;
      break;
    }
    if (!known && isFootnote(name)) break;
    if (strict && role === null && !hasFigures(s, r, cols)) break;
    if (!read) continue;
    const rawName = cell(s, r, nameCol);
    // The group's name again: a merged copy of it, or the name written on each row of its pair (a table
    // typed without merging, or unmerged with its cells filled) for a role the group has not read yet.
    // Names are compared only for a row that could continue the group (most rows start one: a new name on
    // a role the group already has), and the group's name key is made only when the texts differ.
    const mayContinue = current !== null && name !== '' && (rawName?.mergedCopy === true || (role !== null && current[role] === null));
    const startsGroup = name !== '' && !(mayContinue && (name === currentText || (currentKey ??= nameKey(current!.name)) === nameKey(name)));
    // A fresh name starts a group, unless it continues this one (above); a row with the same role as one already read also starts one.
    if (startsGroup || current === null || (role !== null && current[role] !== null)) {
      current = { name: ODD_SPACE.test(name) ? name.replace(/\s+/g, ' ') : name, label: refOf(s, r, nameCol), target: null, budget: null, remark: '' };
      currentKey = null;
      currentText = name;
      groups.push(current);
    }
    const total = figure(s, r, totalCol);
    // The years' array made at its length and filled in a loop (no callback per figure).
    const years = new Array<Figure>(yearCols.length);
    for (let i = 0; i < yearCols.length; i++) years[i] = figure(s, r, yearCols[i]);
    const series: Series = { total, years };
    onRow?.();
    if (role === 'budget') current.budget = series;
    else current.target = series; // an unlabelled row is read as the target row
    if (remarkCol >= 0) {
      const remark = text(s, r, remarkCol);
      if (remark !== '') current.remark += remark;
    }
  }
  return { groups, end: r };
}

/**
 * The row a table's reading stopped at, when it looks like more of the table: no name, a label in the
 * 구 분 column that is neither 성과목표 nor 소요예산 (`사업비`, `인원`), and figures in the table's columns.
 * Its text, for the reader to say that the table was read only up to it; null otherwise.
 */
export function unknownRoleRow(s: TableSheet, r: number, cols: GroupColumns): string | null {
  if (r >= s.grid.rows.length || cols.roleCol < 0 || text(s, r, cols.nameCol) !== '') return null;
  const label = text(s, r, cols.roleCol);
  if (label === '' || isFootnote(label) || roleOfNorm(normAt(s, r, cols.roleCol)) !== null) return null;
  return hasFigures(s, r, cols) ? label : null;
}

/** A page mark on a line of its own, as text extracted from a paged document has it: `- 15 -`, `(계속)`, `15 / 28`. */
const PAGE_MARK = /^(?:[-–—]\s*\d{1,3}\s*[-–—]|\d{1,3}\s*\/\s*\d{1,3}|[(<〈［[]?\s*계\s*속\s*[)>〉］\]]?)$/;

export function pageMark(s: TableSheet, r: number): boolean {
  const c = onlyFilledColumn(s, r);
  return c >= 0 && PAGE_MARK.test(own(s, r, c));
}

/**
 * A page break from row r: blank rows and page marks (at least one), then the unit line or the table's
 * header rows repeated, and a 성과목표/소요예산 row. Returns that row, where the table goes on; -1 otherwise.
 */
function afterPageBreak(s: TableSheet, r: number, firstRow: number, cols: GroupColumns): number {
  let marked = false;
  let k = r;
  for (; k < Math.min(s.grid.rows.length, r + 8); k++) {
    if (isBlankRow(s, k)) continue;
    if (pageMark(s, k)) {
      marked = true;
      continue;
    }
    const only = onlyFilledColumn(s, k);
    if (only >= 0 && /단\s?위\s*[:：]/.test(own(s, k, only))) continue;
    break;
  }
  if (!marked) return -1;
  // The header repeated: the rows above firstRow, down to the one the table's rows start under.
  for (let h = 1; h <= 2 && firstRow - h >= 0; h++) {
    let same = true;
    for (let i = 0; i < h && same; i++) same = sameRow(s, firstRow - h + i, k + i);
    if (same && roleOfNorm(normAt(s, k + h, cols.roleCol)) !== null) return k + h;
  }
  return roleOfNorm(normAt(s, k, cols.roleCol)) !== null ? k : -1;
}

export function sameRow(s: TableSheet, a: number, b: number): boolean {
  if (isBlankRow(s, a)) return false;
  for (let c = 0; c < s.width; c++) if (norm(text(s, a, c)) !== norm(text(s, b, c))) return false;
  return true;
}

/** After empty rows from `from`: is the next row (within 3) another row of the same table? */
function tableGoesOn(s: TableSheet, from: number, nameCol: number, roleCol: number, stop: (r: number) => boolean): boolean {
  for (let r = from; r < Math.min(s.grid.rows.length, from + 3); r++) {
    if (isBlankRow(s, r)) continue;
    return !stop(r) && !isFootnote(text(s, r, nameCol)) && roleOfNorm(normAt(s, r, roleCol)) !== null;
  }
  return false;
}

/**
 * Which row pair is the table's total (`총 계`, `합 계` …): the first, as most tables have it, or else the
 * last, as tables summing up below their rows do; -1 when neither is named so (one with other pairs).
 */
export function totalAt(groups: readonly RowGroup[], label: Label): number {
  if (groups.length === 0) return -1;
  if (matches(groups[0].name, label)) return 0;
  const last = groups.length - 1;
  return last > 0 && matches(groups[last].name, label) ? last : -1;
}

/**
 * A placeholder for a row missing from its table (a 세부사업 without its 소요예산 row): the caller
 * reports it once, and its figures point at the row's label and count as 0 without further findings.
 */
export function missingSeries(label: CellRef, yearCount: number): Series {
  const placeholder = (): Figure => ({ ref: label, value: null, state: 'blank', raw: null, decimals: 0, missing: true });
  return { total: placeholder(), years: Array.from({ length: yearCount }, placeholder) };
}
