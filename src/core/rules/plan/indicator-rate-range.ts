/** 공통 일자리 목표: a rate (고용률 …) must lie within 0–100 %. */
import { figureWords } from '../words';
import type { Rule } from '../types';
import { forEachIndicatorFigure } from '../walk';

export const indicatorRateRange: Rule = {
  meta: {
    id: 'indicator-rate-range',
    defaultSeverity: 'error',
    description: { ko: '률 지표는 0~100% 사이여야 합니다', en: 'A rate must lie between 0 and 100 %' },
    docs: {
      ko: '률 지표(고용률 등, 단위 %)의 실적·기준·연도별 목표가 0보다 작거나 100보다 크면 오류입니다(증감 열은 제외).',
      en: 'A rate indicator (고용률 etc., unit %) whose last actual, base or yearly target is below 0 or above 100 is an error (the change column is not checked).',
    },
    messages: {
      outOfRange: {
        ko: '{{what}} {{value}}%는 0~100% 범위를 벗어납니다',
        en: '{{what}} {{value}}% is outside 0–100%',
      },
    },
  },
  check(ctx) {
    // Only indicators have rates: the series figures (forEachFigure's first part) are never one.
    forEachIndicatorFigure(ctx.plan, (figure, info) => {
      if (info.indicator?.kind !== 'rate' || info.field === 'change' || figure.value === null) return;
      if (figure.value >= 0 && figure.value <= 100) return;
      ctx.report({ messageId: 'outOfRange', at: figure.ref, expected: '0~100', actual: figure.value, data: { what: info.what, value: figureWords(figure.value) } });
    });
  },
};
