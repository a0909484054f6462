/**
 * The 검증결과 sheet, described once as cells: both the annotated copy (xlsx adapter) and the add-in
 * (Office adapter) write exactly these cells, the way the template is described once and written by both.
 *
 * Layout (0-based rows): title; the facts given (file, sha256, time of the check) and the counts; a blank
 * row; the header row; one row per finding in the one order (order.ts). Columns: see RESULT_COLUMNS.
 */
import type { Finding, Lang } from '../rules/types';
import { cellLabel, detail, messageText, placeLabel, unitText } from './text';
import { SEVERITY_COLOURS, countSeverities, countsText, severityName } from './severity';

/** The findings sheet. */
export const RESULTS_SHEET = '검증결과';
/** The add-in's very hidden sheet that keeps what undoing its highlights needs. */
export const MARKS_SHEET = '_jobtarget_marks';
/** Sheets jobtarget writes itself: readers skip them, annotators never mark them. */
export const OWN_SHEETS: readonly string[] = [RESULTS_SHEET, MARKS_SHEET];

export type ColumnKey = 'severity' | 'sheet' | 'cell' | 'table' | 'rule' | 'message' | 'expected' | 'actual' | 'difference' | 'tolerance' | 'unit' | 'cells';

export interface ResultColumn {
  key: ColumnKey;
  header: Record<Lang, string>;
  /** Width in characters. */
  width: number;
  wrap?: true;
}

export const RESULT_COLUMNS: readonly ResultColumn[] = [
  { key: 'severity', header: { ko: '심각도', en: 'Severity' }, width: 8 },
  { key: 'sheet', header: { ko: '시트', en: 'Sheet' }, width: 16 },
  { key: 'cell', header: { ko: '셀', en: 'Cell' }, width: 8 },
  { key: 'table', header: { ko: '표 · 행', en: 'Table · row' }, width: 36, wrap: true },
  { key: 'rule', header: { ko: '규칙', en: 'Rule' }, width: 18 },
  { key: 'message', header: { ko: '메시지', en: 'Message' }, width: 70, wrap: true },
  { key: 'expected', header: { ko: '기대값', en: 'Expected' }, width: 12 },
  { key: 'actual', header: { ko: '실제값', en: 'Actual' }, width: 12 },
  { key: 'difference', header: { ko: '차이', en: 'Difference' }, width: 10 },
  { key: 'tolerance', header: { ko: '허용오차', en: 'Tolerance' }, width: 10 },
  { key: 'unit', header: { ko: '단위', en: 'Unit' }, width: 10 },
  { key: 'cells', header: { ko: '관련 셀', en: 'Cells involved' }, width: 40, wrap: true },
];

export type CellStyle = 'title' | 'label' | 'text' | 'header' | 'link' | 'number';

export interface SheetCellSpec {
  /** Text or number; for a link, the text shown (the address). */
  value: string | number | null;
  /** A link to a cell of the workbook (written as linkFormula). */
  link?: { sheet: string; cell: string };
  style: CellStyle;
  /** Fill colour RRGGBB. */
  fill?: string;
  wrap?: true;
}

export interface ResultsSheetSpec {
  name: string;
  lang: Lang;
  /** rows[r][c] from A1; a missing cell is empty. */
  rows: (SheetCellSpec | null)[][];
  columns: readonly ResultColumn[];
  /** 0-based index of the header row; the rows above it stay visible (frozen). */
  headerRow: number;
  /** The findings' rows: headerRow + 1 … headerRow + count. */
  findingCount: number;
  /** Filters on the header row over the findings (null when there are none). */
  autoFilter: { row: number; firstCol: number; lastCol: number; lastRow: number } | null;
}

/** The header row's fill. */
export const HEADER_FILL = 'DCE6F1';
/** The link text colour (Excel's hyperlink blue). */
export const LINK_COLOUR = '0563C1';

export interface ResultsSheetFacts {
  /** The file checked, when known (the CLI). */
  file?: string;
  sha256?: string;
  checkedAt?: Date;
}

/** The sheet's title (A1): also how a reader tells our 검증결과 sheet from a user's sheet of that name. */
export const RESULTS_TITLES: Record<Lang, string> = {
  ko: '검증결과 — 지역일자리 목표 공시 도우미 (jobtarget)',
  en: 'Validation results — job-target plan checker (jobtarget)',
};

const META_WORDS = {
  ko: { title: RESULTS_TITLES.ko, file: '파일', checked: '검사 일시', summary: '요약', none: '발견된 문제가 없습니다.' },
  en: { title: RESULTS_TITLES.en, file: 'File', checked: 'Checked at', summary: 'Summary', none: 'No findings.' },
};

/** '=HYPERLINK("#'Sheet'!C5","C5")' without '=': a link to a cell of this workbook (always quoted, which Excel accepts for any name). */
export function linkFormula(sheet: string, cell: string): string {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  return `HYPERLINK("${target.replace(/"/g, '""')}","${cell.replace(/"/g, '""')}")`;
}

/** The value of one column for one finding. */
export function columnValue(f: Finding, key: ColumnKey, lang: Lang): SheetCellSpec {
  const text = (value: string | number | null, style: CellStyle = 'text'): SheetCellSpec => ({ value: value === '' ? null : value, style });
  const fig = (v: number | string | null): SheetCellSpec => (typeof v === 'number' ? { value: v, style: 'number' } : text(v));
  switch (key) {
    case 'severity':
      return { value: severityName(f.severity, lang), style: 'text', fill: SEVERITY_COLOURS[f.severity].cell };
    case 'sheet':
      return text(f.sheet);
    case 'cell':
      return f.sheet && f.cell ? { value: f.cell, link: { sheet: f.sheet, cell: f.cell }, style: 'link' } : text(f.cell);
    case 'table':
      return { ...text(placeLabel(f.place, lang)), wrap: true };
    case 'rule':
      return text(f.rule);
    case 'message':
      return { ...text(messageText(f, lang)), wrap: true };
    case 'expected':
      return fig(f.expected);
    case 'actual':
      return fig(f.actual);
    case 'difference':
      return fig(f.difference);
    case 'tolerance':
      return fig(f.tolerance);
    case 'unit':
      return text(f.unit === null ? null : unitText(f.unit, lang));
    case 'cells':
      return { ...text(f.refs.map((r) => cellLabel(r)).join(', ')), wrap: true };
  }
}

/** The 검증결과 sheet for `findings` (already in the one order). */
export function resultsSheet(findings: readonly Finding[], lang: Lang, facts: ResultsSheetFacts = {}): ResultsSheetSpec {
  const w = META_WORDS[lang];
  const rows: (SheetCellSpec | null)[][] = [[{ value: w.title, style: 'title' }]];
  const meta: [string, string][] = [];
  if (facts.file !== undefined) meta.push([w.file, facts.file]);
  if (facts.sha256) meta.push(['sha256', facts.sha256]);
  if (facts.checkedAt) meta.push([w.checked, facts.checkedAt.toISOString().replace(/\.\d{3}Z$/, 'Z')]);
  meta.push([w.summary, countsText(countSeverities(findings), lang)]);
  for (const [k, v] of meta) rows.push([{ value: k, style: 'label' }, { value: v, style: 'text' }]);
  rows.push([]);
  const headerRow = rows.length;
  rows.push(RESULT_COLUMNS.map((c) => ({ value: c.header[lang], style: 'header', fill: HEADER_FILL })));
  for (const f of findings) rows.push(RESULT_COLUMNS.map((c) => columnValue(f, c.key, lang)));
  if (findings.length === 0) rows.push([{ value: w.none, style: 'text' }]);
  return {
    name: RESULTS_SHEET,
    lang,
    rows,
    columns: RESULT_COLUMNS,
    headerRow,
    findingCount: findings.length,
    autoFilter: findings.length ? { row: headerRow, firstCol: 0, lastCol: RESULT_COLUMNS.length - 1, lastRow: headerRow + findings.length } : null,
  };
}

/** One line of a cell note in an annotated copy: "[오류] row-total: 메시지 (기대 10 · 실제 12 · 허용 ±1)". */
export function noteLine(f: Finding, lang: Lang): string {
  return `[${severityName(f.severity, lang)}] ${f.rule}: ${detail(f, lang)}`;
}
