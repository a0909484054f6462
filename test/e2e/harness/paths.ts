/**
 * Where the browser tests keep their build outputs. Must agree with test/e2e/build.mjs (which writes them)
 * and test/e2e/webpack.host.config.js.
 */
import * as path from 'path';

export const ROOT = path.resolve(__dirname, '..', '..', '..');
export const CACHE = process.env.E2E_CACHE_DIR ? path.resolve(process.env.E2E_CACHE_DIR) : path.join(ROOT, '.cache', 'e2e');
/** The production add-in, built with OFFICE_JS_URL=OFFICE_JS_PATH (never the project's own dist/). */
export const ADDIN_DIST = path.join(CACHE, 'dist');
/** The browser bundle of the Excel test double + injector (test/e2e/host/injector.ts). */
export const HOST_BUNDLE = path.join(CACHE, 'host', 'host.js');
export const CERT_DIR = path.join(CACHE, 'certs');
/** The local copy of office.js and the files it loads next to itself. */
export const OFFICE_JS_DIR = path.join(ROOT, 'node_modules', '@microsoft', 'office-js', 'dist');
/** Same-origin path the add-in is built to load office.js from (test/e2e/build.mjs passes it as OFFICE_JS_URL). */
export const OFFICE_JS_PATH = '/office-js/office.js';
/** Where the screenshots go: an ignored folder on every run; `npm run screenshots` points this at docs/screenshots. */
export const SCREENSHOT_DIR = process.env.E2E_SCREENSHOTS_DIR
  ? path.resolve(ROOT, process.env.E2E_SCREENSHOTS_DIR)
  : path.join(ROOT, 'test-output', 'screenshots');
export const CHROMIUM = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
