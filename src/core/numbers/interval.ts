/**
 * Interval arithmetic for rounded figures (XBRL Calculations 1.1, round-to-nearest): a figure v shown
 * with d decimals stands for [v − h, v + h] with h = ½·10^−d. A total is consistent with its parts when
 * its interval overlaps the interval of their sum. Every comparison goes through here: no raw float ===.
 */

export interface Interval {
  low: number;
  high: number;
}

export function halfUnit(decimals: number, scale = 1): number {
  return (0.5 * scale) / 10 ** decimals;
}

export interface RoundedPart {
  value: number;
  /** Half-width of the rounding interval, in the unit the sum is taken in. */
  half: number;
}

export type SumVerdict = 'equal' | 'rounding' | 'mismatch';

export interface SumComparison {
  verdict: SumVerdict;
  /** Σ parts. */
  sum: number;
  /** total − Σ parts. */
  difference: number;
  /** Largest |total − Σ parts| that rounding can explain: Σ half-widths of parts and total. */
  tolerance: number;
}

// Binary floats make 0.1 + 0.2 !== 0.3; differences below this are treated as none.
const NOISE = 1e-9;

/**
 * Figures at or beyond this size are not plausible in a plan (the largest budgets are ~10^7 백만원)
 * and are past what a double holds to the unit (2^53 ≈ 9·10^15): the value-implausible rule reports
 * them, and sums involving them are computed without overflow (see compareSum).
 */
export const PLAUSIBLE_LIMIT = 1e15;

/** Rounds away binary noise below 10^-9; large or non-finite figures are returned as they are (x·10^9 would overflow). */
export function clean(x: number): number {
  if (!(Math.abs(x) < PLAUSIBLE_LIMIT)) return x;
  return Math.round(x * 1e9) / 1e9;
}

/** Scale that keeps a sum of `n` values of magnitude up to `max` finite: a power of two, so scaling is exact. */
function safeScale(max: number, n: number): number {
  return max * (n + 1) < Number.MAX_VALUE / 4 ? 1 : 2 ** -64;
}

/**
 * Compares a stated total with its parts. For a whole-unit total of n whole-unit parts the tolerance
 * is (n + 1) / 2, as in domain.md.
 *
 * No verdict can come from overflow or lost precision: the arithmetic is done on values scaled by a
 * power of two when they could overflow, the noise allowed is the float error of the sum (not a share
 * of its size), and a non-finite figure is never 'equal' to anything.
 */
export function compareSum(total: RoundedPart, parts: RoundedPart[]): SumComparison {
  const n = parts.length;
  const values = new Float64Array(n);
  const halves = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    values[i] = parts[i].value;
    halves[i] = parts[i].half;
  }
  return compareSumOf(total.value, total.half, values, halves, n);
}

/**
 * compareSum over the first `n` entries of parallel lists of the parts' values and half-widths, so a
 * caller that checks thousands of sums can fill the same two lists each time instead of making objects.
 */
export function compareSumOf(totalValue: number, totalHalf: number, values: ArrayLike<number>, halves: ArrayLike<number>, n: number): SumComparison {
  compare(totalValue, totalHalf, values, halves, n);
  return { verdict: last.verdict, sum: last.sum, difference: last.difference, tolerance: last.tolerance };
}

/** compareSumOf's verdict alone (nothing made: most sums of a plan are equal and need no figures). */
export function sumVerdictOf(totalValue: number, totalHalf: number, values: ArrayLike<number>, halves: ArrayLike<number>, n: number): SumVerdict {
  return compare(totalValue, totalHalf, values, halves, n).verdict;
}

/** The result of the last comparison (compare writes it here rather than making an object). */
const last: SumComparison = { verdict: 'equal', sum: 0, difference: 0, tolerance: 0 };

function compare(totalValue: number, totalHalf: number, values: ArrayLike<number>, halves: ArrayLike<number>, n: number): SumComparison {
  // One pass over the parts (this runs for every total of a plan): half-widths, finiteness, largest size.
  let halfSum = 0;
  let finite = Number.isFinite(totalValue);
  let max = Math.abs(totalValue);
  for (let i = 0; i < n; i++) {
    halfSum += halves[i];
    const v = values[i];
    if (!Number.isFinite(v)) finite = false;
    else if (Math.abs(v) > max) max = Math.abs(v);
  }
  const tolerance = clean(totalHalf + halfSum);
  last.tolerance = tolerance;
  if (!finite) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[i];
    const difference = totalValue - sum;
    last.verdict = 'mismatch';
    last.sum = sum;
    last.difference = Number.isNaN(difference) ? Infinity : difference;
    return last;
  }
  const k = safeScale(max, n);
  let scaledSum = 0;
  for (let i = 0; i < n; i++) scaledSum += values[i] * k;
  const scaledDifference = totalValue * k - scaledSum;
  // Worst float error of n additions of values up to max: (n + 1)·max·ε; plus the decimal noise.
  const noise = NOISE + (n + 1) * (max * Number.EPSILON);
  const d = Math.abs(scaledDifference) / k;
  last.verdict = d <= noise ? 'equal' : d <= tolerance + noise ? 'rounding' : 'mismatch';
  // Reported figures: the sum may be beyond a double (n parts of 1e308); it is then ±Infinity, never NaN.
  last.sum = clean(scaledSum / k);
  last.difference = clean(scaledDifference / k);
  return last;
}

export function intervalOf(value: number, half: number): Interval {
  return { low: value - half, high: value + half };
}

export function overlaps(a: Interval, b: Interval): boolean {
  return a.low <= b.high + NOISE && b.low <= a.high + NOISE;
}

/** Approximate equality for two figures already on the same scale. */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= NOISE * Math.max(1, Math.abs(a), Math.abs(b));
}
