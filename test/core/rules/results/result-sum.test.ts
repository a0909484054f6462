import { resultSum } from '../../../../src/core/rules/results/result-sum';
import { runRules } from '../../../../src/core/rules/run';
import { testRule } from '../../../support/rule-tester';
import { consistentDraft, planOf } from '../../../support/plans';
import { resultCell as c, resultsPlan, ri } from '../../../support/results';

const q = (cell: string) => `성과!${cell}`;

testRule(resultSum, {
  valid: [
    {
      name: 'totals equal their parts at two levels',
      plan: () => resultsPlan([ri(1, '합계', '명', 60), ri(2, 'A센터', '명', 30), ri(3, 'a1', '명', 10), ri(3, 'a2', '명', 20), ri(2, 'B센터', '명', 30)]),
    },
    {
      name: 'a heading without a figure: the facts under it are not added up',
      plan: () => resultsPlan([ri(1, '박람회 개최', null, null), ri(2, '구직', '명', 500), ri(2, '취업', '명', 30)]),
    },
    {
      name: 'parts without figures are labels, not a breakdown',
      plan: () => resultsPlan([ri(1, '사업', '명', 100), ri(2, '내용 1', null, null), ri(2, '내용 2', null, null)]),
    },
    {
      name: 'money parts in 억원 converted into a total in 백만원',
      plan: () => resultsPlan([ri(1, '예산', '백만원', 250), ri(2, '국비', '억원', 2), ri(2, '시비', '백만원', 50)]),
    },
    {
      name: 'a 목표 for the total and one part only: targets are not broken down',
      plan: () => resultsPlan([ri(1, '합계', '명', 30, { target: 33 }), ri(2, 'A', '명', 10), ri(2, 'B', '명', 20, { target: 20 })]),
    },
    { name: 'a workbook without a 성과 sheet', plan: () => planOf(consistentDraft()) },
  ],
  invalid: [
    {
      name: 'a total 10 above its parts (outside ±1.5)',
      plan: () => resultsPlan([ri(1, '합계', '명', 100), ri(2, 'A', '명', 40), ri(2, 'B', '명', 50)]),
      findings: [{ messageId: 'mismatch', severity: 'error', sheet: '성과', cell: c('E', 0), expected: 90, actual: 100, tolerance: 1.5, cells: [q(c('E', 0)), q(c('E', 1)), q(c('E', 2))] }],
    },
    {
      name: 'a difference of 1 with two parts: possible rounding',
      plan: () => resultsPlan([ri(1, '합계', '명', 91), ri(2, 'A', '명', 45), ri(2, 'B', '명', 45)]),
      findings: [{ messageId: 'rounding', severity: 'warning', cell: c('E', 0), expected: 90, actual: 91, tolerance: 1.5 }],
    },
    {
      name: 'a mismatch on the third level, the levels above consistent',
      plan: () => resultsPlan([ri(1, '합계', '명', 60), ri(2, 'A센터', '명', 30), ri(3, 'a1', '명', 10), ri(3, 'a2', '명', 25), ri(2, 'B센터', '명', 30)]),
      findings: [{ messageId: 'mismatch', severity: 'error', cell: c('E', 1), expected: 35, actual: 30, tolerance: 1.5, cells: [q(c('E', 1)), q(c('E', 2)), q(c('E', 3))] }],
    },
    {
      name: 'a blank part counts as 0 and is named',
      plan: () => resultsPlan([ri(1, '합계', '명', 40), ri(2, 'A', '명', 30), ri(2, 'B', '명', null, { target: 5 })]),
      findings: [{ messageId: 'mismatch', cell: c('E', 0), expected: 30, actual: 40, cells: [q(c('E', 0)), q(c('E', 1)), q(c('E', 2))] }],
    },
    {
      name: '목표 column: total ≠ Σ parts',
      plan: () => resultsPlan([ri(1, '합계', '명', 30, { target: 50 }), ri(2, 'A', '명', 10, { target: 20 }), ri(2, 'B', '명', 20, { target: 20 })]),
      findings: [{ messageId: 'mismatch', severity: 'error', cell: c('D', 0), expected: 40, actual: 50, tolerance: 1.5, cells: [q(c('D', 0)), q(c('D', 1)), q(c('D', 2))] }],
    },
  ],
});

it('result-sum: no particle after a figure in Korean (합계 91와 is wrong: 구십일 takes 과)', () => {
  const [f] = runRules(resultsPlan([ri(1, '합계', '명', 91), ri(2, 'A', '명', 45), ri(2, 'B', '명', 45)]), [resultSum]);
  expect(f.message).toMatch(/합계 91, 내역의 합 90, 차이 \+1 — 반올림 차이 가능/);
});
