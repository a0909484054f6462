import { incheonSeogu2023 } from '../../../src/core/examples/incheon-seogu-2023';
import { annualPlanFromDraft, blankResults } from '../../../src/core/results/blank';
import { blankDraft } from '../../../src/core/template/blank';
import { renderWorkbook, renderedToGrid } from '../../../src/core/template/render';
import { validateGrid } from '../../../src/core/validate';

describe('blank results sections', () => {
  it('a blank template with a 성과 sheet reports nothing about it', () => {
    const d = blankDraft();
    d.results = blankResults(2027);
    const r = validateGrid(renderedToGrid(renderWorkbook(d, { formulas: true })));
    expect(r.plan.results?.items.map((i) => i.level)).toEqual([1, 2, 3, 3, 2]);
    expect(r.findings.filter((f) => f.rule.startsWith('result') || f.sheet === '성과')).toEqual([]);
  });

  it('the 인천 서구 plan\'s 2024 column as a 연차별 세부계획 agrees with the 종합계획', () => {
    const d = structuredClone(incheonSeogu2023);
    d.annualPlan = annualPlanFromDraft(d, 2024)!;
    expect(d.annualPlan.rows.find((r) => r.subproject === '취업성공 디딤돌 청년인턴 사업')).toMatchObject({ task: '② 청년 일자리 지원 및 취업역량 강화', target: 52, budget: 701 });
    const r = validateGrid(renderedToGrid(renderWorkbook(d, { formulas: false })));
    expect(r.findings.filter((f) => f.rule === 'annual-vs-plan' || f.rule === 'structure' || f.rule === 'result-value')).toEqual([]);
    expect(annualPlanFromDraft(d, 2030)).toBeNull();
  });
});
