/**
 * 성과: a stated 실적 (and 목표) equals the sum of its breakdown, at every level of the hierarchy
 * (기관 → 사업 → 세부 내역). Rounding is judged by intervals through the shared checkSum.
 */
import { sumShorts } from '../series-sum';
import { RESULT_COLUMN_WORDS, joinWords } from '../words';
import { budgetFactor, isBudgetUnit } from '../../model/units';
import type { Figure } from '../../model/plan';
import { itemPath } from '../../results/link';
import type { ResultItem } from '../../results/model';
import { checkSum } from '../sums';
import type { Rule } from '../types';

/** Factor from a part's unit into its total's (억원 → 백만원 = 100); 1 when either is not a money unit. */
function factorOf(total: ResultItem, part: ResultItem): number {
  if (!isBudgetUnit(total.unit) || !isBudgetUnit(part.unit)) return 1;
  return budgetFactor(part.unit, total.unit) ?? 1;
}

export const resultSum: Rule = {
  meta: {
    id: 'result-sum',
    defaultSeverity: 'error',
    description: { ko: '성과의 합계 실적은 내역 실적의 합이어야 합니다', en: 'A stated 실적 must equal the sum of its breakdown' },
    docs: {
      ko: '성과 시트에서 실적(또는 목표)이 적힌 항목 아래에 하위 항목이 있으면, 그 하위 항목들은 이 실적의 내역으로 봅니다. 모든 수준(기관 → 사업 → 세부 내역)에서 적힌 합계와 내역의 합을 비교합니다. 실적은 하위 항목 중 하나라도 값이 있을 때 비교하며 빈 내역은 0으로 셉니다. 목표는 모든 하위 항목에 목표가 있을 때만 비교합니다(목표는 상위 항목에만, 또는 일부 항목에만 정하는 일이 많으므로). 반올림 구간 안의 차이는 경고, 밖의 차이는 오류입니다. 단위가 달라도 문서가 더한 그대로 비교하며(단위 혼합은 result-units가 경고), 천원·백만원·억원은 환산합니다. 실적이 없는 항목은 제목이며 그 아래 항목은 더하지 않습니다.',
      en: 'On the 성과 sheet, the rows under an item that states a 실적 (or 목표) are its breakdown. At every level (organisation → programme → detail) the stated total is compared with the sum of its direct parts — for 실적 once at least one part states a figure (blank parts count as 0); for 목표 only when every part states one (targets are often set for the total alone, or for a few parts). Inside the rounding band: warning; outside: error. Parts in other units are added as the document adds them (result-units warns about the mix); 천원/백만원/억원 are converted. An item without a figure is a heading: the rows under it are not added up.',
    },
    messages: {
      mismatch: {
        ko: '{{what}}: 합계 {{actual}} ≠ 내역의 합 {{expected}} (차이 {{difference}}, 반올림 허용 ±{{tolerance}}; {{parts}})',
        en: '{{what}}: total {{actual}} ≠ sum of its breakdown {{expected}} (difference {{difference}}, rounding tolerance ±{{tolerance}}; {{parts}})',
      },
      rounding: {
        ko: '{{what}}: 합계 {{actual}}, 내역의 합 {{expected}}, 차이 {{difference}} — 반올림 차이 가능 (허용 ±{{tolerance}}; {{parts}})',
        en: '{{what}}: total {{actual}} differs from the sum of its breakdown {{expected}} by {{difference}} — possible rounding difference (tolerance ±{{tolerance}}; {{parts}})',
      },
    },
    short: sumShorts({ ko: '합계', en: 'total' }, { ko: '내역의 합', en: 'sum of its breakdown' }),
  },
  check(ctx) {
    const results = ctx.plan.results;
    if (!results) return;
    for (const item of results.items) {
      if (item.children.length === 0) continue;
      const parts = item.children.map((i) => results.items[i]);
      const columns: [typeof RESULT_COLUMN_WORDS.actual, (x: ResultItem) => Figure | null][] = [
        [RESULT_COLUMN_WORDS.actual, (x) => x.actual],
        [RESULT_COLUMN_WORDS.target, (x) => x.target],
      ];
      for (const [label, pick] of columns) {
        const total = pick(item);
        if (!total || total.value === null) continue;
        const figures = parts.map(pick);
        const stated = figures.filter((f) => f !== null && f.state !== 'blank').length;
        // 실적: a breakdown once any part states a figure (a blank part counts as 0, as in the plan rules).
        // 목표: only when every part states one — a target is often set for the total alone or a few parts.
        if (stated === 0 || (label === RESULT_COLUMN_WORDS.target && stated < parts.length)) continue;
        checkSum(ctx, {
          total,
          parts: parts.map((p, k) => ({ figure: figures[k]!, factor: factorOf(item, p), name: p.name })),
          what: joinWords([`${results.sheet} · ${itemPath(results, item)}`, label]),
          mismatchId: 'mismatch',
          roundingId: 'rounding',
        });
      }
    }
  },
};
