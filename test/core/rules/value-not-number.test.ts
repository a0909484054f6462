import { valueNotNumber } from '../../../src/core/rules/plan/value-not-number';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, exampleDraft, planOf, planWithCells } from '../../support/plans';

testRule(valueNotNumber, {
  valid: [
    { name: 'a consistent plan', plan: () => planOf(consistentDraft()) },
    { name: 'the seed', plan: () => planOf(exampleDraft()) },
    { name: 'Korean number conventions read as numbers', plan: () => planWithCells(consistentDraft(), { '실천과제!D9': '-', '실천과제!E9': '1,234', '실천과제!F9': '△5', '실천과제!G9': '…' }) },
  ],
  invalid: [
    {
      name: 'text in a 세부사업 target',
      plan: () => planWithCells(consistentDraft(), { '실천과제!D9': '약 10' }),
      findings: [{ messageId: 'notNumber', severity: 'error', sheet: '실천과제', cell: 'D9', actual: '약 10', cells: ['실천과제!D9'] }],
    },
    {
      name: 'text in an indicator base and in the change column',
      plan: () => planWithCells(consistentDraft(), { '공통 일자리 목표!D4': '미정', '공통 일자리 목표!I5': '10% 이상' }),
      findings: [
        { messageId: 'notNumber', cell: 'D4', actual: '미정' },
        { messageId: 'notNumber', cell: 'I5', actual: '10% 이상' },
      ],
    },
  ],
});
