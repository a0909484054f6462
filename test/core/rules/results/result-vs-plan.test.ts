import { resultVsPlan } from '../../../../src/core/rules/results/result-vs-plan';
import { testRule } from '../../../support/rule-tester';
import { consistentDraft, planOf } from '../../../support/plans';
import { ar, planWith, readDraft, resultCell as c, resultsOnlyDraft, ri } from '../../../support/results';

// The consistent plan: 2027–2030, every 세부사업 10명 a year; 세부사업 1-1's targets sit in 실천과제!D9:G9.
const link = (subproject: string, task?: string, year?: number) => ({ link: { subproject, ...(task ? { task } : {}), ...(year ? { year } : {}) } });

testRule(resultVsPlan, {
  valid: [
    { name: 'results without links', plan: () => planWith({ items: [ri(1, '취업', '명', 8)] }) },
    { name: 'a plan without a 성과 sheet', plan: () => planOf(consistentDraft()) },
  ],
  invalid: [
    {
      name: 'below target: 8 of 10 (80.0%)',
      plan: () => planWith({ items: [ri(1, '취업', '명', 8, link('세부사업 1-1', '① 실천과제 1'))] }),
      findings: [{ messageId: 'below', severity: 'info', sheet: '성과', cell: c('E', 0), expected: 10, actual: 8, cells: [`성과!${c('E', 0)}`, '실천과제!D9'] }],
    },
    {
      name: 'met and above, linked by 세부사업 name only; the year from the 연도 column',
      plan: () => planWith({ items: [ri(1, 'A', '명', 10, link('세부사업 2-1')), ri(1, 'B', '명', 13, link('세부사업 2-2', undefined, 2028))] }),
      findings: [
        { messageId: 'met', severity: 'info', cell: c('E', 0), expected: 10, actual: 10, cells: [`성과!${c('E', 0)}`, '실천과제!D20'] },
        { messageId: 'above', severity: 'info', cell: c('E', 1), expected: 10, actual: 13, cells: [`성과!${c('E', 1)}`, '실천과제!E22'] },
      ],
    },
    {
      name: 'a link to a 실천과제 compares with its 총계 (20 a year)',
      plan: () => planWith({ items: [ri(1, '과제 1', '명', 25, { link: { task: '1' } })] }),
      findings: [{ messageId: 'above', cell: c('E', 0), expected: 20, actual: 25, cells: [`성과!${c('E', 0)}`, '실천과제!D7'] }],
    },
    {
      name: 'a 목표 on the 성과 row that differs from the plan, then the rate',
      plan: () => planWith({ items: [ri(1, '취업', '명', 12, { target: 12, ...link('세부사업 1-2') })] }),
      findings: [
        { messageId: 'statedTargetDiffers', severity: 'info', cell: c('D', 0), expected: 10, actual: 12, cells: [`성과!${c('D', 0)}`, '실천과제!D11'] },
        { messageId: 'above', cell: c('E', 0), expected: 10, actual: 12 },
      ],
    },
    {
      name: 'the year\'s 연차별 세부계획 is the target when it lists the 세부사업',
      plan: () => planWith({ items: [ri(1, '취업', '명', 9, link('세부사업 1-1'))], annual: { title: '2027년 계획', year: 2027, rows: [ar('① 실천과제 1', '세부사업 1-1', 9, 100)] } }),
      findings: [{ messageId: 'met', cell: c('E', 0), expected: 9, actual: 9, cells: [`성과!${c('E', 0)}`, "'연차별 세부계획'!C8"] }],
    },
    {
      name: 'a link to nothing, a year outside the plan, a unit that differs',
      plan: () =>
        planWith({
          items: [ri(1, 'A', '명', 5, link('세부사업 9-9')), ri(1, 'B', '명', 5, link('세부사업 1-1', undefined, 2031)), ri(1, 'C', '개소', 5, link('세부사업 1-1'))],
        }),
      findings: [
        { messageId: 'linkNotFound', severity: 'warning', cell: c('H', 0), actual: '세부사업 9-9', cells: [`성과!${c('H', 0)}`] },
        { messageId: 'yearOutside', severity: 'warning', cell: c('I', 1), actual: 2031 },
        { messageId: 'unitDiffers', severity: 'warning', cell: c('C', 2), expected: '명', actual: '개소' },
      ],
    },
    {
      name: 'links in a workbook without a 종합계획: one info',
      plan: () => readDraft(resultsOnlyDraft([ri(1, 'A', '명', 5, link('세부사업 1-1')), ri(1, 'B', '명', 5, link('세부사업 1-2'))])),
      findings: [{ messageId: 'noPlan', severity: 'info', cell: c('H', 0), cells: [`성과!${c('H', 0)}`, `성과!${c('H', 1)}`] }],
    },
  ],
});
