/** The pure reader on grids: label-driven lookup, drift, and plain reports of what is missing. */
import { incheonSeogu2023 } from '../../src/core/examples/incheon-seogu-2023';
import type { GridWorkbook } from '../../src/core/grid/grid';
import { documentValue } from '../../src/adapters/document-value';
import { formatUnit, parseKoreanNumber } from '../../src/core/numbers/parse';
import { blankDraft } from '../../src/core/template/blank';
import { readPlan } from '../../src/core/template/read';
import { renderWorkbook, renderedToGrid } from '../../src/core/template/render';
import { validateGrid } from '../../src/core/validate';
import { setCells, type CellEdits } from '../../src/core/grid/edit';

const exampleGrid = (): GridWorkbook => renderedToGrid(renderWorkbook(incheonSeogu2023, { formulas: false }));
const sheet = (g: GridWorkbook, name: string) => g.sheets.find((s) => s.name === name)!;

describe('parseKoreanNumber', () => {
  it.each([
    ['9,454', 'text-number', 9454],
    ['△12', 'text-number', -12],
    ['△1.9', 'text-number', -1.9],
    ['-', 'dash', 0],
    ['12.5%', 'text-number', 12.5],
    ['…', 'na', null],
    ['', 'blank', null],
    [null, 'blank', null],
    [1234, 'number', 1234],
    ['1,23', 'text', null],
    ['없음', 'text', null],
    ['1,234명', 'text-number', 1234],
    // full-width digits and signs, as a document typed in 전각 mode has them
    ['１,２３４', 'text-number', 1234],
    ['１２３，４５６．５', 'text-number', 123456.5],
    ['－１２', 'text-number', -12],
    ['△１２', 'text-number', -12],
    ['１２．５％', 'text-number', 12.5],
    ['－', 'dash', 0],
    ['①', 'text', null],
    // the other dashes offices type for none, and a minus other than '-' before a figure
    ['−', 'dash', 0],
    ['‐', 'dash', 0],
    ['‒', 'dash', 0],
    ['ㅡ', 'dash', 0],
    ['−0.2', 'text-number', -0.2],
    ['–12', 'text-number', -12],
    ['－0.2', 'text-number', -0.2],
  ] as const)('%p → %s %p', (input, state, value) => {
    expect(parseKoreanNumber(input)).toMatchObject({ state, value });
  });
});

describe('readPlan', () => {
  it('reads the example with every figure at its cell', () => {
    const { plan, problems } = readPlan(exampleGrid());
    expect(problems).toEqual([]);
    expect(plan.period).toEqual({ startYear: 2023, years: 4 });
    expect(plan.meta.region).toBe('인천광역시 서구');
    expect(plan.indicators.map((i) => i.kind)).toEqual(['rate', 'rate', 'rate', 'count', 'count', 'count']);
    expect(plan.areas).toHaveLength(5);
    expect(plan.areas[4].excludedFromBudgetTotal).toBe(true);
    expect(plan.tasks).toHaveLength(13);
    expect(plan.tasks[12]).toMatchObject({ targetUnit: '명', budgetUnit: '억원', areaIndex: 4 });
    expect(plan.areas[0].budget!.total).toMatchObject({ value: 4197, ref: { sheet: '분야별 목표', cell: 'C7' } });
  });

  it('finds tables after rows are inserted above them and sheets are renamed and reordered', () => {
    const g = exampleGrid();
    const areas = sheet(g, '분야별 목표');
    areas.rows.splice(0, 0, [{ value: '작성 중' }], []);
    areas.merges = areas.merges.map((m) => m.replace(/\d+/g, (n) => String(Number(n) + 2)));
    areas.name = '2. 분야별';
    g.sheets.reverse();
    const { plan, problems } = readPlan(g);
    expect(problems).toEqual([]);
    expect(plan.areas[0].budget!.total).toMatchObject({ value: 4197, ref: { sheet: '2. 분야별', cell: 'C9' } });
  });

  it('reads labels with extra spaces and numbers stored as text', () => {
    const g = exampleGrid();
    const areas = sheet(g, '분야별 목표');
    areas.rows[2][0] = { value: ' 전략 분야 ' };
    areas.rows[6][2] = { value: '4,197' };
    const { plan, problems } = readPlan(g);
    expect(problems).toEqual([]);
    expect(plan.areas[0].budget!.total).toMatchObject({ value: 4197, state: 'text-number' });
  });

  it('reads a two-row indicator header with short years as the seed writes it', () => {
    const g = exampleGrid();
    const ind = sheet(g, '공통 일자리 목표');
    // '21년 | '22년 (예상치) | 목표 … on the header row, the target years on the row below.
    ind.rows[2] = [{ value: '구 분' }, { value: '단위' }, { value: "'21년" }, { value: "'22년 (예상치)" }, { value: '목표' }, undefined, undefined, undefined, { value: "'22년 대비 증감률" }];
    ind.rows.splice(3, 0, [undefined, undefined, undefined, undefined, { value: "'23년" }, { value: "'24년" }, { value: "'25년" }, { value: "'26년" }]);
    const { plan, problems } = readPlan(g);
    expect(problems).toEqual([]);
    expect(plan.indicators[0].base).toMatchObject({ value: 68.6, ref: { cell: 'D5' } });
    expect(plan.indicators[0].targets.map((t) => t.value)).toEqual([69.1, 69.6, 70.1, 70.6]);
    expect(plan.indicators[0].statedChange?.value).toBe(2);
  });

  it('reports a missing 소요예산 row once, at the 세부사업 label, and counts it as 0', () => {
    const g = exampleGrid();
    const tasks = sheet(g, '실천과제');
    // ① 정서진 아라뱃길 청년창업공간 운영: rows[8] (성과목표) and rows[9] (소요예산); drop the 소요예산 row.
    expect(tasks.rows[8][0]?.value).toBe('정서진 아라뱃길 청년창업공간 운영');
    tasks.rows.splice(9, 1);
    tasks.merges = [];
    const result = validateGrid(g);
    const structure = result.findings.filter((f) => f.rule === 'structure');
    expect(structure).toHaveLength(1);
    expect(structure[0]).toMatchObject({ sheet: '실천과제', cell: 'A9' });
    expect(structure[0].message).toContain('소요예산 행이 없습니다');
    // No value finding points outside the table.
    expect(result.findings.filter((f) => f.rule.startsWith('value-'))).toEqual([]);
    // The 총계 row no longer matches: 192 stated, 112 from the remaining 세부사업.
    expect(result.findings.find((f) => f.rule === 'task-total' && f.cell === 'C8')).toMatchObject({ expected: 112, actual: 192 });
  });

  it('says plainly which table is missing', () => {
    const g = exampleGrid();
    g.sheets = g.sheets.filter((s) => s.name !== '공통 일자리 목표');
    const { problems } = readPlan(g);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ table: '공통 일자리 목표', level: 'table' });
    expect(problems[0].message).toContain('구 분');
  });

  it('reports a workbook with none of the tables as not a plan, without throwing', () => {
    const r = validateGrid({ sheets: [{ name: 'Sheet1', rows: [[{ value: 'hello' }]], merges: [] }] });
    expect(r.fatal).toBe(true);
    expect(r.findings[0]).toMatchObject({ rule: 'structure', messageId: 'notAPlan' });
  });

  it('reads a blank template of any period', () => {
    const { plan, problems } = readPlan(renderedToGrid(renderWorkbook(blankDraft({ period: { startYear: 2031, years: 5 } }), { formulas: true })));
    expect(problems).toEqual([]);
    expect(plan.period).toEqual({ startYear: 2031, years: 5 });
    expect(plan.tasks[0].subprojects[0].target.years).toHaveLength(5);
    expect(plan.areas[0].target.years[4].formula).toMatch(/실천과제/);
  });
});

describe('a 개요 plan period the tables do not have (the official changed the setting, not the headers)', () => {
  const blankWith = (cells: CellEdits) => validateGrid(setCells(renderedToGrid(renderWorkbook(blankDraft(), { formulas: true })), cells));

  it.each([
    ['another start year', { '개요!B6': 2031 }, '2031~2034', '2027~2030'],
    ['fewer years', { '개요!B7': 3 }, '2027~2029', '2027~2030'],
  ])('%s: one error at the 개요 names both periods', (_, cells, stated, headers) => {
    const r = blankWith(cells);
    const at = r.findings.filter((f) => f.sheet === '개요');
    expect(at).toHaveLength(1);
    expect(at[0]).toMatchObject({ rule: 'structure', severity: 'error', cell: 'B6' });
    expect(at[0].message).toContain(`계획기간(${stated})`);
    expect(at[0].message).toContain(`연도 머리글(${headers})`);
  });

  it('the 공통 일자리 목표 table is named at its header as being for other years, not as missing', () => {
    const r = blankWith({ '개요!B6': 2031 });
    const ind = r.findings.filter((f) => f.message.includes('공통 일자리 목표'));
    expect(ind).toHaveLength(1);
    expect(ind[0]).toMatchObject({ sheet: '공통 일자리 목표', cell: 'A3' });
    expect(ind[0].message).toContain('2025~2030');
    expect(ind[0].message).not.toContain('찾지 못했습니다');
  });

  it('a 개요 that agrees with the headers says nothing', () => {
    expect(blankWith({}).findings).toEqual([]);
  });
});

describe('a unit stated in a cell is kept (value-unit compares it with the table unit)', () => {
  it.each([
    ['4,900억원', 4900, '억원'],
    ['1,234 명', 1234, '명'],
    ['△12천원', -12, '천원'],
    ['50백만원', 50, '백만원'],
  ] as const)('%p → %p in %s', (input, value, unit) => {
    expect(parseKoreanNumber(input)).toEqual({ state: 'text-number', value, unit });
  });
  it('a bare figure has no unit property', () => {
    expect(parseKoreanNumber('4,900')).toEqual({ state: 'text-number', value: 4900 });
  });
  it.each([
    ['#,##0"억원"', '억원'],
    ['#,##0" 명";"△"#,##0" 명";"-"', '명'],
    ['#,##0;"△"#,##0;"-"', null],
    ['0.0"%"', null],
    ['"약 "#,##0', null],
  ] as const)('format %p states %p', (fmt, unit) => {
    expect(formatUnit(fmt)).toBe(unit);
  });
  it('a document figure keeps its unit in the format it is given', () => {
    expect(documentValue('4,900억원')).toEqual({ value: 4900, numFmt: '#,##0"억원";"△"#,##0"억원";"-"' });
    expect(documentValue('12.5%')).toEqual({ value: 12.5, numFmt: '0.0"%";"△"0.0"%";"-"' });
  });
});
