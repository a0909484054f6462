/** Plans for tests: drafts rendered and read back through the real template path (no shortcuts). */
import { incheonSeogu2023 } from '../../src/core/examples/incheon-seogu-2023';
import { setCells, type CellEdits } from '../../src/core/grid/edit';
import type { PlanDraft } from '../../src/core/model/draft';
import type { Plan } from '../../src/core/model/plan';
import { blankDraft, type BlankOptions } from '../../src/core/template/blank';
import { readPlan } from '../../src/core/template/read';
import { renderWorkbook, renderedToGrid } from '../../src/core/template/render';

export function exampleDraft(): PlanDraft {
  return structuredClone(incheonSeogu2023);
}

export function planOf(draft: PlanDraft): Plan {
  const { plan, problems } = readPlan(renderedToGrid(renderWorkbook(draft, { formulas: false })));
  if (problems.length) throw new Error(`test plan did not read cleanly: ${problems.map((p) => p.messageEn).join('; ')}`);
  return plan;
}

/** The example with one change applied, e.g. `exampleWith(d => { d.areas[0].target.total = 1 })`. */
export function exampleWith(edit: (d: PlanDraft) => void): Plan {
  const d = exampleDraft();
  edit(d);
  return planOf(d);
}

/** A small consistent plan: every total equals the sum of its parts. */
export function consistentDraft(o: BlankOptions = {}): PlanDraft {
  const d = blankDraft({ period: { startYear: 2027, years: 4 }, areas: 2, tasksPerArea: 1, subprojectsPerTask: 2, ...o });
  const n = d.period.years;
  const series = (perYear: number) => ({ total: perYear * n, years: Array(n).fill(perYear) });
  d.meta.region = '테스트시';
  d.indicators = [
    { name: '고용률 (15~64세)', kind: 'rate', lastActual: 60, base: 60.5, targets: [61, 61.5, 62, 62.5], statedChange: 2 },
    { name: '취업자 수 (15~64세)', kind: 'count', lastActual: 99000, base: 100000, targets: [102500, 105000, 107500, 110000], statedChange: 10 },
  ];
  for (const t of d.tasks) {
    t.subprojects.forEach((s) => {
      s.target = series(10);
      s.budget = series(100);
    });
    t.total = { target: series(10 * t.subprojects.length), budget: series(100 * t.subprojects.length) };
  }
  d.areas.forEach((a) => {
    const tasks = d.tasks.filter((t) => t.area === a.name);
    a.target = series(10 * tasks.reduce((s, t) => s + t.subprojects.length, 0));
    a.budget = series(100 * tasks.reduce((s, t) => s + t.subprojects.length, 0));
  });
  const totalSubs = d.tasks.reduce((s, t) => s + t.subprojects.length, 0);
  d.grandTotal = { target: series(10 * totalSubs), budget: series(100 * totalSubs) };
  return d;
}

/** The small consistent plan with one change applied. */
export function consistentWith(edit: (d: PlanDraft) => void, o: BlankOptions = {}): Plan {
  const d = consistentDraft(o);
  edit(d);
  return planOf(d);
}

/**
 * A draft rendered, then cells overwritten in the grid before reading — for what a draft cannot hold:
 * text in number cells, formulas without cached values. Keys are sheet-qualified ('실천과제!D9').
 */
export function planWithCells(draft: PlanDraft, cells: CellEdits): Plan {
  const { plan, problems } = readPlan(setCells(renderedToGrid(renderWorkbook(draft, { formulas: false })), cells));
  if (problems.length) throw new Error(`test plan did not read cleanly: ${problems.map((p) => p.messageEn).join('; ')}`);
  return plan;
}

/** A draft series with the same figure every year and their sum as 합계. */
export function evenSeries(perYear: number, years = 4): { total: number; years: number[] } {
  return { total: perYear * years, years: Array(years).fill(perYear) };
}
