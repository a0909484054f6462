/**
 * Pure view logic for the findings list: severity filters, counts, and grouping by sheet and table.
 * "Table" is the plan table a finding's cell belongs to — 공통 일자리 목표, 분야별 목표, or one 실천과제 — found
 * from the rows where the reader located each table, so it works for any sheet layout the reader accepts.
 */
import { parseA1, qualified } from '../../core/grid/a1';
import { circledNumber } from '../../core/template/description';
import type { Plan } from '../../core/model/plan';
import type { Finding, Severity } from '../../core/rules/types';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export type SeverityFilter = Record<Severity, boolean>;

export const ALL_SEVERITIES: SeverityFilter = { error: true, warning: true, info: true };

export function countBySeverity(findings: readonly Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity] += 1;
  return counts;
}

export function filterFindings(findings: readonly Finding[], filter: SeverityFilter): Finding[] {
  return findings.filter((f) => filter[f.severity]);
}

/** Tables that are a sheet of their own: their name says what the sheet's would. */
const FIXED_TABLES = new Set(['개요', '공통 일자리 목표', '분야별 목표', '성과', '연차별 세부계획']);

/** Where a table starts: findings at or below `row` on `sheet` (up to the next anchor) belong to it. */
export interface TableAnchor {
  sheet: string;
  /** 0-based row. */
  row: number;
  /** Display name of the table, e.g. "분야별 목표" or "③ 청년 창업 지원". */
  name: string;
}

function rowOf(cell: string): number | null {
  try {
    return parseA1(cell).row;
  } catch {
    return null;
  }
}

/** Table anchors of a plan as read: one per table, sorted by sheet then row. */
export function tableAnchors(plan: Plan | null | undefined): TableAnchor[] {
  if (!plan) return [];
  const anchors: TableAnchor[] = [];
  const add = (sheet: string | null | undefined, cells: (string | undefined)[], name: string) => {
    if (!sheet) return;
    const rows = cells.map((c) => (c ? rowOf(c) : null)).filter((r): r is number => r !== null);
    if (rows.length) anchors.push({ sheet, row: Math.min(...rows), name });
  };
  if (plan.indicators.length) {
    const sheet = plan.indicatorsSheet ?? plan.indicators[0].label.sheet;
    add(sheet, plan.indicators.map((i) => (i.label.sheet === sheet ? i.label.cell : undefined)), '공통 일자리 목표');
  }
  const areaCells = [
    ...(plan.grandTotal && plan.grandTotal.label.sheet === plan.areasSheet ? [plan.grandTotal.label.cell] : []),
    ...plan.areas.filter((a) => a.label.sheet === plan.areasSheet).map((a) => a.label.cell),
  ];
  add(plan.areasSheet, areaCells, '분야별 목표');
  for (const t of plan.tasks) add(t.label.sheet, [t.label.cell], `${circledNumber(t.no)} ${t.name}`);
  if (plan.meta.sheet) anchors.push({ sheet: plan.meta.sheet, row: 0, name: '개요' });
  // The results sheets are tables of their own (never "outside tables").
  if (plan.results) anchors.push({ sheet: plan.results.sheet, row: 0, name: '성과' });
  if (plan.annualPlan) anchors.push({ sheet: plan.annualPlan.sheet, row: 0, name: '연차별 세부계획' });
  const order = sheetOrder(plan);
  const rank = (sheet: string) => (order.indexOf(sheet) < 0 ? order.length : order.indexOf(sheet));
  return anchors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : rank(a.sheet) - rank(b.sheet) || (a.sheet < b.sheet ? -1 : 1)));
}

/** The plan's sheets in workbook (template) order: 개요, 공통 일자리 목표, 분야별 목표, 실천과제, 성과, 연차별 세부계획. */
export function sheetOrder(plan: Plan | null | undefined): string[] {
  if (!plan) return [];
  const list = [
    plan.meta.sheet,
    plan.indicatorsSheet ?? plan.indicators[0]?.label.sheet,
    plan.areasSheet,
    ...plan.tasks.map((t) => t.label.sheet),
    plan.results?.sheet,
    plan.annualPlan?.sheet,
  ];
  const out: string[] = [];
  for (const s of list) if (s && !out.includes(s)) out.push(s);
  return out;
}

/** The table a cell belongs to: the last anchor at or above it on its sheet, else the sheet's first anchor. */
export function tableOf(anchors: readonly TableAnchor[], sheet: string, cell: string): string | null {
  const onSheet = anchors.filter((a) => a.sheet === sheet);
  if (!onSheet.length) return null;
  const row = rowOf(cell);
  if (row === null) return onSheet[0].name;
  let best = onSheet[0];
  for (const a of onSheet) if (a.row <= row) best = a;
  return best.name;
}

export interface TableGroup {
  /** Table name, or null when the finding's cell is in no known table (shown under the sheet only). */
  table: string | null;
  findings: Finding[];
}

export interface SheetGroup {
  /** Sheet name; '' for findings about the workbook as a whole (a table not found). */
  sheet: string;
  tables: TableGroup[];
  count: number;
  /**
   * The sheet holds one table (or findings outside any): one heading says it all, and the table gets no
   * heading of its own (no "분야별 목표 (25)" over "분야별 목표").
   */
  single: boolean;
}

/**
 * Groups findings by sheet, then table, keeping the order in which sheets and tables first appear in the
 * (already sorted) findings; findings keep their order within a group. Structure findings whose message
 * names the table ("[분야별 목표] …") are grouped under that table.
 */
export function groupFindings(findings: readonly Finding[], plan?: Plan | null): SheetGroup[] {
  const anchors = tableAnchors(plan);
  const sheets = new Map<string, Map<string | null, Finding[]>>();
  for (const f of findings) {
    let table = tableOf(anchors, f.sheet, f.cell);
    if (f.rule === 'structure') {
      const m = /^\[([^\]]+)\]/.exec(f.message) ?? /^\[([^\]]+)\]/.exec(f.messageEn);
      if (m && !table) table = m[1];
    }
    let tables = sheets.get(f.sheet);
    if (!tables) sheets.set(f.sheet, (tables = new Map()));
    let list = tables.get(table);
    if (!list) tables.set(table, (list = []));
    list.push(f);
  }
  // Workbook order: findings about the whole workbook first, then the plan's sheets as the workbook lists them.
  const order = sheetOrder(plan);
  const rank = (sheet: string) => (sheet === '' ? -1 : order.indexOf(sheet) < 0 ? order.length : order.indexOf(sheet));
  const tableRank = (sheet: string, table: string | null) => {
    const i = anchors.findIndex((a) => a.sheet === sheet && a.name === table);
    return i < 0 ? anchors.length : i;
  };
  return [...sheets]
    .map(([sheet, tables], i) => {
      const groups = [...tables].map(([table, list]) => ({ table, findings: inSheetOrder(list) })).sort((a, b) => tableRank(sheet, a.table) - tableRank(sheet, b.table));
      const only = groups.length === 1 ? groups[0].table : undefined;
      const single = only !== undefined && (only === null || only === sheet || FIXED_TABLES.has(only));
      return { i, group: { sheet, tables: groups, count: groups.reduce((n, g) => n + g.findings.length, 0), single } };
    })
    .sort((a, b) => rank(a.group.sheet) - rank(b.group.sheet) || a.i - b.i)
    .map((x) => x.group);
}

/** Top to bottom, left to right; the given order (severity first) breaks ties. */
function inSheetOrder(list: Finding[]): Finding[] {
  const pos = (f: Finding) => {
    try {
      const p = parseA1(f.cell);
      return [p.row, p.col];
    } catch {
      return [-1, -1];
    }
  };
  return list
    .map((f, i) => ({ f, i, p: pos(f) }))
    .sort((a, b) => a.p[0] - b.p[0] || a.p[1] - b.p[1] || a.i - b.i)
    .map((x) => x.f);
}

/** Cells to select for a finding: all its cells, or its own cell when it lists none. */
export function cellsToSelect(f: Finding): string[] {
  if (f.cells.length) return f.cells;
  if (!f.sheet || !f.cell) return [];
  return [qualified(f.sheet, f.cell)];
}

/** A stable key for React lists. */
export function findingKey(f: Finding, i: number): string {
  return `${f.rule}|${f.messageId}|${f.sheet}|${f.cell}|${i}`;
}
