/**
 * Pure view logic for the findings list: severity filters, counts, the one order and grouping by sheet and
 * table. The order, severity names and every text about a finding come from src/core/present; "table" is
 * the finding's place (공통 일자리 목표, 분야별 목표, one 실천과제 …), or, for a finding made without one, the
 * plan table its cell sits in (from the rows where the reader located each table).
 */
import { parseA1 } from '../../core/grid/a1';
import { orderFindings } from '../../core/present';
import { ALL_RULES } from '../../core/rules';
import { circledNumber } from '../../core/template/description';
import type { CellRef, Plan } from '../../core/model/plan';
import type { Finding, Place, Severity, TableKind } from '../../core/rules/types';

export { SEVERITIES } from '../../core/present';

export type SeverityFilter = Record<Severity, boolean>;

export const ALL_SEVERITIES: SeverityFilter = { error: true, warning: true, info: true };

export { countSeverities as countBySeverity } from '../../core/present';

export function filterFindings(findings: readonly Finding[], filter: SeverityFilter): Finding[] {
  return findings.filter((f) => filter[f.severity]);
}

/** Tables that are a sheet of their own, by the names the anchors give (for findings made without a place). */
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
  /** The table as the findings' place names it (kind, name), for its heading in the pane's language. */
  place: Place['table'] | null;
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

/** Tables that are a sheet of their own, by kind: their name says what the sheet's would. */
const SHEET_TABLES: ReadonlySet<TableKind> = new Set(['overview', 'indicators', 'areas', 'results', 'annual']);

const RULE_ORDER = [...ALL_RULES.map((r) => r.meta.id)];

/**
 * The findings in the one order every output uses (core/present orderFindings: workbook order, then table,
 * row, column). `sheets`: the workbook's sheets in workbook order (ValidateResult.sheets); without them the
 * plan's sheets, then the others in the order the findings name them.
 */
export function paneOrder(findings: readonly Finding[], sheets?: readonly string[] | null, plan?: Plan | null): Finding[] {
  const order = sheets?.length ? [...sheets] : sheetOrder(plan);
  for (const f of findings) if (f.sheet && !order.includes(f.sheet)) order.push(f.sheet);
  return orderFindings(findings, order, RULE_ORDER);
}

/**
 * Groups findings (already in the one order, see paneOrder) by sheet, then table, keeping that order: groups
 * appear as their first finding does, findings keep their order within a group. A finding's table is its
 * `place.table`; the plan's table anchors place the rare finding made without one.
 */
export function groupFindings(findings: readonly Finding[], plan?: Plan | null): SheetGroup[] {
  const anchors = tableAnchors(plan);
  const sheets = new Map<string, Map<string | null, TableGroup>>();
  for (const f of findings) {
    const table = f.place?.table.name ?? tableOf(anchors, f.sheet, f.cell);
    let tables = sheets.get(f.sheet);
    if (!tables) sheets.set(f.sheet, (tables = new Map()));
    let group = tables.get(table);
    if (!group) tables.set(table, (group = { table, place: f.place?.table ?? null, findings: [] }));
    group.findings.push(f);
  }
  return [...sheets].map(([sheet, tables]) => {
    const groups = [...tables.values()];
    const only = groups.length === 1 ? groups[0] : undefined;
    const single = !!only && (only.table === null || only.table === sheet || (!!only.place && SHEET_TABLES.has(only.place.kind)) || FIXED_TABLES.has(only.table));
    return { sheet, tables: groups, count: groups.reduce((n, g) => n + g.findings.length, 0), single };
  });
}

/** Cells to select for a finding: all its cells (structured references), or its own cell when it lists none. */
export function cellsToSelect(f: Finding): CellRef[] {
  if (f.refs.length) return f.refs;
  if (!f.sheet || !f.cell) return [];
  return [{ sheet: f.sheet, cell: f.cell }];
}

/** A stable key for React lists. */
export function findingKey(f: Finding, i: number): string {
  return `${f.rule}|${f.messageId}|${f.sheet}|${f.cell}|${i}`;
}
