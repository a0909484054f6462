import { valueBlank } from '../../../src/core/rules/plan/value-blank';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, consistentWith, exampleDraft, planOf, planWithCells } from '../../support/plans';

testRule(valueBlank, {
  valid: [
    { name: 'a consistent plan', plan: () => planOf(consistentDraft()) },
    { name: 'the seed (its "-" cells are zeros)', plan: () => planOf(exampleDraft()) },
    { name: '"-" written for none', plan: () => planWithCells(consistentDraft(), { '실천과제!D9': '-' }) },
  ],
  invalid: [
    {
      name: 'an empty 세부사업 cell',
      plan: () => consistentWith((d) => (d.tasks[0].subprojects[0].target.years[0] = null)),
      findings: [{ messageId: 'blank', severity: 'warning', sheet: '실천과제', cell: 'D9', actual: null }],
    },
    {
      name: 'a whole empty row is one finding naming every cell',
      plan: () =>
        consistentWith((d) => {
          d.tasks[0].subprojects[0].target = { total: null, years: [null, null, null, null] };
        }),
      findings: [
        {
          messageId: 'blankCells',
          cell: 'C9',
          cells: ['실천과제!C9', '실천과제!D9', '실천과제!E9', '실천과제!F9', '실천과제!G9'],
        },
      ],
    },
    {
      name: 'a formula with no cached value',
      plan: () => planWithCells(consistentDraft(), { '분야별 목표!C4': { value: null, formula: 'SUM(D4:G4)' } }),
      findings: [{ messageId: 'formulaNoValue', cell: 'C4' }],
    },
    {
      name: '"…" (not available) and an empty last actual',
      plan: () => planWithCells(consistentDraft(), { '공통 일자리 목표!C4': null, '공통 일자리 목표!D5': '…' }),
      findings: [
        { messageId: 'blank', cell: 'C4' },
        { messageId: 'notAvailable', cell: 'D5', actual: '…' },
      ],
    },
  ],
});
