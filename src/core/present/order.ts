/**
 * The one order of findings, used by every output: workbook order (sheets as the workbook lists them;
 * findings about the workbook as a whole first), then table, then row, then column. Severity only
 * breaks ties between findings on the same cell (most severe first), then the rule registry's order:
 * a reader goes through the workbook once, top to bottom, and a severity filter (the pane's) or a
 * count (every summary) gives the severity view.
 */
import { parseA1 } from '../grid/a1';
import type { GridWorkbook } from '../grid/grid';
import type { Finding } from '../rules/types';
import { SEVERITY_RANK } from './severity';

/** Where each cell sits in the workbook, for ordering: sheet position, row and column. */
export interface WorkbookPositions {
  sheetIndex(sheet: string): number;
  /** 0-based row and column of a cell; for a document grid, of the grid cell its place was located at. */
  position(sheet: string, cell: string): { row: number; col: number } | null;
}

/** Positions from a grid: sheet order as the grid lists it; document grids map their located places back. */
export function positionsOf(grid: GridWorkbook | readonly string[]): WorkbookPositions {
  const names = Array.isArray(grid) ? (grid as readonly string[]) : (grid as GridWorkbook).sheets.map((s) => s.name);
  const index = new Map<string, number>();
  names.forEach((n, i) => index.has(n) || index.set(n, i));
  const located = new Map<string, { sheet: number; row: number; col: number }>();
  if (!Array.isArray(grid)) {
    (grid as GridWorkbook).sheets.forEach((s, si) => {
      if (!s.source) return;
      s.rows.forEach((r, row) =>
        r?.forEach((_, col) => {
          const at = s.source!.locate(row, col);
          const k = `${at.sheet}\u0000${at.cell}`;
          if (!located.has(k)) located.set(k, { sheet: si, row, col });
          if (!index.has(at.sheet)) index.set(at.sheet, si);
        }),
      );
    });
  }
  return {
    sheetIndex: (sheet) => index.get(sheet) ?? names.length,
    position(sheet, cell) {
      const doc = located.get(`${sheet}\u0000${cell}`);
      if (doc) return { row: doc.row, col: doc.col };
      try {
        return parseA1(cell);
      } catch {
        return null;
      }
    },
  };
}

/** A comparator for `positions`; `ruleOrder` lists rule ids in registry order. */
export function compareFindings(positions: WorkbookPositions, ruleOrder: readonly string[] = []) {
  const ruleIndex = new Map(ruleOrder.map((r, i) => [r, i]));
  const keyOf = (f: Finding) => {
    const wholeWorkbook = !f.sheet;
    const pos = f.sheet && f.cell ? positions.position(f.sheet, f.cell) : null;
    return [
      wholeWorkbook ? 0 : 1,
      wholeWorkbook ? 0 : positions.sheetIndex(f.sheet),
      f.place && f.place.table.index >= 0 ? f.place.table.index : Number.MAX_SAFE_INTEGER,
      pos ? pos.row : -1,
      pos ? pos.col : -1,
      SEVERITY_RANK[f.severity],
      ruleIndex.get(f.rule) ?? (f.rule === 'structure' ? -1 : ruleOrder.length),
    ];
  };
  const keys = new WeakMap<Finding, number[]>();
  const cached = (f: Finding) => {
    let k = keys.get(f);
    if (!k) keys.set(f, (k = keyOf(f)));
    return k;
  };
  return (a: Finding, b: Finding): number => {
    const ka = cached(a);
    const kb = cached(b);
    for (let i = 0; i < ka.length; i++) if (ka[i] !== kb[i]) return ka[i] - kb[i];
    return 0;
  };
}

/**
 * Findings in the one order (a stable sort: equal keys keep the rules' own order). `workbook` gives the
 * sheet order: the grid that was read, or the sheet names in workbook order.
 */
export function orderFindings<F extends Finding>(findings: readonly F[], workbook: GridWorkbook | readonly string[], ruleOrder: readonly string[] = []): F[] {
  const cmp = compareFindings(positionsOf(workbook), ruleOrder);
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => cmp(a.f, b.f) || a.i - b.i)
    .map((x) => x.f);
}
