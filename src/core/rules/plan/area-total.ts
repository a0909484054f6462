/**
 * 전략분야 = Σ its 실천과제, per year and in 합계. A task counts with its 총계 row, or with its 세부사업
 * rows when it has none; budgets are converted into the 분야별 목표 table's unit (억원 → 백만원 × 100).
 */
import { checkSeriesSum, sumMessages, sumShorts } from '../series-sum';
import { fmt } from '../sums';
import { areaTaskRows } from '../area-parts';
import type { Rule } from '../types';
import { tasksOfArea, type Role } from '../walk';
import { ROLE_WORDS, figureWords, joinWords, unitWords } from '../words';

export const areaTotal: Rule = {
  meta: {
    id: 'area-total',
    defaultSeverity: 'error',
    description: { ko: '전략분야의 값은 소속 실천과제의 합이어야 합니다', en: 'A strategy area must equal the sum of its 실천과제' },
    docs: {
      ko: '분야별 목표의 각 전략분야 성과목표·소요예산(합계와 연도별)을 그 분야 실천과제의 합과 비교합니다. 실천과제는 총계 행으로, 총계 행이 없으면 세부사업 행들로 셉니다. 소요예산은 분야별 목표 표의 단위로 환산합니다(예: 억원 → 백만원 ×100, 허용 오차도 함께 환산). 예산 합계에서 제외된 분야가 소요예산 행을 두지 않은 경우 예산은 비교하지 않습니다(budget-excluded 참고). 알 수 없는 예산 단위가 있으면 그 분야의 예산은 비교하지 않습니다(mixed-units 참고).',
      en: "Compares each strategy area's 성과목표 and 소요예산 (합계 and each year) in 분야별 목표 with the sum of its 실천과제. A task counts with its 총계 row, or with its 세부사업 rows when it has none. Budgets are converted into the 분야별 목표 table's unit (e.g. 억원 → 백만원 ×100; the tolerance scales too). An area excluded from the budget total without a budget row is not compared (see budget-excluded). An unknown budget unit skips that area's budget (see mixed-units).",
    },
    messages: {
      ...sumMessages({ ko: '전략분야', en: 'area' }, { ko: '실천과제 합', en: 'sum of tasks' }),
      noBudgetRow: {
        ko: '{{area}}: 분야별 목표에 소요예산 행이 없지만 실천과제 예산 합계는 {{amount}}{{unit}}입니다',
        en: '{{area}}: no budget row in "분야별 목표", yet its tasks budget {{amount}} {{unit}} in total',
      },
    },
    short: sumShorts({ ko: '전략분야', en: 'area' }, { ko: '실천과제 합', en: 'sum of tasks' }),
  },
  check(ctx) {
    const { plan } = ctx;
    plan.areas.forEach((area, ai) => {
      const tasks = tasksOfArea(plan, ai);
      if (tasks.length === 0) return;
      for (const role of ['target', 'budget'] as Role[]) {
        const parts = areaTaskRows(plan, tasks, role);
        if (parts === null) continue; // an unknown budget unit: mixed-units reports it
        const total = area[role];
        if (total) {
          checkSeriesSum(ctx, total, parts, joinWords([area.name, ROLE_WORDS[role]]));
          continue;
        }
        const amount = parts.reduce((s, p) => s + (p.series.total.value ?? 0) * (p.factor ?? 1), 0);
        if (area.excludedFromBudgetTotal || amount === 0) continue;
        ctx.report({
          messageId: 'noBudgetRow',
          severity: 'warning',
          at: area.label,
          cells: [area.label, ...parts.map((p) => p.series.total.ref)],
          expected: amount,
          actual: null,
          data: { area: area.name, amount: figureWords(amount), unit: unitWords(plan.areaUnits.budget) },
        });
      }
    });
  },
};
