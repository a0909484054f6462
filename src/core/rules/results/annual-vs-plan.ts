/**
 * 연차별 세부계획 ↔ 종합계획: each 세부사업's target and budget for the year compared with the same year's
 * column of the 종합계획 in the same workbook. A difference is a revision, so it is information, never
 * silently accepted; both figures and both cells are named.
 */
import { figureTextWords, joinWords, quantityWords, type Words } from '../words';
import { qualified } from '../../grid/a1';
import type { CellRef, Figure } from '../../model/plan';
import { budgetFactor } from '../../model/units';
import { halfUnit, intervalOf, overlaps } from '../../numbers/interval';
import { num, periodText, resolveLink, yearIndex } from '../../results/link';
import { unitKey, type AnnualRow } from '../../results/model';
import type { Rule } from '../types';
import { taskLabel } from '../walk';

const q = (r: CellRef) => qualified(r.sheet, r.cell);

const REASON: Record<string, [string, string]> = {
  taskNotFound: ['종합계획에 없는 실천과제', 'no such 실천과제 in the 종합계획'],
  subprojectNotFound: ['종합계획에 없는 세부사업(신규 또는 이름 변경)', 'no such 세부사업 in the 종합계획 (new, or renamed)'],
  ambiguous: ['같은 이름의 세부사업이 여러 실천과제에 있음', 'several 실천과제 have a 세부사업 of that name'],
  noTotal: ['실천과제에 총계 행이 없음', 'the 실천과제 has no 총계 row'],
};

export const annualVsPlan: Rule = {
  meta: {
    id: 'annual-vs-plan',
    defaultSeverity: 'info',
    description: { ko: '연차별 세부계획을 종합계획의 같은 해 열과 대조합니다', en: 'Compares the 연차별 세부계획 with the same year of the 종합계획' },
    docs: {
      ko: '연차별 세부계획 시트의 세부사업마다 그 해(계획연도)의 성과목표와 소요예산을 같은 통합문서 종합계획 실천과제 표의 같은 연도 열과 비교합니다. 다르면(계획 수정) 두 값과 두 셀을 정보로 알립니다. 성과목표와 소요예산이 모두 빈 행은 아직 입력하지 않은 것으로 보고 대조하지 않습니다. 예산 단위(천원·백만원·억원)는 환산하고, 반올림 구간 안의 차이는 같은 값으로 봅니다. 종합계획에 없는 세부사업, 종합계획에는 그 해 목표나 예산이 있는데 연차별 세부계획에 없는 세부사업, 단위가 달라 비교할 수 없는 행도 정보로 알립니다. 계획연도가 종합계획 기간 밖이면 경고입니다. 종합계획 표가 없는 통합문서에서는 대조하지 않습니다.',
      en: 'For each 세부사업 on the 연차별 세부계획 sheet, compares its target and budget for the year (계획연도) with the same year\'s column of the 종합계획 실천과제 tables in the same workbook. A difference (a revised plan) is reported as info with both figures and both cells. A row whose target and budget are both empty is not entered yet, and is not compared. Budget units (천원/백만원/억원) are converted; a difference inside the rounding band counts as equal. Also info: a 세부사업 the 종합계획 does not have, a 세부사업 with a target or budget for that year in the 종합계획 but missing from the year\'s plan, and rows whose units differ. A 계획연도 outside the plan period is a warning. Without 종합계획 tables in the workbook nothing is compared.',
    },
    messages: {
      targetDiffers: {
        ko: '{{what}} {{year}}년 성과목표: 연차별 세부계획 {{actual}} ({{cell}}) ≠ 종합계획 {{expected}} ({{planCell}}), 차이 {{difference}}',
        en: '{{what}} {{year}} target: 연차별 세부계획 {{actual}} ({{cell}}) ≠ 종합계획 {{expected}} ({{planCell}}), difference {{difference}}',
      },
      budgetDiffers: {
        ko: '{{what}} {{year}}년 소요예산: 연차별 세부계획 {{actual}} ({{cell}}) ≠ 종합계획 {{expected}} ({{planCell}}{{converted}}), 차이 {{difference}}',
        en: '{{what}} {{year}} budget: 연차별 세부계획 {{actual}} ({{cell}}) ≠ 종합계획 {{expected}} ({{planCell}}{{convertedEn}}), difference {{difference}}',
      },
      unitDiffers: {
        ko: '{{what}} {{role}} 단위: 연차별 세부계획 "{{unit}}" ({{cell}}) ≠ 종합계획 "{{planUnit}}" — 비교하지 않았습니다',
        en: '{{what}} {{roleEn}} unit: 연차별 세부계획 "{{unit}}" ({{cell}}) ≠ 종합계획 "{{planUnit}}" — not compared',
      },
      notInPlan: {
        ko: '연차별 세부계획의 {{name}} ({{cell}}): {{reason}}',
        en: '연차별 세부계획 row {{name}} ({{cell}}): {{reasonEn}}',
      },
      missingFromAnnual: {
        ko: '{{what}}: 종합계획 {{year}}년 성과목표 {{target}} ({{targetCell}}) · 소요예산 {{budget}} ({{budgetCell}})이 있지만 연차별 세부계획({{sheet}} 시트)에 없습니다',
        en: '{{what}}: the 종합계획 has a {{year}} target {{target}} ({{targetCell}}) and budget {{budget}} ({{budgetCell}}), but the 연차별 세부계획 (sheet {{sheet}}) does not list it',
      },
      yearOutside: {
        ko: '연차별 세부계획의 계획연도 {{year}}년 ({{cell}})이 종합계획 기간 {{period}} 밖이라 대조하지 않았습니다',
        en: 'the 연차별 세부계획 year {{year}} ({{cell}}) lies outside the plan period {{period}}: not compared',
      },
    },
  },
  check(ctx) {
    const { plan } = ctx;
    const annual = plan.annualPlan;
    if (!annual || plan.tasks.length === 0 || annual.year === null) return;
    const year = annual.year;
    const i = yearIndex(plan, year);
    if (i === null) {
      const at = annual.yearRef ?? annual.rows[0]?.label;
      if (at) ctx.report({ messageId: 'yearOutside', severity: 'warning', at, actual: year, data: { year, cell: q(at), period: periodText(plan) } });
      return;
    }
    const seen = new Set<string>();
    for (const row of annual.rows) {
      const r = resolveLink(plan, row.task || null, row.subproject || null);
      const name = [row.task, row.subproject].filter((x) => x).join(' · ');
      if (!r.ok) {
        const [reason, reasonEn] = REASON[r.reason];
        ctx.report({ messageId: 'notInPlan', at: row.label, cells: [row.taskRef, row.label], actual: name, data: { name, cell: row.label.cell, reason, reasonEn } });
        continue;
      }
      const pr = r.row;
      seen.add(`${pr.task.no}\u0000${pr.subproject ?? ''}`);
      // A row with nothing entered yet (the 연차별 세부계획 of `template --results` before it is filled in) is
      // progress, not a revision to 0: compared once its target or budget is there.
      if (row.target.state === 'blank' && (row.budget === null || row.budget.state === 'blank')) continue;
      compareTarget(ctx, row, pr.what, pr.target.years[i], pr.task.targetUnit, year);
      if (row.budget && pr.budget) compareBudget(ctx, row, row.budget, pr.what, pr.budget.years[i], pr.task.budgetUnit, year);
    }
    // 세부사업 with a figure for the year in the 종합계획 that the year's plan leaves out.
    for (const t of plan.tasks) {
      for (const s of t.subprojects) {
        if (seen.has(`${t.no}\u0000${s.name}`)) continue;
        const tf = s.target.years[i];
        const bf = s.budget.years[i];
        if (!tf || !bf || (!(tf.value ?? 0) && !(bf.value ?? 0))) continue;
        const what = `${taskLabel(t.no, t.name)} · ${s.name}`;
        ctx.report({
          messageId: 'missingFromAnnual',
          at: tf.ref,
          cells: [tf.ref, bf.ref],
          expected: tf.value,
          data: { what, year, target: quantityWords(figureTextWords(num(tf.value ?? 0)), t.targetUnit), targetCell: q(tf.ref), budget: quantityWords(figureTextWords(num(bf.value ?? 0)), t.budgetUnit), budgetCell: q(bf.ref), sheet: annual.sheet },
        });
      }
    }
  },
};

type Ctx = Parameters<typeof annualVsPlan.check>[0];

function compareTarget(ctx: Ctx, row: AnnualRow, what: Words, plan: Figure | undefined, planUnit: string, year: number): void {
  if (!plan) return;
  if (unitKey(row.targetUnit) !== unitKey(planUnit)) {
    ctx.report({ messageId: 'unitDiffers', at: row.target.ref, cells: [row.target.ref, plan.ref], expected: planUnit, actual: row.targetUnit, data: { what, role: '성과목표', roleEn: 'target', unit: row.targetUnit, cell: row.target.ref.cell, planUnit } });
    return;
  }
  differs(ctx, 'targetDiffers', row.target, plan, 1, what, row.targetUnit, planUnit, year);
}

function compareBudget(ctx: Ctx, row: AnnualRow, budget: Figure, what: Words, plan: Figure | undefined, planUnit: string, year: number): void {
  if (!plan) return;
  const factor = budgetFactor(planUnit, row.budgetUnit);
  if (factor === null) {
    ctx.report({ messageId: 'unitDiffers', at: budget.ref, cells: [budget.ref, plan.ref], expected: planUnit, actual: row.budgetUnit, data: { what, role: '소요예산', roleEn: 'budget', unit: row.budgetUnit, cell: budget.ref.cell, planUnit } });
    return;
  }
  differs(ctx, 'budgetDiffers', budget, plan, factor, what, row.budgetUnit, planUnit, year);
}

/** Reports when the two figures' rounding intervals do not overlap (plan converted into the year plan's unit). */
function differs(ctx: Ctx, messageId: string, annual: Figure, plan: Figure, factor: number, what: Words, unit: string, planUnit: string, year: number): void {
  if (annual.value === null && plan.value === null) return;
  const a = annual.value ?? 0;
  const p = (plan.value ?? 0) * factor;
  if (overlaps(intervalOf(a, halfUnit(annual.decimals)), intervalOf(p, halfUnit(plan.decimals, factor)))) return;
  const converted = factor !== 1 ? joinWords([': ', quantityWords(figureTextWords(num(plan.value ?? 0)), planUnit)], '') : '';
  ctx.report({
    messageId,
    at: annual.ref,
    cells: [annual.ref, plan.ref],
    expected: Math.round(p * 1e6) / 1e6,
    actual: a,
    data: {
      what,
      year,
      actual: quantityWords(figureTextWords(num(a)), unit),
      cell: annual.ref.cell,
      expected: quantityWords(figureTextWords(num(p)), unit),
      planCell: q(plan.ref),
      converted,
      convertedEn: converted,
      difference: quantityWords(joinWords([a - p > 0 ? '+' : '', figureTextWords(num(a - p))], ''), unit),
    },
  });
}
