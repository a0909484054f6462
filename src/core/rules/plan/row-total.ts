/** 합계 column = Σ years, on every row of every table. */
import { sumShorts } from '../series-sum';
import { rowSumsHold, seriesRows, type SeriesRow } from '../walk';
import { checkSum, figureParts } from '../sums';
import type { Rule, RuleContext } from '../types';

export const rowTotal: Rule = {
  meta: {
    id: 'row-total',
    defaultSeverity: 'error',
    description: { ko: '합계 열은 연도별 값의 합이어야 합니다', en: 'The 합계 column must equal the sum of the years' },
    docs: {
      ko: '분야별 목표, 실천과제 총계, 세부사업, 소계의 모든 성과목표·소요예산 행에서 합계 열과 연도별 값의 합을 비교합니다. 반올림 구간 안의 차이는 경고, 밖의 차이는 오류입니다.',
      en: 'On every 성과목표 and 소요예산 row (분야별 목표, 실천과제 총계, 세부사업, 소계) compares the 합계 column with the sum of the year columns. A difference inside the rounding band is a warning, outside it an error.',
    },
    messages: {
      mismatch: {
        ko: '{{what}}: 합계 {{actual}} ≠ 연도별 합 {{expected}} (차이 {{difference}}, 반올림 허용 ±{{tolerance}}; {{parts}})',
        en: '{{what}}: total {{actual}} ≠ sum of years {{expected}} (difference {{difference}}, rounding tolerance ±{{tolerance}}; {{parts}})',
      },
      rounding: {
        ko: '{{what}}: 합계 {{actual}}, 연도별 합 {{expected}}, 차이 {{difference}} — 반올림 차이 가능 (허용 ±{{tolerance}}; {{parts}})',
        en: '{{what}}: total {{actual}} differs from the sum of years {{expected}} by {{difference}} — possible rounding difference (tolerance ±{{tolerance}}; {{parts}})',
      },
    },
    short: sumShorts({ ko: '합계', en: 'total' }, { ko: '연도별 합', en: 'sum of years' }),
  },
  check(ctx) {
    checkRows(ctx, seriesRows(ctx.plan), rowSumsHold(ctx.plan)); // most rows add up: nothing to describe
  },
};

/** The rows whose sums do not hold, checked and reported: a loop in a function of its own (see seriesFacts in walk.ts). */
function checkRows(ctx: RuleContext, rows: readonly SeriesRow[], holds: Uint8Array): void {
  for (let r = 0; r < rows.length; r++) {
    if (holds[r] === 1) continue;
    const row = rows[r];
    const { total, years } = row.series;
    checkSum(ctx, {
      total,
      parts: figureParts(years),
      what: row.what,
      mismatchId: 'mismatch',
      roundingId: 'rounding',
    });
  }
}
