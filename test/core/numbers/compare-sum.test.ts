/**
 * compareSum in one pass over the parts gives what the plain formulation (kept here as the reference)
 * gives, bit for bit: verdict, sum, difference and tolerance, for ordinary, rounded, huge and
 * non-finite figures.
 */
import { compareSum, type RoundedPart, type SumComparison } from '../../../src/core/numbers/interval';

const clean = (x: number) => (!(Math.abs(x) < 1e15) ? x : Math.round(x * 1e9) / 1e9);

function reference(total: RoundedPart, parts: RoundedPart[]): SumComparison {
  const values = [total.value, ...parts.map((p) => p.value)];
  const tolerance = clean(total.half + parts.reduce((s, p) => s + p.half, 0));
  if (!values.every(Number.isFinite)) {
    const sum = parts.reduce((s, p) => s + p.value, 0);
    const difference = total.value - sum;
    return { verdict: 'mismatch', sum, difference: Number.isNaN(difference) ? Infinity : difference, tolerance };
  }
  const max = Math.max(...values.map(Math.abs));
  const k = max * (parts.length + 1) < Number.MAX_VALUE / 4 ? 1 : 2 ** -64;
  const scaledSum = parts.reduce((s, p) => s + p.value * k, 0);
  const scaledDifference = total.value * k - scaledSum;
  const noise = 1e-9 + (parts.length + 1) * (max * Number.EPSILON);
  const d = Math.abs(scaledDifference) / k;
  const verdict = d <= noise ? 'equal' : d <= tolerance + noise ? 'rounding' : 'mismatch';
  return { verdict, sum: clean(scaledSum / k), difference: clean(scaledDifference / k), tolerance };
}

let seed = 7;
const rnd = () => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed / 2 ** 31;
};
const SPECIAL = [0, -0, 0.1, 0.2, 0.3, 1e308, -1e308, 1e15, Infinity, -Infinity, NaN];
const value = () => (rnd() < 0.1 ? SPECIAL[Math.floor(rnd() * SPECIAL.length)] : Math.round((rnd() - 0.3) * 10 ** Math.floor(rnd() * 8) * 100) / 100);
const part = (): RoundedPart => ({ value: value(), half: [0.5, 0.05, 0.005, 50][Math.floor(rnd() * 4)] });

describe('compareSum', () => {
  it('agrees with the reference on 20,000 random sums', () => {
    for (let i = 0; i < 20000; i++) {
      const parts = Array.from({ length: Math.floor(rnd() * 12) }, part);
      const exactTotal = parts.reduce((s, p) => s + p.value, 0);
      const total: RoundedPart = { value: rnd() < 0.5 ? exactTotal + [0, 1, -0.5, 0.01][Math.floor(rnd() * 4)] : value(), half: 0.5 };
      expect(compareSum(total, parts)).toEqual(reference(total, parts));
    }
  });

  it('keeps its verdicts on known cases', () => {
    const p = (value: number, half = 0.5) => ({ value, half });
    expect(compareSum(p(3), [p(1), p(2)]).verdict).toBe('equal');
    expect(compareSum(p(4), [p(1), p(2)])).toEqual({ verdict: 'rounding', sum: 3, difference: 1, tolerance: 1.5 });
    expect(compareSum(p(10), [p(1), p(2)]).verdict).toBe('mismatch');
    expect(compareSum(p(0.3, 0.05), [p(0.1, 0.05), p(0.2, 0.05)]).verdict).toBe('equal');
    expect(compareSum(p(1e308), [p(1e308), p(1e308)]).verdict).toBe('mismatch');
    expect(compareSum(p(Infinity), [p(1)]).verdict).toBe('mismatch');
    expect(compareSum(p(NaN), [p(1)]).difference).toBe(Infinity);
  });
});
