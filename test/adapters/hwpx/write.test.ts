/**
 * What `export` writes must be packaged the way 한글 packages its own documents (compared with the samples
 * 한글 saved, ../shared/hwpx-samples), declare every shape its body uses, and read back cell for cell.
 */
import { readFileSync } from 'fs';
import * as path from 'path';
import { unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { readHwpxBuffer } from '../../../src/adapters/hwpx/read';
import { writeHwpx } from '../../../src/adapters/hwpx/write';
import { listEntries } from '../../../src/adapters/hwpx/zip';
import { renderDocument } from '../../../src/core/document/render';
import type { DocTable } from '../../../src/core/document/model';
import { incheonSeogu2023 } from '../../../src/core/examples/incheon-seogu-2023';
import { rangeA1 } from '../../../src/core/grid/a1';

const SAMPLES = path.resolve(__dirname, '../../../../shared/hwpx-samples');
const HANGUL_SAMPLES = ['reader_writer-SimpleTable.hwpx', 'textextractor-Table.hwpx']; // saved by 한글 itself
const DATE = new Date(Date.UTC(2026, 10, 1));
const model = renderDocument(incheonSeogu2023);
const bytes = writeHwpx(model, { date: DATE });
const parts = unzipSync(bytes);
const text = (name: string) => new TextDecoder().decode(parts[name]);

/** Element names in document order and every attribute value, by a real XML parser (fails on bad XML). */
function parse(xml: string): { names: string[]; attrs: { el: string; name: string; value: string }[] } {
  const names: string[] = [];
  const attrs: { el: string; name: string; value: string }[] = [];
  const p = new SaxesParser({ xmlns: false });
  p.on('opentag', (t) => {
    names.push(t.name);
    for (const [name, value] of Object.entries(t.attributes)) attrs.push({ el: t.name, name, value: String(value) });
  });
  p.write(xml).close();
  return { names, attrs };
}

describe('package structure, as 한글 writes it', () => {
  test('the same parts in the same order; mimetype first, stored, and exact; version.xml stored', () => {
    const ours = listEntries(bytes);
    for (const s of HANGUL_SAMPLES) {
      const theirs = listEntries(new Uint8Array(readFileSync(path.join(SAMPLES, s))));
      const names = (es: { name: string }[]) => es.map((e) => e.name).filter((n) => n !== 'Preview/PrvImage.png');
      expect(names(ours)).toEqual(names(theirs));
      const methods = (es: { name: string; method: number }[]) => Object.fromEntries(es.filter((e) => ['mimetype', 'version.xml'].includes(e.name)).map((e) => [e.name, e.method]));
      expect(methods(ours)).toEqual(methods(theirs));
    }
    expect(ours[0]).toMatchObject({ name: 'mimetype', method: 0 });
    expect(text('mimetype')).toBe('application/hwp+zip');
    // The mimetype's bytes sit right after the first local header, uncompressed, as OCF requires.
    expect(new TextDecoder().decode(bytes.subarray(30 + 8, 30 + 8 + 19))).toBe('application/hwp+zip');
  });

  test('container, content.hpf manifest and spine, version and settings as in the samples', () => {
    const sample = unzipSync(new Uint8Array(readFileSync(path.join(SAMPLES, HANGUL_SAMPLES[0]))));
    const sampleText = (n: string) => new TextDecoder().decode(sample[n]);
    const rootfiles = (xml: string) => parse(xml).attrs.filter((a) => a.el === 'ocf:rootfile').map((a) => `${a.name}=${a.value}`);
    expect(rootfiles(text('META-INF/container.xml'))).toEqual(rootfiles(sampleText('META-INF/container.xml')));
    const spine = (xml: string) => parse(xml).attrs.filter((a) => ['opf:item', 'opf:itemref'].includes(a.el)).map((a) => `${a.el} ${a.name}=${a.value}`);
    expect(spine(text('Contents/content.hpf'))).toEqual(spine(sampleText('Contents/content.hpf')));
    const root = (xml: string) => parse(xml).names[0];
    for (const n of ['version.xml', 'settings.xml', 'META-INF/manifest.xml', 'Contents/header.xml', 'Contents/section0.xml', 'Contents/content.hpf']) {
      expect(root(text(n))).toBe(root(sampleText(n)));
    }
    expect(parse(text('Contents/content.hpf')).names).toContain('opf:title');
    expect(text('Contents/content.hpf')).toContain('2026-11-01T00:00:00Z');
  });

  test('header.xml: the samples’ structure, and every shape the body refers to is declared', () => {
    const sample = new TextDecoder().decode(unzipSync(new Uint8Array(readFileSync(path.join(SAMPLES, HANGUL_SAMPLES[0]))))['Contents/header.xml']);
    const lists = (xml: string) => parse(xml).names.filter((n) => /^hh:(beginNum|refList|fontfaces|borderFills|charProperties|tabProperties|paraProperties|styles|compatibleDocument|docOption|trackchageConfig)$/.test(n));
    const ours = lists(text('Contents/header.xml'));
    const theirs = lists(sample).filter((n) => ours.includes(n));
    expect(ours).toEqual(theirs);
    const header = parse(text('Contents/header.xml'));
    const ids = (el: string) => new Set(header.attrs.filter((a) => a.el === el && a.name === 'id').map((a) => a.value));
    const declared: Record<string, Set<string>> = {
      charPrIDRef: ids('hh:charPr'),
      paraPrIDRef: ids('hh:paraPr'),
      borderFillIDRef: ids('hh:borderFill'),
      styleIDRef: ids('hh:style'),
    };
    // Counts agree with the items listed.
    for (const [list, item] of [['hh:charProperties', 'hh:charPr'], ['hh:paraProperties', 'hh:paraPr'], ['hh:borderFills', 'hh:borderFill'], ['hh:styles', 'hh:style']]) {
      const count = header.attrs.find((a) => a.el === list && a.name === 'itemCnt')!.value;
      expect(Number(count)).toBe(ids(item).size);
    }
    const refs = [...parse(text('Contents/section0.xml')).attrs, ...header.attrs.filter((a) => a.el !== 'hh:borderFill')].filter((a) => a.name in declared);
    expect(refs.length).toBeGreaterThan(100);
    for (const r of refs) expect({ ref: `${r.el} ${r.name}`, declared: declared[r.name].has(r.value) }).toEqual({ ref: `${r.el} ${r.name}`, declared: true });
    // Header shading and the total rows' shading are border fills with a face colour.
    expect(text('Contents/header.xml')).toContain('faceColor="#DCE6F1"');
    expect(text('Contents/header.xml')).toContain('faceColor="#F2F2F2"');
    expect(text('Contents/header.xml')).toContain('<hh:bold/>');
  });

  test('the section: section properties first, tables with cellAddr/cellSpan for the cells 한글 keeps', () => {
    const section = parse(text('Contents/section0.xml')).names;
    expect(section.slice(0, 5)).toEqual(['hs:sec', 'hp:p', 'hp:run', 'hp:secPr', 'hp:grid']);
    expect(section.filter((n) => n === 'hp:tbl').length).toBe(model.blocks.filter((b) => b.kind === 'table').length);
    // Covered cells are not written: one hp:tc per model cell.
    expect(section.filter((n) => n === 'hp:tc').length).toBe(model.blocks.reduce((s, b) => s + (b.kind === 'table' ? b.cells.length : 0), 0));
  });

  test('the exported document reads back cell for cell, spans and all', () => {
    const read = readHwpxBuffer(bytes);
    const sheet = read.grid.sheets[0];
    const tables = model.blocks.filter((b): b is DocTable => b.kind === 'table');
    expect(read.tables.map((t) => [t.rows, t.cols])).toEqual(tables.map((t) => [t.rows, t.cols]));
    const merges: string[] = [];
    tables.forEach((t, i) => {
      const first = read.tables[i].firstRow;
      for (const c of t.cells) {
        const got = sheet.rows[first + c.row]?.[c.col];
        const shown = got === undefined ? '' : typeof got.value === 'number' ? c.text : String(got.value);
        expect(shown).toBe(c.text);
        if (c.rowSpan > 1 || c.colSpan > 1) merges.push(rangeA1(first + c.row, c.col, first + c.row + c.rowSpan - 1, c.col + c.colSpan - 1));
      }
    });
    expect(sheet.merges).toEqual(merges);
    // #,##0, △ and - come back as the numbers they show.
    const areas = read.tables[1];
    expect(sheet.rows[areas.firstRow + 1][2]).toEqual({ value: 60247, numFmt: '#,##0;"△"#,##0;"-"' });
  });

  test('the first tables as 한글 will show them: titles, unit lines, two header rows, the area overview, merged names', () => {
    const lines = text('Preview/PrvText.txt').split('\r\n');
    expect(lines.slice(0, 6)).toEqual([
      '인천서구 민선8기 일자리대책 종합계획 (2023~2026)',
      '1. 공통 일자리 목표',
      '(단위 : %, %p, 명)',
      '<구 분><단위><2021년 (실적)><2022년 (기준)><목표><증감 (2022년 대비)>',
      '<2023년><2024년><2025년><2026년>',
      '<고용률(15세~64세)><%><66.9><68.6><69.1><69.6><70.1><70.6><2.0>',
    ]);
    const areaHeader = lines.indexOf('2. 분야별 목표');
    expect(lines.slice(areaHeader + 1, areaHeader + 5)).toEqual([
      '(단위 : 명, 백만원)',
      '<전략분야><구 분><합 계><2023년><2024년><2025년><2026년>',
      '<합 계><성과목표><60,247><13,970><14,289><15,456><16,532>',
      '<소요예산><206,658><49,937><50,883><52,205><53,633>',
    ]);
    // Chapter III's overview links each task to its area, as in the published plans.
    const tasks = lines.indexOf('3. 실천과제 연차별 추진계획');
    expect(lines.slice(tasks + 1, tasks + 3)).toEqual(['<전략분야><실천과제>', '<청년 일자리 확대><① 청년 창업 인프라 조성 ② 청년 일자리 지원 및 취업역량 강화>']);
    const first = lines.indexOf('① 청년 창업 인프라 조성');
    expect(lines.slice(first, first + 5)).toEqual([
      '① 청년 창업 인프라 조성',
      '(단위 : 명, 백만원)',
      '<세부사업명><구 분><합계><2023년><2024년><2025년><2026년>',
      '<총 계><성과목표><18><12><6><-><->',
      '<소요예산><192><152><40><-><->',
    ]);
  });

  test('names with characters XML 1.0 does not allow (C0 controls, U+FFFE, U+FFFF) still give well-formed XML that reads back', () => {
    const draft = structuredClone(incheonSeogu2023);
    draft.tasks[0].subprojects[0].name = '제어\u0001\u0008\u001b[31m빨강\uFFFE\uFFFF끝 <b>&amp;</b> "q"';
    const out = unzipSync(writeHwpx(renderDocument(draft), { date: DATE }));
    const section = new TextDecoder().decode(out['Contents/section0.xml']);
    expect(() => parse(section)).not.toThrow();
    const names = readHwpxBuffer(writeHwpx(renderDocument(draft), { date: DATE })).grid.sheets[0].rows.flat().map((c) => (c ? String(c.value) : ''));
    expect(names).toContain('제어[31m빨강끝 <b>&amp;</b> "q"');
  });

  test('browser-safe: the writer module uses no Node API', () => {
    const src = readFileSync(path.resolve(__dirname, '../../../src/adapters/hwpx/write.ts'), 'utf8');
    expect(src).not.toMatch(/from '(fs|path|zlib|crypto|buffer|os)'|Buffer\.|require\(/);
  });
});
