import { grandTotal } from '../../../src/core/rules/plan/grand-total';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, consistentWith, exampleDraft, planOf } from '../../support/plans';

testRule(grandTotal, {
  valid: [
    { name: 'a consistent plan', plan: () => planOf(consistentDraft()) },
    { name: "the seed's 합계 rows (the private-sector area left out of the budget)", plan: () => planOf(exampleDraft()) },
    {
      name: 'an excluded area with a budget row is left out of the budget total',
      plan: () =>
        consistentWith((d) => {
          d.areas[1].excludedFromBudgetTotal = true;
          d.grandTotal.budget = { total: 800, years: [200, 200, 200, 200] };
        }),
    },
  ],
  invalid: [
    {
      name: '합계 target 2029 is 45, the areas add up to 40',
      plan: () => consistentWith((d) => (d.grandTotal.target.years[2] = 45)),
      findings: [{ messageId: 'mismatch', severity: 'error', sheet: '분야별 목표', cell: 'F4', expected: 40, actual: 45, tolerance: 1.5, cells: ["'분야별 목표'!F4", "'분야별 목표'!F6", "'분야별 목표'!F8"] }],
    },
    {
      name: '합계 budget off by 1 (possible rounding)',
      plan: () => consistentWith((d) => (d.grandTotal.budget.total = 1601)),
      findings: [{ messageId: 'rounding', severity: 'warning', cell: 'C5', expected: 1600, actual: 1601, tolerance: 1.5 }],
    },
    {
      name: 'the excluded area’s budget counted in the 합계 anyway',
      plan: () => consistentWith((d) => (d.areas[1].excludedFromBudgetTotal = true)),
      findings: [
        { messageId: 'mismatch', cell: 'C5', expected: 800, actual: 1600, cells: ["'분야별 목표'!C5", "'분야별 목표'!C7"] },
        { messageId: 'mismatch', cell: 'D5', expected: 200, actual: 400 },
        { messageId: 'mismatch', cell: 'E5', expected: 200, actual: 400 },
        { messageId: 'mismatch', cell: 'F5', expected: 200, actual: 400 },
        { messageId: 'mismatch', cell: 'G5', expected: 200, actual: 400 },
      ],
    },
  ],
});
