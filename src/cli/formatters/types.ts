/** What a formatter gets: one report per file checked, and the shape every formatter module has. */
import type { Finding, Lang, Severity } from '../../core/rules/types';

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
  /** In the one order (src/core/present/order.ts). */
  findings: Finding[];
  /** Findings the workbook's acceptances (수용, core/accepted.ts) match: not in `findings`, not counted. */
  accepted?: AcceptedReport[];
  /** Set when the annotated copy of this file could not be written (the file is then not ok). */
  annotateError?: string;
}

/** An accepted finding, with why and when it was accepted. */
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

export interface FormatContext {
  lang: Lang;
}

/**
 * A report format, ESLint-style: one module per format, registered in formatters/index.ts. Streaming
 * formats write as each file is checked (`file`); whole-report formats write at the end (`end`).
 * Each hook returns the text for stdout ('' for nothing).
 */
export interface Formatter {
  /** The name given to --format. */
  name: string;
  /** One line for --help. */
  description: string;
  /** Writes its report even when there was no file to check (a script reading it still gets one). */
  whenEmpty?: boolean;
  /** Before the first file (e.g. a CSV header). */
  start?(ctx: FormatContext): string;
  /** After each file is checked, in order. */
  file?(report: FileReport, ctx: FormatContext): string;
  /** After the last file, with every report. */
  end?(reports: readonly FileReport[], ctx: FormatContext): string;
}
