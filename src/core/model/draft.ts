/**
 * A plan as values only: what the template writer renders. The example plans and the blank
 * template are drafts; a workbook read back becomes a `Plan` (see plan.ts), where every value
 * also carries its cell address.
 */
import type { PlanPeriod } from './period';
import type { DraftAnnualPlan, DraftResults } from '../results/model';
import type { DraftValue } from './figure';

/** A figure as a draft holds it: a number, or null for an empty cell. `-` in a document is 0. */
export type { DraftValue } from './figure';

/** 합계 plus one value per plan year. */
export interface DraftSeries {
  total: DraftValue;
  years: DraftValue[];
}

export interface DraftTargetBudget {
  target: DraftSeries;
  budget: DraftSeries;
}

export type IndicatorKind = 'rate' | 'count';

export interface DraftIndicator {
  name: string;
  /** rate: %, change in %p; count: 명, change in %. */
  kind: IndicatorKind;
  /** The last actual year (base year − 1). */
  lastActual: DraftValue;
  /** The base year (usually an expected value). */
  base: DraftValue;
  /** One target per plan year. */
  targets: DraftValue[];
  /** The change column as the document states it (%p for rates, % for counts). */
  statedChange: DraftValue;
}

export interface DraftArea {
  name: string;
  /** True when this area's budget is left out of the budget total (the seed's private-sector area). */
  excludedFromBudgetTotal: boolean;
  /** Why it is excluded, as the document's footnote says it. */
  exclusionNote?: string;
  target: DraftSeries;
  /** null when the document has no budget row for this area. */
  budget: DraftSeries | null;
}

export interface DraftSubProject {
  name: string;
  target: DraftSeries;
  budget: DraftSeries;
}

export interface DraftTask {
  /** 1-based number, shown as ①, ②, … */
  no: number;
  name: string;
  /** The strategy area's name, as written in the 분야별 목표 table. */
  area: string;
  /** Unit of 성과목표: 명, 개소, … */
  targetUnit: string;
  /** Unit of 소요예산: 천원, 백만원 or 억원. */
  budgetUnit: string;
  /** The 총계 row; absent when the document's table has none (a task with one 세부사업). */
  total: DraftTargetBudget | null;
  subprojects: DraftSubProject[];
}

export interface DraftMeta {
  /** 지자체명, e.g. 인천광역시 서구 */
  region: string;
  /** 민선 기수, e.g. 8 */
  term: number | null;
  /** 작성일 (ISO date) */
  preparedDate: string | null;
  /** Plan title as a document gives it. */
  title: string;
}

export interface DraftSettings {
  /** Required change for rate indicators by the last plan year, in %p. */
  requiredRateChange: number;
  /** Required change for count indicators by the last plan year, in %. */
  requiredCountChange: number;
}

export interface PlanDraft {
  meta: DraftMeta;
  period: PlanPeriod;
  settings: DraftSettings;
  indicators: DraftIndicator[];
  /** Unit of 분야별 목표: targets and budgets. */
  areaUnits: { target: string; budget: string };
  /** The 합계 rows of 분야별 목표 as stated (null in a blank template, which writes SUM formulas). */
  grandTotal: DraftTargetBudget;
  areas: DraftArea[];
  tasks: DraftTask[];
  /** The 성과 sheet (annual results), when the workbook has one: see results/model.ts. */
  results?: DraftResults;
  /** The 연차별 세부계획 sheet (one year's plan), when the workbook has one. */
  annualPlan?: DraftAnnualPlan;
}
