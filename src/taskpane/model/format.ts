/** Number formatting for the pane (Korean and English share digits and separators). */
import type { IndicatorKind } from '../../core/model/draft';

export function formatNumber(value: number | null | undefined, decimals = 0): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const d = Math.max(0, Math.min(10, decimals));
  return value.toLocaleString('en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
}

/** Unit of an indicator's change: %p for rates, % for counts. */
export function changeUnit(kind: IndicatorKind): '%p' | '%' {
  return kind === 'rate' ? '%p' : '%';
}

/** "+2.0%p", "+10.0%", "−0.5%p"; "–" when not computable. One decimal at least. */
export function formatChange(change: number | null | undefined, kind: IndicatorKind, decimals = 1): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return '–';
  const d = Math.max(1, decimals);
  const abs = formatNumber(Math.abs(change), d);
  const zero = Number(abs.replace(/,/g, '')) === 0;
  const sign = zero ? '±' : change > 0 ? '+' : '−';
  return `${sign}${abs}${changeUnit(kind)}`;
}

export function formatMs(ms: number): string {
  return ms < 10 ? ms.toFixed(1) : String(Math.round(ms));
}
