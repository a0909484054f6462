/** Empty cells where a figure belongs, formulas without a value, and "…" (not available). */
import { reportFigures } from '../figure-report';
import type { Rule } from '../types';

export const valueBlank: Rule = {
  meta: {
    id: 'value-blank',
    defaultSeverity: 'warning',
    description: { ko: '값이 들어갈 칸이 비어 있습니다', en: 'A cell where a figure belongs is empty' },
    docs: {
      ko: '성과목표·소요예산과 공통 일자리 목표의 모든 값 칸이 비어 있으면 경고합니다(문서에서는 없음을 "-"로 씁니다). 합계 검사에서는 0으로 셉니다. 계산값이 저장되지 않은 수식도 빈 칸이며 따로 알리고, "…"(자료 없음)도 경고합니다.',
      en: 'Warns about every empty 성과목표, 소요예산 or 공통 일자리 목표 cell (documents write "-" for none). Sums count it as 0. A formula with no cached value is blank too and says so; "…" (not available) is warned about as well.',
    },
    messages: {
      blank: {
        ko: '{{what}}: 빈 칸 (없음이면 "-"로 입력; 합계 검사에서는 0으로 셈)',
        en: '{{what}}: empty cell (write "-" for none; counted as 0 in sums)',
      },
      formulaNoValue: {
        ko: '{{what}}: 수식 ={{formula}}의 계산값이 저장되어 있지 않아 빈 칸으로 읽음 (Excel에서 다시 계산해 저장하세요)',
        en: '{{what}}: formula ={{formula}} has no saved value and reads as empty (recalculate and save in Excel)',
      },
      notAvailable: {
        ko: '{{what}}: "{{raw}}" — 자료 없음 (합계 검사에서는 0으로 셈)',
        en: '{{what}}: "{{raw}}" — not available (counted as 0 in sums)',
      },
    },
  },
  check(ctx) {
    reportFigures(ctx, (f) => {
      if (f.state === 'na') return 'notAvailable';
      if (f.state !== 'blank') return null;
      // A formula whose saved result is "" has a value (empty text); only a missing result is 'no value'.
      return f.formula && f.raw === null ? 'formulaNoValue' : 'blank';
    });
  },
};
