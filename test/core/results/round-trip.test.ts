/** 성과 and 연차별 세부계획: render → renderedToGrid → read gives back every value, each with its cell. */
import { sejong2024 } from '../../../src/core/examples/sejong-2024';
import { INDENT } from '../../../src/core/results/render';
import { readPlan } from '../../../src/core/template/read';
import { renderWorkbook, renderedToGrid } from '../../../src/core/template/render';
import { validateGrid } from '../../../src/core/validate';
import { fullDraft } from '../../support/results';

describe('성과 round trip', () => {
  const { plan, problems } = readPlan(renderedToGrid(renderWorkbook(fullDraft(), { formulas: false })));

  it('reads cleanly, after the 종합계획 sheets', () => {
    expect(problems).toEqual([]);
    expect(renderWorkbook(fullDraft(), { formulas: false }).sheets.map((s) => s.name)).toEqual(['개요', '공통 일자리 목표', '분야별 목표', '실천과제', '연차별 세부계획', '성과']);
    expect(plan.tasks).toHaveLength(2); // the 연차별 세부계획 header is not taken for a 실천과제 table
  });

  it('gives back the sheet fields', () => {
    const r = plan.results!;
    expect([r.sheet, r.title, r.year, r.region, r.organisation]).toEqual(['성과', '2027년 일자리 성과', 2027, '테스트시', '테스트기관']);
    expect(r.yearRef).toEqual({ sheet: '성과', cell: 'C6' });
  });

  it('gives back every item with its cells, levels and parents', () => {
    const items = plan.results!.items;
    expect(items.map((i) => [i.level, i.name, i.statedUnit, i.unit, i.target?.value ?? null, i.actual.value, i.rate?.value ?? null, i.note, i.parent])).toEqual([
      [1, '① 실천과제 1', '명', '명', 40, 40, 100, '', null],
      [2, '세부사업 1-1', '명', '명', 20, 18, 90, '상반기 부진', 0],
      [3, '온라인', '', '명', null, 8, null, '', 1],
      [3, '현장', '', '명', null, 10, null, '', 1],
      [2, '세부사업 1-2', '명', '명', 20, 22, 110, '', 0],
      [1, '기타 성과', '', '', null, null, null, '', null],
      [2, '만족도', '점', '점', null, 92.3, null, '', 5],
      [2, '예산 집행', '억원', '억원', null, 1.5, null, '', 5],
    ]);
    expect(items.map((i) => i.children)).toEqual([[1, 4], [2, 3], [], [], [], [6, 7], [], []]);
    expect(items[1]).toMatchObject({
      label: { sheet: '성과', cell: 'B10' },
      unitRef: { sheet: '성과', cell: 'C10' },
      target: { ref: { sheet: '성과', cell: 'D10' }, value: 20 },
      actual: { ref: { sheet: '성과', cell: 'E10' }, value: 18, decimals: 0 },
      rate: { ref: { sheet: '성과', cell: 'F10' }, value: 90 },
      link: { task: null, taskRef: null, subproject: '세부사업 1-1', subprojectRef: { sheet: '성과', cell: 'H10' } },
      year: 2027,
      yearRef: { sheet: '성과', cell: 'C6' },
    });
    expect(items[4]).toMatchObject({ link: { task: '① 실천과제 1', subproject: '세부사업 1-2' }, year: 2027, yearRef: { sheet: '성과', cell: 'I13' } });
    expect(items[6].actual.decimals).toBe(1);
  });

  it('gives back the 연차별 세부계획 with its cells', () => {
    const a = plan.annualPlan!;
    expect([a.sheet, a.title, a.year, a.region]).toEqual(['연차별 세부계획', '2027년 연차별 세부계획', 2027, '테스트시']);
    expect(a.rows.map((r) => [r.task, r.subproject, r.target.value, r.targetUnit, r.budget?.value, r.budgetUnit, r.note])).toEqual([
      ['① 실천과제 1', '총계', 20, '명', 200, '백만원', ''],
      ['① 실천과제 1', '세부사업 1-1', 12, '명', 1.2, '억원', '수정'],
      ['① 실천과제 1', '세부사업 1-2', 8, '명', 80, '백만원', ''],
      ['② 실천과제 2', '세부사업 2-1', 10, '명', 100, '백만원', ''],
    ]);
    expect(a.rows[1]).toMatchObject({ label: { cell: 'B9' }, target: { ref: { cell: 'C9' } }, budget: { ref: { cell: 'E9' } }, taskRef: { cell: 'A9' } });
  });

  it('writes the hierarchy visibly: a 수준 column and names indented by level', () => {
    const sheet = renderWorkbook(fullDraft(), { formulas: false }).sheets.find((s) => s.name === '성과')!;
    const at = (row: number, col: number) => sheet.cells.find((c) => c.row === row && c.col === col)?.value;
    expect([at(7, 0), at(7, 1), at(7, 4), at(7, 5)]).toEqual(['수준', '성과 항목', '실적', '달성률 (%)']);
    expect([at(10, 0), at(10, 1)]).toEqual([3, `${INDENT}${INDENT}온라인`]);
  });

  it('writes a live 달성률 formula where none is stated (blank template), read as blank until Excel computes it', () => {
    const d = fullDraft();
    d.results!.items[2].target = 10;
    const rendered = renderWorkbook(d, { formulas: true });
    const cell = rendered.sheets.find((s) => s.name === '성과')!.cells.find((c) => c.row === 10 && c.col === 5)!;
    expect(cell.formula).toBe('IF(OR(D11="",D11=0,E11=""),"",E11/D11*100)');
    const back = readPlan(renderedToGrid(rendered)).plan.results!.items[2];
    expect(back.rate).toMatchObject({ state: 'blank', formula: cell.formula });
  });

  it('checks the full workbook with only the expected findings', () => {
    const r = validateGrid(renderedToGrid(renderWorkbook(fullDraft(), { formulas: false })));
    const mine = r.findings.filter((f) => f.rule.startsWith('result') || f.rule === 'annual-vs-plan' || f.rule === 'structure');
    expect(mine.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${f.messageId}`)).toEqual([
      // In workbook order (실천과제, 연차별 세부계획, 성과).
      'annual-vs-plan info 실천과제!D22 missingFromAnnual',
      'annual-vs-plan info 연차별 세부계획!C9 targetDiffers',
      'annual-vs-plan info 연차별 세부계획!E9 budgetDiffers',
      'annual-vs-plan info 연차별 세부계획!C10 targetDiffers',
      'annual-vs-plan info 연차별 세부계획!E10 budgetDiffers',
      // 실천과제 1: 목표 40 and 실적 40 against the year plan's 총계 20; 1-1: 18 of the year plan's 12; 1-2: 22 of 8.
      'result-vs-plan info 성과!D9 statedTargetDiffers',
      'result-vs-plan info 성과!E9 above',
      'result-vs-plan info 성과!D10 statedTargetDiffers',
      'result-vs-plan info 성과!E10 above',
      'result-vs-plan info 성과!D13 statedTargetDiffers',
      'result-vs-plan info 성과!E13 above',
    ]);
    expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('세종 round trip', () => {
  it('gives back every item of the example', () => {
    const { plan, problems } = readPlan(renderedToGrid(renderWorkbook(sejong2024, { formulas: false })));
    expect(problems.map((p) => p.level)).toEqual(['note']);
    const back = plan.results!.items.map((i) => ({ level: i.level, name: i.name, unit: i.statedUnit || null, actual: i.actual.value, note: i.note || undefined }));
    expect(back).toEqual(sejong2024.results!.items.map((i) => ({ level: i.level, name: i.name, unit: i.unit, actual: i.actual, note: i.note })));
  });
});
