/** Walks every series of a plan with a readable description of where it is (used by several rules). */
import type { Figure, Indicator, Plan, Series, Task } from '../model/plan';
import { circledNumber } from '../template/description';

export type Role = 'target' | 'budget';
export const ROLE_KO: Record<Role, string> = { target: '성과목표', budget: '소요예산' };

export function taskLabel(no: number, name: string): string {
  return `${circledNumber(no)} ${name}`;
}

/** Calls `fn` for each series (grand total, areas, task totals, 세부사업), targets and budgets. */
export function forEachSeries(plan: Plan, fn: (series: Series, what: string, role: Role) => void): void {
  const both = (pair: { target: Series; budget: Series | null }, where: string) => {
    fn(pair.target, `${where} ${ROLE_KO.target}`, 'target');
    if (pair.budget) fn(pair.budget, `${where} ${ROLE_KO.budget}`, 'budget');
  };
  if (plan.grandTotal) both(plan.grandTotal, '분야별 목표 합계');
  for (const a of plan.areas) both(a, a.name);
  for (const t of plan.tasks) {
    const label = taskLabel(t.no, t.name);
    if (t.total) both(t.total, `${label} 총계`);
    for (const s of t.subprojects) both(s, `${label} · ${s.name}`);
  }
}

export function yearLabel(plan: Plan, i: number): string {
  return `${plan.period.startYear + i}년`;
}

/** The columns of a series with their headers: 합계 first, then each year. */
export function columnsOf(plan: Plan, series: Series): { figure: Figure; label: string }[] {
  return [{ figure: series.total, label: '합계' }, ...series.years.map((figure, i) => ({ figure, label: yearLabel(plan, i) }))];
}

/** The tasks listed under strategy area `areaIndex`. */
export function tasksOfArea(plan: Plan, areaIndex: number): Task[] {
  return plan.tasks.filter((t) => t.areaIndex === areaIndex);
}

/** The rows that stand for a task in its area: its 총계 row, or its 세부사업 rows when it has none. */
export function taskRows(task: Task, role: Role): { series: Series; name: string }[] {
  const label = taskLabel(task.no, task.name);
  if (task.total) return [{ series: task.total[role], name: `${label} 총계` }];
  return task.subprojects.map((s) => ({ series: s[role], name: `${label} · ${s.name}` }));
}

/** Where a figure sits, for the value rules. */
export interface FigureInfo {
  /** Readable place, e.g. "청년 일자리 확대 소요예산 2023년" or "고용률 기준(2022년)". */
  what: string;
  /** The row it belongs to, e.g. "청년 일자리 확대 소요예산" or "고용률", for findings about several cells of a row. */
  row: string;
  /** A 성과목표/소요예산 figure, or one of an indicator's figures. */
  source: 'series' | 'indicator';
  /** For indicators: which column. */
  field?: 'lastActual' | 'base' | 'target' | 'change';
  indicator?: Indicator;
}

/** Calls `fn` for every figure of the plan: all series (합계 and years) and every indicator figure. */
export function forEachFigure(plan: Plan, fn: (figure: Figure, info: FigureInfo) => void): void {
  forEachSeries(plan, (series, what) => {
    for (const c of columnsOf(plan, series)) {
      // A missing row is reported once by the reader, not once per cell.
      if (!c.figure.missing) fn(c.figure, { what: `${what} ${c.label}`, row: what, source: 'series' });
    }
  });
  const base = plan.period.startYear - 1;
  for (const ind of plan.indicators) {
    const at = (field: FigureInfo['field'], label: string) => ({ what: `${ind.name} ${label}`, row: ind.name, source: 'indicator' as const, field, indicator: ind });
    if (ind.lastActual) fn(ind.lastActual, at('lastActual', `실적(${base - 1}년)`));
    fn(ind.base, at('base', `기준(${base}년)`));
    ind.targets.forEach((t, i) => fn(t, at('target', `목표(${yearLabel(plan, i)})`)));
    if (ind.statedChange) fn(ind.statedChange, at('change', '증감'));
  }
}
