import { resultValue } from '../../../../src/core/rules/results/result-value';
import { readPlan } from '../../../../src/core/template/read';
import { renderWorkbook, renderedToGrid } from '../../../../src/core/template/render';
import type { CellValue } from '../../../../src/core/grid/grid';
import { parseA1 } from '../../../../src/core/grid/a1';
import { testRule } from '../../../support/rule-tester';
import { annualCell, matchingAnnual, resultCell as c, resultsOnlyDraft, resultsPlan, ri } from '../../../support/results';

/** A results-only workbook with some cells overwritten (what a draft cannot hold: text in a figure cell). */
function withCells(cells: Record<string, CellValue>, sheet = '성과') {
  const d = resultsOnlyDraft([ri(1, '합계', '명', 30), ri(2, 'A', '명', 10), ri(2, 'B', '명', 20)], 2027, matchingAnnual(2027));
  const grid = renderedToGrid(renderWorkbook(d, { formulas: false }));
  const s = grid.sheets.find((x) => x.name === sheet)!;
  for (const [addr, v] of Object.entries(cells)) {
    const { row, col } = parseA1(addr);
    (s.rows[row] ??= [])[col] = { value: v };
  }
  return readPlan(grid).plan;
}

testRule(resultValue, {
  valid: [
    { name: 'numbers, blanks and dashes', plan: () => resultsPlan([ri(1, '합계', '명', 30), ri(2, 'A', '명', 0), ri(2, 'B', '명', null)]) },
    { name: 'numbers with units and separators as text', plan: () => withCells({ [c('E', 0)]: '30명', [c('E', 2)]: '20', [c('D', 0)]: '-', [c('F', 0)]: '…' }) },
  ],
  invalid: [
    {
      name: 'text where the 실적 belongs',
      plan: () => withCells({ [c('E', 1)]: '약 10명' }),
      findings: [{ messageId: 'notANumber', severity: 'error', sheet: '성과', cell: c('E', 1), actual: '약 10명' }],
    },
    {
      name: 'a negative 목표 and a text 소요예산 in the year\'s plan',
      plan: () => {
        const p = withCells({ [c('D', 2)]: '△5' });
        const q = withCells({ [annualCell('E', 0)]: '미정' }, '연차별 세부계획');
        return { ...p, annualPlan: q.annualPlan };
      },
      findings: [
        { messageId: 'negative', cell: c('D', 2), actual: -5 },
        { messageId: 'notANumber', sheet: '연차별 세부계획', cell: annualCell('E', 0), actual: '미정' },
      ],
    },
  ],
});
