/**
 * `--format csv`: one row per finding, UTF-8 with BOM (so Excel shows Korean), CRLF, RFC 4180 quoting.
 * A field that a spreadsheet would run as a formula (starting with =, +, -, @, tab or CR) gets a leading
 * apostrophe, as OWASP recommends against CSV injection: a workbook's labels end up in these fields.
 */
import { headline, messageText, placeLabel, severityName } from '../../core/present';
import { NOT_READ_CODE } from '../batch';
import type { Lang } from '../../core/rules/types';
import type { FileReport, Formatter } from './types';

export const CSV_BOM = '\uFEFF';
/** The first ten columns are version 1's, then the plan's identity; the rest were added after them. */
export const CSV_HEADER = ['file', 'severity', 'rule', 'sheet', 'cell', 'expected', 'actual', 'tolerance', 'message', 'cells', 'region', 'term', 'period', 'difference', 'unit', 'table', 'message_id', 'headline', 'severity_name'] as const;
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

/** The plan's identity columns of every row: region, term, period (2023-2026). */
function identity(r: FileReport): (string | number | null)[] {
  return r.plan ? [r.plan.region, r.plan.term, `${r.plan.startYear}-${r.plan.endYear}`] : [null, null, null];
}

export function formatCsvRows(r: FileReport, lang: Lang = 'ko'): string {
  if (r.error !== null) {
    // A file found in a folder in a format that is not read is information, not an error of the batch.
    const notRead = r.errorCode === NOT_READ_CODE;
    const severity = notRead ? 'info' : 'error';
    return csvRow([r.file, severity, notRead ? NOT_READ_CODE : CSV_UNREADABLE_RULE, '', '', null, null, null, r.error, '', ...identity(r), null, null, null, r.errorCode, null, severityName(severity, lang)]);
  }
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
        messageText(f, lang),
        f.cells.join(' '),
        ...identity(r),
        f.difference,
        f.unit,
        placeLabel(f.place, lang),
        f.messageId,
        headline(f, lang),
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
  start: () => formatCsvHeader(),
  file: (r, ctx) => formatCsvRows(r, ctx.lang),
};
