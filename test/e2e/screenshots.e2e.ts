/**
 * The README's screenshots, written by every run: the pane in Korean after checking the example, in the Office
 * light and dark themes (the emulated Office client reports the theme's colours in Office.context.officeTheme,
 * which is what the pane follows). Also checks that the dark theme really reached the page.
 * Output: docs/screenshots/taskpane-light.png and taskpane-dark.png (E2E_SCREENSHOTS_DIR to write elsewhere).
 */
import { execFileSync } from 'child_process';
import { mkdirSync } from 'fs';
import * as path from 'path';
import type { Browser } from 'playwright-core';
import { launchChromium, openPane } from './harness/browser';
import { insertExample, paneReady, shownFindings, validate } from './harness/pane';
import { SCREENSHOT_DIR } from './harness/paths';

/** A task pane's size in Excel (about 350 px wide), at twice the pixel density for a sharp README image. */
const VIEWPORT = { width: 360, height: 860 };

let browser: Browser;

beforeAll(async () => {
  // Chromium takes its fallback fonts from fontconfig: without a Korean font the screenshots show boxes.
  const korean = execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' }).trim();
  if (!korean) throw new Error('no font with Korean glyphs (fc-list :lang=ko is empty): apt-get install -y fonts-noto-cjk');
  browser = await launchChromium();
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
});

const THEMES = [
  { theme: 'light', background: 'rgb(255, 255, 255)' },
  { theme: 'dark', background: 'rgb(41, 41, 41)' },
] as const;

test.each(THEMES)('screenshot of the findings list in the Office $theme theme', async ({ theme, background }) => {
  const pane = await openPane(browser, process.env.E2E_ORIGIN!, {
    config: { officeTheme: theme, displayLanguage: 'ko-KR' },
    viewport: VIEWPORT,
    deviceScaleFactor: 2,
  });
  try {
    const { page } = pane;
    await paneReady(page);
    expect(await page.evaluate(() => document.body.dataset.theme)).toBe(theme);
    await insertExample(page);
    await validate(page);
    expect((await shownFindings(page)).length).toBeGreaterThan(0);

    // The pane's own surface follows the theme (Fluent's neutral background).
    const provider = page.locator(`.fui-FluentProvider[data-theme="${theme}"]`).first();
    expect(await provider.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(background);

    // Let hover/focus styles settle away from the list, then capture the viewport (findings start within it).
    await page.mouse.move(0, 0);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.locator('[data-testid="findings"]').first().waitFor();
    const file = path.join(SCREENSHOT_DIR, `taskpane-${theme}.png`);
    await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
    expect(pane.foreign).toEqual([]);
    expect(pane.errors).toEqual([]);
  } finally {
    await pane.close();
  }
});
