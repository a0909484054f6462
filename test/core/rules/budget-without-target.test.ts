import { budgetWithoutTarget } from '../../../src/core/rules/plan/budget-without-target';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, consistentWith, evenSeries, exampleDraft, planOf } from '../../support/plans';

testRule(budgetWithoutTarget, {
  valid: [
    { name: 'a consistent plan', plan: () => planOf(consistentDraft()) },
    { name: 'a blank target is value-blank’s business', plan: () => consistentWith((d) => (d.tasks[0].subprojects[0].target.total = null)) },
    { name: 'both zero', plan: () => consistentWith((d) => ((d.tasks[0].subprojects[0].target = evenSeries(0)), (d.tasks[0].subprojects[0].budget = evenSeries(0)))) },
  ],
  invalid: [
    {
      name: 'the seed: ⑪ 공업지역 환경정비 사업, 120백만원 and no target',
      plan: () => planOf(exampleDraft()),
      findings: [{ messageId: 'budgetOnly', severity: 'info', sheet: '실천과제', cell: 'C141', expected: null, actual: 0, cells: ['실천과제!C141', '실천과제!C142'] }],
    },
  ],
});
