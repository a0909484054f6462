import { areaTotal } from '../../../src/core/rules/plan/area-total';
import type { PlanDraft } from '../../../src/core/model/draft';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, consistentWith, evenSeries, exampleWith, planOf } from '../../support/plans';

/** Task 2 (area 2) in 억원: 1억원 a year per 세부사업, so area 2's 200백만원 a year still adds up. */
const inEok = (d: PlanDraft) => {
  const t = d.tasks[1];
  t.budgetUnit = '억원';
  t.subprojects.forEach((s) => (s.budget = evenSeries(1)));
  t.total!.budget = evenSeries(2);
};

testRule(areaTotal, {
  valid: [
    { name: 'a consistent plan', plan: () => planOf(consistentDraft()) },
    { name: 'a task in 억원 converted to the area table’s 백만원', plan: () => consistentWith(inEok) },
    {
      name: 'an area excluded from the budget total without a budget row',
      plan: () =>
        consistentWith((d) => {
          d.areas[1].excludedFromBudgetTotal = true;
          d.areas[1].budget = null;
        }),
    },
    { name: 'a task without 총계 row counts with its 세부사업', plan: () => consistentWith((d) => (d.tasks[0].total = null)) },
  ],
  invalid: [
    {
      name: 'area target 2027 is 30, its one task says 20',
      plan: () => consistentWith((d) => (d.areas[0].target.years[0] = 30)),
      findings: [{ messageId: 'mismatch', severity: 'error', sheet: '분야별 목표', cell: 'D6', expected: 20, actual: 30, tolerance: 1, cells: ["'분야별 목표'!D6", '실천과제!D7'] }],
    },
    {
      name: 'a task without 총계 row: its 세부사업 are the parts',
      plan: () =>
        consistentWith((d) => {
          d.tasks[0].total = null;
          d.areas[0].target.total = 90;
        }),
      findings: [{ messageId: 'mismatch', cell: 'C6', expected: 80, actual: 90, tolerance: 1.5, cells: ["'분야별 목표'!C6", '실천과제!C7', '실천과제!C9'] }],
    },
    {
      name: '억원 → 백만원: 50 off is inside the scaled band (±50.5), 100 off is not',
      plan: () =>
        consistentWith((d) => {
          inEok(d);
          d.areas[1].budget!.years[0] = 250;
          d.areas[1].budget!.years[1] = 300;
        }),
      findings: [
        { messageId: 'rounding', severity: 'warning', cell: 'D9', expected: 200, actual: 250, tolerance: 50.5 },
        { messageId: 'mismatch', severity: 'error', cell: 'E9', expected: 200, actual: 300, tolerance: 50.5 },
      ],
    },
    {
      name: "the seed's 청년 일자리 확대 budget: 4,197 stated, ① 192 + ② 4,001 = 4,193 (other areas fixed)",
      plan: () =>
        exampleWith((d) => {
          d.areas.splice(1, 4);
          d.tasks.splice(2);
          d.grandTotal.budget.total = 4197;
        }),
      findings: [
        { messageId: 'mismatch', cell: 'C7', expected: 4193, actual: 4197, tolerance: 1.5, cells: ["'분야별 목표'!C7", '실천과제!C8', '실천과제!C19'] },
        { messageId: 'mismatch', cell: 'D7', expected: 1125, actual: 1127 },
        { messageId: 'mismatch', cell: 'E7', expected: 1047, actual: 1049 },
        { messageId: 'rounding', cell: 'F7', expected: 997, actual: 996 },
        { messageId: 'rounding', cell: 'G7', expected: 1024, actual: 1025 },
      ],
    },
    {
      name: 'an area (not excluded) without a budget row while its task has a budget',
      plan: () => consistentWith((d) => (d.areas[0].budget = null)),
      findings: [{ messageId: 'noBudgetRow', severity: 'warning', cell: 'A6', expected: 800, actual: null }],
    },
  ],
});
