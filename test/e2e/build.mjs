/**
 * Builds what the browser tests serve, skipping a build whose inputs have not changed:
 *  - the production add-in: `npm run build:addin` with OFFICE_JS_URL=/office-js/office.js (same origin, so it
 *    works on any port) into .cache/e2e/dist — never into the project's dist/, which must keep the CDN URL;
 *  - the scripted Excel host: test/e2e/webpack.host.config.js → .cache/e2e/host/host.js.
 * Freshness: a SHA-256 over the inputs' paths and contents (plus OFFICE_JS_URL) stored next to each output.
 * E2E_REBUILD=1 forces both builds.
 */
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, promises as fs, readFileSync, readdirSync, statSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const CACHE = process.env.E2E_CACHE_DIR || join(ROOT, '.cache', 'e2e');
export const ADDIN_DIST = join(CACHE, 'dist');
export const HOST_DIR = join(CACHE, 'host');
export const HOST_BUNDLE = join(HOST_DIR, 'host.js');
/** Keep in sync with OFFICE_JS_PATH in test/e2e/harness/paths.ts. */
export const OFFICE_JS_PATH = '/office-js/office.js';

const ADDIN_INPUTS = ['src', 'assets', 'manifest.xml', 'webpack.config.js', 'tsconfig.json', 'package-lock.json'];
const HOST_INPUTS = ['test/office-double', 'test/e2e/host', 'test/e2e/webpack.host.config.js', 'tsconfig.json', 'package-lock.json'];

async function listFiles(p) {
  const abs = join(ROOT, p);
  if (!existsSync(abs)) return [];
  if (!statSync(abs).isDirectory()) return [abs];
  const out = [];
  for (const e of await fs.readdir(abs, { withFileTypes: true })) {
    if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
    out.push(...(await listFiles(join(p, e.name))));
  }
  return out;
}

export async function inputsHash(inputs, extra = '') {
  const h = createHash('sha256');
  h.update(extra);
  const files = (await Promise.all(inputs.map(listFiles))).flat().sort();
  for (const f of files) {
    h.update(relative(ROOT, f).split(sep).join('/'));
    h.update('\0');
    h.update(readFileSync(f));
    h.update('\0');
  }
  return h.digest('hex');
}

function run(cmd, args, { env, log }) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    const chunks = [];
    child.stdout.on('data', (d) => chunks.push(d));
    child.stderr.on('data', (d) => chunks.push(d));
    child.on('close', async (code) => {
      const text = Buffer.concat(chunks).toString('utf8');
      await fs.mkdir(dirname(log), { recursive: true });
      await fs.writeFile(log, text);
      resolve({ code: code ?? 1, text });
    });
  });
}

async function buildIfStale({ name, inputs, extra, outDir, check, cmd, args, env }) {
  const stamp = join(outDir, '.e2e-inputs');
  const hash = await inputsHash(inputs, extra);
  const fresh =
    process.env.E2E_REBUILD !== '1' && existsSync(check) && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === hash;
  if (fresh) {
    console.log(`e2e: ${name} is up to date (${relative(ROOT, outDir)})`);
    return { built: false, ms: 0 };
  }
  const t0 = Date.now();
  console.log(`e2e: building ${name} → ${relative(ROOT, outDir)} …`);
  const log = join(CACHE, `build-${name}.log`);
  const r = await run(cmd, args, { env, log });
  if (r.code !== 0 || !existsSync(check)) {
    const tail = r.text.trim().split('\n').slice(-40).join('\n');
    throw new Error(`building ${name} failed (exit ${r.code}); full log: ${relative(ROOT, log)}\n${tail}`);
  }
  await fs.writeFile(stamp, hash + '\n');
  const ms = Date.now() - t0;
  console.log(`e2e: built ${name} in ${(ms / 1000).toFixed(1)} s`);
  return { built: true, ms };
}

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

/** The production add-in with office.js from the test server's own origin. */
export function buildAddin() {
  return buildIfStale({
    name: 'addin',
    inputs: ADDIN_INPUTS,
    extra: `OFFICE_JS_URL=${OFFICE_JS_PATH}`,
    outDir: ADDIN_DIST,
    check: join(ADDIN_DIST, 'taskpane.html'),
    cmd: npm,
    // --output-path keeps the project's dist/ (CDN office.js) untouched; everything else is build:addin as is.
    args: ['run', 'build:addin', '--', '--output-path', ADDIN_DIST],
    env: { OFFICE_JS_URL: OFFICE_JS_PATH },
  });
}

/** The test double + injector as one browser script. */
export function buildHost() {
  return buildIfStale({
    name: 'host',
    inputs: HOST_INPUTS,
    extra: '',
    outDir: HOST_DIR,
    check: HOST_BUNDLE,
    cmd: process.execPath,
    args: [join(ROOT, 'node_modules', 'webpack', 'bin', 'webpack.js'), '--config', join(ROOT, 'test', 'e2e', 'webpack.host.config.js')],
    env: {},
  });
}

/** The task pane's scripts may weigh at most this much, gzipped, all together (issue #12): what it loads to open. */
export const BUNDLE_BUDGET_BYTES = 230 * 1024;
/** A chunk the pane loads later, on a user action (the 한글 export), may weigh at most this much, gzipped. */
export const LAZY_CHUNK_BUDGET_BYTES = 64 * 1024;

/** Script file names an HTML page of the build loads. */
function pageScripts(dir, page) {
  const html = readFileSync(join(dir, page), 'utf8');
  return new Set([...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1].split('/').pop()));
}

/**
 * The task pane's scripts and their gzipped sizes: `initial` is what taskpane.html loads to open the pane
 * (counted against the budget, `total` in bytes); `lazy` are chunks it loads on a user action. The ribbon
 * command's own entry (only commands.html loads it) is neither.
 */
export function bundleSizes(dir = ADDIN_DIST) {
  const pane = pageScripts(dir, 'taskpane.html');
  const commandsOnly = [...pageScripts(dir, 'commands.html')].filter((f) => !pane.has(f));
  const all = readdirSync(dir)
    .filter((f) => f.endsWith('.js') && !commandsOnly.includes(f))
    .map((f) => ({ file: f, gzip: gzipSync(readFileSync(join(dir, f)), { level: 9 }).length }));
  const initial = all.filter((f) => pane.has(f.file));
  const lazy = all.filter((f) => !pane.has(f.file));
  return { files: initial, lazy, total: initial.reduce((n, f) => n + f.gzip, 0) };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** Fails when the pane's scripts exceed the budget (or a lazy chunk its own); returns the sizes. */
export function checkBundleBudget(dir = ADDIN_DIST) {
  const sizes = bundleSizes(dir);
  if (sizes.total > BUNDLE_BUDGET_BYTES) {
    const list = sizes.files.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ');
    throw new Error(`task-pane scripts are ${kb(sizes.total)} gzipped, over the ${BUNDLE_BUDGET_BYTES / 1024} KB budget (${list})`);
  }
  const big = sizes.lazy.filter((f) => f.gzip > LAZY_CHUNK_BUDGET_BYTES);
  if (big.length) throw new Error(`chunks loaded on demand over ${LAZY_CHUNK_BUDGET_BYTES / 1024} KB gzipped: ${big.map((f) => `${f.file} ${kb(f.gzip)}`).join(', ')}`);
  return sizes;
}

/** Sanity check of the add-in build: its pages load office.js from the test server, not a CDN; the scripts fit the budget. */
export function checkAddinBuild() {
  checkBundleBudget();
  for (const page of ['taskpane.html', 'commands.html']) {
    const html = readFileSync(join(ADDIN_DIST, page), 'utf8');
    const srcs = [...html.matchAll(/<script[^>]*\ssrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    if (!srcs.includes(OFFICE_JS_PATH)) throw new Error(`${page} does not load office.js from ${OFFICE_JS_PATH}: ${srcs.join(', ')}`);
    const foreign = srcs.filter((s) => /^(https?:)?\/\//.test(s));
    if (foreign.length) throw new Error(`${page} loads scripts from other hosts: ${foreign.join(', ')}`);
  }
}
