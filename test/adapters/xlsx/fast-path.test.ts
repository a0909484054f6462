/**
 * The reader's fast paths (xml.ts XmlScanner.cellTag: the usual worksheet cell read in one go) against
 * its general path: on hand-written sheets and on thousands of seeded mutations of them, the reader
 * gives the same grid, or the same error, with the fast path on and with it switched off.
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
  '<row r="2"><c r="A2"><v>-1.5</v></c><c r="B2" s="1"><v>1234567</v></c><c r="C2"><f>A2*2</f><v>-3</v></c><c r="D2" t="inlineStr"><is><t>안</t></is></c>' +
  '<c r="E2" t="s"><v>2</v></c><c r="F2"></c><c s="1" r="G2"><v>7</v></c></row>' +
  '<row r="4"><c r="A4" t="s"><v>1</v></c><c><v>5</v></c><c t="n"><v>6</v></c><c r="E4"><v>1e3</v></c></row>';
const MERGES = '<mergeCells count="1"><mergeCell ref="A4:B4"/></mergeCells>';

/** The grid (or the error) the reader gives for a sheet part. */
async function read(xml: string): Promise<string> {
  const buf = zipParts(workbookParts([{ name: '표', xml }], { sharedStrings: STRINGS, styles: STYLES }));
  try {
    const r = await readXlsxBuffer(buf, 'x.xlsx');
    return JSON.stringify(r.grid);
  } catch (e) {
    const err = e as { code?: string; message?: string };
    return `error ${err.code}: ${err.message}`;
  }
}

const proto = XmlScanner.prototype as unknown as { cellTag(lt: number): number };
const fastTag = proto.cellTag;
let fastCalls = 0;
let fastTaken = 0;

/** Reads with the fast path on (counting how often it took a cell) and off. */
async function both(xml: string): Promise<[string, string]> {
  proto.cellTag = function (this: XmlScanner, lt: number) {
    fastCalls += 1;
    const p = fastTag.call(this, lt);
    if (p >= 0) fastTaken += 1;
    return p;
  };
  const fast = await read(xml);
  proto.cellTag = () => -1;
  const general = await read(xml);
  proto.cellTag = fastTag;
  return [fast, general];
}

afterEach(() => {
  proto.cellTag = fastTag;
});

describe('the fast cell path reads as the general path', () => {
  it('on a sheet with every kind of cell (values spelled out)', async () => {
    fastTaken = 0;
    const [fast, general] = await both(sheetXml(ROWS, MERGES));
    expect(fast).toEqual(general);
    expect(fastTaken).toBeGreaterThanOrEqual(15); // the fast path did read most of it
    const grid = JSON.parse(fast) as { sheets: { rows: ({ value: unknown } | null)[][] }[] };
    const rows = grid.sheets[0].rows;
    expect(rows[0].map((c) => c?.value ?? null)).toEqual(['영', null, '2023-03-15', 'text', true, '#REF!', 'four']);
    expect(rows[1].map((c) => c?.value ?? null)).toEqual([-1.5, 1234567, -3, '안', '이 삼', null, 7]);
    expect(rows[3].map((c) => c?.value ?? null)).toEqual(['일', null, 6, null, 1000]); // B4 under the merge
  });

  it('on seeded mutations of that sheet (the same grid, or the same error)', async () => {
    const PIECES = [' ', '  ', '"', "'", '=', '<', '>', '/', '/>', 'r', 's', 't', 'x', 'A', '1', '$', '-', '.', ':', '&amp;', '&#49;', '&lt;', '&bad;', ']', ']]>',
      '\t', '\r', '\n', '\u0001', 'é', '가', '\u007f', 'v', 'c', '<v>', '</v>', '<v/>', '</c>', '<c r="A1">', '<c r="B9" t="s">', ' t="s"', ' s="1"', ' r="Z1"', ' cm="1"', 'x:', '<f>1</f>', '<!---->'];
    const base = sheetXml(ROWS, MERGES);
    const from = base.indexOf('<sheetData>');
    const to = base.indexOf('</sheetData>');
    let seed = 20261207;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const differences: string[] = [];
    let same = 0;
    let errors = 0;
    fastCalls = 0;
    fastTaken = 0;
    for (let i = 0; i < 1200; i++) {
      let s = base;
      const edits = rnd(4) === 0 ? 2 : 1;
      for (let j = 0; j < edits; j++) {
        // half of the edits inside an attribute value or a <v>, where a mutant is more often still XML
        let at = from + rnd(to - from);
        if (rnd(2) === 0) {
          const q = s.indexOf(rnd(2) ? '"' : '<v>', at);
          if (q >= 0 && q < to) at = q + (s[q] === '"' ? 1 : 3) + rnd(2);
        }
        const piece = PIECES[rnd(PIECES.length)];
        const op = rnd(3);
        s = op === 0 ? s.slice(0, at) + piece + s.slice(at) : op === 1 ? s.slice(0, at) + s.slice(at + 1 + rnd(2)) : s.slice(0, at) + piece + s.slice(at + 1);
      }
      const [fast, general] = await both(s);
      if (fast !== general) differences.push(`#${i} ${JSON.stringify(s.slice(from, to))}\n  fast:    ${fast.slice(0, 300)}\n  general: ${general.slice(0, 300)}`);
      else if (fast.startsWith('error')) errors += 1;
      else same += 1;
    }
    expect(differences.slice(0, 3)).toEqual([]);
    // both outcomes well represented, and the fast path both taken and declined
    expect(same).toBeGreaterThan(200);
    expect(errors).toBeGreaterThan(200);
    expect(fastTaken).toBeGreaterThan(5000);
    expect(fastCalls - fastTaken).toBeGreaterThan(1000);
  });
});
