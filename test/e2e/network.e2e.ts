/**
 * The request guard itself: a page that reaches for another host (a fetch, an image, a stylesheet, a frame)
 * gets every such request recorded as foreign and aborted before it leaves the machine. The flow tests'
 * "no foreign request" assertions mean something only because this one can fail.
 */
import type { Browser } from 'playwright-core';
import { OFFICE_JS_TELEMETRY_FRAME, launchChromium, openPane } from './harness/browser';
import { paneReady } from './harness/pane';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

test('requests to other hosts are recorded as foreign and never reach the network', async () => {
  const pane = await openPane(browser, process.env.E2E_ORIGIN!);
  try {
    const { page } = pane;
    await paneReady(page);
    expect(pane.foreign).toEqual([]);
    const fetched = await page.evaluate(async () => {
      const img = document.createElement('img');
      img.src = 'https://cdn.example.com/logo.png';
      document.body.appendChild(img);
      const link = document.createElement('link');
      link.rel = 'stylesheet';
      link.href = 'https://fonts.example.net/css?family=Noto+Sans+KR';
      document.head.appendChild(link);
      try {
        await fetch('https://api.example.org/collect', { method: 'POST', body: 'x', mode: 'no-cors' });
        return 'reached';
      } catch {
        return 'blocked';
      }
    });
    expect(fetched).toBe('blocked');
    await page.waitForTimeout(300);
    const urls = pane.foreign.map((r) => r.url).sort();
    expect(urls).toEqual([
      'https://api.example.org/collect',
      'https://cdn.example.com/logo.png',
      'https://fonts.example.net/css?family=Noto+Sans+KR',
    ]);
    // The same-origin requests are recorded too, and are not foreign.
    expect(pane.requests.map((r) => r.url)).toContain(`${pane.origin}/taskpane.html`);
  } finally {
    await pane.close();
  }
});

test('a telemetry-like request made by the pane’s code (not office.js) is foreign even at office.js’s endpoint', async () => {
  const pane = await openPane(browser, process.env.E2E_ORIGIN!);
  try {
    const { page } = pane;
    await paneReady(page);
    await page.evaluate((url) => {
      const f = document.createElement('iframe');
      f.src = url;
      f.style.display = 'none';
      document.head.appendChild(f);
    }, OFFICE_JS_TELEMETRY_FRAME);
    // office.js adds its own frame 3 s after it loaded: wait for it, so both requests to the same URL are seen.
    await page.waitForFunction(() => document.querySelectorAll('iframe[src*="telemetryproxy"]').length >= 2, null, { timeout: 10_000 });
    await page.waitForTimeout(300);
    expect(pane.foreign.map((r) => r.url)).toEqual([OFFICE_JS_TELEMETRY_FRAME]);
    expect(pane.officeJsOwn.map((r) => r.url)).toEqual([OFFICE_JS_TELEMETRY_FRAME]);
  } finally {
    await pane.close();
  }
});
