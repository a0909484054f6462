/**
 * The README's picture of an exported table: `jobtarget export --example` written to .hwpx, its own
 * structure (section0.xml cells and spans, header.xml shading and fonts) turned into HTML, rendered by
 * headless Chromium (Debian's, through playwright-core) to PNG.
 *
 * Every run renders it to .cache/docs/hwpx-export.png and checks what the page shows; `npm run
 * docs:hwpx-picture` (UPDATE_DOCS=1) also writes docs/images/hwpx-export.png.
 */
import { execFileSync } from 'child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync } from 'fs';
import * as path from 'path';
import { chromium, type Browser } from 'playwright-core';
import { writeHwpx } from '../../src/adapters/hwpx/write';
import { renderDocument } from '../../src/core/document/render';
import { incheonSeogu2023 } from '../../src/core/examples/incheon-seogu-2023';
import { hwpxToHtml } from '../support/hwpx-html';

const ROOT = path.resolve(__dirname, '../..');
const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
const OUT = path.join(ROOT, '.cache', 'docs', 'hwpx-export.png');
const DOC = path.join(ROOT, 'docs', 'images', 'hwpx-export.png');

jest.setTimeout(120_000);
let browser: Browser;

beforeAll(async () => {
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-noto-cjk`);
  const korean = execFileSync('fc-list', [':lang=ko', 'family'], { encoding: 'utf8' }).trim();
  if (!korean) throw new Error('no font with Korean glyphs (fc-list :lang=ko is empty): apt-get install -y fonts-noto-cjk');
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'], timeout: 60_000 });
});
afterAll(async () => {
  await browser?.close();
});

test('an exported document, rendered from its own table structure, shows the published layout', async () => {
  const bytes = writeHwpx(renderDocument(incheonSeogu2023), { date: new Date(Date.UTC(2026, 10, 1)) });
  // Title, 공통 일자리 목표, 분야별 목표, the 전략분야·실천과제 overview and the first 실천과제.
  const html = hwpxToHtml(bytes, 17);
  const context = await browser.newContext({ viewport: { width: 900, height: 400 }, deviceScaleFactor: 2, offline: true });
  try {
    const page = await context.newPage();
    await page.setContent(html, { waitUntil: 'load' });
    const tables = page.locator('table');
    expect(await tables.count()).toBe(4);
    // 목표 spans the four plan years; the area names and 합 계 span their 성과목표/소요예산 rows.
    expect(await page.locator('td[colspan="4"]').first().innerText()).toBe('목표');
    expect(await page.locator('td[rowspan="2"]', { hasText: '청년 일자리 확대' }).count()).toBe(1);
    expect(await page.locator('td[rowspan="2"]', { hasText: '총 계' }).count()).toBe(1);
    // Header shading from the document's border fills; figures as published.
    const headerFill = await page.locator('td', { hasText: '전략분야' }).first().evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(headerFill).toBe('rgb(220, 230, 241)');
    const body = await page.locator('body').innerText();
    for (const s of ['(단위 : 명, 백만원)', '60,247', '① 청년 창업 인프라 조성', '* 소요예산 : 민간일자리창출 분야 민간사업비 제외']) expect(body).toContain(s);
    expect(await page.locator('td', { hasText: /^-$/ }).count()).toBeGreaterThan(3);
    mkdirSync(path.dirname(OUT), { recursive: true });
    await page.locator('body').screenshot({ path: OUT });
  } finally {
    await context.close();
  }
  const png = readFileSync(OUT);
  expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(png.readUInt32BE(16)).toBeGreaterThan(1000); // 2× an 850 px page
  if (process.env.UPDATE_DOCS === '1') {
    mkdirSync(path.dirname(DOC), { recursive: true });
    copyFileSync(OUT, DOC);
  }
  // The committed picture exists (regenerate with npm run docs:hwpx-picture).
  expect(existsSync(DOC)).toBe(true);
});
