/**
 * 실천과제 tables that group their 세부사업 under 소계 (subtotal) pairs: seed 000 with 소계 rows added to
 * task ⑥ (string edits of its text, and a workbook-like grid of the seed's layout with the rows inserted).
 * A 소계 is not a 세부사업 (it was counted as one, and the 총계 check reported 10 false errors), and it is
 * itself checked against its group (task-subtotal).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { textBytesToGrid } from '../../../src/adapters/text/read';
import type { GridCell } from '../../../src/core/grid/grid';
import { validateGrid } from '../../../src/core/validate';
import { documentLayout } from '../../support/document-layouts';

const SEED = readFileSync(path.join(__dirname, '../../fixtures/documents/incheon-seogu-2023.txt'), 'utf8');
const check = (text: string) => validateGrid(textBytesToGrid(Buffer.from(text), 'incheon-seogu-2023.txt'));
type Result = ReturnType<typeof check>;
const row = (f: Result['findings'][number]) => JSON.stringify([f.rule, f.severity, f.sheet, f.cell, f.expected, f.actual, f.tolerance]);
const plain = check(SEED);

/** The seed's lines (0-based here: line n of the file is LINES[n - 1]). */
const LINES = SEED.split('\n');
/** Task ⑥'s table: header at line 678, 총 계 679–680, then six 세부사업 pairs, 681–692. */
const T6 = { header: 678, total: 679, first: 681, last: 692 };
const T6_NAMES = ['노인사회활동지원 및 일자리 사업', '장애인 일자리 사업', '장애인 직업재활 프로그램 (근로사업장)', '자활근로사업', '공공근로사업', '지역공동체일자리사업'];

const num = (f: string) => Number(f.replace(/,/g, ''));
const fmt = (n: number) => n.toLocaleString('en-US');

/** The 소계 pair of ⑥'s 세부사업 `from`…`to` (0-based among the six), named `name`: two tab-separated lines. */
function subtotalLines(from: number, to: number, name = '소계'): string[] {
  const pair = (k: number) => [LINES[T6.first - 1 + 2 * k], LINES[T6.first + 2 * k]];
  return [0, 1].map((role) => {
    const sums = [0, 0, 0, 0, 0];
    for (let k = from; k <= to; k++) pair(k)[role].split('\t').slice(2).forEach((f, i) => (sums[i] += num(f)));
    return [role === 0 ? name : '', role === 0 ? '성과목표' : '소요예산', ...sums.map(fmt)].join('\t');
  });
}

/**
 * The seed with `insert` lines put before each 0-based 세부사업 index of ⑥ (6: after the last), then `edit`ed;
 * and `seedLine`: the seed's line number of each of its lines (null for an added one).
 */
function withLines(insert: Map<number, string[]>, edit: (lines: (string | number)[]) => void = () => undefined): { text: string; seedLine: (n: number) => number | null } {
  // Each line as it is (with its seed line number), or an added line.
  const out: (string | number)[] = [];
  LINES.forEach((_, i) => {
    const n = i + 1;
    if (n >= T6.first && n <= T6.last + 1 && (n - T6.first) % 2 === 0) out.push(...(insert.get((n - T6.first) / 2) ?? []));
    out.push(n);
  });
  edit(out);
  return {
    text: out.map((x) => (typeof x === 'number' ? LINES[x - 1] : x)).join('\n'),
    seedLine: (n) => (typeof out[n - 1] === 'number' ? (out[n - 1] as number) : null),
  };
}

/** A finding as `row` gives it, its cells at the seed's lines (`L686:F5` → the seed's line of line 686). */
function seedRow(f: Result['findings'][number], seedLine: (n: number) => number | null, withTolerance = true): string {
  const cell = f.cell.replace(/^L(\d+)/, (_, n: string) => `L${seedLine(Number(n)) ?? `+${n}`}`);
  return JSON.stringify([f.rule, f.severity, f.sheet, cell, f.expected, f.actual, ...(withTolerance ? [f.tolerance] : [])]);
}

function expectSameAsSeed(v: { text: string; seedLine: (n: number) => number | null }, withTolerance = true): Result {
  const r = check(v.text);
  const noTolerance = (f: Result['findings'][number]) => seedRow(f, (n) => n, withTolerance);
  expect(r.findings.map((f) => seedRow(f, v.seedLine, withTolerance)).sort()).toEqual(plain.findings.map(noTolerance).sort());
  expect(r.summary).toEqual({ error: 13, warning: 11, info: 2 });
  expect(r.problems).toEqual([]);
  return r;
}

describe('seed 000 with 소계 pairs in task ⑥', () => {
  it('the seed has no 소계 row: its task ⑥ reads six 세부사업', () => {
    expect(LINES[T6.header - 1]).toMatch(/^세부사업명\t/);
    expect(LINES[T6.total - 1]).toMatch(/^총 계\t성과목표\t25,522/);
    expect(plain.plan.tasks[5].subprojects.map((s) => s.name)).toEqual(T6_NAMES);
    expect(plain.plan.tasks[5].subtotals).toBeUndefined();
    expect(plain.summary).toEqual({ error: 13, warning: 11, info: 2 });
  });

  it.each([
    ['소계 after its group (the first two 세부사업), four ungrouped ones after it', new Map([[2, subtotalLines(0, 1)]]), [{ first: 0, count: 2, side: 'after' }]],
    ['소계 after each of two groups', new Map([[2, subtotalLines(0, 1)], [6, subtotalLines(2, 5)]]), [{ first: 0, count: 2 }, { first: 2, count: 4 }]],
    ['소계 above its group (the first two), right under the 총계, four ungrouped ones after', new Map([[0, subtotalLines(0, 1)]]), [{ first: 0, count: 6, side: 'before' }]],
    ['소계 above each of two groups', new Map([[0, subtotalLines(0, 2)], [3, subtotalLines(3, 5)]]), [{ first: 0, count: 3, side: 'before' }, { first: 3, count: 3, side: 'before' }]],
    ['`소 계` spaced', new Map([[2, subtotalLines(0, 1, '소 계')]]), [{ name: '소 계' }]],
    ['`소계(노인·장애인)` with its group named', new Map([[2, subtotalLines(0, 1, '소계(노인·장애인)')]]), [{ name: '소계(노인·장애인)' }]],
    ['`중계`', new Map([[2, subtotalLines(0, 1, '중계')]]), [{ name: '중계' }]],
  ])('%s: not a 세부사업, the seed findings exactly', (_, insert, subtotals) => {
    const r = expectSameAsSeed(withLines(insert));
    const task = r.plan.tasks[5];
    expect(task.subprojects.map((s) => s.name)).toEqual(T6_NAMES);
    expect(task.total?.target.total.value).toBe(25522);
    expect(task.subtotals).toMatchObject(subtotals);
  });

  it('without the 총계 row, the last 소계 is not taken for the table’s total (the task counts in its area with its six 세부사업)', () => {
    const v = withLines(new Map([[2, subtotalLines(0, 1)], [6, subtotalLines(2, 5)]]), (lines) => lines.splice(T6.total - 1, 2));
    expect(v.text.split('\n')[T6.total - 1]).toMatch(/^노인사회활동지원/);
    // The area's sums are the same (the seed's ⑥ 총계 is its 세부사업's sum), at the same cells; their
    // tolerances are wider, ⑥ counting with six rounded figures instead of one.
    const r = expectSameAsSeed(v, false);
    const task = r.plan.tasks[5];
    expect(task.total).toBeNull();
    expect(task.subprojects.map((s) => s.name)).toEqual(T6_NAMES);
    expect(task.subtotals).toMatchObject([{ first: 0, count: 2 }, { first: 2, count: 4 }]);
  });

  it('a wrong 소계 figure: one task-subtotal finding naming the 소계 cell and its group’s cells (and the 소계 row’s own 합계, row-total)', () => {
    const [target, budget] = subtotalLines(0, 1);
    // The group's 2024 budgets are 20,800 + 3,088 = 23,888; the 소계 says 23,988.
    expect(budget.split('\t')[4]).toBe('23,888');
    const wrong = budget.replace('\t23,888\t', '\t23,988\t');
    const v = withLines(new Map([[2, [target, wrong]]]));
    const r = check(v.text);
    const seed = new Set(plain.findings.map((f) => seedRow(f, (n) => n)));
    const added = r.findings.filter((f) => !seed.has(seedRow(f, v.seedLine)));
    expect(added.map((f) => [f.rule, f.severity, f.cell, f.expected, f.actual, f.tolerance, f.cells])).toEqual([
      // The 소계's budget row is line 686 (two lines added after line 684); its fields are 1-based.
      ['row-total', 'error', 'L686:F3', 97880, 97780, 2.5, expect.any(Array)],
      ['task-subtotal', 'error', 'L686:F5', 23888, 23988, 1.5, ['L686:F5', 'L682:F5', 'L684:F5'].map((c) => `'6 취업취약계층 일자리 창출 지원'!${c}`)],
    ]);
    const f = added[1];
    expect(f.message).toBe(
      '⑥ 취업취약계층 일자리 창출 지원 소계 소요예산 2024년: 소계 23,988 ≠ 세부사업 합 23,888 (차이 +100, 반올림 허용 ±1.5; 노인사회활동지원 및 일자리 사업 L682:F5 20,800 + 장애인 일자리 사업 L684:F5 3,088)',
    );
    expect(f.place).toMatchObject({ task: { no: 6 }, subtotal: '소계', role: 'budget', year: 2024 });
    // The 총계 and the area still add up: the 소계 is no part of their sums.
    expect(added).toHaveLength(2);
  });
});

describe('a workbook with the seed pasted in, one sheet per task, and 소계 rows inserted into ⑥’s sheet', () => {
  /** The seed's grid (figures as numbers), with ⑥'s sheet given a 소계 pair after its first two 세부사업. */
  function workbook(change = 0) {
    const layout = documentLayout({ split: 'per-task' });
    const grid = layout.grid;
    const at = layout.where(T6.first + 4, 1); // the third 세부사업's first row: the pair goes above it
    const sheet = grid.sheets.find((s) => s.name === at.sheet)!;
    const rowAt = Number(at.cell.replace(/^[A-Z]+/, '')) - 1;
    const cells = (line: string): (GridCell | undefined)[] => line.split('\t').map((f) => (f === '' ? undefined : /^[\d,]+$/.test(f) ? { value: num(f) + 0, numFmt: '#,##0' } : { value: f }));
    const [target, budget] = subtotalLines(0, 1);
    const t = cells(target);
    (t[3] as { value: number }).value += change;
    sheet.rows.splice(rowAt, 0, t, cells(budget));
    // Merges below the inserted rows move down with them.
    sheet.merges = sheet.merges.map((m) => m.replace(/(\D+)(\d+)/g, (_, c: string, r: string) => `${c}${Number(r) > rowAt ? Number(r) + 2 : Number(r)}`));
    return { grid, sheet: sheet.name, row: rowAt + 1 };
  }
  const seedLayout = validateGrid(documentLayout({ split: 'per-task' }).grid);

  it('reads the 소계 pair as the subtotal of the two 세부사업 above it: the findings of the seed’s own layout', () => {
    const r = validateGrid(workbook().grid);
    expect(r.plan.tasks[5].subprojects.map((s) => s.name)).toEqual(T6_NAMES);
    expect(r.plan.tasks[5].subtotals).toMatchObject([{ name: '소계', first: 0, count: 2, side: 'after' }]);
    expect(r.findings.map(row).sort()).toEqual(seedLayout.findings.map(row).sort());
    expect(r.summary).toEqual({ error: 13, warning: 11, info: 2 });
  });

  it('a 소계 2023 target 3 more than its group: task-subtotal at its cell (and row-total for its 합계)', () => {
    const { grid, sheet, row: r1 } = workbook(3);
    const r = validateGrid(grid);
    const sub = r.findings.filter((f) => f.rule === 'task-subtotal');
    expect(sub.map((f) => [f.sheet, f.cell, f.expected, f.actual, f.tolerance])).toEqual([[sheet, `D${r1}`, 5418, 5421, 1.5]]);
    expect(sub[0].cells).toEqual([`D${r1}`, `D${r1 - 4}`, `D${r1 - 2}`].map((c) => `'${sheet}'!${c}`));
    expect(r.findings.filter((f) => !seedLayout.findings.some((p) => row(p) === row(f))).map((f) => f.rule)).toEqual(['row-total', 'task-subtotal']);
  });
});
