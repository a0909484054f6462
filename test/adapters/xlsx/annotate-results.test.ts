/**
 * The annotated copy's 검증결과 sheet is exactly resultsSheet() (src/core/present/sheet.ts): every cell's
 * value, link, fill, font, number format and wrapping, the widths, filters, frozen header and print
 * setup — read back with exceljs, an independent reader. And the notes on flagged cells are boxes big
 * enough for their text.
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { promises as fs } from 'fs';
import * as path from 'path';
import { annotatePackage } from '../../../src/adapters/xlsx/annotate';
import { readXlsxBuffer } from '../../../src/adapters/xlsx/read';
import { HEADER_FILL, LINK_COLOUR, RESULTS_SHEET, linkFormula, resultsSheet, type SheetCellSpec } from '../../../src/core/present';
import type { Finding, Lang } from '../../../src/core/rules/types';
import { sortFindings, validateGrid } from '../../../src/core/validate';

const FIXTURES = path.join(__dirname, '../../fixtures');
const CHECKED_AT = new Date('2026-12-01T09:30:00Z');

interface Case {
  fixture: string;
  lang: Lang;
}
const CASES: Case[] = [
  { fixture: 'example.xlsx', lang: 'ko' },
  { fixture: 'drift-text-numbers.xlsx', lang: 'ko' },
  { fixture: 'example.xlsx', lang: 'en' },
];

async function annotated(fixture: string, lang: Lang, edit?: (f: Finding[]) => Finding[]) {
  const bytes = await fs.readFile(path.join(FIXTURES, fixture));
  const read = await readXlsxBuffer(bytes, fixture);
  let findings = validateGrid(read.grid).findings;
  if (edit) findings = edit(findings);
  const facts = { file: `제출/${fixture}`, sha256: read.sha256 ?? undefined, checkedAt: CHECKED_AT };
  const out = annotatePackage(bytes, findings, { lang, ...facts }).bytes;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(out) as unknown as ExcelJS.Buffer);
  const sheets = read.grid.sheets.map((s) => s.name);
  return { out, wb, findings, sheets, spec: resultsSheet(sortFindings([...findings], sheets), lang, facts) };
}

/** One string constant or several joined with &, each at most 255 characters (Excel's limit). */
const STRING = /^"(?:[^"]|"")*"(?:&"(?:[^"]|"")*")*$/;
function constants(expr: string): string[] {
  expect(expr).toMatch(STRING);
  const parts = [...expr.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"'));
  for (const p of parts) expect(Array.from(p).length).toBeLessThanOrEqual(255);
  return parts;
}

/** HYPERLINK(target, text) → its target and text, checking that the formula is well-formed. */
function parseLink(formula: string): { sheet: string; cell: string; text: string } {
  const m = /^HYPERLINK\(("(?:[^"]|"")*"(?:&"(?:[^"]|"")*")*),("(?:[^"]|"")*"(?:&"(?:[^"]|"")*")*)\)$/.exec(formula);
  expect({ formula, wellFormed: m !== null }).toEqual({ formula, wellFormed: true });
  const target = constants(m![1]).join('');
  const t = /^#'((?:[^']|'')+)'!([A-Z]{1,3}[1-9]\d*)$/.exec(target);
  expect({ target, ok: t !== null }).toEqual({ target, ok: true });
  return { sheet: t![1].replace(/''/g, "'"), cell: t![2], text: constants(m![2]).join('') };
}

describe.each(CASES)('the annotated copy of $fixture ($lang): 검증결과 = resultsSheet()', ({ fixture, lang }) => {
  let ctx: Awaited<ReturnType<typeof annotated>>;
  let ws: ExcelJS.Worksheet;
  beforeAll(async () => {
    ctx = await annotated(fixture, lang);
    ws = ctx.wb.getWorksheet(RESULTS_SHEET)!;
  });

  it('the fixture has findings with figures, links and several sheets', () => {
    expect(ctx.findings.length).toBeGreaterThan(10);
    expect(ctx.spec.rows.flat().filter((c) => c?.numberFormat).length).toBeGreaterThan(10);
    expect(ctx.spec.rows.flat().filter((c) => c?.link).length).toBeGreaterThan(10);
  });

  it('every cell: value, link, fill, font, number format, wrapping', () => {
    const width = ctx.spec.columns.length;
    expect(ws.rowCount).toBe(ctx.spec.rows.length);
    ctx.spec.rows.forEach((row, r) => {
      for (let c = 0; c < width; c++) {
        const want: SheetCellSpec | null = row[c] ?? null;
        const got = ws.getCell(r + 1, c + 1);
        const where = `${RESULTS_SHEET}!${got.address}`;
        if (!want || want.value === null) {
          expect({ where, value: got.value }).toEqual({ where, value: null });
          continue;
        }
        if (want.link) {
          const v = got.value as ExcelJS.CellFormulaValue;
          expect({ where, result: v.result }).toEqual({ where, result: want.value });
          expect({ where, formula: v.formula }).toEqual({ where, formula: linkFormula(want.link.sheet, want.link.cell, String(want.value)) });
          const link = parseLink(v.formula);
          expect(ctx.sheets).toContain(link.sheet);
          expect(link.text).toBe(want.value);
          expect(got.font?.color?.argb).toBe(`FF${LINK_COLOUR}`);
          expect(got.font?.underline).toBeTruthy();
        } else {
          // Text is never a formula: an inline string, read back as the text itself.
          expect({ where, value: got.value }).toEqual({ where, value: want.value });
        }
        expect({ where, fill: (got.fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb }).toEqual({ where, fill: want.fill ? `FF${want.fill}` : undefined });
        expect({ where, numFmt: got.numFmt ?? null }).toEqual({ where, numFmt: want.numberFormat ?? null });
        expect({ where, wrap: !!got.alignment?.wrapText }).toEqual({ where, wrap: !!want.wrap || want.style === 'header' });
        expect({ where, bold: !!got.font?.bold }).toEqual({ where, bold: ['title', 'label', 'header'].includes(want.style) });
        if (want.style === 'title') expect(got.font?.size).toBe(14);
      }
    });
    expect(ws.getCell(ctx.spec.headerRow + 1, 1).fill).toMatchObject({ fgColor: { argb: `FF${HEADER_FILL}` } });
  });

  it('figures are shown formatted: thousands separators, their decimals', () => {
    const formatted = ctx.spec.rows.flat().filter((c) => c?.numberFormat && typeof c.value === 'number' && Math.abs(c.value) >= 1000);
    expect(formatted.length).toBeGreaterThan(0);
    for (const c of formatted) expect(c!.numberFormat).toMatch(/#,##0/);
  });

  it('widths, filters on the header row, frozen header, printing set up', () => {
    ctx.spec.columns.forEach((c, i) => expect(ws.getColumn(i + 1).width).toBe(c.width));
    const h = ctx.spec.headerRow + 1;
    const lastCol = String.fromCharCode(64 + ctx.spec.columns.length);
    expect(ws.autoFilter).toBe(`A${h}:${lastCol}${h + ctx.findings.length}`);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: h });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0, printTitlesRow: `${h}:${h}` });
    expect(ws.headerFooter.oddFooter).toBe('&C&P / &N');
    // Rows with wrapped text are as tall as their lines.
    const tall = ctx.spec.rows.map((row, r) => ({ r, long: row.some((c) => c?.wrap && typeof c.value === 'string' && c.value.length > 60) })).filter((x) => x.long);
    expect(tall.length).toBeGreaterThan(0);
    for (const { r } of tall) expect(ws.getRow(r + 1).height).toBeGreaterThan(16.5 * 1.5);
    // Its number formats are in the styles part, numbered from 164 (the first custom id).
    const styles = strFromU8(unzipSync(ctx.out)['xl/styles.xml']);
    const ids = [...styles.matchAll(/<numFmt numFmtId="(\d+)" formatCode="([^"]*)"\/>/g)];
    expect(ids.length).toBeGreaterThan(0);
    for (const [, id] of ids) expect(Number(id)).toBeGreaterThanOrEqual(164);
  });
});

describe('notes on flagged cells', () => {
  /** Points a 9 pt note needs for `text`: a Hangul syllable (or other wide character) ~9 pt, others ~5 pt, lines 12 pt. */
  const area = (text: string) => [...text].reduce((w, ch) => w + (/[\u1100-\u11ff\u3000-\u9fff\uac00-\ud7a3\uff00-\uff60]/.test(ch) ? 9 : 5), 0) * 12;

  it('are boxes big enough for 200–300 characters, anchored over as many columns and rows as they are wide and tall', async () => {
    const long = '청년 일자리 확대 소요예산 합계가 실천과제 총계의 합과 다릅니다. '.repeat(8).trim();
    expect(long.length).toBeGreaterThan(250);
    const { out } = await annotated('example.xlsx', 'ko', (fs) => {
      const f = fs.find((x) => x.sheet === '분야별 목표' && x.cell === 'C7')!;
      return [{ ...f, message: long, data: {}, messageId: 'none' }];
    });
    const files = unzipSync(out);
    const vmlName = Object.keys(files).find((n) => /vmlDrawing\d+\.vml$/.test(n))!;
    const vml = Buffer.from(files[vmlName]).toString('latin1');
    const shape = /<v:shape [^>]*style="([^"]*)"[\s\S]*?<x:Anchor>([^<]*)<\/x:Anchor>[\s\S]*?<x:Row>6<\/x:Row><x:Column>2<\/x:Column>/.exec(vml);
    expect(shape).not.toBeNull();
    const width = Number(/width:([\d.]+)pt/.exec(shape![1])![1]);
    const height = Number(/height:([\d.]+)pt/.exec(shape![1])![1]);
    const note = strFromU8(files[Object.keys(files).find((n) => /comments\d*\.xml$/.test(n) && strFromU8(files[n]).includes('ref="C7"'))!]);
    const text = /ref="C7"[\s\S]*?<t xml:space="preserve">([^<]*)<\/t>/.exec(note)![1];
    expect(text).toContain(long.slice(0, 40));
    // Room for the text, and not wider than a reader can follow (the old box was 260 × 110 pt).
    expect(width * height).toBeGreaterThanOrEqual(area(text));
    expect(width).toBeLessThanOrEqual(320);
    expect(260 * 110).toBeLessThan(area(text));
    // The anchor spans columns and rows: [left col, off, top row, off, right col, off, bottom row, off].
    const [left, , top, , right, , bottom] = shape![2].split(',').map((x) => Number(x.trim()));
    expect(right).toBeGreaterThan(left);
    expect(bottom - top).toBeGreaterThanOrEqual(Math.floor((height * 4) / 3 / 60));
  });
});
