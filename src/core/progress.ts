/**
 * How much of a plan has been filled in, and which rows nobody has touched yet.
 *
 * An unfilled template is progress, not a problem: a row in which no figure was entered (its input cells
 * blank, its formulas blank or 0) is "untouched". Rules leave untouched rows alone (value-blank does not
 * warn about them) and both front ends show the progress instead ("세부사업 12개 중 3개 입력"), so a
 * fresh template is quiet while a half-entered row still gets its blanks reported.
 */
import type { Figure, Indicator, Plan, Series, SubProject } from './model/plan';

/** True when the figure shows that someone entered something: a typed value ("-" and 0 included), or a formula with a non-zero result. */
export function isEntered(f: Figure | null | undefined): boolean {
  if (!f || f.missing) return false;
  if (f.formula) return f.value !== null && f.value !== 0;
  return f.state !== 'blank';
}

export function seriesFigures(s: Series): Figure[] {
  return [s.total, ...s.years];
}

export function indicatorFigures(ind: Indicator): Figure[] {
  return [...(ind.lastActual ? [ind.lastActual] : []), ind.base, ...ind.targets, ...(ind.statedChange ? [ind.statedChange] : [])];
}

export function isUntouched(figures: readonly Figure[]): boolean {
  return !figures.some(isEntered);
}

/** The figures of every row of the plan: each series (성과목표, 소요예산 of every table) and each indicator. */
export function allRows(plan: Plan): Figure[][] {
  const rows: Figure[][] = [];
  const pair = (p: { target: Series; budget: Series | null }) => {
    rows.push(seriesFigures(p.target));
    if (p.budget) rows.push(seriesFigures(p.budget));
  };
  if (plan.grandTotal) pair(plan.grandTotal);
  for (const a of plan.areas) pair(a);
  for (const t of plan.tasks) {
    if (t.total) pair(t.total);
    for (const s of t.subprojects) pair(s);
  }
  for (const ind of plan.indicators) rows.push(indicatorFigures(ind));
  return rows;
}

/** True when a figure of the series was entered (isUntouched of its figures, without listing them). */
function seriesEntered(s: Series): boolean {
  if (isEntered(s.total)) return true;
  for (const f of s.years) if (isEntered(f)) return true;
  return false;
}

function indicatorEntered(ind: Indicator): boolean {
  return isEntered(ind.lastActual) || isEntered(ind.base) || ind.targets.some(isEntered) || isEntered(ind.statedChange);
}

/** Calls `series` for each series row and `indicator` for each indicator, in allRows's order; stops when one returns true. */
function someRow(plan: Plan, series: (s: Series) => boolean, indicator: (ind: Indicator) => boolean): boolean {
  const pair = (p: { target: Series; budget: Series | null }) => series(p.target) || (p.budget !== null && series(p.budget));
  if (plan.grandTotal && pair(plan.grandTotal)) return true;
  for (const a of plan.areas) if (pair(a)) return true;
  for (const t of plan.tasks) {
    if (t.total && pair(t.total)) return true;
    for (const s of t.subprojects) if (pair(s)) return true;
  }
  for (const ind of plan.indicators) if (indicator(ind)) return true;
  return false;
}

/** Every figure of the plan's untouched rows (series rows and 공통 일자리 목표 rows). */
export function untouchedFigures(plan: Plan): Set<Figure> {
  const out = new Set<Figure>();
  someRow(
    plan,
    (s) => {
      if (!seriesEntered(s)) for (const f of seriesFigures(s)) out.add(f);
      return false;
    },
    (ind) => {
      if (!indicatorEntered(ind)) for (const f of indicatorFigures(ind)) out.add(f);
      return false;
    },
  );
  return out;
}

export interface Progress {
  /** 세부사업 with at least one figure entered (성과목표 or 소요예산), of all 세부사업. */
  subprojects: { entered: number; total: number };
  /** 공통 일자리 목표 indicators with at least one figure entered. */
  indicators: { entered: number; total: number };
  /** True when nothing at all has been entered (a fresh template): no figure of the plan, nor of its 성과 or 연차별 세부계획 sheet. */
  untouched: boolean;
}

/**
 * How many of the 세부사업 have something entered. A function holding only its loop: V8 optimises it while
 * in the loop, and optimised code entered mid-loop is thrown away when it reaches code after the loop it
 * has not seen run — in every check, when that code is kept for the next one.
 */
function enteredCount(subprojects: readonly SubProject[]): number {
  let n = 0;
  for (let i = 0; i < subprojects.length; i++) if (seriesEntered(subprojects[i].target) || seriesEntered(subprojects[i].budget)) n += 1;
  return n;
}

export function planProgress(plan: Plan): Progress {
  let subs = 0;
  let subEntered = 0;
  for (let k = 0; k < plan.tasks.length; k++) {
    const subprojects = plan.tasks[k].subprojects;
    subs += subprojects.length;
    subEntered += enteredCount(subprojects);
  }
  const indEntered = plan.indicators.filter(indicatorEntered).length;
  // Anything entered anywhere (task totals typed by hand, an area row, a 성과 or 연차별 세부계획 figure)
  // means the template is no longer fresh.
  const anyEntered = someRow(plan, seriesEntered, indicatorEntered) || resultsEntered(plan);
  return {
    subprojects: { entered: subEntered, total: subs },
    indicators: { entered: indEntered, total: plan.indicators.length },
    untouched: !anyEntered,
  };
}

/** True when a figure of the 성과 sheet (목표, 실적, 달성률) or of the 연차별 세부계획 (성과목표, 소요예산) was entered. */
function resultsEntered(plan: Plan): boolean {
  if (plan.results?.items.some((i) => isEntered(i.target) || isEntered(i.actual) || isEntered(i.rate))) return true;
  return plan.annualPlan?.rows.some((r) => isEntered(r.target) || isEntered(r.budget)) ?? false;
}

/** True when every 세부사업 and indicator has something entered. */
export function isComplete(p: Progress): boolean {
  return p.subprojects.entered === p.subprojects.total && p.indicators.entered === p.indicators.total;
}

/** "세부사업 12개 중 3개 입력 · 공통 일자리 목표 6개 중 0개 입력" (Korean) or its English twin. */
export function progressText(p: Progress, lang: 'ko' | 'en'): string {
  const parts: string[] = [];
  if (p.subprojects.total) {
    parts.push(lang === 'en' ? `${p.subprojects.entered} of ${p.subprojects.total} 세부사업 entered` : `세부사업 ${p.subprojects.total}개 중 ${p.subprojects.entered}개 입력`);
  }
  if (p.indicators.total) {
    parts.push(
      lang === 'en'
        ? `${p.indicators.entered} of ${p.indicators.total} common job targets entered`
        : `공통 일자리 목표 ${p.indicators.total}개 중 ${p.indicators.entered}개 입력`,
    );
  }
  return parts.join(' · ');
}
