/**
 * Reports of `jobtarget check`: text (a Korean table per file), JSON (the stable contract, version 1)
 * and CSV (one row per finding, UTF-8 with BOM so Excel shows Korean correctly).
 */
import type { Finding, Lang, Severity } from '../core/rules/types';

export interface FileReport {
  /** The path as given or found (relative paths stay relative). */
  file: string;
  /** sha256 of the bytes read; null when the file could not be read at all. */
  sha256: string | null;
  /** Readable, a plan, and no finding of severity error. */
  ok: boolean;
  /** One line (Korean, then English) when the file could not be read or is not a plan; else null. */
  error: string | null;
  /** Machine-readable reason of `error`: not-found, empty, not-xlsx, truncated, encrypted, unreadable, not-a-plan. */
  errorCode: string | null;
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

export interface BatchSummary {
  files: number;
  error: number;
  warning: number;
  info: number;
  unreadable: number;
  /** Findings accepted in the workbooks (not counted above). */
  accepted: number;
}

export function batchSummary(reports: readonly FileReport[]): BatchSummary {
  const s: BatchSummary = { files: reports.length, error: 0, warning: 0, info: 0, unreadable: 0, accepted: 0 };
  for (const r of reports) {
    s.accepted += r.accepted?.length ?? 0;
    s.error += r.summary.error;
    s.warning += r.summary.warning;
    s.info += r.summary.info;
    if (r.error !== null) s.unreadable += 1;
  }
  return s;
}

// ---------------------------------------------------------------------------------------------- JSON

/** A finding as the JSON contract (version 1) carries it: the engine's Finding without its English twin and message id. */
export type JsonFinding = Omit<Finding, 'messageEn' | 'messageId'>;

export interface JsonFile {
  file: string;
  sha256: string | null;
  ok: boolean;
  error: string | null;
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

export function toJsonReport(reports: readonly FileReport[]): JsonReport {
  return {
    version: 1,
    files: reports.map((r) => ({
      file: r.file,
      sha256: r.sha256,
      ok: r.ok,
      error: r.error,
      summary: { error: r.summary.error, warning: r.summary.warning, info: r.summary.info },
      findings: r.findings.map(jsonFinding),
      accepted: (r.accepted ?? []).map((a) => ({ ...jsonFinding(a.finding), reason: a.reason, acceptedAt: a.acceptedAt })),
      ...(r.annotateError ? { annotateError: r.annotateError } : {}),
    })),
    summary: batchSummary(reports),
  };
}

export function formatJson(reports: readonly FileReport[]): string {
  return `${JSON.stringify(toJsonReport(reports), null, 2)}\n`;
}

// ----------------------------------------------------------------------------------------------- CSV

export const CSV_BOM = '\uFEFF';
export const CSV_HEADER = ['file', 'severity', 'rule', 'sheet', 'cell', 'expected', 'actual', 'tolerance', 'message', 'cells'] as const;
/** Rule id of the CSV row that stands for a file that could not be read (JSON has its `error` field instead). */
export const CSV_UNREADABLE_RULE = 'unreadable';

/** RFC 4180: quote a field holding a comma, a quote, or a line break; double the quotes. */
export function csvField(v: string | number | null): string {
  if (v === null) return '';
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvRow(fields: (string | number | null)[]): string {
  return `${fields.map(csvField).join(',')}\r\n`;
}

export function formatCsvHeader(): string {
  return CSV_BOM + csvRow([...CSV_HEADER]);
}

export function formatCsvRows(r: FileReport): string {
  if (r.error !== null) return csvRow([r.file, 'error', CSV_UNREADABLE_RULE, '', '', null, null, null, r.error, '']);
  return r.findings
    .map((f) => csvRow([r.file, f.severity, f.rule, f.sheet, f.cell, f.expected, f.actual, f.tolerance, f.message, f.cells.join(' ')]))
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
    none: '발견된 문제가 없습니다.',
    counts: (s: Record<Severity, number>) => `오류 ${s.error} · 경고 ${s.warning} · 정보 ${s.info}`,
    total: (b: BatchSummary) =>
      `검사한 파일 ${b.files}개 · 오류 ${b.error} · 경고 ${b.warning} · 정보 ${b.info}${b.unreadable ? ` · 읽지 못한 파일 ${b.unreadable}개` : ''}`,
    unreadable: '읽지 못함',
  },
  en: {
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    headers: ['severity', 'cell', 'rule', 'message'],
    expected: 'expected',
    actual: 'actual',
    tolerance: 'tolerance',
    none: 'No findings.',
    counts: (s: Record<Severity, number>) => `${s.error} errors · ${s.warning} warnings · ${s.info} info`,
    total: (b: BatchSummary) =>
      `${b.files} files checked · ${b.error} errors · ${b.warning} warnings · ${b.info} info${b.unreadable ? ` · ${b.unreadable} unreadable` : ''}`,
    unreadable: 'unreadable',
  },
};

/** Columns a string takes in a terminal: Hangul and CJK are two wide. */
export function displayWidth(s: string): number {
  let w = 0;
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    const wide =
      (c >= 0x1100 && c <= 0x115f) ||
      (c >= 0x2e80 && c <= 0xa4cf && c !== 0x303f) ||
      (c >= 0xac00 && c <= 0xd7a3) ||
      (c >= 0xf900 && c <= 0xfaff) ||
      (c >= 0xfe30 && c <= 0xfe4f) ||
      (c >= 0xff00 && c <= 0xff60) ||
      (c >= 0xffe0 && c <= 0xffe6) ||
      (c >= 0x20000 && c <= 0x3fffd);
    w += wide ? 2 : 1;
  }
  return w;
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

/** The table of one readable file (a file that could not be read gets its one line on stderr instead). */
export function formatTextFile(r: FileReport, lang: Lang): string {
  const w = WORDS[lang];
  const lines = [`■ ${r.file}`];
  if (r.error !== null) {
    lines.push(`  ${w.unreadable}: ${r.error}`);
    return `${lines.join('\n')}\n\n`;
  }
  if (r.findings.length === 0) {
    lines.push(`  ${w.none}`);
  } else {
    const rows = r.findings.map((f) => [w.severity[f.severity], f.sheet && f.cell ? `${f.sheet}!${f.cell}` : f.sheet || '-', f.rule, messageWithFigures(f, lang)]);
    const widths = [0, 1, 2].map((c) => Math.max(displayWidth(w.headers[c]), ...rows.map((x) => displayWidth(x[c]))));
    const line = (cells: string[]) => `  ${cells.map((c, i) => (i < 3 ? pad(c, widths[i]) : c)).join('  ')}`.trimEnd();
    lines.push(line(w.headers));
    lines.push(line(widths.map((n) => '─'.repeat(n)).concat('─'.repeat(Math.max(displayWidth(w.headers[3]), 8)))));
    for (const row of rows) lines.push(line(row));
  }
  lines.push(`  → ${w.counts(r.summary)}`);
  const accepted = r.accepted?.length ?? 0;
  if (accepted) lines.push(lang === 'ko' ? `  (수용한 항목 ${accepted}건은 건너뜀)` : `  (${accepted} accepted finding${accepted === 1 ? '' : 's'} skipped)`);
  return `${lines.join('\n')}\n\n`;
}

export function formatTextSummary(reports: readonly FileReport[], lang: Lang): string {
  return `${WORDS[lang].total(batchSummary(reports))}\n`;
}

/** The one line a file that could not be read gets (stderr). */
export function unreadableLine(r: FileReport, lang: Lang): string {
  return `${r.file}: ${WORDS[lang].unreadable} — ${r.error ?? ''}`;
}
