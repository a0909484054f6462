/**
 * The 검증결과 sheet: one row per finding with a link to its cell. The sheet's name is kept in a
 * workbook custom property (ExcelApi 1.7), so the next one replaces ours and never a user's sheet
 * that happens to have the same name.
 */
import { quoteSheet } from '../../core/grid/a1';
import { summarize } from '../../core/rules/run';
import type { Finding, Lang, Severity } from '../../core/rules/types';
import { RESULTS_SHEET, type ExcelHost, type ResultsSheetResult } from './api';
import { Meter, asOwnWrite } from './host';
import { cellInput, charsToPoints } from './insert';
import { freeName } from './names';

export const RESULTS_TITLE_KO = '검증 결과 (지역일자리 목표 공시 도우미)';
export const RESULTS_TITLE_EN = 'Validation results (job-target plan checker)';
export const RESULTS_PROPERTY = 'jobtarget.resultsSheet';

const LABELS: Record<Lang, { severity: Record<Severity, string>; headers: string[]; summary: (s: Record<Severity, number>) => string }> = {
  ko: {
    severity: { error: '오류', warning: '경고', info: '참고' },
    headers: ['심각도', '시트', '셀', '규칙', '내용', '계산값', '기재값', '허용 오차'],
    summary: (s) => `오류 ${s.error} · 경고 ${s.warning} · 참고 ${s.info}`,
  },
  en: {
    severity: { error: 'Error', warning: 'Warning', info: 'Info' },
    headers: ['Severity', 'Sheet', 'Cell', 'Rule', 'Message', 'Expected', 'Stated', 'Tolerance'],
    summary: (s) => `errors ${s.error} · warnings ${s.warning} · info ${s.info}`,
  },
};
const WIDTHS = [8, 18, 10, 16, 90, 12, 12, 10];
const HEADER_ROW = 3; // 0-based: title, summary, blank, headers

function str(s: string): string {
  return `"${s.replace(/"/g, '""')}"`;
}

/** =HYPERLINK("#'Sheet'!C5","C5") — a link to a cell of this workbook. */
export function cellLink(sheet: string, cell: string): string {
  const target = `#${quoteSheet(sheet).startsWith("'") ? quoteSheet(sheet) : `'${sheet}'`}!${cell}`;
  return `=HYPERLINK(${str(target)},${str(cell)})`;
}

function figure(v: number | string | null): string | number | null {
  return typeof v === 'string' ? (cellInput(v) as string | null) : v;
}

export async function writeResultsSheet(host: ExcelHost, findings: readonly Finding[], lang: Lang): Promise<ResultsSheetResult> {
  const L = LABELS[lang];
  return asOwnWrite(() =>
    host.run(async (ctx) => {
      const meter = new Meter();
      const sheets = ctx.workbook.worksheets;
      sheets.load('items/name,items/visibility');
      const withProps = host.supports('ExcelApi', '1.7');
      const prop = withProps ? ctx.workbook.properties.custom.getItemOrNullObject(RESULTS_PROPERTY) : null;
      prop?.load('value');
      await meter.sync(ctx);

      const items = sheets.items.map((s) => ({ name: s.name, visibility: s.visibility as string }));
      const ourName = prop && !prop.isNullObject ? String(prop.value) : null;
      const ours = ourName === null ? undefined : items.find((s) => s.name.toLowerCase() === ourName.toLowerCase());
      const taken = items.map((s) => s.name);
      let name: string;
      let ws: Excel.Worksheet;
      // Our previous sheet is emptied and reused, never deleted: Worksheet.delete clears the user's undo
      // history (Microsoft's "Undo support" list). A hidden one (it cannot be activated) is left alone.
      if (ours && ours.visibility === 'Visible') {
        name = ours.name;
        ws = sheets.getItem(name);
        ws.getRange().clear('All' as Excel.ClearApplyTo);
      } else {
        name = freeName(RESULTS_SHEET, taken);
        ws = sheets.add(name);
      }

      const rows: (string | number | null)[][] = [
        [lang === 'ko' ? RESULTS_TITLE_KO : RESULTS_TITLE_EN, null, null, null, null, null, null, null],
        [L.summary(summarize(findings)), null, null, null, null, null, null, null],
        [null, null, null, null, null, null, null, null],
        L.headers,
        ...findings.map((f) => [
          L.severity[f.severity],
          f.sheet ? (cellInput(f.sheet) as string) : null,
          f.sheet && f.cell ? cellLink(f.sheet, f.cell) : null,
          f.rule,
          cellInput(lang === 'ko' ? f.message : f.messageEn) as string,
          figure(f.expected),
          figure(f.actual),
          f.tolerance,
        ]),
      ];
      ws.getRange(`A1:H${rows.length}`).formulas = rows;
      ws.getRange('A1').format.font.bold = true;
      ws.getRange('A1').format.font.size = 14;
      const header = ws.getRange(`A${HEADER_ROW + 1}:H${HEADER_ROW + 1}`);
      header.format.font.bold = true;
      header.format.fill.color = '#DCE6F1';
      WIDTHS.forEach((w, i) => (ws.getRange(`${String.fromCharCode(65 + i)}:${String.fromCharCode(65 + i)}`).format.columnWidth = charsToPoints(w)));
      if (host.supports('ExcelApi', '1.7')) ws.freezePanes.freezeRows(HEADER_ROW + 1);
      if (withProps) ctx.workbook.properties.custom.add(RESULTS_PROPERTY, name);
      ws.activate();
      await meter.sync(ctx);
      return { sheetName: name, cost: meter.cost() };
    }),
  );
}
