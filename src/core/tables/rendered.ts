/**
 * What a renderer produces: cells with values or formulas and style names, merges, widths, panes and
 * print settings. Adapters apply it (exceljs for files, Office.js in Excel). Neutral ground for the
 * 종합계획 and the results writers, so neither imports the other.
 */
import type { CellValue } from '../grid/grid';
import { a1 } from '../grid/a1';
import { STYLES, type StyleName } from '../template/styles';
import { pageSetup, type PageSetup, type PrintBlock } from '../print/layout';

export interface RenderedCell {
  row: number;
  col: number;
  value: CellValue;
  /** Formula without '='; `value` is then its cached result (null when not computed). */
  formula?: string;
  style?: StyleName;
}

export interface RenderedSheet {
  name: string;
  cells: RenderedCell[];
  merges: string[];
  /** Column widths in characters. */
  columnWidths: number[];
  freeze: { rows: number; cols: number };
  /** Rows repeated on every printed page (1-based, e.g. "1:3"). */
  printTitleRows?: string;
  /** Landscape when the tables are wide (the same as print.orientation). */
  landscape: boolean;
  /** How it prints: orientation, page breaks between tables, heights of wrapped rows, header and footer. */
  print?: PageSetup;
  /** Last used row and column (0-based), for print areas and reading back. */
  lastRow: number;
  lastCol: number;
}

export interface RenderedWorkbook {
  sheets: RenderedSheet[];
}

export interface RenderOptions {
  /** Write live SUM formulas for totals whose draft value is null (the blank template). */
  formulas: boolean;
  /** Sheet names to use instead of the description's (to avoid overwriting existing sheets). */
  sheetNames?: Partial<Record<'overview' | 'indicators' | 'areas' | 'tasks' | 'results' | 'annualPlan', string>>;
}

/** Collects a sheet's cells and merges; results/render.ts builds its sheets with it too. */
export class SheetBuilder {
  cells: RenderedCell[] = [];
  merges: string[] = [];
  /** Tables (title to last row) printed on one page each when they fit. */
  blocks: PrintBlock[] = [];
  lastRow = 0;
  lastCol = 0;
  private spans = new Map<string, { rows: number; cols: number }>();
  constructor(readonly name: string) {}
  /** Marks rows start..end as one table for printing; `breakable` rows are where a too-tall table may break. */
  block(start: number, end: number, breakable?: number[]): void {
    this.blocks.push({ start, end, ...(breakable?.length ? { breakable } : {}) });
  }
  set(row: number, col: number, value: CellValue, style?: StyleName, formula?: string): void {
    this.cells.push(formula ? { row, col, value, style, formula } : { row, col, value, style });
    this.lastRow = Math.max(this.lastRow, row);
    this.lastCol = Math.max(this.lastCol, col);
  }
  merge(r0: number, c0: number, r1: number, c1: number): void {
    if (r0 === r1 && c0 === c1) return;
    this.merges.push(`${a1(r0, c0)}:${a1(r1, c1)}`);
    this.spans.set(`${r0},${c0}`, { rows: r1 - r0 + 1, cols: c1 - c0 + 1 });
  }
  build(columnWidths: number[], freeze: { rows: number; cols: number }, printTitleRows?: string): RenderedSheet {
    const print = pageSetup({ columnWidths, lastRow: this.lastRow, titleRows: printTitleRows, blocks: this.blocks, wrapped: this.wrappedCells(columnWidths) });
    return {
      name: this.name,
      cells: this.cells,
      merges: this.merges,
      columnWidths,
      freeze,
      printTitleRows,
      landscape: print.orientation === 'landscape',
      print,
      lastRow: this.lastRow,
      lastCol: this.lastCol,
    };
  }
  /** Text in wrapping styles, with the width of its column (or merged columns), for the row heights. */
  private wrappedCells(columnWidths: number[]): { row: number; text: string; chars: number; rowsSpanned: number }[] {
    const out: { row: number; text: string; chars: number; rowsSpanned: number }[] = [];
    for (const c of this.cells) {
      if (!c.style || !(STYLES[c.style] as { wrap?: boolean }).wrap || typeof c.value !== 'string' || c.value === '') continue;
      const span = this.spans.get(`${c.row},${c.col}`) ?? { rows: 1, cols: 1 };
      let chars = 0;
      for (let k = 0; k < span.cols; k++) chars += columnWidths[c.col + k] ?? 8.43;
      out.push({ row: c.row, text: c.value, chars, rowsSpanned: span.rows });
    }
    return out;
  }
}


/** Where the writer put a series' cells, so other tables can refer to them in formulas. */
export interface SeriesPlace {
  sheet: string;
  row: number;
  /** Column of 합계; years follow. */
  totalCol: number;
}


/** Where the 실천과제 writer put a task's 총계 (or only 세부사업) rows. */
export interface TaskPlaces {
  target: SeriesPlace | null;
  budget: SeriesPlace | null;
}

export type SheetRole = 'overview' | 'indicators' | 'areas' | 'tasks' | 'results' | 'annualPlan';

/** What the table kinds' `render` share while one workbook is written. */
export interface RenderContext {
  /** Sheet name of each table. */
  names: Record<SheetRole, string>;
  opts: RenderOptions;
  /** Filled by the 실천과제 writer; the 분야별 목표 formulas refer to these rows. */
  taskPlaces: TaskPlaces[] | null;
}
