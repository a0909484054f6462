import { targetWithoutBudget } from '../../../src/core/rules/plan/target-without-budget';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, consistentWith, evenSeries, exampleDraft, planOf } from '../../support/plans';

testRule(targetWithoutBudget, {
  valid: [
    { name: 'a consistent plan', plan: () => planOf(consistentDraft()) },
    { name: 'the seed (every 세부사업 with a target has a budget)', plan: () => planOf(exampleDraft()) },
    { name: 'a budget in some years only is fine at 합계 level', plan: () => consistentWith((d) => (d.tasks[1].subprojects[0].budget = { total: 100, years: [100, 0, 0, 0] })) },
  ],
  invalid: [
    {
      name: 'a 세부사업 with 40명 and "-" budget',
      plan: () => consistentWith((d) => (d.tasks[1].subprojects[0].budget = evenSeries(0))),
      findings: [{ messageId: 'targetOnly', severity: 'info', sheet: '실천과제', cell: 'C21', actual: 0, cells: ['실천과제!C21', '실천과제!C20'] }],
    },
  ],
});
