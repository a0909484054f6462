/** Drafts with 성과 / 연차별 세부계획 sheets for tests, rendered and read back through the real template path. */
import type { PlanDraft } from '../../src/core/model/draft';
import type { Plan } from '../../src/core/model/plan';
import type { DraftAnnualPlan, DraftAnnualRow, DraftResultItem, DraftResults } from '../../src/core/results/model';
import { readPlan } from '../../src/core/template/read';
import { renderWorkbook, renderedToGrid } from '../../src/core/template/render';
import { consistentDraft } from './plans';

/** Row of the first result item in the rendered 성과 sheet (1-based, as in A1 addresses). */
export const FIRST_RESULT_ROW = 9;
/** Row of the first 연차별 세부계획 row (1-based). */
export const FIRST_ANNUAL_ROW = 8;

/** `E${FIRST_RESULT_ROW + i}`: the cell of result item i in column `col`. */
export const resultCell = (col: 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G' | 'H' | 'I' | 'J', i: number) => `${col}${FIRST_RESULT_ROW + i}`;
export const annualCell = (col: 'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'G', i: number) => `${col}${FIRST_ANNUAL_ROW + i}`;

/** A result item: level, name, unit, 실적, and optional 목표 / 달성률 / link. */
export function ri(level: number, name: string, unit: string | null, actual: number | null, more: Partial<DraftResultItem> = {}): DraftResultItem {
  return { level, name, unit, target: null, actual, statedRate: null, ...more };
}

export function results(items: DraftResultItem[], year = 2027): DraftResults {
  return { title: `${year}년 성과`, year, organisation: '테스트기관', items };
}

/** A draft with only a 성과 sheet and/or a 연차별 세부계획 (no 종합계획 tables). */
export function resultsOnlyDraft(items: DraftResultItem[], year = 2027, annual?: DraftAnnualPlan): PlanDraft {
  const d: PlanDraft = {
    meta: { region: '테스트시', term: null, preparedDate: null, title: '성과 보고' },
    period: { startYear: year, years: 1 },
    settings: { requiredRateChange: 2, requiredCountChange: 10 },
    indicators: [],
    areaUnits: { target: '명', budget: '백만원' },
    grandTotal: { target: { total: null, years: [null] }, budget: { total: null, years: [null] } },
    areas: [],
    tasks: [],
  };
  // An empty item list with a year's plan: a workbook holding only the 연차별 세부계획.
  if (items.length > 0 || !annual) d.results = results(items, year);
  if (annual) d.annualPlan = annual;
  return d;
}

/** Reads a draft back; only the 'note' problem of a results-only workbook is allowed. */
export function readDraft(d: PlanDraft): Plan {
  const { plan, problems } = readPlan(renderedToGrid(renderWorkbook(d, { formulas: false })));
  const bad = problems.filter((p) => p.level !== 'note');
  if (bad.length) throw new Error(`test plan did not read cleanly: ${bad.map((p) => p.messageEn).join('; ')}`);
  return plan;
}

export function resultsPlan(items: DraftResultItem[], year = 2027): Plan {
  return readDraft(resultsOnlyDraft(items, year));
}

/**
 * The small consistent plan (2027–2030; 실천과제 1 with 세부사업 1-1, 1-2 and 실천과제 2 with 세부사업 2-1,
 * 2-2; each 세부사업 10명 and 100백만원 a year) with a 성과 sheet and/or a 연차별 세부계획.
 */
export function planWith(o: { items?: DraftResultItem[]; year?: number; annual?: DraftAnnualPlan; edit?: (d: PlanDraft) => void }): Plan {
  const d = consistentDraft();
  if (o.items) d.results = results(o.items, o.year ?? 2027);
  if (o.annual) d.annualPlan = o.annual;
  o.edit?.(d);
  return readDraft(d);
}

export function ar(task: string, subproject: string, target: number | null, budget: number | null, more: Partial<DraftAnnualRow> = {}): DraftAnnualRow {
  return { task, subproject, target, targetUnit: '명', budget, budgetUnit: '백만원', ...more };
}

/** The year's plan equal to the consistent plan's 종합계획 for that year. */
export function matchingAnnual(year = 2028): DraftAnnualPlan {
  return {
    title: `${year}년 연차별 세부계획`,
    year,
    rows: [ar('① 실천과제 1', '세부사업 1-1', 10, 100), ar('① 실천과제 1', '세부사업 1-2', 10, 100), ar('② 실천과제 2', '세부사업 2-1', 10, 100), ar('② 실천과제 2', '세부사업 2-2', 10, 100)],
  };
}

/** A 성과 sheet for the consistent plan: two levels of sums, links, rates, a heading with facts. */
export const FULL_ITEMS: DraftResultItem[] = [
  ri(1, '① 실천과제 1', '명', 40, { target: 40, statedRate: 100, link: { task: '① 실천과제 1' } }),
  ri(2, '세부사업 1-1', '명', 18, { target: 20, statedRate: 90, link: { subproject: '세부사업 1-1' }, note: '상반기 부진' }),
  ri(3, '온라인', null, 8),
  ri(3, '현장', null, 10),
  ri(2, '세부사업 1-2', '명', 22, { target: 20, statedRate: 110, link: { task: '① 실천과제 1', subproject: '세부사업 1-2', year: 2027 } }),
  ri(1, '기타 성과', null, null),
  ri(2, '만족도', '점', 92.3),
  ri(2, '예산 집행', '억원', 1.5),
];

/** A 2027 연차별 세부계획 for the consistent plan: a 총계 row, a revised 세부사업 (억원), one 세부사업 left out. */
export const FULL_ANNUAL: DraftAnnualPlan = {
  title: '2027년 연차별 세부계획',
  year: 2027,
  rows: [ar('① 실천과제 1', '총계', 20, 200), ar('① 실천과제 1', '세부사업 1-1', 12, 1.2, { budgetUnit: '억원', note: '수정' }), ar('① 실천과제 1', '세부사업 1-2', 8, 80), ar('② 실천과제 2', '세부사업 2-1', 10, 100)],
};

/** The consistent plan with both extra sheets. */
export function fullDraft(): PlanDraft {
  const d = consistentDraft();
  d.results = { title: '2027년 일자리 성과', year: 2027, organisation: '테스트기관', items: structuredClone(FULL_ITEMS) };
  d.annualPlan = structuredClone(FULL_ANNUAL);
  return d;
}
