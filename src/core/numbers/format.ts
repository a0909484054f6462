/**
 * Cached number formatters. `toLocaleString(locale, options)` builds a new Intl.NumberFormat on every
 * call (23% of validating the example went there); the formatters here are built once per set of
 * fraction digits and reused.
 */
const cache = new Map<number, Intl.NumberFormat>();

/** en-US digits and thousands separators with the given fraction digits (what Korean tables use too). */
export function groupedFormat(minimumFractionDigits: number, maximumFractionDigits: number): Intl.NumberFormat {
  const key = minimumFractionDigits * 1000 + maximumFractionDigits;
  let f = cache.get(key);
  if (!f) {
    f = new Intl.NumberFormat('en-US', { minimumFractionDigits, maximumFractionDigits });
    cache.set(key, f);
  }
  return f;
}
