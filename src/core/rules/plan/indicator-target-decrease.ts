/** 공통 일자리 목표: a yearly target lower than the year before (the first year vs the base). */
import { nearlyEqual } from '../../numbers/interval';
import { fmt } from '../sums';
import type { Rule } from '../types';
import { yearLabel } from '../walk';
import { bi, figureWords, type Words } from '../words';

export const indicatorTargetDecrease: Rule = {
  meta: {
    id: 'indicator-target-decrease',
    defaultSeverity: 'warning',
    description: { ko: '연도별 목표가 전년보다 낮아지지 않아야 합니다', en: 'A yearly target should not be lower than the year before' },
    docs: {
      ko: '공통 일자리 목표의 각 연도 목표를 직전 연도(첫 해는 기준연도)와 비교해 낮으면 경고합니다. 빈 칸은 건너뜁니다(value-blank 참고).',
      en: 'Compares each yearly 공통 일자리 목표 target with the year before (the first year with the base year) and warns when it is lower. Blank cells are skipped (see value-blank).',
    },
    messages: {
      decrease: {
        ko: '{{indicator}}: {{year}} 목표 {{value}} — {{previousLabel}} {{previous}}보다 낮음',
        en: '{{indicator}}: {{year}} target {{value}} is lower than {{previousLabel}} {{previous}}',
      },
    },
  },
  check(ctx) {
    const { plan } = ctx;
    for (const ind of plan.indicators) {
      let previous = ind.base;
      let previousLabel: Words = bi(`기준(${plan.period.startYear - 1}년)`, `the base (${plan.period.startYear - 1})`);
      ind.targets.forEach((t, i) => {
        if (t.value !== null && previous.value !== null && t.value < previous.value && !nearlyEqual(t.value, previous.value)) {
          ctx.report({
            messageId: 'decrease',
            at: t.ref,
            cells: [t.ref, previous.ref],
            expected: previous.value,
            actual: t.value,
            data: { indicator: ind.name, year: yearLabel(plan, i), value: figureWords(t.value), previousLabel, previous: figureWords(previous.value) },
          });
        }
        previous = t;
        previousLabel = yearLabel(plan, i);
      });
    }
  },
};
