/** The 성과 and 연차별 세부계획 sheets through a real .xlsx (exceljs writer and reader): same reading, same findings. */
import { readXlsxBuffer } from '../../../src/adapters/xlsx/read';
import { draftToBuffer } from '../../../src/adapters/xlsx/write';
import { sejong2024 } from '../../../src/core/examples/sejong-2024';
import { renderWorkbook, renderedToGrid } from '../../../src/core/template/render';
import { validateGrid } from '../../../src/core/validate';
import { fullDraft } from '../../support/results';

const brief = (fs: { rule: string; severity: string; sheet: string; cell: string; expected: unknown; actual: unknown; tolerance: unknown }[]) =>
  fs.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${String(f.expected)} ${String(f.actual)} ${String(f.tolerance)}`);

describe('results sheets in .xlsx', () => {
  it('the 세종 example: the same findings as in memory', async () => {
    const { grid } = await readXlsxBuffer(await draftToBuffer(sejong2024, { formulas: false }));
    expect(grid.sheets.map((s) => s.name)).toEqual(['성과']);
    const fromFile = validateGrid(grid);
    const inMemory = validateGrid(renderedToGrid(renderWorkbook(sejong2024, { formulas: false })));
    expect(brief(fromFile.findings)).toEqual(brief(inMemory.findings));
    expect(fromFile.summary).toEqual({ error: 2, warning: 1, info: 1 });
    // 92.3점 is written with one decimal place and read back with it.
    const score = fromFile.plan.results!.items.find((i) => i.name === '평균만족도')!;
    expect([score.actual.value, score.actual.decimals]).toEqual([92.3, 1]);
  });

  it('a plan with both extra sheets: the same findings as in memory', async () => {
    const { grid } = await readXlsxBuffer(await draftToBuffer(fullDraft(), { formulas: false }));
    expect(brief(validateGrid(grid).findings)).toEqual(brief(validateGrid(renderedToGrid(renderWorkbook(fullDraft(), { formulas: false }))).findings));
  });
});
