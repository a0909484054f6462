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
  return anchors.sort((a, b) => (a.sheet === b.sheet ? a.row - b.row : a.sheet < b.sheet ? -1 : 1));
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
}

/**
 * Groups findings by sheet, then table, keeping the order in which sheets and tables first appear in the
 * (already sorted) findings; findings keep their order within a group. A finding's table is its
 * `place.table` (a structure finding about a missing table has one too).
 */
export function groupFindings(findings: readonly Finding[], plan?: Plan | null): SheetGroup[] {
  const anchors = tableAnchors(plan);
  const sheets = new Map<string, Map<string | null, Finding[]>>();
  for (const f of findings) {
    // The finding's own place names its table; the anchors cover findings made without one.
    const table = f.place?.table.name ?? tableOf(anchors, f.sheet, f.cell);
    let tables = sheets.get(f.sheet);
    if (!tables) sheets.set(f.sheet, (tables = new Map()));
    let list = tables.get(table);
    if (!list) tables.set(table, (list = []));
    list.push(f);
  }
  return [...sheets].map(([sheet, tables]) => {
    const groups = [...tables].map(([table, list]) => ({ table, findings: list }));
    return { sheet, tables: groups, count: groups.reduce((n, g) => n + g.findings.length, 0) };
  });
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
