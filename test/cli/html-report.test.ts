/**
 * `check --format html -o report.html`, opened in Debian's headless Chromium (playwright-core): the
 * numbers shown match the JSON report, the page makes no network request, the charts are drawn, the
 * summary sorts and filters. Screenshots go to test-output/cli/ (ignored); UPDATE_SCREENSHOTS=1 also
 * writes the ones docs/cli.md shows (docs/screenshots/cli-report-*.png). Chromium is required in CI
 * (.ci/run sets JOBTARGET_REQUIRE_PRINT_TESTS); elsewhere, without it, the browser part says so and stops.
 */
import { existsSync, promises as fs } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { budgetPoints } from '../../src/cli/formatters/html';
import type { FileReport } from '../../src/cli/formatters/types';
import { run } from './run';

const ROOT = path.join(__dirname, '../..');
const FIXTURES = path.join(ROOT, 'test/fixtures');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const haveChromium = existsSync(CHROMIUM);
if (!haveChromium && process.env.JOBTARGET_REQUIRE_PRINT_TESTS) throw new Error(`Chromium is needed at ${CHROMIUM} (apt-get install -y chromium)`);
if (!haveChromium) console.warn('html-report: no Chromium — install chromium to run the browser part');

let tmp: string;
let json: { files: { file: string; summary: Record<string, number>; error: string | null; accepted: unknown[] }[]; summary: Record<string, number> };
let html: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), 'jt-html-'));
  const dir = path.join(tmp, '제출본');
  await fs.mkdir(dir);
  for (const f of ['example.xlsx', 'blank-2027.xlsx', 'drift-rows-deleted.xlsx', 'drift-subproject-added.xlsx', 'drift-text-numbers.xlsx']) await fs.copyFile(path.join(FIXTURES, f), path.join(dir, f));
  await fs.copyFile(path.join(FIXTURES, 'broken', 'truncated.xlsx'), path.join(dir, 'truncated.xlsx'));
  const j = await run(['check', '제출본', '--format', 'json'], { cwd: tmp });
  json = JSON.parse(j.out);
  const h = await run(['check', '제출본', '--format', 'html', '-o', 'report.html'], { cwd: tmp });
  expect(h.code).toBe(j.code);
  html = await fs.readFile(path.join(tmp, 'report.html'), 'utf8');
}, 120_000);
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe('the HTML report as a file', () => {
  it('is one self-contained page: the chart library inlined, no external reference', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect(html).toContain('Chart.js');
    expect(html).not.toMatch(/<(script|link|img)[^>]+(src|href)=["']?(https?:)?\/\//i);
    expect(html).toContain("default-src 'none'");
  });

  it('marks budget-per-target outliers by Tukey fences within a 전략분야', () => {
    const mk = (file: string, budget: number): FileReport & { facts: never } =>
      ({ file, plan: null, error: null, errorCode: null, sha256: null, ok: true, summary: { error: 0, warning: 0, info: 0 }, findings: [], facts: { indicators: [], areas: [{ name: 'A', target: 100, budget, budgetUnit: '백만원' }] } }) as never;
    const points = budgetPoints([mk('a', 100), mk('b', 110), mk('c', 105), mk('d', 95), mk('e', 900)]);
    expect(points.filter((p) => p.outlier).map((p) => p.file)).toEqual(['e']);
  });
});

(haveChromium ? describe : describe.skip)('the HTML report in Chromium', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { chromium } = require('playwright-core') as typeof import('playwright-core');
  let browser: import('playwright-core').Browser;
  let page: import('playwright-core').Page;
  const foreign: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'], timeout: 60_000 });
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, deviceScaleFactor: 1 });
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith('file:')) return route.continue();
      foreign.push(route.request().url());
      return route.abort();
    });
    page = await context.newPage();
    await page.goto(`file://${path.join(tmp, 'report.html')}`);
    await page.waitForFunction(() => (window as unknown as { Chart?: { instances: object } }).Chart !== undefined);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
  });

  it('shows every file with the JSON report\'s counts, and makes no network request', async () => {
    const rows = await page.$$eval('#summary tbody tr', (trs) => trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells).map((c) => c.textContent ?? '')));
    expect(rows).toHaveLength(json.files.length);
    for (const f of json.files) {
      const row = rows.find((r) => r[0] === f.file)!;
      expect(row).toBeDefined();
      expect([row[4], row[5], row[6]].map(Number)).toEqual([f.summary.error, f.summary.warning, f.summary.info]);
      expect(row[7] !== '').toBe(f.error !== null);
      expect(Number(row[8])).toBe(f.accepted.length);
    }
    const example = rows.find((r) => r[0].endsWith('example.xlsx'))!;
    expect(example.slice(1, 4)).toEqual(['인천광역시 서구', '8', '2023~2026']);
    expect(await page.textContent('#closing')).toContain(`오류 ${json.summary.error} · 경고 ${json.summary.warning} · 정보 ${json.summary.info}`);
    expect(foreign).toEqual([]);
  });

  it('draws the four charts', async () => {
    const charts = await page.evaluate(() => Object.values((window as unknown as { Chart: { instances: Record<string, { canvas: HTMLCanvasElement; data: { datasets: unknown[] } }> } }).Chart.instances).map((c) => ({ id: c.canvas.id, w: c.canvas.width, sets: c.data.datasets.length })));
    expect(charts.map((c) => c.id).sort()).toEqual(['chart-budget', 'chart-files', 'chart-indicators', 'chart-rules']);
    for (const c of charts) expect(c.w).toBeGreaterThan(100);
  });

  it('sorts by a column and filters by text', async () => {
    await page.click('#summary th:nth-child(5)');
    await page.click('#summary th:nth-child(5)');
    const errors = await page.$$eval('#summary tbody tr', (trs) => trs.map((tr) => Number((tr as HTMLTableRowElement).cells[4].textContent)));
    expect(errors).toEqual([...errors].sort((a, b) => b - a));
    await page.fill('#filter', 'blank');
    const visible = await page.$$eval('#summary tbody tr', (trs) => trs.filter((tr) => !(tr as HTMLElement).hidden).map((tr) => (tr as HTMLTableRowElement).cells[0].textContent));
    expect(visible).toEqual([path.join('제출본', 'blank-2027.xlsx')]);
    await page.fill('#filter', '');
  });

  it('lists each file\'s findings by table with cells and figures; screenshots', async () => {
    const ex = json.files.find((f) => f.file.endsWith('example.xlsx'))!;
    const index = json.files.indexOf(ex);
    const shown = await page.$$eval(`#file-${index} ~ table.findings tbody tr`, (trs) => trs.length);
    expect(shown).toBeGreaterThanOrEqual(ex.summary.error + ex.summary.warning + ex.summary.info);
    const out = path.join(ROOT, 'test-output', 'cli');
    await fs.mkdir(out, { recursive: true });
    const shots = [path.join(out, 'cli-report-summary.png'), path.join(out, 'cli-report-file.png')];
    await page.screenshot({ path: shots[0], fullPage: false });
    await page.locator(`#file-${index}`).scrollIntoViewIfNeeded();
    await page.evaluate((i) => document.getElementById(`file-${i}`)!.scrollIntoView(), index);
    await page.screenshot({ path: shots[1], fullPage: false });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(10_000);
    if (process.env.UPDATE_SCREENSHOTS) for (const s of shots) await fs.copyFile(s, path.join(ROOT, 'docs', 'screenshots', path.basename(s)));
  }, 60_000);

  it('the coloured text report, as a terminal shows it (screenshot for docs/cli.md)', async () => {
    const r = await run(['check', '--example', '--color']);
    expect(r.out).toContain('\u001b[31m');
    const SGR: Record<string, string> = { '1': 'font-weight:bold', '2': 'opacity:.65', '4': 'text-decoration:underline', '31': 'color:#ff6b6b', '32': 'color:#69db7c', '33': 'color:#ffd43b', '36': 'color:#66d9e8' };
    const escaped = r.out.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]!);
    const body = escaped.replace(/\u001b\[(\d+)m/g, (_, code: string) => (SGR[code] ? `<span style="${SGR[code]}">` : '</span>'));
    const page2 = await browser.newPage({ viewport: { width: 1060, height: 640 } });
    await page2.setContent(`<body style="margin:0;background:#1e1e1e"><pre style="margin:0;padding:12px;color:#e6e6e6;font:13px/1.35 'Noto Sans Mono CJK KR','D2Coding',monospace">${body}</pre></body>`);
    const shot = path.join(ROOT, 'test-output', 'cli', 'cli-text.png');
    await page2.screenshot({ path: shot });
    await page2.close();
    if (process.env.UPDATE_SCREENSHOTS) await fs.copyFile(shot, path.join(ROOT, 'docs', 'screenshots', 'cli-text.png'));
  }, 60_000);
});
