/** The header of a pair table (분야별 목표, 실천과제): name, 구 분, 합계 and year columns. */
import type { Label } from './labels';
import { labelForms } from './labels';
import { strictRoleOf, type GroupColumns } from './groups';
import { findLabelInRow, normAt, own, yearColumns, type TableSheet } from './sheet';

export interface PairHeader {
  nameCol: number;
  roleCol: number;
  totalCol: number;
  years: Map<number, number>;
  remarkCol: number;
  /** The 구 분 header cell is blank (the document layout): read strictly, see readGroups. */
  roleHeaderBlank: boolean;
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
  let totalCol = -1;
  const row = s.grid.rows[r] ?? [];
  const totalForms = labelForms(totalLabel);
  for (let c = 0; c < row.length; c++) {
    if (c === nameCol || c === roleCol) continue;
    if (!row[c]?.mergedCopy && totalForms.has(normAt(s, r, c))) {
      totalCol = c;
      break;
    }
  }
  return { nameCol, roleCol, totalCol, years: yearColumns(s, r), remarkCol: remarkLabel ? findLabelInRow(s, r, remarkLabel) : -1, roleHeaderBlank };
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
