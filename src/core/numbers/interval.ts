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

export function clean(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}

/**
 * Compares a stated total with its parts. For a whole-unit total of n whole-unit parts the tolerance
 * is (n + 1) / 2, as in domain.md.
 */
export function compareSum(total: RoundedPart, parts: RoundedPart[]): SumComparison {
  const sum = clean(parts.reduce((s, p) => s + p.value, 0));
  const difference = clean(total.value - sum);
  const tolerance = clean(total.half + parts.reduce((s, p) => s + p.half, 0));
  const verdict: SumVerdict =
    Math.abs(difference) <= NOISE * Math.max(1, Math.abs(sum)) ? 'equal' : Math.abs(difference) <= tolerance + NOISE ? 'rounding' : 'mismatch';
  return { verdict, sum, difference, tolerance };
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
