/**
 * Figures of a plan that a batch report charts: each 공통 일자리 목표 indicator's change by the last
 * year against the required one, and each 전략분야's budget and target (for budget per target).
 * Plain data, computed where the file is checked (a worker), carried with the file's report.
 */
import type { Plan } from '../core/model/plan';

export interface IndicatorFact {
  name: string;
  kind: 'rate' | 'count';
  base: number | null;
  last: number | null;
  /** Change by the last plan year: %p for rates, % for counts; null when a figure is missing. */
  change: number | null;
  /** The change the plan requires (its settings): %p or %. */
  required: number;
}

export interface AreaFact {
  name: string;
  /** 성과목표 합계 (명) and 소요예산 합계 (the areas' budget unit, usually 백만원). */
  target: number | null;
  budget: number | null;
  budgetUnit: string;
}

export interface PlanFacts {
  indicators: IndicatorFact[];
  areas: AreaFact[];
}

export function planFacts(plan: Plan): PlanFacts {
  const indicators = plan.indicators.map((i) => {
    const base = i.base.value;
    const last = i.targets.length ? i.targets[i.targets.length - 1].value : null;
    const change = base === null || last === null ? null : i.kind === 'rate' ? last - base : base === 0 ? null : (last / base - 1) * 100;
    return {
      name: i.name,
      kind: i.kind,
      base,
      last,
      change: change === null ? null : Math.round(change * 100) / 100,
      required: i.kind === 'rate' ? plan.settings.requiredRateChange : plan.settings.requiredCountChange,
    };
  });
  const areas = plan.areas.map((a) => ({ name: a.name, target: a.target.total.value, budget: a.budget?.total.value ?? null, budgetUnit: plan.areaUnits.budget }));
  return { indicators, areas };
}
