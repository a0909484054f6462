/**
 * Debian's Chromium, headless, driven by playwright-core (no downloaded browser), and a task pane page with the
 * scripted Excel host injected before its scripts and every request recorded.
 *
 * The request guard: every request the page makes is recorded (page.on('request')); a request to any origin
 * other than the test server's is recorded as foreign AND aborted (context.route), so nothing leaves the
 * machine even when the pane misbehaves. Tests assert `foreign` is empty.
 *
 * One exception is recognised, not allowed through: office.js, loaded outside an Office client, adds a hidden
 * iframe for Microsoft's telemetry proxy 3 s after it loads (ULSEndpointProxy.loadProxyFrame in
 * o15apptofilemappingtable.js). It is still aborted; it goes to `officeJsOwn` instead of `foreign` only when
 * its URL is exactly that endpoint AND Chromium reports (CDP Network.requestWillBeSent initiator) that only
 * office.js's own scripts were on the stack that made it. Any other foreign request fails the tests.
 */
import { readFileSync } from 'fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import type { E2EConfig } from '../host/injector';
import { CHROMIUM, HOST_BUNDLE } from './paths';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--ignore-certificate-errors',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, timeout: 60_000 });
}

export interface RecordedRequest {
  url: string;
  method: string;
  resourceType: string;
  /** Scripts on the stack that made the request (from CDP), when Chromium reported one. */
  initiators?: string[];
}

/** The telemetry frame office.js adds by itself outside an Office client (see the file comment). */
export const OFFICE_JS_TELEMETRY_FRAME = 'https://telemetryservice.firstpartyapps.oaspapps.com/telemetryservice/telemetryproxy.html';

export interface PaneSession {
  context: BrowserContext;
  page: Page;
  origin: string;
  /** Every request the page made, in order. */
  requests: RecordedRequest[];
  /** Requests to anything but the test server's origin (all aborted), except office.js's own telemetry frame. */
  readonly foreign: RecordedRequest[];
  /** office.js's telemetry frame, made by office.js's own scripts (aborted too). */
  readonly officeJsOwn: RecordedRequest[];
  /** Uncaught page errors and console errors (not counting the aborted office.js telemetry frame's). */
  readonly errors: string[];
  close(): Promise<void>;
}

export interface PaneOptions {
  config?: E2EConfig;
  viewport?: { width: number; height: number };
  deviceScaleFactor?: number;
  /** Path + query of the page; default /taskpane.html. */
  path?: string;
}

/** A request is local when it goes to the test server's origin; data: and blob: URLs never hit the network. */
export function isLocal(url: string, origin: string): boolean {
  if (/^(data|blob):/i.test(url)) return true;
  try {
    return new URL(url).origin === origin;
  } catch {
    return false;
  }
}

let hostScript: string | null = null;

export async function openPane(browser: Browser, origin: string, options: PaneOptions = {}): Promise<PaneSession> {
  hostScript ??= readFileSync(HOST_BUNDLE, 'utf8');
  const config = options.config ?? {};
  const context = await browser.newContext({
    ignoreHTTPSErrors: true,
    viewport: options.viewport ?? { width: 400, height: 900 },
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    locale: 'ko-KR',
    timezoneId: 'Asia/Seoul',
    colorScheme: config.officeTheme === 'dark' ? 'dark' : 'light',
    serviceWorkers: 'block',
  });
  const requests: RecordedRequest[] = [];
  const offOrigin: RecordedRequest[] = [];
  const errors: { text: string; url: string }[] = [];

  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url, origin)) return route.continue();
    return route.abort('blockedbyclient');
  });
  // Every step of the pane takes well under a second here; fail a missing element quickly, not after 30 s.
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();

  // Who made each request: the scripts on the initiator's stack (CDP; Chromium only), one list per request, in
  // the order Chromium sent them, matched to Playwright's requests of the same URL in order.
  const initiators = new Map<string, string[][]>();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  cdp.on('Network.requestWillBeSent', (e) => {
    if (e.redirectResponse) return; // a redirect continues the same request
    const frames: { url: string }[] = [];
    for (let st = e.initiator.stack; st; st = st.parent) frames.push(...st.callFrames);
    const urls = frames.map((f) => f.url).filter(Boolean);
    if (e.initiator.url) urls.push(e.initiator.url);
    initiators.set(e.request.url, [...(initiators.get(e.request.url) ?? []), urls]);
  });

  page.on('request', (r) => {
    const rec: RecordedRequest = { url: r.url(), method: r.method(), resourceType: r.resourceType() };
    requests.push(rec);
    if (!isLocal(rec.url, origin)) offOrigin.push(rec);
  });
  page.on('websocket', (ws) => {
    const rec: RecordedRequest = { url: ws.url(), method: 'GET', resourceType: 'websocket' };
    requests.push(rec);
    if (!isLocal(ws.url().replace(/^ws/, 'http'), origin)) offOrigin.push(rec);
  });
  page.on('pageerror', (e) => errors.push({ text: `pageerror: ${e.message}`, url: '' }));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push({ text: `console.error: ${m.text()}`, url: m.location().url });
  });

  const officeJsScript = (u: string) => u.startsWith(`${origin}/office-js/`);
  const isOfficeJsOwn = (rec: RecordedRequest) => {
    const by = rec.initiators ?? [];
    return rec.url === OFFICE_JS_TELEMETRY_FRAME && by.length > 0 && by.every(officeJsScript);
  };
  const classify = () => {
    const seen = new Map<string, number>();
    for (const rec of offOrigin) {
      const i = seen.get(rec.url) ?? 0;
      seen.set(rec.url, i + 1);
      rec.initiators = initiators.get(rec.url)?.[i];
    }
    return {
      foreign: offOrigin.filter((r) => !isOfficeJsOwn(r)),
      officeJsOwn: offOrigin.filter(isOfficeJsOwn),
    };
  };

  // Order matters: the config first, then the double + injector, both before any of the page's scripts.
  await page.addInitScript({ content: `window.__E2E_CONFIG__ = ${JSON.stringify(config)};` });
  await page.addInitScript({ content: hostScript });

  await page.goto(`${origin}${options.path ?? '/taskpane.html'}`, { waitUntil: 'load' });
  return {
    context,
    page,
    origin,
    requests,
    get foreign() {
      return classify().foreign;
    },
    get officeJsOwn() {
      return classify().officeJsOwn;
    },
    // The aborted telemetry frame shows up as a failed load in the console; that one is not the pane's error.
    get errors() {
      const own = new Set(classify().officeJsOwn.map((r) => r.url));
      return errors.filter((e) => !own.has(e.url)).map((e) => e.text);
    },
    close: () => context.close(),
  };
}
