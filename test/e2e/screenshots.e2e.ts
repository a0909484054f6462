/**
 * The pane's pictures, and an accessibility scan of every state they show.
 *
 * States: the blank template checked, the example checked (list scrolled, one finding opened), the growth panel
 * with a shortfall, the fill dialog, the no-plan state. Each in the Office light and dark themes, in Korean and
 * English, at the narrowest (320 px) and a roomy (450 px) task-pane width: 40 pictures.
 *
 * Written to test-output/screenshots (ignored by git) on every run. The committed pictures in docs/screenshots
 * change only on purpose: `npm run screenshots` writes there (E2E_SCREENSHOTS_DIR). README shows two of them,
 * docs/addin.md the others.
 *
 * Every state is scanned with axe-core at both widths; a serious or critical violation fails the test.
 */
import { execFileSync } from 'child_process';
import { mkdirSync } from 'fs';
import * as path from 'path';
import type { Browser, Page } from 'playwright-core';
import { DEFAULT_EXAMPLE } from '../../src/core/examples';
import { incheonSeogu2023 } from '../../src/core/examples/incheon-seogu-2023';
import { renderWorkbook, renderedToGrid } from '../../src/core/template/render';
import { validateGrid } from '../../src/core/validate';
import { seriousViolations } from './harness/axe';
import { launchChromium, openPane, type PaneSession } from './harness/browser';
import { checksDone, waitForCheck } from './harness/pane';
import { SCREENSHOT_DIR } from './harness/paths';

const WIDTHS = [320, 450] as const;
const HEIGHT = 720;
const THEMES = [
  { theme: 'light', background: 'rgb(255, 255, 255)' },
  { theme: 'dark', background: 'rgb(41, 41, 41)' },
] as const;
const LANGS = [
  { lang: 'ko', displayLanguage: 'ko-KR' },
  { lang: 'en', displayLanguage: 'en-US' },
] as const;
type Theme = (typeof THEMES)[number]['theme'];
type Lang = (typeof LANGS)[number]['lang'];

/** The example's plan as the engine reads it: where the indicators' targets are. */
const examplePlan = validateGrid(renderedToGrid(renderWorkbook(incheonSeogu2023, { formulas: false }))).plan;

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

// ---- steps, by ids rather than labels (the same in both languages) ------------------------------------------

async function ready(page: Page): Promise<void> {
  await page.locator('#tab-insert').waitFor({ timeout: 30_000 });
}

async function insert(page: Page, value: string): Promise<void> {
  await page.locator('#tab-insert').click();
  await page.locator(`input[type="radio"][value="${value}"]`).check();
  await page.getByTestId('insert').click();
  await page.locator('[data-testid="status"] .fui-MessageBar').waitFor();
}

async function check(page: Page): Promise<void> {
  await page.locator('#tab-validate').click();
  const before = await checksDone(page);
  await page.getByTestId('validate').click();
  await waitForCheck(page, before);
}

/** The example with two indicators' final targets lowered below what the requirement asks. */
async function exampleWithShortfall(page: Page): Promise<void> {
  await insert(page, `example:${DEFAULT_EXAMPLE}`);
  const rate = examplePlan.indicators[0].targets[examplePlan.indicators[0].targets.length - 1].ref;
  const count = examplePlan.indicators[3].targets[examplePlan.indicators[3].targets.length - 1].ref;
  await page.evaluate(
    ([a, b]) => {
      window.__excelDouble!.userEdit(a.sheet, a.cell, [[69.5]]);
      window.__excelDouble!.userEdit(b.sheet, b.cell, [[325000]]);
    },
    [rate, count] as const,
  );
  await check(page);
  await page.locator('#tab-growth').click();
  await page.getByTestId('growth-0-shortfall').waitFor();
}

interface State {
  name: string;
  /** Brings a fresh pane into the state. */
  enter(page: Page): Promise<void>;
  /** Run again after each resize (e.g. scroll the list back to the same place). */
  settle?(page: Page): Promise<void>;
}

const STATES: State[] = [
  {
    name: 'blank-checked',
    async enter(page) {
      await insert(page, 'blank');
      await check(page);
      await page.getByTestId('progress').waitFor();
    },
  },
  {
    name: 'example-checked',
    async enter(page) {
      await insert(page, `example:${DEFAULT_EXAMPLE}`);
      await check(page);
      // One finding opened, to show its details on demand.
      await page.locator('[data-testid="findings"] section[data-sheet] button[data-rule]').nth(1).click();
      await page.getByTestId('finding-details').waitFor();
    },
    async settle(page) {
      await page.evaluate(() => {
        const list = document.querySelector('[data-testid="findings"]');
        list?.scrollIntoView({ block: 'start' });
        window.scrollBy(0, -8);
      });
    },
  },
  { name: 'growth-shortfall', enter: exampleWithShortfall },
  {
    name: 'fill-dialog',
    async enter(page) {
      await exampleWithShortfall(page);
      await page.getByTestId('fill').click();
      await page.getByTestId('fill-table').waitFor();
    },
  },
  {
    name: 'no-plan',
    async enter(page) {
      await check(page);
      await page.getByTestId('no-plan').waitFor();
    },
  },
];

/** Where a picture goes: test-output/screenshots unless E2E_SCREENSHOTS_DIR says otherwise. */
function screenshotName(state: string, width: number, theme: Theme, lang: Lang): string {
  return `${state}-${width}-${theme}-${lang}.png`;
}

const CASES = STATES.flatMap((state) => THEMES.flatMap((t) => LANGS.map((l) => ({ state, ...t, ...l, label: `${state.name} ${t.theme} ${l.lang}` }))));

test.each(CASES)('$label: screenshots at 320 and 450 px, no serious accessibility violation', async ({ state, theme, background, lang, displayLanguage }) => {
  const pane: PaneSession = await openPane(browser, process.env.E2E_ORIGIN!, {
    config: { officeTheme: theme, displayLanguage },
    viewport: { width: WIDTHS[0], height: HEIGHT },
    deviceScaleFactor: 1,
  });
  try {
    const { page } = pane;
    await ready(page);
    expect(await page.evaluate(() => document.body.dataset.theme)).toBe(theme);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe(lang);
    // The pane's own surface follows the theme (Fluent's neutral background).
    const provider = page.locator(`.fui-FluentProvider[data-theme="${theme}"]`).first();
    expect(await provider.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(background);

    await state.enter(page);
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      await page.mouse.move(0, 0);
      await state.settle?.(page);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      // Nothing wider than the pane: no sideways scrolling at 320 px.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
      await page.screenshot({ path: path.join(SCREENSHOT_DIR, screenshotName(state.name, width, theme, lang)), animations: 'disabled', caret: 'hide' });
      expect({ width, violations: await seriousViolations(page) }).toEqual({ width, violations: [] });
    }
    expect(pane.foreign).toEqual([]);
    expect(pane.errors).toEqual([]);
  } finally {
    await pane.close();
  }
});
