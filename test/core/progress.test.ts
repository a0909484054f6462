import { blankDraft } from '../../src/core/template/blank';
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
