/**
 * The texts of one finding as the pane shows them: a one-line headline, and the figures and cells on demand.
 * (The wording itself belongs to the core's presentation; this only picks the pane's language.)
 */
import type { Finding, Lang } from '../../core/rules/types';
import { formatNumber } from './format';

/** The message split into its short statement and the parenthesised particulars that follow it. */
function split(message: string): { head: string; rest: string } {
  const cuts = [message.indexOf(' ('), message.indexOf(' — ')].filter((i) => i >= 8);
  if (!cuts.length) return { head: message, rest: '' };
  const i = Math.min(...cuts);
  let rest = message.slice(i).trim().replace(/^—\s*/, '');
  // "(…)" alone: the parentheses are the headline's, not the detail's.
  if (/^\([^()]*(\([^()]*\)[^()]*)*\)$/.test(rest)) rest = rest.slice(1, -1);
  return { head: message.slice(0, i), rest };
}

function messageOf(f: Finding, lang: Lang): string {
  return lang === 'en' ? f.messageEn : f.message;
}

/** One short line: the message's statement, without the particulars in parentheses. */
export function findingHeadline(f: Finding, lang: Lang): string {
  return split(messageOf(f, lang)).head;
}

/** The particulars the headline leaves out (the parts of a sum, the rounding), or ''. */
export function findingDetail(f: Finding, lang: Lang): string {
  return split(messageOf(f, lang)).rest;
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
