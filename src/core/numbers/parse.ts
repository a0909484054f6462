/**
 * Korean public-table number conventions:
 *   `-` (and the other dashes offices type for it: `–`, `—`, `―`, `－`, `−`, `‐`, `‒`, the Hangul letter `ㅡ`)
 *   in a numeric cell means none (0); `…` means not available;
 *   `△` (and `▵`), or a minus (`-`, `−`, `–`, `－`), directly before a number means negative; thousands
 *   separators; `%`; footnote marks.
 * `▲` is ambiguous (increase in some documents, minus in others), so it is not read as a sign.
 */
import type { CellValue } from '../grid/grid';
import { groupedFormat } from './format';

export type NumberState =
  | 'number' // a real number cell
  | 'text-number' // a number stored as text ("9,454", "△12", "12.5%")
  | 'dash' // "-": none, counts as 0
  | 'blank' // empty cell
  | 'na' // "…": not available
  | 'text'; // text that is not a number

export interface ParsedNumber {
  state: NumberState;
  /** The number for sums: dash → 0; blank, na, text → null. */
  value: number | null;
  /** Text had a percent sign. */
  percent?: boolean;
  /** The unit the text states after the figure ("4,900억원" → 억원), kept for the rules (value-unit): the value is the figure as written. */
  unit?: string;
}

const DASHES = new Set(['-', '–', '—', '－', '―', '−', '‐', '‒', 'ㅡ']);
const NOT_AVAILABLE = new Set(['…', '...', '‥', 'N/A', 'n/a', '해당없음']);
// Footnote marks that trail a figure: *, †, ‡, superscript digits, ⁾ and bracketed numbers like "1)".
const FOOTNOTE = /(?:\s*(?:[*†‡]+|[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾?|\(\d\)|\d\)))$/;
/** The units a cell may state after its figure ("1,234명", "50 백만원"); formatUnit reads the same ones. */
const UNITS = '명|개소|개사|개社|개|백만원|억원|천원|원';
const CELL_UNIT = new RegExp(`\\s*(${UNITS})$`);
const UNIT_ONLY = new RegExp(`^(?:${UNITS})$`);

/** Full-width digits, comma, full stop, per cent and plus sign (U+FF10–FF19, FF0C, FF0E, FF05, FF0B). */
const FULL_WIDTH = /[０-９，．％＋]/;
const FULL_WIDTH_ALL = /[０-９，．％＋－]/g;

/**
 * A figure typed in 전각 (full-width) mode in its ASCII form: `１，２３４` → `1,234`, `－１２` → `-12`; text
 * without a full-width digit or sign is returned as it is (a lone `－` stays the dash it is).
 */
export function halfWidthNumber(s: string): string {
  return FULL_WIDTH.test(s) ? s.replace(FULL_WIDTH_ALL, (ch) => String.fromCharCode(ch.charCodeAt(0) - 0xfee0)) : s;
}

export function parseKoreanNumber(input: CellValue | undefined): ParsedNumber {
  if (input === null || input === undefined) return { state: 'blank', value: null };
  if (typeof input === 'number') {
    return Number.isFinite(input) ? { state: 'number', value: input } : { state: 'text', value: null };
  }
  if (typeof input === 'boolean') return { state: 'text', value: null };
  let s = input.replace(/[\u00a0\u2009\u202f]/g, ' ').trim();
  s = halfWidthNumber(s);
  if (s === '') return { state: 'blank', value: null };
  if (DASHES.has(s)) return { state: 'dash', value: 0 };
  if (NOT_AVAILABLE.has(s)) return { state: 'na', value: null };
  s = s.replace(FOOTNOTE, '').trim();
  let sign = 1;
  if (/^[△▵]/.test(s)) {
    sign = -1;
    s = s.slice(1).trim();
  } else if (/^[-−–－]/.test(s)) {
    sign = -1;
    s = s.slice(1).trim();
  } else if (s.startsWith('+')) {
    s = s.slice(1).trim();
  }
  let percent = false;
  if (/%p?$/.test(s)) {
    percent = true;
    s = s.replace(/%p?$/, '').trim();
  }
  // Units written into the cell ("1,234명", "50백만원") are read with the figure and kept: the value is the
  // figure as written, the unit what the cell says it counts (a rule compares it with its table's unit).
  let unit: string | undefined;
  const u = CELL_UNIT.exec(s);
  if (u) {
    unit = u[1];
    s = s.slice(0, u.index);
  }
  // Thousands separators must be well placed: "1,234" yes, "1,23" no.
  if (!/^(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(s) && !/^\.\d+$/.test(s)) return { state: 'text', value: null };
  const value = sign * Number(s.replace(/,/g, ''));
  if (!Number.isFinite(value)) return { state: 'text', value: null };
  if (unit !== undefined) return percent ? { state: 'text-number', value, percent, unit } : { state: 'text-number', value, unit };
  return percent ? { state: 'text-number', value, percent } : { state: 'text-number', value };
}

const unitByFormat = new Map<string, string | null>();
/** The last format asked about, and its unit. */
let lastUnitFormat = '';
let lastUnit: string | null = null;

/**
 * The unit a number format shows after its number as quoted text (`#,##0"억원"`, `#,##0" 명"`, as Excel
 * users write a unit into the format), or null. Only the first section counts. Cached: a workbook has few formats.
 */
export function formatUnit(numFmt: string): string | null {
  // Most formats with a quote are the Korean ones (`#,##0;"△"#,##0;"-"`), shared by a table's figures.
  if (numFmt === lastUnitFormat) return lastUnit;
  let unit = unitByFormat.get(numFmt);
  if (unit === undefined) {
    unit = null;
    const first = numFmt.split(';')[0];
    const m = /[0#?][^"]*"([^"]*)"\s*$/.exec(first);
    if (m) {
      const text = m[1].trim();
      if (UNIT_ONLY.test(text)) unit = text;
    }
    if (unitByFormat.size >= 1000) unitByFormat.clear();
    unitByFormat.set(numFmt, unit);
  }
  lastUnitFormat = numFmt;
  lastUnit = unit;
  return unit;
}

const decimalsByFormat = new Map<string, number | null>();
/** The last format asked about: a table's figures mostly share one. */
let lastFormat: string | null = null;
let lastDecimals: number | null = null;

/** Decimal places a number format shows, or null when it does not say (cached: a workbook has few formats). */
function formatDecimals(numFmt: string): number | null {
  if (numFmt === lastFormat) return lastDecimals;
  let d = decimalsByFormat.get(numFmt);
  if (d === undefined) {
    const m = /0\.(0+)/.exec(numFmt.split(';')[0]);
    d = m ? m[1].length : /[#0]/.test(numFmt) ? 0 : null;
    if (decimalsByFormat.size >= 1000) decimalsByFormat.clear();
    decimalsByFormat.set(numFmt, d);
  }
  lastFormat = numFmt;
  lastDecimals = d;
  return d;
}

const scaleByFormat = new Map<string, number>();

/** The last format scaled: a table's figures mostly share one. */
let lastScaleFormat = '';
let lastScale = 1;

/**
 * What a format multiplies its number by to show it: 100 for a percentage (`0.0%`), 1/1,000 for each comma
 * after the last digit (`#,##0,,` shows 1,234,567,890 원 as 1,235), 1 otherwise. Only the first section
 * counts, and only bare signs: a quoted or escaped `%` or `,` (`0.0"%"`, `0\,`) is text beside the number.
 */
export function formatScale(numFmt: string): number {
  if (numFmt === lastScaleFormat) return lastScale;
  if (numFmt.indexOf('%') < 0 && numFmt.indexOf(',') < 0) return 1;
  let scale = scaleByFormat.get(numFmt);
  if (scale === undefined) {
    const first = bareFirstSection(numFmt);
    scale = first.includes('%') ? 100 : 1;
    // The commas right after the format's last digit placeholder (a comma between digits groups thousands).
    const last = first.search(/[0#?][^0#?]*$/);
    const commas = last < 0 ? 0 : (/^[0#?](,*)/.exec(first.slice(last))?.[1].length ?? 0);
    for (let i = 0; i < commas; i++) scale /= 1000;
    if (scaleByFormat.size >= 1000) scaleByFormat.clear();
    scaleByFormat.set(numFmt, scale);
  }
  lastScaleFormat = numFmt;
  lastScale = scale;
  return scale;
}

/** A format's first section (positive numbers) without its quoted text, escaped characters and [colour] or [condition] brackets. */
function bareFirstSection(numFmt: string): string {
  return numFmt.split(';')[0].replace(/"[^"]*"|\\.|\[[^\]]*\]/g, '');
}

/**
 * The number a cell shows under a format that scales it (0.686 formatted 0.0% → 68.6; 4,197,123,456 원
 * formatted #,##0,, → 4,197): rounded as shown, since the figure the plan states is the one on the page.
 */
export function shownValue(value: number, numFmt: string | undefined): number {
  if (numFmt === undefined) return value;
  const scale = formatScale(numFmt);
  if (scale === 1) return value;
  const scaled = value * scale;
  const d = formatDecimals(numFmt);
  return d === null ? Number(scaled.toPrecision(15)) : Number(scaled.toFixed(Math.min(d, 20)));
}

/** Decimal places a figure is shown with, used as its rounding precision. */
export function decimalsOf(value: number, numFmt?: string): number {
  if (numFmt) {
    const d = formatDecimals(numFmt);
    if (d !== null) return d;
  }
  if (Number.isInteger(value)) return 0; // what the text below gives for a whole number: no '.', or an exponent
  const s = String(value);
  if (/e/i.test(s)) return 0;
  const i = s.indexOf('.');
  return i < 0 ? 0 : Math.min(s.length - i - 1, 6);
}

/** Formats a number the Korean-table way: thousands separators, △ for negatives. */
export function formatKoreanNumber(value: number | null, decimals = 0): string {
  if (value === null) return '';
  if (value === 0) return '-';
  const abs = groupedFormat(decimals, Math.max(decimals, 2)).format(Math.abs(value));
  return value < 0 ? `△${abs}` : abs;
}
