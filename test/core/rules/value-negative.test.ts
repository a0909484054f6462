import { valueNegative } from '../../../src/core/rules/plan/value-negative';
import { runRules } from '../../../src/core/rules/run';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, consistentWith, exampleDraft, planOf, planWithCells } from '../../support/plans';

testRule(valueNegative, {
  valid: [
    { name: 'a consistent plan', plan: () => planOf(consistentDraft()) },
    { name: 'the seed', plan: () => planOf(exampleDraft()) },
    { name: 'a negative change column is allowed', plan: () => consistentWith((d) => (d.indicators[1].statedChange = -1)) },
    { name: 'a negative rate is indicator-rate-range’s business', plan: () => consistentWith((d) => (d.indicators[0].lastActual = -1)) },
  ],
  invalid: [
    {
      name: 'a negative 세부사업 budget',
      plan: () => consistentWith((d) => (d.tasks[0].subprojects[0].budget.years[0] = -5)),
      findings: [{ messageId: 'negative', severity: 'error', sheet: '실천과제', cell: 'D10', actual: -5 }],
    },
    {
      name: '△ text in an area target',
      plan: () => planWithCells(consistentDraft(), { '분야별 목표!E6': '△12' }),
      findings: [{ messageId: 'negative', cell: 'E6', actual: '△12' }],
    },
    {
      name: 'a negative count indicator base',
      plan: () => consistentWith((d) => (d.indicators[1].base = -100000)),
      findings: [{ messageId: 'negative', sheet: '공통 일자리 목표', cell: 'D5', actual: -100000 }],
    },
  ],
});

it('value-negative: the figure is △5 in Korean and -5 in English', () => {
  const [f] = runRules(consistentWith((d) => (d.tasks[0].subprojects[0].budget.years[0] = -5)), [valueNegative]);
  expect(f.message).toContain('음수 △5');
  expect(f.messageEn).toContain('negative value -5 (cell "-5")');
});
