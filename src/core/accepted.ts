/**
 * Accepted findings (수용): like Excel's "Ignore error", an official can accept a finding, with an optional
 * reason, and the acceptance is kept in the workbook itself, so re-checking, the CLI and the annotated copy
 * all honour it.
 *
 * Storage: a very hidden sheet ACCEPTED_SHEET, one acceptance per row under a header row. Every reader
 * (the Office adapter, the .xlsx reader, the CLI) sees it as an ordinary grid sheet; validateGrid reads it,
 * keeps it out of the plan, and moves the findings it matches out of the list into `accepted`.
 *
 * A finding is matched by rule, message id, sheet, cell and the figures it compared (expected, actual):
 * when the figures change, the finding is a new one and shows again (the old acceptance is then "stale").
 * A finding with no figures about several cells (empty cells D9:E9) is matched by those cells too, so
 * accepting two empty cells does not hide four.
 */
import type { CellValue, GridSheet, GridWorkbook } from './grid/grid';
import type { Finding } from './rules/types';

export const ACCEPTED_SHEET = '_jobtarget_accepted';

/** Columns of ACCEPTED_SHEET, in order (the header row the writers put in row 1). */
export const ACCEPTED_COLUMNS = ['rule', 'messageId', 'sheet', 'cell', 'expected', 'actual', 'reason', 'acceptedAt', 'message', 'cells'] as const;

export interface Acceptance {
  rule: string;
  messageId: string;
  sheet: string;
  cell: string;
  /** The finding's expected and actual figures as text ('' for none): part of the match. */
  expected: string;
  actual: string;
  /** Why it was accepted (optional, free text). */
  reason: string;
  /** When, as an ISO 8601 date-time ('' when unknown). */
  acceptedAt: string;
  /** The finding's message when accepted, to list acceptances whose finding is gone. */
  message: string;
  /**
   * The cells of a finding without figures about several cells ('실천과제'!D9 '실천과제'!E9, space-separated),
   * part of the match; '' otherwise (and in sheets written before this column existed).
   */
  cells: string;
}

export interface AcceptedFinding {
  finding: Finding;
  acceptance: Acceptance;
}

function figureText(v: number | string | null | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/** The cells that identify a finding with no figures about several cells (a run of empty cells); '' for any other. */
function identifyingCells(f: Finding): string {
  return f.expected === null && f.actual === null && f.cells.length > 1 ? f.cells.join(' ') : '';
}

type Identity = Pick<Acceptance, 'rule' | 'messageId' | 'sheet' | 'cell' | 'expected' | 'actual'> & { cells?: string };

/** The identity an acceptance is matched on. */
export function acceptanceKey(a: Identity): string {
  return JSON.stringify([a.rule, a.messageId, a.sheet, a.cell, a.expected, a.actual, a.cells ?? '']);
}

export function findingAcceptanceKey(f: Finding): string {
  return acceptanceKey({ rule: f.rule, messageId: f.messageId, sheet: f.sheet, cell: f.cell, expected: figureText(f.expected), actual: figureText(f.actual), cells: identifyingCells(f) });
}

/** The acceptance of a finding, now (or at `at`). */
export function acceptFinding(f: Finding, reason = '', at: Date = new Date()): Acceptance {
  return {
    rule: f.rule,
    messageId: f.messageId,
    sheet: f.sheet,
    cell: f.cell,
    expected: figureText(f.expected),
    actual: figureText(f.actual),
    reason: reason.trim(),
    acceptedAt: at.toISOString(),
    message: f.message,
    cells: identifyingCells(f),
  };
}

function text(v: CellValue | undefined): string {
  return v === null || v === undefined ? '' : String(v);
}

/** Acceptances stored in a grid (rows under the header of ACCEPTED_SHEET); [] when there is no such sheet. */
export function readAcceptances(grid: GridWorkbook): Acceptance[] {
  const sheet = grid.sheets.find((s) => s.name === ACCEPTED_SHEET);
  return sheet ? acceptancesOfSheet(sheet) : [];
}

export function acceptancesOfSheet(sheet: GridSheet): Acceptance[] {
  const header = (sheet.rows[0] ?? []).map((c) => text(c?.value));
  const col = Object.fromEntries(ACCEPTED_COLUMNS.map((name, i) => [name, header.indexOf(name) >= 0 ? header.indexOf(name) : i])) as Record<(typeof ACCEPTED_COLUMNS)[number], number>;
  const out: Acceptance[] = [];
  const seen = new Set<string>();
  for (const row of sheet.rows.slice(1)) {
    if (!row) continue;
    const get = (name: (typeof ACCEPTED_COLUMNS)[number]) => text(row[col[name]]?.value);
    const a: Acceptance = {
      rule: get('rule'),
      messageId: get('messageId'),
      sheet: get('sheet'),
      cell: get('cell'),
      expected: get('expected'),
      actual: get('actual'),
      reason: get('reason'),
      acceptedAt: get('acceptedAt'),
      message: get('message'),
      cells: get('cells'),
    };
    if (!a.rule) continue;
    const key = acceptanceKey(a);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(a);
  }
  return out;
}

/** The sheet's content as rows of text (header first): what every writer puts in ACCEPTED_SHEET. */
export function acceptancesToRows(list: readonly Acceptance[]): string[][] {
  return [[...ACCEPTED_COLUMNS], ...list.map((a) => ACCEPTED_COLUMNS.map((c) => a[c]))];
}

/** Adds an acceptance (replacing one with the same identity) or removes one (restore). */
export function withAcceptance(list: readonly Acceptance[], a: Acceptance): Acceptance[] {
  const key = acceptanceKey(a);
  return [...list.filter((x) => acceptanceKey(x) !== key), a];
}

export function withoutAcceptance(list: readonly Acceptance[], a: Identity): Acceptance[] {
  const key = acceptanceKey(a);
  return list.filter((x) => acceptanceKey(x) !== key);
}

export interface AppliedAcceptances {
  /** Findings still open. */
  findings: Finding[];
  /** Findings matched by an acceptance. */
  accepted: AcceptedFinding[];
  /** Acceptances that match no finding any more (the figures changed or the problem was fixed). */
  stale: Acceptance[];
}

export function applyAcceptances(findings: readonly Finding[], list: readonly Acceptance[]): AppliedAcceptances {
  if (!list.length) return { findings: [...findings], accepted: [], stale: [] };
  const byKey = new Map(list.map((a) => [acceptanceKey(a), a]));
  const used = new Set<string>();
  const open: Finding[] = [];
  const accepted: AcceptedFinding[] = [];
  for (const f of findings) {
    const key = findingAcceptanceKey(f);
    const a = byKey.get(key);
    // A sheet that cannot be read is never hidden by an acceptance.
    if (a && f.rule !== 'structure') {
      accepted.push({ finding: f, acceptance: a });
      used.add(key);
    } else {
      open.push(f);
    }
  }
  return { findings: open, accepted, stale: list.filter((a) => !used.has(acceptanceKey(a))) };
}
