/** Every rule, in the order reports list them. docs/rules.md lists the same rules. */
import { rowTotal } from './plan/row-total';
import { resultSum } from './results/result-sum';
import { resultUnits } from './results/result-units';
import { resultRate } from './results/result-rate';
import { resultValue } from './results/result-value';
import { resultVsPlan } from './results/result-vs-plan';
import { annualVsPlan } from './results/annual-vs-plan';
import type { Rule } from './types';

export const PLAN_RULES: readonly Rule[] = [rowTotal];

/** The 성과 and 연차별 세부계획 sheets (src/core/results). */
export const RESULT_RULES: readonly Rule[] = [resultSum, resultUnits, resultRate, resultValue, resultVsPlan, annualVsPlan];

export const ALL_RULES: readonly Rule[] = [...PLAN_RULES, ...RESULT_RULES];

export type { Rule, Finding, Severity, RuleMeta, RuleContext, Lang } from './types';
export { runRules, summarize, SEVERITY_ORDER } from './run';
