import { valueTextNumber } from '../../../src/core/rules/plan/value-text-number';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, exampleDraft, planOf, planWithCells } from '../../support/plans';

testRule(valueTextNumber, {
  valid: [
    { name: 'a consistent plan', plan: () => planOf(consistentDraft()) },
    { name: 'the seed', plan: () => planOf(exampleDraft()) },
    { name: '"-" is the convention for none, not a number stored as text', plan: () => planWithCells(consistentDraft(), { '실천과제!D9': '-' }) },
  ],
  invalid: [
    {
      name: '"9,454" as text',
      plan: () => planWithCells(consistentDraft(), { '분야별 목표!C6': '9,454' }),
      findings: [{ messageId: 'textNumber', severity: 'warning', sheet: '분야별 목표', cell: 'C6', expected: 9454, actual: '9,454' }],
    },
    {
      name: '"12.5%" in an indicator',
      plan: () => planWithCells(consistentDraft(), { '공통 일자리 목표!E4': '61.5%' }),
      findings: [{ messageId: 'textNumber', cell: 'E4', expected: 61.5, actual: '61.5%' }],
    },
  ],
});
