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

function rowOf(cell: string): number | null {
  try {
    return parseA1(cell).row;
  } catch {
    return null;
  }
}

/** What the index keeps per cell: the row's place and the cell's column, made into a Place when asked. */
interface Stored {
  base: Place;
  unit: string | null;
  role?: Role;
  field?: Place['field'];
  year?: Place['year'];
}

/** The cell's Place: its row's, then role, field and year (in that order, as reports show them). */
function placeOf(s: Stored): Place {
  if (s.role === undefined && s.field === undefined && s.year === undefined) return s.base;
  const p: Place = { ...s.base };
  if (s.role !== undefined) p.role = s.role;
  if (s.field !== undefined) p.field = s.field;
  if (s.year !== undefined) p.year = s.year;
  return p;
}

export const TABLE_NAMES = { indicators: '공통 일자리 목표', areas: '분야별 목표' } as const;

/** Records one cell of the plan: its row's place, unit and column; `anchors` false for a figure that shares its row with a label already recorded. */
type Put = (ref: CellRef | null | undefined, base: Place, unit: string | null, role?: Role, field?: Place['field'], year?: Place['year'], anchors?: boolean) => void;

/**
 * Every cell the plan lists, in plan order (the first record of a cell is its place), and the tables in
 * order: the one description of where a plan's cells belong, for the whole index and for a few cells.
 */
function visitCells(plan: Plan, put: Put): Place['table'][] {
  const tables: Place['table'][] = [];
  const table = (kind: Place['table']['kind'], name: string): Place['table'] => {
    const t = { kind, name, index: tables.length };
    tables.push(t);
    return t;
  };
  const { startYear } = plan.period;
  const series = (s: Series | null, base: Place, role: Role, unit: string) => {
    if (!s) return;
    // A series' figures share their row with its label (put with the row), which anchors the table.
    put(s.total.ref, base, unit, role, undefined, 'total', false);
    for (let i = 0; i < s.years.length; i++) put(s.years[i].ref, base, unit, role, undefined, startYear + i, false);
  };

  if (plan.indicators.length) {
    const t = table('indicators', TABLE_NAMES.indicators);
    const base = startYear - 1;
    for (const ind of plan.indicators) {
      const p: Place = { table: t, indicator: ind.name };
      put(ind.label, p, null, undefined, 'label');
      if (ind.lastActual) put(ind.lastActual.ref, p, ind.unit, undefined, 'lastActual', base - 1);
      put(ind.base.ref, p, ind.unit, undefined, 'base', base);
      ind.targets.forEach((f, i) => put(f.ref, p, ind.unit, undefined, 'target', startYear + i));
      if (ind.statedChange) put(ind.statedChange.ref, p, ind.kind === 'rate' ? '%p' : '%', undefined, 'change');
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
  // Indexed loops over the tasks and 세부사업: the walk runs once per check, mostly before it is optimised, where for…of makes an object per step.
  for (let k = 0; k < plan.tasks.length; k++) {
    const task = plan.tasks[k];
    const t = table('task', `${circledNumber(task.no)} ${task.name}`);
    const taskName = { no: task.no, name: task.name };
    const p: Place = { table: t, task: taskName, area: task.areaName };
    put(task.label, p, null);
    if (task.total) {
      // Written out rather than spread (a spread per row is slow), in p's key order.
      const tp: Place = { table: t, task: taskName, area: task.areaName, taskTotal: true };
      put(task.total.label, tp, null);
      series(task.total.target, tp, 'target', task.targetUnit);
      series(task.total.budget, tp, 'budget', task.budgetUnit);
    }
    for (let i = 0; i < task.subprojects.length; i++) {
      const s = task.subprojects[i];
      const sp: Place = { table: t, task: taskName, area: task.areaName, subproject: s.name };
      put(s.label, sp, null);
      series(s.target, sp, 'target', task.targetUnit);
      series(s.budget, sp, 'budget', task.budgetUnit);
    }
  }
  const results = plan.results;
  if (results) {
    const t = table('results', results.sheet);
    if (results.yearRef) put(results.yearRef, { table: t }, null, undefined, 'year');
    for (const item of results.items) {
      const path: string[] = [];
      for (let cur: typeof item | null = item; cur; cur = cur.parent === null ? null : results.items[cur.parent]) path.unshift(cur.name || cur.label.cell);
      const p: Place = { table: t, item: path, ...(item.year !== null ? { year: item.year } : {}) };
      const fig = (f: Figure | null, field: Place['field'], unit: string | null) => f && put(f.ref, p, unit, undefined, field);
      put(item.label, p, null, undefined, 'label');
      fig(item.target, 'target', item.unit || null);
      fig(item.actual, 'actual', item.unit || null);
      fig(item.rate, 'rate', '%');
      put(item.unitRef, p, null, undefined, 'unit');
      put(item.yearRef, p, null, undefined, 'year');
      put(item.link?.taskRef, p, null, undefined, 'link');
      put(item.link?.subprojectRef, p, null, undefined, 'link');
    }
  }
  const annual = plan.annualPlan;
  if (annual) {
    const t = table('annual', annual.sheet);
    for (const row of annual.rows) {
      const task = plan.tasks.find((x) => x.name === row.task || `${circledNumber(x.no)} ${x.name}` === row.task);
      const p: Place = { table: t, ...(task ? { task: { no: task.no, name: task.name } } : {}), subproject: row.subproject, ...(annual.year !== null ? { year: annual.year } : {}) };
      put(row.taskRef, p, null, undefined, 'link');
      put(row.label, p, null, undefined, 'label');
      put(row.target.ref, p, row.targetUnit || null, 'target');
      if (row.budget) put(row.budget.ref, p, row.budgetUnit || null, 'budget');
    }
  }
  return tables;
}

export function buildPlaceIndex(plan: Plan): PlaceIndex {
  /** Per sheet, per cell: sheet names and cells are looked up in two maps (no key string per cell). */
  const cells = new Map<string, Map<string, Stored>>();
  /** Per sheet: the first row of each table on it, for cells the plan does not list. */
  const anchors = new Map<string, { row: number; table: Place['table'] }[]>();
  /** Each table's anchor per sheet, found in constant time (a plan may have thousands of tables). */
  const anchorOf = new Map<Place['table'], Map<string, { row: number; table: Place['table'] }>>();
  const anchor = (table: Place['table'], ref: CellRef) => {
    const row = rowOf(ref.cell);
    if (row === null) return;
    let bySheet = anchorOf.get(table);
    if (!bySheet) anchorOf.set(table, (bySheet = new Map()));
    const mine = bySheet.get(ref.sheet);
    if (mine) {
      if (row < mine.row) mine.row = row;
      return;
    }
    const entry = { row, table };
    bySheet.set(ref.sheet, entry);
    let list = anchors.get(ref.sheet);
    if (!list) anchors.set(ref.sheet, (list = []));
    list.push(entry);
  };
  const tables = visitCells(plan, (ref, base, unit, role, field, year, anchors = true) => {
    if (!ref) return;
    let sheet = cells.get(ref.sheet);
    if (!sheet) cells.set(ref.sheet, (sheet = new Map()));
    if (!sheet.has(ref.cell)) sheet.set(ref.cell, { base, unit, role, field, year });
    if (anchors) anchor(base.table, ref);
  });
  for (const list of anchors.values()) list.sort((a, b) => a.row - b.row);

  return {
    tables,
    at(ref) {
      const hit = cells.get(ref.sheet)?.get(ref.cell);
      if (hit) return { place: placeOf(hit), unit: hit.unit };
      const list = anchors.get(ref.sheet);
      if (!list?.length) return null;
      const row = rowOf(ref.cell);
      let best = list[0];
      if (row !== null) for (const a of list) if (a.row <= row) best = a;
      return { place: { table: best.table }, unit: null };
    },
  };
}

/**
 * The places of the given cells only (the cells findings name): one walk over the plan that looks each
 * cell up among the few wanted, nothing stored for the others. A cell the plan does not list (a label
 * between tables, a heading) — or one not given here — is answered by the whole index, built then.
 */
export function placesOf(plan: Plan, refs: Iterable<CellRef | null | undefined>): PlaceIndex {
  /** Per sheet, per wanted cell: its first record once met. */
  const wanted = new Map<string, Map<string, Wanted>>();
  const list: Wanted[] = [];
  for (const ref of refs) {
    if (!ref) continue;
    let sheet = wanted.get(ref.sheet);
    if (!sheet) wanted.set(ref.sheet, (sheet = new Map()));
    if (sheet.has(ref.cell)) continue;
    const w: Wanted = { sheet: ref.sheet, cell: ref.cell, stored: null };
    sheet.set(ref.cell, w);
    list.push(w);
  }
  let open = list.length;
  /**
   * The wanted cells by the last three characters of their address: the plan's cells are compared with
   * the few wanted ones that end the same way, without hashing every cell's address. The table has about
   * twice as many slots as wanted cells (at least 64): a plan with two findings does not pay for a large one.
   */
  let size = 64;
  while (size < 2 * open && size < 1 << 16) size *= 2;
  const mask = size - 1;
  const byEnding = new Array<Wanted[] | undefined>(size);
  for (let i = 0; i < list.length; i++) (byEnding[ending(list[i].cell) & mask] ??= []).push(list[i]);
  const tables = visitCells(plan, (ref, base, unit, role, field, year) => {
    if (!ref || open === 0) return;
    const same = byEnding[ending(ref.cell) & mask];
    if (same === undefined) return;
    for (let i = 0; i < same.length; i++) {
      const w = same[i];
      if (w.stored !== null || w.cell !== ref.cell || w.sheet !== ref.sheet) continue;
      w.stored = { base, unit, role, field, year };
      open -= 1;
    }
  });
  let whole: PlaceIndex | null = null;
  return {
    tables,
    at(ref) {
      const hit = wanted.get(ref.sheet)?.get(ref.cell)?.stored;
      if (hit) return { place: placeOf(hit), unit: hit.unit };
      whole ??= buildPlaceIndex(plan);
      return whole.at(ref);
    },
  };
}

interface Wanted {
  sheet: string;
  cell: string;
  /** The cell's first record in the plan, null while none has been met. */
  stored: Stored | null;
}

/** A number from an address's last three characters (its row's last digits, mostly), to be masked to a table's size. */
function ending(cell: string): number {
  const n = cell.length;
  let h = 0;
  for (let i = n - 1; i >= 0 && i >= n - 3; i--) h = h * 31 + cell.charCodeAt(i);
  return h;
}
