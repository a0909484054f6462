/**
 * 분야별 목표: `전략분야 | 구 분 | 합 계 | 2023년 …`, the area name merged over its 성과목표/소요예산 pair
 * (or written on the first row only), the grand total row `합 계`, an area with only a 성과목표 row, and
 * the footnote `* 소요예산 : … 민간사업비 제외` (or a 비고 saying 제외) marking the area left out of the
 * budget total. Our template and the published document share this layout.
 */
import { planYears } from '../model/period';
import type { Plan, StrategyArea } from '../model/plan';
import { TEMPLATE } from '../template/description';
import { groupsEnd, missingSeries, readGroups, totalAt, unknownRoleRow } from './groups';
import { genericPairHeaders, groupColumns, noYearColumns, pairHeader, yearColumnsOf, type PairHeader } from './pairs';
import { ascendingOnce, findLabelInRow, findUnits, isBlankRow, isFootnote, refOf, rowsWithLabel, text, unitsInCells, unitsInLabels } from './sheet';
import type { TableKind, TableMatch } from './types';
import { isResultsOnly } from '../results/render';
import { renderAreas } from '../template/sheets';

export interface AreaMatch extends TableMatch {
  kind: 'areas';
  head: PairHeader;
}

const A = TEMPLATE.areas;
/** The heading above a 분야별 목표 table headed only `구 분`: `2 분야별 목표`, `< 전략분야별 목표 >`. */
const AREAS_HEADING = /분야별/;

export const areasTable: TableKind<AreaMatch> = {
  id: 'areas',
  name: '분야별 목표',
  nameEn: '분야별 목표 (targets by strategy area)',
  sheetName: A.sheetName,
  detect(s) {
    const out: AreaMatch[] = [];
    let next = 0;
    // Headed `전략분야 | 구 분`, or `구 분` alone under a heading naming the 분야별 목표.
    const generic = genericPairHeaders(s, (above) => AREAS_HEADING.test(above));
    for (const r of ascendingOnce([...rowsWithLabel(s, A.anchor), ...generic.keys()])) {
      if (r < next) continue;
      const anchorCol = generic.get(r) ?? findLabelInRow(s, r, A.anchor);
      if (anchorCol < 0 || findLabelInRow(s, r, A.roleHeader) < 0) continue;
      const head = pairHeader(s, r, anchorCol, A.roleHeader, A.totalHeader, A.remarkHeader);
      if (!head) continue;
      const end = groupsEnd(s, head.firstRow, groupColumns(head, yearColumnsOf(head, null)), () => false, s.grid.source !== undefined);
      const m: AreaMatch = { kind: 'areas', sheet: s, header: r, last: Math.max(r, end - 1), years: [...head.years.keys()].sort((a, b) => a - b), head };
      if (head.years.size === 0) m.notUnderstood = { ...noYearColumns(s, r, head), ref: refOf(s, r, anchorCol) };
      else if (head.totalCol < 0) m.notUnderstood = { ko: `'${A.totalHeader.text}' 열을 찾지 못했습니다`, en: `no '${A.totalHeader.text}' column found`, ref: refOf(s, r, anchorCol) };
      out.push(m);
      next = Math.max(r, end - 1) + 1;
    }
    return out;
  },
  read(m, asm) {
    const s = m.sheet;
    const r = m.header;
    const head = m.head;
    const plan = asm.plan;
    plan.areasSheet = refOf(s, r, head.nameCol).sheet;
    const lineUnits = findUnits(s, r - 3, r);
    // Without a unit line, the units its labels state (성과목표(명), 소요예산(억원)); its rows end before the next blank row.
    let to = head.firstRow;
    while (to < s.grid.rows.length && to < head.firstRow + 200 && !isBlankRow(s, to)) to++;
    const units = lineUnits.found ? lineUnits : unitsInLabels(s, r, head.firstRow, to, head.roleCol);
    plan.areaUnits = { target: units.target ?? '명', budget: units.budget ?? '백만원' };
    if (m.notUnderstood) {
      if (!units.found) asm.missingUnitLines.push(refOf(s, r, head.nameCol));
      asm.problem(A.tableName, `분야별 목표 표에서 ${m.notUnderstood.ko} (읽지 않음)`, `분야별 목표 table: ${m.notUnderstood.en} (not read)`, 'table', m.notUnderstood.ref);
      return;
    }
    const years = planYears(asm.period);
    const missing = years.filter((y) => !head.years.has(y));
    if (missing.length) asm.problem(A.tableName, `연도 열을 찾지 못했습니다: ${missing.join(', ')}년`, `year columns not found: ${missing.join(', ')}`, 'table', refOf(s, r, head.nameCol));
    const yearCols = yearColumnsOf(head, years);
    const cols = groupColumns(head, yearCols);
    const { groups, end } = readGroups(s, head.firstRow, cols, () => false, s.grid.source !== undefined, () => (plan.cellsRead += 2 + yearCols.length));
    // A side neither the unit line nor the labels state: the unit its cells state (`4,900억원`), not the usual one.
    if (units.target === null || units.budget === null) {
      const inCells = unitsInCells(groups);
      plan.areaUnits = { target: units.target ?? inCells.target ?? '명', budget: units.budget ?? inCells.budget ?? '백만원' };
      if (!units.found && inCells.target === null && inCells.budget === null) asm.missingUnitLines.push(refOf(s, r, head.nameCol));
    }
    const unknown = unknownRoleRow(s, end, cols);
    if (unknown !== null) {
      asm.problem(A.tableName, `'${unknown}' 행의 구분이 성과목표도 소요예산도 아니어서 표를 그 앞까지만 읽었습니다`, `the row '${unknown}' is neither 성과목표 nor 소요예산: the table was read only up to it`, 'table', refOf(s, end, cols.roleCol));
    }
    let grandTotal: Plan['grandTotal'] = null;
    const areas: StrategyArea[] = [];
    // The 합 계 row first, or last when the table sums up below its areas.
    const totalRow = totalAt(groups, A.grandTotal);
    for (let i = 0; i < groups.length; i++) {
      const g = groups[i];
      const target = g.target ?? asm.missingRow(A.tableName, g.label, g.name, 'target', missingSeries(g.label, yearCols.length));
      if (i === totalRow) {
        grandTotal = { label: g.label, target, budget: g.budget };
        continue;
      }
      areas.push({ name: g.name, label: g.label, excludedFromBudgetTotal: g.remark.includes('제외'), target, budget: g.budget });
    }
    if (grandTotal === null) asm.problem(A.tableName, `'${A.grandTotal.text}' 행을 찾지 못했습니다`, `'${A.grandTotal.text}' row not found`, 'table', refOf(s, r, head.nameCol));
    // Footnotes such as "* 소요예산 : 민간일자리창출 분야 민간사업비 제외" mark an area excluded when no remark does.
    if (!areas.some((a) => a.excludedFromBudgetTotal)) {
      for (let k = m.last + 1; k < Math.min(s.grid.rows.length, m.last + 6); k++) {
        const note = text(s, k, 0);
        if (!isFootnote(note) || !note.includes('제외')) continue;
        for (const a of areas) if (a.budget === null) a.excludedFromBudgetTotal = true;
      }
    }
    plan.areas = areas;
    plan.grandTotal = grandTotal;
  },
  // Its formulas refer to the 실천과제 rows: rendered after the 실천과제 (template/render.ts).
  render: (d, ctx) => (isResultsOnly(d) ? null : renderAreas(d, ctx.names.areas, ctx.opts, ctx.taskPlaces ?? [])),
};
