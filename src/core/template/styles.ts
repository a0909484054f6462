/**
 * Cell styles of the template as plain data. The exceljs and Office.js adapters map these onto
 * their own APIs, so both write the same-looking workbook.
 */

/** Korean public-table format: thousands separators, △ for negatives, - for zero. */
export const FMT_COUNT = '#,##0;"△"#,##0;"-"';
export const FMT_RATE = '0.0;"△"0.0;"-"';
export const FMT_CHANGE = '0.0;"△"0.0;"-"';
export const FMT_YEAR = '0';

export interface CellStyle {
  bold?: boolean;
  fontSize?: number;
  /** RGB hex without '#'. */
  fill?: string;
  fontColor?: string;
  numFmt?: string;
  hAlign?: 'left' | 'center' | 'right';
  vAlign?: 'top' | 'middle' | 'bottom';
  wrap?: boolean;
  border?: boolean;
}

const HEADER_FILL = 'DCE6F1';
const TOTAL_FILL = 'F2F2F2';

export const STYLES = {
  title: { bold: true, fontSize: 14 },
  subtitle: { bold: true, fontSize: 12 },
  unit: { hAlign: 'right', fontSize: 9 },
  note: { fontSize: 9, fontColor: '595959' },
  header: { bold: true, fill: HEADER_FILL, hAlign: 'center', vAlign: 'middle', wrap: true, border: true },
  label: { vAlign: 'middle', wrap: true, border: true },
  labelTotal: { bold: true, fill: TOTAL_FILL, vAlign: 'middle', hAlign: 'center', border: true },
  role: { hAlign: 'center', vAlign: 'middle', border: true },
  roleTotal: { hAlign: 'center', vAlign: 'middle', border: true, fill: TOTAL_FILL, bold: true },
  count: { numFmt: FMT_COUNT, border: true, hAlign: 'right' },
  countTotal: { numFmt: FMT_COUNT, border: true, hAlign: 'right', bold: true, fill: TOTAL_FILL },
  rate: { numFmt: FMT_RATE, border: true, hAlign: 'right' },
  change: { numFmt: FMT_CHANGE, border: true, hAlign: 'right', fill: TOTAL_FILL },
  fieldLabel: { bold: true, fill: HEADER_FILL, border: true },
  fieldValue: { border: true },
  fieldYear: { border: true, numFmt: FMT_YEAR, hAlign: 'left' },
} satisfies Record<string, CellStyle>;

export type StyleName = keyof typeof STYLES;
