/**
 * The production add-in build, made here (into a temporary folder, with a real ADDIN_URL):
 * - every emitted script parses at the JavaScript version of the oldest supported webview (ES_TARGET
 *   in webpack.config.js: ES2020, Chromium 80+ / Safari 14+), so no newer syntax reaches users;
 * - the pages' inline scripts are ES5 and show the plain-HTML message in Trident/EdgeHTML;
 * - dist's manifest.xml is valid against Microsoft's schema and passes the other manifest checks.
 */
import { parse } from 'acorn';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'fs';
import { ALL_RULES } from '../../src/core/rules';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { stripRuleDocs } = require('../../scripts/webpack/strip-rule-docs.cjs') as { stripRuleDocs: (s: string) => { out: string; count: number } };
import { JSDOM } from 'jsdom';
import { tmpdir } from 'os';
import * as path from 'path';
import { manifestProblems, schemaErrors, xmllint, xmllintRequired } from '../manifest/check';

const ROOT = path.resolve(__dirname, '../..');
const ADDIN_URL = 'https://addins.example.go.kr/jobtarget';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const webpackConfig = require('../../webpack.config.js');
const ES_VERSION = Number(String(webpackConfig.ES_TARGET).replace(/^es/i, '')) as 2020;

let out = '';
// The manifest checks parse XML with the DOM's DOMParser; this suite runs in Node (webpack needs it).
(globalThis as unknown as { DOMParser: unknown }).DOMParser = new JSDOM('').window.DOMParser;

beforeAll(async () => {
  out = mkdtempSync(path.join(tmpdir(), 'jobtarget-addin-'));
  const prev = process.env.ADDIN_URL;
  process.env.ADDIN_URL = ADDIN_URL;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const webpack = require('webpack');
    const config = await webpackConfig({}, { mode: 'production' });
    config.output.path = out;
    config.devtool = false;
    config.stats = 'errors-only';
    await new Promise<void>((resolve, reject) =>
      webpack(config, (err: Error | null, stats: { hasErrors(): boolean; toString(o: unknown): string }) => {
        if (err) reject(err);
        else if (stats.hasErrors()) reject(new Error(stats.toString({ all: false, errors: true })));
        else resolve();
      }),
    );
  } finally {
    if (prev === undefined) delete process.env.ADDIN_URL;
    else process.env.ADDIN_URL = prev;
  }
}, 300_000);

afterAll(() => {
  if (out) rmSync(out, { recursive: true, force: true });
});

function scripts(): string[] {
  return readdirSync(out).filter((f) => f.endsWith('.js'));
}

function parsesAt(src: string, ecmaVersion: number): string | null {
  try {
    parse(src, { ecmaVersion: ecmaVersion as 2020, sourceType: 'script' });
    return null;
  } catch (e) {
    const pos = (e as { pos?: number }).pos ?? 0;
    return `${(e as Error).message} near ${JSON.stringify(src.slice(Math.max(0, pos - 50), pos + 30))}`;
  }
}

test(`every emitted script parses as ES${ES_VERSION}`, () => {
  const files = scripts();
  expect(files.some((f) => f.startsWith('taskpane'))).toBe(true);
  expect(files.some((f) => f.startsWith('vendor'))).toBe(true);
  expect(files.some((f) => f.startsWith('commands'))).toBe(true);
  for (const f of files) expect({ f, error: parsesAt(readFileSync(path.join(out, f), 'utf8'), ES_VERSION) }).toEqual({ f, error: null });
});

test("rules' long docs are not shipped to the add-in; their messages and descriptions are", () => {
  const js = readdirSync(out)
    .filter((f) => f.endsWith('.js'))
    .map((f) => readFileSync(path.join(out, f), 'utf8'))
    .join('\n');
  const rule = ALL_RULES.find((r) => r.meta.id === 'area-total')!;
  // A phrase of each text, as the bundle stores it (minified strings keep their characters).
  expect(js).not.toContain(rule.meta.docs.en.slice(0, 60));
  expect(js).not.toContain(rule.meta.docs.ko.slice(0, 30));
  expect(js).toContain(rule.meta.description.en);
  expect(js).toContain(rule.meta.messages.noBudgetRow.en.slice(0, 40));
});

test('the docs stripper finds the docs block of every rule (the loader fails the build otherwise)', () => {
  for (const r of ALL_RULES) {
    const { out: stripped, count } = stripRuleDocs(`const meta = { id: 'x', docs: ${JSON.stringify({ ko: r.meta.docs.ko, en: r.meta.docs.en }).replace(/"ko":/, 'ko: ').replace(/,"en":/, ', en: ')}, messages: {} };`);
    expect({ id: r.meta.id, count }).toEqual({ id: r.meta.id, count: 1 });
    expect(stripped).not.toContain(r.meta.docs.en);
  }
});

test('the parse check can fail: newer syntax (a class static block, ES2022) is refused', () => {
  expect(parsesAt('class A { static { this.x = 1; } }', ES_VERSION)).toMatch(/Unexpected/);
  expect(parsesAt('var a = b?.c;', 2017)).toMatch(/Unexpected/);
});

describe('old webviews get a plain message, not a pane stuck on "connecting"', () => {
  const inline = () => {
    const html = readFileSync(path.join(out, 'taskpane.html'), 'utf8');
    return { html, scripts: [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]) };
  };
  test('the inline scripts are ES5 (Trident runs them): the pane, the ribbon command and its report page', () => {
    const { scripts: list } = inline();
    expect(list.length).toBe(1);
    expect(parsesAt(list[0], 5)).toBeNull();
    for (const page of ['commands.html', 'quickcheck.html']) {
      const html = readFileSync(path.join(out, page), 'utf8');
      const found = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
      expect(found.length).toBe(1);
      expect({ page, error: parsesAt(found[0], 5) }).toEqual({ page, error: null });
    }
  });
  test.each([
    ['Trident (Internet Explorer 11)', 'Mozilla/5.0 (Windows NT 10.0; WOW64; Trident/7.0; .NET4.0C; rv:11.0) like Gecko', true],
    ['EdgeHTML (Edge Legacy)', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/70.0.3538.102 Safari/537.36 Edge/18.19045', true],
    ['WebView2 (Edge Chromium)', 'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.0.0', false],
    ['Safari WKWebView (Mac)', 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko)', false],
  ])('%s', (_name, userAgent, old) => {
    const { html } = inline();
    const dom = new JSDOM(html.replace(/<script [^>]*src=[^>]*><\/script>/g, ''), {
      runScripts: 'dangerously',
      beforeParse: (w) => Object.defineProperty(w.navigator, 'userAgent', { get: () => userAgent }),
    });
    const d = dom.window.document;
    expect(d.getElementById('old-webview')!.style.display).toBe(old ? 'block' : 'none');
    expect(d.getElementById('root')!.style.display).toBe(old ? 'none' : '');
    dom.window.close();
  });
});

describe("dist/manifest.xml (the build's copy)", () => {
  const fileOf = (url: string) => (url.startsWith(`${ADDIN_URL}/`) ? path.join(out, url.slice(ADDIN_URL.length + 1)) : null);
  test('points every URL at ADDIN_URL and passes the checks the schema cannot make', () => {
    const xml = readFileSync(path.join(out, 'manifest.xml'), 'utf8');
    expect(xml).not.toContain('localhost');
    expect(manifestProblems(xml, fileOf)).toEqual([]);
  });
  test('is valid against the add-in manifest schema (xmllint --schema)', () => {
    const lint = xmllint();
    if (!lint) {
      if (xmllintRequired()) throw new Error('xmllint is required here (JOBTARGET_REQUIRE_XMLLINT=1) but not installed');
      console.warn('\n*** xmllint NOT INSTALLED: dist/manifest.xml was NOT validated against the schema. CI installs it. ***\n');
      return;
    }
    expect(schemaErrors(path.join(out, 'manifest.xml'), lint)).toBe('');
  });
});
