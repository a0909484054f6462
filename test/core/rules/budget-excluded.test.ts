import { budgetExcluded } from '../../../src/core/rules/plan/budget-excluded';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, consistentWith, exampleDraft, planOf } from '../../support/plans';

testRule(budgetExcluded, {
  valid: [{ name: 'no area excluded', plan: () => planOf(consistentDraft()) }],
  invalid: [
    {
      name: 'the seed’s private-sector area: ⑬ 22,683억원 = 2,268,300백만원, no budget row',
      plan: () => planOf(exampleDraft()),
      findings: [{ messageId: 'excluded', severity: 'info', sheet: '분야별 목표', cell: 'A14', expected: 2268300, actual: null, cells: ["'분야별 목표'!A14", '실천과제!C164'] }],
    },
    {
      name: 'an excluded area that keeps its budget row',
      plan: () => consistentWith((d) => (d.areas[1].excludedFromBudgetTotal = true)),
      findings: [{ messageId: 'excluded', cell: 'C9', expected: 800, actual: 800 }],
    },
  ],
});
