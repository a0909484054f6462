#!/usr/bin/env node
/**
 * npm run test:e2e — the task pane in headless Chromium against the scripted Excel host.
 *
 *   1. build the production add-in with office.js from the test server (skipped when its inputs are unchanged)
 *      and the browser bundle of the Excel test double (test/e2e/build.mjs);
 *   2. run the browser tests with jest (test/e2e/jest.e2e.config.js: https server in global setup, Chromium per
 *      file, files in band);
 *   3. print "N passed, N failed" as the last line; exit non-zero on any failure (build failures included).
 *
 * Extra arguments go to jest: npm run test:e2e -- -t 지우기
 * Env: E2E_REBUILD=1 forces the builds; E2E_CHROMIUM=/path/to/chromium (default /usr/bin/chromium);
 *      E2E_SCREENSHOTS_DIR (default test-output/screenshots, ignored by git; `npm run screenshots` writes the
 *      committed pictures in docs/screenshots).
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, ROOT, buildAddin, buildHost, checkAddinBuild } from './build.mjs';

const t0 = Date.now();
const seconds = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;

function finish(passed, failed, note) {
  if (note) console.log(note);
  console.log(`e2e: finished in ${seconds()}`);
  console.log(`${passed} passed, ${failed} failed`);
  process.exit(failed > 0 || passed === 0 ? 1 : 0);
}

const chromium = process.env.E2E_CHROMIUM || '/usr/bin/chromium';
if (!existsSync(chromium)) {
  finish(0, 1, `e2e: no Chromium at ${chromium}. Install Debian's: apt-get install -y chromium fonts-noto-cjk`);
}

try {
  // Sequential on purpose: both are webpack runs and CI has 2 cores.
  await buildHost();
  await buildAddin();
  checkAddinBuild();
} catch (e) {
  finish(0, 1, `e2e: ${e instanceof Error ? e.message : String(e)}`);
}

const report = join(CACHE, 'jest-e2e.json');
rmSync(report, { force: true });
const jestBin = join(ROOT, 'node_modules', 'jest', 'bin', 'jest.js');
const args = [jestBin, '-c', join(ROOT, 'test', 'e2e', 'jest.e2e.config.js'), '--runInBand', '--json', '--outputFile', report, ...process.argv.slice(2)];
const code = await new Promise((resolve) => {
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: 'inherit', env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' } });
  child.on('close', (c) => resolve(c ?? 1));
});

let passed = 0;
let failed = 0;
try {
  const r = JSON.parse(readFileSync(report, 'utf8'));
  passed = r.numPassedTests;
  failed = r.numFailedTests;
  // A file that fails before any test runs (syntax error, global setup) counts as one failure.
  failed += r.testResults.filter((f) => f.status === 'failed' && !f.assertionResults.some((a) => a.status === 'failed')).length;
} catch {
  failed = 1;
}
if (code !== 0 && failed === 0) failed = 1;
finish(passed, failed);
