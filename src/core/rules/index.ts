/** Every rule, in the order reports list them. docs/rules.md lists the same rules. */
import { rowTotal } from './plan/row-total';
import { taskTotal } from './plan/task-total';
import { taskSubtotal } from './plan/task-subtotal';
import { areaTotal } from './plan/area-total';
import { grandTotal } from './plan/grand-total';
import { mixedUnits } from './plan/mixed-units';
import { valueUnit } from './plan/value-unit';
import { budgetExcluded } from './plan/budget-excluded';
import { indicatorRequiredChange } from './plan/indicator-required-change';
import { indicatorStatedChange } from './plan/indicator-stated-change';
import { indicatorRateRange } from './plan/indicator-rate-range';
import { indicatorTargetDecrease } from './plan/indicator-target-decrease';
import { valueNotNumber } from './plan/value-not-number';
import { valueNegative } from './plan/value-negative';
import { valueTextNumber } from './plan/value-text-number';
import { valueBlank } from './plan/value-blank';
import { valueImplausible } from './plan/value-implausible';
import { budgetWithoutTarget } from './plan/budget-without-target';
import { targetWithoutBudget } from './plan/target-without-budget';
import { resultSum } from './results/result-sum';
import { resultUnits } from './results/result-units';
import { resultRate } from './results/result-rate';
import { resultValue } from './results/result-value';
import { resultVsPlan } from './results/result-vs-plan';
import { annualVsPlan } from './results/annual-vs-plan';
import type { Rule } from './types';

export const PLAN_RULES: readonly Rule[] = [
  rowTotal,
  taskTotal,
  taskSubtotal,
  areaTotal,
  grandTotal,
  mixedUnits,
  valueUnit,
  budgetExcluded,
  indicatorRequiredChange,
  indicatorStatedChange,
  indicatorRateRange,
  indicatorTargetDecrease,
  valueNotNumber,
  valueNegative,
  valueTextNumber,
  valueBlank,
  valueImplausible,
  budgetWithoutTarget,
  targetWithoutBudget,
];

/** The 성과 and 연차별 세부계획 sheets (src/core/results). */
export const RESULT_RULES: readonly Rule[] = [resultSum, resultUnits, resultRate, resultValue, resultVsPlan, annualVsPlan];

export const ALL_RULES: readonly Rule[] = [...PLAN_RULES, ...RESULT_RULES];

export type { Rule, Finding, Severity, RuleMeta, RuleContext, Lang } from './types';
export { runRules, summarize, SEVERITY_ORDER } from './run';
