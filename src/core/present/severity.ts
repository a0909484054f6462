/** Severity names and colours: the one place every output takes them from. */
import type { Lang, Severity } from '../rules/types';

/** Most severe first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export const SEVERITY_NAMES: Record<Lang, Record<Severity, string>> = {
  ko: { error: '오류', warning: '경고', info: '정보' },
  en: { error: 'error', warning: 'warning', info: 'info' },
};

export function severityName(s: Severity, lang: Lang): string {
  return SEVERITY_NAMES[lang][s];
}

/**
 * Colours as RRGGBB (no '#'): `cell` fills the cell a finding is about and the severity cell of the
 * 검증결과 sheet; `involved` (paler) fills the other cells it involves (the parts of a sum); `text` is a
 * readable text colour on a white background.
 */
export interface SeverityColours {
  cell: string;
  involved: string;
  text: string;
}

export const SEVERITY_COLOURS: Record<Severity, SeverityColours> = {
  error: { cell: 'FFC7CE', involved: 'FDE9EC', text: '9C0006' },
  warning: { cell: 'FFEB9C', involved: 'FFF6D5', text: '9C5700' },
  info: { cell: 'BDD7EE', involved: 'E4EEF8', text: '1F4E79' },
};

/** The most severe of several severities ('info' for none). */
export function worstSeverity(list: Iterable<Severity>): Severity {
  let worst: Severity = 'info';
  for (const s of list) if (SEVERITY_RANK[s] < SEVERITY_RANK[worst]) worst = s;
  return worst;
}

export type SeverityCounts = Record<Severity, number>;

export function countSeverities(findings: Iterable<{ severity: Severity }>): SeverityCounts {
  const c: SeverityCounts = { error: 0, warning: 0, info: 0 };
  for (const f of findings) c[f.severity] += 1;
  return c;
}

/** "오류 13 · 경고 11 · 정보 2" / "13 errors · 11 warnings · 2 info". */
export function countsText(c: SeverityCounts, lang: Lang): string {
  if (lang === 'ko') return `오류 ${c.error} · 경고 ${c.warning} · 정보 ${c.info}`;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
  return `${plural(c.error, 'error')} · ${plural(c.warning, 'warning')} · ${c.info} info`;
}
