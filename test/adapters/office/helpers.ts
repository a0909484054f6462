/** Shared set-up for the Office.js adapter tests: plans inserted into the strict double, snapshots. */
import { MARKS_SHEET, insertTemplate } from '../../../src/adapters/office';
import type { PlanDraft } from '../../../src/core/model/draft';
import type { Finding } from '../../../src/core/rules/types';
import { blankDraft } from '../../../src/core/template/blank';
import { renderWorkbook, renderedToGrid } from '../../../src/core/template/render';
import { validateGrid } from '../../../src/core/validate';
import { createExcelDouble, emptyWorkbook, type ExcelDouble, type WorkbookModel } from '../../office-double';
import { exampleDraft } from '../../support/plans';

export const ALL_SETS = { ExcelApi: '1.18' };

/** A double holding `draft` inserted through the adapter (as the task pane does), counters reset. */
export async function inserted(draft: PlanDraft = exampleDraft(), excelApi = '1.18', initial?: WorkbookModel): Promise<ExcelDouble> {
  const x = createExcelDouble(initial ?? emptyWorkbook(['Sheet1']), { requirementSets: { ExcelApi: excelApi } });
  await insertTemplate(x.host, draft, { formulas: false });
  x.resetCounts();
  return x;
}

/** What the CLI path finds: the core engine on the rendered grid. */
export function coreFindings(draft: PlanDraft = exampleDraft()): Finding[] {
  return validateGrid(renderedToGrid(renderWorkbook(draft, { formulas: false }))).findings;
}

/** Identity of a finding for comparisons (rules are added by others: never a hard-coded list). */
export function findingKeys(findings: readonly Finding[]): string[] {
  return findings.map((f) => `${f.rule}|${f.sheet}!${f.cell}|${f.expected}|${f.actual}`).sort();
}

/** Every value and formula of every sheet but MARKS_SHEET. */
export function contents(wb: WorkbookModel): Record<string, Record<string, unknown>> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const s of wb.sheets) {
    if (s.name === MARKS_SHEET) continue;
    const cells: Record<string, unknown> = {};
    for (const [k, c] of Object.entries(s.cells)) if (c.v !== undefined || c.f !== undefined) cells[k] = { v: c.v, f: c.f };
    out[s.name] = cells;
  }
  return out;
}

/** Every cell format of every sheet but MARKS_SHEET, plus merges. */
export function formats(wb: WorkbookModel): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const s of wb.sheets) {
    if (s.name === MARKS_SHEET) continue;
    const cells: Record<string, unknown> = {};
    for (const [k, c] of Object.entries(s.cells)) if (c.fmt) cells[k] = c.fmt;
    out[s.name] = { cells: JSON.parse(JSON.stringify(cells)), merges: [...s.merges].sort() };
  }
  return out;
}

export function noteCount(wb: WorkbookModel): number {
  return wb.sheets.reduce((n, s) => n + Object.keys(s.notes).length, 0);
}

/**
 * A plan with 5 strategy areas × 1,000 세부사업 (5,000 in all), every figure filled, totals adding up,
 * except `errors` deliberate slips (a 세부사업 합계 and a 실천과제 총계 that do not add up).
 */
export function bigDraft(errors = true): PlanDraft {
  const d = blankDraft({ period: { startYear: 2027, years: 4 }, subprojectsPerTask: 1000, areas: 5 });
  const n = d.period.years;
  const series = (years: number[]) => ({ total: years.reduce((a, b) => a + b, 0), years });
  const sum = (list: { total: number | null; years: (number | null)[] }[]) =>
    series(Array.from({ length: n }, (_, i) => list.reduce((s, x) => s + (x.years[i] ?? 0), 0)));
  d.meta.region = '테스트시';
  d.meta.term = 9;
  d.indicators = [
    { name: '고용률 (15~64세)', kind: 'rate', lastActual: 60, base: 60.5, targets: [61, 61.5, 62, 62.5], statedChange: 2 },
    { name: '취업자 수 (15~64세)', kind: 'count', lastActual: 99000, base: 100000, targets: [102500, 105000, 107500, 110000], statedChange: 10 },
  ];
  d.tasks.forEach((t, ti) => {
    t.subprojects.forEach((s, i) => {
      s.target = series(Array.from({ length: n }, (_, y) => 1 + ((i + y + ti) % 7)));
      s.budget = series(Array.from({ length: n }, (_, y) => 10 + ((i * 3 + y) % 11)));
    });
    t.total = { target: sum(t.subprojects.map((s) => s.target)), budget: sum(t.subprojects.map((s) => s.budget)) };
  });
  d.areas.forEach((a) => {
    const tasks = d.tasks.filter((t) => t.area === a.name);
    a.target = sum(tasks.map((t) => t.total!.target));
    a.budget = sum(tasks.map((t) => t.total!.budget));
  });
  d.grandTotal = { target: sum(d.areas.map((a) => a.target)), budget: sum(d.areas.map((a) => a.budget!)) };
  if (errors) {
    d.tasks[0].subprojects[3].target.total! += 5;
    d.tasks[2].subprojects[999].budget.years[1]! += 40;
    d.tasks[4].total!.budget.total! -= 100;
  }
  return d;
}

export { exampleDraft };
