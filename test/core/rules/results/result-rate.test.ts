import { resultRate } from '../../../../src/core/rules/results/result-rate';
import { testRule } from '../../../support/rule-tester';
import { resultCell as c, resultsPlan, ri } from '../../../support/results';

const q = (cell: string) => `성과!${cell}`;

testRule(resultRate, {
  valid: [
    { name: '59 of 60 = 98.3%', plan: () => resultsPlan([ri(1, '취업', '명', 59, { target: 60, statedRate: 98.3 })]) },
    { name: '59 of 60 stated as 98% (whole percent)', plan: () => resultsPlan([ri(1, '취업', '명', 59, { target: 60, statedRate: 98 })]) },
    { name: 'a percent-formatted cell holding the fraction 0.983', plan: () => resultsPlan([ri(1, '취업', '명', 59, { target: 60, statedRate: 0.983 })]) },
    { name: 'a fraction of exactly 1 for 100 of 100 (100%)', plan: () => resultsPlan([ri(1, '취업', '명', 100, { target: 100, statedRate: 1 })]) },
    { name: 'above target: 120 of 100 = 120%', plan: () => resultsPlan([ri(1, '취업', '명', 120, { target: 100, statedRate: 120 })]) },
    { name: 'no 달성률 stated', plan: () => resultsPlan([ri(1, '취업', '명', 59, { target: 60 })]) },
  ],
  invalid: [
    {
      name: 'stated 90% for 59 of 60',
      plan: () => resultsPlan([ri(1, '취업', '명', 59, { target: 60, statedRate: 90 })]),
      // 59 ÷ 60 × 100 = 98.33; the 실적 and 목표 intervals allow 58.5/60.5 … 59.5/59.5 = 96.69 … 100, ±0.5 for the stated 90.
      findings: [{ messageId: 'mismatch', severity: 'error', sheet: '성과', cell: c('F', 0), expected: 98.33, actual: 90, tolerance: 2.1529, cells: [q(c('F', 0)), q(c('E', 0)), q(c('D', 0))] }],
    },
    {
      name: '1,000 of 2,000 stated as 51% (is 50%; the band is only ±0.54 on a large base)',
      plan: () => resultsPlan([ri(1, '참여', '명', 1000, { target: 2000, statedRate: 51 })]),
      findings: [{ messageId: 'mismatch', severity: 'error', cell: c('F', 0), expected: 50, actual: 51, tolerance: 0.5375 }],
    },
    {
      name: 'stated 0 for 20 of 100 (0 read as a fraction is 0%, not anything below 50%)',
      plan: () => resultsPlan([ri(1, '취업', '명', 20, { target: 100, statedRate: 0 })]),
      findings: [{ messageId: 'mismatch', severity: 'error', cell: c('F', 0), expected: 20, actual: 0 }],
    },
    {
      name: 'stated 1 for 48 of 52 (1 read as a fraction is 100%, not anything from 50% to 150%)',
      plan: () => resultsPlan([ri(1, '취업', '명', 48, { target: 52, statedRate: 1 })]),
      findings: [{ messageId: 'mismatch', severity: 'error', cell: c('F', 0), expected: 92.31, actual: 1 }],
    },
    {
      name: 'a rate stated without a target',
      plan: () => resultsPlan([ri(1, '취업', '명', 59, { statedRate: 98.3 })]),
      findings: [{ messageId: 'noBasis', severity: 'info', cell: c('F', 0), actual: 98.3 }],
    },
    {
      name: 'a rate stated with a target of 0',
      plan: () => resultsPlan([ri(1, '취업', '명', 5, { target: 0, statedRate: 100 })]),
      findings: [{ messageId: 'noBasis', severity: 'info', cell: c('F', 0) }],
    },
  ],
});
