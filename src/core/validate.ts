/**
 * The engine's one entry point for both front ends: a workbook grid in, the plan and its findings out.
 * Read problems (a table or label not found) become findings of the 'structure' rule, so they show up
 * in the same list, with the same cells, as every other finding.
 */
import type { GridWorkbook } from './grid/grid';
import type { Plan, ReadProblem } from './model/plan';
import { ALL_RULES } from './rules';
import { SEVERITY_ORDER, runRules, summarize, type RunOptions } from './rules/run';
import type { Finding, Rule, Severity } from './rules/types';
import { qualified } from './grid/a1';
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

export function problemToFinding(p: ReadProblem, lang: 'ko' | 'en' = 'ko'): Finding {
  return {
    rule: 'structure',
    severity: p.level === 'note' ? 'info' : p.level === 'warning' ? 'warning' : 'error',
    sheet: p.ref?.sheet ?? '',
    cell: p.ref?.cell ?? '',
    cells: p.ref ? [qualified(p.ref.sheet, p.ref.cell)] : [],
    expected: null,
    actual: null,
    tolerance: null,
    message: `[${p.table}] ${lang === 'ko' ? p.message : p.messageEn}`,
    messageEn: `[${p.table}] ${p.messageEn}`,
    messageId: p.level === 'fatal' ? 'notAPlan' : p.level === 'note' || p.level === 'warning' ? 'note' : 'tableNotFound',
  };
}

/** Stable order: by sheet order of appearance is the adapters' business; here by severity, sheet, row, column. */
export function sortFindings(findings: Finding[]): Finding[] {
  const rc = (cell: string) => {
    const m = /^([A-Z]+)(\d+)$/.exec(cell);
    return m ? [Number(m[2]), m[1].length, m[1]] as const : [0, 0, ''] as const;
  };
  return findings
    .map((f, i) => ({ f, i }))
    .sort((a, b) => {
      const s = SEVERITY_ORDER[a.f.severity] - SEVERITY_ORDER[b.f.severity];
      if (s) return s;
      if (a.f.sheet !== b.f.sheet) return a.f.sheet < b.f.sheet ? -1 : 1;
      const [ra, la, ca] = rc(a.f.cell);
      const [rb, lb, cb] = rc(b.f.cell);
      return ra - rb || la - lb || (ca < cb ? -1 : ca > cb ? 1 : 0) || a.i - b.i;
    })
    .map((x) => x.f);
}

export function validateGrid(grid: GridWorkbook, options: ValidateOptions = {}): ValidationResult {
  // The acceptances sheet is the add-in's bookkeeping, never part of the plan.
  const acceptances = readAcceptances(grid);
  const planGrid = acceptances.length || grid.sheets.some((s) => s.name === ACCEPTED_SHEET) ? { ...grid, sheets: grid.sheets.filter((s) => s.name !== ACCEPTED_SHEET) } : grid;
  const { plan, problems } = readWorkbook(planGrid);
  const fatal = problems.some((p) => p.level === 'fatal');
  const findings = fatal ? [] : runRules(plan, options.rules ?? ALL_RULES, options);
  const all = [...problems.map((p) => problemToFinding(p, options.lang)), ...findings];
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
