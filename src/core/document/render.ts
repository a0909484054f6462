/**
 * The disclosure tables as a document (for 한글), written through the same template description as the
 * workbook (template/description.ts: titles, labels, unit lines, roles; template/styles.ts: styles),
 * laid out the way published plans print them:
 *
 * - a title line, then for each table its title and its unit line above it, right-aligned;
 * - 공통 일자리 목표 with the two-row header of the published plans (목표 merged over the plan years);
 * - 분야별 목표 with each area (and 합 계) merged over its 성과목표/소요예산 rows, and the footnote that
 *   marks the area left out of the budget total;
 * - the 전략분야·실천과제 overview of chapter III (which task belongs to which area), then each
 *   실천과제's 연차별 추진계획: its title (① …), its unit line, and the table with the 총 계 and 세부사업
 *   names merged over their row pairs;
 * - numbers as `#,##0` (rates with one decimal), `-` for none, `△` for negatives;
 * - at the end, the 개요 fields (region, term, plan period, required changes): the settings `check` reads
 *   back; an official copying tables into the plan leaves them out.
 */
import type { DraftSeries, DraftTask, PlanDraft } from '../model/draft';
import { baseYear, planYears } from '../model/period';
import { unitLine } from '../model/units';
import { formatKoreanNumber } from '../numbers/parse';
import { TEMPLATE, indicatorHeaders, nameKey, taskTitle, yearHeader } from '../template/description';
import type { StyleName } from '../template/styles';
import { TableBuilder, type DocBlock, type DocModel, type DocParagraph } from './model';

const para = (text: string, style: DocParagraph['style']): DocParagraph => ({ kind: 'paragraph', text, style });

/** A figure as the document prints it. */
export function documentNumber(value: number | null, decimals = 0): string {
  return value === null ? '' : formatKoreanNumber(value, decimals);
}

function series(t: TableBuilder, row: number, col: number, s: DraftSeries | null, years: number, style: StyleName): void {
  t.set(row, col, documentNumber(s?.total ?? null), style);
  for (let i = 0; i < years; i++) t.set(row, col + 1 + i, documentNumber(s?.years[i] ?? null), style);
}

function indicatorsTable(d: PlanDraft): DocBlock[] {
  const t = TEMPLATE.indicators;
  const n = d.period.years;
  const h = indicatorHeaders(d.period);
  const cols = 5 + n; // 구 분, 단위, last actual, base, n targets, change
  const b = new TableBuilder(t.tableName, cols, [26, 6, 11, 11, ...Array(n).fill(10), 15]);
  // Two header rows, as printed: 목표 over the plan years.
  b.set(0, 0, t.anchor.text, 'header', 2);
  b.set(0, 1, t.unitHeader.text, 'header', 2);
  b.set(0, 2, h.lastActual, 'header', 2);
  b.set(0, 3, h.base, 'header', 2);
  b.set(0, 4, '목표', 'header', 1, n);
  b.set(0, 4 + n, h.change, 'header', 2);
  planYears(d.period).forEach((y, i) => b.set(1, 4 + i, yearHeader(y), 'header'));
  d.indicators.forEach((ind, i) => {
    const r = 2 + i;
    const rate = ind.kind === 'rate';
    const dec = rate ? 1 : 0;
    const style: StyleName = rate ? 'rate' : 'count';
    b.set(r, 0, ind.name, 'label');
    b.set(r, 1, rate ? '%' : '명', 'role');
    b.set(r, 2, documentNumber(ind.lastActual, dec), style);
    b.set(r, 3, documentNumber(ind.base, dec), style);
    for (let k = 0; k < n; k++) b.set(r, 4 + k, documentNumber(ind.targets[k] ?? null, dec), style);
    b.set(r, 4 + n, documentNumber(ind.statedChange, 1), 'change');
  });
  return [para(t.title, 'subtitle'), para(t.unitLine, 'unit'), b.build(2), para(t.note, 'note')];
}

function areasTable(d: PlanDraft): DocBlock[] {
  const t = TEMPLATE.areas;
  const roles = TEMPLATE.roles;
  const n = d.period.years;
  // The 비고 column is only needed when an excluded area also has a budget row (the footnote covers the rest).
  const remark = d.areas.some((a) => a.excludedFromBudgetTotal && a.budget !== null);
  const cols = 3 + n + (remark ? 1 : 0);
  const b = new TableBuilder(t.tableName, cols, [30, 9, 11, ...Array(n).fill(10), ...(remark ? [12] : [])]);
  [t.anchor.text, t.roleHeader.text, t.totalHeader.text, ...planYears(d.period).map(yearHeader), ...(remark ? [t.remarkHeader.text] : [])].forEach((text, c) =>
    b.set(0, c, text, 'header'),
  );
  b.set(1, 0, t.grandTotal.text, 'labelTotal', 2);
  b.set(1, 1, roles.target.text, 'roleTotal');
  b.set(2, 1, roles.budget.text, 'roleTotal');
  series(b, 1, 2, d.grandTotal.target, n, 'countTotal');
  series(b, 2, 2, d.grandTotal.budget, n, 'countTotal');
  if (remark) {
    b.set(1, cols - 1, '', 'label');
    b.set(2, cols - 1, '', 'label');
  }
  let r = 3;
  for (const area of d.areas) {
    const span = area.budget ? 2 : 1;
    b.set(r, 0, area.name, 'label', span);
    b.set(r, 1, roles.target.text, 'role');
    series(b, r, 2, area.target, n, 'count');
    if (remark) b.set(r, cols - 1, area.excludedFromBudgetTotal ? t.excludedMarker : '', 'label');
    if (area.budget) {
      b.set(r + 1, 1, roles.budget.text, 'role');
      series(b, r + 1, 2, area.budget, n, 'count');
      if (remark) b.set(r + 1, cols - 1, '', 'label');
    }
    r += span;
  }
  const notes = d.areas.filter((a) => a.excludedFromBudgetTotal).map((a) => `* ${a.exclusionNote ?? `소요예산 : ${a.name} 분야 ${t.excludedMarker}`}`);
  return [para(t.title, 'subtitle'), para(unitLine([d.areaUnits.target, d.areaUnits.budget]), 'unit'), b.build(1), ...notes.map((x) => para(x, 'note'))];
}

function taskBlocks(task: DraftTask, d: PlanDraft): DocBlock[] {
  const t = TEMPLATE.tasks;
  const roles = TEMPLATE.roles;
  const n = d.period.years;
  const b = new TableBuilder(`${t.tableName} ${taskTitle(task.no, task.name)}`, 3 + n, [30, 9, 11, ...Array(n).fill(10)]);
  [t.anchor.text, t.roleHeader.text, t.totalHeader.text, ...planYears(d.period).map(yearHeader)].forEach((text, c) => b.set(0, c, text, 'header'));
  let r = 1;
  if (task.total) {
    b.set(r, 0, t.taskTotal.text, 'labelTotal', 2);
    b.set(r, 1, roles.target.text, 'roleTotal');
    b.set(r + 1, 1, roles.budget.text, 'roleTotal');
    series(b, r, 2, task.total.target, n, 'countTotal');
    series(b, r + 1, 2, task.total.budget, n, 'countTotal');
    r += 2;
  }
  for (const sp of task.subprojects) {
    b.set(r, 0, sp.name, 'label', 2);
    b.set(r, 1, roles.target.text, 'role');
    b.set(r + 1, 1, roles.budget.text, 'role');
    series(b, r, 2, sp.target, n, 'count');
    series(b, r + 1, 2, sp.budget, n, 'count');
    r += 2;
  }
  return [para(taskTitle(task.no, task.name), 'subtitle'), para(unitLine([task.targetUnit, task.budgetUnit]), 'unit'), b.build(1)];
}

/**
 * The chapter III overview of the published plans: each 전략분야 with its 실천과제 (① …), one per line. It is
 * what links a task to its area in a document (the workbook has a 전략분야 line above each task instead).
 */
function strategyMap(d: PlanDraft): DocBlock {
  const t = TEMPLATE.tasks;
  const b = new TableBuilder(`${t.areaLabel.text}·${t.tableName}`, 2, [30, 60]);
  b.set(0, 0, t.areaLabel.text, 'header');
  b.set(0, 1, t.tableName, 'header');
  const areas = [...d.areas.map((a) => a.name), ...d.tasks.map((task) => task.area)].filter((name, i, all) => name !== '' && all.findIndex((x) => nameKey(x) === nameKey(name)) === i);
  areas.forEach((area, i) => {
    const tasks = d.tasks.filter((task) => nameKey(task.area) === nameKey(area));
    b.set(1 + i, 0, area, 'label');
    b.set(1 + i, 1, tasks.map((task) => taskTitle(task.no, task.name)).join('\n'), 'label');
  });
  return b.build(1);
}

function overviewBlocks(d: PlanDraft): DocBlock[] {
  const f = TEMPLATE.overview.fields;
  const b = new TableBuilder(TEMPLATE.overview.sheetName, 2, [24, 40]);
  const rows: [keyof typeof f, string][] = [
    ['region', d.meta.region],
    ['term', d.meta.term === null ? '' : String(d.meta.term)],
    ['startYear', String(d.period.startYear)],
    ['years', String(d.period.years)],
    ['baseYear', String(baseYear(d.period))],
    ['requiredRateChange', String(d.settings.requiredRateChange)],
    ['requiredCountChange', String(d.settings.requiredCountChange)],
    ['preparedDate', d.meta.preparedDate ?? ''],
  ];
  rows.forEach(([key, value], i) => {
    b.set(i, 0, f[key].text, 'fieldLabel');
    b.set(i, 1, value, 'fieldValue');
  });
  return [para(`참고. ${TEMPLATE.overview.sheetName} (검증 설정: jobtarget check가 읽는 값이며, 계획 문서에는 옮기지 않아도 됩니다)`, 'subtitle'), b.build(0)];
}

/** True when a draft has 종합계획 tables to write (a results-only draft has none). */
export function hasPlanTables(d: PlanDraft): boolean {
  return d.indicators.length > 0 || d.areas.length > 0 || d.tasks.length > 0;
}

export function renderDocument(d: PlanDraft): DocModel {
  const title = d.meta.title || TEMPLATE.overview.title;
  return {
    title,
    blocks: [
      para(title, 'title'),
      ...(d.indicators.length ? indicatorsTable(d) : []),
      ...(d.areas.length ? areasTable(d) : []),
      ...(d.tasks.length ? [para(TEMPLATE.tasks.title, 'subtitle'), strategyMap(d), ...d.tasks.flatMap((task) => taskBlocks(task, d))] : []),
      ...overviewBlocks(d),
    ],
  };
}
