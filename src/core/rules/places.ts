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

/**
 * What visitCells records each cell into. A method of a class rather than a callback made per walk: the
 * walk's call sites then see the same function from one check to the next (a new closure per walk made
 * V8 throw away the walk's optimised code in the second check, and compile it again).
 */
interface CellSink {
  /** Records one cell of the plan: its row's place, unit and column; `anchors` false for a figure that shares its row with a label already recorded. */
  put(ref: CellRef | null | undefined, base: Place, unit: string | null, role?: Role, field?: Place['field'], year?: Place['year'], anchors?: boolean): void;
  /** True when put would record nothing for this cell, whatever its place: the walk then need not make the place. */
  skips(ref: CellRef | null | undefined): boolean;
}

/** Would the sink record nothing for any cell of this series? */
function skipsSeries(sink: CellSink, s: Series | null): boolean {
  if (!s) return true;
  if (!sink.skips(s.total.ref)) return false;
  const years = s.years;
  for (let i = 0; i < years.length; i++) if (!sink.skips(years[i].ref)) return false;
  return true;
}

/** A series' figures: they share their row with its label (put with the row), which anchors the table. */
function putSeries(sink: CellSink, s: Series | null, base: Place, role: Role, unit: string, startYear: number): void {
  if (s === null || skipsSeries(sink, s)) return; // most series hold no cell a finding names
  sink.put(s.total.ref, base, unit, role, undefined, 'total', false);
  const years = s.years;
  for (let i = 0; i < years.length; i++) sink.put(years[i].ref, base, unit, role, undefined, startYear + i, false);
}

/**
 * Every cell the plan lists, in plan order (the first record of a cell is its place), and the tables in
 * order: the one description of where a plan's cells belong, for the whole index and for a few cells.
 */
function visitCells(plan: Plan, sink: CellSink): Place['table'][] {
  const put: CellSink['put'] = (ref, base, unit, role, field, year, anchors) => sink.put(ref, base, unit, role, field, year, anchors);
  const tables: Place['table'][] = [];
  const table = (kind: Place['table']['kind'], name: string): Place['table'] => {
    const t = { kind, name, index: tables.length };
    tables.push(t);
    return t;
  };
  const { startYear } = plan.period;
  const series = (s: Series | null, base: Place, role: Role, unit: string) => putSeries(sink, s, base, role, unit, startYear);

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
    if (!sink.skips(task.label)) sink.put(task.label, p, null);
    if (task.total) {
      // Written out rather than spread (a spread per row is slow), in p's key order.
      const tp: Place = { table: t, task: taskName, area: task.areaName, taskTotal: true };
      if (!sink.skips(task.total.label)) sink.put(task.total.label, tp, null);
      putSeries(sink, task.total.target, tp, 'target', task.targetUnit, startYear);
      putSeries(sink, task.total.budget, tp, 'budget', task.budgetUnit, startYear);
    }
    putSubprojects(sink, task, t, taskName, startYear);
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

/** A task's 세부사업 rows, then its 소계 rows: each label, then its 성과목표 and 소요예산 figures. */
function putSubprojects(sink: CellSink, task: Plan['tasks'][number], t: Place['table'], taskName: { no: number; name: string }, startYear: number): void {
  const subprojects = task.subprojects;
  for (let i = 0; i < subprojects.length; i++) {
    const s = subprojects[i];
    // Most rows hold no cell a finding names: their place is not made.
    if (sink.skips(s.label) && skipsSeries(sink, s.target) && skipsSeries(sink, s.budget)) continue;
    const sp: Place = { table: t, task: taskName, area: task.areaName, subproject: s.name };
    sink.put(s.label, sp, null);
    putSeries(sink, s.target, sp, 'target', task.targetUnit, startYear);
    putSeries(sink, s.budget, sp, 'budget', task.budgetUnit, startYear);
  }
  const subtotals = task.subtotals;
  if (subtotals === undefined) return;
  for (let i = 0; i < subtotals.length; i++) {
    const s = subtotals[i];
    if (sink.skips(s.label) && skipsSeries(sink, s.target) && skipsSeries(sink, s.budget)) continue;
    const sp: Place = { table: t, task: taskName, area: task.areaName, subtotal: s.name };
    sink.put(s.label, sp, null);
    putSeries(sink, s.target, sp, 'target', task.targetUnit, startYear);
    putSeries(sink, s.budget, sp, 'budget', task.budgetUnit, startYear);
  }
}

/** buildPlaceIndex's records: every cell's first record, and each table's first row per sheet. */
class IndexSink implements CellSink {
  /** Per sheet, per cell: sheet names and cells are looked up in two maps (no key string per cell). */
  readonly cells = new Map<string, Map<string, Stored>>();
  /** Per sheet: the first row of each table on it, for cells the plan does not list. */
  readonly anchors = new Map<string, { row: number; table: Place['table'] }[]>();
  /** Each table's anchor per sheet, found in constant time (a plan may have thousands of tables). */
  private readonly anchorOf = new Map<Place['table'], Map<string, { row: number; table: Place['table'] }>>();

  put(ref: CellRef | null | undefined, base: Place, unit: string | null, role?: Role, field?: Place['field'], year?: Place['year'], anchors = true): void {
    if (!ref) return;
    let sheet = this.cells.get(ref.sheet);
    if (!sheet) this.cells.set(ref.sheet, (sheet = new Map()));
    if (!sheet.has(ref.cell)) sheet.set(ref.cell, { base, unit, role, field, year });
    if (anchors) this.anchor(base.table, ref);
  }

  skips(): boolean {
    return false; // every cell is recorded, and anchors its table
  }

  private anchor(table: Place['table'], ref: CellRef): void {
    const row = rowOf(ref.cell);
    if (row === null) return;
    let bySheet = this.anchorOf.get(table);
    if (!bySheet) this.anchorOf.set(table, (bySheet = new Map()));
    const mine = bySheet.get(ref.sheet);
    if (mine) {
      if (row < mine.row) mine.row = row;
      return;
    }
    const entry = { row, table };
    bySheet.set(ref.sheet, entry);
    let list = this.anchors.get(ref.sheet);
    if (!list) this.anchors.set(ref.sheet, (list = []));
    list.push(entry);
  }
}

export function buildPlaceIndex(plan: Plan): PlaceIndex {
  const sink = new IndexSink();
  const tables = visitCells(plan, sink);
  const { cells, anchors } = sink;
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
  const open = list.length;
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
  const sink = new WantedSink(byEnding, mask, open);
  const tables = visitCells(plan, sink);
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

/** placesOf's records: the first record of each wanted cell, found among the wanted cells ending the same way. */
class WantedSink implements CellSink {
  constructor(
    private readonly byEnding: (Wanted[] | undefined)[],
    private readonly mask: number,
    /** Wanted cells not met yet. */
    private open: number,
  ) {}

  skips(ref: CellRef | null | undefined): boolean {
    if (!ref || this.open === 0) return true;
    const same = this.byEnding[ending(ref.cell) & this.mask];
    if (same === undefined) return true;
    for (let i = 0; i < same.length; i++) {
      const w = same[i];
      if (w.stored === null && w.cell === ref.cell && w.sheet === ref.sheet) return false;
    }
    return true;
  }

  put(ref: CellRef | null | undefined, base: Place, unit: string | null, role?: Role, field?: Place['field'], year?: Place['year']): void {
    if (!ref || this.open === 0) return;
    const same = this.byEnding[ending(ref.cell) & this.mask];
    if (same === undefined) return;
    for (let i = 0; i < same.length; i++) {
      const w = same[i];
      if (w.stored !== null || w.cell !== ref.cell || w.sheet !== ref.sheet) continue;
      w.stored = { base, unit, role, field, year };
      this.open -= 1;
    }
  }
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
