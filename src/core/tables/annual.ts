/**
 * 연차별 세부계획 (one year's plan): `실천과제 | 세부사업명 | 성과목표 | 단위 | 소요예산 …`, the 실천과제
 * merged over its 세부사업 rows or written on the first row only.
 */
import { ANNUAL } from '../results/description';
import type { AnnualPlan, AnnualRow } from '../results/model';
import type { CellRef } from '../model/plan';
import { cellText } from '../grid/grid';
import { detectColumns, field, titleAbove, yearOf, type ColumnsMatch } from './results';
import { cell, figure, isFootnote, own, refOf } from './sheet';
import type { TableKind } from './types';
import { renderAnnualPlan } from '../results/render';

const N = ANNUAL;

export const annualTable: TableKind<ColumnsMatch> = {
  id: 'annual',
  name: '연차별 세부계획',
  nameEn: '연차별 세부계획 (the year\'s plan)',
  sheetName: N.sheetName,
  detect(s) {
    return detectColumns(s, N.columns, ['subproject', 'target'], false).map((h) => ({ kind: 'annual' as const, sheet: s, header: h.row, last: s.grid.rows.length - 1, years: [], cols: h.cols }));
  },
  read(m, asm) {
    const { sheet: s, header: h, cols } = m;
    const yearField = field(s, N.fields.year, h);
    const plan: AnnualPlan = {
      sheet: refOf(s, h, Math.max(0, cols.subproject)).sheet,
      title: titleAbove(s, h, N.title, [N.fields.region, N.fields.year]),
      year: yearOf(yearField?.text),
      yearRef: yearField?.ref ?? null,
      region: field(s, N.fields.region, h)?.text ?? null,
      rows: [],
    };
    if (plan.year === null) {
      asm.problem(N.tableName, `'${N.fields.year.text}' 항목을 찾지 못해 종합계획과 대조할 수 없습니다`, `'${N.fields.year.text}' field not found: cannot compare with the 종합계획`, 'table', refOf(s, h, cols.subproject));
    }
    let task = '';
    let taskRef: CellRef = refOf(s, h, Math.max(0, cols.task));
    for (let r = h + 1; r < s.grid.rows.length; r++) {
      const taskText = cols.task >= 0 ? cellText(cell(s, r, cols.task)).replace(/\s+/g, ' ').trim() : '';
      const name = cellText(cell(s, r, cols.subproject)).replace(/\s+/g, ' ').trim();
      if (isFootnote(taskText) || isFootnote(name)) break;
      const target = figure(s, r, cols.target);
      const budget = cols.budget >= 0 ? figure(s, r, cols.budget) : null;
      if (taskText !== '') {
        task = taskText;
        // A merged copy points back at the merge's first cell, which is where the name really sits.
        if (!cell(s, r, cols.task)?.mergedCopy) taskRef = refOf(s, r, cols.task);
      }
      if (name === '' && target.state === 'blank' && (budget === null || budget.state === 'blank')) continue;
      asm.plan.cellsRead += 3;
      const row: AnnualRow = {
        task,
        taskRef,
        subproject: name,
        label: refOf(s, r, cols.subproject),
        target,
        targetUnit: (cols.targetUnit >= 0 ? own(s, r, cols.targetUnit) : '') || '명',
        budget,
        budgetUnit: (cols.budgetUnit >= 0 ? own(s, r, cols.budgetUnit) : '') || '백만원',
        note: cols.note >= 0 ? own(s, r, cols.note) : '',
      };
      plan.rows.push(row);
    }
    if (plan.rows.length === 0) {
      asm.problem(N.tableName, `'${plan.sheet}'의 연차별 세부계획 표에 행이 없습니다`, `the 연차별 세부계획 table on '${plan.sheet}' has no rows`, 'table', refOf(s, h, cols.subproject));
    }
    asm.plan.annualPlan = plan;
  },
  render: (d, ctx) => (d.annualPlan ? renderAnnualPlan(d.annualPlan, d.meta.region, ctx.names.annualPlan) : null),
};
