/**
 * The 검증결과 sheet, described once as cells: both the annotated copy (xlsx adapter) and the add-in
 * (Office adapter) write exactly these cells, the way the template is described once and written by both.
 *
 * Layout (0-based rows): title; the facts given (file, sha256, time of the check) and the counts; a blank
 * row; the header row; one row per finding in the one order (order.ts). Columns: see RESULT_COLUMNS.
 */
import { blankText, isBlank, progressWords, type Progress } from './entered';
import { ALL_RULES } from '../rules';
import { STRUCTURE_META } from '../rules/structure';
import type { Finding, Lang, RuleMessage } from '../rules/types';
import { cellLabel, detail, messageText, placeLabel, unitText } from './text';
import { SEVERITY_COLOURS, countSeverities, countsText, severityName } from './severity';

import { RESULTS_SHEET } from './sheet-names';

export { MARKS_SHEET, OWN_SHEETS, RESULTS_SHEET } from './sheet-names';

export type ColumnKey = 'severity' | 'sheet' | 'cell' | 'table' | 'rule' | 'ruleId' | 'message' | 'expected' | 'actual' | 'difference' | 'tolerance' | 'unit' | 'cells';

export interface ResultColumn {
  key: ColumnKey;
  header: Record<Lang, string>;
  /** Width in characters. */
  width: number;
  wrap?: true;
}

/**
 * The columns. The sheet prints in landscape fitted to the page width, so the widths are kept as narrow
 * as their content allows: names and messages wrap, figures and ids are short.
 */
export const RESULT_COLUMNS: readonly ResultColumn[] = [
  { key: 'severity', header: { ko: '심각도', en: 'Severity' }, width: 11 }, // also the labels above (Checked at)
  { key: 'sheet', header: { ko: '시트', en: 'Sheet' }, width: 12, wrap: true },
  { key: 'cell', header: { ko: '셀', en: 'Cell' }, width: 7 },
  { key: 'table', header: { ko: '표 · 행', en: 'Table · row' }, width: 24, wrap: true },
  { key: 'rule', header: { ko: '규칙', en: 'Rule' }, width: 24, wrap: true },
  { key: 'ruleId', header: { ko: '규칙 ID', en: 'Rule id' }, width: 12, wrap: true },
  { key: 'message', header: { ko: '메시지', en: 'Message' }, width: 44, wrap: true },
  { key: 'expected', header: { ko: '기대값', en: 'Expected' }, width: 11 },
  { key: 'actual', header: { ko: '실제값', en: 'Actual' }, width: 11 },
  { key: 'difference', header: { ko: '차이', en: 'Difference' }, width: 10 },
  { key: 'tolerance', header: { ko: '허용오차', en: 'Tolerance' }, width: 9 },
  { key: 'unit', header: { ko: '단위', en: 'Unit' }, width: 8, wrap: true },
  { key: 'cells', header: { ko: '관련 셀', en: 'Cells involved' }, width: 28, wrap: true },
];

export type CellStyle = 'title' | 'label' | 'text' | 'header' | 'link' | 'number';

export interface SheetCellSpec {
  /** Text or number; for a link, the text shown (the address, or the list of cells). */
  value: string | number | null;
  /** A link to a cell of the workbook (written as linkFormula(sheet, cell, value)). */
  link?: { sheet: string; cell: string };
  style: CellStyle;
  /** Fill colour RRGGBB. */
  fill?: string;
  wrap?: true;
  /** Excel number format code of a figure (see figureFormat); absent: General. */
  numberFormat?: string;
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

/**
 * The header row's fill: a neutral grey (Excel's "white, darker 35%"), so that no header is taken for a finding's severity (the
 * severity fills are red, amber and blue, SEVERITY_COLOURS; the old pale blue DCE6F1 was next to the
 * info blue).
 */
export const HEADER_FILL = 'A6A6A6';
/** The link text colour (Excel's hyperlink blue). */
export const LINK_COLOUR = '0563C1';

export interface ResultsSheetFacts {
  /** The file checked, when known (the CLI). */
  file?: string;
  sha256?: string;
  checkedAt?: Date;
  /** How much of the plan was entered (validateGrid's progress): a blank or partly entered plan says so. */
  progress?: Progress | null;
}

/** The sheet's title (A1): also how a reader tells our 검증결과 sheet from a user's sheet of that name. */
export const RESULTS_TITLES: Record<Lang, string> = {
  ko: '검증결과 — 지역일자리 목표 공시 도우미 (jobtarget)',
  en: 'Validation results — job-target plan checker (jobtarget)',
};

const META_WORDS = {
  ko: { title: RESULTS_TITLES.ko, file: '파일', checked: '검사 일시', summary: '요약', entered: '입력', none: '발견된 문제가 없습니다.' },
  en: { title: RESULTS_TITLES.en, file: 'File', checked: 'Checked at', summary: 'Summary', entered: 'Entered', none: 'No findings.' },
};

/** Excel takes at most 255 characters in one string constant of a formula; longer texts are joined with &. */
const FORMULA_STRING_MAX = 255;
/** Excel's limit for a whole formula is 8,192 characters: a link text beyond this is cut (with …). */
const LINK_TEXT_MAX = 4000;

/** A text as formula string constants: "…" or "…"&"…" (each at most 255 characters, surrogate pairs kept whole). */
function formulaString(text: string): string {
  const chars = Array.from(text);
  const parts: string[] = [];
  for (let i = 0; i < chars.length || parts.length === 0; i += FORMULA_STRING_MAX) {
    parts.push(`"${chars.slice(i, i + FORMULA_STRING_MAX).join('').replace(/"/g, '""')}"`);
  }
  return parts.join('&');
}

/** A link's text as written: cut to LINK_TEXT_MAX characters. */
export function linkText(text: string): string {
  const chars = Array.from(text);
  return chars.length <= LINK_TEXT_MAX ? text : `${chars.slice(0, LINK_TEXT_MAX - 1).join('')}…`;
}

/**
 * '=HYPERLINK("#'Sheet'!C5","C5")' without '=': a link to a cell of this workbook showing `text`
 * (the address by default). The sheet is always quoted, which Excel accepts for any name; LibreOffice
 * Calc reads the same target (it parses a jump mark in its own syntax first, then in Excel's A1 syntax:
 * lcl_ParseRange in sc/source/ui/view/tabvwsh3.cxx).
 */
export function linkFormula(sheet: string, cell: string, text: string = cell): string {
  const target = `#'${sheet.replace(/'/g, "''")}'!${cell}`;
  return `HYPERLINK(${formulaString(target)},${formulaString(linkText(text))})`;
}

/** An A1 address a link can go to (a document's "line 12" place cannot). */
const A1 = /^[A-Z]{1,3}[1-9]\d{0,6}$/;

/** Decimal places of a figure as shown (rounded to 6, as figureText shows it). */
export function figureDecimals(v: number): number {
  const r = Math.round(v * 1e6) / 1e6;
  const s = String(r);
  if (/e/i.test(s)) return 0;
  return Math.min(6, /\.(\d+)$/.exec(s)?.[1].length ?? 0);
}

export type FigureKind = 'figure' | 'difference' | 'tolerance';

/**
 * The number format of a figure: thousands separators and the decimals the figure has; Korean sheets
 * write negatives with △ (as the plans do), English ones with a minus; a difference has its sign
 * (+4, △1 / -1), a tolerance its ± (±1.5). Literals are quoted, which Excel and LibreOffice both read.
 */
export function figureFormat(v: number, kind: FigureKind, lang: Lang): string {
  const d = figureDecimals(v);
  const n = d ? `#,##0.${'0'.repeat(d)}` : '#,##0';
  const minus = lang === 'ko' ? `"△"${n}` : `-${n}`;
  switch (kind) {
    case 'figure':
      return `${n};${minus}`;
    case 'difference':
      return `"+"${n};${minus};0`;
    case 'tolerance':
      return `"±"${n}`;
  }
}

/** A figure cell: the number (rounded to 6 places, as shown) with its format; text stays text. */
function figureCell(v: number | string | null, kind: FigureKind, lang: Lang): SheetCellSpec {
  if (v === null || v === '') return { value: null, style: 'number' };
  if (typeof v === 'string' || !Number.isFinite(v)) return { value: String(v), style: 'text' };
  const value = Math.round(v * 1e6) / 1e6;
  return { value: Object.is(value, -0) ? 0 : value, style: 'number', numberFormat: figureFormat(value, kind, lang) };
}

const RULE_DESCRIPTIONS = new Map<string, RuleMessage>([[STRUCTURE_META.id, STRUCTURE_META.description], ...ALL_RULES.map((r) => [r.meta.id, r.meta.description] as const)]);

/** The rule's short description in `lang` (rule meta), or its id for a rule that has none (e.g. 'unreadable'). */
export function ruleName(rule: string, lang: Lang): string {
  return RULE_DESCRIPTIONS.get(rule)?.[lang] ?? rule;
}

/**
 * The cells involved as one text, the sheet named once per run of cells on it: "분야별 목표!C7, 실천과제!C8,
 * C19" (a sum over 55 cells of one sheet stays a few lines, not 55 sheet names).
 */
export function cellsText(refs: readonly { sheet: string; cell: string }[]): string {
  return refs.map((r, i) => (i > 0 && refs[i - 1].sheet === r.sheet && r.sheet && r.cell ? r.cell : cellLabel(r))).join(', ');
}

/**
 * The 관련 셀 cell: the list of every involved cell as its text, linked to one of them. HYPERLINK takes
 * one target, and neither Excel nor LibreOffice follows a link to a list of cells ("#'A'!C5,C9"); one row
 * per involved cell would break "one row per finding" (the filters, the counts, the one order). So the
 * link goes to the first involved cell that is not the finding's own (the first part of a sum: the
 * finding's own cell has its link in the 셀 column), and the text names them all.
 */
function cellsCell(f: Finding): SheetCellSpec {
  const text = cellsText(f.refs);
  if (!text) return { value: null, style: 'text', wrap: true };
  const linkable = f.refs.filter((r) => r.sheet && A1.test(r.cell));
  const to = linkable.find((r) => r.sheet !== f.sheet || r.cell !== f.cell) ?? linkable[0];
  return to ? { value: linkText(text), link: { sheet: to.sheet, cell: to.cell }, style: 'link', wrap: true } : { value: text, style: 'text', wrap: true };
}

/** The value of one column for one finding. */
export function columnValue(f: Finding, key: ColumnKey, lang: Lang): SheetCellSpec {
  const text = (value: string | number | null, style: CellStyle = 'text'): SheetCellSpec => ({ value: value === '' ? null : value, style });
  switch (key) {
    case 'severity':
      return { value: severityName(f.severity, lang), style: 'text', fill: SEVERITY_COLOURS[f.severity].cell };
    case 'sheet':
      return { ...text(f.sheet), wrap: true };
    case 'cell':
      return f.sheet && A1.test(f.cell) ? { value: f.cell, link: { sheet: f.sheet, cell: f.cell }, style: 'link' } : text(f.cell);
    case 'table':
      return { ...text(placeLabel(f.place, lang)), wrap: true };
    case 'rule':
      return { ...text(ruleName(f.rule, lang)), wrap: true };
    case 'ruleId':
      return { ...text(f.rule), wrap: true };
    case 'message':
      return { ...text(messageText(f, lang)), wrap: true };
    case 'expected':
      return figureCell(f.expected, 'figure', lang);
    case 'actual':
      return figureCell(f.actual, 'figure', lang);
    case 'difference':
      return figureCell(f.difference, 'difference', lang);
    case 'tolerance':
      return figureCell(f.tolerance, 'tolerance', lang);
    case 'unit':
      return { ...text(f.unit === null ? null : unitText(f.unit, lang)), wrap: true };
    case 'cells':
      return cellsCell(f);
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
  // A blank template has no findings: without this line its copy would read like a clean plan's.
  const entered = progressWords(facts.progress, lang);
  if (entered !== null) meta.push([w.entered, entered]);
  for (const [k, v] of meta) rows.push([{ value: k, style: 'label' }, { value: v, style: 'text' }]);
  rows.push([]);
  const headerRow = rows.length;
  rows.push(RESULT_COLUMNS.map((c) => ({ value: c.header[lang], style: 'header', fill: HEADER_FILL })));
  for (const f of findings) rows.push(RESULT_COLUMNS.map((c) => columnValue(f, c.key, lang)));
  if (findings.length === 0) rows.push([{ value: isBlank(facts.progress) ? blankText(lang) : w.none, style: 'text' }]);
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
