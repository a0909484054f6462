/**
 * Reports of `jobtarget check`: text (a Korean table per file), JSON (the stable contract, version 1)
 * and CSV (one row per finding, UTF-8 with BOM so Excel shows Korean correctly).
 */
import { neutralise } from './formatters/csv';
import type { Finding, Lang, Severity } from '../core/rules/types';
import stringWidth from 'string-width';
import { batchCounts, closingLine, severityCounts, type BatchCounts } from './batch';
import { painter, type Painter } from './color';
import type { PlanFacts } from './facts';
import { identityText, type PlanIdentity } from './identity';

export interface FileReport {
  /** The path as given or found (relative paths stay relative). */
  file: string;
  /** sha256 of the bytes read; null when the file could not be read at all. */
  sha256: string | null;
  /** Readable, a plan, and no finding of severity error. */
  ok: boolean;
  /** One line (Korean, then English) when the file could not be read or is not a plan; else null. */
  error: string | null;
  /** Machine-readable reason of `error`: not-found, empty, not-xlsx, truncated, encrypted, unreadable, not-a-plan; not-read for a file found in a folder in a format that is not read. */
  errorCode: string | null;
  /** Whose plan it is (지자체, 민선, period), when the file was read as a plan. */
  plan: PlanIdentity | null;
  /** Figures the HTML report charts (not part of the JSON contract). */
  facts?: PlanFacts;
  summary: Record<Severity, number>;
  findings: Finding[];
  /** Findings the workbook's acceptances (수용, core/accepted.ts) match: not in `findings`, not counted. */
  accepted?: AcceptedReport[];
  /** Set when the annotated copy of this file could not be written (the file is then not ok). */
  annotateError?: string;
}

/** An accepted finding: the finding as JSON carries it, with why and when it was accepted. */
export interface AcceptedReport {
  finding: Finding;
  reason: string;
  acceptedAt: string;
}

export type BatchSummary = BatchCounts;

export function batchSummary(reports: readonly FileReport[], lockFiles = 0): BatchSummary {
  return batchCounts(reports, lockFiles);
}

// ---------------------------------------------------------------------------------------------- JSON

/** A finding as the JSON contract (version 1) carries it: the engine's Finding without its English twin and message id. */
export type JsonFinding = Pick<Finding, 'rule' | 'severity' | 'sheet' | 'cell' | 'cells' | 'expected' | 'actual' | 'tolerance' | 'message'>;

export interface JsonFile {
  file: string;
  sha256: string | null;
  ok: boolean;
  error: string | null;
  errorCode: string | null;
  plan: PlanIdentity | null;
  summary: Record<Severity, number>;
  findings: JsonFinding[];
  /** Findings accepted in the workbook (수용): skipped, not counted in `summary`. */
  accepted: (JsonFinding & { reason: string; acceptedAt: string })[];
  /** Only when `--annotate` could not write this file's copy (then `ok` is false). */
  annotateError?: string;
}

export interface JsonReport {
  version: 1;
  files: JsonFile[];
  summary: BatchSummary;
}

export function jsonFinding(f: Finding): JsonFinding {
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    cells: [...f.cells],
    expected: f.expected,
    actual: f.actual,
    tolerance: f.tolerance,
    message: f.message,
  };
}

export function toJsonReport(reports: readonly FileReport[], lockFiles = 0): JsonReport {
  return {
    version: 1,
    files: reports.map((r) => ({
      file: r.file,
      sha256: r.sha256,
      ok: r.ok,
      error: r.error,
      errorCode: r.errorCode,
      plan: r.plan,
      summary: { error: r.summary.error, warning: r.summary.warning, info: r.summary.info },
      findings: r.findings.map(jsonFinding),
      accepted: (r.accepted ?? []).map((a) => ({ ...jsonFinding(a.finding), reason: a.reason, acceptedAt: a.acceptedAt })),
      ...(r.annotateError ? { annotateError: r.annotateError } : {}),
    })),
    summary: batchSummary(reports, lockFiles),
  };
}

export function formatJson(reports: readonly FileReport[], lockFiles = 0): string {
  return `${JSON.stringify(toJsonReport(reports, lockFiles), null, 2)}\n`;
}

// ----------------------------------------------------------------------------------------------- CSV

export const CSV_BOM = '\uFEFF';
export const CSV_HEADER = ['file', 'severity', 'rule', 'sheet', 'cell', 'expected', 'actual', 'tolerance', 'message', 'cells', 'region', 'term', 'period'] as const;
/** Rule id of the CSV row that stands for a file that could not be read (JSON has its `error` field instead). */
export const CSV_UNREADABLE_RULE = 'unreadable';

/** RFC 4180: quote a field holding a comma, a quote, or a line break; double the quotes. Text that a spreadsheet would take for a formula is neutralised first (OWASP). */
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
function csvIdentity(r: FileReport): (string | number | null)[] {
  return r.plan ? [r.plan.region, r.plan.term, `${r.plan.startYear}-${r.plan.endYear}`] : [null, null, null];
}

export function formatCsvRows(r: FileReport): string {
  if (r.error !== null) return csvRow([r.file, r.errorCode === 'not-read' ? 'info' : 'error', r.errorCode === 'not-read' ? 'not-read' : CSV_UNREADABLE_RULE, '', '', null, null, null, r.error, '', ...csvIdentity(r)]);
  return r.findings
    .map((f) => csvRow([r.file, f.severity, f.rule, f.sheet, f.cell, f.expected, f.actual, f.tolerance, f.message, f.cells.join(' '), ...csvIdentity(r)]))
    .join('');
}

export function formatCsv(reports: readonly FileReport[]): string {
  return formatCsvHeader() + reports.map(formatCsvRows).join('');
}

// ---------------------------------------------------------------------------------------------- text

const WORDS = {
  ko: {
    severity: { error: '오류', warning: '경고', info: '정보' } as Record<Severity, string>,
    headers: ['심각도', '셀', '규칙', '메시지'],
    expected: '기대',
    actual: '실제',
    tolerance: '허용',
    none: '문제없음',
    unreadable: '읽지 못함',
    notRead: '읽지 않음',
  },
  en: {
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    headers: ['severity', 'cell', 'rule', 'message'],
    expected: 'expected',
    actual: 'actual',
    tolerance: 'tolerance',
    none: 'no problems',
    unreadable: 'unreadable',
    notRead: 'not read',
  },
};

/** Columns a string takes in a terminal (Hangul and CJK are two wide), measured by string-width. */
export function displayWidth(s: string): number {
  return stringWidth(s);
}

function pad(s: string, width: number): string {
  return s + ' '.repeat(Math.max(0, width - displayWidth(s)));
}

export function formatNumber(v: number | string | null): string {
  if (v === null) return '';
  if (typeof v === 'string') return v;
  if (Number.isInteger(v)) return v.toLocaleString('en-US');
  return String(Number(v.toFixed(6)));
}

/** "메시지 (기대 10 · 실제 12 · 허용 ±1)". */
export function messageWithFigures(f: Finding, lang: Lang): string {
  const w = WORDS[lang];
  const parts: string[] = [];
  if (f.expected !== null) parts.push(`${w.expected} ${formatNumber(f.expected)}`);
  if (f.actual !== null) parts.push(`${w.actual} ${formatNumber(f.actual)}`);
  if (f.tolerance !== null) parts.push(`${w.tolerance} ±${formatNumber(f.tolerance)}`);
  return parts.length ? `${f.message} (${parts.join(' · ')})` : f.message;
}

/** "file — 인천광역시 서구 · 민선 8기 · 2023~2026". */
function fileTitle(r: FileReport, lang: Lang): string {
  return r.plan ? `${r.file} — ${identityText(r.plan, lang)}` : r.file;
}

/**
 * One file: a header naming the file, whose plan it is and its counts, then a table of the findings.
 * A clean file is one line; a file that was not read is one line with the reason.
 */
export function formatTextFile(r: FileReport, lang: Lang, paint: Painter = painter(false)): string {
  const w = WORDS[lang];
  if (r.error !== null) {
    const notRead = r.errorCode === 'not-read';
    return `${notRead ? '–' : paint.severity('error', '✗')} ${r.file} — ${notRead ? w.notRead : paint.severity('error', w.unreadable)}: ${r.error}\n`;
  }
  const accepted = r.accepted?.length ?? 0;
  const skipped = accepted ? (lang === 'ko' ? ` (수용한 항목 ${accepted}건은 건너뜀)` : ` (${accepted} accepted finding${accepted === 1 ? '' : 's'} skipped)`) : '';
  if (r.findings.length === 0) return `${paint.ok('✓')} ${fileTitle(r, lang)} — ${paint.ok(w.none)}${skipped}\n`;
  const lines = [paint.bold(`■ ${fileTitle(r, lang)} — ${severityCounts(r.summary, lang)}`)];
  const rows = r.findings.map((f) => [w.severity[f.severity], f.sheet && f.cell ? `${f.sheet}!${f.cell}` : f.sheet || '-', f.rule, messageWithFigures(f, lang)]);
  const widths = [0, 1, 2].map((c) => Math.max(displayWidth(w.headers[c]), ...rows.map((x) => displayWidth(x[c]))));
  const line = (cells: string[], severity?: Severity) =>
    `  ${cells.map((c, i) => (i === 0 && severity ? paint.severity(severity, pad(c, widths[i])) : i < 3 ? pad(c, widths[i]) : c)).join('  ')}`.trimEnd();
  lines.push(line(w.headers));
  lines.push(line(widths.map((n) => '─'.repeat(n)).concat('─'.repeat(Math.max(displayWidth(w.headers[3]), 8)))));
  rows.forEach((row, i) => lines.push(line(row, r.findings[i].severity)));
  if (skipped) lines.push(` ${skipped}`);
  return `${lines.join('\n')}\n\n`;
}

/** The closing line of a text report. */
export function formatTextSummary(reports: readonly FileReport[], lang: Lang, lockFiles = 0): string {
  return `${closingLine(batchSummary(reports, lockFiles), lang)}\n`;
}

/** The one line a file that could not be read gets (stderr). */
export function unreadableLine(r: FileReport, lang: Lang): string {
  return `${r.file}: ${WORDS[lang].unreadable} — ${r.error ?? ''}`;
}
