/**
 * The pane's one door to Excel: every Office.js action goes through the adapter (src/adapters/office),
 * bound here to one ExcelHost. Components call these methods and never touch Office.js themselves,
 * so tests can mock the adapter and the browser e2e can inject a scripted host.
 */
import type { Progress } from '../core/present/entered';
import {
  clearMarks,
  existingSheetNames,
  insertTemplate,
  onPlanChanged,
  planSheetNames,
  selectCells,
  validate,
  restoreCells,
  writeAcceptances,
  writeIndicatorTargets,
  writeResultsSheet,
  type CellContent,
} from '../adapters/office';
import type { Acceptance } from '../core/accepted';
import type {
  ActionCost,
  ClearResult,
  ExcelHost,
  IndicatorTargetUpdate,
  TargetCell,
  InsertOptions,
  InsertResult,
  ResultsSheetResult,
  SheetNames,
  SheetRole,
  ValidateOptions,
  ValidateResult,
} from '../adapters/office/api';
import type { PlanDraft } from '../core/model/draft';
import type { CellRef, Plan } from '../core/model/plan';
import type { Finding, Lang } from '../core/rules/types';

export type { SheetNames, SheetRole };
export type TargetUpdate = IndicatorTargetUpdate;
export type { CellContent, TargetCell };

export interface PaneServices {
  existingSheetNames(): Promise<string[]>;
  /** Free sheet names for a new plan, given the names already in the workbook. */
  planSheetNames(existing: readonly string[]): SheetNames;
  insertTemplate(draft: PlanDraft, options: InsertOptions): Promise<InsertResult>;
  validate(options: ValidateOptions): Promise<ValidateResult>;
  clearMarks(): Promise<ClearResult>;
  selectCells(cells: readonly (CellRef | string)[]): Promise<ActionCost>;
  writeResultsSheet(findings: readonly Finding[], lang: Lang, progress?: Progress | null): Promise<ResultsSheetResult>;
  writeIndicatorTargets(plan: Plan, updates: readonly TargetUpdate[]): Promise<{ cost: ActionCost }>;
  /** Writes numbers into target cells (목표 경로로 채우기). */
  writeTargetCells(cells: readonly TargetCell[]): Promise<{ cost: ActionCost }>;
  /** Puts cells back as they were (되돌리기 after a fill). */
  restoreCells(cells: readonly CellContent[]): Promise<{ cost: ActionCost }>;
  /** Replaces the workbook's accepted findings (수용). */
  writeAcceptances(list: readonly Acceptance[]): Promise<{ cost: ActionCost }>;
  /**
   * Calls `listener` once edits to the workbook have been quiet for `debounceMs` (the adapter debounces and
   * ignores the add-in's own writes); resolves to an unsubscribe function.
   */
  onPlanChanged(listener: () => void, debounceMs: number): Promise<() => Promise<void>>;
}

export function createServices(host: ExcelHost): PaneServices {
  return {
    existingSheetNames: () => existingSheetNames(host),
    planSheetNames: (existing) => planSheetNames(existing),
    insertTemplate: (draft, options) => insertTemplate(host, draft, options),
    validate: (options) => validate(host, options),
    clearMarks: () => clearMarks(host),
    selectCells: (cells) => selectCells(host, cells),
    writeResultsSheet: (findings, lang, progress) => writeResultsSheet(host, findings, lang, undefined, progress ?? null),
    writeIndicatorTargets: (plan, updates) => writeIndicatorTargets(host, plan, updates),
    writeTargetCells: (cells) => writeIndicatorTargets(host, cells),
    restoreCells: (cells) => restoreCells(host, cells),
    writeAcceptances: (list) => writeAcceptances(host, list),
    onPlanChanged: (listener, debounceMs) => onPlanChanged(host, () => listener(), { debounceMs }),
  };
}
