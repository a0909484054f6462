/** Shared facts about a 공통 일자리 목표 row for the indicator rules. */
import type { Figure, Indicator, Plan } from '../model/plan';
import { baseYear, lastYear } from '../model/period';
import { judgedDecimals } from '../growth/growth';

export interface IndicatorFacts {
  /** The target of the plan's last year; null when the row lacks year columns. */
  final: Figure | null;
  /** The decimal places base and final target are each judged with (judgedDecimals). */
  baseDecimals: number;
  finalDecimals: number;
  /** %p for rates, % for counts. */
  unit: '%p' | '%';
  /** The plan's required change for this kind of indicator. */
  required: number;
  baseYear: number;
  lastYear: number;
}

export function indicatorFacts(plan: Plan, ind: Indicator): IndicatorFacts {
  const complete = ind.targets.length === plan.period.years;
  const final = complete ? ind.targets[ind.targets.length - 1] : null;
  const judged = judgedDecimals(ind.base.decimals, final?.decimals ?? 0);
  return {
    final,
    baseDecimals: judged.base,
    finalDecimals: judged.final,
    unit: ind.kind === 'rate' ? '%p' : '%',
    required: ind.kind === 'rate' ? plan.settings.requiredRateChange : plan.settings.requiredCountChange,
    baseYear: baseYear(plan.period),
    lastYear: lastYear(plan.period),
  };
}

/** A computed figure for findings and messages: float noise dropped (70.60000000000001 → 70.6). */
export function tidy(x: number, places = 6): number {
  return Math.round(x * 10 ** places) / 10 ** places;
}
