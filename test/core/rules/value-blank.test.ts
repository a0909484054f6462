import { valueBlank } from '../../../src/core/rules/plan/value-blank';
import { testRule } from '../../support/rule-tester';
import { consistentDraft, consistentWith, exampleDraft, planOf, planWithCells } from '../../support/plans';
import { blankDraft } from '../../../src/core/template/blank';
import { readPlan } from '../../../src/core/template/read';
import { renderWorkbook, renderedToGrid } from '../../../src/core/template/render';
import type { Plan } from '../../../src/core/model/plan';

/**
 * The blank template with live formulas, each given the value Excel computes over empty inputs: SUM and
 * SUMIF give 0, the change formulas IF(…="","",…) give "" (which Office.js reports and the adapter reads as empty).
 */
function blankAsExcelComputesIt(): Plan {
  const grid = renderedToGrid(renderWorkbook(blankDraft(), { formulas: true }));
  let formulas = 0;
  for (const sheet of grid.sheets) {
    for (const row of sheet.rows) {
      for (const cell of row ?? []) {
        if (!cell?.formula) continue;
        formulas += 1;
        cell.value = /^IF\(/.test(cell.formula) ? null : /^SUM/.test(cell.formula) ? 0 : cell.value;
      }
    }
  }
  if (formulas < 10) throw new Error('the blank template should carry live formulas');
  const { plan, problems } = readPlan(grid);
  if (problems.length) throw new Error(problems.map((p) => p.messageEn).join('; '));
  return plan;
}

testRule(valueBlank, {
  valid: [
    { name: 'a consistent plan', plan: () => planOf(consistentDraft()) },
    { name: 'the seed (its "-" cells are zeros)', plan: () => planOf(exampleDraft()) },
    { name: '"-" written for none', plan: () => planWithCells(consistentDraft(), { '실천과제!D9': '-' }) },
    { name: 'the untouched blank template (no figure entered anywhere)', plan: () => planOf(blankDraft()) },
    {
      name: 'the blank template as Excel computes it (SUMs give 0, IF(…,"") gives empty)',
      plan: () => blankAsExcelComputesIt(),
    },
    {
      name: 'a row nobody has touched yet, in a filled plan (progress, not a problem)',
      plan: () =>
        consistentWith((d) => {
          d.tasks[0].subprojects[0].target = { total: null, years: [null, null, null, null] };
        }),
    },
  ],
  invalid: [
    {
      name: 'an empty 세부사업 cell',
      plan: () => consistentWith((d) => (d.tasks[0].subprojects[0].target.years[0] = null)),
      findings: [{ messageId: 'blank', severity: 'warning', sheet: '실천과제', cell: 'D9', actual: null }],
    },
    {
      name: 'a row half entered: its empty cells are one finding naming every one',
      plan: () =>
        consistentWith((d) => {
          d.tasks[0].subprojects[0].target = { total: null, years: [5, null, null, null] };
        }),
      findings: [
        { messageId: 'blank', cell: 'C9' },
        {
          messageId: 'blankCells',
          cell: 'E9',
          cells: ['실천과제!E9', '실천과제!F9', '실천과제!G9'],
        },
      ],
    },
    {
      name: 'one 세부사업 entered in a blank template: only its own blanks are reported',
      plan: () =>
        planWithCells(blankDraft(), { '실천과제!D9': 10, '실천과제!E9': 10 }),
      findings: [{ messageId: 'blank', cell: 'C9' }, { messageId: 'blankCells', cell: 'F9', cells: ['실천과제!F9', '실천과제!G9'] }],
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
