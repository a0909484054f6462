/**
 * A plan read from a workbook: the draft's shape, but every figure carries its sheet and cell, and
 * what the reader could not find is listed as a problem, never thrown.
 */
import type { IndicatorKind } from './draft';
import type { PlanPeriod } from './period';
import type { CellRef, Figure } from './figure';
import type { AnnualPlan, Results } from '../results/model';

export type { CellRef, Figure } from './figure';

export interface Series {
  total: Figure;
  years: Figure[];
}

export interface TargetBudget {
  target: Series;
  budget: Series | null;
}

export interface Indicator {
  name: string;
  kind: IndicatorKind;
  /** Unit as the row states it: % or 명. */
  unit: string;
  label: CellRef;
  lastActual: Figure | null;
  base: Figure;
  targets: Figure[];
  statedChange: Figure | null;
}

export interface StrategyArea {
  name: string;
  label: CellRef;
  excludedFromBudgetTotal: boolean;
  target: Series;
  budget: Series | null;
}

export interface SubProject {
  name: string;
  label: CellRef;
  target: Series;
  budget: Series;
}

export interface Task {
  no: number;
  name: string;
  label: CellRef;
  /** Area name as the task's table states it. */
  areaName: string;
  /** Index into plan.areas, or null when no area of that name exists. */
  areaIndex: number | null;
  targetUnit: string;
  budgetUnit: string;
  total: { label: CellRef; target: Series; budget: Series } | null;
  subprojects: SubProject[];
  /** Its 소계 (subtotal) rows, when the table groups its 세부사업 under them; absent when it has none. */
  subtotals?: Subtotal[];
}

/**
 * A 소계 pair inside a 실천과제 table: the subtotal of a group of its 세부사업, not a 세부사업 itself. Its
 * group is `subprojects[first]` … `subprojects[first + count - 1]`: the 세부사업 rows between it and the
 * 소계 before it (or the table's first row) when the table's 소계 follow their rows (`side` 'after', as most
 * tables have it), or between it and the next 소계 (or the table's end) when they head them ('before').
 */
export interface Subtotal {
  name: string;
  label: CellRef;
  target: Series;
  budget: Series;
  first: number;
  count: number;
  side: 'after' | 'before';
}

export interface PlanSettings {
  requiredRateChange: number;
  requiredCountChange: number;
}

export interface ReadProblem {
  /** Which table could not be read, e.g. '분야별 목표'. */
  table: string;
  /** The label that was looked for, or what was wrong. */
  message: string;
  messageEn: string;
  ref?: CellRef;
  /**
   * 'fatal' when nothing of the plan could be read; 'table' for a table or label not found (an error);
   * 'warning' for a relation the reader could not establish (e.g. tasks not linked to areas: a warning finding);
   * 'note' for information about the workbook's shape (an info finding), e.g. a results-only workbook.
   */
  level: 'fatal' | 'table' | 'warning' | 'note';
}

export interface Plan {
  meta: {
    region: string | null;
    term: number | null;
    preparedDate: string | null;
    sheet: string | null;
  };
  period: PlanPeriod;
  settings: PlanSettings;
  indicators: Indicator[];
  indicatorsSheet: string | null;
  areaUnits: { target: string; budget: string };
  grandTotal: { label: CellRef; target: Series; budget: Series | null } | null;
  areas: StrategyArea[];
  areasSheet: string | null;
  tasks: Task[];
  /** The 성과 sheet, when the workbook has one (results/read.ts). */
  results?: Results;
  /** The 연차별 세부계획 sheet, when the workbook has one. */
  annualPlan?: AnnualPlan;
  /** How many cells the reader looked at (reported by the front ends). */
  cellsRead: number;
}

export const DEFAULT_SETTINGS: PlanSettings = { requiredRateChange: 2, requiredCountChange: 10 };
