/** A report for a file that could not be checked (light: no core, so the main thread can make one). */
import type { FileReport } from './report';

export const EMPTY_SUMMARY = () => ({ error: 0, warning: 0, info: 0 });

export function failedReport(file: string, code: string, message: string, sha256: string | null = null): FileReport {
  return { file, sha256, ok: false, error: message, errorCode: code, summary: EMPTY_SUMMARY(), findings: [] };
}
