/**
 * The .hwpx reader against documents 한글 itself saved (../shared/hwpx-samples, from hwpxlib's test
 * files): their tables read cell for cell, with the spans 한글 wrote, and bad inputs get one clear line.
 * The expected cells were read by hand from each sample's Contents/section0.xml and checked against the
 * preview text 한글 stores beside it (Preview/PrvText.txt, cells as <text>).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { readHwpxBuffer, readHwpxFile } from '../../../src/adapters/hwpx/read';
import { InputReadError } from '../../../src/adapters/read-error';
import type { GridSheet } from '../../../src/core/grid/grid';

const SAMPLES = path.resolve(__dirname, '../../../../shared/hwpx-samples');
const sample = (name: string) => readFileSync(path.join(SAMPLES, name));

/** The grid's cells as text (numbers as the reader gives them), holes as ''. */
function texts(sheet: GridSheet, from: number, count: number, width: number): string[][] {
  return Array.from({ length: count }, (_, r) => Array.from({ length: width }, (_, c) => {
    const v = sheet.rows[from + r]?.[c]?.value;
    return v === null || v === undefined ? '' : String(v);
  }));
}

function errorOf(run: () => unknown): InputReadError {
  try {
    run();
  } catch (e) {
    if (e instanceof InputReadError) return e;
    throw e;
  }
  throw new Error('no error thrown');
}

describe('samples saved by 한글', () => {
  test('SimpleTable: a 3×3 table with a 2×2 merge and a 1×2 merge', () => {
    const r = readHwpxBuffer(sample('reader_writer-SimpleTable.hwpx'));
    const sheet = r.grid.sheets[0];
    expect(r.tables).toEqual([{ no: 1, heading: '', firstRow: 0, rows: 3, cols: 3, page: 1, parent: null }]);
    expect(texts(sheet, 0, 3, 3)).toEqual([
      ['1', '', '2'],
      ['', '', '3'],
      ['5', '4', ''],
    ]);
    expect(sheet.merges).toEqual(['A1:B2', 'B3:C3']);
    // Numbers as 한글 shows them become numbers, with the format they were shown in.
    expect(sheet.rows[0][0]).toEqual({ value: 1, numFmt: '0;"△"0;"-"' });
    expect(sheet.source?.kind).toBe('hwpx');
    expect(sheet.source?.locate(2, 1)).toEqual({ sheet: '표 1', cell: '3행 2열, 1쪽' });
  });

  test('Table: a text box, a field, then a 6×4 table; cells agree with 한글’s own preview text', () => {
    const buf = sample('textextractor-Table.hwpx');
    const r = readHwpxBuffer(buf);
    const sheet = r.grid.sheets[0];
    expect(sheet.rows[0]).toEqual([{ value: 'C반 기말고사' }]);
    expect(sheet.rows[2]).toEqual([{ value: '날짜' }]);
    expect(r.tables).toEqual([{ no: 1, heading: '날짜', firstRow: 4, rows: 6, cols: 4, page: 1, parent: null }]);
    const cells = texts(sheet, 4, 6, 4);
    expect(cells).toEqual([
      ['이름', '국어', '영어', '수학'],
      ['개똥이', '89', '65', '78'],
      ['칠득이', '77', '77', '77'],
      ['팔푼이', '88', '88', '88'],
      ['육손이', '66', '66', '66'],
      ['합계', '', '', ''],
    ]);
    // 한글's preview lists each table row as <cell><cell>…
    const preview = new TextDecoder().decode(unzipSync(new Uint8Array(buf))['Preview/PrvText.txt']);
    const previewRows = preview.split(/\r?\n/).filter((l) => l.startsWith('<') && l.split('><').length === 4);
    expect(previewRows.map((l) => l.replace(/^<|>$/g, '').split('><'))).toEqual(cells);
    expect(sheet.source?.locate(5, 1)).toEqual({ sheet: '표 1 「날짜」', cell: '2행 2열, 1쪽' });
    expect(sheet.source?.locate(0, 0)).toEqual({ sheet: '본문', cell: '문단 1, 1쪽' });
  });

  test('an empty document reads as an empty sheet', () => {
    const r = readHwpxBuffer(sample('tool-blank.hwpx'));
    expect(r.grid.sheets).toHaveLength(1);
    expect(r.grid.sheets[0].rows).toEqual([]);
    expect(r.tables).toEqual([]);
  });
});

/** A package like 한글's: the sample's parts with section0.xml replaced by `body` (paragraph XML). */
function packageWith(body: string, extra: Zippable = {}): Uint8Array {
  const parts = unzipSync(new Uint8Array(sample('reader_writer-SimpleTable.hwpx')));
  const section = new TextDecoder().decode(parts['Contents/section0.xml']);
  const open = section.slice(0, section.indexOf('<hp:p '));
  const files: Zippable = {};
  for (const [name, data] of Object.entries(parts)) files[name] = name === 'mimetype' ? [data, { level: 0 }] : data;
  files['Contents/section0.xml'] = strToU8(`${open}${body}</hs:sec>`);
  return zipSync({ ...files, ...extra });
}

const para = (text: string, extra = '') => `<hp:p id="0" paraPrIDRef="0" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0"${extra}><hp:run charPrIDRef="0"><hp:t>${text}</hp:t></hp:run></hp:p>`;
const cell = (row: number, col: number, inner: string, span = [1, 1]) =>
  `<hp:tc name="" header="0" hasMargin="0" protect="0" editable="0" dirty="0" borderFillIDRef="3"><hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="CENTER">${inner}</hp:subList><hp:cellAddr colAddr="${col}" rowAddr="${row}"/><hp:cellSpan colSpan="${span[1]}" rowSpan="${span[0]}"/><hp:cellSz width="1000" height="1000"/></hp:tc>`;
const table = (rows: string[][], cols: number) =>
  `<hp:p id="0" paraPrIDRef="0" styleIDRef="0" pageBreak="0" columnBreak="0" merged="0"><hp:run charPrIDRef="0"><hp:tbl id="1" rowCnt="${rows.length}" colCnt="${cols}" cellSpacing="0" borderFillIDRef="3">${rows
    .map((r) => `<hp:tr>${r.join('')}</hp:tr>`)
    .join('')}</hp:tbl><hp:t/></hp:run></hp:p>`;

describe('document structure', () => {
  test('every paragraph of a cell, tables nested in a cell, a box around a table, and a table continued on the next page', () => {
    const nested = table([[cell(0, 0, para('안')), cell(0, 1, para('쪽'))]], 2);
    const body = [
      para('① 과제'),
      // a one-cell box holding a heading and the real table
      table([[cell(0, 0, para('□ 연차별 추진계획') + table([[cell(0, 0, para('세부사업명')), cell(0, 1, para('2023년'))], [cell(1, 0, para('총 계')), cell(1, 1, para('1,234'))]], 2))]], 1),
      para(''),
      // the same table continued after a page break, its header repeated
      table([[cell(0, 0, para('세부사업명')), cell(0, 1, para('2023년'))], [cell(1, 0, para('청년<hp:lineBreak/>사업')), cell(1, 1, para('△5'))]], 2),
      para('다음 표'),
      table([[cell(0, 0, para('첫 문단') + para('둘째 문단')), cell(0, 1, nested)], [cell(1, 0, para('-'), [1, 2])]], 2),
    ].join('');
    const r = readHwpxBuffer(packageWith(body));
    const sheet = r.grid.sheets[0];
    expect(sheet.rows.map((row) => row.map((c) => c?.value ?? ''))).toEqual([
      ['① 과제'],
      ['□ 연차별 추진계획'],
      ['세부사업명', '2023년'],
      ['총 계', 1234],
      ['청년\n사업', -5],
      [], // a table ends with a blank line
      ['다음 표'],
      ['첫 문단\n둘째 문단'], // the second cell holds only the nested table
      ['-'],
      [],
      ['안', '쪽'],
    ]);
    expect(sheet.rows[3][1]).toEqual({ value: 1234, numFmt: '#,##0;"△"#,##0;"-"' });
    expect(sheet.merges).toEqual(['A9:B9']);
    expect(r.tables.map(({ no, heading, firstRow, rows, parent }) => ({ no, heading, firstRow, rows, parent }))).toEqual([
      { no: 1, heading: '① 과제', firstRow: 2, rows: 3, parent: null },
      { no: 2, heading: '다음 표', firstRow: 7, rows: 2, parent: null },
      { no: 3, heading: '표 2 안', firstRow: 10, rows: 1, parent: 2 },
    ]);
    // No line positions in this hand-made section: no page is claimed.
    expect(sheet.source?.locate(4, 1)).toEqual({ sheet: '표 1 「① 과제」', cell: '3행 2열' });
    expect(sheet.source?.locate(10, 0)).toEqual({ sheet: '표 3 「표 2 안」', cell: '1행 1열' });
  });

  test('pages counted where 한글 records them: page breaks and line positions starting again', () => {
    const lines = (v: number) => `<hp:linesegarray><hp:lineseg textpos="0" vertpos="${v}" vertsize="1000" textheight="1000" baseline="850" spacing="600" horzpos="0" horzsize="42520" flags="393216"/></hp:linesegarray>`;
    const p = (text: string, v: number, brk = false) => para(text, brk ? '' : '').replace('pageBreak="0"', `pageBreak="${brk ? 1 : 0}"`).replace('</hp:run></hp:p>', `</hp:run>${lines(v)}</hp:p>`);
    const body = [p('가', 0), p('나', 60000), p('다', 0), p('라', 1600, true), p('마', 3200)].join('');
    const sheet = readHwpxBuffer(packageWith(body)).grid.sheets[0];
    expect(sheet.rows.map((_, i) => sheet.source!.locate(i, 0).cell)).toEqual(['문단 1, 1쪽', '문단 2, 1쪽', '문단 3, 2쪽', '문단 4, 3쪽', '문단 5, 3쪽']);
  });

  test('a table continued on the next page: each part’s rows name the page they are on', () => {
    const lines = (v: number) => `<hp:linesegarray><hp:lineseg textpos="0" vertpos="${v}" vertsize="1000" textheight="1000" baseline="850" spacing="600" horzpos="0" horzsize="42520" flags="393216"/></hp:linesegarray>`;
    const at = (xml: string, v: number) => xml.replace(/<\/hp:run><\/hp:p>$/, `</hp:run>${lines(v)}</hp:p>`);
    const head = [cell(0, 0, para('세부사업명')), cell(0, 1, para('2023년'))];
    const body = [
      at(para('분야별 목표'), 0),
      at(table([head, [cell(1, 0, para('가')), cell(1, 1, para('1'))]], 2), 1600),
      at(table([head, [cell(1, 0, para('나')), cell(1, 1, para('2'))]], 2), 0),
    ].join('');
    const r = readHwpxBuffer(packageWith(body));
    const sheet = r.grid.sheets[0];
    expect(r.tables).toHaveLength(1);
    expect(sheet.rows.map((row) => row.map((c) => c?.value ?? ''))).toEqual([['분야별 목표'], ['세부사업명', '2023년'], ['가', 1], ['나', 2]]);
    expect([1, 2, 3].map((i) => sheet.source!.locate(i, 1).cell)).toEqual(['1행 2열, 1쪽', '2행 2열, 1쪽', '3행 2열, 2쪽']);
  });

  test('headers, footers and footnotes are not read; an hp:switch is read once', () => {
    const ctrl = (el: string, text: string) => `<hp:p id="0" paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0"><hp:ctrl><hp:${el}><hp:subList>${para(text)}</hp:subList></hp:${el}></hp:ctrl><hp:t>본문</hp:t></hp:run></hp:p>`;
    const sw = `<hp:p id="0" paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0"><hp:switch><hp:case hp:required-namespace="urn:x"><hp:t>한 번</hp:t></hp:case><hp:default><hp:t>한 번</hp:t></hp:default></hp:switch></hp:run></hp:p>`;
    const sheet = readHwpxBuffer(packageWith(ctrl('header', '머리말') + ctrl('footer', '쪽 번호') + ctrl('footNote', '각주') + sw)).grid.sheets[0];
    expect(sheet.rows.map((r) => r.map((c) => c?.value))).toEqual([['본문'], ['본문'], ['본문'], ['한 번']]);
  });
});

test('track changes (변경 내용 추적): deleted text, kept in the XML between hp:deleteBegin and hp:deleteEnd, is not read; inserted text is', () => {
  // As 한글 writes them (hwpxlib's testFile/ChangeTrack.hwpx): the marks sit inside hp:t.
  const del = (id: number, text: string, end = '0') => `<hp:deleteBegin Id="${id}" TcId="${id}"/>${text}<hp:deleteEnd Id="${id}" TcId="${id}" paraend="${end}"/>`;
  const ins = (id: number, text: string) => `<hp:insertBegin Id="${id}" TcId="${id}"/>${text}<hp:insertEnd Id="${id}" TcId="${id}" paraend="0"/>`;
  const body =
    para(`변경${del(1, ' 추적')} 내용`) +
    // a deletion running over two runs and to the end of its paragraph
    `<hp:p id="0" paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0"><hp:t>남는 글<hp:deleteBegin Id="2" TcId="2"/>지운 글</hp:t></hp:run><hp:run charPrIDRef="1"><hp:t>도 지움<hp:deleteEnd Id="2" TcId="2" paraend="1"/></hp:t></hp:run></hp:p>` +
    table([
      [cell(0, 0, para('세부사업명')), cell(0, 1, para('2023년')), cell(0, 2, para('2024년'))],
      // 12 changed to 18; 1,234 changed to 234 (a number that still reads as one if the deletion were kept)
      [cell(1, 0, para('총 계')), cell(1, 1, para(`1${del(3, '2')}${ins(4, '8')}`)), cell(1, 2, para(`${del(5, '1,')}234`))],
      // a deletion left open in one cell does not reach into the next
      [cell(2, 0, para(`청년<hp:deleteBegin Id="6" TcId="6"/>사업`)), cell(2, 1, para('5')), cell(2, 2, para('6'))],
    ], 3);
  const sheet = readHwpxBuffer(packageWith(body)).grid.sheets[0];
  expect(sheet.rows.map((row) => row.map((c) => c?.value ?? ''))).toEqual([
    ['변경 내용'],
    ['남는 글'],
    ['세부사업명', '2023년', '2024년'],
    ['총 계', 18, 234],
    ['청년', 5, 6],
  ]);
});

test('memos (메모) are not read: a memo on a figure leaves the figure, and pages are still counted after a memo', () => {
  // A memo is a field whose hp:fieldBegin holds the memo's own paragraphs (no line positions of their own).
  const memo = (id: number, text: string) =>
    `<hp:ctrl><hp:fieldBegin id="${id}" type="MEMO" name="" editable="1" dirty="0" zorder="-1" fieldid="${id}"><hp:parameters cnt="1" name=""><hp:stringParam name="Author">검토자</hp:stringParam></hp:parameters><hp:subList id="" textDirection="HORIZONTAL" lineWrap="BREAK" vertAlign="TOP">${para(text)}</hp:subList></hp:fieldBegin></hp:ctrl>`;
  const end = (id: number) => `<hp:ctrl><hp:fieldEnd beginIDRef="${id}" fieldid="${id}"/></hp:ctrl>`;
  const lines = (v: number) => `<hp:linesegarray><hp:lineseg textpos="0" vertpos="${v}" vertsize="1000" textheight="1000" baseline="850" spacing="600" horzpos="0" horzsize="42520" flags="393216"/></hp:linesegarray>`;
  const at = (xml: string, v: number) => xml.replace(/<\/hp:p>$/, `${lines(v)}</hp:p>`);
  const body = [
    at(`<hp:p id="0" paraPrIDRef="0" styleIDRef="0" pageBreak="0"><hp:run charPrIDRef="0">${memo(1, '확인 필요')}<hp:t>2 분야별 목표</hp:t>${end(1)}</hp:run></hp:p>`, 0),
    at(table([[cell(0, 0, para('구 분')), cell(0, 1, para('합계'))], [cell(1, 0, para('청년')), cell(1, 1, `<hp:p id="0" paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0">${memo(2, '4,193으로 고칠 것')}<hp:t>4,197</hp:t>${end(2)}</hp:run></hp:p>`)]], 2), 1600),
    at(para('다음 쪽'), 0),
  ].join('');
  const sheet = readHwpxBuffer(packageWith(body)).grid.sheets[0];
  expect(sheet.rows.map((row) => row.map((c) => c?.value ?? ''))).toEqual([['2 분야별 목표'], ['구 분', '합계'], ['청년', 4197], [], ['다음 쪽']]);
  expect(sheet.source?.locate(2, 1)).toEqual({ sheet: '표 1 「2 분야별 목표」', cell: '2행 2열, 1쪽' });
  expect(sheet.source?.locate(4, 0)).toEqual({ sheet: '본문', cell: '문단 2, 2쪽' });
});

test('figures typed in 전각 (full-width) mode read as numbers with their decimals: １，２３４, １２．５, △３', () => {
  const body = table([[cell(0, 0, para('세부사업명')), cell(0, 1, para('２０２３년')), cell(0, 2, para('２０２４년'))], [cell(1, 0, para('총 계')), cell(1, 1, para('１，２３４')), cell(1, 2, para('１２．５'))], [cell(2, 0, para('청년')), cell(2, 1, para('△３')), cell(2, 2, para('－'))]], 3);
  const sheet = readHwpxBuffer(packageWith(body)).grid.sheets[0];
  expect(sheet.rows[1][1]).toEqual({ value: 1234, numFmt: '#,##0;"△"#,##0;"-"' });
  expect(sheet.rows[1][2]).toEqual({ value: 12.5, numFmt: '0.0;"△"0.0;"-"' });
  expect(sheet.rows[2][1]).toMatchObject({ value: -3 });
  expect(sheet.rows[2][2]).toEqual({ value: '－' }); // a dash: none, as the reader takes it
});

test('XML parts in UTF-16 (by byte order mark) are read, not taken for an encrypted body', () => {
  const utf16 = (text: string, bigEndian = false) => {
    const out = new Uint8Array(2 + text.length * 2);
    out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out.set(bigEndian ? [c >> 8, c & 0xff] : [c & 0xff, c >> 8], 2 + i * 2);
    }
    return out;
  };
  const parts = unzipSync(packageWith(para('x')));
  const original = new TextDecoder().decode(parts['Contents/section0.xml']);
  const section = (body: string) => original.replace('encoding="UTF-8"', 'encoding="UTF-16"').replace(/<hp:p [\s\S]*<\/hs:sec>$/, `${body}</hs:sec>`);
  parts['Contents/section0.xml'] = utf16(section(table([[cell(0, 0, para('총 계')), cell(0, 1, para('1,234'))]], 2)));
  const r = readHwpxBuffer(zipSync(parts));
  expect(r.grid.sheets[0].rows.map((row) => row.map((c) => c?.value ?? ''))).toEqual([['총 계', 1234]]);
  // Two sections whose order only a UTF-16 content.hpf gives (section1 first).
  parts['Contents/section1.xml'] = utf16(section(para('먼저')), true);
  const hpf = new TextDecoder().decode(parts['Contents/content.hpf']).replace('encoding="UTF-8"', 'encoding="UTF-16"');
  const items = '<opf:item id="section0" href="Contents/section0.xml" media-type="application/xml"/><opf:item id="section1" href="Contents/section1.xml" media-type="application/xml"/>';
  parts['Contents/content.hpf'] = utf16(hpf.replace(/<opf:item id="section0"[^>]*\/>/, items).replace(/<opf:itemref idref="section0"[^>]*\/>/, '<opf:itemref idref="section1" linear="yes"/><opf:itemref idref="section0" linear="yes"/>'));
  expect(readHwpxBuffer(zipSync(parts)).grid.sheets[0].rows.map((row) => row.map((c) => c?.value ?? ''))).toEqual([['먼저'], ['총 계', 1234]]);
});

test("content.hpf's hrefs read from its own folder (section0.xml) as well as from the package root", () => {
  const parts = unzipSync(packageWith(para('둘째')));
  parts['Contents/section1.xml'] = parts['Contents/section0.xml'];
  parts['Contents/section0.xml'] = strToU8(new TextDecoder().decode(parts['Contents/section1.xml']).replace('둘째', '첫째'));
  const hpf = new TextDecoder().decode(parts['Contents/content.hpf']);
  const items = '<opf:item id="s0" href="section0.xml" media-type="application/xml"/><opf:item id="s1" href="section1.xml" media-type="application/xml"/>';
  expect(hpf).toMatch(/<opf:item id="section0"[^>]*\/>/);
  parts['Contents/content.hpf'] = strToU8(hpf.replace(/<opf:item id="section0"[^>]*\/>/, items).replace(/<opf:itemref idref="section0"[^>]*\/>/, '<opf:itemref idref="s0" linear="yes"/><opf:itemref idref="s1" linear="yes"/>'));
  expect(readHwpxBuffer(zipSync(parts)).grid.sheets[0].rows.map((row) => row.map((c) => c?.value ?? ''))).toEqual([['첫째'], ['둘째']]);
});

describe('bad input: one clear line each', () => {
  test('a binary .hwp document', () => {
    const ole = new Uint8Array(512);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    const e = errorOf(() => readHwpxBuffer(ole, '계획.hwp'));
    expect(e.code).toBe('unsupported');
    expect(e.message).toContain('파일 › 다른 이름으로 저장');
    expect(e.message).toContain('HWPX');
    expect(e.message).toContain('File › Save As › HWPX');
    expect(e.message).not.toContain('\n');
  });

  test('an encrypted or distribution-protected document', () => {
    const manifest = '<?xml version="1.0" encoding="UTF-8"?><odf:manifest xmlns:odf="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><odf:file-entry full-path="Contents/section0.xml" media-type="application/xml" size="100"><odf:encryption-data checksum-type="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0#sha256-1k" checksum="x"/></odf:file-entry></odf:manifest>';
    const e = errorOf(() => readHwpxBuffer(packageWith(para('x'), { 'META-INF/manifest.xml': strToU8(manifest) })));
    expect(e.code).toBe('encrypted');
    expect(e.message).toMatch(/배포용.*distribution/);
  });

  test('a body that is not XML (how a protected body is stored)', () => {
    const parts = unzipSync(packageWith(para('x')));
    parts['Contents/section0.xml'] = new Uint8Array([0x8f, 0x01, 0x22, 0x93, 0xff, 0x10]);
    const e = errorOf(() => readHwpxBuffer(zipSync(parts)));
    expect(e.code).toBe('encrypted');
  });

  test('a zip that is not HWPX, an empty file, not a zip, a cut-short package', () => {
    const xlsx = zipSync({ '[Content_Types].xml': strToU8('<Types/>'), 'xl/workbook.xml': strToU8('<workbook/>') });
    expect(errorOf(() => readHwpxBuffer(xlsx)).message).toBe('ZIP 파일이지만 한글(.hwpx) 문서가 아닙니다 (Excel 통합 문서입니다) (a zip archive but not an .hwpx document (it is an Excel workbook))');
    expect(errorOf(() => readHwpxBuffer(new Uint8Array(0))).code).toBe('empty');
    expect(errorOf(() => readHwpxBuffer(strToU8('hello'))).code).toBe('not-hwpx');
    const whole = new Uint8Array(sample('reader_writer-SimpleTable.hwpx'));
    expect(errorOf(() => readHwpxBuffer(whole.subarray(0, whole.length - 200))).code).toBe('truncated');
  });

  test('a damaged entry fails its CRC check', () => {
    const whole = new Uint8Array(sample('reader_writer-SimpleTable.hwpx'));
    const copy = whole.slice();
    // mimetype is stored, so its bytes sit right after the first local header: change one.
    const at = 30 + 'mimetype'.length;
    copy[at + 3] ^= 0x20;
    const e = errorOf(() => readHwpxBuffer(copy));
    expect(e.code).toBe('damaged');
    expect(e.message).toContain('CRC-32');
  });

  test('zip limits: too many entries, an entry inflating too far, a bomb ratio', () => {
    const small = { maxEntries: 5, maxEntryBytes: 1 << 20, maxTotalBytes: 1 << 21, maxRatio: 50, ratioFloorBytes: 1024 };
    const pkg = packageWith(para('x'));
    expect(errorOf(() => readHwpxBuffer(pkg, '', small)).code).toBe('too-large');
    const bomb = packageWith(para('0'.repeat(200_000)));
    const e = errorOf(() => readHwpxBuffer(bomb, '', { ...small, maxEntries: 100 }));
    expect(e.code).toBe('too-large');
    expect(e.message).toMatch(/section0\.xml/);
  });

  test('hostile table addresses and spans are clipped, not allocated', () => {
    const big = `<hp:p id="0" paraPrIDRef="0" styleIDRef="0"><hp:run charPrIDRef="0"><hp:tbl id="1" rowCnt="999999999" colCnt="999999999">` +
      `<hp:tr>${cell(0, 0, para('가'), [999999999, 999999999])}${cell(5_000_000, 2, para('멀리'))}</hp:tr></hp:tbl><hp:t/></hp:run></hp:p>`;
    const r = readHwpxBuffer(packageWith(big));
    expect(r.tables[0].rows).toBe(100_000);
    expect(r.tables[0].cols).toBe(1_000);
    expect(r.grid.sheets[0].merges).toEqual(['A1:ALL100000']);
  });

  test('tables nested thousands deep: one clear line, not a crash', () => {
    // Each level a two-cell table holding the next (a one-cell box would be unwrapped the same way).
    const [open, close] = table([[cell(0, 0, '@'), cell(0, 1, para('y'))]], 2).split('@');
    const body = open.repeat(3000) + para('x') + close.repeat(3000);
    const e = errorOf(() => readHwpxBuffer(packageWith(body)));
    expect(e.code).toBe('damaged');
    expect(e.message).toBe('문서의 본문 Contents/section0.xml에 표가 100단계 넘게 겹쳐 들어 있습니다 — 손상되었거나 비정상적인 문서입니다 (body section Contents/section0.xml has tables nested more than 100 deep: a damaged or abnormal document)');
    // Nesting as deep as documents have is read.
    let ok = para('x');
    for (let i = 0; i < 5; i++) ok = table([[cell(0, 0, ok), cell(0, 1, para('y'))]], 2);
    expect(readHwpxBuffer(packageWith(ok)).tables).toHaveLength(5);
  });

  test('a missing file', async () => {
    await expect(readHwpxFile('/nonexistent/plan.hwpx')).rejects.toMatchObject({ code: 'not-found' });
  });
});
