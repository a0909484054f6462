/**
 * Writes the 성과 and 연차별 세부계획 sheets of a draft through results/description.ts, into the same
 * RenderedSheet shape as the 종합계획 sheets (template/render.ts), so the same adapters apply them.
 */
import type { CellValue } from '../grid/grid';
import { a1 } from '../grid/a1';
import type { PlanDraft } from '../model/draft';
import { SheetBuilder, type RenderedSheet } from '../tables/rendered';
import type { StyleName } from '../template/styles';
import { ANNUAL, RESULTS } from './description';
import type { DraftAnnualPlan, DraftResults } from './model';


/** Whole numbers get the count format, others one decimal place (so 92.3 is not shown as 92). */
function numberStyle(v: number | null, whole: StyleName = 'count'): StyleName {
  return v !== null && !Number.isInteger(v) ? 'rate' : whole;
}

/** Ideographic spaces indent the name by level, so the hierarchy is visible without the 수준 column. */
export const INDENT = '\u3000';

/** Row of the results table header (0-based): title, subtitle, blank, three fields, blank. */
export const RESULTS_HEADER_ROW = 7;

export function renderResults(results: DraftResults, region: string, name: string, opts: { formulas: boolean }): RenderedSheet {
  const b = new SheetBuilder(name);
  const t = RESULTS;
  const c = t.columns;
  const headers = [c.level, c.name, c.unit, c.target, c.actual, c.rate, c.linkTask, c.linkSubproject, c.year, c.note];
  const last = headers.length - 1;
  b.set(0, 0, t.title, 'title');
  b.merge(0, 0, 0, last);
  b.set(1, 0, results.title, 'subtitle');
  b.merge(1, 0, 1, last);
  const fields: [keyof typeof t.fields, CellValue, StyleName][] = [
    ['region', region, 'fieldValue'],
    ['organisation', results.organisation, 'fieldValue'],
    ['year', results.year, 'fieldYear'],
  ];
  fields.forEach(([key, value, style], i) => {
    b.set(3 + i, 0, t.fields[key].text, 'fieldLabel');
    b.merge(3 + i, 0, 3 + i, 1);
    b.set(3 + i, 2, value, style);
    b.merge(3 + i, 2, 3 + i, 4);
  });
  const h = RESULTS_HEADER_ROW;
  headers.forEach((l, col) => b.set(h, col, l.text, 'header'));
  results.items.forEach((item, i) => {
    const r = h + 1 + i;
    const level = Math.max(1, Math.floor(item.level));
    b.set(r, 0, level, 'role');
    b.set(r, 1, INDENT.repeat(level - 1) + item.name, level === 1 ? 'fieldLabel' : 'label');
    b.set(r, 2, item.unit && item.unit !== '' ? item.unit : null, 'role');
    b.set(r, 3, item.target, numberStyle(item.target));
    b.set(r, 4, item.actual, numberStyle(item.actual));
    const target = a1(r, 3);
    const actual = a1(r, 4);
    // A blank 달성률 in a template computes itself; a stated one is written as stated.
    const rateFormula = item.statedRate === null && opts.formulas ? `IF(OR(${target}="",${target}=0,${actual}=""),"",${actual}/${target}*100)` : undefined;
    // A stated rate keeps the precision it is written with (98 → whole percent, 98.3 → one decimal).
    b.set(r, 5, item.statedRate, item.statedRate === null ? 'rate' : numberStyle(item.statedRate), rateFormula);
    b.set(r, 6, item.link?.task ?? null, 'label');
    b.set(r, 7, item.link?.subproject ?? null, 'label');
    b.set(r, 8, item.link?.year ?? null, 'fieldYear');
    b.set(r, 9, item.note ?? null, 'label');
  });
  const end = h + 1 + results.items.length;
  t.notes.forEach((n, i) => b.set(end + 1 + i, 0, n, 'note'));
  return b.build([6, 44, 8, 10, 10, 10, 26, 26, 7, 18], { rows: h + 1, cols: 2 }, `${h + 1}:${h + 1}`);
}

/** Row of the 연차별 세부계획 header (0-based). */
export const ANNUAL_HEADER_ROW = 6;

export function renderAnnualPlan(plan: DraftAnnualPlan, region: string, name: string): RenderedSheet {
  const b = new SheetBuilder(name);
  const t = ANNUAL;
  const c = t.columns;
  const headers = [c.task, c.subproject, c.target, c.targetUnit, c.budget, c.budgetUnit, c.note];
  const last = headers.length - 1;
  b.set(0, 0, t.title, 'title');
  b.merge(0, 0, 0, last);
  b.set(1, 0, plan.title, 'subtitle');
  b.merge(1, 0, 1, last);
  b.set(3, 0, t.fields.region.text, 'fieldLabel');
  b.set(3, 1, region, 'fieldValue');
  b.set(4, 0, t.fields.year.text, 'fieldLabel');
  b.set(4, 1, plan.year, 'fieldYear');
  const h = ANNUAL_HEADER_ROW;
  headers.forEach((l, col) => b.set(h, col, l.text, 'header'));
  plan.rows.forEach((row, i) => {
    const r = h + 1 + i;
    b.set(r, 0, row.task, 'label');
    b.set(r, 1, row.subproject, 'label');
    b.set(r, 2, row.target, numberStyle(row.target));
    b.set(r, 3, row.targetUnit, 'role');
    b.set(r, 4, row.budget, numberStyle(row.budget));
    b.set(r, 5, row.budgetUnit, 'role');
    b.set(r, 6, row.note ?? null, 'label');
  });
  const end = h + 1 + plan.rows.length;
  t.notes.forEach((n, i) => b.set(end + 1 + i, 0, n, 'note'));
  return b.build([30, 36, 12, 10, 12, 10, 18], { rows: h + 1, cols: 2 }, `${h + 1}:${h + 1}`);
}

/** True when a draft has no 종합계획 content, only results and/or a year's plan. */
export function isResultsOnly(d: PlanDraft): boolean {
  return d.indicators.length === 0 && d.areas.length === 0 && d.tasks.length === 0 && (d.results !== undefined || d.annualPlan !== undefined);
}
