/** Every rule, in the order reports list them. docs/rules.md lists the same rules. */
import { rowTotal } from './plan/row-total';
import type { Rule } from './types';

export const PLAN_RULES: readonly Rule[] = [rowTotal];

export const ALL_RULES: readonly Rule[] = [...PLAN_RULES];

export type { Rule, Finding, Severity, RuleMeta, RuleContext, Lang } from './types';
export { runRules, summarize, SEVERITY_ORDER } from './run';
