/**
 * Where each cell of a read plan belongs: its table, row and column as a Place, and the unit of the
 * figure in it. Built once per run from the plan the reader produced, so every finding gets its table and
 * row as fields from the cell it is reported at, whatever the rule; a cell the plan does not list (a
 * label between tables, a heading) gets the table whose rows it lies in.
 */
import { parseA1 } from '../grid/a1';
import type { CellRef, Figure, Plan, Series } from '../model/plan';
import { circledNumber } from '../template/description';
import type { Place, Role } from './types';

export interface PlaceEntry {
  place: Place;
  /** Unit of the figure in the cell; null for a label. */
  unit: string | null;
}

export interface PlaceIndex {
  /** The place of a cell: the figure or label there, else the table whose rows it lies in; null outside every table. */
  at(ref: CellRef): PlaceEntry | null;
  /** Every table in plan order. */
  tables: Place['table'][];
}

const key = (ref: CellRef) => `${ref.sheet}\u0000${ref.cell}`;

function rowOf(cell: string): number | null {
  try {
    return parseA1(cell).row;
  } catch {
    return null;
  }
}

export const TABLE_NAMES = { indicators: '공통 일자리 목표', areas: '분야별 목표' } as const;

export function buildPlaceIndex(plan: Plan): PlaceIndex {
  const cells = new Map<string, PlaceEntry>();
  const tables: Place['table'][] = [];
  /** Per sheet: the first row of each table on it, for cells the plan does not list. */
  const anchors = new Map<string, { row: number; table: Place['table'] }[]>();
  const anchor = (table: Place['table'], ref: CellRef) => {
    const row = rowOf(ref.cell);
    if (row === null) return;
    const list = anchors.get(ref.sheet) ?? [];
    const mine = list.find((a) => a.table === table);
    if (mine) mine.row = Math.min(mine.row, row);
    else list.push({ row, table });
    anchors.set(ref.sheet, list);
  };
  const put = (ref: CellRef | null | undefined, place: Place, unit: string | null) => {
    if (!ref) return;
    if (!cells.has(key(ref))) cells.set(key(ref), { place, unit });
    anchor(place.table, ref);
  };
  const table = (kind: Place['table']['kind'], name: string): Place['table'] => {
    const t = { kind, name, index: tables.length };
    tables.push(t);
    return t;
  };
  const { startYear } = plan.period;
  const series = (s: Series | null, base: Place, role: Role, unit: string) => {
    if (!s) return;
    put(s.total.ref, { ...base, role, year: 'total' }, unit);
    s.years.forEach((f, i) => put(f.ref, { ...base, role, year: startYear + i }, unit));
  };

  if (plan.indicators.length) {
    const t = table('indicators', TABLE_NAMES.indicators);
    const base = startYear - 1;
    for (const ind of plan.indicators) {
      const p: Place = { table: t, indicator: ind.name };
      put(ind.label, { ...p, field: 'label' }, null);
      if (ind.lastActual) put(ind.lastActual.ref, { ...p, field: 'lastActual', year: base - 1 }, ind.unit);
      put(ind.base.ref, { ...p, field: 'base', year: base }, ind.unit);
      ind.targets.forEach((f, i) => put(f.ref, { ...p, field: 'target', year: startYear + i }, ind.unit));
      if (ind.statedChange) put(ind.statedChange.ref, { ...p, field: 'change' }, ind.kind === 'rate' ? '%p' : '%');
    }
  }
  if (plan.grandTotal || plan.areas.length) {
    const t = table('areas', TABLE_NAMES.areas);
    const units = plan.areaUnits;
    if (plan.grandTotal) {
      const p: Place = { table: t, grandTotal: true };
      put(plan.grandTotal.label, p, null);
      series(plan.grandTotal.target, p, 'target', units.target);
      series(plan.grandTotal.budget, p, 'budget', units.budget);
    }
    for (const a of plan.areas) {
      const p: Place = { table: t, area: a.name };
      put(a.label, p, null);
      series(a.target, p, 'target', units.target);
      series(a.budget, p, 'budget', units.budget);
    }
  }
  for (const task of plan.tasks) {
    const t = table('task', `${circledNumber(task.no)} ${task.name}`);
    const p: Place = { table: t, task: { no: task.no, name: task.name }, area: task.areaName };
    put(task.label, p, null);
    if (task.total) {
      const tp: Place = { ...p, taskTotal: true };
      put(task.total.label, tp, null);
      series(task.total.target, tp, 'target', task.targetUnit);
      series(task.total.budget, tp, 'budget', task.budgetUnit);
    }
    for (const s of task.subprojects) {
      const sp: Place = { ...p, subproject: s.name };
      put(s.label, sp, null);
      series(s.target, sp, 'target', task.targetUnit);
      series(s.budget, sp, 'budget', task.budgetUnit);
    }
  }
  const results = plan.results;
  if (results) {
    const t = table('results', results.sheet);
    if (results.yearRef) put(results.yearRef, { table: t, field: 'year' }, null);
    for (const item of results.items) {
      const path: string[] = [];
      for (let cur: typeof item | null = item; cur; cur = cur.parent === null ? null : results.items[cur.parent]) path.unshift(cur.name || cur.label.cell);
      const p: Place = { table: t, item: path, ...(item.year !== null ? { year: item.year } : {}) };
      const fig = (f: Figure | null, field: Place['field'], unit: string | null) => f && put(f.ref, { ...p, field }, unit);
      put(item.label, { ...p, field: 'label' }, null);
      fig(item.target, 'target', item.unit || null);
      fig(item.actual, 'actual', item.unit || null);
      fig(item.rate, 'rate', '%');
      put(item.unitRef, { ...p, field: 'unit' }, null);
      put(item.yearRef, { ...p, field: 'year' }, null);
      put(item.link?.taskRef, { ...p, field: 'link' }, null);
      put(item.link?.subprojectRef, { ...p, field: 'link' }, null);
    }
  }
  const annual = plan.annualPlan;
  if (annual) {
    const t = table('annual', annual.sheet);
    for (const row of annual.rows) {
      const task = plan.tasks.find((x) => x.name === row.task || `${circledNumber(x.no)} ${x.name}` === row.task);
      const p: Place = { table: t, ...(task ? { task: { no: task.no, name: task.name } } : {}), subproject: row.subproject, ...(annual.year !== null ? { year: annual.year } : {}) };
      put(row.taskRef, { ...p, field: 'link' }, null);
      put(row.label, { ...p, field: 'label' }, null);
      put(row.target.ref, { ...p, role: 'target' }, row.targetUnit || null);
      if (row.budget) put(row.budget.ref, { ...p, role: 'budget' }, row.budgetUnit || null);
    }
  }
  for (const list of anchors.values()) list.sort((a, b) => a.row - b.row);

  return {
    tables,
    at(ref) {
      const hit = cells.get(key(ref));
      if (hit) return hit;
      const list = anchors.get(ref.sheet);
      if (!list?.length) return null;
      const row = rowOf(ref.cell);
      let best = list[0];
      if (row !== null) for (const a of list) if (a.row <= row) best = a;
      return { place: { table: best.table }, unit: null };
    },
  };
}
