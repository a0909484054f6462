/**
 * The streaming reader on hostile and damaged packages: every limit and damage case ends in one
 * documented error naming what is wrong, and packages holding charts (as openpyxl writes them),
 * images, pivot tables and comments read like any other. The packages are written by hand here.
 */
import { execFileSync } from 'child_process';
import { buildSync } from 'esbuild';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import * as path from 'path';
import { readXlsxBuffer, type XlsxReadOptions } from '../../../src/adapters/xlsx/read';
import { openZip } from '../../../src/adapters/xlsx/zip';
import { oleFile } from '../../support/fixtures';
import { sheetXml, workbookParts, zipParts } from '../../support/ooxml';

const EXAMPLE = path.join(__dirname, '..', '..', 'fixtures', 'example.xlsx');
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

const one = (rows: string, extra = '', opts: Parameters<typeof workbookParts>[1] = {}) => zipParts(workbookParts([{ name: '표', xml: sheetXml(rows, extra) }], opts));

async function failure(buf: Buffer, opts?: XlsxReadOptions) {
  const e = await readXlsxBuffer(buf, 'x.xlsx', opts).then(
    () => null,
    (err: unknown) => err as { name: string; code: string; message: string },
  );
  expect(e).not.toBeNull();
  expect(e!.name).toBe('InputReadError');
  expect(e!.message).not.toMatch(/\n|Cannot read|undefined|Bug/);
  expect(e!.message).toMatch(/[가-힣].*\(.*[a-z]{3,}/); // Korean, then English
  return e!;
}

const cells = (rows: string[]) => rows.join('');

describe('what the reader reads', () => {
  it('values, a cached 0, shared and inline strings (phonetic guides left out), booleans, errors, formats, visibility', async () => {
    const styles =
      `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0;&quot;△&quot;#,##0"/></numFmts>` +
      `<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="14"/></cellXfs></styleSheet>`;
    const parts = workbookParts(
      [
        {
          name: '표',
          xml: sheetXml(
            cells([
              '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>구</t></r><r><t xml:space="preserve"> 분</t></r><rPh><t>く</t></rPh></is></c></row>',
              '<row r="2"><c r="A2" s="1"><v>-1234</v></c><c r="B2"><f>A2-A2</f><v>0</v></c><c r="C2" t="b"><v>1</v></c><c r="D2" t="e"><v>#REF!</v></c><c r="E2" s="2"><v>46023</v></c></row>',
              '<row r="3"><c r="A3"><f t="shared" ref="A3:C3" si="0">A2*2</f><v>1</v></c><c r="B3"><f t="shared" si="0"/><v>2</v></c><c r="C3" t="str"><f>"x"&amp;"y"</f><v>xy</v></c></row>',
            ]),
          ),
        },
        { name: '숨김', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>옛 사본</t></is></c></row>'), state: 'hidden' },
      ],
      { sharedStrings: ['합 계'], styles },
    );
    const read = await readXlsxBuffer(zipParts(parts));
    expect(read.grid.sheets.map((s) => s.name)).toEqual(['표', '숨김']);
    expect(read.hiddenSheets).toEqual(['숨김']);
    const rows = read.grid.sheets[0].rows;
    expect(rows[0].map((c) => c?.value)).toEqual(['합 계', '구 분']);
    expect(rows[1][0]).toEqual({ value: -1234, numFmt: '#,##0;"△"#,##0' });
    expect(rows[1][1]).toEqual({ value: 0, formula: 'A2-A2' }); // the cached 0 exceljs drops
    expect(rows[1][2]?.value).toBe(true);
    expect(rows[1][3]?.value).toBe('#REF!');
    expect(rows[1][4]).toEqual({ value: '2026-01-01', numFmt: 'mm-dd-yy' }); // serial 46023
    expect(rows[2][1]).toEqual({ value: 2, formula: 'B2*2' }); // shared formula moved to its own cell
    expect(rows[2][2]).toEqual({ value: 'xy', formula: '"x"&"y"' });
  });

  it('a date cell (t="d") written without a time zone reads the same in every time zone (a year header in Seoul)', () => {
    // The machine's time zone is fixed when node starts: the reader runs in a node started in Seoul's.
    const dir = mkdtempSync(path.join(tmpdir(), 'jobtarget-tz-'));
    try {
      const { outputFiles } = buildSync({ entryPoints: [path.join(__dirname, '..', '..', '..', 'src', 'adapters', 'xlsx', 'read.ts')], bundle: true, platform: 'node', format: 'cjs', write: false, external: ['exceljs', 'fflate'] });
      writeFileSync(path.join(dir, 'read.js'), outputFiles[0].contents);
      writeFileSync(
        path.join(dir, 'd.xlsx'),
        one('<row r="1"><c r="A1" t="d"><v>2023-01-01T00:00:00</v></c><c r="B1" t="d"><v>2024-03-31T12:30:00</v></c><c r="C1" t="d"><v>2025-01-01</v></c><c r="D1" t="d"><v>2026-01-01T00:00:00+09:00</v></c></row>'),
      );
      const script = `require('./read.js').readXlsxFile('d.xlsx').then((r) => console.log(JSON.stringify(r.grid.sheets[0].rows[0].map((c) => c.value))))`;
      const out = execFileSync(process.execPath, ['-e', script], { cwd: dir, env: { ...process.env, TZ: 'Asia/Seoul' }, encoding: 'utf8' });
      expect(JSON.parse(out)).toEqual(['2023-01-01', '2024-03-31T12:30:00Z', '2025-01-01', '2025-12-31T15:00:00Z']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('parts in UTF-16 (little- or big-endian, with or without a byte order mark) read like UTF-8 ones', async () => {
    const parts: Record<string, string | Uint8Array> = workbookParts(
      [
        { name: '표', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>총 계</t></is></c><c r="C1"><v>12</v></c></row>') },
        { name: '둘', xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>2026년</t></is></c></row>') },
      ],
      { sharedStrings: ['구 분'] },
    );
    const utf16 = (xml: string) => xml.replace('encoding="UTF-8"', 'encoding="UTF-16"');
    parts['xl/sharedStrings.xml'] = Buffer.from(`\ufeff${utf16(parts['xl/sharedStrings.xml'] as string)}`, 'utf16le');
    parts['xl/worksheets/sheet1.xml'] = Buffer.from(`\ufeff${utf16(parts['xl/worksheets/sheet1.xml'] as string)}`, 'utf16le').swap16(); // big-endian
    parts['xl/worksheets/sheet2.xml'] = Buffer.from(utf16(parts['xl/worksheets/sheet2.xml'] as string), 'utf16le'); // no mark
    const read = await readXlsxBuffer(zipParts(parts));
    expect(read.grid.sheets[0].rows[0].map((c) => c?.value)).toEqual(['구 분', '총 계', 12]);
    expect(read.grid.sheets[1].rows[0][0]?.value).toBe('2026년');
  });

  it('a relationship target with percent-escapes names its entry decoded (worksheets/sheet%201.xml is "sheet 1.xml")', async () => {
    const parts: Record<string, string> = workbookParts([{ name: '표', xml: sheetXml('<row r="1"><c r="A1"><v>7</v></c></row>') }]);
    parts['xl/worksheets/실 적.xml'] = parts['xl/worksheets/sheet1.xml'];
    delete parts['xl/worksheets/sheet1.xml'];
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels'].replace('worksheets/sheet1.xml', `worksheets/${encodeURIComponent('실 적')}.xml`);
    const read = await readXlsxBuffer(zipParts(parts));
    expect(read.grid.sheets[0].rows[0][0]?.value).toBe(7);
  });

  const CT_CHART = '<Override PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"/>';
  const CT_DRAWING = '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>';

  it('a workbook holding a chart as openpyxl writes it (one-cell anchor, absolute chart target)', async () => {
    const parts: Record<string, string> = workbookParts(
      [
        {
          name: '표',
          xml: sheetXml('<row r="1"><c r="A1" t="inlineStr"><is><t>연도</t></is></c><c r="B1"><v>3</v></c></row>', '<drawing r:id="rId1"/>'),
          rels: `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/drawing" Target="/xl/drawings/drawing1.xml"/></Relationships>`,
        },
      ],
      { contentTypes: [CT_DRAWING, CT_CHART] },
    );
    parts['xl/drawings/drawing1.xml'] =
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main">' +
      '<xdr:oneCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>14</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:ext cx="5400000" cy="2700000"/>' +
      '<xdr:graphicFrame><xdr:nvGraphicFramePr><xdr:cNvPr id="1" name="Chart 1"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm/>' +
      `<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" r:id="rId1" xmlns:r="${R}"/></a:graphicData></a:graphic>` +
      '</xdr:graphicFrame><xdr:clientData/></xdr:oneCellAnchor></xdr:wsDr>';
    parts['xl/drawings/_rels/drawing1.xml.rels'] = `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/chart" Target="/xl/charts/chart1.xml"/></Relationships>`;
    parts['xl/charts/chart1.xml'] =
      '<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><c:roundedCorners val="0"/>' +
      '<c:chart><c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="col"/><c:grouping val="clustered"/>' +
      "<c:ser><c:idx val=\"0\"/><c:order val=\"0\"/><c:val><c:numRef><c:f>'표'!$B$1:$B$1</c:f></c:numRef></c:val></c:ser>" +
      '<c:axId val="10"/><c:axId val="100"/></c:barChart><c:catAx><c:axId val="10"/><c:crossAx val="100"/></c:catAx><c:valAx><c:axId val="100"/><c:crossAx val="10"/></c:valAx></c:plotArea>' +
      '<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>';
    const read = await readXlsxBuffer(zipParts(parts));
    expect(read.grid.sheets[0].rows[0].map((c) => c?.value)).toEqual(['연도', 3]);
  });

  it('images, a pivot table and comments are verified and left aside', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360f8cfc0f01f0005fe02fea7d6a8d90000000049454e44ae426082', 'hex');
    const parts: Record<string, string | Uint8Array> = workbookParts([
      {
        name: '표',
        xml: sheetXml('<row r="1"><c r="A1"><v>7</v></c></row>', '<drawing r:id="rId1"/><legacyDrawing r:id="rId3"/>'),
        rels:
          `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/drawing" Target="../drawings/drawing1.xml"/>` +
          `<Relationship Id="rId2" Type="${R}/comments" Target="../comments1.xml"/><Relationship Id="rId3" Type="${R}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>` +
          `<Relationship Id="rId4" Type="${R}/pivotTable" Target="../pivotTables/pivotTable1.xml"/></Relationships>`,
      },
    ]);
    parts['xl/media/image1.png'] = png;
    parts['xl/drawings/drawing1.xml'] = '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"><xdr:twoCellAnchor><xdr:pic/></xdr:twoCellAnchor></xdr:wsDr>';
    parts['xl/drawings/_rels/drawing1.xml.rels'] = `<Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${R}/image" Target="../media/image1.png"/></Relationships>`;
    parts['xl/comments1.xml'] = '<comments xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><authors><author>검토자</author></authors><commentList><comment ref="A1" authorId="0"><text><t>확인</t></text></comment></commentList></comments>';
    parts['xl/drawings/vmlDrawing1.vml'] = '<xml xmlns:v="urn:schemas-microsoft-com:vml"><v:shape/></xml>';
    parts['xl/pivotTables/pivotTable1.xml'] = '<pivotTableDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" name="피벗1" cacheId="1"><location ref="C1:D3" firstHeaderRow="1" firstDataRow="1" firstDataCol="1"/></pivotTableDefinition>';
    parts['xl/pivotCache/pivotCacheDefinition1.xml'] = '<pivotCacheDefinition xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cacheSource type="worksheet"><worksheetSource ref="A1:A1" sheet="표"/></cacheSource></pivotCacheDefinition>';
    const read = await readXlsxBuffer(zipParts(parts));
    expect(read.grid.sheets[0].rows[0][0]?.value).toBe(7);
  });

  it('20,000 small merges read in one pass; values under a merge other than its top-left are dropped', async () => {
    const rows: string[] = [];
    const merges: string[] = [];
    for (let r = 1; r <= 40_000; r += 2) {
      rows.push(`<row r="${r}"><c r="A${r}" t="inlineStr"><is><t>사업${r}</t></is></c></row><row r="${r + 1}"><c r="A${r + 1}"><v>9</v></c><c r="B${r + 1}"><v>1</v></c></row>`);
      merges.push(`<mergeCell ref="A${r}:A${r + 1}"/>`);
    }
    const read = await readXlsxBuffer(one(rows.join(''), `<mergeCells count="${merges.length}">${merges.join('')}</mergeCells>`));
    const s = read.grid.sheets[0];
    expect(s.merges).toHaveLength(20_000);
    expect(s.rows[1][0]).toBeUndefined();
    expect(s.rows[1][1]?.value).toBe(1);
  });

  it('a merge over the whole sheet is clipped to the cells present', async () => {
    const read = await readXlsxBuffer(one('<row r="1"><c r="A1" t="inlineStr"><is><t>제목</t></is></c></row><row r="2"><c r="C2"><v>1</v></c></row>', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'));
    expect(read.grid.sheets[0].merges).toEqual(['A1:C2']);
  });
});

describe('limits and damage', () => {
  it('a stray value at XFD1048576 under a whole-sheet merge: the merge is too large, named', async () => {
    const e = await failure(one('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row>', '<mergeCells count="1"><mergeCell ref="A1:XFD1048576"/></mergeCells>'));
    expect(e.code).toBe('too-large');
    expect(e.message).toContain('병합 영역이 너무 큽니다 (표!A1:XFD1048576)');
  });

  it('a stray value at XFD1048576 alone is stored sparsely', async () => {
    const read = await readXlsxBuffer(one('<row r="1"><c r="A1"><v>1</v></c></row><row r="1048576"><c r="XFD1048576"><v>2</v></c></row>'));
    const s = read.grid.sheets[0];
    expect(s.rows[1048575][16383]?.value).toBe(2);
    expect(Object.keys(s.rows[1048575])).toEqual(['16383']);
  });

  it('a row numbered 1e9 is damage, named', async () => {
    const e = await failure(one('<row r="1000000000"><c><v>1</v></c></row>'));
    expect(e.code).toBe('damaged');
    expect(e.message).toContain('xl/worksheets/sheet1.xml');
  });

  it('a cell address past XFD is damage', async () => {
    expect((await failure(one('<row r="1"><c r="XFE1"><v>1</v></c></row>'))).code).toBe('damaged');
  });

  it('a shared string that does not exist is damage, not a crash', async () => {
    expect((await failure(one('<row r="1"><c r="A1" t="s"><v>5</v></c></row>', '', { sharedStrings: ['하나'] }))).code).toBe('damaged');
  });

  it('cells, merges, text length and XML depth are capped', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${i}</v></c></row>`).join('');
    expect((await failure(one(rows), { limits: { maxCellsPerSheet: 10 } })).code).toBe('too-large');
    const merges = Array.from({ length: 20 }, (_, i) => `<mergeCell ref="B${i + 1}:C${i + 1}"/>`).join('');
    expect((await failure(one(rows, `<mergeCells>${merges}</mergeCells>`), { limits: { maxMergesPerSheet: 5 } })).code).toBe('too-large');
    expect((await failure(one(`<row r="1"><c r="A1" t="inlineStr"><is><t>${'가'.repeat(5000)}</t></is></c></row>`), { limits: { maxStringChars: 1000 } })).code).toBe('too-large');
    const deep = `${'<x>'.repeat(300)}${'</x>'.repeat(300)}`;
    const e = await failure(one('<row r="1"><c r="A1"><v>1</v></c></row>', `<extLst>${deep}</extLst>`));
    expect(e.code).toBe('damaged');
    expect(e.message).toMatch(/중첩/);
  });

  it('a styles or shared strings part the workbook refers to but the zip lacks is damage, named (not a read without formats)', async () => {
    const styles = `<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="10"/></cellXfs></styleSheet>`;
    for (const [gone, what] of [
      ['xl/styles.xml', /xl\/styles\.xml.*styles part the workbook refers to is missing/],
      ['xl/sharedStrings.xml', /xl\/sharedStrings\.xml.*shared strings part the workbook refers to is missing/],
    ] as const) {
      const parts = workbookParts([{ name: '표', xml: sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" s="1"><v>0.686</v></c></row>') }], { sharedStrings: ['고용률'], styles });
      expect((await readXlsxBuffer(zipParts(parts))).grid.sheets[0].rows[0][1]).toEqual({ value: 0.686, numFmt: '0.00%' });
      delete parts[gone];
      const e = await failure(zipParts(parts));
      expect(e.code).toBe('damaged');
      expect(e.message).toMatch(what);
    }
  });

  it('a CRC mismatch is "damaged" with the entry name', async () => {
    const buf = Buffer.from(readFileSync(EXAMPLE));
    const zip = openZip(buf);
    const victim = zip.entries.find((x) => /^xl\/worksheets\/sheet\d+\.xml$/.test(x.name))!;
    // change the CRC recorded in the central directory for that entry
    const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let p = buf.readUInt32LE(eocd + 16);
    for (;;) {
      const nameLen = buf.readUInt16LE(p + 28);
      if (buf.toString('utf8', p + 46, p + 46 + nameLen) === victim.name) break;
      p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    buf.writeUInt32LE((buf.readUInt32LE(p + 16) ^ 1) >>> 0, p + 16);
    const e = await failure(buf);
    expect(e.code).toBe('damaged');
    expect(e.message).toMatch(/^파일이 손상되었습니다/);
    expect(e.message).toContain(victim.name);
  });

  it('an entry that inflates past its recorded size is damage, stopped early', async () => {
    const buf = one('<row r="1"><c r="A1"><v>1</v></c></row>');
    const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    let p = buf.readUInt32LE(eocd + 16);
    for (;;) {
      const nameLen = buf.readUInt16LE(p + 28);
      if (buf.toString('utf8', p + 46, p + 46 + nameLen) === 'xl/worksheets/sheet1.xml') break;
      p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
    }
    buf.writeUInt32LE(10, p + 24);
    const e = await failure(buf);
    expect(e.code).toBe('damaged');
    expect(e.message).toContain('xl/worksheets/sheet1.xml');
  });

  it('a truncated file is "truncated"', async () => {
    const buf = readFileSync(EXAMPLE);
    expect((await failure(buf.subarray(0, Math.floor(buf.length / 2)))).code).toBe('truncated');
  });

  it('a zip bomb (abnormal ratio) is refused before it is inflated', async () => {
    const sheet = sheetXml(`<row r="1"><c r="A1"><v>1</v></c></row>`, `<extLst>${' '.repeat(40 * 1024 * 1024)}</extLst>`);
    const e = await failure(zipParts(workbookParts([{ name: '표', xml: sheet }]), 9));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/압축 폭탄|zip bomb/);
  });

  it('a password-protected entry, an encrypted package, a legacy .xls and another OLE file are told apart', async () => {
    const buf = one('<row r="1"><c r="A1"><v>1</v></c></row>');
    const eocd = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
    const p = buf.readUInt32LE(eocd + 16);
    buf.writeUInt16LE(buf.readUInt16LE(p + 8) | 1, p + 8);
    expect((await failure(buf)).code).toBe('encrypted');
    expect((await failure(oleFile(['EncryptionInfo', 'EncryptedPackage']))).code).toBe('encrypted');
    expect((await failure(oleFile(['Workbook']))).code).toBe('unsupported');
    const other = await failure(oleFile(['WordDocument']));
    expect(other.code).toBe('not-xlsx');
    expect(other.message).not.toMatch(/암호|password/);
  });

  it('not a zip, and a zip without a workbook', async () => {
    expect((await failure(Buffer.from('hello, world'))).code).toBe('not-xlsx');
    expect((await failure(zipParts({ 'readme.txt': '안내' }))).code).toBe('not-xlsx');
    expect((await failure(Buffer.alloc(0))).code).toBe('empty');
  });

  it('a zip of another office format says which, and what to do (an .ods, a Word or PowerPoint file renamed .xlsx)', async () => {
    const ods = await failure(zipParts({ mimetype: 'application/vnd.oasis.opendocument.spreadsheet', 'content.xml': '<office:document-content/>', 'META-INF/manifest.xml': '<manifest/>' }));
    expect([ods.code, ods.message]).toEqual(['not-xlsx', expect.stringContaining('OpenDocument 문서입니다(.ods 등)) — LibreOffice에서 .xlsx로 저장한 뒤 다시 검사하세요')]);
    expect((await failure(zipParts({ 'word/document.xml': '<w/>' }))).message).toContain('Word 문서입니다');
    expect((await failure(zipParts({ 'ppt/presentation.xml': '<p/>' }))).message).toContain('PowerPoint 문서입니다');
  });
});
