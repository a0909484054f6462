/**
 * Reviewer settings stored in the workbook (issue #13), in the real pane in headless Chromium: the workbook's
 * document settings hold `jobtarget.config` (the shape of jobtarget.config.json); checking the example from the
 * pane applies its severities — the same findings the engine gives with those severities — and says so; a
 * broken setting is shown as a warning and every rule runs at its default severity.
 */
import type { Browser } from 'playwright-core';
import { WORKBOOK_SETTINGS_KEY } from '../../src/core/config';
import { incheonSeogu2023 } from '../../src/core/examples/incheon-seogu-2023';
import { renderWorkbook, renderedToGrid } from '../../src/core/template/render';
import { validateGrid } from '../../src/core/validate';
import { emptyWorkbook } from '../office-double';
import { launchChromium, openPane, type PaneSession } from './harness/browser';
import { insertExample, paneReady, setAutoRevalidate, shownCounts, shownFindings, validate } from './harness/pane';

const grid = () => renderedToGrid(renderWorkbook(incheonSeogu2023, { formulas: false }));
const RULES = { 'area-total': 'warning', 'budget-without-target': 'off' } as const;
/** The engine's answer with and without the settings (the CLI's, independently of the pane). */
const withRules = validateGrid(grid(), { lang: 'ko', severities: { ...RULES } });
const defaults = validateGrid(grid(), { lang: 'ko' });

let browser: Browser;
const panes: PaneSession[] = [];

async function paneWith(setting: unknown): Promise<PaneSession> {
  const workbook = { ...emptyWorkbook(['Sheet1']), settings: { [WORKBOOK_SETTINGS_KEY]: setting } };
  const pane = await openPane(browser, process.env.E2E_ORIGIN!, { config: { workbook } });
  panes.push(pane);
  await paneReady(pane.page);
  await insertExample(pane.page);
  await setAutoRevalidate(pane.page, false);
  return pane;
}

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  for (const p of panes) await p.close();
  await browser?.close();
});

test('the setting’s severities apply: the engine’s findings with those severities, and the pane says which rules changed', async () => {
  // the settings change something in the example
  expect(defaults.findings.some((f) => f.rule === 'area-total' && f.severity === 'error')).toBe(true);
  expect(defaults.findings.some((f) => f.rule === 'budget-without-target')).toBe(true);
  const { page } = await paneWith({ rules: RULES });
  await validate(page);
  expect(await shownCounts(page)).toEqual({ ...withRules.summary });
  expect(withRules.summary.error).toBeLessThan(defaults.summary.error);
  const shown = await shownFindings(page);
  const key = (f: { severity: string | null; sheet: string; cell: string; rule: string }) => `${f.severity} ${f.sheet}!${f.cell} ${f.rule}`;
  expect(shown.map(key)).toEqual(withRules.findings.map(key));
  expect(shown.some((f) => f.rule === 'budget-without-target')).toBe(false);
  expect(await page.getByTestId('config-note').textContent()).toBe(
    '통합 문서의 검증 설정(jobtarget.config)에 따라 규칙 2개의 심각도를 바꿨습니다: area-total → 경고, budget-without-target → 끔',
  );
});

test('a broken setting: a visible warning naming the problem; every rule at its default severity', async () => {
  const { page } = await paneWith('{"rules": {"area-totl": "warning"}}');
  await validate(page);
  const note = page.getByTestId('config-note');
  expect(await note.isVisible()).toBe(true);
  const text = (await note.textContent()) ?? '';
  expect(text).toContain('통합 문서의 검증 설정을 쓰지 않았습니다');
  expect(text).toContain('모르는 규칙입니다: area-totl');
  expect(await shownCounts(page)).toEqual({ ...defaults.summary });
});
