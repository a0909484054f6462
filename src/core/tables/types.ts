/**
 * Tables, not sheets, are the unit of reading. Each kind of table (공통 일자리 목표, 분야별 목표, 실천과제
 * 연차별 추진계획, 성과, 연차별 세부계획, 개요, and the 전략·과제 overview that links tasks to areas) is one
 * module with `detect` (find every table of the kind on one sheet, by its header structure and
 * surroundings, never by its position) and `read` (turn one found table into the plan's part), listed
 * once in tables/index.ts. The assembler (assemble.ts) runs every detector over every sheet, settles
 * overlaps and choices in one place, then reads.
 */
import type { PlanPeriod } from '../model/period';
import type { CellRef, Plan, ReadProblem, Series, Task } from '../model/plan';
import type { PlanDraft } from '../model/draft';
import type { RenderContext, RenderedSheet } from './rendered';
import type { TableSheet } from './sheet';

export type TableKindId = 'overview' | 'title' | 'indicators' | 'areas' | 'strategy-map' | 'tasks' | 'results' | 'results-prose' | 'annual';

export interface TableMatch {
  kind: TableKindId;
  sheet: TableSheet;
  /** The header row (the table's first row). */
  header: number;
  /** The table's last row, inclusive. */
  last: number;
  /** Years named in the header (empty when the kind has none). */
  years: number[];
  /** Set when the table is recognised but cannot be read as it stands: what is missing, in the user's terms. */
  notUnderstood?: { ko: string; en: string; ref: CellRef };
}

/** The plan being assembled, shared by the kinds' `read`. */
export interface Assembly {
  plan: Plan;
  period: PlanPeriod;
  /** True when the period was stated (개요, title line) rather than inferred from the year headers. */
  periodStated: boolean;
  problems: ReadProblem[];
  /** Every table accepted after settling, in sheet and row order. */
  accepted: TableMatch[];
  problem(table: string, ko: string, en: string, level?: ReadProblem['level'], ref?: CellRef): void;
  /** Reports a 성과목표/소요예산 row missing from its pair once and returns the placeholder series. */
  missingRow(table: string, label: CellRef, name: string, role: 'target' | 'budget', placeholder: Series): Series;
  /** Tables read without a unit line above them (the usual units assumed; said once). */
  missingUnitLines: CellRef[];
  /** Task number → strategy area, as the document's 전략·과제 overview lists them (links.ts). */
  taskAreas: Map<number, { area: string; ref: CellRef }>;
  /** Task number → the task's name as that overview lists it: finds a title numbered in another way (tasks.ts). */
  taskNames: Map<number, string>;
  /** Where each task's title (or table) sits in the grid, for links by position. */
  taskPlaces: Map<Task, { sheet: TableSheet; row: number }>;
}

export interface TableKind<M extends TableMatch = TableMatch> {
  id: TableKindId;
  /** The table's name as users call it (Korean), used in structure findings. */
  name: string;
  nameEn: string;
  /** The sheet our template writes this table on (kinds that are only read from documents have none). */
  sheetName?: string;
  /** Finds every table of this kind on one sheet. Must not throw on any grid. */
  detect(sheet: TableSheet): M[];
  /** Reads one accepted table into the plan. */
  read(match: M, asm: Assembly): void;
  /**
   * Writes this table of a draft in our template's layout (its own sheet), or null when the draft has
   * none of it. Kinds that exist only in documents (title lines, the task overview, prose results) have none.
   */
  render?(draft: PlanDraft, ctx: RenderContext): RenderedSheet | null;
}
