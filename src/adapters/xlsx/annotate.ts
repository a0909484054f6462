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
import {
  LINK_COLOUR,
  OWN_SHEETS,
  SEVERITY_COLOURS,
  linkFormula as presentLink,
  noteLine as presentNoteLine,
  resultsSheet,
  worstSeverity,
  type CellStyle,
  type ResultsSheetSpec,
} from '../../core/present';
import { DEFAULT_FONT, argb, workbookToBuffer } from './write';
import { OutputExistsError, OutputIsInputError, writeOutputFile } from '../output';
import { loadXlsx, orderedWorksheets } from './read';

import { ANNOTATED_SUFFIX } from './names';
export { ANNOTATED_SUFFIX };

/** The cell fill of each severity (src/core/present: the same colours as the add-in's). */
export const SEVERITY_FILL: Record<Severity, string> = {
  error: SEVERITY_COLOURS.error.cell,
  warning: SEVERITY_COLOURS.warning.cell,
  info: SEVERITY_COLOURS.info.cell,
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
  return { formula: presentLink(sheet, cell), result: cell };
}

/** One line of a cell note: "[오류] row-total: 메시지 (기대 10 · 실제 12 · 허용 ±1)". */
export function noteLine(f: Finding, lang: Lang = 'ko'): string {
  return presentNoteLine(f, lang);
}

function existingNote(cell: ExcelJS.Cell): string {
  const n = cell.note as string | ExcelJS.Comment | undefined;
  if (!n) return '';
  if (typeof n === 'string') return n;
  return (n.texts ?? []).map((t) => t.text).join('');
}

/** Marks flagged cells and adds the '검증결과' sheet. Mutates `wb` (a copy loaded in memory). Findings are listed in the order given. */
export function annotateWorkbook(wb: ExcelJS.Workbook, findings: readonly Finding[], opts: AnnotateOptions = {}): { marked: number } {
  const lang = opts.lang ?? 'ko';
  // Group findings by cell; the fill is the most severe one's.
  const byCell = new Map<string, { ws: ExcelJS.Worksheet; cell: string; findings: Finding[] }>();
  for (const f of findings) {
    if (!f.sheet || !f.cell || OWN_SHEETS.includes(f.sheet)) continue;
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
    const worst = worstSeverity(list.map((f) => f.severity));
    // A fresh style object: exceljs shares style objects between cells loaded with the same style.
    cell.style = { ...cell.style, fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(SEVERITY_FILL[worst]) } } };
    const before = existingNote(cell);
    const ours = list.map((f) => noteLine(f, lang)).join('\n');
    cell.note = before ? `${before}\n\n${ours}` : ours;
  }
  addResultsSheet(wb, resultsSheet(findings, lang, { file: opts.file ?? '', sha256: opts.sha256, checkedAt: opts.checkedAt ?? new Date() }));
  return { marked: byCell.size };
}

/** Writes the 검증결과 sheet as src/core/present/sheet.ts describes it: first tab, the one Excel opens on. */
function addResultsSheet(wb: ExcelJS.Workbook, spec: ResultsSheetSpec): ExcelJS.Worksheet {
  const old = wb.getWorksheet(spec.name);
  if (old) wb.removeWorksheet(old.id);
  const ws = wb.addWorksheet(spec.name);
  const others = orderedWorksheets(wb).filter((w) => w !== ws);
  (ws as unknown as { orderNo: number }).orderNo = 0;
  others.forEach((w, i) => {
    (w as unknown as { orderNo: number }).orderNo = i + 1;
    w.views = (w.views ?? []).map((v) => ({ ...v, tabSelected: false }));
  });
  wb.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];

  const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({ name: DEFAULT_FONT, size: 10, ...extra });
  const fonts: Record<CellStyle, Partial<ExcelJS.Font>> = {
    title: font({ bold: true, size: 14 }),
    label: font({ bold: true }),
    header: font({ bold: true }),
    text: font(),
    number: font(),
    link: font({ color: { argb: argb(LINK_COLOUR) }, underline: true }),
  };
  spec.rows.forEach((cells, r) => {
    cells.forEach((c, col) => {
      if (!c) return;
      const cell = ws.getCell(r + 1, col + 1);
      cell.value = c.link ? linkFormula(c.link.sheet, c.link.cell) : c.value;
      const style: Partial<ExcelJS.Style> = { font: fonts[c.style] };
      if (c.fill) style.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(c.fill) } };
      if (c.style === 'header') {
        style.alignment = { horizontal: 'center', vertical: 'middle' };
        style.border = { bottom: { style: 'thin', color: { argb: 'FF808080' } } };
      } else if (r > spec.headerRow) {
        style.alignment = c.wrap ? { wrapText: true, vertical: 'top' } : { vertical: 'top' };
      }
      cell.style = style;
    });
  });
  spec.columns.forEach((c, i) => {
    ws.getColumn(i + 1).width = c.width;
  });
  const headerRow = spec.headerRow + 1;
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: headerRow, topLeftCell: `A${headerRow + 1}`, activeCell: 'A1', tabSelected: true } as unknown as ExcelJS.WorksheetView];
  const f = spec.autoFilter;
  if (f) ws.autoFilter = { from: { row: f.row + 1, column: f.firstCol + 1 }, to: { row: f.lastRow + 1, column: f.lastCol + 1 } };
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
