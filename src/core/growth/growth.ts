/**
 * Growth maths for 공통 일자리 목표: the change of an indicator vs the base year, its interval when the
 * figures are rounded, yearly target paths that meet a required change, and the judgement of a stated target.
 *
 * Rates (고용률 …) change in %p: target − base. Counts (취업자 수 …) change in %: (target ÷ base − 1) × 100.
 * Pure functions only: no I/O, no Office.js, no DOM.
 */
import type { IndicatorKind } from '../model/draft';

export interface Interval {
  low: number;
  high: number;
}

export type AssessmentStatus = 'met' | 'possibly' | 'not-met';

export interface Assessment {
  status: AssessmentStatus;
  change: number | null;
  interval: Interval | null;
}

export interface TargetPathOptions {
  /** Decimal places of each target; rates default 1, counts default 0. Negative values round to tens, hundreds, … */
  decimals?: number;
  /** Round to a multiple of this step (e.g. 10 for counts) instead of to `decimals`. */
  roundTo?: number;
}

/** Decimals kept by computed changes: enough for any displayed figure, few enough to drop float noise (2.0000000000000284 → 2). */
const CHANGE_DECIMALS = 10;
/** Relative tolerance for "≥ required" judgements: computed changes carry float noise, so never compare with ===. */
const REL_EPS = 1e-9;

function isNum(x: number | null | undefined): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function checkDecimals(decimals: number): void {
  if (!Number.isInteger(decimals)) {
    throw new RangeError(`decimals must be an integer: ${decimals}`);
  }
}

/**
 * Moves the decimal point by `places` through the decimal text of x, so the shift is exact in decimal
 * (2.675 → 267.5) instead of the binary product 2.675 × 100 = 267.49999999999997.
 */
function shiftDecimal(x: number, places: number): number {
  const [mantissa, exponent] = x.toExponential().split('e');
  return Number(`${mantissa}e${Number(exponent) + places}`);
}

/**
 * Rounds half away from zero at `decimals` places: roundHalfUp(2.675, 2) === 2.68, roundHalfUp(-1.5, 0) === -2.
 * Works on the value's decimal text (first trimmed to 15 significant digits to drop arithmetic noise such as
 * 1.0049999999999999), so figures that look like halves are treated as halves. Negative decimals round to
 * tens, hundreds, …
 */
export function roundHalfUp(x: number, decimals: number): number {
  checkDecimals(decimals);
  if (!Number.isFinite(x) || x === 0) return x === 0 ? 0 : x;
  const abs = Number(Math.abs(x).toPrecision(15));
  // Math.round on a non-negative value is half-up; the sign is put back afterwards (half away from zero).
  const rounded = shiftDecimal(Math.round(shiftDecimal(abs, decimals)), -decimals);
  return rounded === 0 ? 0 : Math.sign(x) * rounded;
}

/** Drops float noise from a computed change. */
function clean(x: number): number {
  return roundHalfUp(x, CHANGE_DECIMALS);
}

/** a ≥ b allowing float noise; the tolerance is relative (absolute 1e-9 below magnitude 1). */
function atLeast(a: number, b: number): boolean {
  return a >= b - REL_EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/** a > b by more than float noise. */
function clearlyAbove(a: number, b: number): boolean {
  return a > b + REL_EPS * Math.max(1, Math.abs(a), Math.abs(b));
}

/**
 * Change of `target` vs `base`: rate → target − base in %p; count → (target ÷ base − 1) × 100 in %.
 * null when not computable (a null or non-finite input, or a count with base 0). Rounded to 10 decimals so
 * 68.6 → 70.6 gives exactly 2.
 */
export function change(kind: IndicatorKind, base: number | null, target: number | null): number | null {
  if (!isNum(base) || !isNum(target)) return null;
  if (kind === 'rate') return clean(target - base);
  if (base === 0) return null;
  return clean((target / base - 1) * 100);
}

/**
 * Range of the change when base and target are rounded to `decimals` places: each figure v stands for
 * [v − ½·10^−d, v + ½·10^−d] (the XBRL round-to-nearest reading). For counts whose base interval contains 0
 * the ratio is unbounded, so null. null also for null inputs.
 */
export function changeInterval(
  kind: IndicatorKind,
  base: number | null,
  target: number | null,
  decimals: number,
  /** The target's own decimal places, when they differ from the base's (`decimals`). */
  targetDecimals: number = decimals,
): Interval | null {
  checkDecimals(decimals);
  checkDecimals(targetDecimals);
  if (!isNum(base) || !isNum(target)) return null;
  const bHalf = 0.5 * 10 ** -decimals;
  const tHalf = 0.5 * 10 ** -targetDecimals;
  const bLow = base - bHalf;
  const bHigh = base + bHalf;
  const tLow = target - tHalf;
  const tHigh = target + tHalf;
  if (kind === 'rate') {
    return { low: clean(tLow - bHigh), high: clean(tHigh - bLow) };
  }
  if (bLow <= 0 && bHigh >= 0) return null;
  // t ÷ b is monotone in each variable while b keeps its sign, so the extremes sit at the corners.
  const corners = [tLow / bLow, tLow / bHigh, tHigh / bLow, tHigh / bHigh].map((r) => (r - 1) * 100);
  return { low: clean(Math.min(...corners)), high: clean(Math.max(...corners)) };
}

/**
 * Change of each plan year vs the year before (the first year vs the base). A null target makes its own step
 * and the next one null: comparing across a gap would present a two-year change as one year's.
 */
export function yearSteps(
  kind: IndicatorKind,
  base: number | null,
  targets: readonly (number | null)[],
): (number | null)[] {
  let previous = base;
  return targets.map((t) => {
    const step = change(kind, previous, t);
    previous = t;
    return step;
  });
}

/**
 * Compound annual growth rate in % from `base` to `final` over `years` years. null unless base > 0,
 * final ≥ 0 and years > 0.
 */
export function cagr(base: number | null, final: number | null, years: number): number | null {
  if (!isNum(base) || !isNum(final) || !isNum(years)) return null;
  if (base <= 0 || final < 0 || years <= 0) return null;
  return clean(((final / base) ** (1 / years) - 1) * 100);
}

/** Rounds to the display: to a multiple of `roundTo` when given, else to `decimals` places, half away from zero. */
function roundDisplay(x: number, decimals: number, roundTo: number | undefined): number {
  if (roundTo === undefined) return roundHalfUp(x, decimals);
  return Number((roundHalfUp(x / roundTo, 0) * roundTo).toPrecision(15));
}

/**
 * Rounds up to the display. Used for the final year so the displayed target still meets the required change
 * when the exact value does not fit the display (change grows with the target for rates and positive-base counts).
 * Noise is trimmed first so 302000 × 1.1 = 332200.00000000006 stays 332200 rather than going up to 332201.
 */
function ceilDisplay(x: number, decimals: number, roundTo: number | undefined): number {
  const v = Number(x.toPrecision(12));
  if (roundTo === undefined) return shiftDecimal(Math.ceil(shiftDecimal(v, decimals)), -decimals) || 0;
  const steps = Number((v / roundTo).toPrecision(12));
  return Number((Math.ceil(steps) * roundTo).toPrecision(15)) || 0;
}

/**
 * Yearly targets from `base` that reach `requiredChange` (%p for rates, % for counts) in the last of `years` years.
 * - rates: linear in %p, year i = base + required × i ÷ years;
 * - counts: geometric, year i = base × (1 + required ÷ 100)^(i ÷ years), i.e. the same % growth every year.
 *   (Plans sometimes use equal steps in 명 instead — the seed's 309,550 … rows are neither exactly; this
 *   function does not try to reproduce them.)
 * The last year is computed directly as base + required (rates) or base × (1 + required ÷ 100) (counts), so it
 * hits the required change exactly before rounding; after rounding it is the smallest displayed value that still
 * meets it (equal to the exact value whenever the display can show it, e.g. 70.6 or 332,200).
 * Other years are rounded half away from zero. Rates default to 1 decimal, counts to 0; `roundTo` rounds to a step.
 * Throws RangeError for inputs with no path (non-integer or < 1 years, non-finite figures, a count base ≤ 0,
 * a count change ≤ −100 %, a roundTo ≤ 0).
 */
export function targetPath(
  kind: IndicatorKind,
  base: number,
  requiredChange: number,
  years: number,
  options: TargetPathOptions = {},
): number[] {
  if (!Number.isInteger(years) || years < 1) throw new RangeError(`years must be an integer ≥ 1: ${years}`);
  if (!isNum(base) || !isNum(requiredChange)) throw new RangeError('base and requiredChange must be finite numbers');
  const decimals = options.decimals ?? (kind === 'rate' ? 1 : 0);
  checkDecimals(decimals);
  const { roundTo } = options;
  if (roundTo !== undefined && !(isNum(roundTo) && roundTo > 0)) {
    throw new RangeError(`roundTo must be a positive number: ${roundTo}`);
  }
  if (kind === 'count') {
    if (base <= 0) throw new RangeError(`a count path needs a positive base: ${base}`);
    if (requiredChange <= -100) throw new RangeError(`a count cannot change by ${requiredChange} %`);
  }

  const factor = 1 + requiredChange / 100;
  const path: number[] = [];
  for (let i = 1; i < years; i++) {
    const exact = kind === 'rate' ? base + (requiredChange * i) / years : base * factor ** (i / years);
    path.push(roundDisplay(exact, decimals, roundTo));
  }
  const final = kind === 'rate' ? base + requiredChange : base * factor;
  path.push(ceilDisplay(final, decimals, roundTo));
  return path;
}

/**
 * Judges a stated final target against a required change, as a reviewer should without false alarms:
 * - 'met': the change computed from the figures as written is ≥ required (within float noise);
 * - 'possibly': it is below, but the change's interval (figures rounded to `decimals`) goes beyond the
 *   requirement, so unrounded figures may meet it — a possible rounding difference, not an error;
 * - 'not-met': the interval does not get past the requirement. Merely touching it is not enough: the interval's
 *   upper end needs the target exactly half a unit above its written value, which would have been rounded up
 *   (68.6 → 70.5 for +2 %p is not met, even though 70.55 − 68.55 = 2).
 * When the change cannot be computed (null figure, count base 0) the status is 'not-met' with change null.
 */
export function assessRequiredChange(
  kind: IndicatorKind,
  base: number | null,
  finalTarget: number | null,
  required: number,
  decimals: number,
  /** The final target's own decimal places, when they differ from the base's (`decimals`). */
  targetDecimals: number = decimals,
): Assessment {
  const c = change(kind, base, finalTarget);
  const interval = changeInterval(kind, base, finalTarget, decimals, targetDecimals);
  if (c === null) return { status: 'not-met', change: null, interval };
  if (atLeast(c, required)) return { status: 'met', change: c, interval };
  if (interval !== null && clearlyAbove(interval.high, required)) return { status: 'possibly', change: c, interval };
  return { status: 'not-met', change: c, interval };
}

/**
 * The decimal places a base and a target are judged with. Each figure stands for its own rounding
 * interval (domain.md: 68.6 is [68.55, 68.65], 70.63 is [70.625, 70.635]); but a whole number beside a
 * figure with decimals takes the other's places, since a General cell or a document shows 70.0 as 70
 * (judged as 70 ± 0.5, a rate target would pass far too easily).
 */
export function judgedDecimals(baseDecimals: number, finalDecimals: number): { base: number; final: number } {
  const finer = Math.max(baseDecimals, finalDecimals);
  return { base: baseDecimals === 0 ? finer : baseDecimals, final: finalDecimals === 0 ? finer : finalDecimals };
}
