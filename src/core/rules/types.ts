/**
 * Rules are small modules, ESLint-style: `meta` (id, default severity, docs, messages in Korean and
 * English) and one `check` function that reports findings through the context.
 */
import type { CellRef, Plan } from '../model/plan';

export type Severity = 'error' | 'warning' | 'info';
export type Lang = 'ko' | 'en';

export interface Finding {
  /** Rule id, e.g. 'row-total'. Stable: part of the JSON contract. */
  rule: string;
  severity: Severity;
  sheet: string;
  /** The cell the finding is about (A1), e.g. the stated total. */
  cell: string;
  /** Every cell involved, sheet-qualified ('분야별 목표'!C5): for a sum, the total and every part, blank ones included. */
  cells: string[];
  /** What the rule computed (e.g. the sum of the parts). */
  expected: number | string | null;
  /** The figure as stated in the workbook. */
  actual: number | string | null;
  /** The largest difference rounding can explain, when the rule compares rounded figures. */
  tolerance: number | null;
  /** Message in the report language (Korean unless asked otherwise). */
  message: string;
  /** English message (always present, so reports can carry both). */
  messageEn: string;
  /** The message id within the rule, for filtering and tests. */
  messageId: string;
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
}

export interface ReportDescriptor {
  messageId: string;
  /** Values for the message placeholders. */
  data?: Record<string, string | number>;
  /** Overrides the rule's default severity (e.g. a rounding difference is a warning). */
  severity?: Severity;
  at: CellRef;
  cells?: CellRef[];
  expected?: number | string | null;
  actual?: number | string | null;
  tolerance?: number | null;
}

export interface RuleContext {
  plan: Plan;
  report(d: ReportDescriptor): void;
}

export interface Rule {
  meta: RuleMeta;
  check(ctx: RuleContext): void;
}
