/**
 * The written workbooks printed for real: LibreOffice converts the template, the example and the 세종
 * results example to PDF, and every page is checked for its footer, its header and whole tables.
 * LibreOffice is installed by .ci/run (libreoffice-calc-nogui, poppler-utils); where it is missing
 * outside CI these tests say so and do nothing, in CI (.ci/run sets JOBTARGET_REQUIRE_PRINT_TESTS) they fail.
 */
import { execFileSync, spawnSync } from 'child_process';
import { strFromU8, unzipSync } from 'fflate';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import * as os from 'os';
import * as path from 'path';
import { renderedToBuffer } from '../../../src/adapters/xlsx/write';
import { run } from '../../cli/run';
import { zipParts } from '../../support/ooxml';
import { EXAMPLES } from '../../../src/core/examples';
import { blankDraft } from '../../../src/core/template/blank';
import { renderWorkbook, type RenderedWorkbook } from '../../../src/core/template/render';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const available = has('soffice') && has('pdftotext') && has('pdfinfo');
if (!available && process.env.JOBTARGET_REQUIRE_PRINT_TESTS) throw new Error('LibreOffice (soffice) and poppler-utils (pdftotext, pdfinfo) are needed: apt-get install -y libreoffice-calc-nogui poppler-utils');
const maybe = available ? describe : describe.skip;
if (!available) console.warn('print-pdf: soffice/pdftotext not found — install libreoffice-calc-nogui and poppler-utils to run the print tests');

let tmp: string;
/** Rows an official adds below a sheet's last table. */
const ADDED: [sheet: string, text: string][] = [
  ['실천과제', '⑥ 추가한 실천과제'],
  ['분야별 목표', '전략분야 6 추가'],
];
const books: Record<string, RenderedWorkbook> = {
  template: renderWorkbook(blankDraft(), { formulas: true }),
  example: renderWorkbook(EXAMPLES['incheon-seogu-2023'].draft, { formulas: false }),
  sejong: renderWorkbook(EXAMPLES['sejong-2024'].draft, { formulas: false }),
};

function pages(name: string): string[] {
  const pdf = path.join(tmp, `${name}.pdf`);
  const n = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }))![1]);
  return Array.from({ length: n }, (_, i) => execFileSync('pdftotext', ['-layout', '-f', String(i + 1), '-l', String(i + 1), pdf, '-'], { encoding: 'utf8' }));
}

maybe('printed with LibreOffice', () => {
  beforeAll(async () => {
    tmp = mkdtempSync(path.join(os.tmpdir(), 'jt-print-'));
    const files: string[] = [];
    for (const [name, wb] of Object.entries(books)) {
      const file = path.join(tmp, `${name}.xlsx`);
      writeFileSync(file, await renderedToBuffer(wb));
      files.push(file);
    }
    // The template as an official extends it: a 실천과제 table and a 전략분야 typed below the last ones
    // (a row added to the written sheet's XML, as Excel saves a typed cell).
    const parts: Record<string, string | Uint8Array> = unzipSync(await renderedToBuffer(books.template));
    for (const [sheet, text] of ADDED) {
      const i = books.template.sheets.findIndex((s) => s.name === sheet);
      const part = `xl/worksheets/sheet${i + 1}.xml`;
      const row = books.template.sheets[i].lastRow + 4;
      const cell = `<row r="${row}"><c r="A${row}" t="inlineStr"><is><t>${text}</t></is></c></row>`;
      parts[part] = strFromU8(parts[part] as Uint8Array).replace('</sheetData>', `${cell}</sheetData>`);
    }
    const addedFile = path.join(tmp, 'added.xlsx');
    writeFileSync(addedFile, zipParts(parts));
    files.push(addedFile);
    // An annotated copy of a plan with many findings: its 검증결과 sheet runs over several pages.
    const ann = path.join(tmp, 'annotated');
    await run(['check', path.join(__dirname, '../../fixtures/drift-text-numbers.xlsx'), '--annotate', ann]);
    const copy = path.join(ann, 'drift-text-numbers.검증.xlsx');
    files.push(copy);
    // A profile of its own, so a LibreOffice already running elsewhere does not take the job.
    execFileSync('soffice', [`-env:UserInstallation=file://${path.join(tmp, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', tmp, ...files], { stdio: 'pipe', timeout: 170_000 });
  }, 180_000);
  afterAll(() => tmp && rmSync(tmp, { recursive: true, force: true }));

  it.each(Object.keys(books))('%s: every page has its "n / N" footer and the plan or sheet in its header', (name) => {
    const ps = pages(name);
    expect(ps.length).toBeGreaterThan(0);
    ps.forEach((text, i) => {
      expect(text.replace(/\s+/g, '')).toContain(`${i + 1}/${ps.length}`);
    });
    const title = books[name].sheets[0].print!.header.left;
    if (title) for (const text of ps) expect(text.replace(/\s+/g, '')).toContain(title.replace(/\s+/g, '').slice(0, 12));
  });

  it.each(['template', 'example'])('%s: pages are exactly the planned ones (no table cut by an unplanned break), and each starts a table', (name) => {
    const wb = books[name];
    const planned = wb.sheets.reduce((n, s) => n + s.print!.rowBreaks.length + 1, 0);
    const ps = pages(name);
    expect(ps.length).toBe(planned);
    // Every page of the 실천과제 sheet shows a table header with the rows it prints.
    for (const text of ps.filter((t) => /세부사업명/.test(t) || /[①-⑳]/.test(t))) {
      expect(text).toMatch(/세부사업명/);
      expect(text).toMatch(/[①-⑳]/);
    }
  });

  it('template: tables and rows added below the last ones are printed too (no print area ending at the template’s last row)', () => {
    const text = pages('added').join('\n').replace(/\s+/g, '');
    for (const [, added] of ADDED) expect(text).toContain(added.replace(/\s+/g, ''));
  });

  it('annotated copy: the 검증결과 sheet is landscape, its header row repeated on every page, n / N below', () => {
    const ps = pages('drift-text-numbers.검증');
    // The 검증결과 sheet is the first tab: its pages come first, each naming the sheet in its header.
    const count = ps.findIndex((t) => !t.replace(/\s+/g, '').includes('검증결과'));
    expect(count).toBeGreaterThan(1);
    ps.slice(0, count).forEach((text, i) => {
      const flat = text.replace(/\s+/g, '');
      for (const h of ['심각도', '규칙', '기대값', '실제값', '메시지']) expect(flat).toContain(h);
      expect(flat).toContain(`${i + 1}/${ps.length}`);
    });
    // LibreOffice computes every link (no error value) and shows the figures formatted: thousands
    // separators, signed differences (+4, △1), tolerances with ± (the number formats of resultsSheet()).
    const sheet = ps.slice(0, count).join('\n');
    expect(sheet).not.toMatch(/Err:\d+|#NAME\?|#VALUE!|#REF!/);
    // (the columns 기대값 실제값 차이 허용오차 side by side: "4,193  4,197  +4  ±1.5", "997  996  △1  ±1.5";
    // the messages' own figures are never in this sequence)
    const figures = (diff: string) => new RegExp(`\\s[\\d,]+\\s+[\\d,]+\\s+${diff}\\d+\\s+±1\\.5\\s`);
    expect(sheet).toMatch(figures('\\+'));
    expect(sheet).toMatch(figures('△'));
    expect(sheet).toMatch(/\s\d{1,3}(,\d{3})+\s+\d{1,3}(,\d{3})+\s+[+△]\d/);
  });

  it('sejong: the 성과 table is landscape and its header row is repeated on every page', () => {
    const ps = pages('sejong');
    const sheet = books.sejong.sheets.find((s) => s.print!.orientation === 'landscape')!;
    const headerRow = Number(sheet.printTitleRows!.split(':')[0]) - 1;
    const header = sheet.cells.filter((c) => c.row === headerRow && typeof c.value === 'string').map((c) => String(c.value).replace(/\s+/g, ''));
    expect(header.length).toBeGreaterThan(3);
    expect(books.sejong.sheets).toHaveLength(1);
    expect(ps.length).toBeGreaterThan(1);
    for (const text of ps) for (const h of header.slice(0, 4)) expect(text.replace(/\s+/g, '')).toContain(h);
  });
});
