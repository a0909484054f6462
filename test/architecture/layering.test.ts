/** src/core stays pure: the layering lint over the real core, and over synthetic files that break it. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { checkLayering } from '../support/layering';

const CORE = path.join(__dirname, '..', '..', 'src', 'core');

test('src/core imports nothing from adapters, the pane, the CLI, packages or Node, and uses no DOM/Office/Node global', () => {
  const violations = checkLayering(CORE);
  expect(violations.map((v) => `${v.file}:${v.line} ${v.what} — ${v.why}`)).toEqual([]);
  // The lint looked at the real core (not an empty folder).
  expect(fs.readdirSync(CORE)).toContain('present');
});

describe('the lint fails on a core file that breaks the layering', () => {
  let tmp: string;
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'layering-'));
    fs.mkdirSync(path.join(tmp, 'src', 'core', 'rules'), { recursive: true });
    fs.mkdirSync(path.join(tmp, 'src', 'adapters', 'office'), { recursive: true });
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const core = () => path.join(tmp, 'src', 'core');
  const write = (rel: string, text: string) => fs.writeFileSync(path.join(core(), rel), text);

  test('imports of an adapter, the pane, the CLI, Node and a package; dynamic and type imports too', () => {
    write(
      'rules/bad.ts',
      [
        "import { MARKS_SHEET } from '../../adapters/office/api';",
        "import * as fs from 'fs';",
        "import { join } from 'node:path';",
        "import ExcelJS from 'exceljs';",
        "export { App } from '../../taskpane/App';",
        "export type Io = import('../../cli/io').CliIo;",
        "export const later = () => import('../../cli/check');",
        "const zlib = require('zlib');",
      ].join('\n'),
    );
    const v = checkLayering(core());
    expect(v.map((x) => [x.file, x.line, x.what])).toEqual([
      [path.join('rules', 'bad.ts'), 1, '../../adapters/office/api'],
      [path.join('rules', 'bad.ts'), 2, 'fs'],
      [path.join('rules', 'bad.ts'), 3, 'node:path'],
      [path.join('rules', 'bad.ts'), 4, 'exceljs'],
      [path.join('rules', 'bad.ts'), 5, '../../taskpane/App'],
      [path.join('rules', 'bad.ts'), 6, '../../cli/io'],
      [path.join('rules', 'bad.ts'), 7, '../../cli/check'],
      [path.join('rules', 'bad.ts'), 8, 'zlib'],
    ]);
    expect(v[0].why).toMatch(/outside src\/core \(.*adapters/);
    expect(v[1].why).toBe('a Node built-in');
    expect(v[3].why).toMatch(/a package/);
  });

  test('DOM, Office.js and Node globals', () => {
    write('dom.ts', ['export const w = window.innerWidth;', 'export function f(r: Excel.Range) { return document.title + process.env.X + r; }', 'export const b = Buffer.from("x");'].join('\n'));
    expect(checkLayering(core()).map((x) => [x.line, x.what])).toEqual([
      [1, 'window'],
      [2, 'Excel'],
      [2, 'document'],
      [2, 'process'],
      [3, 'Buffer'],
    ]);
  });

  test('imports inside the core, names that only look like globals, and comments pass', () => {
    write('ok.ts', [
      "import { a1 } from './grid/a1';",
      "// import fs from 'fs' — a comment is not an import",
      "const s = \"import x from '../adapters/y'\";",
      'export const o = { document: 1, process: (x: { window: number }) => x.window };',
      'export const k = o.document + a1(0, 0) + s;',
    ].join('\n'));
    expect(checkLayering(core())).toEqual([]);
  });
});
