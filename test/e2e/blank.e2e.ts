/**
 * The blank template for the 민선 9기 plan period (2027–2030, base year 2026), inserted from the pane into a
 * workbook that already has the user's sheets: the double's workbook gets the template exactly as the engine
 * renders it, with the 2027년 … 2030년 headers, and the user's sheets are left alone.
 */
import type { Browser } from 'playwright-core';
import { blankDraft } from '../../src/core/template/blank';
import { TEMPLATE } from '../../src/core/template/description';
import { renderWorkbook } from '../../src/core/template/render';
import { emptyWorkbook, seedCell } from '../office-double';
import { launchChromium, openPane, type PaneSession } from './harness/browser';
import { doubleView, insertBlank, openTab, paneReady, resetSyncs, validate, visibleState } from './harness/pane';

const PERIOD = { startYear: 2027, years: 4 };
const YEARS = ['2027년', '2028년', '2029년', '2030년'];
const TABLE_SHEETS = [TEMPLATE.indicators.sheetName, TEMPLATE.areas.sheetName, TEMPLATE.tasks.sheetName];

let browser: Browser;
let pane: PaneSession;

beforeAll(async () => {
  browser = await launchChromium();
  // The user's workbook: a sheet with their own notes in it, which the template must not touch.
  const wb = emptyWorkbook(['메모']);
  seedCell(wb.sheets[0], 'A1', '담당자 메모', { bold: true, fill: { color: '#FFFF00', pattern: 'Solid', patternColor: null, tintAndShade: 0, patternTintAndShade: 0 } });
  seedCell(wb.sheets[0], 'B2', 2026);
  pane = await openPane(browser, process.env.E2E_ORIGIN!, { config: { workbook: wb } });
  await paneReady(pane.page);
});

afterAll(async () => {
  await pane?.close();
  await browser?.close();
});

test('빈 서식 for 2027–2030 writes the template the engine renders, with the 2027년 … 2030년 headers', async () => {
  const { page } = pane;
  const userSheetBefore = (await visibleState(page)).formats['메모'];
  await openTab(page, '템플릿 삽입');
  await page.getByRole('radio', { name: '빈 서식' }).check();
  await page.getByRole('spinbutton', { name: '계획 시작 연도' }).fill(String(PERIOD.startYear));
  await page.getByRole('spinbutton', { name: '계획 기간 (년)' }).fill(String(PERIOD.years));
  expect(await page.getByTestId('insert-period').textContent()).toBe('계획기간 2027–2030년 · 기준연도 2026년');

  await resetSyncs(page);
  await insertBlank(page);
  const view = await doubleView(page);
  expect(view.syncs).toBeLessThanOrEqual(3);

  const state = await visibleState(page);
  // Every rendered cell is in the workbook with the same value or formula.
  const rendered = renderWorkbook(blankDraft({ period: PERIOD }), { formulas: true });
  const letters = (c: number): string => (c < 26 ? String.fromCharCode(65 + c) : letters(Math.floor(c / 26) - 1) + String.fromCharCode(65 + (c % 26)));
  for (const sheet of rendered.sheets) {
    expect(state.sheets).toContain(sheet.name);
    const values = state.values[sheet.name];
    const mismatches: string[] = [];
    for (const cell of sheet.cells) {
      const a1 = `${letters(cell.col)}${cell.row + 1}`;
      // Writing '' to a cell leaves it empty, as in Excel.
      const want = cell.formula ? `=${cell.formula}` : cell.value === '' || cell.value === null ? undefined : cell.value;
      const got = values[a1];
      if (want !== got) mismatches.push(`${a1}: want ${JSON.stringify(want)}, got ${JSON.stringify(got)}`);
    }
    expect({ sheet: sheet.name, mismatches: mismatches.slice(0, 10) }).toEqual({ sheet: sheet.name, mismatches: [] });
  }

  // The plan years as headers on every table sheet; nothing of the old 2023–2026 period.
  for (const name of TABLE_SHEETS) {
    const texts = Object.values(state.values[name]).filter((v): v is string => typeof v === 'string');
    for (const y of YEARS) expect(texts).toContain(y);
    expect(texts.some((t) => /2023년|2024년/.test(t))).toBe(false);
  }
  const indicatorTexts = Object.values(state.values[TEMPLATE.indicators.sheetName]);
  expect(indicatorTexts).toContain('2026년 (기준)');
  expect(indicatorTexts).toContain('2025년 (실적)');

  // The user's sheet is untouched.
  expect(state.values['메모']).toEqual({ A1: '담당자 메모', B2: 2026 });
  expect(state.formats['메모']).toEqual(userSheetBefore);
});

test('검증 on the untouched blank template: no finding, no highlight, no note; the progress instead', async () => {
  const { page } = pane;
  const before = await visibleState(page);
  const status = await validate(page);
  expect(status).toBe('검증을 마쳤습니다.');
  expect(await page.locator('[data-testid="findings"]').count()).toBe(0);
  expect(await page.getByTestId('severity-counts').count()).toBe(0);
  const progress = await page.getByTestId('progress').textContent();
  expect(progress).toContain('세부사업 15개 중 0개 입력');
  expect(progress).toContain('아직 입력한 값이 없습니다');
  // Nothing painted amber, no note, no formula shown anywhere.
  const after = await visibleState(page);
  expect(after.formats).toEqual(before.formats);
  expect(after.notes).toEqual(before.notes);
  expect(await page.locator('main').textContent()).not.toMatch(/=(IF|SUM)/);
  expect(pane.foreign).toEqual([]);
  expect(pane.errors).toEqual([]);
});

test('one 세부사업 typed in: only that row is checked, and the progress moves', async () => {
  const { page } = pane;
  await page.evaluate(() => window.__excelDouble!.userEdit('실천과제', 'D9', [[12]]));
  const status = await validate(page);
  expect(status).not.toMatch(/=(IF|SUM)/);
  expect(await page.getByTestId('progress').textContent()).toContain('세부사업 15개 중 1개 입력');
  const cells = await page.$$eval('[data-testid="findings"] button[data-rule]', (els) => els.map((e) => `${(e.closest('section[data-sheet]') as HTMLElement).dataset.sheet}!${(e as HTMLElement).dataset.cell}`));
  expect(cells.length).toBeGreaterThan(0);
  // Every finding is about the row typed in (실천과제 row 9) or the totals that now carry it.
  for (const c of cells) expect(c).toMatch(/^(실천과제!\w+(7|8|9|10)|분야별 목표!\w+\d+)$/);
});
