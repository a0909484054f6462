/**
 * The engine's one entry point for both front ends: a workbook grid in, the plan and its findings out.
 * Read problems (a table or label not found) become findings of the 'structure' rule, so they show up
 * in the same list, with the same cells, as every other finding.
 */
import type { GridWorkbook } from './grid/grid';
import type { Plan, ReadProblem } from './model/plan';
import { ALL_RULES } from './rules';
import { makeFinding, runRules, summarize, type RunOptions } from './rules/run';
import { STRUCTURE_META } from './rules/structure';
import { buildPlaceIndex, type PlaceIndex } from './rules/places';
import type { Finding, Place, Rule, Severity, TableKind } from './rules/types';
import { orderFindings } from './present/order';
import { readWorkbook } from './tables/assemble';
import { ACCEPTED_SHEET, applyAcceptances, readAcceptances, type Acceptance, type AcceptedFinding } from './accepted';
import { planProgress, type Progress } from './progress';

export interface ValidationResult {
  plan: Plan;
  problems: ReadProblem[];
  /** Open findings: every finding except the accepted ones. */
  findings: Finding[];
  /** Counts of the open findings. */
  summary: Record<Severity, number>;
  /** Findings the workbook's acceptances (수용, see core/accepted.ts) match: not in `findings`. */
  accepted: AcceptedFinding[];
  /** Acceptances stored in the workbook, all of them (matching a finding or not). */
  acceptances: Acceptance[];
  /** How much of the plan has been entered (rows nobody touched are progress, not findings). */
  progress: Progress;
  /** True when nothing of the plan could be read (not a plan workbook). */
  fatal: boolean;
}

export interface ValidateOptions extends RunOptions {
  rules?: readonly Rule[];
}

/** The kind of table a read problem names (its `table` is the table's display name). */
function problemTable(name: string): Place['table'] {
  const kinds: [RegExp, TableKind][] = [
    [/공통\s*일자리\s*목표/, 'indicators'],
    [/분야별\s*목표/, 'areas'],
    [/실천과제/, 'task'],
    [/개요/, 'overview'],
    [/연차별/, 'annual'],
    [/성과/, 'results'],
  ];
  return { kind: kinds.find(([re]) => re.test(name))?.[1] ?? 'workbook', name, index: -1 };
}

/** A read problem as a finding of the 'structure' rule: the table it names is its place. */
export function problemToFinding(p: ReadProblem, lang: 'ko' | 'en' = 'ko', places?: PlaceIndex): Finding {
  const fromCell = p.ref ? places?.at(p.ref)?.place : undefined;
  const messageId = p.level === 'fatal' ? 'notAPlan' : p.level === 'note' || p.level === 'warning' ? 'note' : 'tableNotFound';
  return makeFinding(
    {
      rule: 'structure',
      severity: p.level === 'note' ? 'info' : p.level === 'warning' ? 'warning' : 'error',
      messageId,
      message: STRUCTURE_META.messages[messageId],
      data: { table: p.table, problem: { ko: p.message, en: p.messageEn } },
      at: p.ref ?? null,
      place: fromCell && fromCell.table.name === p.table ? fromCell : { table: problemTable(p.table) },
    },
    lang,
  );
}

/**
 * The one order (src/core/present/order.ts): workbook order, table, row, column. Without the workbook,
 * sheets in the order the findings name them first.
 */
export function sortFindings(findings: Finding[], workbook?: GridWorkbook | readonly string[]): Finding[] {
  const sheets = workbook ?? [...new Set(findings.map((f) => f.sheet))];
  return orderFindings(findings, sheets, RULE_ORDER);
}

const RULE_ORDER = ALL_RULES.map((r) => r.meta.id);

export function validateGrid(grid: GridWorkbook, options: ValidateOptions = {}): ValidationResult {
  // The acceptances sheet is the add-in's bookkeeping, never part of the plan.
  const acceptances = readAcceptances(grid);
  const planGrid = acceptances.length || grid.sheets.some((s) => s.name === ACCEPTED_SHEET) ? { ...grid, sheets: grid.sheets.filter((s) => s.name !== ACCEPTED_SHEET) } : grid;
  const { plan, problems } = readWorkbook(planGrid);
  const fatal = problems.some((p) => p.level === 'fatal');
  const findings = fatal ? [] : runRules(plan, options.rules ?? ALL_RULES, options);
  // The place index is only needed to place a read problem that names a cell (runRules builds its own).
  const places = problems.some((p) => p.ref) ? buildPlaceIndex(plan) : undefined;
  const all = orderFindings([...problems.map((p) => problemToFinding(p, options.lang, places)), ...findings], grid, RULE_ORDER);
  const applied = applyAcceptances(all, acceptances);
  return {
    plan,
    problems,
    findings: applied.findings,
    summary: summarize(applied.findings),
    accepted: applied.accepted,
    acceptances,
    progress: planProgress(plan),
    fatal,
  };
}
