/** 공통 일자리 목표: the stated change column must agree with the change computed from base and last target. */
import { figureWords } from '../words';
import { changeInterval } from '../../growth';
import { halfUnit, intervalOf, overlaps } from '../../numbers/interval';
import { indicatorFacts, tidy } from '../indicators';
import { fmt } from '../sums';
import type { Rule } from '../types';

export const indicatorStatedChange: Rule = {
  meta: {
    id: 'indicator-stated-change',
    defaultSeverity: 'error',
    description: { ko: '증감 열은 기준 대비 마지막 연도 목표의 증감과 일치해야 합니다', en: 'The change column must agree with the computed change' },
    docs: {
      ko: '공통 일자리 목표의 증감 열(률 지표 %p, 수 지표 %)을 기준연도 값과 마지막 계획연도 목표로 계산한 증감과 비교합니다. 양쪽 모두 반올림된 값이므로 구간으로 판단합니다: 기재값 ± 반 단위와 계산 증감의 구간(기준·목표의 반올림 범위)이 겹치지 않을 때만 오류입니다. 기준과 목표는 각자 보이는 자릿수로 반올림된 값입니다(68.6은 68.55~68.65, 70.63은 70.625~70.635). 소수 없이 보이는 값은 옆 값의 자릿수로 봅니다(일반 서식은 70.0을 70으로 보이므로).',
      en: "Compares the 공통 일자리 목표 change column (%p for rates, % for counts) with the change computed from the base-year value and the last plan year's target. Both are rounded, so intervals decide: an error only when the stated value ± half its unit does not overlap the computed change's interval (from the rounding of base and target). Base and target are each rounded to the places they show (68.6 is 68.55–68.65, 70.63 is 70.625–70.635); a figure shown without decimals beside one with them takes the other's places (a General cell shows 70.0 as 70).",
    },
    messages: {
      mismatch: {
        ko: '{{indicator}} 증감: 기재 {{stated}}{{unit}} ≠ 계산 {{computed}}{{unit}} ({{baseYear}}년 {{base}} → {{lastYear}}년 {{final}}, 반올림 범위 {{low}}~{{high}}{{unit}})',
        en: '{{indicator}} change: stated {{stated}}{{unit}} ≠ computed {{computed}}{{unit}} ({{baseYear}} {{base}} → {{lastYear}} {{final}}, rounding range {{low}}–{{high}}{{unit}})',
      },
    },
  },
  check(ctx) {
    for (const ind of ctx.plan.indicators) {
      const f = indicatorFacts(ctx.plan, ind);
      const stated = ind.statedChange;
      if (!stated || stated.value === null || !f.final || f.final.value === null || ind.base.value === null) continue;
      const computed = changeInterval(ind.kind, ind.base.value, f.final.value, f.baseDecimals, f.finalDecimals);
      if (computed === null) continue;
      const half = halfUnit(stated.decimals);
      if (overlaps(intervalOf(stated.value, half), computed)) continue;
      const exact = ind.kind === 'rate' ? f.final.value - ind.base.value : (f.final.value / ind.base.value - 1) * 100;
      ctx.report({
        messageId: 'mismatch',
        at: stated.ref,
        cells: [stated.ref, ind.base.ref, f.final.ref],
        expected: tidy(exact),
        actual: stated.value,
        tolerance: tidy(half + (computed.high - computed.low) / 2),
        data: {
          indicator: ind.name,
          stated: figureWords(stated.value),
          computed: figureWords(tidy(exact, 2)),
          unit: f.unit,
          baseYear: f.baseYear,
          lastYear: f.lastYear,
          base: figureWords(ind.base.value),
          final: figureWords(f.final.value),
          low: figureWords(tidy(computed.low, 4)),
          high: figureWords(tidy(computed.high, 4)),
        },
      });
    }
  },
};
