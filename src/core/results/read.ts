/**
 * Reads the 성과 and 연차별 세부계획 sheets back, by their labels (results/description.ts) like every
 * other table: rows inserted above or inside the table, reordered or renamed sheets, labels with extra
 * spaces, merged cells and numbers stored as text all still read. What cannot be read becomes a
 * ReadProblem; nothing throws.
 */
import { a1, parseRange } from '../grid/a1';
import { cellText, sheetWidth, withMergesFilled, type GridCell, type GridSheet, type GridWorkbook } from '../grid/grid';
import type { CellRef, Figure, ReadProblem } from '../model/plan';
import { parseKoreanNumber } from '../numbers/parse';
import { matches, nameKey, type Label } from '../template/description';
import { figureOf } from '../template/figure';
import { ANNUAL, RESULTS } from './description';
import type { AnnualPlan, AnnualRow, ResultItem, ResultLink, Results } from './model';

interface Sheet {
  name: string;
  grid: GridSheet;
  width: number;
}

function prepare(wb: GridWorkbook): Sheet[] {
  return wb.sheets.map((g) => {
    const grid = withMergesFilled(g, parseRange);
    return { name: g.name, grid, width: sheetWidth(grid) };
  });
}

function cell(s: Sheet, r: number, c: number): GridCell | undefined {
  return c < 0 ? undefined : s.grid.rows[r]?.[c];
}

/** The cell's own text (a merged copy counts as empty), trimmed. */
function own(s: Sheet, r: number, c: number): string {
  const x = cell(s, r, c);
  return x && !x.mergedCopy ? cellText(x).trim() : '';
}

function refOf(s: Sheet, r: number, c: number): CellRef {
  return { sheet: s.name, cell: a1(r, c) };
}

function figure(s: Sheet, r: number, c: number): Figure {
  return figureOf(cell(s, r, c), refOf(s, r, c));
}

function findInRow(s: Sheet, r: number, l: Label): number {
  const row = s.grid.rows[r];
  if (!row) return -1;
  for (let c = 0; c < row.length; c++) if (!row[c]?.mergedCopy && matches(cellText(row[c]), l)) return c;
  return -1;
}

/** A field line "label | value" anywhere above `before`: the first non-empty cell right of the label. */
function field(s: Sheet, l: Label, before: number): { text: string; ref: CellRef } | null {
  for (let r = 0; r < before; r++) {
    const c = findInRow(s, r, l);
    if (c < 0) continue;
    for (let k = c + 1; k < s.width; k++) {
      const t = own(s, r, k);
      if (t !== '') return { text: t, ref: refOf(s, r, k) };
    }
  }
  return null;
}

function yearOf(text: string | undefined): number | null {
  if (!text) return null;
  const m = /(19|20)\d{2}/.exec(text.replace(/\s+/g, ''));
  if (m) return Number(m[0]);
  const short = /^[‘’'`]?(\d{2})년?$/.exec(text.trim());
  return short ? 2000 + Number(short[1]) : null;
}

function isFootnote(t: string): boolean {
  return /^[*※]/.test(t) || t.startsWith('자료') || t.startsWith('주)');
}

function isNamedLike(sheet: string, names: readonly string[]): boolean {
  const k = nameKey(sheet);
  return names.some((n) => nameKey(n) === k);
}

interface Found {
  sheet: Sheet;
  row: number;
  cols: Record<string, number>;
}

/** The first header row (any sheet) holding every `required` column label; the other columns are optional. */
function findHeader(sheets: Sheet[], columns: Record<string, Label>, required: string[]): Found | null {
  for (const s of sheets) {
    for (let r = 0; r < s.grid.rows.length; r++) {
      if (required.some((k) => findInRow(s, r, columns[k]) < 0)) continue;
      const cols: Record<string, number> = {};
      for (const [k, l] of Object.entries(columns)) cols[k] = findInRow(s, r, l);
      return { sheet: s, row: r, cols };
    }
  }
  return null;
}

/** Leading whitespace as levels: one ideographic space, a tab or two ASCII spaces per level. */
function indentLevel(raw: string): number {
  const m = /^[\s\u3000]*/.exec(raw)?.[0] ?? '';
  let n = 0;
  let spaces = 0;
  for (const ch of m) {
    if (ch === ' ') {
      spaces += 1;
      if (spaces === 2) {
        n += 1;
        spaces = 0;
      }
    } else if (ch === '\u3000' || ch === '\t') n += 1;
  }
  return 1 + n;
}

export interface ExtraSheets {
  results?: Results;
  annualPlan?: AnnualPlan;
  problems: ReadProblem[];
  cellsRead: number;
}

function problem(table: string, message: string, messageEn: string, ref?: CellRef): ReadProblem {
  return ref ? { table, message, messageEn, level: 'table', ref } : { table, message, messageEn, level: 'table' };
}

/** A sheet named like the table (성과, 연차별 세부계획) whose header row is missing: say which headers were looked for. */
function reportMissingTable(sheets: Sheet[], t: { tableName: string; sheetNames: readonly string[] }, headers: [Label, Label], out: ExtraSheets): void {
  const named = sheets.find((s) => isNamedLike(s.name, t.sheetNames));
  if (!named) return;
  const [a, b] = headers.map((l) => l.text);
  out.problems.push(
    problem(t.tableName, `'${named.name}' 시트에서 '${a}'와 '${b}' 머리글이 있는 표를 찾지 못했습니다`, `no table with headers '${a}' and '${b}' found on sheet '${named.name}'`, refOf(named, 0, 0)),
  );
}

/** The sheet's own title: the first line above the header that is neither the fixed title nor a field. */
function titleAbove(s: Sheet, header: number, fixedTitle: string, fields: Label[]): string | null {
  for (let r = 0; r < header; r++) {
    const x = own(s, r, 0);
    if (x !== '' && x !== fixedTitle && fields.every((f) => findInRow(s, r, f) < 0)) return x;
  }
  return null;
}

function readResults(sheets: Sheet[], out: ExtraSheets): void {
  const t = RESULTS;
  const c = t.columns;
  const found = findHeader(sheets, c, ['name', 'actual']);
  if (!found) {
    reportMissingTable(sheets, t, [c.name, c.actual], out);
    return;
  }
  const { sheet: s, row: h, cols } = found;
  const yearField = field(s, t.fields.year, h);
  const results: Results = {
    sheet: s.name,
    title: null,
    year: yearOf(yearField?.text),
    yearRef: yearField?.ref ?? null,
    region: field(s, t.fields.region, h)?.text ?? null,
    organisation: field(s, t.fields.organisation, h)?.text ?? null,
    items: [],
  };
  results.title = titleAbove(s, h, t.title, [t.fields.region, t.fields.organisation, t.fields.year]);
  if (results.year === null) {
    out.problems.push(problem(t.tableName, `'${t.fields.year.text}' 항목을 찾지 못했습니다 (연도가 빈 행은 계획과 대조하지 않습니다)`, `'${t.fields.year.text}' field not found (rows without a year are not compared with the plan)`, refOf(s, h, cols.name)));
  }
  const stack: ResultItem[] = [];
  for (let r = h + 1; r < s.grid.rows.length; r++) {
    const rawName = cellText(cell(s, r, cols.name));
    const name = rawName.replace(/[\s\u3000]+/g, ' ').trim();
    const actual = figure(s, r, cols.actual);
    const target = cols.target >= 0 ? figure(s, r, cols.target) : null;
    if (isFootnote(name)) break;
    if (name === '' && actual.state === 'blank' && (target === null || target.state === 'blank')) continue; // a blank row inside the table
    out.cellsRead += 4;
    const levelFig = cols.level >= 0 ? parseKoreanNumber(own(s, r, cols.level) || null) : null;
    const level = levelFig?.value !== null && levelFig?.value !== undefined && levelFig.value >= 1 ? Math.floor(levelFig.value) : indentLevel(rawName);
    while (stack.length && stack[stack.length - 1].level >= level) stack.pop();
    const parent = stack.length ? stack[stack.length - 1] : null;
    const statedUnit = cols.unit >= 0 ? own(s, r, cols.unit) : '';
    const unit = statedUnit !== '' ? statedUnit : (parent?.unit ?? '');
    const linkTask = cols.linkTask >= 0 ? own(s, r, cols.linkTask) : '';
    const linkSub = cols.linkSubproject >= 0 ? own(s, r, cols.linkSubproject) : '';
    const link: ResultLink | null =
      linkTask !== '' || linkSub !== ''
        ? {
            task: linkTask !== '' ? linkTask.replace(/\s+/g, ' ') : null,
            taskRef: linkTask !== '' ? refOf(s, r, cols.linkTask) : null,
            subproject: linkSub !== '' ? linkSub.replace(/\s+/g, ' ') : null,
            subprojectRef: linkSub !== '' ? refOf(s, r, cols.linkSubproject) : null,
          }
        : null;
    const rowYear = cols.year >= 0 ? yearOf(own(s, r, cols.year)) : null;
    const item: ResultItem = {
      index: results.items.length,
      level,
      name,
      label: refOf(s, r, cols.name),
      statedUnit,
      unit,
      unitRef: cols.unit >= 0 ? refOf(s, r, cols.unit) : null,
      target,
      actual,
      rate: cols.rate >= 0 ? figure(s, r, cols.rate) : null,
      link,
      year: rowYear ?? results.year,
      yearRef: rowYear !== null ? refOf(s, r, cols.year) : results.yearRef,
      note: cols.note >= 0 ? own(s, r, cols.note) : '',
      parent: parent ? parent.index : null,
      children: [],
    };
    if (parent) parent.children.push(item.index);
    results.items.push(item);
    stack.push(item);
  }
  if (results.items.length === 0) {
    out.problems.push(problem(t.tableName, `'${s.name}' 시트의 성과 표에 항목이 없습니다`, `the results table on sheet '${s.name}' has no rows`, refOf(s, h, cols.name)));
  }
  out.results = results;
}

function readAnnual(sheets: Sheet[], out: ExtraSheets): void {
  const t = ANNUAL;
  const c = t.columns;
  const found = findHeader(sheets, c, ['subproject', 'target']);
  if (!found) {
    reportMissingTable(sheets, t, [c.subproject, c.target], out);
    return;
  }
  const { sheet: s, row: h, cols } = found;
  const yearField = field(s, t.fields.year, h);
  const plan: AnnualPlan = {
    sheet: s.name,
    title: null,
    year: yearOf(yearField?.text),
    yearRef: yearField?.ref ?? null,
    region: field(s, t.fields.region, h)?.text ?? null,
    rows: [],
  };
  plan.title = titleAbove(s, h, t.title, [t.fields.region, t.fields.year]);
  if (plan.year === null) {
    out.problems.push(problem(t.tableName, `'${t.fields.year.text}' 항목을 찾지 못해 종합계획과 대조할 수 없습니다`, `'${t.fields.year.text}' field not found: cannot compare with the 종합계획`, refOf(s, h, cols.subproject)));
  }
  let task = '';
  let taskRef: CellRef = refOf(s, h, Math.max(0, cols.task));
  for (let r = h + 1; r < s.grid.rows.length; r++) {
    // A 실천과제 merged over its 세부사업 rows, or written on the first row only, carries down.
    const taskText = cols.task >= 0 ? cellText(cell(s, r, cols.task)).replace(/\s+/g, ' ').trim() : '';
    const name = cellText(cell(s, r, cols.subproject)).replace(/\s+/g, ' ').trim();
    if (isFootnote(taskText) || isFootnote(name)) break;
    const target = figure(s, r, cols.target);
    const budget = cols.budget >= 0 ? figure(s, r, cols.budget) : null;
    if (taskText !== '') {
      task = taskText;
      // A merged copy points back at the merge's first cell, which is where the name really sits.
      if (!cell(s, r, cols.task)?.mergedCopy) taskRef = refOf(s, r, cols.task);
    }
    if (name === '' && target.state === 'blank' && (budget === null || budget.state === 'blank')) continue;
    out.cellsRead += 3;
    const row: AnnualRow = {
      task,
      taskRef,
      subproject: name,
      label: refOf(s, r, cols.subproject),
      target,
      targetUnit: (cols.targetUnit >= 0 ? own(s, r, cols.targetUnit) : '') || '명',
      budget,
      budgetUnit: (cols.budgetUnit >= 0 ? own(s, r, cols.budgetUnit) : '') || '백만원',
      note: cols.note >= 0 ? own(s, r, cols.note) : '',
    };
    plan.rows.push(row);
  }
  if (plan.rows.length === 0) {
    out.problems.push(problem(t.tableName, `'${s.name}' 시트의 연차별 세부계획 표에 행이 없습니다`, `the 연차별 세부계획 table on sheet '${s.name}' has no rows`, refOf(s, h, cols.subproject)));
  }
  out.annualPlan = plan;
}

/** Reads the 성과 and 연차별 세부계획 sheets, when the workbook has them. */
export function readExtraSheets(wb: GridWorkbook): ExtraSheets {
  const sheets = prepare(wb);
  const out: ExtraSheets = { problems: [], cellsRead: 0 };
  readResults(sheets, out);
  readAnnual(sheets, out);
  return out;
}

/**
 * What to report about the 종합계획 tables once the extra sheets are known (called by readPlan).
 * - Plan tables found: the plan reader's problems stand as they are.
 * - No plan table but a 성과 or 연차별 세부계획 table: a results (or year's plan) workbook. The plan
 *   reader's "table not found" problems are dropped (they would drown the report) and replaced by one
 *   note (an info finding) saying the 실적 and the year's plan were not compared with a 종합계획.
 * - Neither: not a plan workbook (fatal), as before.
 */
export function planTablesVerdict(planFound: boolean, extras: ExtraSheets): 'plan' | 'results-only' | 'none' {
  if (planFound) return 'plan';
  return extras.results || extras.annualPlan ? 'results-only' : 'none';
}

export function planAbsentNote(): ReadProblem {
  return {
    table: '종합계획',
    level: 'note',
    message: '종합계획 표(공통 일자리 목표, 분야별 목표, 실천과제)가 없는 통합문서입니다: 성과·연차별 세부계획만 검증하고 종합계획과는 대조하지 않았습니다',
    messageEn: 'this workbook has no 종합계획 tables (공통 일자리 목표, 분야별 목표, 실천과제): the 성과 / 연차별 세부계획 sheets were checked on their own, not against a plan',
  };
}
