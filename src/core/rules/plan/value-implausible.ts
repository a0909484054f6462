/**
 * Figures too large to be real: |x| ≥ 10^15 (or not finite). Such a figure is a typing or export
 * accident, and past 2^53 a double no longer holds it to the unit, so sums with it cannot be trusted.
 */
import { RESULT_COLUMN_WORDS, figureTextWords, figureWords, joinWords, type Words } from '../words';
import type { Figure } from '../../model/plan';
import { PLAUSIBLE_LIMIT } from '../../numbers/interval';
import { itemPath } from '../../results/link';
import { reportFigures } from '../figure-report';
import { figureCensus } from '../walk';
import { fmt } from '../sums';
import type { Rule, RuleContext } from '../types';

export const isImplausible = (value: number | null): boolean => value !== null && !(Math.abs(value) < PLAUSIBLE_LIMIT);


function checkResultFigure(ctx: RuleContext, f: Figure | null, what: Words): void {
  if (!f || !isImplausible(f.value)) return;
  ctx.report({
    messageId: 'implausible',
    at: f.ref,
    actual: f.raw === null || typeof f.raw === 'boolean' ? null : Number.isFinite(f.value) ? f.value : String(f.raw),
    data: { what: joinWords([what, `(${f.ref.cell})`]), value: figureWords(f.value!), raw: String(f.raw ?? '') },
  });
}

export const valueImplausible: Rule = {
  meta: {
    id: 'value-implausible',
    defaultSeverity: 'error',
    description: { ko: '값이 믿기 어려울 만큼 큽니다 (절댓값 10^15 이상)', en: 'Implausibly large figures (absolute value of 10^15 or more)' },
    docs: {
      ko: '성과목표·소요예산·지표 값과 성과·연차별 세부계획의 값 가운데 절댓값이 10^15(1,000조) 이상이거나 유한하지 않은 값은 오류입니다. 어떤 계획도 그만큼 크지 않으며(가장 큰 예산도 10^7 백만원 안팎), 그 크기의 수는 컴퓨터가 일의 자리까지 담지 못해 합계 대조를 믿을 수 없습니다. 잘못 붙여 넣었거나 지수 표기(1E+308)로 바뀐 값이 흔한 원인입니다. 합계 대조는 이런 값이 있어도 넘침(overflow) 없이 계산되어, 큰 값 때문에 틀린 합계가 맞는 것처럼 보이지 않습니다.',
      en: 'A target, budget or indicator figure, or a figure on the 성과 and 연차별 세부계획 sheets, whose absolute value is 10^15 or more, or that is not finite, is an error. No plan is that large (the largest budgets are around 10^7 백만원), and a computer cannot hold such numbers to the unit, so sums with them cannot be trusted. A wrong paste or a value turned into exponent notation (1E+308) is the usual cause. The sum rules still compute without overflow when such a figure is present, so a huge figure never makes a wrong total look right.',
    },
    messages: {
      implausible: {
        ko: '{{what}}: 값 {{value}}은(는) 너무 큽니다 (절댓값 1e+15 이상; 셀 값 "{{raw}}")',
        en: '{{what}}: {{value}} is implausibly large (absolute value 1e+15 or more; cell "{{raw}}")',
      },
    },
  },
  check(ctx) {
    if (figureCensus(ctx.plan).implausible) reportFigures(ctx, (f) => (isImplausible(f.value) ? 'implausible' : null));
    const { results, annualPlan } = ctx.plan;
    if (results) {
      for (const item of results.items) {
        const what = `${results.sheet} · ${itemPath(results, item)}`;
        checkResultFigure(ctx, item.target, joinWords([what, RESULT_COLUMN_WORDS.target]));
        checkResultFigure(ctx, item.actual, joinWords([what, RESULT_COLUMN_WORDS.actual]));
        checkResultFigure(ctx, item.rate, joinWords([what, RESULT_COLUMN_WORDS.rate]));
      }
    }
    if (annualPlan) {
      for (const row of annualPlan.rows) {
        const what = `${annualPlan.sheet} · ${[row.task, row.subproject].filter((x) => x).join(' · ')}`;
        checkResultFigure(ctx, row.target, joinWords([what, RESULT_COLUMN_WORDS.planTarget]));
        checkResultFigure(ctx, row.budget, joinWords([what, RESULT_COLUMN_WORDS.budget]));
      }
    }
  },
};
