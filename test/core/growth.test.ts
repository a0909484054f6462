import {
  assessRequiredChange,
  cagr,
  change,
  changeInterval,
  roundHalfUp,
  targetPath,
  yearSteps,
} from '../../src/core/growth';
import type { IndicatorKind } from '../../src/core/model/draft';

/** Seed 000 (인천 서구, 민선 8기): base 2022 → last plan year 2026. */
const SEED = {
  rate: { base: 68.6, final: 70.6, required: 2 },
  counts: [
    { name: '취업자 수', base: 302000, final: 332200 },
    { name: '상용근로자 수', base: 191000, final: 210100 },
    { name: '고용보험 피보험자수', base: 135000, final: 148500 },
  ],
  requiredCount: 10,
};

describe('roundHalfUp', () => {
  it.each<[number, number, number]>([
    [2.675, 2, 2.68], // binary 2.67499999… must still round up
    [1.005, 2, 1.01],
    [-1.5, 0, -2], // half away from zero
    [1.5, 0, 2],
    [2.5, 0, 3],
    [-2.675, 2, -2.68],
    [1.4999, 0, 1],
    [69.1, 1, 69.1],
    [68.6 + 0.5, 1, 69.1],
    [1234.5, -1, 1230],
    [1235, -1, 1240],
    [309282.33410350245, 0, 309282],
    [0.000001, 3, 0],
    [1e-7, 8, 1e-7],
    [2.0000000000000284, 1, 2],
    [1.0049999999999999, 2, 1.01], // arithmetic noise around a half is treated as the half
  ])('roundHalfUp(%p, %p) = %p', (x, d, expected) => {
    expect(roundHalfUp(x, d)).toBe(expected);
  });

  it('returns +0, never -0', () => {
    expect(Object.is(roundHalfUp(-0.04, 1), 0)).toBe(true);
    expect(Object.is(roundHalfUp(-0, 2), 0)).toBe(true);
  });

  it('passes non-finite values through and rejects non-integer decimals', () => {
    expect(roundHalfUp(Number.NaN, 1)).toBeNaN();
    expect(roundHalfUp(Infinity, 1)).toBe(Infinity);
    expect(() => roundHalfUp(1.23, 1.5)).toThrow(RangeError);
  });
});

describe('change', () => {
  it.each<[IndicatorKind, number | null, number | null, number | null]>([
    ['rate', SEED.rate.base, SEED.rate.final, 2],
    ['rate', 68.6, 70.5, 1.9],
    ['rate', 70.6, 68.6, -2],
    ['rate', 0, 5.5, 5.5], // a rate base of 0 is still a valid %p difference
    ['count', 302000, 332200, 10],
    ['count', 191000, 210100, 10],
    ['count', 135000, 148500, 10],
    ['count', 200, 150, -25],
    ['count', 100, 100, 0],
    ['count', 0, 100, null], // base 0: no % change
    ['count', null, 100, null],
    ['rate', 68.6, null, null],
    ['rate', Number.NaN, 70, null],
  ])('%s %p → %p is %p', (kind, base, target, expected) => {
    const c = change(kind, base, target);
    if (expected === null) {
      expect(c).toBeNull();
    } else {
      expect(c).not.toBeNull();
      expect(Math.abs((c as number) - expected)).toBeLessThan(1e-9);
    }
  });

  it('removes float noise so seed changes are exact', () => {
    expect((332200 / 302000 - 1) * 100).not.toBe(10); // the raw formula is noisy …
    expect(change('count', 302000, 332200)).toBe(10); // … the computed change is not
    expect(change('count', 191000, 210100)).toBe(10);
    expect(70.5 - 68.6).not.toBe(1.9);
    expect(change('rate', 68.6, 70.5)).toBe(1.9);
    expect(change('rate', 68.6, 70.6)).toBe(2);
  });
});

describe('changeInterval', () => {
  it.each<[IndicatorKind, number, number, number, number, number]>([
    // rates: 68.6 and 70.6 stand for [68.55, 68.65] and [70.55, 70.65]
    ['rate', 68.6, 70.6, 1, 1.9, 2.1],
    ['rate', 68.6, 70.5, 1, 1.8, 2.0],
    ['rate', 68.6, 70.55, 1, 1.85, 2.05],
    ['rate', 68.6, 70.6, 2, 1.99, 2.01],
    ['rate', 68, 70, 0, 1, 3],
    // counts: extremes at (t − ½)/(b + ½) and (t + ½)/(b − ½)
    ['count', 302000, 332200, 0, ((332199.5 / 302000.5) - 1) * 100, ((332200.5 / 301999.5) - 1) * 100],
    ['count', 300000, 330000, -4, ((325000 / 305000) - 1) * 100, ((335000 / 295000) - 1) * 100],
  ])('%s %p → %p at %p decimals is [%p, %p]', (kind, base, target, d, low, high) => {
    const iv = changeInterval(kind, base, target, d);
    expect(iv).not.toBeNull();
    expect(iv!.low).toBeCloseTo(low, 9);
    expect(iv!.high).toBeCloseTo(high, 9);
    const c = change(kind, base, target)!;
    expect(iv!.low).toBeLessThanOrEqual(c);
    expect(iv!.high).toBeGreaterThanOrEqual(c);
  });

  it('handles a decreasing count (negative change)', () => {
    const iv = changeInterval('count', 200, 150, 0)!;
    expect(iv.low).toBeCloseTo((149.5 / 200.5 - 1) * 100, 9);
    expect(iv.high).toBeCloseTo((150.5 / 199.5 - 1) * 100, 9);
  });

  it.each<[IndicatorKind, number | null, number | null, number]>([
    ['count', 0, 100, 0], // base interval [−0.5, 0.5] crosses 0
    ['count', 0.4, 3, 0],
    ['count', 4, 30, -1], // base 4 at tens stands for [−1, 9]
    ['count', null, 100, 0],
    ['rate', 68.6, null, 1],
  ])('%s %p → %p at %p decimals is null', (kind, base, target, d) => {
    expect(changeInterval(kind, base, target, d)).toBeNull();
  });

  it('gives a rate interval even at base 0', () => {
    expect(changeInterval('rate', 0, 1, 1)).toEqual({ low: 0.9, high: 1.1 });
  });
});

describe('yearSteps', () => {
  it('gives the seed rate row 0.5 %p a year', () => {
    expect(yearSteps('rate', 68.6, [69.1, 69.6, 70.1, 70.6])).toEqual([0.5, 0.5, 0.5, 0.5]);
  });

  it('gives counts in % vs the previous year', () => {
    expect(yearSteps('count', 100, [110, 121, 121, 108.9])).toEqual([10, 10, 0, -10]);
  });

  it('makes a null target and the step after it null', () => {
    expect(yearSteps('count', 100, [110, null, 121, 133.1])).toEqual([10, null, null, 10]);
  });

  it('returns null for the first step when the base is missing', () => {
    expect(yearSteps('rate', null, [69.1, 69.6])).toEqual([null, 0.5]);
  });

  it('returns an empty list for no years', () => {
    expect(yearSteps('rate', 68.6, [])).toEqual([]);
  });
});

describe('cagr', () => {
  it.each<[number | null, number | null, number, number | null]>([
    [100, 121, 2, 10],
    [302000, 332200, 4, (1.1 ** 0.25 - 1) * 100],
    [302000, 332200, 1, 10],
    [100, 100, 3, 0],
    [100, 81, 2, -10],
    [100, 0, 2, -100],
    [0, 100, 4, null],
    [-5, 100, 4, null],
    [100, -1, 4, null],
    [100, 110, 0, null],
    [null, 110, 4, null],
    [100, null, 4, null],
  ])('cagr(%p, %p, %p) = %p', (base, final, years, expected) => {
    const g = cagr(base, final, years);
    if (expected === null) {
      expect(g).toBeNull();
    } else {
      expect(g).toBeCloseTo(expected, 9);
    }
  });

  it('is the per-year step of a geometric count path', () => {
    const g = cagr(302000, 332200, 4)!;
    expect(g).toBeCloseTo(2.411368908, 8);
  });
});

describe('targetPath', () => {
  it("reproduces the seed's rate row", () => {
    expect(targetPath('rate', 68.6, 2, 4)).toEqual([69.1, 69.6, 70.1, 70.6]);
  });

  it.each(SEED.counts)('ends a geometric $name path exactly at +10 %', ({ base, final }) => {
    const path = targetPath('count', base, SEED.requiredCount, 4);
    expect(path).toHaveLength(4);
    expect(path[3]).toBe(final);
    for (let i = 1; i < 4; i++) {
      expect(path[i - 1]).toBe(Math.round(base * 1.1 ** (i / 4)));
    }
    expect(assessRequiredChange('count', base, path[3], SEED.requiredCount, 0).status).toBe('met');
  });

  it('gives the documented geometric values for 302,000 (not the seed’s 309,550 …)', () => {
    expect(targetPath('count', 302000, 10, 4)).toEqual([309282, 316740, 324378, 332200]);
  });

  it('rounds counts to a step', () => {
    expect(targetPath('count', 302000, 10, 4, { roundTo: 10 })).toEqual([309280, 316740, 324380, 332200]);
    expect(targetPath('count', 302000, 10, 4, { roundTo: 1000 })).toEqual([309000, 317000, 324000, 333000]);
    expect(targetPath('count', 302000, 10, 4, { decimals: -2 })).toEqual([309300, 316700, 324400, 332200]);
  });

  it('rounds the last year up when the display cannot show the exact target, so it still meets the requirement', () => {
    // 68.63 + 2 = 70.63 shows as 70.7 (70.6 would be only +1.97 %p)
    const rate = targetPath('rate', 68.63, 2, 4);
    expect(rate[3]).toBe(70.7);
    expect(assessRequiredChange('rate', 68.63, rate[3], 2, 1).status).toBe('met');
    // 302,005 × 1.1 = 332,205.5 shows as 332,206
    const count = targetPath('count', 302005, 10, 4);
    expect(count[3]).toBe(332206);
    expect(assessRequiredChange('count', 302005, count[3], 10, 0).status).toBe('met');
    // a step: 332,205.5 → 332,210
    expect(targetPath('count', 302005, 10, 2, { roundTo: 10 })[1]).toBe(332210);
  });

  it('does not round the last year up because of float noise (191,000 × 1.1 = 210,100.00000000003)', () => {
    expect(targetPath('count', 191000, 10, 4)[3]).toBe(210100);
  });

  it('is a single value for one year', () => {
    expect(targetPath('rate', 68.6, 2, 1)).toEqual([70.6]);
    expect(targetPath('count', 302000, 10, 1)).toEqual([332200]);
  });

  it('honours decimals', () => {
    expect(targetPath('rate', 68.6, 2, 3, { decimals: 2 })).toEqual([69.27, 69.93, 70.6]);
    expect(targetPath('rate', 68.6, 2, 3)).toEqual([69.3, 69.9, 70.6]);
    expect(targetPath('rate', 68.6, 2, 3, { decimals: 0 })).toEqual([69, 70, 71]);
  });

  it('handles a decrease and a zero change', () => {
    expect(targetPath('rate', 5, -1, 4)).toEqual([4.8, 4.5, 4.3, 4]);
    expect(targetPath('count', 1000, -10, 2)).toEqual([949, 900]);
    expect(targetPath('count', 1000, 0, 3)).toEqual([1000, 1000, 1000]);
  });

  it('is monotone for a positive change', () => {
    const path = targetPath('count', 123457, 7.5, 6, { roundTo: 10 });
    for (let i = 1; i < path.length; i++) expect(path[i]).toBeGreaterThanOrEqual(path[i - 1]);
  });

  it.each<[string, () => unknown]>([
    ['years 0', () => targetPath('rate', 68.6, 2, 0)],
    ['fractional years', () => targetPath('rate', 68.6, 2, 2.5)],
    ['count base 0', () => targetPath('count', 0, 10, 4)],
    ['count change −100 %', () => targetPath('count', 100, -100, 4)],
    ['NaN base', () => targetPath('rate', Number.NaN, 2, 4)],
    ['roundTo 0', () => targetPath('count', 100, 10, 4, { roundTo: 0 })],
    ['fractional decimals', () => targetPath('rate', 68.6, 2, 4, { decimals: 1.5 })],
  ])('throws RangeError for %s', (_label, fn) => {
    expect(fn).toThrow(RangeError);
  });
});

describe('assessRequiredChange', () => {
  it.each<[string, IndicatorKind, number | null, number | null, number, number, 'met' | 'possibly' | 'not-met']>([
    // seed rows, all met
    ['seed 고용률', 'rate', 68.6, 70.6, 2, 1, 'met'],
    ['seed 취업자 수', 'count', 302000, 332200, 10, 0, 'met'],
    ['seed 상용근로자 수', 'count', 191000, 210100, 10, 0, 'met'],
    ['seed 피보험자수', 'count', 135000, 148500, 10, 0, 'met'],
    ['above the requirement', 'rate', 68.6, 71, 2, 1, 'met'],
    // 70.5 stands for [70.45, 70.55): the interval only touches +2 → not met
    ['68.6 → 70.5', 'rate', 68.6, 70.5, 2, 1, 'not-met'],
    ['68.6 → 70.4', 'rate', 68.6, 70.4, 2, 1, 'not-met'],
    // a target written with more digits than the display: 1.95 %p, interval [1.85, 2.05]
    ['68.6 → 70.55 at 1 decimal', 'rate', 68.6, 70.55, 2, 1, 'possibly'],
    ['68.6 → 70.59 at 1 decimal', 'rate', 68.6, 70.59, 2, 1, 'possibly'],
    // +2.05 %p required: 2.0 computed, interval [1.9, 2.1]
    ['requirement between display steps', 'rate', 68.6, 70.6, 2.05, 1, 'possibly'],
    // counts: 332,199 is 9.9997 %, but [332,198.5, 332,199.5] ÷ [301,999.5, 302,000.5] reaches 10.00002 %
    ['one short of +10 %', 'count', 302000, 332199, 10, 0, 'possibly'],
    ['far short of +10 %', 'count', 302000, 332100, 10, 0, 'not-met'],
    ['one short at tens', 'count', 302000, 332190, 10, -1, 'possibly'],
    ['decline', 'count', 302000, 300000, 10, 0, 'not-met'],
    ['negative requirement met', 'count', 1000, 950, -5, 0, 'met'],
  ])('%s: %s %p → %p vs %p (decimals %p) is %s', (_label, kind, base, final, required, d, status) => {
    const a = assessRequiredChange(kind, base, final, required, d);
    expect(a.status).toBe(status);
    expect(a.change).toEqual(change(kind, base, final));
    expect(a.interval).toEqual(changeInterval(kind, base, final, d));
  });

  it('returns the change and its interval', () => {
    const a = assessRequiredChange('rate', 68.6, 70.5, 2, 1);
    expect(a).toEqual({ status: 'not-met', change: 1.9, interval: { low: 1.8, high: 2 } });
  });

  it('tolerates float noise around the requirement but not a real shortfall', () => {
    // a requirement given as a computed value with noise still counts as met
    expect(assessRequiredChange('rate', 68.6, 70.6, 70.6 - 68.6, 1).status).toBe('met');
    expect(assessRequiredChange('rate', 68.6, 70.6, 2 + 1e-12, 1).status).toBe('met');
    expect(assessRequiredChange('rate', 68.6, 70.6, 2.0001, 4).status).toBe('not-met');
  });

  it.each<[string, IndicatorKind, number | null, number | null]>([
    ['count base 0', 'count', 0, 100],
    ['missing target', 'rate', 68.6, null],
    ['missing base', 'count', null, 332200],
  ])('is not-met with change null when not computable: %s', (_label, kind, base, final) => {
    expect(assessRequiredChange(kind, base, final, 2, 0)).toEqual({ status: 'not-met', change: null, interval: null });
  });
});
