/**
 * The 종합계획 tables in our template's layout, one writer per table (the table kinds' `render`, see
 * tables/*.ts): the 개요, 공통 일자리 목표, 실천과제 and 분야별 목표 sheets. The 분야별 목표 refers to the
 * 실천과제 rows in its formulas, so the 실천과제 writer says where it put them (TaskPlaces).
 */
import type { CellValue } from '../grid/grid';
import { a1, columnLetters, quoteSheet } from '../grid/a1';
import type { DraftSeries, DraftTask, PlanDraft } from '../model/draft';
import { baseYear, planYears } from '../model/period';
import { unitLine } from '../model/units';
import { SheetBuilder, type RenderOptions, type RenderedSheet, type SeriesPlace, type TaskPlaces } from '../tables/rendered';
import { TEMPLATE, indicatorHeaders, taskTitle, yearHeader } from './description';
import type { StyleName } from './styles';

function ref(place: SeriesPlace, col: number, fromSheet: string): string {
  const addr = a1(place.row, col);
  return place.sheet === fromSheet ? addr : `${quoteSheet(place.sheet)}!${addr}`;
}

/**
 * Writes one series row: 합계 then the years. With formulas on and a null value, 합계 is SUM of the
 * years and each year is `yearFormula(i)` when given.
 */
function writeSeries(
  b: SheetBuilder,
  row: number,
  totalCol: number,
  series: DraftSeries | null,
  years: number,
  opts: RenderOptions,
  style: StyleName,
  yearFormula?: (i: number) => string | undefined,
): void {
  const first = columnLetters(totalCol + 1);
  const last = columnLetters(totalCol + years);
  const total = series?.total ?? null;
  if (total === null && opts.formulas) b.set(row, totalCol, null, style, `SUM(${first}${row + 1}:${last}${row + 1})`);
  else b.set(row, totalCol, total, style);
  for (let i = 0; i < years; i++) {
    const v = series?.years[i] ?? null;
    const f = v === null && opts.formulas ? yearFormula?.(i) : undefined;
    b.set(row, totalCol + 1 + i, v, style, f);
  }
}

export function renderOverview(d: PlanDraft, name: string): RenderedSheet {
  const b = new SheetBuilder(name);
  const t = TEMPLATE.overview;
  b.set(0, 0, t.title, 'title');
  b.merge(0, 0, 0, 1);
  b.set(1, 0, d.meta.title, 'subtitle');
  b.merge(1, 0, 1, 1);
  const f = t.fields;
  const rows: [keyof typeof f, CellValue, StyleName?, string?][] = [
    ['region', d.meta.region],
    ['term', d.meta.term],
    ['startYear', d.period.startYear, 'fieldYear'],
    ['years', d.period.years],
    // The base year follows the start year; a formula keeps them in step when a user edits one.
    ['baseYear', baseYear(d.period), 'fieldYear', 'B6-1'],
    ['requiredRateChange', d.settings.requiredRateChange],
    ['requiredCountChange', d.settings.requiredCountChange],
    ['preparedDate', d.meta.preparedDate],
  ];
  rows.forEach(([key, value, style, formula], i) => {
    b.set(3 + i, 0, f[key].text, 'fieldLabel');
    b.set(3 + i, 1, value, style ?? 'fieldValue', formula);
  });
  t.notes.forEach((n, i) => b.set(3 + rows.length + 1 + i, 0, n, 'note'));
  return b.build([30, 40], { rows: 0, cols: 0 });
}

export function renderIndicators(d: PlanDraft, name: string, opts: RenderOptions): RenderedSheet {
  const b = new SheetBuilder(name);
  const t = TEMPLATE.indicators;
  const n = d.period.years;
  const h = indicatorHeaders(d.period);
  const lastCol = 4 + n; // 구분, 단위, last actual, base, n targets, change
  b.set(0, 0, t.title, 'title');
  b.set(1, lastCol, t.unitLine, 'unit');
  const headers = [t.anchor.text, t.unitHeader.text, h.lastActual, h.base, ...planYears(d.period).map(yearHeader), h.change];
  headers.forEach((text, c) => b.set(2, c, text, 'header'));
  d.indicators.forEach((ind, i) => {
    const r = 3 + i;
    const numStyle: StyleName = ind.kind === 'rate' ? 'rate' : 'count';
    b.set(r, 0, ind.name, 'label');
    b.set(r, 1, ind.kind === 'rate' ? '%' : '명', 'role');
    b.set(r, 2, ind.lastActual, numStyle);
    b.set(r, 3, ind.base, numStyle);
    ind.targets.forEach((v, k) => b.set(r, 4 + k, v, numStyle));
    for (let k = ind.targets.length; k < n; k++) b.set(r, 4 + k, null, numStyle);
    const base = a1(r, 3);
    const fin = a1(r, 3 + n);
    const formula =
      ind.kind === 'rate' ? `IF(OR(${base}="",${fin}=""),"",${fin}-${base})` : `IF(OR(${base}="",${fin}="",${base}=0),"",(${fin}/${base}-1)*100)`;
    if (ind.statedChange === null && opts.formulas) b.set(r, lastCol, null, 'change', formula);
    else b.set(r, lastCol, ind.statedChange, 'change');
  });
  b.set(3 + d.indicators.length + 1, 0, t.note, 'note');
  return b.build([30, 8, 14, 14, ...Array(n).fill(12), 16], { rows: 3, cols: 1 }, '1:3');
}


export function renderTasks(d: PlanDraft, name: string, opts: RenderOptions): { sheet: RenderedSheet; places: TaskPlaces[] } {
  const b = new SheetBuilder(name);
  const t = TEMPLATE.tasks;
  const n = d.period.years;
  const lastCol = 2 + n;
  b.set(0, 0, t.title, 'title');
  let r = 2;
  const places: TaskPlaces[] = [];
  for (const task of d.tasks) {
    const top = r;
    b.set(r, 0, taskTitle(task.no, task.name), 'subtitle');
    b.merge(r, 0, r, lastCol);
    b.set(r + 1, 0, t.areaLabel.text, 'fieldLabel');
    b.set(r + 1, 1, task.area, 'fieldValue');
    b.merge(r + 1, 1, r + 1, lastCol);
    b.set(r + 2, lastCol, unitLine([task.targetUnit, task.budgetUnit]), 'unit');
    const header = r + 3;
    [t.anchor.text, t.roleHeader.text, t.totalHeader.text, ...planYears(d.period).map(yearHeader)].forEach((text, c) =>
      b.set(header, c, text, 'header'),
    );
    r = header + 1;
    const place = renderTaskRows(b, r, task, n, opts);
    places.push(place.places);
    // Each 실천과제 table prints on one page; a very long one may break between 세부사업 (pairs of rows).
    const pairs = Array.from({ length: Math.floor((place.next - r) / 2) }, (_, i) => r + 2 * i).slice(1);
    b.block(top, place.next - 1, pairs);
    r = place.next + 1;
  }
  return { sheet: b.build([34, 10, 12, ...Array(n).fill(12)], { rows: 0, cols: 1 }), places };
}

function renderTaskRows(b: SheetBuilder, start: number, task: DraftTask, n: number, opts: RenderOptions): { places: TaskPlaces; next: number } {
  const roles = TEMPLATE.roles;
  let r = start;
  let places: TaskPlaces = { target: null, budget: null };
  const firstSub = task.total ? start + 2 : start;
  const lastSub = firstSub + task.subprojects.length * 2 - 1;
  if (task.total) {
    b.set(r, 0, TEMPLATE.tasks.taskTotal.text, 'labelTotal');
    b.merge(r, 0, r + 1, 0);
    b.set(r, 1, roles.target.text, 'roleTotal');
    b.set(r + 1, 1, roles.budget.text, 'roleTotal');
    // 총계 = Σ 세부사업 of the same role, whatever the number of 세부사업 (SUMIF keeps formulas short). The
    // role column is fixed, its rows are not: a table copied to make a new task sums its own rows.
    const sumIf = (role: string, col: number) =>
      task.subprojects.length === 0
        ? undefined
        : `SUMIF($B${firstSub + 1}:$B${lastSub + 1},"${role}",${columnLetters(col)}${firstSub + 1}:${columnLetters(col)}${lastSub + 1})`;
    writeSeries(b, r, 2, task.total.target, n, opts, 'countTotal', (i) => sumIf(roles.target.text, 3 + i));
    writeSeries(b, r + 1, 2, task.total.budget, n, opts, 'countTotal', (i) => sumIf(roles.budget.text, 3 + i));
    places = { target: { sheet: b.name, row: r, totalCol: 2 }, budget: { sheet: b.name, row: r + 1, totalCol: 2 } };
    r += 2;
  }
  for (const sp of task.subprojects) {
    b.set(r, 0, sp.name, 'label');
    b.merge(r, 0, r + 1, 0);
    b.set(r, 1, roles.target.text, 'role');
    b.set(r + 1, 1, roles.budget.text, 'role');
    writeSeries(b, r, 2, sp.target, n, opts, 'count');
    writeSeries(b, r + 1, 2, sp.budget, n, opts, 'count');
    r += 2;
  }
  if (!task.total && task.subprojects.length === 1) {
    // A task with a single 세부사업 and no 총계 row: its 세부사업 row is its total.
    places = { target: { sheet: b.name, row: start, totalCol: 2 }, budget: { sheet: b.name, row: start + 1, totalCol: 2 } };
  }
  return { places, next: r };
}

export function renderAreas(d: PlanDraft, name: string, opts: RenderOptions, taskPlaces: TaskPlaces[]): RenderedSheet {
  const b = new SheetBuilder(name);
  const t = TEMPLATE.areas;
  const roles = TEMPLATE.roles;
  const n = d.period.years;
  const remarkCol = 3 + n;
  b.set(0, 0, t.title, 'title');
  b.set(1, remarkCol, unitLine([d.areaUnits.target, d.areaUnits.budget]), 'unit');
  [t.anchor.text, t.roleHeader.text, t.totalHeader.text, ...planYears(d.period).map(yearHeader), t.remarkHeader.text].forEach((text, c) =>
    b.set(2, c, text, 'header'),
  );
  // Lay out the area rows first: the grand total refers to them.
  const areaRows: { target: number; budget: number | null }[] = [];
  let r = 5;
  for (const area of d.areas) {
    areaRows.push({ target: r, budget: area.budget ? r + 1 : null });
    r += area.budget ? 2 : 1;
  }
  const sumOf = (rows: (number | null)[], col: number) => {
    const cells = rows.filter((x): x is number => x !== null).map((row) => a1(row, col));
    return cells.length ? cells.join('+') : undefined;
  };
  b.set(3, 0, t.grandTotal.text, 'labelTotal');
  b.merge(3, 0, 4, 0);
  b.set(3, 1, roles.target.text, 'roleTotal');
  b.set(4, 1, roles.budget.text, 'roleTotal');
  writeSeries(b, 3, 2, d.grandTotal.target, n, opts, 'countTotal', (i) => sumOf(areaRows.map((a) => a.target), 3 + i));
  const budgetRows = areaRows.map((a, i) => (d.areas[i].excludedFromBudgetTotal ? null : a.budget));
  writeSeries(b, 4, 2, d.grandTotal.budget, n, opts, 'countTotal', (i) => sumOf(budgetRows, 3 + i));
  b.set(3, remarkCol, null, 'label');
  b.set(4, remarkCol, null, 'label');

  d.areas.forEach((area, ai) => {
    const rows = areaRows[ai];
    const tasks = d.tasks.map((task, ti) => ({ task, place: taskPlaces[ti] })).filter((x) => x.task.area === area.name);
    const fromTasks = (role: 'target' | 'budget') => (i: number) => {
      const cells = tasks.map((x) => x.place[role]).filter((p): p is SeriesPlace => p !== null);
      return cells.length ? cells.map((p) => ref(p, p.totalCol + 1 + i, name)).join('+') : undefined;
    };
    b.set(rows.target, 0, area.name, 'label');
    b.set(rows.target, 1, roles.target.text, 'role');
    writeSeries(b, rows.target, 2, area.target, n, opts, 'count', fromTasks('target'));
    b.set(rows.target, remarkCol, area.excludedFromBudgetTotal ? t.excludedMarker : null, 'label');
    if (rows.budget !== null) {
      b.merge(rows.target, 0, rows.budget, 0);
      b.set(rows.budget, 1, roles.budget.text, 'role');
      writeSeries(b, rows.budget, 2, area.budget, n, opts, 'count', fromTasks('budget'));
      b.set(rows.budget, remarkCol, null, 'label');
    }
  });
  const notes = d.areas.filter((a) => a.excludedFromBudgetTotal).map((a) => `* ${a.exclusionNote ?? `소요예산 : ${a.name} 분야 ${t.excludedMarker}`}`);
  notes.forEach((note, i) => b.set(r + 1 + i, 0, note, 'note'));
  return b.build([36, 10, 12, ...Array(n).fill(12), 16], { rows: 3, cols: 2 }, '1:3');
}

