/** Overwrites cells of a grid by sheet-qualified address ('실천과제!D9'), for examples and tests. */
import { parseA1, splitQualified } from './a1';
import type { CellValue, GridCell, GridWorkbook } from './grid';

export type CellEdits = Record<string, CellValue | GridCell>;

export function setCells(grid: GridWorkbook, cells: CellEdits): GridWorkbook {
  for (const [ref, v] of Object.entries(cells)) {
    const { sheet, address } = splitQualified(ref);
    const s = grid.sheets.find((x) => x.name === sheet);
    if (!s) throw new Error(`no sheet named ${sheet}`);
    const { row, col } = parseA1(address);
    (s.rows[row] ??= [])[col] = v !== null && typeof v === 'object' ? v : { value: v };
  }
  return grid;
}
