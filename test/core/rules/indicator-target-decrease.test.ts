import { indicatorTargetDecrease } from '../../../src/core/rules/plan/indicator-target-decrease';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, consistentWith, exampleDraft, planOf } from '../../support/plans';

testRule(indicatorTargetDecrease, {
  valid: [
    { name: 'rising targets', plan: () => planOf(consistentDraft()) },
    { name: 'the seed (a base below the last actual is not a target decrease)', plan: () => planOf(exampleDraft()) },
    { name: 'a flat year', plan: () => consistentWith((d) => (d.indicators[0].targets[1] = 61)) },
    { name: 'a blank year is skipped, not compared across', plan: () => consistentWith((d) => (d.indicators[1].targets[1] = null)) },
  ],
  invalid: [
    {
      name: '2028 target 60.9 below 2027’s 61',
      plan: () => consistentWith((d) => (d.indicators[0].targets[1] = 60.9)),
      findings: [{ messageId: 'decrease', severity: 'warning', sheet: '공통 일자리 목표', cell: 'F4', expected: 61, actual: 60.9, cells: ["'공통 일자리 목표'!F4", "'공통 일자리 목표'!E4"] }],
    },
    {
      name: 'the first year below the base',
      plan: () => consistentWith((d) => (d.indicators[1].targets[0] = 99000)),
      findings: [{ messageId: 'decrease', cell: 'E5', expected: 100000, actual: 99000 }],
    },
  ],
});
