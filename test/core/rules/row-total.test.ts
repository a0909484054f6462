import { rowTotal } from '../../../src/core/rules/plan/row-total';
import { testRule } from '../../support/rule-tester';
import { runRules } from '../../../src/core/rules/run';
import { consistentDraft, exampleWith, planOf } from '../../support/plans';

testRule(rowTotal, {
  valid: [
    { name: 'a consistent plan', plan: () => planOf(consistentDraft()) },
    { name: 'a 3-year plan', plan: () => planOf(consistentDraft({ period: { startYear: 2027, years: 3 } })) },
  ],
  invalid: [
    {
      name: '세부사업 total off by 10 (outside the ±2.5 band)',
      plan: () => exampleWith((d) => (d.tasks[0].subprojects[0].target.total = 22)),
      findings: [{ messageId: 'mismatch', severity: 'error', sheet: '실천과제', cell: 'C9', expected: 12, actual: 22, tolerance: 2.5, cells: ['실천과제!C9', '실천과제!D9', '실천과제!E9', '실천과제!F9', '실천과제!G9'] }],
    },
    {
      name: 'area budget total off by 2 (inside the band: possible rounding)',
      plan: () => exampleWith((d) => (d.areas[0].budget!.total = 4199)),
      findings: [{ messageId: 'rounding', severity: 'warning', sheet: '분야별 목표', cell: 'C7', expected: 4197, actual: 4199, tolerance: 2.5 }],
    },
  ],
});

it('row-total: no particle after a figure in Korean (합계 21와 is wrong: 이십일 takes 과)', () => {
  const [f] = runRules(exampleWith((d) => (d.tasks[0].subprojects[0].target.total = 13)), [rowTotal]);
  expect(f.messageId).toBe('rounding');
  expect(f.message).toMatch(/합계 13, 연도별 합 12, 차이 \+1 — 반올림 차이 가능/);
});
