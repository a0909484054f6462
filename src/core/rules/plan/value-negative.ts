/** Negative targets or budgets. */
import { reportFigures } from '../figure-report';
import { figureCensus } from '../walk';
import type { Rule } from '../types';

export const valueNegative: Rule = {
  meta: {
    id: 'value-negative',
    defaultSeverity: 'error',
    description: { ko: '성과목표·소요예산은 음수일 수 없습니다', en: 'Targets and budgets cannot be negative' },
    docs: {
      ko: '분야별 목표·실천과제·세부사업의 성과목표와 소요예산, 그리고 수 지표(취업자 수 등)의 실적·기준·목표가 음수(△ 포함)이면 오류입니다. 증감 열은 음수일 수 있어 제외하고, 률 지표는 indicator-rate-range가 봅니다.',
      en: 'A negative (△ included) 성과목표 or 소요예산 in 분야별 목표, a task or a 세부사업, or a negative last actual, base or target of a count indicator (취업자 수 …), is an error. The change column may be negative and is not checked; rates are indicator-rate-range\'s business.',
    },
    messages: {
      negative: {
        ko: '{{what}}: 음수 {{value}} (셀 값 "{{raw}}")',
        en: '{{what}}: negative value {{value}} (cell "{{raw}}")',
      },
    },
  },
  check(ctx) {
    if (!figureCensus(ctx.plan).negative) return;
    reportFigures(ctx, (f, info) => {
      if (f.value === null || f.value >= 0) return null;
      const applies = info.source === 'series' || (info.indicator?.kind === 'count' && info.field !== 'change');
      return applies ? 'negative' : null;
    });
  },
};
