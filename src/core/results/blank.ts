/**
 * Empty 성과 and 연차별 세부계획 sections for a template, to add to a draft (`d.results = blankResults(…)`).
 * blankDraft() leaves them out, so the plain blank template is unchanged; front ends add them on request.
 */
import type { PlanDraft } from '../model/draft';
import { TASK_TOTAL, taskTitle } from '../tables/labels';
import type { DraftAnnualPlan, DraftResults } from './model';

/** A 성과 section with placeholder rows at three levels and no figures (so nothing is reported until filled in). */
export function blankResults(year: number, organisation: string | null = null): DraftResults {
  const row = (level: number, name: string) => ({ level, name, unit: level === 1 ? '명' : null, target: null, actual: null, statedRate: null });
  return {
    title: `${year}년 일자리 성과`,
    year,
    organisation,
    items: [row(1, '기관 또는 실천과제'), row(2, '사업 1'), row(3, '세부 내역 1'), row(3, '세부 내역 2'), row(2, '사업 2')],
  };
}

/**
 * The year's plan as the 종합계획 states it: every 세부사업 (and each 실천과제's 총계) with that year's target
 * and budget — the starting point for a 연차별 세부계획, to be revised. Null when the year is outside the plan.
 */
export function annualPlanFromDraft(d: PlanDraft, year: number): DraftAnnualPlan | null {
  const i = year - d.period.startYear;
  if (i < 0 || i >= d.period.years) return null;
  const rows = d.tasks.flatMap((t) => {
    const task = taskTitle(t.no, t.name);
    const base = { task, targetUnit: t.targetUnit, budgetUnit: t.budgetUnit };
    const total = t.total ? [{ ...base, subproject: TASK_TOTAL.text.replace(/\s+/g, ''), target: t.total.target.years[i] ?? null, budget: t.total.budget.years[i] ?? null }] : [];
    return [...total, ...t.subprojects.map((s) => ({ ...base, subproject: s.name, target: s.target.years[i] ?? null, budget: s.budget.years[i] ?? null }))];
  });
  return { title: `${year}년 연차별 세부계획`, year, rows };
}
