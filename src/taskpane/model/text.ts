/**
 * The texts of one finding as the pane shows them: a one-line headline, and the figures and cells on demand.
 * (The wording itself belongs to the core's presentation; this only picks the pane's language.)
 */
import type { Finding, Lang } from '../../core/rules/types';
import { formatNumber } from './format';

export function findingHeadline(f: Finding, lang: Lang): string {
  return lang === 'en' ? f.messageEn : f.message;
}

function figure(v: number | string | null, lang: Lang): string {
  return typeof v === 'number' ? formatNumber(v, Number.isInteger(v) ? 0 : 1, lang) : String(v);
}

const WORDS = {
  ko: { expected: '계산', actual: '기재', difference: '차이', tolerance: '반올림 허용' },
  en: { expected: 'computed', actual: 'stated', difference: 'difference', tolerance: 'rounding tolerance' },
};

/** "계산 41,019 · 기재 43,783 · 차이 +2,764 · 반올림 허용 ±3", or '' when the finding compares no figures. */
export function findingFigures(f: Finding, lang: Lang): string {
  const w = WORDS[lang];
  const parts: string[] = [];
  if (f.expected !== null) parts.push(`${w.expected} ${figure(f.expected, lang)}`);
  if (f.actual !== null) parts.push(`${w.actual} ${figure(f.actual, lang)}`);
  if (typeof f.expected === 'number' && typeof f.actual === 'number' && f.actual !== f.expected) {
    const d = f.actual - f.expected;
    parts.push(`${w.difference} ${d > 0 ? '+' : ''}${figure(Math.round(d * 1e6) / 1e6, lang)}`);
  }
  if (f.tolerance) parts.push(`${w.tolerance} ±${figure(f.tolerance, lang)}`);
  return parts.join(' · ');
}

/** The cells involved, without the finding's own, as "실천과제!D34" (quotes dropped for reading). */
export function findingParts(f: Finding): string[] {
  return f.cells.map((c) => c.replace(/^'((?:[^']|'')+)'!/, (_, name: string) => `${name.replace(/''/g, "'")}!`));
}
