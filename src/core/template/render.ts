/**
 * Renders a draft (the example, or a blank plan) into a RenderedWorkbook: each table kind writes its
 * own sheet (tables/index.ts, `render`), in workbook order. Adapters apply the result (exceljs for
 * files, Office.js in Excel); nothing here touches either.
 */
import type { GridCell, GridWorkbook } from '../grid/grid';
import type { PlanDraft } from '../model/draft';
import { TABLE_KINDS } from '../tables/index';
import type { RenderContext, RenderOptions, RenderedSheet, RenderedWorkbook } from '../tables/rendered';

export { SheetBuilder, type RenderContext, type RenderOptions, type RenderedCell, type RenderedSheet, type RenderedWorkbook } from '../tables/rendered';

const sheetOf = (id: string): string => TABLE_KINDS.find((k) => k.id === id)!.sheetName!;

/** The sheet each table is written on, from the table kinds. */
export const DEFAULT_SHEET_NAMES = {
  overview: sheetOf('overview'),
  indicators: sheetOf('indicators'),
  areas: sheetOf('areas'),
  tasks: sheetOf('tasks'),
  results: sheetOf('results'),
  annualPlan: sheetOf('annual'),
};

/** Sheets are written in this order (the 분야별 목표 formulas need the 실천과제 rows first)… */
const RENDER_ORDER = ['overview', 'indicators', 'tasks', 'areas', 'annual', 'results'] as const;
/** …and appear in this one. */
const WORKBOOK_ORDER = ['overview', 'indicators', 'areas', 'tasks', 'annual', 'results'] as const;

export function renderWorkbook(d: PlanDraft, opts: RenderOptions): RenderedWorkbook {
  const ctx: RenderContext = { names: { ...DEFAULT_SHEET_NAMES, ...opts.sheetNames }, opts, taskPlaces: null };
  // Each kind writes its own table; a draft with only results (the 세종 example) writes only those sheets.
  const sheets = new Map<string, RenderedSheet>();
  for (const id of RENDER_ORDER) {
    const sheet = TABLE_KINDS.find((k) => k.id === id)?.render?.(d, ctx);
    if (sheet) sheets.set(id, sheet);
  }
  const out = WORKBOOK_ORDER.flatMap((id) => (sheets.has(id) ? [sheets.get(id)!] : []));
  // Every printed page says whose plan it is (header, left) and which sheet (header, right).
  const title = d.meta.title || [d.meta.region, d.meta.term ? `민선 ${d.meta.term}기` : '', `${d.period.startYear}~${d.period.startYear + d.period.years - 1}`].filter(Boolean).join(' ');
  for (const s of out) if (s.print) s.print = { ...s.print, header: { ...s.print.header, left: title } };
  return { sheets: out };
}

/** The grid a reader would see after this workbook is written (formula cells keep their cached value). */
export function renderedToGrid(wb: RenderedWorkbook): GridWorkbook {
  return {
    sheets: wb.sheets.map((s) => {
      const rows: (GridCell | undefined)[][] = [];
      for (const c of s.cells) {
        (rows[c.row] ??= [])[c.col] = c.formula ? { value: c.value, formula: c.formula } : { value: c.value };
      }
      for (let r = 0; r < rows.length; r++) rows[r] ??= [];
      return { name: s.name, rows, merges: s.merges };
    }),
  };
}
