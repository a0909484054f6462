/**
 * What a batch amounts to: how many files have errors, how many only warnings, how many are clean (and
 * of those, how many are blank templates: clean only because nothing was entered), what could not be
 * read or was not read, and the lock files skipped. One closing line, ESLint-like,
 * with English plurals right ("1 file", "2 files").
 */
import { groupedFormat } from '../core/numbers/format';
import type { Lang, Severity } from '../core/rules/types';

/** Report codes of files that were found but deliberately not checked (not a failure of the run). */
export const NOT_READ_CODE = 'not-read';

export interface BatchFile {
  error: string | null;
  errorCode: string | null;
  summary: Record<Severity, number>;
  accepted?: readonly unknown[];
  /** The plan's progress (core/progress.ts): only whether nothing was entered matters here. */
  progress?: { untouched: boolean } | null;
}

export interface BatchCounts {
  /** Files checked or tried (everything except the not-read ones). */
  files: number;
  error: number;
  warning: number;
  info: number;
  /** Files that could not be read, or are not a plan. */
  unreadable: number;
  /** Files found in folders in a format that is not read (.xls, .hwp, .pdf, .cell, .ods). */
  notRead: number;
  /** Excel lock files (~$…) skipped in folders. */
  lockFiles: number;
  /** Findings accepted in the workbooks (수용): skipped, not counted above. */
  accepted: number;
  /** Readable files with at least one error. */
  withErrors: number;
  /** Readable files with warnings but no error. */
  withWarnings: number;
  /** Readable files without errors or warnings (blank templates included). */
  clean: number;
  /** Of `clean`, the plans with nothing entered (a blank template): clean because there is nothing to check. */
  empty: number;
}

export function batchCounts(reports: readonly BatchFile[], lockFiles = 0): BatchCounts {
  const c: BatchCounts = { files: 0, error: 0, warning: 0, info: 0, unreadable: 0, accepted: 0, notRead: 0, lockFiles, withErrors: 0, withWarnings: 0, clean: 0, empty: 0 };
  for (const r of reports) {
    if (r.errorCode === NOT_READ_CODE) {
      c.notRead += 1;
      continue;
    }
    c.files += 1;
    c.accepted += r.accepted?.length ?? 0;
    c.error += r.summary.error;
    c.warning += r.summary.warning;
    c.info += r.summary.info;
    if (r.error !== null) c.unreadable += 1;
    else if (r.summary.error > 0) c.withErrors += 1;
    else if (r.summary.warning > 0) c.withWarnings += 1;
    else {
      c.clean += 1;
      if (r.progress?.untouched) c.empty += 1;
    }
  }
  return c;
}

/** "1 file", "2 files". */
export function plural(n: number, one: string, many = `${one}s`): string {
  return `${groupedFormat(0, 0).format(n)} ${n === 1 ? one : many}`;
}

/** Counts of one file: "오류 3 · 경고 1 · 정보 0" / "3 errors · 1 warning · 0 info". */
export function severityCounts(s: Record<Severity, number>, lang: Lang): string {
  return lang === 'ko' ? `오류 ${s.error} · 경고 ${s.warning} · 정보 ${s.info}` : `${plural(s.error, 'error')} · ${plural(s.warning, 'warning')} · ${s.info} info`;
}

/**
 * The closing line: "파일 4개 검사: 오류가 있는 파일 1개, 경고만 있는 파일 1개, 문제없는 파일 1개, 빈 서식 1개 —
 * 오류 26 · 경고 8 · 정보 2". A blank template is counted as one, not as a file without problems.
 */
export function closingLine(c: BatchCounts, lang: Lang): string {
  const ko = lang === 'ko';
  const files: string[] = [];
  if (ko) {
    files.push(`오류가 있는 파일 ${c.withErrors}개`);
    if (c.withWarnings) files.push(`경고만 있는 파일 ${c.withWarnings}개`);
    files.push(`문제없는 파일 ${c.clean - c.empty}개`);
    if (c.empty) files.push(`빈 서식 ${c.empty}개`);
    if (c.unreadable) files.push(`읽지 못한 파일 ${c.unreadable}개`);
  } else {
    files.push(`${plural(c.withErrors, 'file')} with errors`);
    if (c.withWarnings) files.push(`${plural(c.withWarnings, 'file')} with warnings only`);
    files.push(`${c.clean - c.empty} clean`);
    if (c.empty) files.push(`${c.empty} blank`);
    if (c.unreadable) files.push(`${c.unreadable} unreadable`);
  }
  const head = ko ? `파일 ${c.files}개 검사` : `${plural(c.files, 'file')} checked`;
  let line = `${head}: ${files.join(', ')} — ${severityCounts(c, lang)}`;
  const extra: string[] = [];
  if (c.notRead) extra.push(ko ? `읽지 않은 형식 ${c.notRead}개` : `${plural(c.notRead, 'file')} in formats not read`);
  if (c.lockFiles) extra.push(ko ? `Excel 잠금 파일(~$) ${c.lockFiles}개 건너뜀` : `${plural(c.lockFiles, 'Excel lock file')} (~$) skipped`);
  if (extra.length) line += ` (${extra.join(', ')})`;
  return line;
}
