import { mixedUnits } from '../../../src/core/rules/plan/mixed-units';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, consistentWith, exampleDraft, planOf } from '../../support/plans';

testRule(mixedUnits, {
  valid: [
    { name: 'a consistent plan (명 everywhere)', plan: () => planOf(consistentDraft()) },
    {
      name: 'an area table in 개소 over tasks in 개소',
      plan: () =>
        consistentWith((d) => {
          d.areaUnits.target = '개소';
          d.tasks.forEach((t) => (t.targetUnit = '개소'));
        }),
    },
    { name: 'budgets in 천원 and 억원 (convertible)', plan: () => consistentWith((d) => ((d.tasks[0].budgetUnit = '천원'), (d.tasks[1].budgetUnit = '억원'))) },
  ],
  invalid: [
    {
      name: 'the seed: areas 3 (개소, 개소, 명) and 4 (명, 개소) in a 명 table',
      plan: () => planOf(exampleDraft()),
      findings: [
        {
          messageId: 'mixedTargets',
          severity: 'warning',
          sheet: '분야별 목표',
          cell: 'C10',
          expected: '명',
          actual: '개소, 명',
          cells: ["'분야별 목표'!C10", '실천과제!C110', '실천과제!C117', '실천과제!C128'],
        },
        { messageId: 'mixedTargets', cell: 'C12', expected: '명', actual: '명, 개소', cells: ["'분야별 목표'!C12", '실천과제!C135', '실천과제!C148'] },
      ],
    },
    {
      name: 'a task in 개소 under an area table in 명',
      plan: () => consistentWith((d) => (d.tasks[0].targetUnit = '개소')),
      findings: [{ messageId: 'mixedTargets', cell: 'C6', expected: '명', actual: '개소' }],
    },
    {
      name: 'a budget in 만원 cannot be converted',
      plan: () => consistentWith((d) => (d.tasks[1].budgetUnit = '만원')),
      findings: [{ messageId: 'unknownBudgetUnit', severity: 'warning', sheet: '실천과제', cell: 'A14', expected: '천원·백만원·억원', actual: '만원' }],
    },
    {
      name: 'the 분야별 목표 table in 원',
      plan: () => consistentWith((d) => (d.areaUnits.budget = '원')),
      findings: [{ messageId: 'unknownBudgetUnit', sheet: '분야별 목표', cell: 'A4', actual: '원' }],
    },
  ],
});
