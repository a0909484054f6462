/** Number formatting for the pane (Korean and English share digits and separators). */
import type { IndicatorKind } from '../../core/model/draft';

export function formatNumber(value: number | null | undefined, decimals = 0, lang: 'ko' | 'en' = 'en'): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const d = Math.max(0, Math.min(10, decimals));
  const text = Math.abs(value).toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  // Korean documents write a negative figure with △ (as the template's number formats show it).
  if (value < 0 && Number(text.replace(/,/g, '')) !== 0) return `${lang === 'ko' ? '△' : '−'}${text}`;
  return text;
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
  const d = Math.max(1, decimals);
  const abs = formatNumber(Math.abs(change), d);
  const zero = Number(abs.replace(/,/g, '')) === 0;
  const sign = zero ? '±' : change > 0 ? '+' : lang === 'ko' ? '△' : '−';
  return `${sign}${abs}${changeUnit(kind)}`;
}

export function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(1) : String(Math.round(ms));
}
