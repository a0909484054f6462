/** Walks every series of a plan with a readable description of where it is (used by several rules). */
import type { Figure, Indicator, Plan, Series, SubProject, Task } from '../model/plan';
import { PLAUSIBLE_LIMIT } from '../numbers/interval';
import { sumHolds } from './sums';
import type { NumberState } from '../numbers/parse';
import { circledNumber } from '../template/description';
import { GRAND_TOTAL_WORDS, ROLE_WORDS, TASK_TOTAL_WORDS, TOTAL_WORDS, bi, joinWords, yearWords, type Role, type Words } from './words';

export type { Role } from './words';

export function taskLabel(no: number, name: string): string {
  return `${circledNumber(no)} ${name}`;
}

/**
 * A 성과목표 or 소요예산 row of the plan (grand total, area, task total, 세부사업): its series and role,
 * and its description ("① 청년 창업 인프라 조성 · 청년 창업 지원 성과목표"), joined the first time a rule
 * reads it: most rows are never reported.
 */
export class SeriesRow {
  private words: Words | undefined;
  constructor(
    readonly series: Series,
    readonly role: Role,
    /** The area's name or the grand total's words; for a task's rows, the task's label. */
    private readonly head: Words,
    /** A task's rows: the 세부사업's (or 소계's) name, or null for the task's 총계 row; undefined for the other tables. */
    private readonly sub?: string | null,
    /** The 세부사업 of a 세부사업's row. */
    readonly subproject?: SubProject,
  ) {}
  /** Where the row is, without its role: "① 청년 창업 인프라 조성 · 청년 창업 지원". */
  get where(): Words {
    if (this.sub === undefined) return this.head;
    return this.sub === null ? taskTotalWords(this.head as string) : `${this.head as string} · ${this.sub}`;
  }
  /** The row with its role: "… 성과목표". */
  get what(): Words {
    return (this.words ??= joinWords([this.where, ROLE_WORDS[this.role]]));
  }
}

/**
 * While rules run over a plan (runRules), the walks below are made once and shared by every rule; the
 * plan is not changed meanwhile. Outside, every walk is made afresh.
 */
interface WalkCache {
  plan: Plan;
  rows?: SeriesRow[];
  facts?: SeriesFacts;
}
let walks: WalkCache | null = null;

export function withWalkCache<T>(plan: Plan, run: () => T): T {
  const outer = walks;
  walks = { plan };
  try {
    return run();
  } finally {
    walks = outer;
  }
}

function cacheFor(plan: Plan): WalkCache | null {
  return walks !== null && walks.plan === plan ? walks : null;
}

/** Every series row (grand total, areas, task totals, 세부사업, 소계), each target then budget, in plan order (a task's 소계 after its 세부사업). */
export function seriesRows(plan: Plan): readonly SeriesRow[] {
  const cache = cacheFor(plan);
  if (cache?.rows) return cache.rows;
  // The list made at its length (counted first: tens of thousands of rows, no regrowing), filled by a module
  // function in indexed loops (no closure made per walk: its call sites see one function from one check to the next).
  const tasks = plan.tasks;
  let n = plan.grandTotal ? pairRows(plan.grandTotal) : 0;
  for (let i = 0; i < plan.areas.length; i++) n += pairRows(plan.areas[i]);
  for (let k = 0; k < tasks.length; k++) {
    const t = tasks[k];
    if (t.total) n += pairRows(t.total);
    for (let i = 0; i < t.subprojects.length; i++) n += pairRows(t.subprojects[i]);
    if (t.subtotals) n += 2 * t.subtotals.length;
  }
  const rows = new Array<SeriesRow>(n);
  let at = 0;
  if (plan.grandTotal) at = putBoth(rows, at, plan.grandTotal, GRAND_TOTAL_WORDS, undefined, undefined);
  for (const a of plan.areas) at = putBoth(rows, at, a, a.name, undefined, undefined);
  for (let k = 0; k < tasks.length; k++) {
    const t = tasks[k];
    const label = taskLabel(t.no, t.name);
    if (t.total) at = putBoth(rows, at, t.total, label, null, undefined);
    const subprojects = t.subprojects;
    for (let i = 0; i < subprojects.length; i++) at = putBoth(rows, at, subprojects[i], label, subprojects[i].name, subprojects[i]);
    // Its 소계 rows (named as written: "… · 소계"), after its 세부사업.
    const subtotals = t.subtotals;
    if (subtotals) for (let i = 0; i < subtotals.length; i++) at = putBoth(rows, at, subtotals[i], label, subtotals[i].name, undefined);
  }
  if (cache) cache.rows = rows;
  return rows;
}

/** How many rows a pair has: its target row, and its budget row when it has one. */
function pairRows(pair: { target: Series; budget: Series | null }): number {
  return pair.budget ? 2 : 1;
}

/** A pair's rows put at `at`: its target row, then its budget row when it has one; the next free place. */
function putBoth(rows: SeriesRow[], at: number, pair: { target: Series; budget: Series | null }, head: Words, sub: string | null | undefined, subproject: SubProject | undefined): number {
  rows[at++] = new SeriesRow(pair.target, 'target', head, sub, subproject);
  if (pair.budget) rows[at++] = new SeriesRow(pair.budget, 'budget', head, sub, subproject);
  return at;
}

/** Calls `fn` for each series (grand total, areas, task totals, 세부사업), targets and budgets. */
export function forEachSeries(plan: Plan, fn: (series: Series, what: Words, role: Role) => void): void {
  for (const row of seriesRows(plan)) fn(row.series, row.what, row.role);
}

/** "① 청년 창업 인프라 조성 총계" / "… total". */
function taskTotalWords(label: string): Words {
  return joinWords([label, TASK_TOTAL_WORDS]);
}

/** The header of the plan's i-th year column: "2023년" / "2023". */
export function yearLabel(plan: Plan, i: number): Words {
  return yearWords(plan.period.startYear + i);
}

/** The columns of a series with their headers: 합계 first, then each year. */
export function columnsOf(plan: Plan, series: Series): { figure: Figure; label: Words }[] {
  // An array made at its length and filled in a loop: one kind of array whichever tier of V8 runs this.
  const years = series.years;
  const out = new Array<{ figure: Figure; label: Words }>(years.length + 1);
  out[0] = { figure: series.total, label: TOTAL_WORDS };
  for (let i = 0; i < years.length; i++) out[i + 1] = { figure: years[i], label: yearLabel(plan, i) };
  return out;
}

/** The tasks listed under strategy area `areaIndex`. */
export function tasksOfArea(plan: Plan, areaIndex: number): Task[] {
  return plan.tasks.filter((t) => t.areaIndex === areaIndex);
}

/** The rows that stand for a task in its area: its 총계 row, or its 세부사업 rows when it has none. */
export function taskRows(task: Task, role: Role): { series: Series; name: Words }[] {
  const label = taskLabel(task.no, task.name);
  if (task.total) return [{ series: task.total[role], name: taskTotalWords(label) }];
  return task.subprojects.map((s) => ({ series: s[role], name: `${label} · ${s.name}` }));
}

/**
 * Where a figure sits, for the value rules. Valid during the call it is given to: forEachFigure moves
 * one object along a series row instead of making one per figure, so a rule keeps the words it needs
 * (`what`, `row`), never the info itself.
 */
export interface FigureInfo {
  /** Readable place, e.g. "청년 일자리 확대 소요예산 2023년" or "고용률 기준(2022년)" (made when read: most figures are never reported). */
  readonly what: Words;
  /** The row it belongs to, e.g. "청년 일자리 확대 소요예산" or "고용률", for findings about several cells of a row. */
  readonly row: Words;
  /** A 성과목표/소요예산 figure, or one of an indicator's figures. */
  readonly source: 'series' | 'indicator';
  /** For indicators: which column. */
  readonly field?: 'lastActual' | 'base' | 'target' | 'change';
  readonly indicator?: Indicator;
}

/** A 성과목표/소요예산 figure's place, moved from figure to figure; its descriptions are joined only when a rule reads them. */
class SeriesFigure implements FigureInfo {
  readonly source = 'series' as const;
  line: SeriesRow | null = null;
  column: Words = TOTAL_WORDS;
  get row(): Words {
    return this.line!.what;
  }
  get what(): Words {
    return joinWords([this.line!.what, this.column]);
  }
}

/** Calls `fn` for every figure of the plan: all series (합계 and years) and every indicator figure. */
export function forEachFigure(plan: Plan, fn: (figure: Figure, info: FigureInfo) => void): void {
  const rows = seriesRows(plan);
  const at = new SeriesFigure();
  const years: Words[] = [];
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    const { total, years: ys } = row.series;
    at.line = row;
    // A missing row is reported once by the reader, not once per cell.
    if (!total.missing) {
      at.column = TOTAL_WORDS;
      fn(total, at);
    }
    for (let i = 0; i < ys.length; i++) {
      if (ys[i].missing) continue;
      at.column = years[i] ??= yearLabel(plan, i);
      fn(ys[i], at);
    }
  }
  forEachIndicatorFigure(plan, fn);
}

/** forEachFigure's indicator part: every 공통 일자리 목표 figure, in its order. */
export function forEachIndicatorFigure(plan: Plan, fn: (figure: Figure, info: FigureInfo) => void): void {
  const base = plan.period.startYear - 1;
  for (const ind of plan.indicators) {
    const info = (field: FigureInfo['field'], label: Words): FigureInfo => ({ what: joinWords([ind.name, label]), row: ind.name, source: 'indicator', field, indicator: ind });
    if (ind.lastActual) fn(ind.lastActual, info('lastActual', bi(`실적(${base - 1}년)`, `actual (${base - 1})`)));
    fn(ind.base, info('base', bi(`기준(${base}년)`, `base (${base})`)));
    ind.targets.forEach((t, i) => {
      const year = plan.period.startYear + i;
      fn(t, info('target', bi(`목표(${year}년)`, `target (${year})`)));
    });
    if (ind.statedChange) fn(ind.statedChange, info('change', bi('증감', 'change')));
  }
}

/** What the figures forEachFigure visits hold: a value rule whose kind of figure is absent skips its walk. */
export interface FigureCensus {
  /** Every state met (number, text-number, dash, blank, na, text). */
  states: ReadonlySet<NumberState>;
  /** Some figure's value is below 0 (or not a number: value !== null && !(value >= 0)). */
  negative: boolean;
  /** Some figure's absolute value is 10^15 or more, or not finite. */
  implausible: boolean;
}

/** The census of the plan's figures: one pass, shared by the value rules of a rules run. */
export function figureCensus(plan: Plan): FigureCensus {
  return seriesFacts(plan).census;
}

/**
 * For each series row, in seriesRows' order: 1 when its 합계 equals the sum of its years (sumHolds: what
 * row-total checks), else 0. Found in the census's pass: each figure is read once for both.
 */
export function rowSumsHold(plan: Plan): Uint8Array {
  return seriesFacts(plan).holds;
}

/**
 * Is there a 세부사업 whose `present` row has a positive 합계 while its other row's 합계 is 0 (what
 * checkOneSided reports)? Found in the census's pass.
 */
export function oneSidedSubprojects(plan: Plan): Record<Role, boolean> {
  return seriesFacts(plan).oneSided;
}

interface SeriesFacts {
  census: FigureCensus;
  holds: Uint8Array;
  oneSided: Record<Role, boolean>;
}

/** The census while it is taken: an object literal (its shape is kept by the literal; see seriesFacts). */
interface Tally {
  states: Set<NumberState>;
  negative: boolean;
  implausible: boolean;
}

/** A figure's value in the census (its state is counted by the caller). */
function tallyValue(t: Tally, v: number | null): void {
  if (v === null) return;
  if (!(v >= 0)) t.negative = true;
  if (!(Math.abs(v) < PLAUSIBLE_LIMIT)) t.implausible = true;
}

/** The census, the row sums and the one-sided 세부사업, in one pass over the figures. */
function seriesFacts(plan: Plan): SeriesFacts {
  const cache = cacheFor(plan);
  if (cache?.facts) return cache.facts;
  // Plain objects and functions, no class: a class's instances take a shape only they hold, which V8 may
  // forget between checks once none is left (and then throws away the code that read them, in the next check).
  const census: Tally = { states: new Set<NumberState>(), negative: false, implausible: false };
  const rows = seriesRows(plan);
  const holds = new Uint8Array(rows.length);
  const oneSided: Record<Role, boolean> = { target: false, budget: false };
  seriesRowFacts(rows, census, holds, oneSided);
  forEachIndicatorFigure(plan, (f) => {
    census.states.add(f.state);
    tallyValue(census, f.value);
  });
  const facts: SeriesFacts = { census: { states: census.states, negative: census.negative, implausible: census.implausible }, holds, oneSided };
  if (cache) cache.facts = facts;
  return facts;
}

/**
 * seriesFacts' pass over the series rows, on its own: V8 optimises it while in its loop, and a function
 * holding only the loop has nothing after it that the optimised code has not seen run (code after a loop
 * optimised mid-run is thrown away when first reached, and compiled again).
 */
function seriesRowFacts(rows: readonly SeriesRow[], census: Tally, holds: Uint8Array, oneSided: Record<Role, boolean>): void {
  // The state counted last: a row's figures mostly share one, so the set is seldom added to.
  let last = '';
  for (let r = 0; r < rows.length; r++) {
    const { total, years } = rows[r].series;
    // forEachFigure's figures: a missing row's placeholders are not counted.
    if (!total.missing) {
      if (total.state !== last) census.states.add((last = total.state) as NumberState);
      tallyValue(census, total.value);
    }
    for (let i = 0; i < years.length; i++) {
      const f = years[i];
      if (f.missing) continue;
      if (f.state !== last) census.states.add((last = f.state) as NumberState);
      tallyValue(census, f.value);
    }
    if (sumHolds(total, years)) holds[r] = 1;
    const sp = rows[r].subproject;
    if (sp !== undefined && rows[r].role === 'target') {
      // checkOneSided's test, both ways: has a value, not ≤ 0, while the other row's 합계 is 0.
      const t = sp.target.total.value;
      const b = sp.budget.total.value;
      if (t !== null && !(t <= 0) && b === 0) oneSided.target = true;
      if (b !== null && !(b <= 0) && t === 0) oneSided.budget = true;
    }
  }
}
