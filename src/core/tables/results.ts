/**
 * 성과 (annual results) as a table: `성과 항목 | 단위 | 목표 | 실 적 | 달성률(%) …` in our template, or as
 * documents write it (`구 분 | 실 적`, `실 적(상반기)`, `목 표`, `달성률(%)`). Rows are a hierarchy by a
 * 수준 column or by indentation; a `-` in a 실적 or 달성률 cell means not stated.
 */
import { parseKoreanNumber } from '../numbers/parse';
import { ANNUAL, RESULTS } from '../results/description';
import type { ResultItem, ResultLink, Results } from '../results/model';
import type { CellRef, ReadProblem } from '../model/plan';
import { labelForms, nameKey, norm, quotedAnd, type Label } from './labels';
import { cell, figure, isFootnote, labelCells, normRow, onlyFilledColumn, own, refOf, rowInCells, rowsWithLabel, text, type TableSheet } from './sheet';
import { cellText } from '../grid/grid';
import type { Assembly, TableKind, TableMatch } from './types';
import { renderResults } from '../results/render';
import { pageMark, sameRow } from './groups';

export interface ColumnsMatch extends TableMatch {
  cols: Record<string, number>;
}

/** Matches a header label, also in the document spellings with extra words: `실 적(상반기)`, `목 표`. */
export function findHeaderCol(s: TableSheet, r: number, l: Label, loose = false): number {
  const norms = normRow(s, r);
  if (!norms) return -1;
  const row = s.grid.rows[r];
  const forms = labelForms(l);
  for (let c = 0; c < norms.length; c++) {
    if (row[c]?.mergedCopy) continue;
    const n = norms[c];
    if (forms.has(n)) return c;
    // Only a text ending in ")" changes when its bracketed tail is dropped.
    if (loose && n.endsWith(')') && forms.has(n.replace(/\([^)]*\)$/, ''))) return c;
  }
  return -1;
}

/**
 * Does row r hold every required column? A row the text index rules out (`others`: labelCells of the
 * required columns after the first) is not scanned: a 10,000-row plan has a 구 분 header per 실천과제 table.
 */
function holdsAll(s: TableSheet, r: number, others: readonly ((readonly number[])[] | null)[], columns: Record<string, Label>, required: string[], loose: boolean): boolean {
  for (let i = 0; i < others.length; i++) if (!rowInCells(s, others[i], r)) return false;
  for (let i = 0; i < required.length; i++) if (findHeaderCol(s, r, columns[required[i]], loose) < 0) return false;
  return true;
}

/** Every header row on the sheet holding all `required` columns; the other columns are optional. */
export function detectColumns(s: TableSheet, columns: Record<string, Label>, required: string[], loose: boolean): { row: number; cols: Record<string, number> }[] {
  const out: { row: number; cols: Record<string, number> }[] = [];
  // Only a row holding the first required label can hold them all.
  const rows = rowsWithLabel(s, columns[required[0]], loose);
  const others = rows.length ? required.slice(1).map((k) => labelCells(s, columns[k], loose)) : [];
  for (const r of rows) {
    if (!holdsAll(s, r, others, columns, required, loose)) continue;
    const cols: Record<string, number> = {};
    for (const [k, l] of Object.entries(columns)) cols[k] = findHeaderCol(s, r, l, loose);
    out.push({ row: r, cols });
  }
  return out;
}

/** A field line "label | value" above `before`: the first non-empty cell right of the label. */
export function field(s: TableSheet, l: Label, before: number): { text: string; ref: CellRef } | null {
  for (let r = 0; r < before; r++) {
    const c = findHeaderCol(s, r, l);
    if (c < 0) continue;
    for (let k = c + 1; k < s.width; k++) {
      const t = own(s, r, k);
      if (t !== '') return { text: t, ref: refOf(s, r, k) };
    }
  }
  return null;
}

export function yearOf(t: string | undefined): number | null {
  if (!t) return null;
  const m = /(19|20)\d{2}/.exec(t.replace(/\s+/g, ''));
  if (m) return Number(m[0]);
  const short = /^[‘’'`]?(\d{2})년?$/.exec(t.trim());
  return short ? 2000 + Number(short[1]) : null;
}

/** A document's results table states its year in a line just above it: `2024년 일자리 성과 (단위: 명)`. */
function yearAbove(s: TableSheet, header: number): number | null {
  for (let r = header - 1; r >= Math.max(0, header - 5); r--) {
    const m = /((?:19|20)\d{2})\s*년/.exec(own(s, r, 0));
    if (m) return Number(m[1]);
  }
  return null;
}

/**
 * Leading whitespace as levels: one ideographic space, a tab or two ASCII spaces per level. The caller adds
 * the cell format's indent (GridCell.indent, Excel's Increase Indent), one level each.
 */
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

/** The sheet's own title: the first line above the header that is neither the fixed title nor a field. */
export function titleAbove(s: TableSheet, header: number, fixedTitle: string, fields: Label[]): string | null {
  for (let r = 0; r < header; r++) {
    const x = own(s, r, 0);
    if (x !== '' && x !== fixedTitle && fields.every((f) => findHeaderCol(s, r, f) < 0)) return x;
  }
  return null;
}

/** A sheet named like the table (성과, 연차별 세부계획) whose header row is missing: say which headers were looked for. */
export function missingTableProblem(sheets: TableSheet[], t: { tableName: string; sheetNames: readonly string[] }, headers: [Label, Label]): ReadProblem | null {
  const named = sheets.find((s) => t.sheetNames.some((n) => nameKey(n) === nameKey(s.name)));
  if (!named) return null;
  const [a, b] = headers.map((l) => l.text);
  return { table: t.tableName, level: 'table', ref: refOf(named, 0, 0), message: `'${named.name}' 시트에서 ${quotedAnd(a)} '${b}' 머리글이 있는 표를 찾지 못했습니다`, messageEn: `no table with headers '${a}' and '${b}' found on sheet '${named.name}'` };
}

const R = RESULTS;

export const resultsTable: TableKind<ColumnsMatch> = {
  id: 'results',
  name: '성과',
  nameEn: '성과 (results)',
  sheetName: R.sheetName,
  detect(s) {
    return detectColumns(s, R.columns, ['name', 'actual'], true)
      // A 연차별 세부계획 header (세부사업명 | 성과목표 …) is not a results table.
      .filter((h) => findHeaderCol(s, h.row, ANNUAL.columns.subproject) < 0)
      .map((h) => ({ kind: 'results' as const, sheet: s, header: h.row, last: lastRow(s, h.row, h.cols.name), years: [], cols: h.cols }));
  },
  read(m, asm) {
    readResultsTable(m, asm);
  },
  render: (d, ctx) => (d.results ? renderResults(d.results, d.meta.region, ctx.names.results, ctx.opts) : null),
};

function lastRow(s: TableSheet, header: number, nameCol: number): number {
  let last = header;
  let blanks = 0;
  for (let r = header + 1; r < s.grid.rows.length; r++) {
    const row = s.grid.rows[r];
    const empty = !row || row.every((x) => !x || x.value === null || String(x.value).trim() === '');
    if (isFootnote(text(s, r, nameCol))) break;
    if (empty) {
      if (++blanks > 2 && s.grid.source) break;
      continue;
    }
    blanks = 0;
    last = r;
  }
  return last;
}

function unitLine(s: TableSheet, r: number): boolean {
  const c = onlyFilledColumn(s, r);
  return c >= 0 && /^[([<〈［]?\s*단\s?위\s*[:：]/.test(own(s, r, c));
}

const GRAND_TOTAL = /^합계$|^총계$/;

/**
 * The rows of a results table in the order they are read: as written, except that a 합 계 (or 총 계) row
 * written last, under the rows it totals, is read first, as the table's total (plan tables take their
 * total first or last alike). Only in documents' tables without a 수준 column, and only 합계/총계: a
 * closing `계` may be a last group's subtotal.
 */
function rowOrder(s: TableSheet, h: number, last: number, cols: ColumnsMatch['cols']): number[] {
  const rows: number[] = [];
  for (let r = h + 1; r <= last; r++) rows.push(r);
  if (cols.level >= 0) return rows;
  const named = (r: number) => norm(cellText(cell(s, r, cols.name)));
  const firstNamed = rows.find((r) => named(r) !== '');
  let lastNamed = -1;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (named(rows[i]) !== '' && !isFootnote(text(s, rows[i], cols.name))) {
      lastNamed = rows[i];
      break;
    }
  }
  if (firstNamed === undefined || lastNamed === firstNamed || GRAND_TOTAL.test(named(firstNamed)) || !GRAND_TOTAL.test(named(lastNamed))) return rows;
  return [lastNamed, ...rows.filter((r) => r !== lastNamed)];
}

function readResultsTable(m: ColumnsMatch, asm: Assembly): void {
  const { sheet: s, header: h, cols } = m;
  const yearField = field(s, R.fields.year, h);
  const results: Results = {
    sheet: refOf(s, h, Math.max(0, cols.name)).sheet,
    title: titleAbove(s, h, R.title, [R.fields.region, R.fields.organisation, R.fields.year]),
    year: yearOf(yearField?.text) ?? (cols.actual >= 0 ? yearOf(own(s, h, cols.actual)) : null) ?? yearAbove(s, h),
    yearRef: yearField?.ref ?? null,
    region: field(s, R.fields.region, h)?.text ?? null,
    organisation: field(s, R.fields.organisation, h)?.text ?? null,
    items: [],
  };
  if (results.year === null) {
    asm.problem(R.tableName, `'${R.fields.year.text}' 항목을 찾지 못했습니다 (연도가 빈 행은 계획과 대조하지 않습니다)`, `'${R.fields.year.text}' field not found (rows without a year are not compared with the plan)`, 'table', refOf(s, h, cols.name));
  }
  const stack: ResultItem[] = [];
  let first = true;
  for (const r of rowOrder(s, h, m.last, cols)) {
    const nameCell = cell(s, r, cols.name);
    const rawName = cellText(nameCell);
    const name = rawName.replace(/[\s\u3000]+/g, ' ').trim();
    const actual = figure(s, r, cols.actual);
    const target = cols.target >= 0 ? figure(s, r, cols.target) : null;
    if (isFootnote(name)) break;
    // A page break inside the table (`- 3 -`, `(계속)`), the unit line and the header repeated on the next page: read on.
    if (pageMark(s, r) || sameRow(s, h, r) || unitLine(s, r)) continue;
    if (name === '' && actual.state === 'blank' && (target === null || target.state === 'blank')) continue;
    asm.plan.cellsRead += 4;
    const levelFig = cols.level >= 0 ? parseKoreanNumber(own(s, r, cols.level) || null) : null;
    let level = levelFig?.value !== null && levelFig?.value !== undefined && levelFig.value >= 1 ? Math.floor(levelFig.value) : indentLevel(rawName) + (nameCell?.indent ?? 0);
    // Documents: the first 합 계 row totals every row under it, written without indentation.
    if (cols.level < 0 && !first && results.items[0] && GRAND_TOTAL.test(norm(results.items[0].name)) && results.items[0].level === level) level += 1;
    first = false;
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
    const rate = cols.rate >= 0 ? figure(s, r, cols.rate) : null;
    // `-` in a 달성률 or 실적 cell means not stated, not zero.
    const notStated = (f: typeof actual) => (f.state === 'dash' ? { ...f, state: 'blank' as const, value: null } : f);
    const item: ResultItem = {
      index: results.items.length,
      level,
      name,
      label: refOf(s, r, cols.name),
      statedUnit,
      unit,
      unitRef: cols.unit >= 0 ? refOf(s, r, cols.unit) : null,
      target,
      actual: notStated(actual),
      rate: rate ? notStated(rate) : rate,
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
    asm.problem(R.tableName, `'${results.sheet}'의 성과 표에 항목이 없습니다`, `the results table on '${results.sheet}' has no rows`, 'table', refOf(s, h, cols.name));
  }
  asm.plan.results = results;
}
