import { blankDraft } from '../../src/core/template/blank';
import { annualPlanFromDraft, blankResults } from '../../src/core/results/blank';
import { planProgress, progressText } from '../../src/core/progress';
import { exampleDraft, planOf, planWithCells } from '../support/plans';

test('a fresh blank template is untouched: nothing entered of its 세부사업 and indicators', () => {
  const p = planProgress(planOf(blankDraft({ areas: 4, tasksPerArea: 1, subprojectsPerTask: 3 })));
  expect(p).toEqual({ subprojects: { entered: 0, total: 12 }, indicators: { entered: 0, total: 6 }, untouched: true });
  expect(progressText(p, 'ko')).toBe('세부사업 12개 중 0개 입력 · 공통 일자리 목표 6개 중 0개 입력');
  expect(progressText(p, 'en')).toBe('0 of 12 세부사업 entered · 0 of 6 common job targets entered');
});

test('a 세부사업 counts as entered when any of its figures is, "-" and 0 included', () => {
  const p = planProgress(planWithCells(blankDraft(), { '실천과제!D9': '-', '실천과제!E12': 0, '공통 일자리 목표!C4': 61.2 }));
  expect(p.subprojects.entered).toBe(2);
  expect(p.indicators.entered).toBe(1);
  expect(p.untouched).toBe(false);
});

test('the example is fully entered', () => {
  const p = planProgress(planOf(exampleDraft()));
  expect(p.subprojects.entered).toBe(p.subprojects.total);
  expect(p.indicators.entered).toBe(p.indicators.total);
  expect(p.untouched).toBe(false);
});

test('a blank template with a 성과 or 연차별 세부계획 figure entered is not untouched (only its 종합계획 is empty)', () => {
  const d = blankDraft();
  const withResults = { ...d, results: blankResults(2027), annualPlan: annualPlanFromDraft(d, 2027) ?? undefined };
  expect(planProgress(planWithCells(withResults, {})).untouched).toBe(true);
  // 성과!E9: the 실적 of the first result item; 연차별 세부계획!C8: the 성과목표 of its first row (① 총계).
  const actual = planProgress(planWithCells(withResults, { '성과!E9': 120 }));
  expect(actual).toEqual({ subprojects: { entered: 0, total: 15 }, indicators: { entered: 0, total: 6 }, untouched: false });
  expect(planProgress(planWithCells(withResults, { '연차별 세부계획!C8': 30 })).untouched).toBe(false);
});
