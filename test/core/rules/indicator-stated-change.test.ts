import { indicatorStatedChange } from '../../../src/core/rules/plan/indicator-stated-change';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, consistentWith, exampleDraft, planOf } from '../../support/plans';

testRule(indicatorStatedChange, {
  valid: [
    { name: 'stated 2 and 10 as computed', plan: () => planOf(consistentDraft()) },
    { name: "the seed's change column", plan: () => planOf(exampleDraft()) },
    { name: 'stated 1.9 vs computed 2.0 from rounded rates (intervals overlap)', plan: () => consistentWith((d) => (d.indicators[0].statedChange = 1.9)) },
    { name: 'no change column value', plan: () => consistentWith((d) => (d.indicators[0].statedChange = null)) },
  ],
  invalid: [
    {
      name: 'rate: stated 3%p, computed 2%p',
      plan: () => consistentWith((d) => (d.indicators[0].statedChange = 3)),
      findings: [{ messageId: 'mismatch', severity: 'error', sheet: '공통 일자리 목표', cell: 'I4', expected: 2, actual: 3, tolerance: 0.6, cells: ["'공통 일자리 목표'!I4", "'공통 일자리 목표'!D4", "'공통 일자리 목표'!H4"] }],
    },
    {
      name: 'count: stated 5%, computed 10%',
      plan: () => consistentWith((d) => (d.indicators[1].statedChange = 5)),
      findings: [{ messageId: 'mismatch', cell: 'I5', expected: 10, actual: 5 }],
    },
    {
      name: 'rate: stated 1.8 with one decimal vs computed 2.0 (1.75–1.85 misses 1.9–2.1)',
      plan: () => consistentWith((d) => (d.indicators[0].statedChange = 1.8)),
      findings: [{ messageId: 'mismatch', cell: 'I4', expected: 2, actual: 1.8 }],
    },
  ],
});
