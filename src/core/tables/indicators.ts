/**
 * 공통 일자리 목표: `구 분 | (단위) | '21년 | '22년 (예상치) | 목표 … | '22년 대비 증감률`, the target years
 * on the same row or on a second header row under 목표. The base year is the one marked 예상치/기준, or
 * the year before the plan period; the change column may be left out. Other tables with a change column
 * (chapter II's 「최근 5년간 고용동향」: 2017–2021 and 평균 증감) are told apart by their years: the
 * assembler keeps the table whose years cover the plan period, one with a change column first.
 */
import { baseYear } from '../model/period';
import type { IndicatorKind } from '../model/draft';
import type { Indicator } from '../model/plan';
import { TEMPLATE } from '../template/description';
import { matches, norm } from './labels';
import { figure, findInRow, findLabelInRow, isFootnote, own, refOf, rowsWithLabel, text, yearColumns } from './sheet';
import type { TableKind, TableMatch } from './types';
import { isResultsOnly } from '../results/render';
import { renderIndicators } from '../template/sheets';

export interface IndicatorMatch extends TableMatch {
  kind: 'indicators';
  anchorCol: number;
  changeCol: number;
  columns: Map<number, number>;
  firstRow: number;
}

const I = TEMPLATE.indicators;
/** What the first indicator of a table without a change column is called: 고용률, 취업자 수, 상용근로자 수, 피보험자수 … */
const INDICATOR_NAME = /고용률|취업자|근로자|피보험자|실업률|경제활동/;

export const indicatorsTable: TableKind<IndicatorMatch> = {
  id: 'indicators',
  name: '공통 일자리 목표',
  nameEn: '공통 일자리 목표 (common indicators)',
  sheetName: I.sheetName,
  detect(s) {
    const out: IndicatorMatch[] = [];
    let next = 0;
    for (const r of rowsWithLabel(s, I.anchor)) {
      if (r < next) continue;
      const anchorCol = findLabelInRow(s, r, I.anchor);
      if (anchorCol < 0) continue;
      const changeCol = findInRow(s, r, (x) => norm(x).includes('증감'));
      // The 분야별 목표 and 실천과제 tables also have a 구분 column: a header naming their first column (전략분야, 세부사업명) is theirs.
      if (findInRow(s, r, (x) => matches(x, TEMPLATE.areas.anchor) || matches(x, TEMPLATE.tasks.anchor)) >= 0) continue;
      let columns = yearColumns(s, r);
      let firstRow = r + 1;
      // A two-row header ("목표" above the years) keeps its years on the next row.
      const below = yearColumns(s, r + 1);
      if (below.size > 0 && own(s, r + 1, anchorCol) === '') {
        columns = new Map([...columns, ...below]);
        firstRow = r + 2;
      }
      let last = firstRow - 1;
      for (let k = firstRow; k < s.grid.rows.length; k++) {
        const name = text(s, k, anchorCol);
        if (name === '' || isFootnote(name)) break;
        last = k;
      }
      // Without a change column (a plan may leave it out), only a table whose first row names an
      // indicator: any other 구 분 table with years (a budget table, a schedule) is not this one.
      if (changeCol < 0 && (last < firstRow || !INDICATOR_NAME.test(text(s, firstRow, anchorCol)))) continue;
      out.push({ kind: 'indicators', sheet: s, header: r, last, years: [...columns.keys()].sort((a, b) => a - b), anchorCol, changeCol, columns, firstRow });
      next = last + 1;
    }
    return out;
  },
  read(m, asm) {
    const s = m.sheet;
    const period = asm.period;
    const r = m.header;
    const years = m.columns;
    const base = baseYear(period);
    const unitCol = findLabelInRow(s, r, I.unitHeader);
    let baseCol = years.get(base) ?? -1;
    if (baseCol < 0) baseCol = findInRow(s, r, (x) => I.baseMarkers.some((k) => x.includes(k)));
    const lastActualYears = [...years.keys()].filter((y) => y < base).sort((a, b) => b - a);
    const lastCol = lastActualYears.length ? years.get(lastActualYears[0])! : -1;
    const targetCols = Array.from({ length: period.years }, (_, i) => years.get(period.startYear + i) ?? -1);
    asm.plan.indicatorsSheet = refOf(s, r, m.anchorCol).sheet;
    if (baseCol < 0) {
      asm.problem(I.tableName, `기준연도(${base}년) 열을 찾지 못했습니다`, `base-year column (${base}) not found`, 'table', refOf(s, r, m.anchorCol));
      return;
    }
    const missing = targetCols.map((c, i) => (c < 0 ? period.startYear + i : null)).filter((y) => y !== null);
    if (missing.length) {
      asm.problem(I.tableName, `목표 연도 열을 찾지 못했습니다: ${missing.join(', ')}년`, `target-year columns not found: ${missing.join(', ')}`, 'table', refOf(s, r, m.anchorCol));
    }
    const indicators: Indicator[] = [];
    for (let row = m.firstRow; row <= m.last; row++) {
      const name = text(s, row, m.anchorCol);
      const unit = unitCol >= 0 ? text(s, row, unitCol) : '';
      const kind: IndicatorKind = unit === '%' || (unit === '' && /[률율]/.test(name)) ? 'rate' : 'count';
      indicators.push({
        name: name.replace(/\s+/g, ' '),
        kind,
        unit: unit || (kind === 'rate' ? '%' : '명'),
        label: refOf(s, row, m.anchorCol),
        lastActual: lastCol >= 0 ? figure(s, row, lastCol) : null,
        base: figure(s, row, baseCol),
        targets: targetCols.filter((c) => c >= 0).map((c) => figure(s, row, c)),
        statedChange: m.changeCol >= 0 ? figure(s, row, m.changeCol) : null,
      });
      asm.plan.cellsRead += 4 + period.years;
    }
    asm.plan.indicators = indicators;
  },
  render: (d, ctx) => (isResultsOnly(d) ? null : renderIndicators(d, ctx.names.indicators, ctx.opts)),
};
