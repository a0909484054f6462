/**
 * Whose plan a report is about: 지자체, 민선 and the plan period (and the results year of a 성과 sheet),
 * so 200 files called 제출본(n).xlsx can be told apart in every report format.
 */
import type { Plan } from '../core/model/plan';
import type { Lang } from '../core/rules/types';

export interface PlanIdentity {
  /** 지자체명 as the workbook states it; null when it states none. */
  region: string | null;
  /** 민선 기수 (8 for 민선 8기); null when not stated. */
  term: number | null;
  /** First and last plan year. */
  startYear: number;
  endYear: number;
  /** 실적연도 of the 성과 sheet, when the workbook has one. */
  resultsYear: number | null;
  /** 기관 that reports the results (e.g. 세종일자리경제진흥원), when stated. */
  organisation: string | null;
}

export function planIdentity(plan: Plan): PlanIdentity {
  return {
    region: plan.meta.region,
    term: plan.meta.term,
    startYear: plan.period.startYear,
    endYear: plan.period.startYear + plan.period.years - 1,
    resultsYear: plan.results?.year ?? null,
    organisation: plan.results?.organisation ?? null,
  };
}

function ordinal(n: number): string {
  const tens = n % 100;
  if (tens >= 11 && tens <= 13) return `${n}th`;
  return `${n}${['th', 'st', 'nd', 'rd'][n % 10] ?? 'th'}`;
}

/** "인천광역시 서구 · 민선 8기 · 2023~2026" / "인천광역시 서구 · 8th term · 2023–2026". */
export function identityText(id: PlanIdentity, lang: Lang): string {
  const ko = lang === 'ko';
  const parts: string[] = [];
  parts.push(id.region ?? (ko ? '지자체명 없음' : 'no region stated'));
  if (id.organisation && id.organisation !== id.region) parts.push(id.organisation);
  if (id.term !== null) parts.push(ko ? `민선 ${id.term}기` : `${ordinal(id.term)} term`);
  // A one-year period is one year; a results report's own year is said once, with 성과.
  if (id.startYear !== id.endYear) parts.push(ko ? `${id.startYear}~${id.endYear}` : `${id.startYear}–${id.endYear}`);
  else if (id.startYear !== id.resultsYear) parts.push(String(id.startYear));
  if (id.resultsYear !== null) parts.push(ko ? `${id.resultsYear}년 성과` : `${id.resultsYear} results`);
  return parts.join(' · ');
}
