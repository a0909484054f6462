/**
 * The engine's fast paths (issue #10) against plain reference versions written here: the places of a
 * few named cells (placesOf) against the whole index, in-place range parsing against split(':'), the
 * shared-list sum comparison against a direct one over part objects, and merged labels spread into rows
 * outside the sheet.
 */
import { readFileSync } from 'fs';
import { a1, columnLetters, parseA1, parseRange } from '../../src/core/grid/a1';
import { withMergesFilled, type GridSheet } from '../../src/core/grid/grid';
import type { CellRef, Plan } from '../../src/core/model/plan';
import { compareSum, compareSumOf, sumVerdictOf, type RoundedPart } from '../../src/core/numbers/interval';
import { buildPlaceIndex, placesOf } from '../../src/core/rules/places';
import { readWorkbook } from '../../src/core/tables/assemble';
import { missingSeries } from '../../src/core/tables/groups';
import { cellsOf, looseIndex, prepareSheets, textIndex } from '../../src/core/tables/sheet';
import { runRules } from '../../src/core/rules/run';
import { PLAN_RULES } from '../../src/core/rules';
import { textToGrid } from '../../src/adapters/text/read';
import { SEED_000 } from '../support/document-layouts';
import { exampleDraft, planOf, planWithCells } from '../support/plans';
import { blankDraft } from '../../src/core/template/blank';

/** Every cell a plan names (labels and figures of every table), in no particular order. */
function namedCells(plan: Plan): CellRef[] {
  const out: CellRef[] = [];
  const series = (s: { total: { ref: CellRef }; years: { ref: CellRef }[] } | null) => s && out.push(s.total.ref, ...s.years.map((f) => f.ref));
  for (const ind of plan.indicators) {
    out.push(ind.label, ind.base.ref, ...ind.targets.map((f) => f.ref));
    if (ind.lastActual) out.push(ind.lastActual.ref);
    if (ind.statedChange) out.push(ind.statedChange.ref);
  }
  // A labelled row with its 성과목표 and 소요예산 series: the grand total, each area, task total and 세부사업.
  type Row = { label: CellRef; target: Parameters<typeof series>[0]; budget: Parameters<typeof series>[0] };
  const row = (r: Row | null | undefined) => {
    if (!r) return;
    out.push(r.label);
    series(r.target);
    series(r.budget);
  };
  row(plan.grandTotal);
  plan.areas.forEach(row);
  for (const t of plan.tasks) {
    out.push(t.label);
    row(t.total);
    t.subprojects.forEach(row);
  }
  return out;
}

const plans: [string, () => Plan][] = [
  ['the example', () => planOf(exampleDraft())],
  ['a blank template with a few cells filled', () => planWithCells(blankDraft(), { '실천과제!D9': '-', '공통 일자리 목표!C4': 61.2 })],
  [
    "the example with a 세부사업's 소요예산 row missing (its placeholders name the label's cell again)",
    () => {
      const plan = planOf(exampleDraft());
      const sp = plan.tasks[0].subprojects[0];
      sp.budget = missingSeries(sp.label, plan.period.years);
      return plan;
    },
  ],
  ['the 인천 서구 plan as text (a document grid)', () => readWorkbook(textToGrid(readFileSync(SEED_000, 'utf8'), 'seed.txt')).plan],
];

describe.each(plans)('placesOf, %s', (_, make) => {
  const plan = make();
  const cells = namedCells(plan);
  const whole = buildPlaceIndex(plan);

  test('the plan names cells (the test has something to compare)', () => {
    expect(cells.length).toBeGreaterThan(50);
  });

  test('each named cell, asked alone, has the place and unit of the whole index', () => {
    for (const ref of cells) expect(placesOf(plan, [ref]).at(ref)).toEqual(whole.at(ref));
  });

  test('all named cells asked at once (copies of the refs, not the plan objects) give the same', () => {
    const copies = cells.map((c) => ({ sheet: c.sheet, cell: c.cell }));
    const few = placesOf(plan, copies);
    for (const ref of copies) expect(few.at(ref)).toEqual(whole.at(ref));
    expect(few.tables).toEqual(whole.tables);
  });

  test('a cell the plan does not list, and one on no sheet of the plan, are answered as the whole index answers them', () => {
    const sheet = cells[cells.length - 1].sheet;
    for (const ref of [{ sheet, cell: 'Z999' }, { sheet, cell: 'A1' }, { sheet: 'no such sheet', cell: 'B2' }]) {
      expect(placesOf(plan, [ref]).at(ref)).toEqual(whole.at(ref));
    }
  });
});

describe('parseRange reads in place what split(":") and parseA1 read', () => {
  const reference = (range: string) => {
    const [from, to] = range.split(':');
    const a = parseA1(from);
    const b = parseA1(to ?? from);
    return { r0: Math.min(a.row, b.row), c0: Math.min(a.col, b.col), r1: Math.max(a.row, b.row), c1: Math.max(a.col, b.col) };
  };
  const outcome = (f: () => unknown) => {
    try {
      return { value: f() };
    } catch (e) {
      return { error: (e as Error).message };
    }
  };
  test.each(['A7:A8', 'B4:G4', 'C5', 'AB12:A1', '$A$1:$B$2', 'a1:b2', 'A1:B2:C3', 'XFD1048576:A1', 'A1:', ':A1', '', 'A0:A1', '1A:B2', 'A1 :B2', 'ABCD1:A1', 'A1234567890:A1'])('%p', (range) => {
    expect(outcome(() => parseRange(range))).toEqual(outcome(() => reference(range)));
  });
  test('parseA1 keeps its answers: C12, $AA$3, and an error for text', () => {
    expect(parseA1('C12')).toEqual({ row: 11, col: 2 });
    expect(parseA1('$AA$3')).toEqual({ row: 2, col: 26 });
    expect(() => parseA1('합계')).toThrow('Not an A1 address: 합계');
  });
});

test('a1 gives each cell its own address when rows and columns change in any order', () => {
  const seen: string[] = [];
  for (const [row, col] of [[0, 0], [0, 1], [11, 2], [11, 2], [0, 27], [9999, 3], [0, 0]]) seen.push(a1(row, col));
  expect(seen).toEqual(['A1', 'B1', 'C12', 'C12', 'AB1', 'D10000', 'A1']);
  expect(columnLetters(702)).toBe('AAA');
});

describe('sums over shared lists decide as over part objects', () => {
  /** compareSum as it read before the shared lists: one pass over part objects. */
  const reference = (total: RoundedPart, parts: RoundedPart[]) => {
    let halves = 0;
    let finite = Number.isFinite(total.value);
    let max = Math.abs(total.value);
    for (const p of parts) {
      halves += p.half;
      if (!Number.isFinite(p.value)) finite = false;
      else if (Math.abs(p.value) > max) max = Math.abs(p.value);
    }
    const clean = (x: number) => (Math.abs(x) < 1e15 ? Math.round(x * 1e9) / 1e9 : x);
    const tolerance = clean(total.half + halves);
    if (!finite) {
      let sum = 0;
      for (const p of parts) sum += p.value;
      const difference = total.value - sum;
      return { verdict: 'mismatch', sum, difference: Number.isNaN(difference) ? Infinity : difference, tolerance };
    }
    const k = max * (parts.length + 1) < Number.MAX_VALUE / 4 ? 1 : 2 ** -64;
    let scaledSum = 0;
    for (const p of parts) scaledSum += p.value * k;
    const scaledDifference = total.value * k - scaledSum;
    const noise = 1e-9 + (parts.length + 1) * (max * Number.EPSILON);
    const d = Math.abs(scaledDifference) / k;
    return { verdict: d <= noise ? 'equal' : d <= tolerance + noise ? 'rounding' : 'mismatch', sum: clean(scaledSum / k), difference: clean(scaledDifference / k), tolerance };
  };
  const cases: [string, RoundedPart, RoundedPart[]][] = [
    ['equal whole numbers', { value: 10, half: 0.5 }, [3, 3, 4].map((value) => ({ value, half: 0.5 }))],
    ['off by one (rounding)', { value: 11, half: 0.5 }, [3, 3, 4].map((value) => ({ value, half: 0.5 }))],
    ['off by seven', { value: 17, half: 0.5 }, [3, 3, 4].map((value) => ({ value, half: 0.5 }))],
    ['0.1 + 0.2 = 0.3', { value: 0.3, half: 0.05 }, [0.1, 0.2].map((value) => ({ value, half: 0.05 }))],
    ['a part of 1e308', { value: 1e308, half: 0.5 }, [1e308, 1e308].map((value) => ({ value, half: 0.5 }))],
    ['an infinite part', { value: 1, half: 0.5 }, [{ value: Infinity, half: 0.5 }]],
    ['no parts', { value: 0, half: 0.5 }, []],
    ['negative zero', { value: -0, half: 0.5 }, [{ value: -0, half: 0.5 }]],
  ];
  test.each(cases)('%s', (_, total, parts) => {
    const expected = reference(total, parts);
    expect(compareSum(total, parts)).toEqual(expected);
    const values = Float64Array.from(parts.map((p) => p.value));
    const halves = Float64Array.from(parts.map((p) => p.half));
    expect(compareSumOf(total.value, total.half, values, halves, parts.length)).toEqual(expected);
    expect(sumVerdictOf(total.value, total.half, values, halves, parts.length)).toBe(expected.verdict);
  });
});

describe('merged labels spread into rows the sheet does not have, as before', () => {
  const sheet = (): GridSheet => ({ name: 'S', rows: [[{ value: '이름' }], [{ value: 1 }]], merges: ['A1:A4', 'A1:B4'] });
  test('rows past the end get the label in every merged cell, once per cell', () => {
    const filled = withMergesFilled(sheet(), parseRange);
    expect(filled.rows.map((r) => r.map((c) => (c ? `${c.value}${c.mergedCopy ? '*' : ''}` : '')))).toEqual([
      ['이름', '이름*'],
      ['1', '이름*'],
      ['이름*', '이름*'],
      ['이름*', '이름*'],
    ]);
  });
  test("the sheet's own rows are left as they were", () => {
    const s = sheet();
    withMergesFilled(s, parseRange);
    expect(s.rows).toEqual([[{ value: '이름' }], [{ value: 1 }]]);
  });
});

test('the value rules still report a text in an indicator and a negative 세부사업 figure (the census of figures sees both)', () => {
  const plan = planWithCells(exampleDraft(), { '공통 일자리 목표!C4': '미정', '실천과제!D9': -5 });
  const found = runRules(plan, PLAN_RULES).map((f) => `${f.rule} ${f.sheet}!${f.cell}`);
  expect(found).toContain('value-not-number 공통 일자리 목표!C4');
  expect(found).toContain('value-negative 실천과제!D9');
});

test('the text index lists every text cell under its form, in reading order, as a plain scan does', () => {
  // Columns that repeat one text, alternate two, cycle three, hold spaced and bracketed texts, numbers and gaps.
  const texts = ['성과목표', '소요예산', '성 과 목 표', '합계', '실적(상반기)', '실적 (하반기)', '', '  ', '세부사업 1'];
  let seed = 7;
  const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  const rows = Array.from({ length: 60 }, (_, r) =>
    Array.from({ length: 7 }, (_, c) => {
      if ((r + c) % 7 === 0) return undefined;
      if (c === 5) return { value: r };
      // Columns 3, 4 and 6 pick from a few texts at random: a text comes back after one or two others.
      const pick = c === 0 ? 0 : c === 1 ? r % 2 : c === 2 ? r % 3 : c === 6 ? 2 + random(3) : random(texts.length);
      return { value: texts[pick] };
    }),
  );
  // Texts met once (one of them bracketed: its loose key is met once too).
  rows[10][4] = { value: '한 번만 (1)' };
  rows[20][3] = { value: '두 번째 한 번' };
  const [sheet] = prepareSheets({ sheets: [{ name: 'S', rows, merges: [] }] });
  const exact = new Map<string, number[]>();
  const loose = new Map<string, number[]>();
  const add = (m: Map<string, number[]>, k: string, pos: number) => m.set(k, [...(m.get(k) ?? []), pos]);
  rows.forEach((row, r) =>
    row.forEach((x, c) => {
      if (typeof x?.value !== 'string') return;
      const n = x.value.replace(/\s+/g, '');
      if (n === '') return;
      add(exact, n, r * sheet.width + c);
      if (n.endsWith(')')) add(loose, n.replace(/\([^)]*\)$/, ''), r * sheet.width + c);
    }),
  );
  const index = textIndex(sheet);
  expect(new Map([...index.exact].map(([k, v]): [string, readonly number[]] => [k, cellsOf(v)]).sort())).toEqual(new Map([...exact].sort()));
  // A text met once is kept as its one cell, a text met more often as its list.
  for (const [k, v] of index.exact) expect(typeof v === 'number').toBe(exact.get(k)!.length === 1);
  expect([...index.exact.values()].filter((v) => typeof v === 'number').length).toBeGreaterThan(0);
  expect(index.loose).toBeUndefined(); // made when first asked for
  expect(new Map([...looseIndex(sheet)].sort())).toEqual(new Map([...loose].sort()));
  expect(looseIndex(sheet)).toBe(textIndex(sheet).loose);
  expect(cellsOf(index.exact.get('성과목표')).length).toBeGreaterThan(20);
});
