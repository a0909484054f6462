/** The plan period is a parameter: nothing may hard-code 2023–2026. */
export interface PlanPeriod {
  /** First plan year, e.g. 2027. */
  startYear: number;
  /** Number of plan years, usually 4. */
  years: number;
}

export const DEFAULT_PERIOD: PlanPeriod = { startYear: 2027, years: 4 };

/** The base year is the year before the plan starts. */
export function baseYear(p: PlanPeriod): number {
  return p.startYear - 1;
}

export function planYears(p: PlanPeriod): number[] {
  return Array.from({ length: p.years }, (_, i) => p.startYear + i);
}

export function lastYear(p: PlanPeriod): number {
  return p.startYear + p.years - 1;
}

/** Validates a period given by a user (CLI flag, task pane input). Returns an error message or null. */
export function periodProblem(p: PlanPeriod): string | null {
  if (!Number.isInteger(p.startYear) || p.startYear < 2000 || p.startYear > 2100) {
    return `시작 연도는 2000~2100 사이의 정수여야 합니다 (start year must be an integer 2000–2100): ${p.startYear}`;
  }
  if (!Number.isInteger(p.years) || p.years < 1 || p.years > 10) {
    return `계획 기간은 1~10년이어야 합니다 (years must be 1–10): ${p.years}`;
  }
  return null;
}
