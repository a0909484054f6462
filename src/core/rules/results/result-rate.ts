/** 성과: a stated 달성률 equals 실적 ÷ 목표 × 100, judged with the rounding intervals of all three figures. */
import { figureTextWords, quantityWords } from '../words';
import { halfUnit, overlaps } from '../../numbers/interval';
import { itemPath, num } from '../../results/link';
import type { Rule } from '../types';

export const resultRate: Rule = {
  meta: {
    id: 'result-rate',
    defaultSeverity: 'error',
    description: { ko: '달성률은 실적 ÷ 목표 × 100이어야 합니다', en: 'A stated 달성률 must equal 실적 ÷ 목표 × 100' },
    docs: {
      ko: '성과 시트에서 달성률이 적힌 행마다 실적 ÷ 목표 × 100을 계산해 비교합니다. 세 값 모두 반올림된 값이므로 구간으로 판단합니다: 실적·목표의 구간에서 나올 수 있는 달성률 범위가 적힌 달성률의 구간과 겹치면 맞는 것으로 봅니다(백분율 서식 셀의 0.983 = 98.3%도 인정). 겹치지 않으면 오류입니다. 목표가 없거나 0이어서 계산할 수 없으면 정보로 알립니다.',
      en: 'On every 성과 row that states a 달성률, computes 실적 ÷ 목표 × 100. All three figures are rounded, so intervals decide: if the range of rates the 실적 and 목표 intervals allow overlaps the stated rate\'s interval, it agrees (a percent-formatted cell holding 0.983 for 98.3% is accepted too). Otherwise: error. When the rate cannot be computed (no 목표, or 목표 0), an info says so.',
    },
    messages: {
      mismatch: {
        ko: '{{what}}: 달성률 {{actual}}% ({{cell}}) ≠ 실적 {{result}} ({{resultCell}}) ÷ 목표 {{target}} ({{targetCell}}) × 100 = {{expected}}% (반올림 허용 ±{{tolerance}})',
        en: '{{what}}: achievement rate {{actual}}% ({{cell}}) ≠ actual {{result}} ({{resultCell}}) ÷ target {{target}} ({{targetCell}}) × 100 = {{expected}}% (rounding tolerance ±{{tolerance}})',
      },
      noBasis: {
        ko: '{{what}}: 달성률 {{actual}}% ({{cell}})가 적혀 있지만 {{missing}} 계산할 수 없습니다',
        en: '{{what}}: achievement rate {{actual}}% ({{cell}}) is stated but cannot be computed: {{missingEn}}',
      },
    },
  },
  check(ctx) {
    const results = ctx.plan.results;
    if (!results) return;
    for (const item of results.items) {
      const rate = item.rate;
      if (!rate || rate.value === null) continue;
      const what = `${results.sheet} · ${itemPath(results, item)}`;
      const target = item.target;
      const a = item.actual.value;
      const t = target?.value ?? null;
      if (a === null || t === null || t === 0) {
        const [missing, missingEn] =
          a === null ? [`실적(${item.actual.ref.cell})이 없어`, `no 실적 (${item.actual.ref.cell})`] : t === null ? [`목표${target ? `(${target.ref.cell})` : ''}가 없어`, `no 목표${target ? ` (${target.ref.cell})` : ''}`] : [`목표(${target!.ref.cell})가 0이라`, `목표 (${target!.ref.cell}) is 0`];
        ctx.report({
          messageId: 'noBasis',
          severity: 'info',
          at: rate.ref,
          cells: [rate.ref, item.actual.ref, ...(target ? [target.ref] : [])],
          actual: rate.value,
          data: { what, actual: num(rate.value), cell: rate.ref.cell, missing, missingEn },
        });
        continue;
      }
      const ha = halfUnit(item.actual.decimals);
      const ht = halfUnit(target!.decimals);
      const hr = halfUnit(rate.decimals);
      const point = (a / t) * 100;
      const low = (Math.max(0, a - ha) / (t + ht)) * 100;
      const high = t - ht > 0 ? ((a + ha) / (t - ht)) * 100 : Number.POSITIVE_INFINITY;
      const computed = { low: Math.min(low, point), high: Math.max(high, point) };
      if (overlaps(computed, { low: rate.value - hr, high: rate.value + hr })) continue;
      // A percent-formatted cell stores the fraction (0.983 shown as 98.3%). A whole number read so is
      // exact (1 = 100%): with its half unit of 0.5, 0 would pass for any rate below 50% and 1 for 50–150%.
      const hf = rate.decimals === 0 ? 0.005 : hr;
      if (overlaps(computed, { low: (rate.value - hf) * 100, high: (rate.value + hf) * 100 })) continue;
      const expected = Math.round(point * 100) / 100;
      const tolerance = Math.round((hr + (Number.isFinite(high) ? (high - low) / 2 : 0)) * 1e4) / 1e4;
      ctx.report({
        messageId: 'mismatch',
        at: rate.ref,
        cells: [rate.ref, item.actual.ref, target!.ref],
        expected,
        actual: rate.value,
        tolerance,
        data: {
          what,
          actual: num(rate.value),
          cell: rate.ref.cell,
          result: quantityWords(figureTextWords(num(a)), item.unit),
          resultCell: item.actual.ref.cell,
          target: quantityWords(figureTextWords(num(t)), item.unit),
          targetCell: target!.ref.cell,
          expected: num(expected),
          tolerance: num(Math.round(tolerance * 100) / 100),
        },
      });
    }
  },
};
