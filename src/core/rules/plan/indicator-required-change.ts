/** 공통 일자리 목표: the last year's change vs the base must reach the plan's required change. */
import { figureWords, signedWords } from '../words';
import { assessRequiredChange } from '../../growth';
import { halfUnit } from '../../numbers/interval';
import { indicatorFacts, tidy } from '../indicators';
import { fmt } from '../sums';
import type { Rule } from '../types';

/** x rounded up to `decimals` places, float noise dropped first (302,000 × 1.1 = 332,200.00000000006 stays 332,200). */
function ceilTo(x: number, decimals: number): number {
  const d = Math.min(Math.max(decimals, 0), 10);
  const scaled = Number((x * 10 ** d).toPrecision(12));
  return tidy(Math.ceil(scaled) / 10 ** d, d);
}

/**
 * A change below the requirement, shown with 2 decimals or as many more as it takes to stay below it: a
 * count change of 9.9997 % is not "10 %, below the required +10 %".
 */
function changeBelow(change: number, required: number): number {
  let places = 2;
  while (places < 6 && tidy(change, places) >= required) places++; // messages show 6 places at most (fmt)
  return tidy(change, places);
}

export const indicatorRequiredChange: Rule = {
  meta: {
    id: 'indicator-required-change',
    defaultSeverity: 'error',
    description: { ko: '마지막 연도 목표는 요구 증감을 달성해야 합니다', en: "The last year's target must reach the required change" },
    docs: {
      ko: '공통 일자리 목표의 각 지표에서 마지막 계획연도 목표의 기준연도 대비 증감(률 지표는 %p = 목표 − 기준, 수 지표는 % = 목표 ÷ 기준 − 1)을 계획의 요구 증감(개요 시트 설정, 기본 +2%p·+10%)과 비교합니다. 못 미치면 오류, 표시된 자릿수의 반올림으로 달성될 수도 있으면 경고입니다(기준과 목표는 각자 보이는 자릿수로 반올림된 값이며, 소수 없이 보이는 값은 옆 값의 자릿수로 봅니다). 수 지표의 기준값이 0(\"-\")이면 증감률을 계산할 수 없으므로 판단할 수 없다고 경고합니다. 기대값은 요구 증감을 달성하는 최소 목표입니다.',
      en: "For each 공통 일자리 목표 indicator, compares the change of the last plan year's target vs the base year (rates: %p = target − base; counts: % = target ÷ base − 1) with the plan's required change (overview settings; default +2%p, +10%). Below it is an error; when rounding of the shown figures could still reach it, a warning (base and target each rounded to the places they show; a figure shown without decimals beside one with them takes the other's places). A count whose base is 0 (\"-\") has no % change: a warning says the requirement cannot be judged. The expected value is the smallest target that reaches the required change.",
    },
    messages: {
      notMet: {
        ko: '{{indicator}}: {{lastYear}}년 목표 {{final}} — 기준({{baseYear}}년) {{base}} 대비 {{change}}{{unit}}, 요구 증감 {{required}}{{unit}}에 못 미침 (필요 목표 {{needed}} 이상)',
        en: '{{indicator}}: {{lastYear}} target {{final}} — {{change}}{{unit}} vs base ({{baseYear}}) {{base}}, below the required {{required}}{{unit}} (needs {{needed}} or more)',
      },
      zeroBase: {
        ko: '{{indicator}}: 기준({{baseYear}}년) 값이 0(-)이라 증감률을 계산할 수 없어 요구 증감 {{required}}{{unit}} 달성 여부를 판단할 수 없습니다',
        en: '{{indicator}}: the base ({{baseYear}}) is 0 (-), so no % change can be computed and the required {{required}}{{unit}} cannot be judged',
      },
      possibly: {
        ko: '{{indicator}}: {{lastYear}}년 목표 {{final}} — 기준({{baseYear}}년) {{base}} 대비 {{change}}{{unit}}, 요구 증감 {{required}}{{unit}}보다 작지만 반올림 차이 가능 (필요 목표 {{needed}})',
        en: '{{indicator}}: {{lastYear}} target {{final}} — {{change}}{{unit}} vs base ({{baseYear}}) {{base}}, below the required {{required}}{{unit}} but possibly a rounding difference (needs {{needed}})',
      },
    },
  },
  check(ctx) {
    // A one-year plan (a 연차별 세부계획 or results report) is held to its own stated change only, not the term's.
    if (ctx.plan.period.years === 1) return;
    for (const ind of ctx.plan.indicators) {
      const f = indicatorFacts(ctx.plan, ind);
      if (!f.final || f.final.value === null || ind.base.value === null) continue;
      const a = assessRequiredChange(ind.kind, ind.base.value, f.final.value, f.required, f.baseDecimals, f.finalDecimals);
      if (a.status === 'met') continue;
      if (a.change === null) {
        // A count from a base of 0 ("-") has no % change: the requirement cannot be judged, which is worth saying.
        if (ind.kind === 'count' && ind.base.value === 0) {
          ctx.report({
            messageId: 'zeroBase',
            severity: 'warning',
            at: ind.base.ref,
            cells: [ind.base.ref, f.final.ref],
            actual: 0,
            data: { indicator: ind.name, baseYear: f.baseYear, required: signedWords(f.required), unit: f.unit },
          });
        }
        continue;
      }
      const factor = ind.kind === 'rate' ? 1 : 1 + f.required / 100;
      // The smallest target the table can show (the target's places) that reaches the change: 332,201.1 명 is not a target.
      const needed = ceilTo(ind.kind === 'rate' ? ind.base.value + f.required : ind.base.value * factor, f.finalDecimals);
      // The interval of the change, in target terms: the target's half unit plus the base's (scaled for counts).
      const tolerance = tidy(halfUnit(f.finalDecimals) + halfUnit(f.baseDecimals) * factor);
      ctx.report({
        messageId: a.status === 'possibly' ? 'possibly' : 'notMet',
        severity: a.status === 'possibly' ? 'warning' : 'error',
        at: f.final.ref,
        cells: [f.final.ref, ind.base.ref],
        expected: needed,
        actual: f.final.value,
        tolerance,
        data: {
          indicator: ind.name,
          lastYear: f.lastYear,
          baseYear: f.baseYear,
          final: figureWords(f.final.value),
          base: figureWords(ind.base.value),
          change: figureWords(changeBelow(a.change, f.required)),
          unit: f.unit,
          required: signedWords(f.required),
          needed: figureWords(needed),
        },
      });
    }
  },
};
