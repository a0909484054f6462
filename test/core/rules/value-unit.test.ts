import { readFileSync } from 'fs';
import { textToGrid } from '../../../src/adapters/text/read';
import { readHwpxBuffer } from '../../../src/adapters/hwpx/read';
import { readXlsxBuffer } from '../../../src/adapters/xlsx/read';
import type { GridWorkbook } from '../../../src/core/grid/grid';
import { parseA1 } from '../../../src/core/grid/a1';
import { PLAN_RULES } from '../../../src/core/rules';
import { valueUnit } from '../../../src/core/rules/plan/value-unit';
import { runRules } from '../../../src/core/rules/run';
import { readWorkbook } from '../../../src/core/tables/assemble';
import { hwpxFromText } from '../../support/hwpx-document';
import { SEED_000, documentLayout, layoutXlsx } from '../../support/document-layouts';
import { consistentDraft, planWithCells } from '../../support/plans';
import { testRule } from '../../support/rule-tester';

testRule(valueUnit, {
  valid: [
    { name: 'a consistent plan (no unit in any cell)', plan: () => planWithCells(consistentDraft(), {}) },
    { name: '10명 in a 명 table', plan: () => planWithCells(consistentDraft(), { '실천과제!D9': '10명' }) },
    { name: 'a number formatted #,##0"백만원" in a 백만원 table', plan: () => planWithCells(consistentDraft(), { '실천과제!D10': { value: 100, numFmt: '#,##0"백만원"' } }) },
    { name: '1억원 in a table in 억원', plan: () => planWithCells(consistentWithDraft((d) => (d.tasks[0].budgetUnit = '억원')), { '실천과제!D10': '1억원' }) },
    { name: '12개 in a table in 개소', plan: () => planWithCells(consistentWithDraft((d) => (d.tasks[0].targetUnit = '개소')), { '실천과제!D9': '12개' }) },
    { name: 'a quoted % in a rate format is no unit', plan: () => planWithCells(consistentDraft(), { '공통 일자리 목표!D4': { value: 60.5, numFmt: '0.0"%";"△"0.0"%";"-"' } }) },
  ],
  invalid: [
    {
      name: 'a budget typed 100억원 in a 백만원 table',
      plan: () => planWithCells(consistentDraft(), { '실천과제!D10': '100억원' }),
      findings: [{ messageId: 'otherMoneyUnit', severity: 'error', sheet: '실천과제', cell: 'D10', expected: '백만원', actual: '억원', cells: ['실천과제!D10'] }],
    },
    {
      name: 'two cells of a row in 억원: one finding naming both',
      plan: () => planWithCells(consistentDraft(), { '실천과제!D10': '1억원', '실천과제!E10': '1억원' }),
      findings: [{ messageId: 'otherMoneyUnit', cell: 'D10', cells: ['실천과제!D10', '실천과제!E10'] }],
    },
    {
      name: 'a number formatted #,##0"억원" (as Excel users do) in the 분야별 목표 table in 백만원',
      plan: () => planWithCells(consistentDraft(), { '분야별 목표!D7': { value: 2, numFmt: '#,##0"억원";"△"#,##0"억원";"-"' } }),
      findings: [{ messageId: 'otherMoneyUnit', sheet: '분야별 목표', cell: 'D7', expected: '백만원', actual: '억원' }],
    },
    {
      name: '10개소 in a 명 table (never converted)',
      plan: () => planWithCells(consistentDraft(), { '실천과제!D9': '10개소' }),
      findings: [{ messageId: 'otherUnit', cell: 'D9', expected: '명', actual: '개소' }],
    },
    {
      name: 'a count indicator in 명 stating 개소',
      plan: () => planWithCells(consistentDraft(), { '공통 일자리 목표!D5': '100,000개소' }),
      findings: [{ messageId: 'otherUnit', sheet: '공통 일자리 목표', cell: 'D5', expected: '명', actual: '개소' }],
    },
  ],
});

function consistentWithDraft(edit: (d: ReturnType<typeof consistentDraft>) => void): ReturnType<typeof consistentDraft> {
  const d = consistentDraft();
  edit(d);
  return d;
}

describe('value-unit: the message converts money into the table unit, the value is not converted', () => {
  it('100억원 in a 백만원 table: read as 100, said to be 10,000백만원', () => {
    const plan = planWithCells(consistentDraft(), { '실천과제!D10': '100억원' });
    expect(plan.tasks[0].subprojects[0].budget.years[0]).toMatchObject({ value: 100, unit: '억원' });
    const [f] = runRules(plan, [valueUnit]);
    expect(f.message).toContain('100억원 = 10,000백만원');
    expect(f.messageEn).toContain('100 hundred million KRW = 10,000 million KRW');
    expect(f.data.converted).toBe(10000);
  });
  it('a figure without a unit gets no unit property (most figures: nothing more is made)', () => {
    const plan = planWithCells(consistentDraft(), {});
    expect('unit' in plan.tasks[0].subprojects[0].budget.years[0]).toBe(false);
  });
});

/** The seed, its ⑬ table's unit line made `(단위 : 명, 백만원)`, and the fields of line 966 (청라 IHP budget) rewritten. */
const SEED_IHP_BUDGET = 966;
function seedText(ihp?: (fields: string[]) => void): string {
  const lines = readFileSync(SEED_000, 'utf8').split('\n');
  expect(lines[959]).toBe('(단위 : 명, 억원)');
  lines[959] = '(단위 : 명, 백만원)';
  const fields = lines[SEED_IHP_BUDGET - 1].split('\t');
  expect(fields.slice(1, 3)).toEqual(['소요예산', '4,900']);
  ihp?.(fields);
  lines[SEED_IHP_BUDGET - 1] = fields.join('\t');
  return lines.join('\n');
}

/** Findings as comparable keys. */
function keys(grid: GridWorkbook): string[] {
  return runRules(readWorkbook(grid).plan, PLAN_RULES).map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${JSON.stringify(f.expected)} ${JSON.stringify(f.actual)}`);
}

describe('value-unit through the readers', () => {
  it('the seed text with one budget typed 4,900억원 under (단위 : 명, 백만원): exactly one more finding, value-unit', () => {
    const before = keys(textToGrid(seedText(), 'seed.txt'));
    const after = keys(textToGrid(seedText((f) => (f[2] = '4,900억원')), 'seed.txt'));
    const added = after.filter((k) => !before.includes(k));
    expect(added).toHaveLength(1);
    expect(added[0]).toMatch(/^value-unit error .*:F3 "백만원" "억원"$/);
    expect(after).toHaveLength(before.length + 1);
  });

  it('a table whose unit line states no budget unit is read in the unit its cells state', () => {
    const text = seedText().replace('(단위 : 명, 백만원)\n\n세부사업명\t\t합계\t2023년\t2024년\t2025년\t2026년\n총 계\t성과목표\t3,500', '(단위 : 명)\n\n세부사업명\t\t합계\t2023년\t2024년\t2025년\t2026년\n총 계\t성과목표\t3,500');
    const withUnits = text
      .split('\n')
      .map((l, i) => (i >= 959 && i < 972 && l.startsWith('\t소요예산') ? l.replace(/(\d[\d,]*)/g, '$1억원') : l))
      .join('\n');
    const plan = readWorkbook(textToGrid(withUnits, 'seed.txt')).plan;
    const t13 = plan.tasks.find((t) => t.no === 13)!;
    expect(t13.budgetUnit).toBe('억원');
    expect(t13.total!.budget.total).toMatchObject({ value: 22683, unit: '억원' });
    expect(runRules(plan, PLAN_RULES).filter((f) => f.rule === 'value-unit')).toEqual([]);
  });

  it('.hwpx: the same document as a 한글 file gives the same one more finding', () => {
    const before = keys(readHwpxBuffer(hwpxFromText(seedText()), 'seed.hwpx').grid);
    const after = keys(readHwpxBuffer(hwpxFromText(seedText((f) => (f[2] = '4,900억원'))), 'seed.hwpx').grid);
    const added = after.filter((k) => !before.includes(k));
    expect(added).toEqual([expect.stringMatching(/^value-unit error /)]);
    expect(after).toHaveLength(before.length + 1);
  });

  async function xlsxKeys(edit?: (grid: GridWorkbook, at: { sheet: string; cell: string }) => void): Promise<string[]> {
    const layout = documentLayout({ edit: (line, fields) => (line === 960 ? ['(단위 : 명, 백만원)'] : fields) });
    const at = layout.where(SEED_IHP_BUDGET, 3);
    edit?.(layout.grid, at);
    const read = await readXlsxBuffer(await layoutXlsx(layout), 'plan.xlsx');
    return keys(read.grid);
  }
  const setCell = (grid: GridWorkbook, at: { sheet: string; cell: string }, value: string | number, numFmt?: string) => {
    const { row, col } = parseA1(at.cell);
    grid.sheets.find((s) => s.name === at.sheet)!.rows[row][col] = numFmt ? { value, numFmt } : { value };
  };

  it('.xlsx: a number cell formatted #,##0"억원" under (단위 : 명, 백만원): exactly one more finding, value-unit', async () => {
    const before = await xlsxKeys();
    const after = await xlsxKeys((g, at) => setCell(g, at, 4900, '#,##0"억원"'));
    const added = after.filter((k) => !before.includes(k));
    expect(added).toEqual([expect.stringMatching(/^value-unit error 문서!\w+\d+ "백만원" "억원"$/)]);
    expect(after).toHaveLength(before.length + 1);
  });

  it('.xlsx: a text cell "4,900억원": value-unit (and value-text-number, a number stored as text)', async () => {
    const before = await xlsxKeys();
    const after = await xlsxKeys((g, at) => setCell(g, at, '4,900억원'));
    const added = after.filter((k) => !before.includes(k)).map((k) => k.split(' ')[0]);
    expect(added.sort()).toEqual(['value-text-number', 'value-unit']);
  });

  it('.xlsx: #,##0"백만원" in a 백만원 table adds nothing', async () => {
    const before = await xlsxKeys();
    const after = await xlsxKeys((g, at) => setCell(g, at, 4900, '#,##0"백만원"'));
    expect(after).toEqual(before);
  });
});
