/** Text where a number belongs. */
import { reportFigures } from '../figure-report';
import { figureCensus } from '../walk';
import type { Rule } from '../types';

export const valueNotNumber: Rule = {
  meta: {
    id: 'value-not-number',
    defaultSeverity: 'error',
    description: { ko: '숫자 자리에 글자가 있으면 안 됩니다', en: 'No text where a number belongs' },
    docs: {
      ko: '성과목표·소요예산의 모든 칸과 공통 일자리 목표의 실적·기준·목표·증감 칸에서, 숫자로 읽을 수 없는 글자(예: "약 30", "미정")를 오류로 알립니다. "-"(없음), "…"(자료 없음), △ 음수, 천 단위 쉼표, %는 숫자로 읽습니다. 합계 검사에서는 0으로 셉니다.',
      en: 'In every 성과목표 and 소요예산 cell and every 공통 일자리 목표 figure (last actual, base, targets, change), text that cannot be read as a number (e.g. "약 30", "미정") is an error. "-" (none), "…" (not available), △ negatives, thousands separators and % do read as numbers. Sums count such a cell as 0.',
    },
    messages: {
      notNumber: {
        ko: '{{what}}: "{{raw}}"는 숫자가 아닙니다 (합계 검사에서는 0으로 셈)',
        en: '{{what}}: "{{raw}}" is not a number (counted as 0 in sums)',
      },
    },
  },
  check(ctx) {
    if (!figureCensus(ctx.plan).states.has('text')) return;
    reportFigures(ctx, (f) => (f.state === 'text' ? 'notNumber' : null));
  },
};
