/**
 * Units: parts in different target units summed into one figure (an area in 명 whose tasks count 개소
 * and 명), and budget units that cannot be converted (anything but 천원, 백만원, 억원).
 */
import { BUDGET_UNITS, isBudgetUnit } from '../../model/units';
import type { Rule } from '../types';
import { taskLabel, taskRows, tasksOfArea } from '../walk';
import { bi, joinWords, unitIn, unitWords } from '../words';

export const mixedUnits: Rule = {
  meta: {
    id: 'mixed-units',
    defaultSeverity: 'warning',
    description: { ko: '단위가 다른 값을 한 숫자로 합하지 않아야 합니다', en: 'Figures in different units must not be summed into one' },
    docs: {
      ko: '전략분야의 성과목표는 소속 실천과제의 성과목표를 합한 값입니다. 실천과제의 단위(명, 개소 …)가 서로 다르거나 분야별 목표 표의 단위와 다르면, 다른 것을 세어 합한 것이므로 분야마다 경고 하나를 냅니다(단위·과제 명시). 소요예산은 천원·백만원·억원만 환산할 수 있으므로, 그 밖의 예산 단위도 경고합니다.',
      en: "A strategy area's 성과목표 is the sum of its tasks' 성과목표. When the tasks count in different units (명, 개소, …) or in another unit than the 분야별 목표 table, different things are added up: one warning per area, naming the units and tasks. Budgets convert only between 천원, 백만원 and 억원, so any other budget unit is warned about too.",
    },
    messages: {
      mixedTargets: {
        ko: '{{area}} 성과목표({{unit}})에 단위가 다른 실천과제가 합산됩니다: {{tasks}}',
        en: '{{area}} target ({{unit}}) adds up tasks counted in other units: {{tasks}}',
      },
      unknownBudgetUnit: {
        ko: '{{table}}의 소요예산 단위 "{{unit}}"는 환산할 수 없습니다 ({{known}}만 가능) — 이 예산은 상위 합계와 비교하지 않았습니다',
        en: '{{table}}: budget unit "{{unit}}" cannot be converted (only {{known}}) — this budget was not compared with its parent total',
      },
    },
    short: {
      mixedTargets: { ko: '{{area}} 성과목표({{unit}}): 단위가 다른 실천과제가 합산됨', en: '{{area}} target ({{unit}}): adds up tasks in other units' },
    },
  },
  check(ctx) {
    const { plan } = ctx;
    const known = BUDGET_UNITS.join('·');
    const knownWords = bi(known, BUDGET_UNITS.map((u) => unitIn(u, 'en')).join(', '));
    plan.areas.forEach((area, ai) => {
      const tasks = tasksOfArea(plan, ai);
      const units = new Set([plan.areaUnits.target, ...tasks.map((t) => t.targetUnit)]);
      if (tasks.length === 0 || units.size === 1) return;
      ctx.report({
        messageId: 'mixedTargets',
        at: area.target.total.ref,
        cells: [area.target.total.ref, ...tasks.flatMap((t) => taskRows(t, 'target').map((r) => r.series.total.ref))],
        expected: plan.areaUnits.target,
        actual: [...new Set(tasks.map((t) => t.targetUnit))].join(', '),
        data: { area: area.name, unit: unitWords(plan.areaUnits.target), tasks: joinWords(tasks.map((t) => joinWords([taskLabel(t.no, t.name), joinWords(['(', unitWords(t.targetUnit), ')'], '')])), ', ') },
      });
    });
    const areasAt = plan.grandTotal?.label ?? plan.areas[0]?.label;
    if (areasAt && !isBudgetUnit(plan.areaUnits.budget)) {
      ctx.report({ messageId: 'unknownBudgetUnit', at: areasAt, expected: known, actual: plan.areaUnits.budget, data: { table: '분야별 목표', unit: plan.areaUnits.budget, known: knownWords } });
    }
    for (const t of plan.tasks) {
      if (isBudgetUnit(t.budgetUnit)) continue;
      ctx.report({ messageId: 'unknownBudgetUnit', at: t.label, expected: known, actual: t.budgetUnit, data: { table: taskLabel(t.no, t.name), unit: t.budgetUnit, known: knownWords } });
    }
  },
};
