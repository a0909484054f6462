import { indicatorStatedChange } from '../../../src/core/rules/plan/indicator-stated-change';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, consistentWith, exampleDraft, planOf } from '../../support/plans';
import type { Plan } from '../../../src/core/model/plan';

/** The plan with the rate's last target as a figure shown with `decimals` places (its cell's format). */
const rateTargetShown = (value: number, decimals: number, stated: number): Plan => {
  const plan = consistentWith((d) => (d.indicators[0].statedChange = stated));
  const last = plan.indicators[0].targets.length - 1;
  plan.indicators[0].targets[last] = { ...plan.indicators[0].targets[last], value, decimals };
  plan.indicators[0].statedChange = { ...plan.indicators[0].statedChange!, decimals: 1 }; // shown 2.0, 2.1
  return plan;
};

testRule(indicatorStatedChange, {
  valid: [
    { name: 'stated 2 and 10 as computed', plan: () => planOf(consistentDraft()) },
    { name: "the seed's change column", plan: () => planOf(exampleDraft()) },
    { name: 'stated 1.9 vs computed 2.0 from rounded rates (intervals overlap)', plan: () => consistentWith((d) => (d.indicators[0].statedChange = 1.9)) },
    { name: 'no change column value', plan: () => consistentWith((d) => (d.indicators[0].statedChange = null)) },
    // Each figure its own interval (domain.md): 60.5 is [60.45, 60.55], 62.53 is [62.525, 62.535], so the
    // change is 1.975–2.085, and a stated 2.1 (2.05–2.15) may be right; judged both at two places, it was an error.
    { name: 'base 60.5 (one place), target 62.53 (two places), stated 2.1: each figure its own interval', plan: () => rateTargetShown(62.53, 2, 2.1) },
  ],
  invalid: [
    {
      name: 'rate: stated 3%p, computed 2%p',
      plan: () => consistentWith((d) => (d.indicators[0].statedChange = 3)),
      findings: [{ messageId: 'mismatch', severity: 'error', sheet: '공통 일자리 목표', cell: 'I4', expected: 2, actual: 3, tolerance: 0.6, cells: ["'공통 일자리 목표'!I4", "'공통 일자리 목표'!D4", "'공통 일자리 목표'!H4"] }],
    },
    {
      name: 'count: stated 5%, computed 10%',
      plan: () => consistentWith((d) => (d.indicators[1].statedChange = 5)),
      findings: [{ messageId: 'mismatch', cell: 'I5', expected: 10, actual: 5 }],
    },
    {
      name: 'rate: stated 1.8 with one decimal vs computed 2.0 (1.75–1.85 misses 1.9–2.1)',
      plan: () => consistentWith((d) => (d.indicators[0].statedChange = 1.8)),
      findings: [{ messageId: 'mismatch', cell: 'I4', expected: 2, actual: 1.8 }],
    },
    {
      name: 'a target shown without decimals beside a base with one (a General cell: 63 for 63.0) is judged at one place: 2.4–2.6 misses 2.0',
      plan: () => rateTargetShown(63, 0, 2),
      findings: [{ messageId: 'mismatch', cell: 'I4', expected: 2.5, actual: 2 }],
    },
  ],
});
