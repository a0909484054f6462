/**
 * The reader's XML tokenizer (src/adapters/xlsx/xml.ts) against saxes, the checking parser it
 * replaced: on hand-picked cases and on thousands of seeded mutations of real parts, both accept the
 * same documents and report the same elements, attributes and text, and both refuse the same broken
 * ones. The one difference on purpose: a DOCTYPE is refused (OPC forbids DTDs in a package).
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { readXlsxBuffer } from '../../../src/adapters/xlsx/read';
import { XmlError, XmlScanner } from '../../../src/adapters/xlsx/xml';
import { sheetXml, workbookParts, zipParts } from '../../support/ooxml';

const EXAMPLE = path.join(__dirname, '..', '..', 'fixtures', 'example.xlsx');
const local = (q: string) => q.slice(q.indexOf(':') + 1);

/** The document as events ('O' name attributes, 'C' name, 'T' text between tags), or 'error'. */
function bySaxes(bytes: Uint8Array): string[] | 'error' {
  const p = new SaxesParser({ position: false });
  const events: string[] = [];
  let text = '';
  let depth = 0;
  let failed = false;
  const flush = () => {
    if (text) events.push(`T${JSON.stringify(text)}`);
    text = '';
  };
  p.on('opentag', (t) => {
    flush();
    depth += 1;
    events.push(`O${local(t.name)}${JSON.stringify(t.attributes)}`);
    if (t.isSelfClosing) {
      depth -= 1;
      events.push(`C${local(t.name)}`);
    }
  });
  p.on('closetag', (t) => {
    if (t.isSelfClosing) return;
    flush();
    depth -= 1;
    events.push(`C${local(t.name)}`);
  });
  p.on('text', (t) => {
    if (depth > 0) text += t; // white space around the root is not reported by the scanner
  });
  p.on('cdata', (t) => {
    text += t;
  });
  p.on('error', () => {
    failed = true;
  });
  try {
    p.write(new TextDecoder('utf-8').decode(bytes));
    p.close();
  } catch {
    failed = true;
  }
  if (failed) return 'error';
  flush();
  return events;
}

const limits = {
  maxDepth: 10_000,
  maxChars: 1e9,
  onTooDeep: (): never => {
    throw new Error('too deep');
  },
  onLongText: (): never => {
    throw new Error('too long');
  },
};

function byScanner(bytes: Uint8Array): string[] | 'error' {
  const events: string[] = [];
  let text = '';
  const flush = () => {
    if (text) events.push(`T${JSON.stringify(text)}`);
    text = '';
  };
  try {
    new XmlScanner().run(
      Buffer.from(bytes),
      {
        open(name, sc) {
          flush();
          events.push(`O${name}${JSON.stringify(sc.attrs())}`);
        },
        close(name) {
          flush();
          events.push(`C${name}`);
        },
        text(start, end, mode, sc) {
          text += sc.text(start, end, mode);
        },
      },
      limits,
    );
  } catch (e) {
    if (e instanceof XmlError) return 'error';
    throw e;
  }
  flush();
  return events;
}

const utf8 = (s: string) => Buffer.from(s, 'utf8');

describe('well-formed documents read as saxes reads them', () => {
  it.each([
    ['prefixes dropped, attributes kept by their qualified names', '<x:a xmlns:x="u" x:b="1" c=\'2\'><x:b/></x:a>'],
    ['the five entities and character references, in text and attributes', '<a t="&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x0000043;">&lt;&gt;&amp;&quot;&apos;&#65;&#x10FFFF;&#13;</a>'],
    ['CR LF and CR become LF in text; tab, LF and CR become spaces in attribute values', '<a b="1\t2\n3\r\n4\r5">x\r\ny\rz</a>'],
    ['CDATA is text as written (line ends normalised)', '<a>1<![CDATA[<b>&amp;\r\n]]>2</a>'],
    ['comments and processing instructions are skipped', '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!-- c --><?pi x?><a><!----><?pi?>t</a><!-- after -->\n'],
    ['a byte order mark', '\uFEFF<a>x</a>'],
    ['white space in tags', '<a\n  b = "1"\t></a >'],
    ['Korean names and text', '<표 열="값">합 계</표>'],
    ['attributes named like Object.prototype’s properties', '<a __proto__="x" constructor="y" toString="z"/>'],
    ['invalid UTF-8 becomes U+FFFD', Buffer.from([0x3c, 0x61, 0x3e, 0xff, 0xc3, 0x3c, 0x2f, 0x61, 0x3e])],
    ['names alike in first byte (but its top bit) and length are told apart', Buffer.concat([utf8('<r><c/><rx/><'), Buffer.from([0xe3]), utf8('/><'), Buffer.from([0xf2, 0x78]), utf8('/><c/></r>')])],
  ])('%s', (_, doc) => {
    const bytes = typeof doc === 'string' ? utf8(doc) : doc;
    const mine = byScanner(bytes);
    expect(mine).not.toBe('error');
    expect(mine).toEqual(bySaxes(bytes));
  });

  it('decodes as XML says (values spelled out)', () => {
    expect(byScanner(utf8('<a t="&lt;&#65;&#x42;" u="1\t2\r\n3">&amp;x\r\ny<![CDATA[&amp;]]></a>'))).toEqual(['Oa{"t":"<AB","u":"1 2 3"}', 'T"&x\\ny&amp;"', 'Ca']);
  });
});

describe('one scanner, part after part', () => {
  it('starts each part afresh, also after a part that failed half-way', () => {
    const sc = new XmlScanner();
    const events: string[] = [];
    const h = {
      open: (name: string, s: XmlScanner) => events.push(`O${name}${s.depth}${JSON.stringify(s.attrs())}`),
      close: (name: string) => events.push(`C${name}`),
      text: (a: number, b: number, m: 0 | 1 | 2, s: XmlScanner) => events.push(`T${s.text(a, b, m)}`),
    };
    expect(() => sc.run(utf8('<a><b x="1"><c>'), h, limits)).toThrow(XmlError);
    expect(() => sc.run(utf8('<a><b y="2">&bad;</b></a>'), h, limits)).toThrow(XmlError);
    events.length = 0;
    sc.run(utf8('<r z="3">t</r>'), h, limits);
    expect(events).toEqual(['Or1{"z":"3"}', 'Tt', 'Cr']);
  });
});

describe('broken documents are refused, as saxes refuses them', () => {
  it.each([
    ['unclosed element', '<a><b></a>'],
    ['a closing tag of another element', '<a></b>'],
    ['the part ends inside a tag', '<a><b c="1"'],
    ['no root', '  '],
    ['two roots', '<a/><b/>'],
    ['text outside the root', 'x<a/>'],
    ['an unquoted attribute', '<a b=1/>'],
    ['no white space between attributes', '<a b="1"c="2"/>'],
    ['the same attribute twice', '<a b="1" b="2"/>'],
    ["'<' in an attribute value", '<a b="<"/>'],
    ['an undefined entity', '<a>&nbsp;</a>'],
    ['a bare ampersand', '<a>AT&T</a>'],
    ['a reference to a character XML does not allow', '<a>&#0;</a>'],
    ['a surrogate by reference', '<a>&#xD800;</a>'],
    ['a control character', '<a>\u0001</a>'],
    ['U+FFFE', '<a>\uFFFE</a>'],
    ["']]>' in text", '<a>]]></a>'],
    ["'--' in a comment", '<a><!-- a -- b --></a>'],
    ['an XML declaration not at the start', ' <?xml version="1.0"?><a/>'],
    ['an XML declaration without a version', '<?xml encoding="UTF-8"?><a/>'],
    ['a name starting with a digit', '<1a/>'],
    ['a name with a character names may not have', '<a\u00D7b/>'],
    ['CDATA outside the root', '<![CDATA[x]]><a/>'],
  ])('%s', (_, doc) => {
    expect(bySaxes(utf8(doc))).toBe('error');
    expect(byScanner(utf8(doc))).toBe('error');
  });

  it('a part cut short anywhere, also inside what the fast paths read, is refused as XML', () => {
    const doc = '<x><si><t xml:space="preserve">a</t></si><si><t>b</t></si><c r="A1" s="1" t="s"><v>1</v></c><c r="B1"/><row r="1" spans="1:2"></row></x>';
    expect(byScanner(utf8(doc))).not.toBe('error');
    for (let k = 1; k < doc.length; k++) expect([k, byScanner(utf8(doc.slice(0, k)))]).toEqual([k, 'error']);
  });

  it('names of Object.prototype are no entities', () => {
    for (const e of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(bySaxes(utf8(`<a>&${e};</a>`))).toBe('error');
      expect(byScanner(utf8(`<a>&${e};</a>`))).toBe('error');
      expect(byScanner(utf8(`<a b="&${e};"/>`))).toBe('error');
    }
  });

  it('a repeated attribute is found on a tag with very many (checked through a set past 16)', () => {
    const many = Array.from({ length: 40 }, (_, i) => `a${i}="${i}"`);
    const ok = utf8(`<x ${many.join(' ')}/>`);
    expect(byScanner(ok)).toEqual(bySaxes(ok));
    expect(byScanner(ok)).not.toBe('error');
    for (const dup of ['a3', 'a20', 'a39']) {
      const bad = utf8(`<x ${many.join(' ')} ${dup}="again"/>`);
      expect(bySaxes(bad)).toBe('error');
      expect(byScanner(bad)).toBe('error');
    }
  });

  it('thousands of distinct element names read right (past the names kept)', () => {
    const doc = utf8(`<r>${Array.from({ length: 3000 }, (_, i) => `<n${i} k="${i}">${i}</n${i}>`).join('')}</r>`);
    const mine = byScanner(doc);
    expect(mine).toEqual(bySaxes(doc));
    expect((mine as string[]).slice(-4)).toEqual(['On2999{"k":"2999"}', 'T"2999"', 'Cn2999', 'Cr']);
  });

  it('a DOCTYPE is refused (saxes would read past it)', () => {
    const doc = utf8('<!DOCTYPE a [<!ENTITY e "x">]><a>&e;</a>');
    expect(byScanner(doc)).toBe('error');
    expect(byScanner(utf8('<!DOCTYPE a><a/>'))).toBe('error');
    expect(bySaxes(utf8('<!DOCTYPE a><a/>'))).toEqual(['Oa{}', 'Ca']);
  });
});

describe('seeded mutations of the example workbook’s parts', () => {
  const parts = Object.entries(unzipSync(readFileSync(EXAMPLE))).filter(([n]) => /\.(xml|rels)$/.test(n));
  const PIECES = ['<', '>', '/', '"', "'", '=', '&', ';', '!', '?', '-', '[', ']', ' ', '\r', '\n', '\t', '\u0001', 'a', ':', '#', 'x', '0',
    '&amp;', '&#0;', '&#x41;', '&#13;', '&foo;', '<!--', '-->', '<![CDATA[', ']]>', '<?', '?>', '</', '/>', '<a>', '</a>', 'x="1"',
    '\r\n', 'é', '가', '\u00B7', '\u0300', '\u00D7', '\uFFFE', '\uFFFF', '\u2028', '&#xD800;', '&#x10FFFF;', '&#1114112;', '<?xml version="1.0"?>'];

  it('both accept the same mutants with the same events, and refuse the same', () => {
    let seed = 20261207;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % n;
    };
    const differences: string[] = [];
    let accepted = 0;
    let refused = 0;
    for (let i = 0; i < 1500; i++) {
      const [name, data] = parts[rnd(parts.length)];
      let s = Buffer.from(data).toString('utf8');
      const edits = 1 + rnd(3);
      for (let j = 0; j < edits; j++) {
        const at = rnd(s.length + 1);
        const piece = PIECES[rnd(PIECES.length)];
        const op = rnd(3);
        s = op === 0 ? s.slice(0, at) + piece + s.slice(at) : op === 1 ? s.slice(0, at) + s.slice(at + 1 + rnd(4)) : s.slice(0, at) + piece + s.slice(at + 1);
      }
      const bytes = utf8(s);
      const a = bySaxes(bytes);
      const b = byScanner(bytes);
      if (JSON.stringify(a) !== JSON.stringify(b)) differences.push(`${name} #${i}: saxes ${a === 'error' ? 'refuses' : 'accepts'}, scanner ${b === 'error' ? 'refuses' : 'accepts'}`);
      else if (a === 'error') refused += 1;
      else accepted += 1;
    }
    expect(differences).toEqual([]);
    // both kinds of outcome are well represented, so the comparison means something
    expect(accepted).toBeGreaterThan(200);
    expect(refused).toBeGreaterThan(200);
  });
});

describe('in the reader', () => {
  it('a worksheet part whose XML is broken (its CRC right) is "damaged", naming the part', async () => {
    const buf = zipParts(workbookParts([{ name: '표', xml: sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>').replace('</sheetData>', '</sheetdata>') }]));
    const e = (await readXlsxBuffer(buf, 'x.xlsx').catch((err: unknown) => err)) as { code: string; message: string };
    expect(e.code).toBe('damaged');
    expect(e.message).toContain('xl/worksheets/sheet1.xml');
    expect(e.message).toContain('XML이 깨졌습니다');
  });

  it('values the fast paths read as the general one does (entities, spaces, signs, long and decimal numbers)', async () => {
    const rows =
      '<row r="1"><c r="A1" t="s"><v>1</v></c><c r="B1" t="s"><v> 0 </v></c><c r="C1"><v>-0</v></c><c r="D1"><v>-42</v></c>' +
      '<c r="E1"><v>1234567890123456789</v></c><c r="F1"><v>1.5e3</v></c><c r="G1"><v>&#49;2</v></c><c r="H1"><v>  </v></c></row>' +
      '<row r="2"><c r="A&#50;" s="1"><v>7</v></c><c r="$B$2" s=" 1"><v>8</v></c><c r="c2"><v>0012</v></c><c r="D2" t="n"><v>NaN</v></c></row>';
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="#,##0"/></numFmts>' +
      '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>';
    const read = await readXlsxBuffer(zipParts(workbookParts([{ name: '표', xml: sheetXml(rows) }], { sharedStrings: ['영', '일'], styles })));
    const [r1, r2] = read.grid.sheets[0].rows;
    expect(r1.map((c) => c?.value)).toEqual(['일', '영', -0, -42, 1234567890123456800, 1500, 12]);
    expect(Object.is(r1[2]?.value, -0)).toBe(true);
    expect(r1[7]).toBeUndefined(); // a blank <v> holds nothing
    expect(r2[0]).toEqual({ value: 7, numFmt: '#,##0' });
    expect(r2[1]).toEqual({ value: 8, numFmt: '#,##0' });
    expect(r2[2]?.value).toBe(12);
    expect(r2[3]?.value).toBe('NaN');
  });

  it('merged ranges as written in any of their spellings (reversed, lower case, $, one cell)', async () => {
    const rows = '<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c></row><row r="6"><c r="E6"><v>3</v></c></row>';
    const merges = '<mergeCells count="4"><mergeCell ref="B2:A1"/><mergeCell ref="a3:b3"/><mergeCell ref="$C$4:$D$5"/><mergeCell ref="E6"/></mergeCells>';
    const read = await readXlsxBuffer(zipParts(workbookParts([{ name: '표', xml: sheetXml(rows, merges) }])));
    const s = read.grid.sheets[0];
    expect(s.merges).toEqual(['A1:B2', 'A3:B3', 'C4:D5']);
    expect(s.rows[0].map((c) => c?.value)).toEqual([1]); // B1 lies under A1:B2
    expect(s.rows[5][4]?.value).toBe(3);
    const bad = await readXlsxBuffer(zipParts(workbookParts([{ name: '표', xml: sheetXml(rows, '<mergeCells><mergeCell ref="A1:ZZZ1"/></mergeCells>') }]))).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'damaged' });
  });
});
