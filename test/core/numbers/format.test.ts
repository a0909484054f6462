import { formatGrouped, groupedFormat } from '../../../src/core/numbers/format';

// The reference is Intl itself: our hand-written formatter must write every figure exactly as
// new Intl.NumberFormat('en-US', { minimumFractionDigits, maximumFractionDigits }) does.
const intl = (v: number, min: number, max: number) => new Intl.NumberFormat('en-US', { minimumFractionDigits: min, maximumFractionDigits: max }).format(v);
const DIGITS: [number, number][] = [
  [0, 0],
  [0, 1],
  [0, 2],
  [1, 1],
  [1, 2],
  [2, 2],
  [0, 6],
  [3, 6],
];

describe('groupedFormat', () => {
  it('writes the figures of plans as Intl does', () => {
    expect(groupedFormat(0, 2).format(1234567.891)).toBe('1,234,567.89');
    expect(groupedFormat(0, 0).format(4193)).toBe('4,193');
    expect(groupedFormat(1, 1).format(2)).toBe('2.0');
    expect(groupedFormat(0, 1).format(-0.04)).toBe('-0');
  });

  it('rounds the shortest decimal half away from zero (1.005 → 1.01, unlike toFixed)', () => {
    expect((1.005).toFixed(2)).toBe('1.00');
    expect(formatGrouped(1.005, 0, 2)).toBe(intl(1.005, 0, 2));
    expect(formatGrouped(1.005, 0, 2)).toBe('1.01');
    expect(formatGrouped(999.96, 0, 1)).toBe('1,000');
    expect(formatGrouped(9.999, 2, 2)).toBe('10.00');
  });

  const edge = [0, -0, 0.5, 1.5, 2.5, -2.5, 0.05, 0.005, 0.0005, 5e-7, 4.9e-7, 1e-7, 1.25e-10, 999.5, 999.95, 9999999.5, 1e15, 123456789012345.6, 2 ** 53, 2 ** 53 + 2, 1e21, 1.5e21, 1e300, -1e-300, Number.MAX_VALUE, Number.MIN_VALUE, NaN, Infinity, -Infinity, 0.1 + 0.2, 1 / 3, 2 / 3, -1234.5678];
  it.each(DIGITS)('agrees with Intl on edge values (fraction digits %i–%i)', (min, max) => {
    for (const v of edge) expect([v, formatGrouped(v, min, max)]).toEqual([v, intl(v, min, max)]);
  });

  it('agrees with Intl on 20,000 random figures of every size', () => {
    let seed = 12345;
    const rnd = () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const differ: string[] = [];
    for (let i = 0; i < 20000; i++) {
      const scale = 10 ** Math.floor(rnd() * 24 - 10);
      // Decimal figures typed with a few digits (the usual) and arbitrary doubles.
      const v = i % 2 ? Math.round(rnd() * 100000) / 10 ** Math.floor(rnd() * 5) : (rnd() - 0.3) * scale;
      const [min, max] = DIGITS[i % DIGITS.length];
      const ours = formatGrouped(v, min, max);
      const theirs = intl(v, min, max);
      if (ours !== theirs) differ.push(`${v} ${min}-${max}: ${ours} ≠ ${theirs}`);
    }
    expect(differ).toEqual([]);
  });
});
