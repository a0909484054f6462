/**
 * Annotated copies for reviewers: each flagged cell filled by severity (light tints) with a note
 * listing its findings, and a '검증결과' sheet (first tab) listing every finding with a link to its
 * cell, under a summary. The input is never written: the copy goes to another folder under the same
 * base name plus '.검증.xlsx', and a copy whose path resolves to an input is refused.
 */
import { promises as fs } from 'fs';
import * as path from 'path';
import ExcelJS from 'exceljs';
import { parseA1 } from '../../core/grid/a1';
import type { Finding, Lang, Severity } from '../../core/rules/types';
import { SEVERITY_ORDER } from '../../core/rules/run';
import { sortFindings } from '../../core/validate';
import { DEFAULT_FONT, argb, workbookToBuffer } from './write';
import { OutputExistsError, OutputIsInputError, writeOutputFile } from '../output';
import { MARKS_SHEET, RESULTS_SHEET, loadXlsx, orderedWorksheets } from './read';

import { ANNOTATED_SUFFIX } from './names';
export { ANNOTATED_SUFFIX };

/** Light tints: error red-ish, warning amber, info blue-ish. */
export const SEVERITY_FILL: Record<Severity, string> = { error: 'FFC7CE', warning: 'FFEB9C', info: 'DDEBF7' };

const SEVERITY_NAME: Record<Lang, Record<Severity, string>> = {
  ko: { error: '오류', warning: '경고', info: '정보' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

const T = {
  ko: {
    title: '검증결과',
    file: '파일',
    checked: '검사 일시',
    summary: '요약',
    none: '발견된 문제가 없습니다.',
    headers: ['심각도', '규칙', '시트', '셀', '기대값', '실제값', '허용오차', '메시지', '관련 셀'],
    expected: '기대',
    actual: '실제',
    tolerance: '허용',
    count: (e: number, w: number, i: number) => `오류 ${e} · 경고 ${w} · 정보 ${i}`,
  },
  en: {
    title: 'Validation results',
    file: 'File',
    checked: 'Checked at',
    summary: 'Summary',
    none: 'No findings.',
    headers: ['Severity', 'Rule', 'Sheet', 'Cell', 'Expected', 'Actual', 'Tolerance', 'Message', 'Cells involved'],
    expected: 'expected',
    actual: 'actual',
    tolerance: 'tolerance',
    count: (e: number, w: number, i: number) => `${e} errors · ${w} warnings · ${i} info`,
  },
};

export interface AnnotateOptions {
  lang?: Lang;
  /** File name shown on the results sheet. */
  file?: string;
  sha256?: string;
  checkedAt?: Date;
}

/** Link target of a cell: #'Sheet'!C5 (always quoted, which Excel accepts for any sheet name). */
export function cellLink(sheet: string, cell: string): string {
  return `#'${sheet.replace(/'/g, "''")}'!${cell}`;
}

/**
 * A link to a cell as a HYPERLINK formula (its cached result is the address shown). exceljs' own
 * internal hyperlinks also write an external relationship, which Excel turns into "#x##x" links.
 */
export function linkFormula(sheet: string, cell: string): ExcelJS.CellFormulaValue {
  return { formula: `HYPERLINK("${cellLink(sheet, cell).replace(/"/g, '""')}","${cell}")`, result: cell };
}

function show(v: number | string | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isInteger(v) ? v.toLocaleString('en-US') : String(Number(v.toFixed(6)));
  return v;
}

/** One line of a cell note: "[오류] row-total: 메시지 (기대 10 · 실제 12 · 허용 ±1)". */
export function noteLine(f: Finding, lang: Lang = 'ko'): string {
  const t = T[lang];
  const parts: string[] = [];
  if (f.expected !== null) parts.push(`${t.expected} ${show(f.expected)}`);
  if (f.actual !== null) parts.push(`${t.actual} ${show(f.actual)}`);
  if (f.tolerance !== null) parts.push(`${t.tolerance} ±${show(f.tolerance)}`);
  return `[${SEVERITY_NAME[lang][f.severity]}] ${f.rule}: ${f.message}${parts.length ? ` (${parts.join(' · ')})` : ''}`;
}

function existingNote(cell: ExcelJS.Cell): string {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (!n) return '';
  if (typeof n === 'string') return n;
  return (n.texts ?? []).map((t) => t.text).join('');
}

/** Marks flagged cells and adds the '검증결과' sheet. Mutates `wb` (a copy loaded in memory). */
export function annotateWorkbook(wb: ExcelJS.Workbook, findings: readonly Finding[], opts: AnnotateOptions = {}): { marked: number } {
  const lang = opts.lang ?? 'ko';
  const sorted = sortFindings([...findings]);
  // Group findings by cell; the fill is the most severe one's.
  const byCell = new Map<string, { ws: ExcelJS.Worksheet; cell: string; findings: Finding[] }>();
  for (const f of sorted) {
    if (!f.sheet || !f.cell || f.sheet === RESULTS_SHEET || f.sheet === MARKS_SHEET) continue;
    const ws = wb.getWorksheet(f.sheet);
    if (!ws || !/^[A-Z]{1,3}\d+$/.test(f.cell)) continue;
    const key = `${f.sheet}\u0000${f.cell}`;
    const entry = byCell.get(key) ?? { ws, cell: f.cell, findings: [] };
    entry.findings.push(f);
    byCell.set(key, entry);
  }
  for (const { ws, cell: address, findings: list } of byCell.values()) {
    const { row, col } = parseA1(address);
    let cell = ws.getCell(row + 1, col + 1);
    if (cell.isMerged && cell.master && cell.master !== cell) cell = cell.master;
    const worst = list.reduce<Severity>((w, f) => (SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[w] ? f.severity : w), 'info');
    // A fresh style object: exceljs shares style objects between cells loaded with the same style.
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(SEVERITY_FILL[worst]) } } };
    const before = existingNote(cell);
    const ours = list.map((f) => noteLine(f, lang)).join('\n');
    cell.note = before ? `${before}\n\n${ours}` : ours;
  }
  addResultsSheet(wb, sorted, lang, opts);
  return { marked: byCell.size };
}

function addResultsSheet(wb: ExcelJS.Workbook, findings: Finding[], lang: Lang, opts: AnnotateOptions): ExcelJS.Worksheet {
  const old = wb.getWorksheet(RESULTS_SHEET);
  if (old) wb.removeWorksheet(old.id);
  const t = T[lang];
  const ws = wb.addWorksheet(RESULTS_SHEET);
  // First tab, and the one Excel opens on.
  const others = orderedWorksheets(wb).filter((w) => w !== ws);
  (ws as unknown as { orderNo: number }).orderNo = 0;
  others.forEach((w, i) => {
    (w as unknown as { orderNo: number }).orderNo = i + 1;
    w.views = (w.views ?? []).map((v) => ({ ...v, tabSelected: false }));
  });
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];

  const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: DEFAULT_FONT, size: 10, ...extra });
  const summary = { error: 0, warning: 0, info: 0 };
  for (const f of findings) summary[f.severity] += 1;

  ws.getCell('A1').value = `${t.title} — jobtarget`;
  ws.getCell('A1').font = font({ bold: true, size: 14 });
  const meta: [string, string][] = [
    [t.file, opts.file ?? ''],
    [t.checked, (opts.checkedAt ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z')],
    [t.summary, t.count(summary.error, summary.warning, summary.info)],
  ];
  if (opts.sha256) meta.splice(1, 0, ['sha256', opts.sha256]);
  meta.forEach(([k, v], i) => {
    const r = ws.getRow(2 + i);
    r.getCell(1).value = k;
    r.getCell(1).font = font({ bold: true });
    r.getCell(2).value = v;
    r.getCell(2).font = font();
  });
  const headerRow = 2 + meta.length + 1;
  const header = ws.getRow(headerRow);
  t.headers.forEach((h, c) => {
    const cell = header.getCell(c + 1);
    cell.value = h;
    cell.style = {
      font: font({ bold: true }),
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } },
      alignment: { horizontal: 'center', vertical: 'middle' },
      border: { bottom: { style: 'thin', color: { argb: 'FF808080' } } },
    };
  });
  findings.forEach((f, i) => {
    const r = ws.getRow(headerRow + 1 + i);
    const values: ExcelJS.CellValue[] = [
      SEVERITY_NAME[lang][f.severity],
      f.rule,
      f.sheet,
      f.sheet && f.cell ? linkFormula(f.sheet, f.cell) : f.cell,
      f.expected,
      f.actual,
      f.tolerance,
      f.message,
      f.cells.join(', '),
    ];
    values.forEach((v, c) => {
      const cell = r.getCell(c + 1);
      cell.value = v;
      cell.font = c === 3 && f.sheet && f.cell ? font({ color: { argb: 'FF0563C1' }, underline: true }) : font();
      if (c === 7 || c === 8) cell.alignment = { wrapText: true, vertical: 'top' };
      else cell.alignment = { vertical: 'top' };
    });
    r.getCell(1).fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(SEVERITY_FILL[f.severity]) } };
  });
  if (findings.length === 0) {
    ws.getCell(headerRow + 1, 1).value = t.none;
    ws.getCell(headerRow + 1, 1).font = font();
  }
  [10, 16, 18, 8, 12, 12, 10, 70, 40].forEach((w, i) => {
    ws.getColumn(i + 1).width = w;
  });
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: 'A1', tabSelected: true } as unknown as ExcelJS.WorksheetView];
  if (findings.length) ws.autoFilter = { from: { row: headerRow, column: 1 }, to: { row: headerRow + findings.length, column: t.headers.length } };
  return ws;
}

/** The copy's path is (or links to) an input: refused, whatever `--force` says. */
export const AnnotateRefusedError = OutputIsInputError;
export { OutputExistsError };

/** Where the annotated copy of `input` goes in `dir`: same base name + '.검증.xlsx'. */
export function annotatedPath(input: string, dir: string): string {
  const base = path.basename(input).replace(/\.xlsx$/i, '');
  return path.join(dir, `${base}${ANNOTATED_SUFFIX}`);
}

export interface AnnotateFileOptions extends AnnotateOptions {
  /** Every input of the batch: the copy may not be any of them (by inode: hard and symbolic links included). Defaults to [input]. */
  inputs?: string[];
  /** The input's bytes or loaded workbook, when the caller has them already (the file is then not read again). */
  buffer?: Buffer;
  workbook?: ExcelJS.Workbook;
  /** Output path instead of annotatedPath(input, dir). */
  output?: string;
  /** Replace an existing copy (never through a link; never an input). */
  force?: boolean;
}

/**
 * Writes the annotated copy of `input` into `dir` and returns its path: through a new temporary file
 * renamed into place (src/adapters/output.ts), so the input and anything outside `dir` are never written.
 */
export async function annotateFile(input: string, findings: readonly Finding[], dir: string, opts: AnnotateFileOptions = {}): Promise<string> {
  const output = opts.output ?? annotatedPath(input, dir);
  const protect = [...(opts.inputs ?? []), input];
  const wb = opts.workbook ?? (await loadXlsx(opts.buffer ?? (await fs.readFile(input)), input));
  annotateWorkbook(wb, findings, { file: path.basename(input), ...opts });
  const bytes = await workbookToBuffer(wb);
  await fs.mkdir(path.dirname(output), { recursive: true });
  await writeOutputFile(output, bytes, { force: opts.force, protect });
  return output;
}
