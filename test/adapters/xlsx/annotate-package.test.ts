/**
 * The annotated copy is the original package plus our additions (#15): every part we do not need to
 * touch is byte-identical, and the parts we touch keep everything they held. Checked part by part on
 * a workbook saved by LibreOffice Calc (chart, data validation, conditional format, defined names,
 * comments: test/office-files/, made by scripts/fixtures/libreoffice-extras.py) and on one
 * written as openpyxl writes (test/support/openpyxl-package.ts).
 */
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync, zipSync } from 'fflate';
import { promises as fs } from 'fs';
import * as path from 'path';
import { SaxesParser } from 'saxes';
import { annotatePackage, annotatedPath } from '../../../src/adapters/xlsx/annotate';
import { SEVERITY_COLOURS } from '../../../src/core/present';
import { RESULTS_SHEET, readXlsxBuffer } from '../../../src/adapters/xlsx/read';
import type { Finding } from '../../../src/core/rules/types';
import { validateGrid } from '../../../src/core/validate';
import { handMadeFinding } from '../../support/findings';
import { openpyxlWorkbook } from '../../support/openpyxl-package';
import { sheetXml, workbookParts, zipParts } from '../../support/ooxml';

const LIBREOFFICE = path.join(__dirname, '../../office-files/libreoffice-example-extras.xlsx');

const parts = (bytes: Uint8Array) => unzipSync(bytes);
const text = (files: Record<string, Uint8Array>, name: string) => strFromU8(files[name]);

/** Well-formed XML with every prefix bound (saxes with namespaces). */
function expectWellFormed(name: string, xml: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let error: string | null = null;
  parser.on('error', (e) => {
    error ??= e.message;
  });
  parser.write(xml).close();
  expect({ name, error }).toEqual({ name, error: null });
}

/** One element's outer text (first match), e.g. <dataValidations …>…</dataValidations>. */
function block(xml: string, name: string): string | null {
  const m = new RegExp(`<${name}[\\s>][\\s\\S]*?</${name}>`).exec(xml);
  return m ? m[0] : null;
}

/** Cells of a sheet by address: their start tag without the s attribute, and their content. */
function cellsOf(xml: string): Map<string, { s: string | null; rest: string }> {
  const out = new Map<string, { s: string | null; rest: string }>();
  for (const m of xml.matchAll(/<c\b([^>]*?)(\/>|>([\s\S]*?)<\/c>)/g)) {
    const r = /\sr="([^"]+)"/.exec(m[1])![1];
    const s = /\ss="(\d+)"/.exec(m[1])?.[1] ?? null;
    out.set(r, { s, rest: m[1].replace(/\ss="\d+"/, '') + (m[3] ?? '') });
  }
  return out;
}

function xfsOf(styles: string): string[] {
  const list = block(styles, 'cellXfs')!;
  return [...list.matchAll(/<xf\b[^>]*?(?:\/>|>[\s\S]*?<\/xf>)/g)].map((m) => m[0]);
}

function fillsOf(styles: string): string[] {
  const list = block(styles, 'fills')!;
  return [...list.matchAll(/<fill>[\s\S]*?<\/fill>|<fill\/>/g)].map((m) => m[0]);
}

const attr = (tag: string, name: string) => new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1] ?? null;

describe('annotated copy of a workbook saved by LibreOffice', () => {
  let original: Uint8Array;
  let findings: Finding[];
  let copy: Uint8Array;
  let changed: string[];
  let before: Record<string, Uint8Array>;
  let after: Record<string, Uint8Array>;

  beforeAll(async () => {
    original = await fs.readFile(LIBREOFFICE);
    const read = await readXlsxBuffer(Buffer.from(original), 'example-extras.xlsx');
    findings = validateGrid(read.grid).findings;
    ({ bytes: copy, changed } = annotatePackage(original, findings, { file: 'example-extras.xlsx', checkedAt: new Date('2026-11-30T00:00:00Z') }));
    before = parts(original);
    after = parts(copy);
  });

  it('the fixture holds what we want kept (else the test proves nothing)', () => {
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/comments3.xml', 'xl/drawings/vmlDrawing1.vml']));
    expect(findings.some((f) => f.sheet === '분야별 목표' && f.cell === 'C7')).toBe(true);
    expect(text(before, 'xl/worksheets/sheet4.xml')).toContain('<dataValidation ');
    expect(text(before, 'xl/worksheets/sheet4.xml')).toContain('<conditionalFormatting ');
  });

  it('leaves every part it does not need byte-identical: chart, drawing, shared strings, properties', () => {
    const allowed = new Set(['[Content_Types].xml', 'xl/workbook.xml', 'xl/_rels/workbook.xml.rels', 'xl/styles.xml']);
    const flaggedSheets = new Set(findings.filter((f) => f.cell).map((f) => f.sheet));
    const sheetParts: Record<string, string> = { 개요: 'sheet1', '공통 일자리 목표': 'sheet2', '분야별 목표': 'sheet3', 실천과제: 'sheet4' };
    for (const [name, part] of Object.entries(sheetParts)) {
      // A sheet whose tab was selected loses that selection (only 검증결과 is selected).
      if (/tabSelected="(1|true)"/.test(text(before, `xl/worksheets/${part}.xml`))) {
        allowed.add(`xl/worksheets/${part}.xml`);
        expect(text(after, `xl/worksheets/${part}.xml`)).toBe(text(before, `xl/worksheets/${part}.xml`).replace(/\s+tabSelected="(?:1|true)"/g, ''));
      }
      if (!flaggedSheets.has(name)) continue;
      allowed.add(`xl/worksheets/${part}.xml`);
      allowed.add(`xl/worksheets/_rels/${part}.xml.rels`);
    }
    for (const name of Object.keys(before)) {
      if (changed.includes(name)) {
        const commentsOrVml = /^xl\/(comments\d+\.xml|drawings\/vmlDrawing\d+\.vml)$/.test(name);
        expect({ name, allowed: allowed.has(name) || commentsOrVml }).toEqual({ name, allowed: true });
      } else {
        expect({ name, same: Buffer.from(after[name]).equals(Buffer.from(before[name])) }).toEqual({ name, same: true });
      }
    }
    for (const name of ['xl/charts/chart1.xml', 'xl/drawings/drawing1.xml', 'xl/drawings/_rels/drawing1.xml.rels', 'xl/sharedStrings.xml', 'docProps/app.xml', 'docProps/core.xml']) {
      expect({ name, changed: changed.includes(name) }).toEqual({ name, changed: false });
    }
    for (const name of changed) if (/\.(xml|rels)$/.test(name) && after[name]) expectWellFormed(name, text(after, name));
  });

  it('keeps the data validation (once), the conditional format and the chart link of the sheets it marks', () => {
    const tasksBefore = text(before, 'xl/worksheets/sheet4.xml');
    const tasksAfter = text(after, 'xl/worksheets/sheet4.xml');
    expect(block(tasksAfter, 'dataValidations')).toBe(block(tasksBefore, 'dataValidations'));
    expect(tasksAfter.match(/<dataValidation /g)).toHaveLength(1);
    expect(block(tasksAfter, 'conditionalFormatting')).toBe(block(tasksBefore, 'conditionalFormatting'));
    const areasAfter = text(after, 'xl/worksheets/sheet3.xml');
    expect(areasAfter).toContain('<drawing r:id="rId2"/>');
    expect(text(after, 'xl/worksheets/_rels/sheet3.xml.rels')).toContain('Target="../drawings/drawing1.xml"');
    // Outside sheetData only the tab selection may differ.
    for (const part of ['sheet3', 'sheet4']) {
      // (and a legacyDrawing for the notes, where the sheet had none)
      const strip = (x: string) =>
        x
          .replace(/<sheetData>[\s\S]*<\/sheetData>/, '')
          .replace(/\s+tabSelected="(?:1|true)"/g, '')
          .replace(/<legacyDrawing xmlns:r="[^"]+" r:id="rId\d+"\/>/, '');
      expect(strip(text(after, `xl/worksheets/${part}.xml`))).toBe(strip(text(before, `xl/worksheets/${part}.xml`)));
    }
  });

  it('changes only the format of flagged cells; their new format is the old one with the severity fill', () => {
    const stylesBefore = text(before, 'xl/styles.xml');
    const stylesAfter = text(after, 'xl/styles.xml');
    const xfsBefore = xfsOf(stylesBefore);
    const xfsAfter = xfsOf(stylesAfter);
    expect(xfsAfter.slice(0, xfsBefore.length)).toEqual(xfsBefore);
    expect(fillsOf(stylesAfter).slice(0, fillsOf(stylesBefore).length)).toEqual(fillsOf(stylesBefore));
    expect(attr(block(stylesAfter, 'cellXfs')!, 'count')).toBe(String(xfsAfter.length));
    const worst = new Map<string, Finding['severity']>();
    const rank = { error: 0, warning: 1, info: 2 };
    for (const f of findings) {
      if (!f.cell) continue;
      const k = `${f.sheet}!${f.cell}`;
      if (!worst.has(k) || rank[f.severity] < rank[worst.get(k)!]) worst.set(k, f.severity);
    }
    const sheetParts: Record<string, string> = { 개요: 'sheet1', '공통 일자리 목표': 'sheet2', '분야별 목표': 'sheet3', 실천과제: 'sheet4' };
    let checked = 0;
    for (const [sheet, part] of Object.entries(sheetParts)) {
      const cb = cellsOf(text(before, `xl/worksheets/${part}.xml`));
      const ca = cellsOf(text(after, `xl/worksheets/${part}.xml`));
      for (const [ref, cell] of ca) {
        const sev = worst.get(`${sheet}!${ref}`);
        const old = cb.get(ref);
        if (!sev) {
          expect({ ref, cell }).toEqual({ ref, cell: old });
          continue;
        }
        if (old) expect(cell.rest).toBe(old.rest);
        const xf = xfsAfter[Number(cell.s)];
        const fill = fillsOf(stylesAfter)[Number(attr(xf, 'fillId'))];
        expect({ ref, fill }).toEqual({ ref, fill: expect.stringContaining(`rgb="FF${SEVERITY_COLOURS[sev].cell}"`) });
        const was = xfsBefore[Number(old?.s ?? 0)];
        for (const a of ['numFmtId', 'fontId', 'borderId']) expect(attr(xf, a)).toBe(attr(was, a));
        checked += 1;
      }
      for (const ref of cb.keys()) expect(ca.has(ref)).toBe(true);
    }
    expect(checked).toBe([...worst.keys()].length);
  });

  it('adds its notes to the comments part, the cell\'s own comment first; the other comment is untouched', () => {
    const c = text(after, 'xl/comments3.xml');
    const c7 = /<comment ref="C7"[\s\S]*?<\/comment>/.exec(c)![0].replace(/<rPr>[\s\S]*?<\/rPr>/g, '').replace(/<[^>]+>/g, '');
    const area = findings.find((f) => f.sheet === '분야별 목표' && f.cell === 'C7')!;
    expect(c7.indexOf('작성자 메모: 합계 확인 요망')).toBe(0);
    expect(c7.indexOf(area.message)).toBeGreaterThan(c7.indexOf('작성자 메모'));
    expect(/<comment ref="A1"[\s\S]*?<\/comment>/.exec(c)![0]).toBe(/<comment ref="A1"[\s\S]*?<\/comment>/.exec(text(before, 'xl/comments3.xml'))![0]);
    // The VML drawing keeps its bytes and gets a shape for each new note.
    const vmlBefore = text(before, 'xl/drawings/vmlDrawing1.vml');
    const vmlAfter = text(after, 'xl/drawings/vmlDrawing1.vml');
    expect(vmlAfter.startsWith(vmlBefore.slice(0, vmlBefore.lastIndexOf('</xml>')))).toBe(true);
    const newNotes = new Set(findings.filter((f) => f.sheet === '분야별 목표' && f.cell && f.cell !== 'C7' && f.cell !== 'A1').map((f) => f.cell)).size;
    expect(vmlAfter.match(/ObjectType="Note"/g)!.length).toBe(vmlBefore.match(/ObjectType="Note"/g)!.length + newNotes);
  });

  it('puts 검증결과 first, moves sheet-scoped names with their sheets, and reads back as the same plan', async () => {
    const wb = text(after, 'xl/workbook.xml');
    const names = [...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1]);
    expect(names).toEqual([RESULTS_SHEET, '개요', '공통 일자리 목표', '분야별 목표', '실천과제']);
    const defined = (x: string) => [...x.matchAll(/<definedName ([^>]*)>([^<]*)<\/definedName>/g)].map((m) => ({ name: attr(` ${m[1]}`, 'name'), local: attr(` ${m[1]}`, 'localSheetId'), ref: m[2] }));
    // Ours: the 검증결과 sheet's header row repeated on printed pages; the workbook's own names follow their sheets.
    const printTitles = (d: { name: string | null; local: string | null }) => d.name === '_xlnm.Print_Titles' && d.local === '0';
    expect(defined(wb).filter(printTitles)).toEqual([{ name: '_xlnm.Print_Titles', local: '0', ref: expect.stringMatching(/^'검증결과'!\$\d+:\$\d+$/) }]);
    expect(defined(wb).filter((d) => !printTitles(d))).toEqual(defined(text(before, 'xl/workbook.xml')).map((d) => ({ ...d, local: d.local === null ? null : String(Number(d.local) + 1) })));
    expect(defined(wb).find((d) => d.name === '과제범위')).toEqual({ name: '과제범위', local: '4', ref: '실천과제!$C$5:$C$30' });

    const again = await readXlsxBuffer(Buffer.from(copy), 'copy.xlsx');
    expect(validateGrid(again.grid).findings).toEqual(findings);
    const ex = new ExcelJS.Workbook();
    await ex.xlsx.load(Buffer.from(copy) as unknown as ExcelJS.Buffer);
    expect(ex.getWorksheet(RESULTS_SHEET)).toBeDefined();
  });

  it('annotating the copy again replaces its 검증결과 sheet instead of adding a second', () => {
    const twice = annotatePackage(copy, findings.slice(0, 1), { file: 'x' }).bytes;
    const wb = text(parts(twice), 'xl/workbook.xml');
    expect(wb.match(/name="검증결과"/g)).toHaveLength(1);
    expect([...wb.matchAll(/<sheet [^>]*name="([^"]+)"/g)].map((m) => m[1])[0]).toBe(RESULTS_SHEET);
    expect(defined(wb)).toEqual(defined(text(after, 'xl/workbook.xml')));
    function defined(x: string) {
      return [...x.matchAll(/<definedName [^>]*>[^<]*<\/definedName>/g)].map((m) => m[0]);
    }
  });
});

describe('annotated copy of a workbook written as openpyxl writes', () => {
  const finding = (sheet: string, cell: string, severity: Finding['severity'], message: string): Finding => ({
    rule: 'row-total',
    severity,
    sheet,
    cell,
    cells: [`${sheet}!${cell}`],
    refs: [{ sheet, cell }],
    place: null,
    expected: 30,
    actual: 31,
    tolerance: 1.5,
    difference: 1,
    unit: null,
    data: {},
    message,
    messageEn: message,
    messageId: 'mismatch',
  });
  const findings = [
    finding('계획', 'B4', 'error', '합계 31 ≠ 30'),
    finding('계획', 'C3', 'warning', '빈 칸(셀 없음)'),
    finding('계획', 'B6', 'info', '행도 없는 칸'),
    finding('메모', 'A1', 'info', '메모 없는 시트'),
    finding('계획', 'A2', 'warning', '=HYPERLINK("http://evil","x") 글자 그대로'),
  ];

  it('keeps theme, properties, the data validation and the conditional format; merges the plain-text comment', async () => {
    const original = openpyxlWorkbook();
    const { bytes, changed } = annotatePackage(original, findings, { file: 'openpyxl.xlsx' });
    const before = parts(original);
    const after = parts(bytes);
    for (const name of ['xl/theme/theme1.xml', 'docProps/app.xml', 'docProps/core.xml']) expect(Buffer.from(after[name]).equals(Buffer.from(before[name]))).toBe(true);
    for (const name of changed) if (/\.(xml|rels)$/.test(name) && after[name]) expectWellFormed(name, text(after, name));
    const s1 = text(after, 'xl/worksheets/sheet1.xml');
    expect(block(s1, 'dataValidations')).toBe(block(text(before, 'xl/worksheets/sheet1.xml'), 'dataValidations'));
    expect(block(s1, 'conditionalFormatting')).toBe(block(text(before, 'xl/worksheets/sheet1.xml'), 'conditionalFormatting'));
    expect(s1).not.toContain('tabSelected');
    // A missing cell and a missing row were added in order.
    expect(s1).toMatch(/<row r="3"><c r="A3"[^]*?<c r="B3"[^]*?<c r="C3" s="\d+"\/><\/row><row r="4">/);
    expect(s1).toMatch(/<\/row><row r="6"><c r="B6" s="\d+"\/><\/row><\/sheetData>/);
    const comments = text(after, 'xl/comments/comment1.xml');
    expect(comments).toMatch(/<comment ref="B4" authorId="0" shapeId="0"><text><r><t>원래 메모<\/t><\/r><r>/);
    // The sheet without notes got its own comments part, VML drawing and legacyDrawing (declaring its namespace).
    const s2 = text(after, 'xl/worksheets/sheet2.xml');
    expect(s2).toMatch(/<legacyDrawing xmlns:r="[^"]+" r:id="rId\d+"\/><\/worksheet>$/);
    const rels2 = text(after, 'xl/worksheets/_rels/sheet2.xml.rels');
    expect(rels2).toContain('/comments"');
    expect(rels2).toContain('/vmlDrawing"');
    const types = text(after, '[Content_Types].xml');
    const newComments = /Target="\.\.\/(comments\d+\.xml)"/.exec(rels2)![1];
    expect(types).toContain(`PartName="/xl/${newComments}"`);
    const newVml = Object.keys(after).find((n) => n.endsWith('.vml') && !(n in before))!;
    expect(text(after, newVml)).toContain('data="2"');
    expect(text(after, newVml)).not.toContain('_x0000_s1025');
    const wb = text(after, 'xl/workbook.xml');
    expect(wb).toContain(`<definedName name="_xlnm.Print_Area" localSheetId="2">'메모'!$A$1:$B$2</definedName>`);
    expect(wb).toContain(`<definedName name="합계셀">'계획'!$B$4</definedName>`);

    // (exceljs cannot load openpyxl's absolute relationship targets at all, the original included, so
    // the cells are checked in the XML: each flagged cell's format is its old one plus the fill.)
    const styles = text(after, 'xl/styles.xml');
    const xfs = xfsOf(styles);
    const fills = fillsOf(styles);
    const cells = cellsOf(s1);
    for (const [cell, sev] of [['B4', 'error'], ['C3', 'warning'], ['B6', 'info'], ['A2', 'warning']] as const) {
      const xf = xfs[Number(cells.get(cell)!.s)];
      expect({ cell, fill: fills[Number(attr(xf, 'fillId'))] }).toEqual({ cell, fill: expect.stringContaining(`rgb="FF${SEVERITY_COLOURS[sev].cell}"`) });
    }
    // The number format and bold font of B4 are kept under the fill.
    const b4 = xfs[Number(cells.get('B4')!.s)];
    expect([attr(b4, 'numFmtId'), attr(b4, 'fontId'), attr(b4, 'applyFill')]).toEqual(['3', '1', '1']);
    const plainText = (x: string) => x.replace(/<rPr>[\s\S]*?<\/rPr>/g, '').replace(/<[^>]+>/g, '');
    expect(plainText(/<comment ref="B4"[\s\S]*?<\/comment>/.exec(comments)![0])).toMatch(/^원래 메모\n\n\[오류\] row-total: 합계 31 ≠ 30/);
    expect(plainText(text(after, `xl/${newComments}`))).toContain('[정보] row-total: 메모 없는 시트');
    // Text that looks like a formula stays text (an inline string) on the 검증결과 sheet.
    const resultsPart = Object.keys(after).find((n) => n.startsWith('xl/worksheets/sheet') && !(n in before))!;
    expect(text(after, resultsPart)).toContain('t="inlineStr"><is><t xml:space="preserve">=HYPERLINK(&quot;http://evil&quot;,&quot;x&quot;) 글자 그대로</t></is>');
  });
});

describe('annotated copy of a macro workbook (.xlsm)', () => {
  it('keeps the VBA project byte for byte and the macro-enabled type; the copy keeps the .xlsm extension', () => {
    const base = unzipSync(openpyxlWorkbook());
    const vba = new Uint8Array(4096).map((_, i) => (i * 31 + 7) & 0xff);
    const files: Record<string, Uint8Array> = { ...base, 'xl/vbaProject.bin': vba };
    const ct = strFromU8(base['[Content_Types].xml'])
      .replace('spreadsheetml.sheet.main+xml', 'ms-excel.sheet.macroEnabled.main+xml')
      .replace('<Default Extension="xml"', '<Default Extension="bin" ContentType="application/vnd.ms-office.vbaProject"/><Default Extension="xml"');
    files['[Content_Types].xml'] = new TextEncoder().encode(ct);
    files['xl/_rels/workbook.xml.rels'] = new TextEncoder().encode(
      strFromU8(base['xl/_rels/workbook.xml.rels']).replace('</Relationships>', '<Relationship Id="rId9" Type="http://schemas.microsoft.com/office/2006/relationships/vbaProject" Target="vbaProject.bin"/></Relationships>'),
    );
    const xlsm = zipSync(files);
    const { bytes, changed } = annotatePackage(xlsm, [{ rule: 'r', severity: 'error', sheet: '계획', cell: 'B4', cells: [], refs: [], place: null, expected: null, actual: null, tolerance: null, difference: null, unit: null, message: 'm', messageEn: 'm', messageId: 'm', data: {} }]);
    const after = unzipSync(bytes);
    expect(changed).not.toContain('xl/vbaProject.bin');
    expect(Buffer.from(after['xl/vbaProject.bin']).equals(Buffer.from(vba))).toBe(true);
    expect(strFromU8(after['[Content_Types].xml'])).toContain('ms-excel.sheet.macroEnabled.main+xml');
    expect(strFromU8(after['xl/_rels/workbook.xml.rels'])).toContain('Target="vbaProject.bin"');
    expect(annotatedPath('/in/계획.xlsm', '/out')).toBe(path.join('/out', '계획.검증.xlsm'));
    expect(annotatedPath('/in/계획.XLSX', '/out')).toBe(path.join('/out', '계획.검증.xlsx'));
  });
});

describe('annotated copy of a package whose part names differ from its relationship targets', () => {
  // Part names are equivalent whatever their case (ECMA-376 part 2, 9.1.1.1); the reader finds such
  // parts, and the copy must mark their cells, not skip them or write over them.
  const findings: Finding[] = [
    { rule: 'row-total', severity: 'error', sheet: '계획', cell: 'B4', cells: [], refs: [], place: null, expected: null, actual: null, tolerance: null, difference: null, unit: null, message: '합계 31 ≠ 30', messageEn: 'm', messageId: 'mismatch', data: {} },
    { rule: 'row-total', severity: 'info', sheet: '메모', cell: 'A1', cells: [], refs: [], place: null, expected: null, actual: null, tolerance: null, difference: null, unit: null, message: '메모 없는 시트', messageEn: 'm', messageId: 'mismatch', data: {} },
  ];
  const renamed = (rename: (name: string) => string) => {
    const files: Record<string, Uint8Array> = {};
    for (const [name, data] of Object.entries(unzipSync(openpyxlWorkbook()))) files[rename(name)] = data;
    return zipSync(files);
  };

  for (const [what, rename] of [
    ['upper case (XL/Worksheets/…)', (n: string) => n.replace(/^xl\//, 'XL/').replace('XL/worksheets/', 'XL/Worksheets/')],
    ['a leading slash (/xl/…)', (n: string) => n.replace(/^xl\//, '/xl/')],
  ] as const) {
    it(`entries named with ${what}`, async () => {
      const original = renamed(rename);
      const { bytes } = annotatePackage(original, findings, { file: 'x.xlsx' });
      const after = parts(bytes);
      const names = Object.keys(after);
      expect(new Set(names.map((n) => n.replace(/^\//, '').toLowerCase())).size).toBe(names.length); // no part twice
      const sheet1 = text(after, rename('xl/worksheets/sheet1.xml'));
      const sheet2 = text(after, rename('xl/worksheets/sheet2.xml'));
      expect(sheet1).toContain('항목'); // still the sheet 계획
      expect(sheet2).toMatch(/<legacyDrawing [^>]*\/><\/worksheet>$/); // a note was added to 메모
      expect(cellsOf(sheet1).get('B4')!.s).not.toBe('1'); // B4 got the error fill over its own format
      const read = await readXlsxBuffer(Buffer.from(bytes));
      expect(read.grid.sheets.map((s) => s.name)).toEqual(['계획', '메모']); // (검증결과 is skipped by the reader)
      expect(read.grid.sheets[0].rows[3][1]?.value).toBe(31);
    });
  }
});

describe('annotated copy of a plan with thousands of findings', () => {
  // Its speed (each note once looked its cell up in the whole comments part: 10,000 took minutes) is
  // measured by npm run bench ('annotated copy, per 1,000 notes', linear), never by a timed test.
  it('8,000 notes, each on its cell, the cells\' own notes kept first', () => {
    const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
    const N = 8000;
    const pkg: Record<string, string | Uint8Array> = workbookParts(
      [
        {
          name: '실천과제',
          xml: sheetXml('<row r="1"><c r="C1" t="inlineStr"><is><t>x</t></is></c></row>', '<legacyDrawing r:id="rIdV"/>'),
          rels: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdC" Type="${R}/comments" Target="../comments1.xml"/><Relationship Id="rIdV" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/></Relationships>`,
        },
      ],
      { contentTypes: ['<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>', '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>'] },
    );
    pkg['xl/comments1.xml'] =
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>검토자</author></authors><commentList>' +
      ['C1', 'C4000', 'C8000'].map((ref) => `<comment ref="${ref}" authorId="0"><text><t>원래 메모 ${ref}</t></text></comment>`).join('') +
      '</commentList></comments>';
    pkg['xl/drawings/vmlDrawing1.vml'] = '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel"><o:shapelayout v:ext="edit"><o:idmap v:ext="edit" data="1"/></o:shapelayout></xml>';
    const findings = Array.from({ length: N }, (_, i) => handMadeFinding({ cell: `C${i + 1}`, message: `발견 ${i + 1}` }));
    const { bytes, marked } = annotatePackage(zipParts(pkg), findings, { checkedAt: new Date('2026-12-01T09:30:00Z') });
    expect(marked).toBe(N);
    const c = text(parts(bytes), 'xl/comments1.xml');
    expectWellFormed('xl/comments1.xml', c);
    expect(c.match(/<comment /g)!.length).toBe(N);
    for (const ref of ['C1', 'C4000', 'C8000']) {
      const note = new RegExp(`<comment ref="${ref}"[\\s\\S]*?</comment>`).exec(c)![0].replace(/<rPr>[\s\S]*?<\/rPr>/g, '').replace(/<[^>]+>/g, '');
      expect(note).toMatch(new RegExp(`^원래 메모 ${ref}\\n\\n\\[오류\\] task-total: 발견 ${ref.slice(1)}`));
    }
  }, 120_000);
});

describe('texts and rows past what Excel holds', () => {
  it('a 100,000-character message is cut to 32,767 characters in its cell and its note, and no row is taller than 409 pt', async () => {
    const original = await fs.readFile(LIBREOFFICE);
    const long = `${'가'.repeat(99_990)}끝😀`;
    const cells = Array.from({ length: 60 }, (_, i) => `'실천과제'!C${i + 5}`);
    const finding = handMadeFinding({ sheet: '실천과제', cell: 'C5', message: long, messageEn: long, cells });
    const after = parts(annotatePackage(original, [finding], { checkedAt: new Date('2026-12-01T00:00:00Z') }).bytes);
    const texts = Object.entries(after)
      .filter(([name]) => /^xl\/(worksheets\/sheet\d+|comments\d*)\.xml$/.test(name))
      .flatMap(([name, bytes]) => [...strFromU8(bytes).matchAll(/<(?:\w+:)?t(?: [^>]*)?>([^<]*)<\/(?:\w+:)?t>/g)].map((m) => ({ name, t: m[1] })));
    const cut = texts.filter((x) => x.t.includes('가가가'));
    expect(cut.length).toBeGreaterThanOrEqual(2); // the 검증결과 cell and the note
    for (const x of cut) {
      expect(x.t.length).toBeLessThanOrEqual(32_767);
      expect(x.t.endsWith('…')).toBe(true);
    }
    for (const [name, bytes] of Object.entries(after)) {
      if (!/^xl\/worksheets\/sheet\d+\.xml$/.test(name)) continue;
      expectWellFormed(name, strFromU8(bytes));
      for (const m of strFromU8(bytes).matchAll(/<row [^>]*\bht="([\d.]+)"/g)) expect(Number(m[1])).toBeLessThanOrEqual(409);
    }
  });
});
