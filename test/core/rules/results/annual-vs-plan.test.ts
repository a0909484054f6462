import { annualVsPlan } from '../../../../src/core/rules/results/annual-vs-plan';
import { testRule } from '../../../support/rule-tester';
import { annualCell as c, ar, matchingAnnual, planWith, readDraft, resultsOnlyDraft } from '../../../support/results';

// The consistent plan: 2027–2030, every 세부사업 10명 and 100백만원 a year. 2028 is column E of 실천과제:
// 세부사업 1-1 target E9, budget E10; 1-2 E11/E12; 2-1 E20/E21; 2-2 E22/E23.
const S = '연차별 세부계획';
const annualWith = (edit: (rows: ReturnType<typeof matchingAnnual>['rows']) => void, year = 2028) => {
  const a = matchingAnnual(year);
  edit(a.rows);
  return a;
};

testRule(annualVsPlan, {
  valid: [
    { name: 'the year\'s plan equals the 종합계획', plan: () => planWith({ annual: matchingAnnual() }) },
    { name: 'a budget in 억원 (1억원 = 100백만원)', plan: () => planWith({ annual: annualWith((r) => r.forEach((x) => Object.assign(x, { budget: 1, budgetUnit: '억원' }))) }) },
    { name: '실천과제 given by number only, 총계 rows included', plan: () => planWith({ annual: annualWith((r) => { r[0].task = '1'; r.push(ar('② 실천과제 2', '총계', 20, 200)); }) }) },
    { name: 'no 종합계획 in the workbook: nothing to compare', plan: () => readDraft(resultsOnlyDraft([], 2028, matchingAnnual())) },
    // Not a revision to 0: the blank 연차별 세부계획 of `template --results`, before it is filled in.
    { name: 'rows with nothing entered yet', plan: () => planWith({ annual: annualWith((r) => r.forEach((x) => Object.assign(x, { target: null, budget: null }))) }) },
  ],
  invalid: [
    {
      name: 'a revised target and budget: both figures and cells',
      plan: () => planWith({ annual: annualWith((r) => { r[0].target = 12; r[3].budget = 120; }) }),
      findings: [
        { messageId: 'targetDiffers', severity: 'info', sheet: S, cell: c('C', 0), expected: 10, actual: 12, cells: [`'${S}'!${c('C', 0)}`, '실천과제!E9'] },
        { messageId: 'budgetDiffers', severity: 'info', sheet: S, cell: c('E', 3), expected: 100, actual: 120, cells: [`'${S}'!${c('E', 3)}`, '실천과제!E23'] },
      ],
    },
    {
      name: 'a budget in 억원 that differs after conversion (1.5억원 = 150 ≠ 100백만원)',
      plan: () => planWith({ annual: annualWith((r) => Object.assign(r[1], { budget: 1.5, budgetUnit: '억원' })) }),
      findings: [{ messageId: 'budgetDiffers', cell: c('E', 1), expected: 1, actual: 1.5, cells: [`'${S}'!${c('E', 1)}`, '실천과제!E12'] }],
    },
    {
      name: 'a new 세부사업, and one of the 종합계획 left out',
      plan: () => planWith({ annual: annualWith((r) => { r[2].subproject = '신규 사업'; }) }),
      findings: [
        { messageId: 'notInPlan', severity: 'info', cell: c('B', 2), actual: '② 실천과제 2 · 신규 사업' },
        { messageId: 'missingFromAnnual', severity: 'info', sheet: '실천과제', cell: 'E20', expected: 10, cells: ['실천과제!E20', '실천과제!E21'] },
      ],
    },
    {
      name: 'a row with its target entered and its budget left empty is compared (the empty budget as 0)',
      plan: () => planWith({ annual: annualWith((r) => Object.assign(r[0], { budget: null })) }),
      findings: [{ messageId: 'budgetDiffers', cell: c('E', 0), expected: 100, actual: 0 }],
    },
    {
      name: 'a target unit that differs',
      plan: () => planWith({ annual: annualWith((r) => { r[0].targetUnit = '개소'; }) }),
      findings: [{ messageId: 'unitDiffers', cell: c('C', 0), expected: '명', actual: '개소' }],
    },
    {
      name: 'a 계획연도 outside the plan period',
      plan: () => planWith({ annual: matchingAnnual(2031) }),
      findings: [{ messageId: 'yearOutside', severity: 'warning', sheet: S, cell: 'B5', actual: 2031 }],
    },
  ],
});
