/**
 * Figures with thousands separators, written by hand instead of with Intl.NumberFormat: the first
 * Intl.NumberFormat a process makes loads ICU's number data (≈ 25–30 ms, a third of the CLI's start-up
 * budget), and `toLocaleString(locale, options)` builds a new formatter on every call. The output is the
 * same as `new Intl.NumberFormat('en-US', { minimumFractionDigits, maximumFractionDigits })` — the
 * shortest decimal of the double, rounded half away from zero — which test/core/numbers/format.test.ts
 * checks against Intl itself. Korean tables write figures the same way (1,234.5).
 */

/** A formatter with fixed fraction digits, like Intl.NumberFormat's `format`. */
export interface GroupedFormat {
  format(value: number): string;
}

const cache = new Map<number, GroupedFormat>();

/** en-US digits and thousands separators with the given fraction digits (what Korean tables use too). */
export function groupedFormat(minimumFractionDigits: number, maximumFractionDigits: number): GroupedFormat {
  const key = minimumFractionDigits * 1000 + maximumFractionDigits;
  let f = cache.get(key);
  if (!f) {
    const min = minimumFractionDigits;
    const max = Math.max(min, maximumFractionDigits);
    f = { format: (value: number) => formatGrouped(value, min, max) };
    cache.set(key, f);
  }
  return f;
}

/** `value` with `min`…`max` fraction digits and commas between thousands; "-0" and "∞" as Intl writes them. */
export function formatGrouped(value: number, min: number, max: number): string {
  if (Number.isNaN(value)) return 'NaN';
  const negative = value < 0 || Object.is(value, -0);
  const sign = negative ? '-' : '';
  if (!Number.isFinite(value)) return `${sign}∞`;
  // Fast path: a whole number that needs no fraction digits (most plan figures).
  const abs = Math.abs(value);
  if (min === 0 && Number.isSafeInteger(abs)) return sign + group(String(abs));
  const [digits, point] = decimalDigits(abs);
  // digits[0 .. point) is the whole part, the rest the fraction; round the fraction to `max` digits.
  let whole: string;
  let fraction: string;
  const keep = point + max;
  if (keep < digits.length) {
    let kept = digits.slice(0, keep);
    let shift = point;
    if (digits.charCodeAt(keep) >= 53 /* '5' */) {
      kept = incremented(kept);
      if (kept.length > keep) shift += 1; // 999.96 → 1000.0
    }
    const all = kept.padEnd(shift + max, '0');
    whole = all.slice(0, shift);
    fraction = all.slice(shift, shift + max);
  } else {
    whole = digits.slice(0, point).padEnd(point, '0');
    fraction = digits.slice(point).padEnd(min, '0');
  }
  let end = fraction.length;
  while (end > min && fraction.charCodeAt(end - 1) === 48 /* '0' */) end--;
  fraction = fraction.slice(0, end);
  whole = whole.replace(/^0+(?=\d)/, '') || '0';
  return sign + group(whole) + (fraction ? `.${fraction}` : '');
}

/** The shortest decimal digits of a non-negative finite double, and where the point goes (digits before it). */
function decimalDigits(abs: number): [string, number] {
  const s = String(abs);
  const e = s.indexOf('e');
  const mantissa = e < 0 ? s : s.slice(0, e);
  const exponent = e < 0 ? 0 : Number(s.slice(e + 1));
  const dot = mantissa.indexOf('.');
  const digits = dot < 0 ? mantissa : mantissa.slice(0, dot) + mantissa.slice(dot + 1);
  const point = (dot < 0 ? mantissa.length : dot) + exponent;
  // At least one whole digit ("5e-7" → "00000005", point 1), leading zeros kept: the point stays right.
  return point < 1 ? ['0'.repeat(1 - point) + digits, 1] : [digits, point];
}

/** A string of decimal digits plus one ("199" → "200", "99" → "100"). */
function incremented(digits: string): string {
  let i = digits.length - 1;
  while (i >= 0 && digits.charCodeAt(i) === 57 /* '9' */) i--;
  if (i < 0) return `1${'0'.repeat(digits.length)}`;
  return digits.slice(0, i) + String.fromCharCode(digits.charCodeAt(i) + 1) + '0'.repeat(digits.length - 1 - i);
}

/** "1234567" → "1,234,567". */
function group(whole: string): string {
  const n = whole.length;
  if (n <= 3) return whole;
  let out = whole.slice(0, ((n - 1) % 3) + 1);
  for (let i = out.length; i < n; i += 3) out += `,${whole.slice(i, i + 3)}`;
  return out;
}
