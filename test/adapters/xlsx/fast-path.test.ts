/**
 * The reader's fast paths (xml.ts: XmlScanner.cellTag, the usual worksheet cell, and stringTag, the
 * usual shared string, each read in one go) against its general path: on hand-written parts and on
 * thousands of seeded mutations of them, the reader gives the same grid, or the same error, with the
 * fast paths on and with them switched off.
 */
import { XmlScanner } from '../../../src/adapters/xlsx/xml';
import { readXlsxBuffer } from '../../../src/adapters/xlsx/read';
import { sheetXml, workbookParts, zipParts } from '../../support/ooxml';

const STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="2"><numFmt numFmtId="164" formatCode="#,##0"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>' +
  '<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/></cellXfs></styleSheet>';
const STRINGS = ['영', '일', '이 삼', 'four'];

const ROWS =
  '<row r="1" spans="1:7"><c r="A1" s="1" t="s"><v>0</v></c><c r="B1" s="1"/><c r="C1" s="2"><v>45000</v></c><c r="D1" t="str"><v>text</v></c>' +
  '<c r="E1" t="b"><v>1</v></c><c r="F1" t="e"><v>#REF!</v></c><c r="G1" t="s" s="0"><v>3</v></c></row>' +
  '<row r="2" ht="15" customHeight="1" x14ac:dyDescent="0.25" spans="1:7"><c r="A2"><v>-1.5</v></c><c r="B2" s="1"><v>1234567</v></c><c r="C2"><f>A2*2</f><v>-3</v></c><c r="D2" t="inlineStr"><is><t>안</t></is></c>' +
  '<c r="E2" t="s"><v>2</v></c><c r="F2"></c><c s="1" r="G2"><v>7</v></c></row>' +
  '<row r="4"><c r="A4" t="s"><v>1</v></c><c><v>5</v></c><c t="n"><v>6</v></c><c r="E4"><v>1e3</v></c></row>';
const MERGES = '<mergeCells count="1"><mergeCell ref="A4:B4"/></mergeCells>';

/** The grid (or the error) the reader gives for a sheet part (and a shared strings part, when given). */
async function read(xml: string, sst?: string): Promise<string> {
  const parts = workbookParts([{ name: '표', xml }], { sharedStrings: STRINGS, styles: STYLES });
  if (sst !== undefined) parts['xl/sharedStrings.xml'] = sst;
  try {
    const r = await readXlsxBuffer(zipParts(parts), 'x.xlsx');
    return JSON.stringify(r.grid);
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return `error ${err.code}: ${err.message}`;
  }
}

type Fast = 'cellTag' | 'stringTag' | 'plainAttributes';
const FAST: Fast[] = ['cellTag', 'stringTag', 'plainAttributes'];
const proto = XmlScanner.prototype as unknown as Record<Fast, (at: number) => number>;
const original = { cellTag: proto.cellTag, stringTag: proto.stringTag, plainAttributes: proto.plainAttributes };
let fastCalls = 0;
let fastTaken = 0;

/** Reads with the fast paths on (counting how often `which` took its element) and all of them off. */
async function both(which: Fast, xml: string, sst?: string): Promise<[string, string]> {
  proto[which] = function (this: XmlScanner, at: number) {
    fastCalls += 1;
    const p = original[which].call(this, at);
    if (p >= 0) fastTaken += 1;
    return p;
  };
  const fast = await read(xml, sst);
  for (const f of FAST) proto[f] = () => -1;
  const general = await read(xml, sst);
  for (const f of FAST) proto[f] = original[f];
  return [fast, general];
}

/**
 * Reads each mutant with the fast paths on and off (read: one of `both`'s calls), after resetting the
 * counts of fast-path calls: the mutants that read differently, and how many read the same to a grid or
 * to an error.
 */
async function compareAll(mutated: string[], read: (s: string) => Promise<[string, string]>): Promise<{ differences: string[]; same: number; errors: number }> {
  const differences: string[] = [];
  let same = 0;
  let errors = 0;
  fastCalls = 0;
  fastTaken = 0;
  for (const [i, s] of mutated.entries()) {
    const [fast, general] = await read(s);
    if (fast !== general) differences.push(`#${i} ${JSON.stringify(s)}\n  fast:    ${fast.slice(0, 300)}\n  general: ${general.slice(0, 300)}`);
    else if (fast.startsWith('error')) errors += 1;
    else same += 1;
  }
  return { differences, same, errors };
}

afterEach(() => {
  for (const f of FAST) proto[f] = original[f];
});

/**
 * `count` seeded mutants of `base` edited between `from` and `to`, half of the edits just inside a
 * quoted value or after one of `openers` (where only insertions are made when `insertAtOpeners`).
 */
function mutants(base: string, from: number, to: number, pieces: string[], openers: string[], count: number, insertAtOpeners = false): string[] {
  let seed = 20261207;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    let s = base;
    const edits = rnd(4) === 0 ? 2 : 1;
    for (let j = 0; j < edits; j++) {
      let at = from + rnd(to - from);
      let opener = '';
      if (rnd(2) === 0) {
        opener = rnd(2) ? '"' : openers[rnd(openers.length)];
        const q = s.indexOf(opener, at);
        if (q >= 0 && q < to) at = q + opener.length + (insertAtOpeners ? 0 : rnd(2));
      }
      const piece = pieces[rnd(pieces.length)];
      const op = insertAtOpeners && opener !== '' && opener !== '"' ? 0 * rnd(3) : rnd(3);
      s = op === 0 ? s.slice(0, at) + piece + s.slice(at) : op === 1 ? s.slice(0, at) + s.slice(at + 1 + rnd(2)) : s.slice(0, at) + piece + s.slice(at + 1);
    }
    out.push(s);
  }
  return out;
}

describe('the fast cell path reads as the general path', () => {
  it('on a sheet with every kind of cell (values spelled out)', async () => {
    fastTaken = 0;
    const [fast, general] = await both('cellTag', sheetXml(ROWS, MERGES));
    expect(fast).toEqual(general);
    expect(fastTaken).toBeGreaterThanOrEqual(15); // the fast path did read most of it
    const grid = JSON.parse(fast) as { sheets: { rows: ({ value: unknown } | null)[][] }[] };
    const rows = grid.sheets[0].rows;
    expect(rows[0].map((c) => c?.value ?? null)).toEqual(['영', null, '2023-03-15', 'text', true, '#REF!', 'four']);
    expect(rows[1].map((c) => c?.value ?? null)).toEqual([-1.5, 1234567, -3, '안', '이 삼', null, 7]);
    expect(rows[3].map((c) => c?.value ?? null)).toEqual(['일', null, 6, null, 1000]); // B4 under the merge
  });

  it('on addresses, styles and types at and past what it reads itself', async () => {
    const cells = ['<c r="XFD2"><v>1</v></c>', '<c r="XFE2"><v>1</v></c>', '<c r="A1048576"><v>1</v></c>', '<c r="A1048577"><v>1</v></c>', '<c r="A0"><v>1</v></c>',
      '<c r="AAAA1"><v>1</v></c>', '<c r="a1"><v>1</v></c>', '<c r="$A$1"><v>1</v></c>', '<c r="A01"><v>1</v></c>', '<c r="A12345678"><v>1</v></c>', '<c r="B2" s="123456789"><v>1</v></c>',
      '<c r="B2" s="1234567890"><v>1</v></c>', '<c r="B2" s="01"><v>1</v></c>', '<c r="B2" t="abcdefghi"><v>1</v></c>', '<c r="B2" t="abcdefghij"><v>1</v></c>', '<c r="B2" t="str"><v>x</v></c>',
      '<c r="B2" t="inlineStr"><v>x</v></c>', '<c r="B2" t="e"><v>#N/A</v></c>', '<c r="B2" t="d"><v>2024-01-02</v></c>', '<c r="B2" t="b"><v>0</v></c>', '<c r="B2" t=""><v>1</v></c>'];
    const outcomes = new Set<string>();
    for (const c of cells) {
      fastTaken = 0;
      const [fast, general] = await both('cellTag', sheetXml(`<row r="2">${c}</row>`));
      expect([c, fast]).toEqual([c, general]);
      outcomes.add(`${fastTaken > 0 ? 'fast' : 'general'} ${fast.startsWith('error') ? 'error' : 'read'}`);
    }
    expect([...outcomes].sort()).toEqual(['fast read', 'general error', 'general read']);
  });

  it('on seeded mutations of that sheet (the same grid, or the same error)', async () => {
    const PIECES = [' ', '  ', '"', "'", '=', '<', '>', '/', '/>', 'r', 's', 't', 'x', 'A', '1', '$', '-', '.', ':', '&amp;', '&#49;', '&lt;', '&bad;', ']', ']]>',
      '\t', '\r', '\n', '\u0001', 'é', '가', '\u007f', 'v', 'c', '<v>', '</v>', '<v/>', '</c>', '<c r="A1">', '<c r="B9" t="s">', ' t="s"', ' s="1"', ' r="Z1"', ' cm="1"', 'x:', '<f>1</f>', '<!---->'];
    const base = sheetXml(ROWS, MERGES);
    const { differences, same, errors } = await compareAll(mutants(base, base.indexOf('<sheetData>'), base.indexOf('</sheetData>'), PIECES, ['<v>'], 1200), (s) => both('cellTag', s));
    expect(differences.slice(0, 3)).toEqual([]);
    // both outcomes well represented, and the fast path both taken and declined
    expect(same).toBeGreaterThan(200);
    expect(errors).toBeGreaterThan(200);
    expect(fastTaken).toBeGreaterThan(5000);
    expect(fastCalls - fastTaken).toBeGreaterThan(1000);
  });
});

describe('the fast attribute path reads as the general path', () => {
  it('on seeded mutations of rows, cells and merged ranges (the same grid, or the same error)', async () => {
    const PIECES = [' ', '  ', '"', "'", '=', '<', '>', '/', '/>', 'r', 's', 'x', 'A', '1', ':', '-', '.', '_', '&amp;', '&#49;', '&bad;', '\t', '\r', '\n', '\u0001', 'é', '가',
      '\u007f', 'r="1" ', 'ht="2" ', 'x:y="3" ', '1a="4" ', '_b="5" ', 'c.d-e="6" ', 'r=\'7\' ', 'spans="1:2" ', 'ref="A1:B2" ', 'a="&amp;" ', 'b="<" ', 'c="\t" ',
      'd="é" ', 'e = "1" ', 'f="1"\t', 'g="" ', 'h="1"/', '<mergeCell ref="C1:D1"/>'];
    const base = sheetXml(ROWS, MERGES);
    const { differences, same, errors } = await compareAll(mutants(base, base.indexOf('<sheetData>'), base.indexOf('</worksheet>'), PIECES, ['<row ', '<mergeCell ', '<c ', '" '], 1200, true), (s) => both('plainAttributes', s));
    expect(differences.slice(0, 3)).toEqual([]);
    expect(same).toBeGreaterThan(200);
    expect(errors).toBeGreaterThan(200);
    expect(fastTaken).toBeGreaterThan(5000);
    expect(fastCalls - fastTaken).toBeGreaterThan(300);
  });
});

const SST_ITEMS = [
  '<si><t>지역일자리 목표 공시제</t></si>',
  '<si><t xml:space="preserve"> 앞뒤 공백 </t></si>',
  '<si><t>plain ASCII text, with > and ] and quotes "\'</t></si>',
  '<si><r><t>굵게</t></r><r><rPr><b/></rPr><t xml:space="preserve"> 보통</t></r></si>',
  '<si><t>가</t><rPh sb="0" eb="1"><t>ka</t></rPh></si>',
  '<si><t>A &amp; B &#44608;</t></si>',
  '<si><t>line\nbreak\ttab</t></si>',
  '<si><t/></si>',
  '<si><t></t></si>',
  '<si><t>é</t></si>',
];
const SST = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="10" uniqueCount="10">${SST_ITEMS.join('')}</sst>`;
const SST_SHEET = sheetXml(`<row r="1">${SST_ITEMS.map((_, i) => `<c r="${String.fromCharCode(65 + i)}1" t="s"><v>${i}</v></c>`).join('')}</row>`);

describe('the fast shared-string path reads as the general path', () => {
  it('on shared strings of every kind (values spelled out)', async () => {
    fastTaken = 0;
    const [fast, general] = await both('stringTag', SST_SHEET, SST);
    expect(fast).toEqual(general);
    expect(fastTaken).toBe(5); // the first three, the line break and é; the others are read by the general path
    const grid = JSON.parse(fast) as { sheets: { rows: ({ value: unknown } | null)[][] }[] };
    expect(grid.sheets[0].rows[0].map((c) => c?.value ?? null)).toEqual([
      '지역일자리 목표 공시제', ' 앞뒤 공백 ', 'plain ASCII text, with > and ] and quotes "\'', '굵게 보통', '가', 'A & B 김', 'line\nbreak\ttab', '', '', 'é',
    ]);
  });

  it('on seeded mutations of them (the same grid, or the same error)', async () => {
    const PIECES = [' ', '"', '=', '<', '>', '/', '/>', 't', 'si', 'x', ':', '&amp;', '&#49;', '&bad;', '&', ']', ']]>', '\t', '\r', '\n', '\r\n', '\u0001',
      'é', '가', '\uFFFE', '\uFFFF', '\u2028', '<t>', '</t>', '<si>', '</si>', '<t/>', ' xml:space="preserve"', 'preserve', '<!---->', '<![CDATA[x]]>', '<r>', '<rPh>'];
    const { differences, same, errors } = await compareAll(mutants(SST, SST.indexOf('<si>'), SST.indexOf('</sst>'), PIECES, ['<t>', '">'], 1200), (s) => both('stringTag', SST_SHEET, s));
    expect(differences.slice(0, 3)).toEqual([]);
    expect(same).toBeGreaterThan(200);
    expect(errors).toBeGreaterThan(200);
    expect(fastTaken).toBeGreaterThan(3000);
    expect(fastCalls - fastTaken).toBeGreaterThan(1000);
  });
});
