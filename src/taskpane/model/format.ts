/**
 * Number formatting for the pane (Korean and English share digits and separators).
 *
 * Formatters are made once per number of decimals and kept (issue #10): `toLocaleString(locale, options)`
 * builds a new Intl.NumberFormat on every call, which cost the engine 23% of a check and costs the pane
 * the same on its UI thread when it renders a few hundred figures.
 */
import type { IndicatorKind } from '../../core/model/draft';

const MAX_DECIMALS = 10;
const formatters: (Intl.NumberFormat | undefined)[] = [];

/** The 'en-US' formatter with exactly `decimals` decimals (0–10), made on first use and then reused. */
export function numberFormat(decimals: number): Intl.NumberFormat {
  const d = Math.max(0, Math.min(MAX_DECIMALS, Math.trunc(decimals) || 0));
  let f = formatters[d];
  if (!f) formatters[d] = f = new Intl.NumberFormat('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  return f;
}

/** True when `value` shows as zero with `decimals` decimals (so "−0" and "△0.0" are never shown). */
function showsAsZero(value: number, decimals: number): boolean {
  return Math.round(Math.abs(value) * 10 ** decimals) === 0;
}

export function formatNumber(value: number | null | undefined, decimals = 0, lang: 'ko' | 'en' = 'en'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const d = Math.max(0, Math.min(MAX_DECIMALS, decimals));
  const text = numberFormat(d).format(Math.abs(value));
  // Korean documents write a negative figure with △ (as the template's number formats show it).
  if (value < 0 && !showsAsZero(value, d)) return `${lang === 'ko' ? '△' : '−'}${text}`;
  return text;
}

/** A count: "1,234". */
export function formatCount(n: number): string {
  return numberFormat(0).format(n);
}

/** Unit of an indicator's change: %p for rates, % for counts. */
export function changeUnit(kind: IndicatorKind): '%p' | '%' {
  return kind === 'rate' ? '%p' : '%';
}

/**
 * "+2.0%p", "+10.0%"; a decrease as Excel's Korean number formats show it, "△0.5%p" (English "−0.5%p");
 * "–" when not computable. One decimal at least.
 */
export function formatChange(change: number | null | undefined, kind: IndicatorKind, decimals = 1, lang: 'ko' | 'en' = 'ko'): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return '–';
  const d = Math.max(1, Math.min(MAX_DECIMALS, decimals));
  const abs = formatNumber(Math.abs(change), d);
  const sign = showsAsZero(change, d) ? '±' : change > 0 ? '+' : lang === 'ko' ? '△' : '−';
  return `${sign}${abs}${changeUnit(kind)}`;
}

export function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(1) : String(Math.round(ms));
}
