/** An area left out of the budget total (private-sector money) is shown as information, never as a mismatch. */
import { areaTaskRows } from '../area-parts';
import { fmt } from '../sums';
import type { Rule } from '../types';
import { taskRows, tasksOfArea } from '../walk';
import { bi, figureWords, joinWords, quantityWords, unitWords } from '../words';

export const budgetExcluded: Rule = {
  meta: {
    id: 'budget-excluded',
    defaultSeverity: 'info',
    description: { ko: '예산 합계에서 제외된 전략분야를 알립니다', en: 'Reports strategy areas left out of the budget total' },
    docs: {
      ko: '분야별 목표에서 소요예산 합계 제외로 표시된 분야(비고 "예산 합계 제외" 또는 "…제외" 각주, 예: 민간사업비)는 불일치가 아니라 정보로 알립니다. 소속 실천과제의 예산을 분야별 목표 단위로 환산해 보여 줍니다(예: 22,683억원 = 2,268,300백만원).',
      en: 'An area marked as excluded from the budget total in 분야별 목표 (remark "예산 합계 제외" or a "…제외" footnote, e.g. private-sector money) is reported as information, not as a mismatch, with its tasks\' budget converted into the table unit (e.g. 22,683억원 = 2,268,300백만원).',
    },
    messages: {
      excluded: {
        ko: '{{area}}: 소요예산이 분야별 목표 합계에서 제외됨 — 실천과제 예산 {{tasks}} = {{amount}}{{unit}} (불일치 아님)',
        en: '{{area}}: budget left out of the total of "분야별 목표" — tasks budget {{tasks}} = {{amount}} {{unit}} (not a mismatch)',
      },
    },
    short: {
      excluded: { ko: '{{area}}: 소요예산 {{amount}}{{unit}}이 분야별 목표 합계에서 제외됨 (불일치 아님)', en: '{{area}}: budget {{amount}} {{unit}} left out of the total (not a mismatch)' },
    },
  },
  check(ctx) {
    const { plan } = ctx;
    plan.areas.forEach((area, ai) => {
      if (!area.excludedFromBudgetTotal) return;
      const tasks = tasksOfArea(plan, ai);
      const rows = areaTaskRows(plan, tasks, 'budget');
      const amount = rows?.reduce((s, r) => s + (r.series.total.value ?? 0) * (r.factor ?? 1), 0) ?? null;
      const listed = tasks.flatMap((t) => taskRows(t, 'budget').map((r) => joinWords([r.name, quantityWords(figureWords(r.series.total.value ?? 0), t.budgetUnit)])));
      const at = area.budget?.total.ref ?? area.label;
      ctx.report({
        messageId: 'excluded',
        at,
        cells: [at, ...tasks.flatMap((t) => taskRows(t, 'budget').map((r) => r.series.total.ref))],
        expected: amount,
        actual: area.budget?.total.value ?? null,
        data: { area: area.name, tasks: listed.length ? joinWords(listed, ' + ') : bi('없음', 'none'), amount: amount === null ? '?' : figureWords(amount), unit: unitWords(plan.areaUnits.budget) },
      });
    });
  },
};
