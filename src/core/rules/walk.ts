/** Walks every series of a plan with a readable description of where it is (used by several rules). */
import type { Figure, Indicator, Plan, Series, Task } from '../model/plan';
import { circledNumber } from '../template/description';
import { GRAND_TOTAL_WORDS, ROLE_WORDS, TASK_TOTAL_WORDS, TOTAL_WORDS, bi, joinWords, yearWords, type Role, type Words } from './words';

export type { Role } from './words';

export function taskLabel(no: number, name: string): string {
  return `${circledNumber(no)} ${name}`;
}

/** Calls `fn` for each series (grand total, areas, task totals, 세부사업), targets and budgets. */
export function forEachSeries(plan: Plan, fn: (series: Series, what: Words, role: Role) => void): void {
  const both = (pair: { target: Series; budget: Series | null }, where: Words) => {
    fn(pair.target, joinWords([where, ROLE_WORDS.target]), 'target');
    if (pair.budget) fn(pair.budget, joinWords([where, ROLE_WORDS.budget]), 'budget');
  };
  if (plan.grandTotal) both(plan.grandTotal, GRAND_TOTAL_WORDS);
  for (const a of plan.areas) both(a, a.name);
  for (const t of plan.tasks) {
    const label = taskLabel(t.no, t.name);
    if (t.total) both(t.total, taskTotalWords(label));
    for (const s of t.subprojects) both(s, `${label} · ${s.name}`);
  }
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
  return [{ figure: series.total, label: TOTAL_WORDS }, ...series.years.map((figure, i) => ({ figure, label: yearLabel(plan, i) }))];
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

/** Where a figure sits, for the value rules. */
export interface FigureInfo {
  /** Readable place, e.g. "청년 일자리 확대 소요예산 2023년" or "고용률 기준(2022년)" (made when read: most figures are never reported). */
  readonly what: Words;
  /** The row it belongs to, e.g. "청년 일자리 확대 소요예산" or "고용률", for findings about several cells of a row. */
  row: Words;
  /** A 성과목표/소요예산 figure, or one of an indicator's figures. */
  source: 'series' | 'indicator';
  /** For indicators: which column. */
  field?: 'lastActual' | 'base' | 'target' | 'change';
  indicator?: Indicator;
}

/** A 성과목표/소요예산 figure's place; its description is joined only when a rule reads it. */
class SeriesFigure implements FigureInfo {
  readonly source = 'series' as const;
  constructor(
    readonly row: Words,
    private readonly column: Words,
  ) {}
  get what(): Words {
    return joinWords([this.row, this.column]);
  }
}

/** Calls `fn` for every figure of the plan: all series (합계 and years) and every indicator figure. */
export function forEachFigure(plan: Plan, fn: (figure: Figure, info: FigureInfo) => void): void {
  forEachSeries(plan, (series, what) => {
    for (const c of columnsOf(plan, series)) {
      // A missing row is reported once by the reader, not once per cell.
      if (!c.figure.missing) fn(c.figure, new SeriesFigure(what, c.label));
    }
  });
  const base = plan.period.startYear - 1;
  for (const ind of plan.indicators) {
    const at = (field: FigureInfo['field'], label: Words) => ({ what: joinWords([ind.name, label]), row: ind.name, source: 'indicator' as const, field, indicator: ind });
    if (ind.lastActual) fn(ind.lastActual, at('lastActual', bi(`실적(${base - 1}년)`, `actual (${base - 1})`)));
    fn(ind.base, at('base', bi(`기준(${base}년)`, `base (${base})`)));
    ind.targets.forEach((t, i) => {
      const year = plan.period.startYear + i;
      fn(t, at('target', bi(`목표(${year}년)`, `target (${year})`)));
    });
    if (ind.statedChange) fn(ind.statedChange, at('change', bi('증감', 'change')));
  }
}
