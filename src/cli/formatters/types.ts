/** What a formatter gets: one report per file checked, and the shape every formatter module has. */
import type { Finding, Lang, Severity } from '../../core/rules/types';
import { batchCounts, type BatchCounts } from '../batch';
import type { Painter } from '../color';
import type { PlanFacts } from '../facts';
import type { PlanIdentity } from '../identity';
import type { Progress } from '../../core/present/entered';

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
  /**
   * How much of the plan's 종합계획 was entered (core/progress.ts): 세부사업 and 공통 일자리 목표 entered of
   * all, and whether nothing at all was (a blank template). Absent or null when the file was not read as
   * a plan, or has no 종합계획 table (a results report alone).
   */
  progress?: Progress | null;
  /** Figures the HTML report charts (not part of the JSON contract). */
  facts?: PlanFacts;
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

export type BatchSummary = BatchCounts;

export function batchSummary(reports: readonly FileReport[], lockFiles = 0): BatchSummary {
  return batchCounts(reports, lockFiles);
}

export interface FormatContext {
  lang: Lang;
  /** Colours for a terminal (a no-op painter otherwise). */
  paint: Painter;
  /** Display columns a text line may take. */
  width: number;
  /** --verbose: each finding's whole message, figures and cells. */
  verbose: boolean;
  /** Excel lock files (~$…) skipped in folders, for the summary. */
  lockFiles: number;
}

/**
 * A report format, ESLint-style: one module per format, registered in formatters/index.ts. Streaming
 * formats write as each file is checked (`file`); whole-report formats write at the end (`end`).
 * Each hook returns the text for the report ('' for nothing).
 */
export interface Formatter {
  /** The name given to --format. */
  name: string;
  /** Writes its report even when there was no file to check (a script reading it still gets one). */
  whenEmpty?: boolean;
  /** `end` needs every file's findings; otherwise only the counts are kept after `file` (memory stays flat). */
  needsFindings?: boolean;
  /** Before the first file (e.g. a CSV header). */
  start?(ctx: FormatContext): string;
  /** After each file is checked, in order. */
  file?(report: FileReport, ctx: FormatContext): string;
  /** After the last file, with every report. */
  end?(reports: readonly FileReport[], ctx: FormatContext): string;
}
