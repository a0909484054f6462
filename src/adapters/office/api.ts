/**
 * The contract between the task pane and the Office.js adapter. The task pane calls only these
 * functions; each takes an `ExcelHost` so tests (jest and the browser e2e) can hand in a strict test
 * double instead of the real `Excel.run`. Every action costs a constant number of `context.sync`
 * round trips, whatever the workbook's size, and reports what it cost.
 *
 * Functions (src/adapters/office/index.ts), each `async (host, …)`:
 *   existingSheetNames(host) → string[]                         1 sync
 *   planSheetNames(existing) → SheetNames                        (no Excel)
 *   insertTemplate(host, draft, InsertOptions) → InsertResult    2 syncs
 *   validate(host, ValidateOptions) → ValidateResult             2 syncs; 3 with highlight
 *   clearMarks(host) → ClearResult                               3 syncs (1 when nothing is marked)
 *   selectCells(host, refs) → ActionCost                         1 sync
 *   writeResultsSheet(host, findings, lang) → ResultsSheetResult 2 syncs
 *   writeIndicatorTargets(host, cells) or (host, plan, updates) → { cost }   1 sync
 *   onPlanChanged(host, handler, { debounceMs }) → unsubscribe   1 sync (+1 to unsubscribe)
 * Reads stay in one round trip up to far beyond any plan (a 5,000-세부사업 plan is ~2.5 MB of the
 * 5 MB Excel on the web allows); only a workbook that cannot be read in one request at all is read
 * in more (see read.ts).
 *
 * Changes since the first draft of this file (all additive): optional fields on ValidateResult
 * (`degraded`, `truncated`, `annotationsSkipped`) and ClearResult (`annotationsRemoved`, `degraded`);
 * SheetNames, TargetCell, IndicatorTargetUpdate, ResultsSheetResult, PlanChangeOptions types;
 * writeIndicatorTargets accepts either cells or (plan, updates); ExcelHost.documentSettings, ValidateOptions.config
 * and ValidateResult's `config` and `sheets` (the workbook's reviewer settings, issue #13); `notices` (the
 * `degraded` texts as {ko, en} without requirement-set names) on ValidateResult and ClearResult.
 *
 * How highlights are kept (so 지우기 works after save and reopen): validate+highlight copies each marked
 * cell's format (Range.copyFrom … 'Formats', ExcelApi 1.9) into the very hidden MARKS_SHEET before
 * filling it, and writes one row per marked area there (where its saved format is, severity, role,
 * annotation, and the target as a formula =ROWS('Sheet'!C5:D5), which Excel keeps pointing at the marked
 * cells when the user inserts or deletes rows/columns or renames the sheet; read back with Range.formulas).
 * Clearing reads the saved fills back (getCellProperties) and restores them: No Fill with fill.clear()
 * (never white), solid/pattern fills property by property, anything else (tints, gradients) by copying
 * the saved format back. Copying the format instead of reading it
 * first is what keeps validate+highlight at 3 round trips: a read-then-save would need a fourth.
 */
import type { PlanDraft } from '../../core/model/draft';
import type { DEFAULT_SHEET_NAMES } from '../../core/template/render';
import type { Finding, Lang, Severity } from '../../core/rules/types';
import type { ValidationResult } from '../../core/validate';
import type { ConfigProblem, RuleSetting } from '../../core/config';
import { MARKS_SHEET as PRESENT_MARKS_SHEET, RESULTS_SHEET as PRESENT_RESULTS_SHEET } from '../../core/present/sheet';
import { SEVERITY_COLOURS } from '../../core/present/severity';

/** What `Excel.run` and `Office.context.requirements` give; injectable for tests. */
export interface ExcelHost {
  run<T>(batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /**
   * Excel.run(context, batch): a batch on the request context of an earlier run, which is how an event
   * handler registered in that run must be removed. Optional for injected hosts.
   */
  runWith?<T>(context: Excel.RequestContext, batch: (context: Excel.RequestContext) => Promise<T>): Promise<T>;
  /** e.g. supports('ExcelApi', '1.18') for notes, ('ExcelApi', '1.10') for comments. */
  supports(set: string, version: string): boolean;
  /**
   * Office.context.document.settings (Common API requirement set Settings 1.1): the add-in's own
   * name/value pairs stored in the workbook. Absent, or null, when the host has none; read only through
   * readWorkbookConfig (settings.ts), which also checks the requirement set.
   */
  documentSettings?(): DocumentSettings | null;
}

/** The part of Office.Settings the adapter uses: `get` returns the stored value, or null when there is none. */
export interface DocumentSettings {
  get(name: string): unknown;
}

/**
 * The reviewer settings found in the workbook (key `jobtarget.config`, the shape of jobtarget.config.json):
 * 'workbook' — valid, its `rules` applied; 'none' — no such setting; 'unsupported' — this Excel has no
 * document settings; 'invalid' — the setting is wrong (`problems`), so nothing of it was applied.
 */
export interface WorkbookConfig {
  source: 'workbook' | 'none' | 'unsupported' | 'invalid';
  /** Severity per rule id, as applied ({} unless source is 'workbook'). */
  rules: Record<string, RuleSetting>;
  problems: ConfigProblem[];
}

export interface ActionCost {
  /** context.sync() calls made by the action. */
  syncs: number;
  /** Cells whose values were read. */
  cellsRead: number;
  /** Wall time in milliseconds. */
  ms: number;
}

/** The template's sheets: the four 종합계획 sheets, and 성과 / 연차별 세부계획 when a draft has them. */
export type SheetRole = keyof typeof DEFAULT_SHEET_NAMES;
export type SheetNames = Record<SheetRole, string>;

export interface InsertOptions {
  /** Live SUM formulas for totals left empty in the draft (the blank template). */
  formulas: boolean;
  /**
   * Sheet names to use instead of the defaults; the caller picks free ones (see planSheetNames).
   * A name that is taken anyway gets a free variant ("개요 (2)"): insert never overwrites a sheet.
   */
  sheetNames?: Partial<SheetNames>;
}

export interface InsertResult {
  /** The names actually used, in order overview, indicators, areas, tasks. */
  sheetNames: string[];
  cost: ActionCost;
}

export interface ValidateOptions {
  lang: Lang;
  /** Fill flagged cells by severity and attach notes (or comments) with the message. */
  highlight: boolean;
  /**
   * Reviewer settings to apply instead of the workbook's own (default: read from the workbook's document
   * settings, key `jobtarget.config`; see settings.ts).
   */
  config?: WorkbookConfig;
}

export interface ValidateResult {
  result: ValidationResult;
  /** How cells were annotated: notes (ExcelApi 1.18), comments (1.10), or fill only (1.9); none when not highlighting. */
  annotation: 'notes' | 'comments' | 'fill-only' | 'none';
  /**
   * Cells filled: each finding's own cell (strong colour, with a note) and the cells it involves (pale),
   * except the parts of a finding that involves more than 30 cells (a 총계 over 1,000 세부사업):
   * selecting the finding shows those.
   */
  marked: number;
  cost: ActionCost;
  /** Why highlighting did less than asked (old Excel, too many cells, …); Korean / English pairs joined by ' / '. */
  degraded?: string[];
  /** The same as `notices`: the user's text in each language, without requirement-set names. */
  notices?: Notice[];
  /** The workbook's reviewer settings (jobtarget.config) and whether they were applied. */
  config?: WorkbookConfig;
  /** The workbook's sheets in workbook order (the order findings are listed in: core/present orderFindings). */
  sheets?: string[];
  /** True when more cells were flagged than MAX_MARKED_CELLS: the first ones by severity were marked. */
  truncated?: boolean;
  /** Finding cells left without a note/comment because the user already had one there. */
  annotationsSkipped?: number;
}

export interface ClearResult {
  /** Cells whose format was restored. */
  restored: number;
  cost: ActionCost;
  /** Notes or comments removed (only the add-in's own). */
  annotationsRemoved?: number;
  degraded?: string[];
  notices?: Notice[];
}

/** Something the user should know about an action, in both languages; `requires` names the requirement set (for developers). */
export interface Notice {
  ko: string;
  en: string;
  requires?: string;
}

export interface ResultsSheetResult {
  sheetName: string;
  cost: ActionCost;
}

/** One cell to write (the growth panel's yearly targets). `sheet` is the sheet name, `cell` A1. */
export interface TargetCell {
  sheet: string;
  cell: string;
  value: number;
}

/** Yearly targets for one indicator of a read plan: `indicator` indexes plan.indicators. */
export interface IndicatorTargetUpdate {
  indicator: number;
  values: number[];
}

export interface PlanChangeOptions {
  /** Quiet time after the last change before the handler runs. Default 800 ms. */
  debounceMs?: number;
}

/**
 * The oldest Excel the add-in supports, as the ExcelApi requirement set manifest.xml declares (tests
 * hold the two equal). 1.9 brings what highlighting and restoring need (Range.copyFrom,
 * getCellProperties, RangeAreas); anything newer is checked with `host.supports` and falls back.
 * See docs/addin.md, "Supported Excel versions".
 */
export const MIN_EXCEL_API = '1.9';

/** Name of the very hidden sheet that keeps what is needed to restore highlighted cells. */
export const MARKS_SHEET = PRESENT_MARKS_SHEET;
/** Name of the findings sheet written on request. */
export const RESULTS_SHEET = PRESENT_RESULTS_SHEET;
/** Text every note/comment the add-in writes starts with; only those are ever removed. */
export const ANNOTATION_TAG = '[jobtarget]';
/** At most this many cells are filled by one validation (the first by severity); beyond, `truncated`. */
export const MAX_MARKED_CELLS = 3000;

/** Fill colours: the finding's own cell, and the cells it involves (the parts of a sum). */
export const SEVERITY_FILL: Record<Severity, { cell: string; involved: string }> = {
  error: { cell: `#${SEVERITY_COLOURS.error.cell}`, involved: `#${SEVERITY_COLOURS.error.involved}` },
  warning: { cell: `#${SEVERITY_COLOURS.warning.cell}`, involved: `#${SEVERITY_COLOURS.warning.involved}` },
  info: { cell: `#${SEVERITY_COLOURS.info.cell}`, involved: `#${SEVERITY_COLOURS.info.involved}` },
};

export type { PlanDraft, Finding, Lang };
