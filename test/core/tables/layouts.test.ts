/**
 * The plan in the layouts officials really have, built from the seed's text by the tests' own writer
 * (test/support/document-layouts.ts), never by our renderer. Every layout must give exactly the seed's
 * 26 findings (13 errors beyond rounding, 9 rounding warnings, 2 unit mixes, 2 notes), each at the cell
 * the seed's line and field went to, and nothing else — so the other tables of the document (population,
 * industries, 「최근 5년간 고용동향」, SWOT, the prose tables inside task ⑨, governance) are never misread.
 */
import type { GridWorkbook } from '../../../src/core/grid/grid';
import { validateGrid } from '../../../src/core/validate';
import { SEED_FINDINGS, SEED_TABLES, documentLayout, inPairTable, seedLines, type Layout, type LayoutOptions } from '../../support/document-layouts';
import { yearOfHeader } from '../../../src/core/tables/labels';
import { formatScale } from '../../../src/core/numbers/parse';

/** The header lines of the seed's 분야별 목표 and 실천과제 tables. */
const isPairHeaderLine = (n: number) => n === SEED_TABLES.areas.header || SEED_TABLES.tasks.some(([, h]) => h === n);
/** Puts a number before each area's name in the 분야별 목표 (its rows 447, 449, … 455; 446 is 합 계). */
const numberAreas = (mark: (k: number) => string) => (n: number, f: string[]) =>
  n >= 447 && n <= 455 && n % 2 === 1 && f[0].trim() !== '' ? [mark((n - 445) / 2) + f[0], ...f.slice(1)] : f;
/** Each pair table's total pair (the two rows under its header) moved below its last row. */
const totalsLast = (numbers: number[]) => {
  const tables: [number, number][] = [[SEED_TABLES.areas.header, SEED_TABLES.areas.last], ...SEED_TABLES.tasks.map(([, h, l]) => [h, l] as [number, number])];
  const out: number[] = [];
  for (const n of numbers) {
    const t = tables.find(([h, l]) => n > h && n <= l);
    if (!t) out.push(n);
    else if (n === t[1]) out.push(...numbers.filter((k) => k > t[0] + 2 && k <= t[1]), t[0] + 1, t[0] + 2);
  }
  return out;
};
/** The name of the pair seed line n belongs to: the nearest name above it in its table. */
const nameAbove = (n: number) => {
  const lines = seedLines();
  for (let k = n - 1; k > 0 && !isPairHeaderLine(k); k--) if (lines[k - 1][0].trim() !== '') return lines[k - 1][0];
  return '';
};
/** The 공통 일자리 목표 (seed lines 429–436) without its last column, the stated change. */
const withoutChange = (n: number, f: string[]) => (n >= SEED_TABLES.indicators.header && n <= SEED_TABLES.indicators.last ? f.slice(0, 7) : f);
/** Each task's title line (`1 청년 창업 …`, or `2` with the name on the next line) with another number mark. */
const retitle = (mark: (no: number) => string) => (n: number, f: string[]) => {
  const i = SEED_TABLES.tasks.findIndex(([title]) => title === n);
  if (i < 0) return f;
  const m = /^\s*(\d{1,2})(?:\s+(.*))?$/.exec(f[0]);
  if (!m) throw new Error(`seed line ${n} is not a task title: ${f[0]}`);
  return [m[2] ? `${mark(i + 1)} ${m[2]}` : mark(i + 1), ...f.slice(1)];
};
/** Rewrites the 합계 header of every pair table. */
const totalHeader = (to: string) => (n: number, f: string[]) => (isPairHeaderLine(n) ? f.map((x) => (/^합\s*계$/.test(x.trim()) ? to : x)) : f);

/** The same findings, whatever their order (the one order is test/present/outputs.test.ts's business). */
const asSet = (rows: unknown[][]) => rows.map((r) => JSON.stringify(r)).sort();
const findings = (grid: GridWorkbook) => asSet(validateGrid(grid).findings.map((f) => [f.rule, f.severity, f.sheet, f.cell, f.expected, f.actual, f.tolerance]));

/** The seed's findings where this layout put them. */
const expected = (layout: Layout) =>
  asSet(
    SEED_FINDINGS.map(([rule, severity, line, field, exp, act, tol]) => {
      const at = layout.where(line, field);
      return [rule, severity, at.sheet, at.cell, exp, act, tol];
    }),
  );

describe('the whole document on one sheet', () => {
  const layout = documentLayout();
  const result = validateGrid(layout.grid);

  it('gives the seed’s findings at the exact cells', () => {
    // Line n is row n, field f is column f: the 청년 일자리 확대 소요예산 합계 (line 448, field 3) is C448.
    expect(findings(layout.grid)).toEqual(
      expect.arrayContaining(asSet([
        ['area-total', 'error', '문서', 'C448', 4193, 4197, 1.5],
        ['area-total', 'error', '문서', 'D448', 1125, 1127, 1.5],
      ])),
    );
    expect(findings(layout.grid)).toEqual(expected(layout));
    expect(result.summary).toEqual({ error: 13, warning: 11, info: 2 });
    expect(result.problems).toEqual([]);
  });

  it('takes chapter II’s employment trends for nothing, and the 공통 일자리 목표 for what it is', () => {
    expect(result.plan.indicators).toHaveLength(6);
    expect(result.plan.indicators[0]).toMatchObject({ name: '고용률(15세~64세)', label: { sheet: '문서', cell: 'A431' }, base: { value: 68.6 } });
    expect(result.plan.indicators[5].targets.map((t) => t.value)).toEqual([138370, 141820, 145360, 148500]);
  });

  it('does not take the prose tables inside task ⑨ for task tables', () => {
    expect(result.plan.tasks).toHaveLength(13);
    expect(result.plan.tasks[8]).toMatchObject({ no: 9, name: '사회적경제조직 육성 · 지원', label: { cell: 'A779' } });
    expect(result.plan.tasks[8].subprojects.map((s) => s.name)).toEqual(['사회적기업 육성지원', '마을기업 육성지원']);
    expect(result.plan.tasks[8].total?.label.cell).toBe('A817');
  });

  it('links tasks to areas from the chapter III overview, and reads the period, region and term from the title', () => {
    expect(result.plan.tasks.map((t) => t.areaIndex)).toEqual([0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4]);
    expect(result.plan.period).toEqual({ startYear: 2023, years: 4 });
    expect(result.plan.meta).toMatchObject({ region: '인천서구', term: 8 });
  });
});

describe('other layouts of the same document', () => {
  const cases: [string, LayoutOptions][] = [
    ['chapters on several sheets', { split: 'chapters' }],
    ['one sheet per 실천과제 (named ①, 과제2, ③ 과제명 …)', { split: 'per-task' }],
    ['the 합계 column last', { totalLast: true }],
    ["years written '23년", { yearHeader: (y) => `'${String(y).slice(2)}년` }],
    ['years written 2023 (numbers)', { yearHeader: (y) => y }],
    ['years written 2023년(목표)', { yearHeader: (y) => `${y}년(목표)` }],
    ['총계 rows as SUM formulas with cached values, 0 included', { sumFormulas: true }],
    ['chapters on sheets, 합계 last and SUM formulas together', { split: 'chapters', totalLast: true, sumFormulas: true }],
    ['headers on two rows (연도별 목표 over the years), merged as in Excel', { twoRowHeader: 'merged' }],
    ['headers on two rows, not merged (a document table pasted)', { twoRowHeader: 'plain' }],
    ['headers on two rows with 합계 last, one sheet per task', { twoRowHeader: 'merged', totalLast: true, split: 'per-task' }],
    ["years written '23 (no 년)", { yearHeader: (y) => `'${String(y).slice(2)}` }],
    ['years written 2023년도', { yearHeader: (y) => `${y}년도` }],
    ['the 합계 header written 총계', { edit: totalHeader('총계') }],
    ['the 합계 header written 합계(4년)', { edit: totalHeader('합계(4년)') }],
    ['rates typed as 68.6% in Excel (the fraction 0.686, formatted 0.0%)', { percentRates: true }],
    ['the 분야별 목표 numbering its areas (1. 청년 일자리 확대), the overview not', { edit: numberAreas((k) => `${k}. `) }],
    ['each table’s total pair last, below its rows (분야별 목표 and 실천과제)', { lineOrder: totalsLast }],
    ...(['핵심전략', '추진전략', '분야명'] as const).map((h): [string, LayoutOptions] => [`the 분야별 목표's name column headed ${h}`, { edit: (n, f) => (n === SEED_TABLES.areas.header ? [h, ...f.slice(1)] : f) }]),
    ...(['단위사업명', '세부과제'] as const).map((h): [string, LayoutOptions] => [`the 실천과제 tables' name column headed ${h}`, { edit: (n, f) => (SEED_TABLES.tasks.some(([, hd]) => hd === n) ? [h, ...f.slice(1)] : f) }]),
    ['the 공통 일자리 목표 without its change column', { edit: withoutChange }],
    ...(
      [
        ['(1) 과제명', (no: number) => `(${no})`],
        ['1) 과제명', (no: number) => `${no})`],
        ['[과제1] 과제명', (no: number) => `[과제${no}]`],
        ['4-1. 과제명', (no: number) => `4-${no}.`],
      ] as const
    ).map(([style, mark]): [string, LayoutOptions] => [`task titles written ${style}`, { edit: retitle(mark) }]),
    ['the name written on both rows of its pair (no merged cells)', { edit: (n, f) => (inPairTable(n) && !isPairHeaderLine(n) && f.length > 2 && f[0].trim() === '' ? [nameAbove(n), ...f.slice(1)] : f) }],
    ['each 실천과제 total row named 계', { edit: (n, f) => (SEED_TABLES.tasks.some(([, h]) => h + 1 === n) && /총\s*계/.test(f[0]) ? ['계', ...f.slice(1)] : f) }],
    ['the 분야별 목표 numbering its areas ① …, (2) …', { edit: numberAreas((k) => (k % 2 ? `${'①②③④⑤'[k - 1]} ` : `(${k}) `)) }],
    ['the 분야별 목표 headed 구 분 alone, over its name and role columns', { edit: (n, f) => (n === SEED_TABLES.areas.header ? ['구 분', '', ...f.slice(2)] : f) }],
    ['the 분야별 목표 headed 구 분 | 구 분', { edit: (n, f) => (n === SEED_TABLES.areas.header ? ['구 분', '구 분', ...f.slice(2)] : f) }],
    ['the 실천과제 tables headed 구 분 (under □ 연차별 추진계획)', { edit: (n, f) => (SEED_TABLES.tasks.some(([, h]) => h === n) ? ['구 분', ...f.slice(1)] : f) }],
    ['both headed 구 분, one sheet per task, headers on two rows', { split: 'per-task', twoRowHeader: 'merged', edit: (n, f) => (isPairHeaderLine(n) ? ['구 분', '', ...f.slice(2)] : f) }],
    [
      'role labels with their units: 성과목표(명), 소요예산(백만원)',
      { edit: (n, f) => (inPairTable(n) ? f.map((x) => (x.trim() === '성과목표' ? '성과목표(명)' : x.trim() === '소요예산' ? '소요예산(백만원)' : x)) : f) },
    ],
  ];
  it.each(cases)('%s', (_, opts) => {
    const layout = documentLayout(opts);
    const result = validateGrid(layout.grid);
    expect(findings(layout.grid)).toEqual(expected(layout));
    expect(result.problems).toEqual([]);
    expect(result.plan.tasks).toHaveLength(13);
  });

  it('task titles numbered another way are found by the overview’s names, with its numbers', () => {
    const result = validateGrid(documentLayout({ edit: retitle((no) => `(${no})`) }).grid);
    expect(result.plan.tasks.map((t) => [t.no, t.name])).toEqual(validateGrid(documentLayout().grid).plan.tasks.map((t) => [t.no, t.name]));
    expect(result.plan.tasks[1]).toMatchObject({ no: 2, name: '청년 일자리 지원 및 취업역량 강화' });
  });

  it('one sheet per task: each task is named by its sheet', () => {
    const result = validateGrid(documentLayout({ split: 'per-task' }).grid);
    expect(result.plan.tasks.slice(0, 3).map((t) => [t.no, t.name, t.label.sheet])).toEqual([
      [1, '', '①'],
      [2, '', '과제2'],
      [3, '맞춤형 취업지원서비스 확대', '③ 맞춤형 취업지원서비스 확대'],
    ]);
  });

  it('SUM formulas keep their cached 0 as a value (⑬ 소요예산 2026: "-" → =SUM(…) showing 0)', () => {
    const layout = documentLayout({ sumFormulas: true });
    const task = validateGrid(layout.grid).plan.tasks[12];
    expect(task.total?.budget.years[3]).toMatchObject({ value: 0, state: 'number', formula: expect.stringMatching(/^SUM\(/) });
  });
});

describe('the 공통 일자리 목표 without its change column', () => {
  it('still holds each target to the required change (+2%p for a rate), with no stated change to compare', () => {
    // 고용률 (seed line 431): its 2026 target 70.6 lowered to 69.0, 0.4%p above the base 68.6.
    const low = (n: number, f: string[]) => (n === 431 ? [...f.slice(0, 6), '69.0', ...f.slice(7)] : f);
    for (const edit of [low, (n: number, f: string[]) => withoutChange(n, low(n, f))]) {
      const layout = documentLayout({ edit });
      const v = validateGrid(layout.grid);
      expect(v.plan.indicators).toHaveLength(6);
      const at = layout.where(431, 7).cell;
      expect(v.findings.filter((f) => f.rule === 'indicator-required-change').map((f) => [f.cell, f.severity])).toEqual([[at, 'error']]);
    }
    const v = validateGrid(documentLayout({ edit: withoutChange }).grid);
    expect(v.plan.indicators.every((i) => i.statedChange === null)).toBe(true);
  });

  it('is not taken from another 구 분 table with years (a schedule, a budget table)', () => {
    const layout = documentLayout({ edit: (n, f) => (n >= 431 && n <= 436 ? [`사업 ${n}`, ...f.slice(1)] : withoutChange(n, f)) });
    const v = validateGrid(layout.grid);
    expect(v.plan.indicators).toEqual([]);
    expect(v.findings.some((f) => f.rule === 'structure' && f.message.includes('공통 일자리 목표'))).toBe(true);
  });
});

describe('percent formats', () => {
  it('a rate formatted as a percentage is the figure it shows, with the decimals it shows', () => {
    const v = validateGrid(documentLayout({ percentRates: true }).grid);
    expect(v.plan.indicators[0].base).toMatchObject({ value: 68.6, raw: 0.686, decimals: 1, state: 'number' });
    expect(v.plan.indicators[0].targets.map((t) => t.value)).toEqual([69.1, 69.6, 70.1, 70.6]);
  });

  it.each([
    ['0.0%', true, 100],
    ['0%', true, 100],
    ['#,##0.00%;[Red]-#,##0.00%', true, 100],
    ['0.0"%"', false, 1], // a quoted sign is text beside the number (the 한글 reader writes these)
    ['0.0\\%', false, 1],
    ['#,##0', false, 1],
    ['General', false, 1],
    ['#,##0,', false, 1e-3], // thousands
    ['#,##0,,"백만원"', false, 1e-6], // 원 shown as 백만원
    ['0.0,,', false, 1e-6],
    ['0\\,', false, 1], // an escaped comma is text
  ])('%s: percent %s, shown times %d', (fmt, percent, scale) => {
    expect(formatScale(fmt)).toBe(scale);
    expect(formatScale(fmt) === 100).toBe(percent);
  });

  it('a budget kept in 원 and shown in 백만원 (#,##0,,) is the figure it shows', () => {
    const layout = documentLayout();
    const sheet = layout.grid.sheets[0];
    const at = layout.where(448, 3); // 청년 일자리 확대 소요예산 합계: 4,197 백만원
    const cell = sheet.rows[Number(at.cell.slice(1)) - 1][2]!;
    expect(cell.value).toBe(4197);
    sheet.rows[Number(at.cell.slice(1)) - 1][2] = { value: 4197_123_456, numFmt: '#,##0,,' };
    const v = validateGrid(layout.grid);
    expect(v.plan.areas[0].budget?.total).toMatchObject({ value: 4197, raw: 4197_123_456, decimals: 0 });
    expect(findings(layout.grid)).toEqual(expected(layout));
  });
});

describe('year headers', () => {
  it.each([
    ['2023년', 2023],
    ["'23년", 2023],
    ["'23", 2023],
    ['’24', 2024],
    ['23년도', 2023],
    ['2022년 (예상치)', 2022],
    ["'22 (예상치)", 2022],
  ])('%s is %d', (text, year) => expect(yearOfHeader(text)).toBe(year));

  it.each([["'22년 대비 증감률"], ['23'], ["'23.5"], ["'230"], ['합계'], ["'23%"]])('%s is no year', (text) => expect(yearOfHeader(text)).toBeNull());
});

describe('other plan periods', () => {
  it('2027–2030: the same findings', () => {
    const layout = documentLayout({ shiftYears: 4 });
    const result = validateGrid(layout.grid);
    expect(result.plan.period).toEqual({ startYear: 2027, years: 4 });
    expect(findings(layout.grid)).toEqual(expected(layout));
    expect(result.problems).toEqual([]);
  });

  it('a 5-year period (2023–2027): the same findings, five year columns read', () => {
    const layout = documentLayout({ fifthYear: true });
    const result = validateGrid(layout.grid);
    expect(result.plan.period).toEqual({ startYear: 2023, years: 5 });
    expect(result.plan.areas[0].target.years).toHaveLength(5);
    expect(result.plan.indicators[0].targets.map((t) => t.value)).toEqual([69.1, 69.6, 70.1, 70.6, 70.6]);
    expect(findings(layout.grid)).toEqual(expected(layout));
    expect(result.problems).toEqual([]);
  });
});

describe('numbers stored as text', () => {
  const layout = documentLayout({ numbers: 'text' });
  const result = validateGrid(layout.grid);

  it('one finding per table listing its cells, and the seed’s findings unchanged', () => {
    const text = result.findings.filter((f) => f.rule === 'value-text-number');
    // The 공통 일자리 목표, the 분야별 목표 and the 13 실천과제 tables.
    expect(text).toHaveLength(15);
    expect(text.every((f) => f.messageId === 'textNumbers' && f.severity === 'warning')).toBe(true);
    const areas = text.find((f) => f.message.startsWith('분야별 목표'))!;
    expect(areas.cell).toBe('C445');
    expect(areas.cells).toHaveLength(11 * 5);
    expect(areas.cells.slice(0, 2)).toEqual(['문서!C445', '문서!D445']);
    const others = asSet(result.findings.filter((f) => f.rule !== 'value-text-number').map((f) => [f.rule, f.severity, f.sheet, f.cell, f.expected, f.actual, f.tolerance]));
    expect(others).toEqual(expected(layout));
    expect(result.summary).toEqual({ error: 13, warning: 11 + 15, info: 2 });
  });

  it('figures in full-width digits (１２, １,２３４), as typed in 전각 mode: read as the same text numbers', () => {
    const toFullWidth = (x: string) => x.replace(/[0-9,.]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    const wide = documentLayout({ numbers: 'text', edit: (n, f) => (inPairTable(n) && !isPairHeaderLine(n) ? f.map((x, i) => (i < 2 ? x : toFullWidth(x))) : f) });
    expect(wide.grid.sheets[0].rows[447][2]).toEqual({ value: '４，１９７' }); // 청년 일자리 확대 소요예산 합계
    const v = validateGrid(wide.grid);
    const row = (f: (typeof v.findings)[number]) => [f.rule, f.severity, f.sheet, f.cell, f.expected, f.actual, f.tolerance];
    expect(asSet(v.findings.map(row))).toEqual(asSet(result.findings.map(row)));
    expect(v.summary).toEqual({ error: 13, warning: 11 + 15, info: 2 });
  });

  it('a SUM over text numbers that Excel shows as 0 is the mismatch it is, with the reason', () => {
    // ① in Excel: the 세부사업 figures typed as text, the 총계 row =SUM(…) over them, calculated as 0.
    const text = documentLayout({ numbers: 'text' });
    const sheet = text.grid.sheets[0];
    const at = text.where(494, 3); // ① 총계 성과목표 합계
    const r = Number(at.cell.slice(1)) - 1;
    sheet.rows[r][2] = { value: 0, formula: `SUM(C${r + 3},C${r + 5})` };
    const v = validateGrid(text.grid);
    expect(v.findings.find((f) => f.rule === 'task-total' && f.cell === at.cell)).toMatchObject({ severity: 'error', expected: 18, actual: 0 });
    const reason = v.findings.find((f) => f.rule === 'value-text-number' && f.message.startsWith('① 청년 창업 인프라 조성'))!;
    expect(reason.message).toContain(`수식 ${at.cell}(=SUM(C${r + 3},C${r + 5}))이 이 칸들을 건너뛰어 0으로 계산되어 있습니다`);
  });
});

describe('what is said when a table is not understood', () => {
  it('⑨’s table without year headers: read 12 of 13, and why, at the table', () => {
    const [, header] = SEED_TABLES.tasks[8];
    const layout = documentLayout({ split: 'chapters', edit: (n, f) => (n === header ? f.map((x) => (/^20\d\d년$/.test(x) ? `${Number(x.slice(0, 4)) - 2022}차년도` : x)) : f) });
    const result = validateGrid(layout.grid);
    const at = layout.where(header, 1);
    expect(result.problems.map((p) => [p.level, p.message, p.ref])).toEqual([
      ['table', '⑨의 표에서 연도 열을 찾지 못했습니다 (읽지 않음)', at],
      ['table', '실천과제 표 13개 중 12개를 읽었습니다', at],
    ]);
    expect(result.plan.tasks.map((t) => t.no)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 10, 11, 12, 13]);
  });

  it('without the overview table, tasks are linked from the overview’s plain lines', () => {
    const layout = documentLayout({ drop: (n) => n >= SEED_TABLES.strategyMap.header && n <= SEED_TABLES.strategyMap.last });
    const result = validateGrid(layout.grid);
    expect(result.plan.tasks.map((t) => t.areaIndex)).toEqual([0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 3, 3, 4]);
    expect(findings(layout.grid)).toEqual(expected(layout));
  });

  it('with no link at all, says so once and checks everything else', () => {
    const layout = documentLayout({ split: 'chapters', drop: (n) => n >= 370 && n <= 424 || (n >= SEED_TABLES.strategyMap.header && n <= SEED_TABLES.strategyMap.last) });
    const result = validateGrid(layout.grid);
    const structure = result.findings.filter((f) => f.rule === 'structure');
    expect(structure).toHaveLength(1);
    expect(structure[0]).toMatchObject({ severity: 'warning', sheet: 'Ⅳ' });
    expect(structure[0].message).toContain('실천과제 13개 중 13개');
    expect(result.findings.filter((f) => f.rule === 'area-total')).toEqual([]);
    // Every other relation is still checked: the budget-without-target note of ⑪ is there.
    expect(result.findings.some((f) => f.rule === 'budget-without-target')).toBe(true);
  });
});

describe('개요, units and one-year plans', () => {
  it('without the title lines and 개요: the period from the year headers, said once as information', () => {
    const layout = documentLayout({ drop: (n) => n >= 5 && n <= 7 });
    const result = validateGrid(layout.grid);
    expect(result.plan.period).toEqual({ startYear: 2023, years: 4 });
    expect(result.problems.map((p) => [p.level, p.table, p.message])).toEqual([['note', '개요', '개요(계획기간)가 없어 표의 연도 머리글로 계획기간(2023~2026)을 정했습니다']]);
    expect(result.summary).toEqual({ error: 13, warning: 11, info: 3 });
  });

  it('a task table without its unit line: 명 and 백만원, said once', () => {
    const [, header] = SEED_TABLES.tasks[0];
    const layout = documentLayout({ drop: (n) => n === header - 2 });
    const result = validateGrid(layout.grid);
    expect(result.problems.map((p) => [p.level, p.message, p.ref])).toEqual([['note', '단위 줄((단위 : 명, 백만원))이 없는 표 1개는 명·백만원으로 읽었습니다', layout.where(466, 1)]]);
    expect(result.plan.tasks[0]).toMatchObject({ targetUnit: '명', budgetUnit: '백만원' });
  });

  it('a one-year plan is held to its own stated change, not the term’s required change', () => {
    const rows: (string | number | null)[][] = [
      ['1 공통 일자리 목표'],
      ['구 분', "'22년 (기준)", "'23년 목표", "'22년 대비 증감"],
      ['고용률(15세~64세)', 68.6, 68.9, 0.3],
      ['상용근로자 수', 191000, 193000, 1.0],
      [],
      ['① 청년 창업 인프라 조성'],
      ['세부사업명', null, '합계', '2023년'],
      ['정서진 아라뱃길 청년창업공간 운영', '성과목표', 6, 6],
      [null, '소요예산', 40, 40],
    ];
    const grid: GridWorkbook = { sheets: [{ name: '2023년 계획', rows: rows.map((r) => r.map((v) => (v === null ? undefined : { value: v }))), merges: [] }] };
    const result = validateGrid(grid);
    expect(result.plan.period).toEqual({ startYear: 2023, years: 1 });
    expect(result.plan.indicators.map((i) => i.targets.map((t) => t.value))).toEqual([[68.9], [193000]]);
    const rules = result.findings.map((f) => f.rule);
    expect(rules).not.toContain('indicator-required-change');
    expect(rules).not.toContain('indicator-stated-change');
    // The stated change is still checked: 193,000 ÷ 191,000 − 1 = 1.05%, which 1.0 states within rounding and 5 does not.
    (rows[3][3] as number) = 5;
    const changed = validateGrid({ sheets: [{ name: '2023년 계획', rows: rows.map((r) => r.map((v) => (v === null ? undefined : { value: v }))), merges: [] }] });
    expect(changed.findings.filter((f) => f.rule === 'indicator-stated-change').map((f) => f.cell)).toEqual(['D4']);
  });
});
