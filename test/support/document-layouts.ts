/**
 * The tests' own small writer of plans in the layouts officials really have, built straight from the
 * seed document's text (test/fixtures/documents), never through our template renderer: the whole
 * document on one sheet, its chapters on several sheets, one sheet per 실천과제; 합계 last; other year
 * styles; numbers as text; SUM formulas with cached values; other periods. Each layout also says where
 * a seed line and field went (`where`), so a test can ask for the exact cell of every finding.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { a1 } from '../../src/core/grid/a1';
import type { CellValue, GridCell, GridSheet, GridWorkbook } from '../../src/core/grid/grid';

export const SEED_000 = path.join(__dirname, '../fixtures/documents/incheon-seogu-2023.txt');

/** The seed's lines, each split into tab-separated fields (line n is lines[n - 1]). */
export function seedLines(file = SEED_000): string[][] {
  return readFileSync(file, 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .map((l) => l.split('\t'));
}

/** Lines (1-based, inclusive) of the seed's plan tables, found by reading the file (see its comments in the tests). */
export const SEED_TABLES = {
  indicators: { header: 429, last: 436 },
  areas: { header: 444, last: 455 },
  strategyMap: { header: 459, last: 464 },
  /** 실천과제 ①–⑬: title line, table header line, last table line. */
  tasks: [
    [466, 493, 499],
    [501, 528, 538],
    [540, 568, 570],
    [572, 598, 606],
    [608, 635, 647],
    [649, 678, 692],
    [694, 728, 744],
    [746, 775, 777],
    [779, 816, 822],
    [824, 857, 859],
    [861, 888, 896],
    [898, 925, 935],
    [937, 962, 972],
  ] as const,
};

/** Is seed line n (1-based) a row of a 분야별 목표 or 실천과제 table? */
export function inPairTable(n: number): boolean {
  return (n >= SEED_TABLES.areas.header && n <= SEED_TABLES.areas.last) || SEED_TABLES.tasks.some(([, h, l]) => n >= h && n <= l);
}

export interface LayoutOptions {
  /** 'one-sheet': the whole document; 'chapters': Ⅰ·Ⅱ, Ⅲ, Ⅳ, Ⅴ; 'per-task': chapters Ⅰ–Ⅲ on one sheet and each task's table on its own. */
  split?: 'one-sheet' | 'chapters' | 'per-task';
  /** Figures as numbers (what Excel makes of pasted text), or left as text ("9,454"). */
  numbers?: 'numbers' | 'text';
  /** The 합계 column of the 분야별 목표 and 실천과제 tables moved after the years. */
  totalLast?: boolean;
  /** How the pair tables write a year header (default "2023년"). */
  yearHeader?: (year: number) => CellValue;
  /** Years moved by this many (2023–2026 → 2027–2030 with 4), in chapters III–IV and the title. */
  shiftYears?: number;
  /** A fifth plan year (2027) with "-" everywhere, and a fifth indicator target equal to the fourth. */
  fifthYear?: boolean;
  /** The 총계 rows of the 실천과제 tables as SUM formulas over their 세부사업, with the cached values. */
  sumFormulas?: boolean;
  /** Seed lines left out (e.g. the strategy/task overview table). */
  drop?: (line: number) => boolean;
  /** Rewrites a line's fields before it is written. */
  edit?: (line: number, fields: string[]) => string[];
  /**
   * The pair tables' header on two rows: name, 구 분 and 합계 above, `연도별 목표` over the years, the years
   * on the row below; 'merged' as Excel holds it (those cells merged down, the heading across the years),
   * 'plain' as a document's table pasted without merges.
   */
  twoRowHeader?: 'merged' | 'plain';
  /** The order the seed's lines are written in (given 1, 2, … n): moves rows, keeping where each line went. */
  lineOrder?: (lines: number[]) => number[];
  /** The rate indicators' figures (고용률 …, seed lines 431–433) as Excel keeps a typed "68.6%": the fraction 0.686 formatted 0.0%. */
  percentRates?: boolean;
}

export interface Layout {
  grid: GridWorkbook;
  /** Where seed line `line`, field `field` (both 1-based) went: sheet and A1 cell. */
  where(line: number, field: number): { sheet: string; cell: string };
}

const NUMBER = /^[△-]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/;

function valueOf(field: string, numbers: 'numbers' | 'text'): GridCell | undefined {
  const t = field.trim();
  if (t === '') return undefined;
  if (numbers === 'numbers' && NUMBER.test(t)) {
    const neg = /^[△-]/.test(t);
    const v = Number(t.replace(/^[△-]/, '').replace(/,/g, ''));
    return { value: neg ? -v : v, numFmt: t.includes('.') ? '#,##0.0' : '#,##0' };
  }
  return { value: t };
}

const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬';

/** The sheet each seed line goes to, by split. */
function sheetOf(n: number, split: LayoutOptions['split']): string | null {
  if (split === 'chapters') return n < 370 ? 'Ⅰ·Ⅱ' : n < 466 ? 'Ⅲ' : n < 974 ? 'Ⅳ' : 'Ⅴ';
  if (split === 'per-task') {
    if (n < 466) return '계획';
    const i = SEED_TABLES.tasks.findIndex(([, h, l]) => n >= h - 2 && n <= l);
    if (i < 0) return null; // a task's prose: not on the task sheets
    // Sheet names in the styles offices use: ①, 과제2, ③ 맞춤형 취업지원서비스 확대, …
    const title = readTitle(i);
    return i % 3 === 0 ? Array.from(CIRCLED)[i] : i % 3 === 1 ? `과제${i + 1}` : `${Array.from(CIRCLED)[i]} ${title}`;
  }
  return '문서';
}

let titles: string[] | null = null;
function readTitle(i: number): string {
  if (!titles) {
    const lines = seedLines();
    titles = SEED_TABLES.tasks.map(([t]) => {
      const own = lines[t - 1][0].replace(/^\d+\s*/, '').trim();
      return own !== '' ? own : lines[t][0].trim() || lines[t + 1][0].trim();
    });
  }
  return titles[i].replace(/[\\/?*[\]:]/g, '').slice(0, 28);
}

function shiftYear(t: string, by: number): string {
  return t
    .replace(/(20\d\d)(\s*[~～]\s*)(20\d\d)/g, (_, a, sep, b) => `${Number(a) + by}${sep}${Number(b) + by}`)
    .replace(/(20\d\d)년/g, (_, y) => `${Number(y) + by}년`)
    .replace(/'(\d\d)년/g, (_, y) => `'${Number(y) + by}년`);
}

export function documentLayout(opts: LayoutOptions = {}): Layout {
  const lines = seedLines();
  const split = opts.split ?? 'one-sheet';
  const sheets = new Map<string, GridSheet>();
  const place = new Map<number, { sheet: string; row: number; fieldCol: (f: number) => number }>();
  const tasks = SEED_TABLES.tasks;
  const numbers = Array.from({ length: lines.length }, (_, i) => i + 1);
  for (const n of opts.lineOrder ? opts.lineOrder(numbers) : numbers) {
    if (opts.drop?.(n)) continue;
    const name = sheetOf(n, split);
    if (name === null) continue;
    let fields = lines[n - 1].slice();
    if (opts.shiftYears && (n === 7 || (n >= 425 && n < 974))) fields = fields.map((f) => shiftYear(f, opts.shiftYears!));
    const pair = inPairTable(n);
    const isPairHeader = n === SEED_TABLES.areas.header || tasks.some(([, h]) => h === n);
    if (pair && opts.fifthYear) fields = [...fields, isPairHeader ? '2027년' : '-'];
    if (opts.fifthYear && n === 7) fields = ['(2023~2027)'];
    if (opts.fifthYear && n >= SEED_TABLES.indicators.header && n <= SEED_TABLES.indicators.last) {
      // 목표 merged over one more year; '27년 after '26년; each indicator's 2027 target = its 2026 target.
      fields = n === 429 ? [...fields.slice(0, 7), '', fields[7]] : n === 430 ? [...fields.slice(0, 7), "'27년", ''] : [...fields.slice(0, 7), fields[6], fields[7]];
    }
    if (isPairHeader && opts.yearHeader) fields = fields.map((f) => (/^20\d\d년$/.test(f.trim()) ? String(opts.yearHeader!(Number(f.trim().slice(0, 4)))) : f));
    if (opts.edit) fields = opts.edit(n, fields);
    // 합계 (the third field) moved after the years.
    const moveTotal = pair && opts.totalLast;
    const order = moveTotal ? [0, 1, ...fields.slice(3).map((_, i) => i + 3), 2] : fields.map((_, i) => i);
    const fieldCol = (f: number) => (moveTotal ? order.indexOf(f - 1) : f - 1);
    let sheet = sheets.get(name);
    if (!sheet) {
      sheet = { name, rows: [], merges: [] };
      sheets.set(name, sheet);
    }
    const row = sheet.rows.length;
    const cells: (GridCell | undefined)[] = order.map((i) => {
      const f = fields[i] ?? '';
      if (isPairHeader && opts.yearHeader && /^\d{4}$/.test(f)) return { value: Number(f) };
      // 66.9 typed as 66.9% in Excel: 0.669, shown with one decimal as a percentage (the change column stays 2).
      if (opts.percentRates && n >= 431 && n <= 433 && i >= 1 && i <= 6) return { value: Number((Number(f) / 100).toFixed(4)), numFmt: '0.0%' };
      return valueOf(f, opts.numbers ?? 'numbers');
    });
    place.set(n, { sheet: name, row, fieldCol });
    if (isPairHeader && opts.twoRowHeader) {
      writeTwoRowHeader(sheet, cells, order, n !== SEED_TABLES.areas.header, opts.twoRowHeader === 'merged');
      continue;
    }
    sheet.rows.push(cells);
    // The 세부사업명 header merged over the name and 구 분 columns, as the document has it.
    if (isPairHeader && n !== SEED_TABLES.areas.header) sheet.merges.push(`${a1(row, 0)}:${a1(row, 1)}`);
  }
  if (opts.sumFormulas) addSumFormulas(sheets, place, lines);
  return {
    grid: { sheets: [...sheets.values()] },
    where(line, field) {
      const p = place.get(line);
      if (!p) throw new Error(`seed line ${line} is not in this layout`);
      return { sheet: p.sheet, cell: a1(p.row, p.fieldCol(field)) };
    },
  };
}

/**
 * A pair table's header line as two rows: fields 1–3 (name, 구 분, 합계) above, `연도별 목표` above the year
 * fields (4 on), the years below. With `merged`, the upper cells are merged down over both rows (the task
 * tables' name over its 구 분 column too) and the heading across the years.
 */
function writeTwoRowHeader(sheet: GridSheet, cells: (GridCell | undefined)[], order: number[], nameOverRole: boolean, merged: boolean): void {
  const top = sheet.rows.length;
  const isYear = (col: number) => order[col] >= 3;
  const yearCols = cells.map((_, c) => c).filter(isYear);
  sheet.rows.push(cells.map((x, c) => (!isYear(c) ? x : c === yearCols[0] ? { value: '연도별 목표' } : undefined)));
  sheet.rows.push(cells.map((x, c) => (isYear(c) ? x : undefined)));
  if (!merged) return;
  for (let c = 0; c < cells.length; c++) {
    if (isYear(c) || (nameOverRole && c === 1)) continue;
    sheet.merges.push(`${a1(top, c)}:${a1(top + 1, nameOverRole && c === 0 ? 1 : c)}`);
  }
  sheet.merges.push(`${a1(top, yearCols[0])}:${a1(top, yearCols[yearCols.length - 1])}`);
}

/** Each 총계 row's cells become =SUM(…) over the 세부사업 rows of the same role, keeping the cached value (0 for "-"). */
function addSumFormulas(sheets: Map<string, GridSheet>, place: Map<number, { sheet: string; row: number; fieldCol: (f: number) => number }>, lines: string[][]): void {
  for (const [, header, last] of SEED_TABLES.tasks) {
    const totalLine = header + 1;
    if (!/총\s*계/.test(lines[totalLine - 1][0])) continue;
    for (const role of [0, 1]) {
      const p = place.get(totalLine + role);
      if (!p) continue;
      const sheet = sheets.get(p.sheet)!;
      const parts: number[] = [];
      for (let n = totalLine + 2 + role; n <= last; n += 2) parts.push(place.get(n)!.row);
      for (let field = 3; field <= lines[totalLine + role - 1].length; field++) {
        const col = p.fieldCol(field);
        const cell = sheet.rows[p.row][col];
        const cached = cell && typeof cell.value === 'number' ? cell.value : 0; // "-" → Excel's SUM shows 0
        sheet.rows[p.row][col] = { value: cached, formula: `SUM(${parts.map((r) => a1(r, col)).join(',')})`, numFmt: '#,##0' };
      }
    }
  }
}

/** The 26 findings of the seed (test/core/example-findings.test.ts), as seed line and field. */
export const SEED_FINDINGS: [rule: string, severity: string, line: number, field: number, expected: unknown, actual: unknown, tolerance: number | null][] = [
  ['area-total', 'error', 448, 3, 4193, 4197, 1.5],
  ['area-total', 'error', 448, 4, 1125, 1127, 1.5],
  ['area-total', 'error', 448, 5, 1047, 1049, 1.5],
  ['area-total', 'warning', 448, 6, 997, 996, 1.5],
  ['area-total', 'warning', 448, 7, 1024, 1025, 1.5],
  ['area-total', 'error', 449, 3, 42165, 43465, 3],
  ['area-total', 'error', 449, 4, 10132, 10442, 3],
  ['area-total', 'error', 449, 5, 10479, 10799, 3],
  ['area-total', 'error', 449, 6, 10678, 11008, 3],
  ['area-total', 'error', 449, 7, 10876, 11216, 3],
  ['area-total', 'error', 450, 3, 169925, 181493, 3],
  ['area-total', 'error', 450, 4, 41019, 43783, 3],
  ['area-total', 'error', 450, 5, 41819, 44668, 3],
  ['area-total', 'error', 450, 6, 42963, 45897, 3],
  ['area-total', 'error', 450, 7, 44124, 47145, 3],
  ['area-total', 'warning', 452, 3, 14599, 14601, 2],
  ['area-total', 'warning', 452, 4, 3490, 3491, 2],
  ['area-total', 'warning', 452, 6, 3701, 3702, 2],
  ['area-total', 'warning', 454, 4, 1535, 1536, 1.5],
  ['area-total', 'warning', 454, 5, 1572, 1573, 1.5],
  ['area-total', 'warning', 454, 6, 1611, 1610, 1.5],
  ['area-total', 'warning', 454, 7, 1649, 1648, 1.5],
  ['mixed-units', 'warning', 451, 3, '명', '개소, 명', null],
  ['mixed-units', 'warning', 453, 3, '명', '명, 개소', null],
  ['budget-excluded', 'info', 455, 1, 2268300, null, null],
  ['budget-without-target', 'info', 895, 3, null, 0, null],
];

/**
 * A layout written as a real .xlsx with exceljs directly (cells, merges, formulas with their cached
 * results — 0 included), as a user's workbook would be: the reader then sees it through the .xlsx adapter.
 */
export async function layoutXlsx(layout: Layout): Promise<Buffer> {
  const ExcelJS = (await import('exceljs')).default;
  const wb = new ExcelJS.Workbook();
  for (const s of layout.grid.sheets) {
    const ws = wb.addWorksheet(s.name);
    s.rows.forEach((row, r) =>
      row.forEach((c, col) => {
        if (!c) return;
        const cell = ws.getCell(r + 1, col + 1);
        cell.value = c.formula ? { formula: c.formula, result: c.value as number } : (c.value as string | number);
        if (c.numFmt) cell.numFmt = c.numFmt;
      }),
    );
    for (const m of s.merges) ws.mergeCells(m);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
