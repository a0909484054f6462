/**
 * Pure view logic for the findings list: severity filters, counts, the one order and grouping by sheet and
 * table. The order, severity names and every text about a finding come from src/core/present; "table" is
 * the finding's place as the engine found it (공통 일자리 목표, 분야별 목표, one 실천과제 …).
 */
import { orderFindings } from '../../core/present';
import { ALL_RULES } from '../../core/rules';
import type { CellRef } from '../../core/model/plan';
import type { Finding, Place, Severity, TableKind } from '../../core/rules/types';

export { SEVERITIES } from '../../core/present';

export type SeverityFilter = Record<Severity, boolean>;

export const ALL_SEVERITIES: SeverityFilter = { error: true, warning: true, info: true };

export { countSeverities as countBySeverity } from '../../core/present';

export function filterFindings(findings: readonly Finding[], filter: SeverityFilter): Finding[] {
  return findings.filter((f) => filter[f.severity]);
}

export interface TableGroup {
  /** Table name, or null for findings the engine placed in no table (shown under the sheet only). */
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
 * sheets in the order the findings name them (the engine's order).
 */
export function paneOrder(findings: readonly Finding[], sheets?: readonly string[] | null): Finding[] {
  const order = sheets?.length ? [...sheets] : [];
  for (const f of findings) if (f.sheet && !order.includes(f.sheet)) order.push(f.sheet);
  return orderFindings(findings, order, RULE_ORDER);
}

/**
 * Groups findings (already in the one order, see paneOrder) by sheet, then table, keeping that order: groups
 * appear as their first finding does, findings keep their order within a group. A finding's table is its
 * `place.table` (the engine's); a finding it placed in no table is listed under its sheet alone.
 */
export function groupFindings(findings: readonly Finding[]): SheetGroup[] {
  const sheets = new Map<string, Map<string | null, TableGroup>>();
  for (const f of findings) {
    const table = f.place?.table.name ?? null;
    let tables = sheets.get(f.sheet);
    if (!tables) sheets.set(f.sheet, (tables = new Map()));
    let group = tables.get(table);
    if (!group) tables.set(table, (group = { table, place: f.place?.table ?? null, findings: [] }));
    group.findings.push(f);
  }
  return [...sheets].map(([sheet, tables]) => {
    const groups = [...tables.values()];
    const only = groups.length === 1 ? groups[0] : undefined;
    const single = !!only && (only.table === null || only.table === sheet || (!!only.place && SHEET_TABLES.has(only.place.kind)));
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
