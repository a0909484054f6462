/**
 * Rules are small modules, ESLint-style: `meta` (id, default severity, docs, messages in Korean and
 * English) and one `check` function that reports findings through the context.
 *
 * A Finding is structured: where it is (sheet + cell, or a document's place), the table and row it
 * belongs to (Place), every cell involved as a CellRef, the figures with their unit, and the message id
 * with its data. Every text about a finding (src/core/present) is produced from these fields; nothing
 * parses a finding's text back.
 */
import type { CellRef, Plan } from '../model/plan';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'ko' | 'en';

/** A text in both languages, for message data whose wording depends on the language (e.g. "소요예산 합계" / "budget total"). */
export interface Bilingual {
  ko: string;
  en: string;
}

/** A value for a message placeholder: a name or figure (the same in both languages), or a bilingual text. */
export type MessageValue = string | number | Bilingual;
export type MessageData = Record<string, MessageValue>;

/** Which kind of table a finding belongs to. */
export type TableKind = 'overview' | 'indicators' | 'areas' | 'task' | 'results' | 'annual' | 'workbook';

/** The row's role in a 성과목표/소요예산 pair. */
export type Role = 'target' | 'budget';

/** Which figure of an indicator row, or of a 성과 row. */
export type FigureField = 'lastActual' | 'base' | 'target' | 'change' | 'actual' | 'rate' | 'unit' | 'label' | 'link' | 'year';

/**
 * The table and row a finding belongs to, as fields (never as text to parse). Every field but `table`
 * is optional: a finding about a whole table has only `table`.
 */
export interface Place {
  table: {
    kind: TableKind;
    /** The table's display name: '분야별 목표', '① 청년 창업 인프라 조성', '성과', or a read problem's table. */
    name: string;
    /** Its order among the plan's tables (indicators, areas, tasks in order, results, annual); -1 when unknown. */
    index: number;
  };
  /** 전략분야 name (a row of 분야별 목표, or the area of a task). */
  area?: string;
  /** The 분야별 목표 합계 row. */
  grandTotal?: true;
  /** 실천과제 number and name. */
  task?: { no: number; name: string };
  /** The 실천과제's 총계 row. */
  taskTotal?: true;
  /** 세부사업 name. */
  subproject?: string;
  /** A 소계 row of a 실천과제 table: its name as written (`소계`, `소계(청년)`). */
  subtotal?: string;
  /** 공통 일자리 목표 indicator name. */
  indicator?: string;
  /** 성과 item (its path of names, top first). */
  item?: string[];
  /** 성과목표 or 소요예산 row. */
  role?: Role;
  /** The column: a plan year, or 'total' for 합계. */
  year?: number | 'total';
  /** Which figure of an indicator or 성과 row. */
  field?: FigureField;
}

/**
 * Where a finding is. `sheet` + `cell` for a workbook (A1, 0-based `row`/`col` too); a document's
 * grid (text, .hwpx) names its section/table in `sheet` and its line and field in `cell` (see
 * GridSheet.source.locate), with `row`/`col` null.
 */
export interface Where {
  sheet: string;
  cell: string;
  row: number | null;
  col: number | null;
}

export interface Finding {
  /** Rule id, e.g. 'row-total'. Stable: part of the JSON contract. */
  rule: string;
  severity: Severity;
  sheet: string;
  /** The cell the finding is about (A1), e.g. the stated total. */
  cell: string;
  /** Every cell involved, sheet-qualified ('분야별 목표'!C5): for a sum, the total and every part. The text form of `refs` (JSON v1). */
  cells: string[];
  /** Every cell involved, structured (the same list as `cells`). Consumers use these, never `cells`. */
  refs: CellRef[];
  /** The table and row the finding belongs to; null when it is about the workbook as a whole. */
  place: Place | null;
  /** What the rule computed (e.g. the sum of the parts). */
  expected: number | string | null;
  /** The figure as stated in the workbook. */
  actual: number | string | null;
  /** The largest difference rounding can explain, when the rule compares rounded figures. */
  tolerance: number | null;
  /** actual − expected, when both are numbers. */
  difference: number | null;
  /** Unit of expected/actual/tolerance/difference (명, 백만원, %, %p, …); null when unknown or not a figure. */
  unit: string | null;
  /** Message in the report language (Korean unless asked otherwise). */
  message: string;
  /** English message (always present, so reports can carry both). */
  messageEn: string;
  /** The message id within the rule, for filtering and tests. */
  messageId: string;
  /** The message's data: what the message says, as values (the messages are produced from it). */
  data: MessageData;
}

export interface RuleMessage {
  ko: string;
  en: string;
}

export interface RuleMeta {
  id: string;
  defaultSeverity: Severity;
  /** One-line description, Korean and English. */
  description: RuleMessage;
  /** What the rule checks and why, for docs/rules.md. */
  docs: RuleMessage;
  /** Message templates with {{placeholders}}. */
  messages: Record<string, RuleMessage>;
  /**
   * Short forms of long messages, for one-line lists (the CLI's text report, the pane): the same data,
   * without the parts and explanations the full message gives. The part before the first ": " names
   * the place; the rest is the claim, which a list never cuts. Messages without a short form are short.
   */
  short?: Record<string, RuleMessage>;
}

export interface ReportDescriptor {
  messageId: string;
  /** Values for the message placeholders (a bilingual value is shown in the message's language). */
  data?: MessageData;
  /** Overrides the rule's default severity (e.g. a rounding difference is a warning). */
  severity?: Severity;
  at: CellRef;
  cells?: CellRef[];
  expected?: number | string | null;
  actual?: number | string | null;
  tolerance?: number | null;
  /** Unit of the figures, when the rule knows it better than the cell's place does. */
  unit?: string | null;
  /** The place, when the rule knows it better than the index of the plan's cells does. */
  place?: Place | null;
}

export interface RuleContext {
  plan: Plan;
  report(d: ReportDescriptor): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
