/**
 * The engine's lists built in loops rather than by map, filter, slice and spread (issue #10: one kind of
 * array whichever tier of V8 runs the code, so optimised code is not thrown away between checks), against
 * the plain versions they replace, written here.
 */
import { parseRange } from '../../src/core/grid/a1';
import { sheetWidth, withMergesFilled, type GridCell, type GridSheet } from '../../src/core/grid/grid';
import { parseUnitLine } from '../../src/core/model/units';
import { figureParts } from '../../src/core/rules/sums';
import { columnsOf } from '../../src/core/rules/walk';
import { planProgress } from '../../src/core/progress';
import { yearColumnsOf, type PairHeader } from '../../src/core/tables/pairs';
import type { Label } from '../../src/core/tables/labels';
import { prepareSheets, rowMayHoldLabel, rowsWithLabel } from '../../src/core/tables/sheet';
import type { Figure, Plan, Series, SubProject } from '../../src/core/model/plan';
import { checkSeriesSum, subprojectSumsHold } from '../../src/core/rules/series-sum';

/** withMergesFilled as it read before: rows mapped, a row sliced when first written to. */
function referenceFilled(sheet: GridSheet): GridSheet {
  if (sheet.merges.length === 0) return sheet;
  const rows = sheet.rows.map((r) => r ?? []);
  const copied = new Set<number>();
  for (const m of sheet.merges) {
    const { r0, c0, r1, c1 } = parseRange(m);
    const top = rows[r0]?.[c0];
    if (!top || typeof top.value !== 'string') continue;
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        if (r === r0 && c === c0) continue;
        const row = rows[r];
        if (!row || !row[c] || row[c]!.value === null) {
          const inSheet = r >= 0 && r < sheet.rows.length;
          if (!inSheet || !copied.has(r)) {
            rows[r] = row ? row.slice() : [];
            if (inSheet) copied.add(r);
          }
          rows[r][c] = { value: top.value, mergedCopy: true };
        }
      }
    }
  }
  return { ...sheet, rows };
}

/** A cell's text as a test compares it: '' for none, a star for a merged copy. */
const shown = (rows: (GridCell | undefined)[][]) => Array.from(rows, (r) => (r === undefined ? null : Array.from(r, (c) => (c ? `${String(c.value)}${c.mergedCopy ? '*' : ''}` : ''))));

/** A seeded random whole number below n (xorshift32: the low bits of a plain LCG repeat too soon for the small ranges drawn here). */
function xorshift(seed: number): (n: number) => number {
  return (n) => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) % n;
  };
}

describe('withMergesFilled fills as the mapped and sliced version did', () => {
  let seed = 11;
  const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
  const cellOf = (): GridCell | undefined => {
    const k = random(6);
    return k === 0 ? undefined : k === 1 ? { value: null } : k === 2 ? { value: random(100) } : { value: `t${random(5)}` };
  };
  const sheets: GridSheet[] = [];
  for (let n = 0; n < 120; n++) {
    const rows: (GridCell | undefined)[][] = [];
    const height = 1 + random(8);
    for (let r = 0; r < height; r++) {
      if (random(5) === 0) continue; // a row the sheet does not have (a hole)
      const row: (GridCell | undefined)[] = [];
      const width = random(6);
      for (let c = 0; c < width; c++) {
        const x = cellOf();
        if (x) row[c] = x;
      }
      rows[r] = row;
    }
    const merges: string[] = [];
    for (let k = 1 + random(5); k > 0; k--) {
      const r0 = random(height + 1);
      const c0 = random(4);
      merges.push(`${String.fromCharCode(65 + c0)}${r0 + 1}:${String.fromCharCode(65 + c0 + random(3))}${r0 + 1 + random(4)}`);
    }
    sheets.push({ name: `S${n}`, rows, merges });
  }
  test.each(sheets.map((s) => [s.name, s] as const))('%s', (_, sheet) => {
    const before = JSON.stringify(shown(sheet.rows));
    const filled = withMergesFilled(sheet, parseRange);
    const expected = referenceFilled(sheet);
    expect(shown(filled.rows)).toEqual(shown(expected.rows));
    expect(filled.rows.length).toBe(expected.rows.length);
    for (let r = 0; r < expected.rows.length; r++) expect(filled.rows[r].length).toBe(expected.rows[r].length);
    expect(sheetWidth(filled)).toBe(expected.rows.reduce((w, r) => Math.max(w, r ? r.length : 0), 0));
    // The sheet's own rows are never changed; a row nothing was spread into is the sheet's own.
    expect(JSON.stringify(shown(sheet.rows))).toBe(before);
    for (let r = 0; r < sheet.rows.length; r++) if (sheet.rows[r] && expected.rows[r] === sheet.rows[r]) expect(filled.rows[r]).toBe(sheet.rows[r]);
    expect({ ...filled, rows: null }).toEqual({ ...expected, rows: null });
  });
  test("the filled sheet has the sheet's keys in its order, whatever they are", () => {
    const locate = (row: number, col: number) => ({ sheet: '본문', cell: `${row}:${col}` });
    const rows = [[{ value: '가' }], []];
    const plain: GridSheet = { name: 'S', rows, merges: ['A1:A2'] };
    const doc: GridSheet = { name: 'S', rows, merges: ['A1:A2'], source: { kind: 'text', locate } };
    const other = { merges: ['A1:A2'], name: 'S', rows, extra: 1 } as GridSheet;
    for (const sheet of [plain, doc, other]) {
      const filled = withMergesFilled(sheet, parseRange);
      expect(Object.keys(filled)).toEqual(Object.keys(sheet));
      expect({ ...filled, rows: null }).toEqual({ ...sheet, rows: null });
      expect(filled.rows[1][0]).toEqual({ value: '가', mergedCopy: true });
    }
    expect(withMergesFilled(doc, parseRange).source).toBe(doc.source);
  });
  test('an empty cell of a copied row stays empty (a hole, as in a slice)', () => {
    const sheet: GridSheet = { name: 'S', rows: [[{ value: '가' }, undefined, { value: 1 }], [undefined, undefined, { value: 2 }]], merges: ['A1:A2'] };
    const row = withMergesFilled(sheet, parseRange).rows[1];
    expect(row[0]).toEqual({ value: '가', mergedCopy: true });
    expect(1 in row).toBe(false);
    expect(row[2]).toBe(sheet.rows[1][2]);
  });
});

describe('parseUnitLine reads as split, trim and filter did', () => {
  const reference = (text: string) => {
    const m = /단위\s*[:：]\s*([^)）]*)/.exec(text);
    return m ? m[1].split(/[,，、/]/).map((u) => u.trim()).filter((u) => u.length > 0) : null;
  };
  test.each(['(단위 : 명, 백만원)', '(단위: 개소, 억원)', '단위：명，백만원', '(단위 : 명/ 천원 ,, )', '(단위 : )', '단위', '(단위: 명、개소、백만원)', '명, 백만원'])('%j', (t) => {
    expect(parseUnitLine(t)).toEqual(reference(t));
  });
});

describe('lists made at their length', () => {
  const fig = (value: number, cell: string): Figure => ({ ref: { sheet: 'S', cell }, value, state: 'number', raw: value, decimals: 0 });
  const series: Series = { total: fig(6, 'C1'), years: [fig(1, 'D1'), fig(2, 'E1'), fig(3, 'F1')] };
  const plan = { period: { startYear: 2023, years: 3 } } as Plan;

  test('yearColumnsOf: the given years the header has, in their order; all of its columns for null', () => {
    const head = { years: new Map([[2024, 5], [2023, 4], [2026, 7]]) } as PairHeader;
    const years = [2023, 2024, 2025, 2026];
    expect(yearColumnsOf(head, years)).toEqual(years.filter((y) => head.years.has(y)).map((y) => head.years.get(y)));
    expect(yearColumnsOf(head, years)).toEqual([4, 5, 7]);
    expect(yearColumnsOf(head, null)).toEqual([...head.years.values()]);
    expect(yearColumnsOf(head, [])).toEqual([]);
  });
  test('columnsOf: 합계, then each year with its header', () => {
    const cols = columnsOf(plan, series);
    expect(cols.map((c) => c.figure)).toEqual([series.total, ...series.years]);
    expect(cols.map((c) => (typeof c.label === 'string' ? c.label : c.label.ko))).toEqual(['합계', '2023년', '2024년', '2025년']);
  });
  test('figureParts: each figure as a part of its own', () => {
    expect(figureParts(series.years)).toEqual(series.years.map((f) => ({ figure: f })));
    expect(figureParts([])).toEqual([]);
  });
  test('planProgress counts the 세부사업 with something entered, over every task', () => {
    const blank = (cell: string): Figure => ({ ref: { sheet: 'S', cell }, value: null, state: 'blank', raw: null, decimals: 0 });
    const row = (v: number | null): Series => ({ total: v === null ? blank('C1') : fig(v, 'C1'), years: [blank('D1')] });
    const sub = (t: number | null, b: number | null) => ({ name: 'x', label: { sheet: 'S', cell: 'A1' }, target: row(t), budget: row(b) });
    const tasks = [{ subprojects: [sub(1, null), sub(null, null), sub(null, 2)] }, { subprojects: [] }, { subprojects: [sub(null, null), sub(0, 0)] }];
    const p = planProgress({ tasks, indicators: [], areas: [], grandTotal: null } as unknown as Plan);
    expect(p.subprojects).toEqual({ entered: 3, total: 5 });
  });
});

describe('subprojectSumsHold says what checkSeriesSum over the 세부사업 would: nothing to report', () => {
  const random = xorshift(5);
  const figureOf = (k: number): Figure => {
    const v = random(8);
    const value = v === 0 ? null : v === 1 ? k + 0.5 : k;
    return { ref: { sheet: 'S', cell: `C${k}` }, value, state: value === null ? 'blank' : 'number', raw: value, decimals: v === 1 ? 1 : 0 };
  };
  const seriesOf = (years: number, base: number): Series => ({ total: figureOf(base * years), years: Array.from({ length: years }, () => figureOf(base)) });
  const cases: [string, number, Series, SubProject[]][] = [];
  for (let n = 0; n < 200; n++) {
    const years = 1 + random(4);
    const count = random(4);
    const subs: SubProject[] = [];
    for (let k = 0; k < count; k++) {
      const y = random(6) === 0 ? years + 1 : years; // now and then a row with another number of years
      subs.push({ name: `s${k}`, label: { sheet: 'S', cell: `A${k}` }, target: seriesOf(y, 1 + random(2)), budget: seriesOf(y, random(3)) });
    }
    const totalYears = random(6) === 0 ? years - 1 : years;
    // Totals that add up (the sum of the parts), and some that do not.
    const sumOf = (f: (s: SubProject) => Figure | undefined) => subs.reduce((a, s) => a + (f(s)?.value ?? 0), 0);
    const total: Series = {
      total: { ...figureOf(0), value: random(3) === 0 ? 1000 : sumOf((s) => s.target.total) },
      years: Array.from({ length: totalYears }, (_, i) => ({ ...figureOf(0), value: random(3) === 0 ? 500 : sumOf((s) => s.target.years[i]) })),
    };
    cases.push([`#${n}`, years, total, subs]);
  }
  test.each(cases)('%s', (_, years, total, subs) => {
    const reports: unknown[] = [];
    const ctx = { plan: { period: { startYear: 2023, years } } as Plan, report: (d: unknown) => reports.push(d) };
    checkSeriesSum(
      ctx,
      total,
      subs.map((s) => ({ series: s.target, name: s.name })),
      'what',
    );
    expect(subprojectSumsHold(years, total, subs, 'target')).toBe(reports.length === 0);
  });
  test('the cases hold both answers', () => {
    const answers = new Set(cases.map(([, years, total, subs]) => subprojectSumsHold(years, total, subs, 'target')));
    expect(answers).toEqual(new Set([true, false]));
  });
});

describe('rowMayHoldLabel says of one row what rowsWithLabel says of the sheet', () => {
  const texts = ['세부사업명', '구 분', '성과목표', '실적(상반기)', '실 적', '실적', '목표', '', ' 세부 사업 ', '2023', '가'];
  const labels: Label[] = [
    { text: '세부사업명', synonyms: ['세부 사업'] },
    { text: '실적', synonyms: ['실적치'] },
    { text: '목표', synonyms: ['성과목표'] },
    { text: '없음', synonyms: [] },
    { text: 'x', synonyms: ['2023'] }, // a form a number cell could show: every row may
  ];
  const random = xorshift(9);
  for (let n = 0; n < 20; n++) {
    const rows: (GridCell | undefined)[][] = [];
    const height = 1 + random(30);
    for (let r = 0; r < height; r++) {
      if (random(6) === 0) continue;
      const row: (GridCell | undefined)[] = [];
      for (let k = random(7); k > 0; k--) row[random(6)] = random(5) === 0 ? { value: random(3) === 0 ? 2023 : null } : { value: texts[random(texts.length)] };
      rows[r] = row;
    }
    const s = prepareSheets({ sheets: [{ name: 'S', rows, merges: random(2) ? ['A1:A3', 'C2:D4'] : [] }] })[0];
    test(`sheet #${n}`, () => {
      for (const l of labels)
        for (const loose of [false, true]) {
          const listed = new Set(rowsWithLabel(s, l, loose));
          for (let r = 0; r < s.grid.rows.length; r++) expect([l.text, loose, r, rowMayHoldLabel(s, r, l, loose)]).toEqual([l.text, loose, r, listed.has(r)]);
        }
    });
  }
});
