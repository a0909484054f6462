import { taskTotal } from '../../../src/core/rules/plan/task-total';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, consistentWith, exampleDraft, exampleWith, planOf } from '../../support/plans';

testRule(taskTotal, {
  valid: [
    { name: 'a consistent plan', plan: () => planOf(consistentDraft()) },
    { name: "the seed's 13 task tables (all 총계 rows add up)", plan: () => planOf(exampleDraft()) },
    { name: 'a task without 총계 row is not checked', plan: () => consistentWith((d) => (d.tasks[0].total = null)) },
  ],
  invalid: [
    {
      name: '총계 target 2027 is 25, its 세부사업 add up to 20',
      plan: () => consistentWith((d) => (d.tasks[0].total!.target.years[0] = 25)),
      findings: [{ messageId: 'mismatch', severity: 'error', sheet: '실천과제', cell: 'D7', expected: 20, actual: 25, tolerance: 1.5, cells: ['실천과제!D7', '실천과제!D9', '실천과제!D11'] }],
    },
    {
      name: '⑫ 총계 budget 2023 off by 1 with four 세부사업 (inside ±2.5: possible rounding)',
      plan: () => exampleWith((d) => (d.tasks[11].total!.budget.years[0] = 1007)),
      findings: [{ messageId: 'rounding', severity: 'warning', sheet: '실천과제', cell: 'D149', expected: 1006, actual: 1007, tolerance: 2.5 }],
    },
    {
      name: 'a blank 세부사업 cell counts as 0 and is listed among the parts',
      plan: () => consistentWith((d) => (d.tasks[1].subprojects[1].budget.years[3] = null)),
      findings: [{ messageId: 'mismatch', cell: 'G19', expected: 100, actual: 200, cells: ['실천과제!G19', '실천과제!G21', '실천과제!G23'] }],
    },
  ],
});
