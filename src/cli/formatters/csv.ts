/**
 * `--format csv`: one row per finding, UTF-8 with BOM (so Excel shows Korean), CRLF, RFC 4180 quoting.
 * A field that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading
 * apostrophe, as OWASP recommends against CSV injection: a workbook's labels end up in these fields.
 */
import { detail, headline, placeLabel, severityName } from '../../core/present';
import type { Lang } from '../../core/rules/types';
import type { FileReport, Formatter } from './types';

export const CSV_BOM = '\uFEFF';
/** The first ten columns are version 1's; the rest were added after them. */
export const CSV_HEADER = ['file', 'severity', 'rule', 'sheet', 'cell', 'expected', 'actual', 'tolerance', 'message', 'cells', 'difference', 'unit', 'table', 'message_id', 'detail', 'severity_name'] as const;
/** Rule id of the CSV row that stands for a file that could not be read (JSON has its `error` field instead). */
export const CSV_UNREADABLE_RULE = 'unreadable';

/** A text field a spreadsheet would take for a formula, neutralised with a leading apostrophe (numbers stay numbers). */
export function neutralise(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}

/** RFC 4180: quote a field holding a comma, a quote, or a line break; double the quotes. Text fields are neutralised first. */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = typeof v === 'number' ? String(v) : neutralise(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(fields: (string | number | null)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export function formatCsvHeader(): string {
  return CSV_BOM + csvRow([...CSV_HEADER]);
}

export function formatCsvRows(r: FileReport, lang: Lang = 'ko'): string {
  if (r.error !== null) return csvRow([r.file, 'error', CSV_UNREADABLE_RULE, '', '', null, null, null, r.error, '', null, null, null, null, null, severityName('error', lang)]);
  return r.findings
    .map((f) =>
      csvRow([
        r.file,
        f.severity,
        f.rule,
        f.sheet,
        f.cell,
        f.expected,
        f.actual,
        f.tolerance,
        headline(f, lang),
        f.cells.join(' '),
        f.difference,
        f.unit,
        placeLabel(f.place, lang),
        f.messageId,
        detail(f, lang),
        severityName(f.severity, lang),
      ]),
    )
    .join('');
}

export function formatCsv(reports: readonly FileReport[], lang: Lang = 'ko'): string {
  return formatCsvHeader() + reports.map((r) => formatCsvRows(r, lang)).join('');
}

export const csv: Formatter = {
  name: 'csv',
  description: 'CSV, 발견 사항 한 줄에 하나 (one row per finding, UTF-8 with BOM)',
  start: () => formatCsvHeader(),
  file: (r, ctx) => formatCsvRows(r, ctx.lang),
};
