/** 분야별 목표 합계 = Σ 전략분야, per year and in 합계; the budget leaves out the excluded area(s). */
import { checkSeriesSum, sumMessages, sumShorts, type SeriesPart } from '../series-sum';
import type { Rule } from '../types';
import { type Role } from '../walk';
import { ROLE_WORDS, bi } from '../words';

export const grandTotal: Rule = {
  meta: {
    id: 'grand-total',
    defaultSeverity: 'error',
    description: { ko: '분야별 목표 합계는 전략분야의 합이어야 합니다', en: 'The 분야별 목표 합계 must equal the sum of the strategy areas' },
    docs: {
      ko: '분야별 목표 표의 합계 행(성과목표·소요예산, 합계와 연도별)을 전략분야 행의 합과 비교합니다. 소요예산 합계에서는 예산 합계 제외로 표시된 분야(예: 민간사업비)를 뺍니다. 반올림 구간 안의 차이는 경고, 밖의 차이는 오류입니다.',
      en: 'Compares the 합계 row of 분야별 목표 (성과목표 and 소요예산, 합계 and each year) with the sum of the strategy-area rows. The budget total leaves out areas marked as excluded from it (e.g. private-sector money). A difference inside the rounding band is a warning, outside it an error.',
    },
    messages: sumMessages({ ko: '합계 행', en: 'total row' }, { ko: '전략분야 합', en: 'sum of strategy areas' }),
    short: sumShorts({ ko: '합계 행', en: 'total row' }, { ko: '전략분야 합', en: 'sum of strategy areas' }),
  },
  check(ctx) {
    const { grandTotal: total, areas } = ctx.plan;
    if (!total || areas.length === 0) return;
    for (const role of ['target', 'budget'] as Role[]) {
      const series = total[role];
      if (!series) continue;
      const parts: SeriesPart[] = [];
      for (const a of areas) {
        const s = a[role];
        if (s && !(role === 'budget' && a.excludedFromBudgetTotal)) parts.push({ series: s, name: a.name });
      }
      checkSeriesSum(ctx, series, parts, bi(`분야별 목표 ${ROLE_WORDS[role].ko}`, `분야별 목표 ${ROLE_WORDS[role].en}`));
    }
  },
};
