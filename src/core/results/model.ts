/**
 * Annual results (성과) and the year's plan (연차별 세부계획): the draft side (values only, what the
 * writer renders) and the read side (every figure with its cell), like model/draft.ts and model/plan.ts
 * for the 종합계획 tables. A PlanDraft carries these as optional `results` / `annualPlan` sections; a
 * Plan read from a workbook carries them when the workbook has those sheets.
 *
 * The 성과 hierarchy is a flat list of rows, each with a level (1 = top). A row's parent is the nearest
 * row above it with a lower level. A row that states a figure and has children is a total of those
 * children (실적 = Σ children's 실적, checked by the results-sum rule); a row without a figure is a
 * heading, and the rows under it are independent facts (nothing is summed).
 */
import type { CellRef, DraftValue, Figure } from '../model/figure';

/** Where a result item belongs in the 종합계획: a 실천과제 and/or one of its 세부사업, and a year. */
export interface DraftResultLink {
  /** 실천과제 as the plan names it: "① 청년 창업 인프라 조성", "청년 창업 인프라 조성" or "1". */
  task?: string;
  /** 세부사업 name as the plan's 실천과제 table writes it. */
  subproject?: string;
  /** The year the 실적 belongs to; defaults to the sheet's 실적연도. */
  year?: number;
}

export interface DraftResultItem {
  /** 1 = top level (organisation or 실천과제), 2 = programme, 3 = detail, … */
  level: number;
  name: string;
  /** 명, 개社, 개소, 회, …; null/'' = the parent's unit (a breakdown such as "(온라인 50, 현장 39)"). */
  unit: string | null;
  /** 목표, where a plan gives one. */
  target: DraftValue;
  /** 실적 as the document states it; null for a heading. */
  actual: DraftValue;
  /** 달성률 (%) as the document states it. */
  statedRate: DraftValue;
  link?: DraftResultLink;
  /** Text that goes with the figure in the document (e.g. "▲213%", "3학기제"). */
  note?: string;
}

export interface DraftResults {
  /** The document's heading for this section, e.g. "I. 2024년 성과와 평가 — 1 주요 성과". */
  title: string;
  /** 실적연도. */
  year: number;
  /** The organisation reporting (기관), e.g. 세종일자리경제진흥원; null when the region itself reports. */
  organisation: string | null;
  items: DraftResultItem[];
}

/** One 세부사업 (or a 실천과제's 총계 row) in one year's plan. */
export interface DraftAnnualRow {
  /** 실천과제 as the plan names it ("① 과제명", "과제명" or its number). */
  task: string;
  /** 세부사업 name; the 실천과제's total row when it is 총계/합계/소계. */
  subproject: string;
  target: DraftValue;
  targetUnit: string;
  budget: DraftValue;
  budgetUnit: string;
  note?: string;
}

export interface DraftAnnualPlan {
  title: string;
  /** 계획연도. */
  year: number;
  rows: DraftAnnualRow[];
}

// ---------------------------------------------------------------------------------------------
// Read side

export interface ResultLink {
  task: string | null;
  taskRef: CellRef | null;
  subproject: string | null;
  subprojectRef: CellRef | null;
}

export interface ResultItem {
  /** Position in `Results.items`. */
  index: number;
  level: number;
  name: string;
  /** The name cell. */
  label: CellRef;
  /** The unit as written on the row ('' when blank). */
  statedUnit: string;
  /** The unit in effect: the row's own, or inherited from the nearest ancestor that states one. */
  unit: string;
  unitRef: CellRef | null;
  target: Figure | null;
  actual: Figure;
  rate: Figure | null;
  link: ResultLink | null;
  /** The year this row's 실적 belongs to: its 연도 cell, else the sheet's 실적연도. */
  year: number | null;
  yearRef: CellRef | null;
  note: string;
  /** Index of the parent item, or null at the top. */
  parent: number | null;
  children: number[];
}

export interface Results {
  sheet: string;
  title: string | null;
  year: number | null;
  yearRef: CellRef | null;
  region: string | null;
  organisation: string | null;
  items: ResultItem[];
}

export interface AnnualRow {
  task: string;
  taskRef: CellRef;
  subproject: string;
  label: CellRef;
  target: Figure;
  targetUnit: string;
  budget: Figure | null;
  budgetUnit: string;
  note: string;
}

export interface AnnualPlan {
  sheet: string;
  title: string | null;
  year: number | null;
  yearRef: CellRef | null;
  region: string | null;
  rows: AnnualRow[];
}

/** Units compared ignoring spaces and the 社/사 spelling (개社 = 개사). */
export function unitKey(unit: string): string {
  return unit.replace(/\s+/g, '').replace(/社/g, '사');
}
