/**
 * The seed document's layouts as real .xlsx files (written with exceljs by the tests' own writer, not
 * our renderer), read through the .xlsx adapter: the same findings at the same cells as the grids.
 */
import { readXlsxBuffer } from '../../../src/adapters/xlsx/read';
import { validateGrid } from '../../../src/core/validate';
import { SEED_FINDINGS, documentLayout, layoutXlsx, type LayoutOptions } from '../../support/document-layouts';

describe('document layouts as .xlsx files', () => {
  const cases: [string, LayoutOptions][] = [
    ['chapters on sheets, 합계 last', { split: 'chapters', totalLast: true }],
    ['one sheet per task, SUM formulas with cached values (0 included)', { split: 'per-task', sumFormulas: true }],
    ['headers on two rows, merged (연도별 목표 over the years)', { twoRowHeader: 'merged' }],
    ['rates typed as 68.6% (the fraction formatted 0.0%)', { percentRates: true }],
  ];
  it.each(cases)('%s', async (_, opts) => {
    const layout = documentLayout(opts);
    const read = await readXlsxBuffer(await layoutXlsx(layout), 'plan.xlsx');
    const result = validateGrid(read.grid);
    // The same findings, whatever their order (the one order is test/present/outputs.test.ts's business).
    const asSet = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(asSet(result.findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.expected, f.actual, f.tolerance]))).toEqual(
      asSet(
        SEED_FINDINGS.map(([rule, severity, line, field, e, a, t]) => {
          const at = layout.where(line, field);
          return [rule, severity, at.sheet, at.cell, e, a, t];
        }),
      ),
    );
    expect(result.problems).toEqual([]);
    if (opts.sumFormulas) {
      // ⑬ 소요예산 2026: "-" in the document, =SUM(…) cached as 0 in the workbook: read as the value 0.
      expect(result.plan.tasks[12].total?.budget.years[3]).toMatchObject({ value: 0, state: 'number', formula: expect.stringMatching(/^SUM\(/) });
    }
  });
});
