/**
 * 성과 and 연차별 세부계획 cells: text where a figure belongs, and negative figures. Without this a text
 * 실적 would silently drop out of every comparison (the sum rules count it as 0 and skip a text total).
 */
import { RESULT_COLUMN_WORDS, figureTextWords, figureWords, joinWords, type Words } from '../words';
import type { Figure } from '../../model/plan';
import { itemPath, num } from '../../results/link';
import type { Rule, RuleContext } from '../types';

function check(ctx: RuleContext, f: Figure | null, what: Words): void {
  if (!f) return;
  if (f.state === 'text') {
    ctx.report({ messageId: 'notANumber', at: f.ref, actual: String(f.raw ?? ''), data: { what, cell: f.ref.cell, text: String(f.raw ?? '') } });
  } else if (f.value !== null && f.value < 0) {
    ctx.report({ messageId: 'negative', at: f.ref, actual: f.value, data: { what, cell: f.ref.cell, value: figureTextWords(num(f.value)) } });
  }
}

export const resultValue: Rule = {
  meta: {
    id: 'result-value',
    defaultSeverity: 'error',
    description: { ko: '성과·연차별 세부계획의 값 칸에는 0 이상의 숫자가 있어야 합니다', en: 'Figure cells of the 성과 and 연차별 세부계획 sheets hold numbers, not negative' },
    docs: {
      ko: '성과 시트의 목표·실적·달성률과 연차별 세부계획의 성과목표·소요예산 칸에 숫자로 읽을 수 없는 글자가 있거나(예: "약 100명") 음수가 있으면 오류입니다. 빈 칸, "-"(없음), "…"(자료 없음), "1,216명"처럼 단위가 붙은 숫자는 오류가 아닙니다. 글자로 된 값은 합계·달성률 대조에서 빠지므로(합에서는 0) 먼저 고쳐야 합니다.',
      en: 'A 목표, 실적 or 달성률 cell on the 성과 sheet, or a 성과목표/소요예산 cell on the 연차별 세부계획 sheet, holding text that is not a number (e.g. "약 100명") or a negative figure is an error. Blank, "-" (none), "…" (not available) and numbers with a unit ("1,216명") are fine. A text value drops out of the sum and rate checks (counted as 0 in sums), so fix it first.',
    },
    messages: {
      notANumber: {
        ko: '{{what}} ({{cell}}): 숫자로 읽을 수 없는 값 "{{text}}"',
        en: '{{what}} ({{cell}}): "{{text}}" is not a number',
      },
      negative: {
        ko: '{{what}} ({{cell}}): 음수 {{value}}',
        en: '{{what}} ({{cell}}): negative figure {{value}}',
      },
    },
  },
  check(ctx) {
    const { results, annualPlan } = ctx.plan;
    if (results) {
      for (const item of results.items) {
        const what = `${results.sheet} · ${itemPath(results, item)}`;
        check(ctx, item.target, joinWords([what, RESULT_COLUMN_WORDS.target]));
        check(ctx, item.actual, joinWords([what, RESULT_COLUMN_WORDS.actual]));
        check(ctx, item.rate, joinWords([what, RESULT_COLUMN_WORDS.rate]));
      }
    }
    if (annualPlan) {
      for (const row of annualPlan.rows) {
        const what = `${annualPlan.sheet} · ${[row.task, row.subproject].filter((x) => x).join(' · ')}`;
        check(ctx, row.target, joinWords([what, RESULT_COLUMN_WORDS.planTarget]));
        check(ctx, row.budget, joinWords([what, RESULT_COLUMN_WORDS.budget]));
      }
    }
  },
};
