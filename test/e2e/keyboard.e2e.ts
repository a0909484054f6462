/**
 * The pane by keyboard alone, in headless Chromium: the keyboard user keeps their place. An action started
 * with Enter or Space leaves focus on its button (disabling the focused button while the action ran dropped
 * focus to the page, so the next Tab started over and a screen reader announced nothing).
 */
import type { Browser, Page } from 'playwright-core';
import { launchChromium, openPane, type PaneSession } from './harness/browser';
import { checksDone, paneReady, waitForCheck, waitForStatus } from './harness/pane';

let browser: Browser;
let pane: PaneSession;

beforeAll(async () => {
  browser = await launchChromium();
  pane = await openPane(browser, process.env.E2E_ORIGIN!, { viewport: { width: 340, height: 900 } });
  await paneReady(pane.page);
});

afterAll(async () => {
  await pane?.close();
  await browser?.close();
});

/** What has the keyboard focus: its tag and text, or BODY when focus was dropped. */
const focused = (page: Page) => page.evaluate(() => `${document.activeElement?.tagName} ${document.activeElement?.tagName === 'BODY' ? '' : (document.activeElement?.textContent ?? '').trim()}`.trim());

test('서식 삽입 by Enter: focus stays on the button while and after it inserts', async () => {
  const { page } = pane;
  await page.locator('input[type="radio"][value^="example:"]').first().check();
  await page.getByTestId('insert').focus();
  await page.keyboard.press('Enter');
  await waitForStatus(page, '시트를 만들었습니다');
  expect(await focused(page)).toBe('BUTTON 서식 삽입');
});

test('검증 by Space, then 지우기 by Enter: focus stays on each button', async () => {
  const { page } = pane;
  await page.locator('#tab-validate').click();
  const before = await checksDone(page);
  await page.getByTestId('validate').focus();
  await page.keyboard.press('Space');
  await waitForCheck(page, before);
  await page.locator('[data-testid="findings"]').waitFor();
  expect(await focused(page)).toBe('BUTTON 검증');
  // The next Tab goes on from there.
  await page.keyboard.press('Tab');
  expect(await focused(page)).toBe('BUTTON 지우기');
  await page.keyboard.press('Enter');
  await waitForStatus(page, '원래 서식으로 되돌렸습니다');
  expect(await focused(page)).toBe('BUTTON 지우기');
  expect(pane.errors).toEqual([]);
});

test('목표 경로로 채우기 opens its dialog by Enter; Escape and 취소 close it and focus is back on the button', async () => {
  const { page } = pane;
  // An indicator's final target below what is required, so there is something to fill.
  await page.evaluate(() => window.__excelDouble!.userEdit('공통 일자리 목표', 'H7', [[60]]));
  await page.locator('#tab-validate').click();
  const before = await checksDone(page);
  await page.getByTestId('validate').click();
  await waitForCheck(page, before);
  await page.locator('#tab-growth').click();
  const fill = page.getByTestId('fill');
  await fill.waitFor();
  for (const close of ['Escape', '취소'] as const) {
    await fill.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('fill-table').waitFor();
    if (close === 'Escape') await page.keyboard.press('Escape');
    else {
      await page.getByRole('button', { name: '취소', exact: true }).focus();
      await page.keyboard.press('Enter');
    }
    await page.getByTestId('fill-table').waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.activeElement?.tagName !== 'BODY', null, { timeout: 2000 }).catch(() => undefined);
    expect({ close, focus: await focused(page) }).toEqual({ close, focus: 'BUTTON 목표 경로로 채우기' });
  }
  expect(pane.errors).toEqual([]);
});
