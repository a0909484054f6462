/** A report for a file that could not be checked (light: no core, so the main thread can make one). */
import type { FileReport } from './formatters/types';

export const EMPTY_SUMMARY = () => ({ error: 0, warning: 0, info: 0 });

export function failedReport(file: string, code: string, message: string, sha256: string | null = null): FileReport {
  return { file, sha256, ok: false, error: message, errorCode: code, plan: null, summary: EMPTY_SUMMARY(), findings: [] };
}

/** "한국어 (English)" like the reader's messages, in the run's language first. */
export function bilingual(r: { ko: string; en: string }, lang: 'ko' | 'en'): string {
  return lang === 'ko' ? `${r.ko} (${r.en})` : `${r.en} (${r.ko})`;
}
