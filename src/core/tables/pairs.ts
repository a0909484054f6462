/** The header of a pair table (분야별 목표, 실천과제): name, 구 분, 합계 and year columns. */
import type { Label } from './labels';
import { labelForms, matches, withoutBracketTail } from './labels';
import { TEMPLATE } from '../template/description';
import { roleOf, strictRoleOf, type GroupColumns } from './groups';
import { findInRow, findLabelInRow, isBlankRow, lineText, normAt, own, rowsWithLabel, yearColumns, type TableSheet } from './sheet';

export interface PairHeader {
  nameCol: number;
  roleCol: number;
  totalCol: number;
  years: Map<number, number>;
  remarkCol: number;
  /** The 구 분 header cell is blank (the document layout): read strictly, see readGroups. */
  roleHeaderBlank: boolean;
  /**
   * The first row of figures: the row after the header, or the one after that when the header has two
   * rows (`합계 | 연도별 목표` above, the years below it, as tables with a group heading are written).
   */
  firstRow: number;
}

/**
 * The columns of a pair table whose header row is r and name column nameCol. The role column is the
 * one headed 구 분, or (documents leave that header blank, the name header merged over both) the
 * column right of the name where the rows below say 성과목표 / 소요예산. Null when neither: not a pair table.
 */
export function pairHeader(s: TableSheet, r: number, nameCol: number, roleLabel: Label, totalLabel: Label, remarkLabel?: Label): PairHeader | null {
  let roleCol = findLabelInRow(s, r, roleLabel);
  let roleHeaderBlank = false;
  if (roleCol < 0 || roleCol === nameCol) {
    roleCol = -1;
    for (let k = r + 1; k <= r + 4 && roleCol < 0; k++) {
      for (let c = nameCol + 1; c <= nameCol + 2; c++) {
        if (strictRoleOf(own(s, k, c)) !== null) {
          roleCol = c;
          break;
        }
      }
    }
    if (roleCol < 0) return null;
    roleHeaderBlank = true;
  }
  const years = yearColumns(s, r);
  const below = secondHeaderRow(s, r, nameCol, roleCol, years.size);
  let totalCol = totalColumn(s, r, nameCol, roleCol, totalLabel);
  if (below !== null) {
    // The years of the second row; 합계 may sit there too, under the group heading.
    below.forEach((c, y) => years.set(y, c));
    if (totalCol < 0) totalCol = totalColumn(s, r + 1, nameCol, roleCol, totalLabel);
  }
  return { nameCol, roleCol, totalCol, years, remarkCol: remarkLabel ? findLabelInRow(s, r, remarkLabel) : -1, roleHeaderBlank, firstRow: below === null ? r + 1 : r + 2 };
}

/** The first own cell of header row r reading 합계, 총계 or 계, with or without a bracketed tail (`합계(4년)`); the name and role columns aside. -1 when none. */
function totalColumn(s: TableSheet, r: number, nameCol: number, roleCol: number, totalLabel: Label): number {
  const row = s.grid.rows[r] ?? [];
  const totalForms = labelForms(totalLabel);
  for (let c = 0; c < row.length; c++) {
    if (c === nameCol || c === roleCol || row[c]?.mergedCopy) continue;
    const n = normAt(s, r, c);
    if (totalForms.has(n) || totalForms.has(withoutBracketTail(n))) return c;
  }
  return -1;
}

/**
 * The years of the header's second row, when it has one: row r + 1 names more years than row r does and
 * is no row of figures (no name of its own, no 성과목표/소요예산 in the role column). Null otherwise.
 */
function secondHeaderRow(s: TableSheet, r: number, nameCol: number, roleCol: number, yearsAbove: number): Map<number, number> | null {
  const below = yearColumns(s, r + 1);
  if (below.size <= yearsAbove) return null;
  if (own(s, r + 1, nameCol) !== '' || roleOf(own(s, r + 1, roleCol)) !== null) return null;
  return below;
}

export function groupColumns(h: PairHeader, yearCols: number[]): GroupColumns {
  return { nameCol: h.nameCol, roleCol: h.roleCol, totalCol: h.totalCol, yearCols, remarkCol: h.remarkCol };
}

/**
 * The columns of the given years the header has, in the years' order (all its year columns, in its order,
 * for null). Pushed into a new list in a loop: the list is the same kind of array whichever tier of V8 makes
 * it (filter, map and spread hand back different kinds), so the code reading it sees one shape.
 */
export function yearColumnsOf(head: PairHeader, years: readonly number[] | null): number[] {
  const cols: number[] = [];
  if (years === null) head.years.forEach((c) => cols.push(c));
  else
    for (let i = 0; i < years.length; i++) {
      const c = head.years.get(years[i]);
      if (c !== undefined) cols.push(c);
    }
  return cols;
}

/** The label most Korean tables start with: a 분야별 목표 or 실천과제 table may head its name column with it alone. */
const GENERIC = TEMPLATE.areas.roleHeader;

/** The prose lines just above row r (the unit line, a heading), up to `within` rows and never past another table's row. */
function linesAbove(s: TableSheet, r: number, within: number): string[] {
  const lines: string[] = [];
  for (let k = r - 1; k >= Math.max(0, r - within); k--) {
    const line = lineText(s, k);
    if (line !== null) lines.push(line);
    else if (!isBlankRow(s, k)) break;
  }
  return lines;
}

const genericHeaders = new WeakMap<TableSheet, { row: number; col: number; above: string }[]>();

/**
 * Header rows whose name column says only `구 분` (`구 분 | 구 분 | 합계 | 2023년 …`, or `구 분` merged over the
 * name and role columns): rows whose first own cell is 구 분, with a year on the row or the row below it
 * and no 증감 column (the 공통 일자리 목표 has one); pairHeader then looks for the rest. What they head is
 * told by the lines above: `context` is asked about them (`2 분야별 목표`, `□ 연차별 추진계획`). Row →
 * name column.
 */
export function genericPairHeaders(s: TableSheet, context: (above: string) => boolean): Map<number, number> {
  let all = genericHeaders.get(s);
  if (!all) {
    all = [];
    for (const r of rowsWithLabel(s, GENERIC)) {
      const row = s.grid.rows[r] ?? [];
      let col = 0;
      while (col < row.length && own(s, r, col) === '') col++;
      if (col >= row.length || !matches(own(s, r, col), GENERIC)) continue;
      if (findInRow(s, r, (x) => x.includes('증감') || x.includes('대비')) >= 0) continue;
      if (yearColumns(s, r).size === 0 && yearColumns(s, r + 1).size === 0) continue;
      all.push({ row: r, col, above: linesAbove(s, r, 8).join('\n') });
    }
    genericHeaders.set(s, all);
  }
  const found = new Map<number, number>();
  for (const h of all) if (context(h.above)) found.set(h.row, h.col);
  return found;
}

/**
 * Why a pair table was not read when its header has no year columns, in the user's terms: when the header
 * rows hold formulas without a calculated value (a workbook written by a program and never opened and
 * saved in Excel: `=2022+1` with no cached result), that is said, since it is the reason and the fix.
 */
export function noYearColumns(s: TableSheet, header: number, head: PairHeader): { ko: string; en: string } {
  for (let r = header; r < head.firstRow; r++) {
    const row = s.grid.rows[r];
    if (!row) continue;
    for (let c = 0; c < row.length; c++) {
      const x = row[c];
      if (x && x.formula !== undefined && (x.value === null || x.value === undefined)) {
        return {
          ko: '연도 열을 찾지 못했습니다: 머리글 수식의 계산값이 저장되어 있지 않습니다 (Excel에서 다시 계산해 저장하세요)',
          en: 'no year columns found: the header formulas have no calculated value saved (recalculate and save the workbook in Excel)',
        };
      }
    }
  }
  return { ko: '연도 열을 찾지 못했습니다', en: 'no year columns found' };
}
