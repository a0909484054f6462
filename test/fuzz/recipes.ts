/**
 * The damaged and crafted workbooks of #15, as recipes: each takes a base workbook (a fixture) and a
 * seeded random source and returns a file plus what a correct reader must make of it:
 *
 * - 'damaged': must be reported as unreadable (bytes of an entry's compressed data changed, cut short,
 *   an entry that inflates to more than it declares): never read as if intact;
 * - 'lost':    the plan tables can no longer be recognised (labels blanked, merged over, their sheet or
 *   strings removed): an error finding or an unreadable report, never ok (exit 0);
 * - 'not-ok':  figures that must give an error finding (1e308);
 * - 'any':     whatever the outcome, one clear report line and no library text (crafted sizes, merges,
 *   rows, validations, bombs, injection strings, control characters).
 */
import { deflateSync, strFromU8, strToU8 } from 'fflate';
import { layout, readZip, writeZip, type WriteEntry, type ZipEntry } from './zip';

export type Expect = 'damaged' | 'lost' | 'not-ok' | 'any';

export interface Made {
  bytes: Uint8Array;
  expect: Expect;
  /** What was done, for the report ("flip 3 bytes in xl/worksheets/sheet2.xml"). */
  detail: string;
}

export interface Rng {
  next(): number;
  int(n: number): number;
  pick<T>(xs: readonly T[]): T;
}

/** mulberry32: small, fast, and the same sequence for the same seed everywhere. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n) => Math.floor(next() * n), pick: (xs) => xs[Math.floor(next() * xs.length)] };
}

export interface Recipe {
  name: string;
  /** Relative weight in a sample (heavy recipes are rare). */
  weight: number;
  make(base: Uint8Array, r: Rng): Made;
}

const isSheet = (n: string) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n);
const sheetsOf = (entries: ZipEntry[]) => entries.filter((e) => isSheet(e.name));
/** Sheets that hold plan tables in the fixtures: every sheet but the first (개요, the overview). */
const isPlanSheet = (n: string) => isSheet(n) && n !== 'xl/worksheets/sheet1.xml';
const text = (e: ZipEntry) => strFromU8(e.data);
const withText = (e: ZipEntry, s: string): ZipEntry => ({ name: e.name, data: strToU8(s) });

/** Rebuilds the zip with `edit` applied to the entries. */
function rezip(base: Uint8Array, edit: (entries: ZipEntry[]) => WriteEntry[]): Uint8Array {
  return writeZip(edit(readZip(base)));
}

/** Edits the text of one sheet (chosen at random, or the one `pick` chooses). */
function editSheet(base: Uint8Array, r: Rng, edit: (xml: string) => string, planOnly = false): { bytes: Uint8Array; sheet: string } {
  let sheet = '';
  const bytes = rezip(base, (entries) => {
    const target = r.pick(sheetsOf(entries).filter((e) => !planOnly || isPlanSheet(e.name)));
    sheet = target.name;
    return entries.map((e) => (e === target ? withText(e, edit(text(e))) : e));
  });
  return { bytes, sheet };
}

/** Adds merge cells to a sheet's XML (creating <mergeCells> after sheetData if absent). */
function addMerges(xml: string, refs: string[]): string {
  const cells = refs.map((ref) => `<mergeCell ref="${ref}"/>`).join('');
  if (/<mergeCells[^>]*>/.test(xml)) return xml.replace(/<mergeCells[^>]*>/, (m) => m.replace(/count="\d+"/, '') + cells);
  return xml.replace('</sheetData>', `</sheetData><mergeCells count="${refs.length}">${cells}</mergeCells>`);
}

function addRows(xml: string, rows: string): string {
  return xml.includes('</sheetData>') ? xml.replace('</sheetData>', `${rows}</sheetData>`) : xml.replace('<sheetData/>', `<sheetData>${rows}</sheetData>`);
}

/** Column letters of a 1-based column number. */
function letters(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

const INJECTIONS = ['=HYPERLINK("http://evil.example","x")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1)', '\t=1+1', '\r=1+1', '=1+1'];
const CONTROLS = ['_x001B_[2J', '_x001B_]8;;http://evil.example_x0007_link_x001B_]8;;_x0007_', 'a\r\nb', '_x0000_', '_x0007_bell', '\u200e\u202eRTL'];
/** Labels the plan tables are found by (shared strings that are exactly one of these, spaces aside). */
const LABEL = /^\s*(구\s*분|세부사업명?|성과목표|소요예산|합\s*계|총\s*계|계|분야|전략분야|실천과제|지표명?|단위|목표|실적|증감|기준|\d{4}\s*년?)\s*$/;

/** A number cell's value: (start tag and formula)(value)(end). */
const NUMBER_CELL = /(<c\b(?![^>]*\bt="(?:s|str|inlineStr|b|e)")[^>]*>(?:<f>[^<]*<\/f>)?<v>)(-?[\d.]+(?:E[+-]?\d+)?)(<\/v>)/gi;
const isYear = (v: string) => /^(19|20)\d\d$/.test(v);

/** A deflated run of one byte `size` long, made once per size (bombs). */
const bombCache = new Map<number, Uint8Array>();
function bomb(size: number): Uint8Array {
  let b = bombCache.get(size);
  if (!b) {
    b = deflateSync(new Uint8Array(size).fill(0x20), { level: 1 });
    bombCache.set(size, b);
  }
  return b;
}

export const RECIPES: Recipe[] = [
  {
    name: 'flip',
    weight: 30,
    make(base, r) {
      const entries = layout(base).filter((e) => e.dataLength > 0);
      const e = r.pick(entries);
      const out = Buffer.from(base);
      const n = 1 + r.int(8);
      for (let i = 0; i < n; i++) out[e.dataStart + r.int(e.dataLength)] ^= 1 + r.int(255);
      return { bytes: out, expect: 'damaged', detail: `${n} bytes changed in the compressed data of ${e.name}` };
    },
  },
  {
    name: 'flip-anywhere',
    weight: 8,
    make(base, r) {
      const out = Buffer.from(base);
      const n = 1 + r.int(16);
      for (let i = 0; i < n; i++) out[r.int(out.length)] ^= 1 + r.int(255);
      return { bytes: out, expect: 'any', detail: `${n} bytes changed anywhere` };
    },
  },
  {
    name: 'truncate',
    weight: 15,
    make(base, r) {
      const at = 1 + r.int(base.length - 2);
      return { bytes: base.slice(0, at), expect: 'damaged', detail: `cut at ${at} of ${base.length} bytes` };
    },
  },
  {
    name: 'remove-entry',
    weight: 10,
    make(base, r) {
      const entries = readZip(base);
      const gone = r.pick(entries);
      const vital = isSheet(gone.name) || /^xl\/(workbook\.xml|sharedStrings\.xml|_rels\/workbook\.xml\.rels)$/.test(gone.name);
      return { bytes: writeZip(entries.filter((e) => e !== gone)), expect: vital ? 'lost' : 'any', detail: `${gone.name} removed` };
    },
  },
  {
    name: 'rename-entry',
    weight: 8,
    make(base, r) {
      const entries = readZip(base);
      const renamed = r.pick(entries);
      const vital = isSheet(renamed.name) || /^xl\/(workbook\.xml|sharedStrings\.xml|_rels\/workbook\.xml\.rels)$/.test(renamed.name);
      const to = renamed.name.replace(/(\.\w+)$/, '.old$1');
      return { bytes: writeZip(entries.map((e) => (e === renamed ? { ...e, name: to } : e))), expect: vital ? 'lost' : 'any', detail: `${renamed.name} renamed to ${to}` };
    },
  },
  {
    name: 'duplicate-entry',
    weight: 8,
    make(base, r) {
      const entries = readZip(base);
      const twice = r.pick(entries);
      const changed = r.next() < 0.5;
      const copy = changed ? { name: twice.name, data: strToU8(strFromU8(twice.data).replace(/<v>(\d+)<\/v>/, '<v>999999</v>')) } : twice;
      return { bytes: writeZip([...entries, copy]), expect: 'any', detail: `${twice.name} twice${changed ? ' (second copy with a figure changed)' : ''}` };
    },
  },
  {
    name: 'merge-whole-sheet',
    weight: 3,
    make(base, r) {
      const { bytes, sheet } = editSheet(base, r, (x) => addMerges(x, ['A1:XFD1048576']), true);
      return { bytes, expect: 'lost', detail: `merge A1:XFD1048576 on ${sheet}` };
    },
  },
  {
    name: 'merge-band',
    weight: 3,
    make(base, r) {
      const { bytes, sheet } = editSheet(base, r, (x) => addMerges(x, ['A300:XFD1300']));
      return { bytes, expect: 'any', detail: `merge A300:XFD1300 on ${sheet}` };
    },
  },
  {
    name: 'merges-20000',
    weight: 3,
    make(base, r) {
      const refs: string[] = [];
      for (let i = 0; i < 20000; i++) refs.push(`${letters(1 + (i % 50) * 2)}${2000 + Math.floor(i / 50) * 2}:${letters(2 + (i % 50) * 2)}${2001 + Math.floor(i / 50) * 2}`);
      const { bytes, sheet } = editSheet(base, r, (x) => addMerges(x, refs));
      return { bytes, expect: 'any', detail: `20,000 small merges on ${sheet}` };
    },
  },
  {
    name: 'merge-over-labels',
    weight: 6,
    make(base, r) {
      // Every sheet's used range merged: only its top-left cell keeps its value.
      const bytes = rezip(base, (entries) =>
        entries.map((e) => {
          if (!isSheet(e.name)) return e;
          const xml = text(e);
          const dim = /<dimension ref="([A-Z]+\d+:)?([A-Z]+\d+)"/.exec(xml)?.[2] ?? 'Z200';
          return withText(e, addMerges(xml.replace(/<mergeCells[^>]*>[\s\S]*?<\/mergeCells>|<mergeCells[^>]*\/>/, ''), [`A1:${dim}`]));
        }),
      );
      return { bytes, expect: 'lost', detail: 'each sheet merged over its used range (labels hidden)' };
    },
  },
  {
    name: 'labels-blanked',
    weight: 8,
    make(base, r) {
      let blanked = 0;
      const bytes = rezip(base, (entries) =>
        entries.map((e) => {
          if (e.name !== 'xl/sharedStrings.xml' && !isSheet(e.name)) return e;
          const xml = text(e).replace(/<t(\s[^>]*)?>([^<]*)<\/t>/g, (m, a: string | undefined, t: string) => {
            if (!LABEL.test(t.replace(/&[a-z]+;/g, ''))) return m;
            blanked += 1;
            return `<t${a ?? ''}></t>`;
          });
          return withText(e, xml);
        }),
      );
      return { bytes, expect: 'lost', detail: `${blanked} label texts blanked` };
    },
  },
  {
    name: 'row-1e9',
    weight: 3,
    make(base, r) {
      const { bytes, sheet } = editSheet(base, r, (x) => addRows(x, '<row r="1000000000"><c r="A1000000000"><v>1</v></c></row>'));
      return { bytes, expect: 'any', detail: `a row numbered 1e9 on ${sheet}` };
    },
  },
  {
    name: 'million-rows',
    weight: 1,
    make(base, r) {
      const parts: string[] = [];
      for (let row = 2000; row <= 1_048_576; row++) parts.push(`<row r="${row}"><c r="A${row}"><v>1</v></c></row>`);
      const { bytes, sheet } = editSheet(base, r, (x) => addRows(x, parts.join('')));
      return { bytes, expect: 'any', detail: `a cell in each row 2000–1,048,576 of ${sheet}` };
    },
  },
  {
    name: 'stray-far-cell',
    weight: 3,
    make(base, r) {
      const { bytes, sheet } = editSheet(base, r, (x) => addRows(x, '<row r="1048576"><c r="XFD1048576"><v>7</v></c></row>'));
      return { bytes, expect: 'any', detail: `one value at XFD1048576 on ${sheet}` };
    },
  },
  {
    name: 'validation-huge',
    weight: 2,
    make(base, r) {
      const list = Array.from({ length: 60000 }, (_, i) => `항목${i}`).join(',');
      const sqref = Array.from({ length: 5000 }, (_, i) => `${letters(1 + (i % 200))}${300 + Math.floor(i / 200)}`).join(' ');
      const dv = `<dataValidations count="1"><dataValidation type="list" sqref="${sqref}"><formula1>"${list}"</formula1></dataValidation></dataValidations>`;
      const { bytes, sheet } = editSheet(base, r, (x) => x.replace(/(<\/sheetData>(?:<mergeCells[\s\S]*?<\/mergeCells>)?)/, `$1${dv}`));
      return { bytes, expect: 'any', detail: `a data validation with a 600 kB list over 5,000 ranges on ${sheet}` };
    },
  },
  {
    name: 'col-min-over-max',
    weight: 3,
    make(base, r) {
      const cols = '<cols><col min="10" max="2" width="5" customWidth="1"/><col min="1" max="16384" width="3" customWidth="1"/><col min="0" max="-1"/></cols>';
      const { bytes, sheet } = editSheet(base, r, (x) => (x.includes('<cols>') ? x.replace(/<cols>[\s\S]*?<\/cols>/, cols) : x.replace('<sheetData', `${cols}<sheetData`)));
      return { bytes, expect: 'any', detail: `<col min> greater than max, and one over every column, on ${sheet}` };
    },
  },
  {
    name: 'bomb-junk-part',
    weight: 1,
    make(base) {
      const entries: WriteEntry[] = readZip(base);
      const size = 1 << 30;
      entries.push({ name: 'xl/media/junk.bin', data: new Uint8Array(0), compressed: bomb(size), declaredSize: size, declaredCrc: 0 });
      return { bytes: writeZip(entries), expect: 'any', detail: 'a 1 GB junk part (honest sizes)' };
    },
  },
  {
    name: 'bomb-lying-sheet',
    weight: 1,
    make(base, r) {
      const entries: WriteEntry[] = readZip(base);
      const target = r.pick(entries.filter((e) => isSheet(e.name)));
      const i = entries.indexOf(target);
      entries[i] = { name: target.name, data: target.data, compressed: bomb(1 << 28), declaredSize: target.data.length };
      return { bytes: writeZip(entries), expect: 'damaged', detail: `${target.name} declares ${target.data.length} bytes but inflates to 256 MB` };
    },
  },
  {
    name: 'bomb-honest-sheet',
    weight: 1,
    make(base, r) {
      const entries: WriteEntry[] = readZip(base);
      const target = r.pick(entries.filter((e) => isSheet(e.name)));
      const i = entries.indexOf(target);
      const size = 1 << 29;
      entries[i] = { name: target.name, data: new Uint8Array(0), compressed: bomb(size), declaredSize: size, declaredCrc: 0 };
      return { bytes: writeZip(entries), expect: 'any', detail: `${target.name} replaced by 512 MB of spaces (honest size)` };
    },
  },
  {
    name: 'figures-1e308',
    weight: 4,
    make(base) {
      // Every figure of the plan sheets, not the years of the headers (those are the next recipe).
      let n = 0;
      const bytes = rezip(base, (entries) =>
        entries.map((e) =>
          isPlanSheet(e.name)
            ? withText(
                e,
                text(e).replace(NUMBER_CELL, (m, head: string, v: string, tail: string) => {
                  if (isYear(v)) return m;
                  n += 1;
                  return `${head}1e308${tail}`;
                }),
              )
            : e,
        ),
      );
      // A template without stated figures (formulas never calculated) has nothing to change.
      return { bytes, expect: n > 0 ? 'not-ok' : 'any', detail: `every figure 1e308 (${n} cells)` };
    },
  },
  {
    name: 'numbers-and-years-1e308',
    weight: 2,
    make(base) {
      let figures = 0;
      const bytes = rezip(base, (entries) =>
        entries.map((e) =>
          isSheet(e.name)
            ? withText(
                e,
                text(e).replace(NUMBER_CELL, (_m, head: string, v: string, tail: string) => {
                  if (isPlanSheet(e.name) && !isYear(v)) figures += 1;
                  return `${head}1e308${tail}`;
                }),
              )
            : e,
        ),
      );
      // Only years changed (a blank template states no figures): the plan may still read, blank.
      return { bytes, expect: figures > 0 ? 'not-ok' : 'any', detail: `every number 1e308, the years included (${figures} figures)` };
    },
  },
  {
    name: 'one-figure-1e308',
    weight: 4,
    make(base, r) {
      let done = '';
      const bytes = rezip(base, (entries) =>
        entries.map((e) => {
          if (!isPlanSheet(e.name) || done) return e;
          const xml = text(e);
          const numbers = [...xml.matchAll(/<c r="([A-Z]+\d+)"(?![^>]*\bt="(?:s|str|inlineStr|b|e)")[^>]*>(?:<f>[^<]*<\/f>)?<v>([1-9][\d.]*)<\/v>/g)].filter((m) => !isYear(m[2]));
          if (numbers.length === 0) return e;
          const m = r.pick(numbers);
          done = `${e.name}!${m[1]}`;
          return withText(e, xml.slice(0, m.index) + m[0].replace(/<v>[^<]*<\/v>/, '<v>1e308</v>') + xml.slice(m.index! + m[0].length));
        }),
      );
      return { bytes, expect: done ? 'not-ok' : 'any', detail: `one figure 1e308 (${done || 'none found'})` };
    },
  },
  {
    name: 'injection-labels',
    weight: 8,
    make(base, r) {
      const inj = r.pick(INJECTIONS);
      let n = 0;
      const bytes = rezip(base, (entries) =>
        entries.map((e) => {
          if (e.name !== 'xl/sharedStrings.xml') return e;
          return withText(
            e,
            text(e).replace(/<t(\s[^>]*)?>([^<]*)<\/t>/g, (m, a: string | undefined, t: string) => {
              if (LABEL.test(t) || r.next() > 0.15) return m;
              n += 1;
              return `<t xml:space="preserve">${inj.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;')}${t}</t>`;
            }),
          );
        }),
      );
      return { bytes, expect: 'any', detail: `${n} texts prefixed with ${JSON.stringify(inj)}` };
    },
  },
  {
    name: 'injection-sheet-name',
    weight: 4,
    make(base, r) {
      const name = r.pick(['=cmd()', '+1', '-2+3', '@SUM(1)', '=HYPERLINK("http://evil.example","x")']);
      const bytes = rezip(base, (entries) =>
        entries.map((e) => (e.name === 'xl/workbook.xml' ? withText(e, text(e).replace(/(<sheet\b[^>]*name=")[^"]*"/, `$1${name.replace(/"/g, '&quot;')}"`)) : e)),
      );
      return { bytes, expect: 'any', detail: `first sheet renamed ${JSON.stringify(name)}` };
    },
  },
  {
    name: 'control-characters',
    weight: 6,
    make(base, r) {
      const c = r.pick(CONTROLS);
      let n = 0;
      const bytes = rezip(base, (entries) =>
        entries.map((e) => {
          if (e.name !== 'xl/sharedStrings.xml') return e;
          return withText(
            e,
            text(e).replace(/<t(\s[^>]*)?>([^<]*)<\/t>/g, (m, a: string | undefined, t: string) => {
              if (LABEL.test(t) || r.next() > 0.2) return m;
              n += 1;
              return `<t xml:space="preserve">${t}${c}</t>`;
            }),
          );
        }),
      );
      return { bytes, expect: 'any', detail: `${n} texts with ${JSON.stringify(c)}` };
    },
  },
];
