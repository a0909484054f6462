/**
 * A figure as a document (a 한글 document, a text file) shows it, made into a grid cell: documents have
 * no numbers stored as text, so every figure the Korean conventions read ("1,234", "△1,234", "68.6",
 * "2%p", "１２", "4,900억원") becomes the number with the format it was shown with (a unit it states quoted
 * in it); anything else stays text.
 */
import type { GridCell } from '../core/grid/grid';
import { halfWidthNumber, parseKoreanNumber } from '../core/numbers/parse';

export function documentValue(text: string): GridCell {
  const parsed = parseKoreanNumber(text);
  if (parsed.state !== 'text-number' || parsed.value === null) return { value: text };
  const body = formatBody(halfWidthNumber(text.trim())); // from the ASCII form: １２．５ shows one decimal
  // The per cent sign quoted: the number is shown as written, not times 100. A unit the figure states
  // ("4,900억원") is quoted after it, as the document shows it: the figure keeps it (sheet.ts figureOf).
  const after = `${parsed.percent ? '"%"' : ''}${parsed.unit !== undefined ? `"${parsed.unit}"` : ''}`;
  return { value: parsed.value, numFmt: `${body}${after};"△"${body}${after};"-"` };
}

/** The number format a figure is written in: `1,234.5` → `#,##0.0`, `12` → `0`. */
export function formatBody(figure: string): string {
  const decimals = /\.(\d+)/.exec(figure)?.[1].length ?? 0;
  return `${figure.includes(',') ? '#,##0' : '0'}${decimals ? `.${'0'.repeat(decimals)}` : ''}`;
}
