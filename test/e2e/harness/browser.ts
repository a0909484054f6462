/**
 * Debian's Chromium, headless, driven by playwright-core (no downloaded browser), and a task pane page with the
 * scripted Excel host injected before its scripts and every request recorded.
 *
 * The request guard: every request the page makes is recorded (page.on('request')); a request to any origin
 * other than the test server's is recorded as foreign AND aborted (context.route), so nothing leaves the
 * machine even when the pane misbehaves. Tests assert `foreign` is empty.
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
}

export interface PaneSession {
  context: BrowserContext;
  page: Page;
  origin: string;
  /** Every request the page made, in order. */
  requests: RecordedRequest[];
  /** Requests to anything but the test server's origin (aborted). */
  foreign: RecordedRequest[];
  /** Uncaught page errors and console errors. */
  errors: string[];
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
  const foreign: RecordedRequest[] = [];
  const errors: string[] = [];

  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (isLocal(url, origin)) return route.continue();
    return route.abort('blockedbyclient');
  });
  const page = await context.newPage();
  page.on('request', (r) => {
    const rec = { url: r.url(), method: r.method(), resourceType: r.resourceType() };
    requests.push(rec);
    if (!isLocal(rec.url, origin)) foreign.push(rec);
  });
  page.on('websocket', (ws) => {
    const rec = { url: ws.url(), method: 'GET', resourceType: 'websocket' };
    requests.push(rec);
    if (!isLocal(ws.url().replace(/^ws/, 'http'), origin)) foreign.push(rec);
  });
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console.error: ${m.text()}`);
  });

  // Order matters: the config first, then the double + injector, both before any of the page's scripts.
  await page.addInitScript({ content: `window.__E2E_CONFIG__ = ${JSON.stringify(config)};` });
  await page.addInitScript({ content: hostScript });

  await page.goto(`${origin}${options.path ?? '/taskpane.html'}`, { waitUntil: 'load' });
  return {
    context,
    page,
    origin,
    requests,
    foreign,
    errors,
    close: () => context.close(),
  };
}
