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
