/**
 * `--format json`: the stable contract, version 1 (docs/cli.md documents every field). The fields of the
 * first version keep their meaning; the structured ones (messageId, data, refs, place, unit, difference,
 * headline, detail, …) were added next to them.
 */
import type { CellRef } from '../../core/model/plan';
import { detail, headline, messageText, placeLabel, severityName } from '../../core/present';
import type { Finding, Lang, Place, Severity } from '../../core/rules/types';
import type { PlanIdentity } from '../identity';
import { batchSummary, type BatchSummary, type FileReport, type Formatter } from './types';

export interface JsonFinding {
  rule: string;
  severity: Severity;
  sheet: string;
  cell: string;
  cells: string[];
  expected: number | string | null;
  actual: number | string | null;
  tolerance: number | null;
  /** The whole message in the report's language. */
  message: string;
  // ---- added: structured fields
  /** The short form of the message (one line: the place and the figures once). */
  headline: string;
  messageId: string;
  /** The message's data; a bilingual value is given in the report's language. */
  data: Record<string, string | number>;
  /** The message in the other language too: { ko, en }. */
  messages: { ko: string; en: string };
  /** The message with the figures, in the report's language. */
  detail: string;
  /** The severity's name in the report's language (오류/경고/정보 or error/warning/info). */
  severityName: string;
  /** `sheet`/`cell` as a structured reference (null for a finding about the whole workbook), with 0-based row and column. */
  where: { sheet: string; cell: string; row: number | null; col: number | null } | null;
  /** `cells` as structured references. */
  refs: CellRef[];
  place: Place | null;
  /** The place as text in the report's language ("분야별 목표 · 청년 일자리 확대 소요예산 합계"). */
  placeLabel: string;
  difference: number | null;
  unit: string | null;
}

export interface JsonFile {
  file: string;
  sha256: string | null;
  ok: boolean;
  error: string | null;
  /** Added: the machine-readable reason of `error`. */
  errorCode: string | null;
  /** Added: whose plan it is (지자체, 민선, period); null when the file was not read as a plan. */
  plan: PlanIdentity | null;
  /**
   * Added: how much of the plan's 종합계획 was entered (세부사업 and 공통 일자리 목표 with a figure, of all;
   * `untouched` when nothing at all was, a blank template); null when the file was not read as a plan or
   * has no 종합계획 table (a results report alone).
   */
  progress: JsonProgress | null;
  summary: Record<Severity, number>;
  findings: JsonFinding[];
  /** Findings accepted in the workbook (수용): skipped, not counted in `summary`. */
  accepted: (JsonFinding & { reason: string; acceptedAt: string })[];
  /** Only when `--annotate` could not write this file's copy (then `ok` is false). */
  annotateError?: string;
}

export interface JsonProgress {
  subprojects: { entered: number; total: number };
  indicators: { entered: number; total: number };
  untouched: boolean;
}

export interface JsonReport {
  version: 1;
  /** Added: the language of `message`, `detail`, `severityName`, `placeLabel`. */
  lang: Lang;
  files: JsonFile[];
  summary: BatchSummary;
}

function rowCol(cell: string): { row: number | null; col: number | null } {
  const m = /^([A-Z]{1,3})(\d+)$/.exec(cell);
  if (!m) return { row: null, col: null };
  let col = 0;
  for (const ch of m[1]) col = col * 26 + (ch.charCodeAt(0) - 64);
  return { row: Number(m[2]) - 1, col: col - 1 };
}

export function jsonFinding(f: Finding, lang: Lang = 'ko'): JsonFinding {
  const data: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(f.data)) data[k] = typeof v === 'object' ? v[lang] : v;
  return {
    rule: f.rule,
    severity: f.severity,
    sheet: f.sheet,
    cell: f.cell,
    cells: [...f.cells],
    expected: f.expected,
    actual: f.actual,
    tolerance: f.tolerance,
    message: messageText(f, lang),
    headline: headline(f, lang),
    messageId: f.messageId,
    data,
    messages: { ko: messageText(f, 'ko'), en: messageText(f, 'en') },
    detail: detail(f, lang),
    severityName: severityName(f.severity, lang),
    where: f.sheet ? { sheet: f.sheet, cell: f.cell, ...rowCol(f.cell) } : null,
    refs: f.refs.map((r) => ({ sheet: r.sheet, cell: r.cell })),
    place: f.place,
    placeLabel: placeLabel(f.place, lang),
    difference: f.difference,
    unit: f.unit,
  };
}

export function toJsonReport(reports: readonly FileReport[], lang: Lang = 'ko', lockFiles = 0): JsonReport {
  return {
    version: 1,
    lang,
    files: reports.map((r) => ({
      file: r.file,
      sha256: r.sha256,
      ok: r.ok,
      error: r.error,
      errorCode: r.errorCode,
      plan: r.plan,
      progress: r.progress
        ? {
            subprojects: { entered: r.progress.subprojects.entered, total: r.progress.subprojects.total },
            indicators: { entered: r.progress.indicators.entered, total: r.progress.indicators.total },
            untouched: r.progress.untouched,
          }
        : null,
      summary: { error: r.summary.error, warning: r.summary.warning, info: r.summary.info },
      findings: r.findings.map((f) => jsonFinding(f, lang)),
      accepted: (r.accepted ?? []).map((a) => ({ ...jsonFinding(a.finding, lang), reason: a.reason, acceptedAt: a.acceptedAt })),
      ...(r.annotateError ? { annotateError: r.annotateError } : {}),
    })),
    summary: batchSummary(reports, lockFiles),
  };
}

export function formatJson(reports: readonly FileReport[], lang: Lang = 'ko', lockFiles = 0): string {
  return `${JSON.stringify(toJsonReport(reports, lang, lockFiles), null, 2)}\n`;
}

export const json: Formatter = {
  name: 'json',
  whenEmpty: true,
  needsFindings: true,
  end: (reports, ctx) => formatJson(reports, ctx.lang, ctx.lockFiles),
};
