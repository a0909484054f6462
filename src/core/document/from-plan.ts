/**
 * A plan read from a workbook, back into a draft (values only), so any workbook can be written out
 * through the renderers: `jobtarget export plan.xlsx -o tables.hwpx`, and the pane's 한글 표 내보내기.
 * Figures keep their values exactly as read (`-` is 0, an empty or text cell is empty).
 */
import type { DraftSeries, PlanDraft } from '../model/draft';
import type { Figure, Plan, Series } from '../model/plan';

const value = (f: Figure | null | undefined): number | null => (f && !f.missing ? f.value : null);
const series = (s: Series | null | undefined, years: number): DraftSeries => ({
  total: value(s?.total),
  years: Array.from({ length: years }, (_, i) => value(s?.years[i])),
});

export function draftFromPlan(plan: Plan, title = ''): PlanDraft {
  const n = plan.period.years;
  return {
    meta: { region: plan.meta.region ?? '', term: plan.meta.term, preparedDate: plan.meta.preparedDate, title },
    period: plan.period,
    settings: { ...plan.settings },
    indicators: plan.indicators.map((ind) => ({
      name: ind.name,
      kind: ind.kind,
      lastActual: value(ind.lastActual),
      base: value(ind.base),
      targets: Array.from({ length: n }, (_, i) => value(ind.targets[i])),
      statedChange: value(ind.statedChange),
    })),
    areaUnits: { ...plan.areaUnits },
    grandTotal: { target: series(plan.grandTotal?.target, n), budget: series(plan.grandTotal?.budget, n) },
    areas: plan.areas.map((a) => ({ name: a.name, excludedFromBudgetTotal: a.excludedFromBudgetTotal, target: series(a.target, n), budget: a.budget ? series(a.budget, n) : null })),
    tasks: plan.tasks.map((t) => ({
      no: t.no,
      name: t.name,
      area: t.areaName || (t.areaIndex !== null ? plan.areas[t.areaIndex]?.name ?? '' : ''),
      targetUnit: t.targetUnit,
      budgetUnit: t.budgetUnit,
      total: t.total ? { target: series(t.total.target, n), budget: series(t.total.budget, n) } : null,
      subprojects: t.subprojects.map((sp) => ({ name: sp.name, target: series(sp.target, n), budget: series(sp.budget, n) })),
    })),
  };
}

/** The title for an exported document: the region and period, as published plans title theirs. */
export function documentTitle(plan: Plan): string {
  const last = plan.period.startYear + plan.period.years - 1;
  const term = plan.meta.term ? ` 민선${plan.meta.term}기` : '';
  return `${plan.meta.region ?? ''}${term} 일자리 목표 공시 (${plan.period.startYear}~${last})`.trim();
}
