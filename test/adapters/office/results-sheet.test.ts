/**
 * The add-in's 검증결과 sheet through the strict Office double: exactly the cells resultsSheet()
 * describes (values, links, fills, link colours, number formats, wrapping), with every API inside the
 * requirement sets the double enforces, in the same two round trips.
 */
import { RESULTS_SHEET, validate, writeResultsSheet } from '../../../src/adapters/office';
import { HEADER_FILL, LINK_COLOUR, linkFormula, resultsSheet } from '../../../src/core/present';
import type { Lang } from '../../../src/core/rules/types';
import { exampleDraft } from '../../support/plans';
import { inserted } from './helpers';

const NOW = new Date('2026-12-01T09:30:00Z');
const letter = (c: number) => String.fromCharCode(65 + c);

describe.each([
  ['ko', '1.18'],
  ['en', '1.18'],
  ['ko', '1.9'], // the add-in's minimum (MIN_EXCEL_API): every format API used is older
] as [Lang, string][])('writeResultsSheet (%s, ExcelApi %s) writes resultsSheet()', (lang, api) => {
  test('every cell: value, link formula, fill, link colour, number format, wrapping; two round trips', async () => {
    const x = await inserted(exampleDraft(), api);
    const v = await validate(x.host, { lang, highlight: false });
    const findings = v.result.findings;
    x.resetCounts();
    await writeResultsSheet(x.host, findings, lang, () => NOW);
    expect(x.syncCount()).toBe(2);
    const spec = resultsSheet(findings, lang, { checkedAt: NOW });
    let numbers = 0;
    let links = 0;
    spec.rows.forEach((row, r) => {
      for (let c = 0; c < spec.columns.length; c++) {
        const want = row[c] ?? null;
        const a1 = `${letter(c)}${r + 1}`;
        const got = x.cell(RESULTS_SHEET, a1);
        if (!want || want.value === null) {
          expect({ a1, value: got.value }).toEqual({ a1, value: '' });
          continue;
        }
        expect({ a1, value: got.value }).toEqual({ a1, value: want.value });
        if (want.link) {
          links++;
          expect({ a1, formula: got.formula }).toEqual({ a1, formula: `=${linkFormula(want.link.sheet, want.link.cell, String(want.value))}` });
          expect(got.format.fontColor?.toUpperCase()).toBe(`#${LINK_COLOUR}`);
        } else expect({ a1, formula: got.formula }).toEqual({ a1, formula: null });
        if (want.numberFormat) numbers++;
        expect({ a1, numberFormat: got.format.numberFormat ?? null }).toEqual({ a1, numberFormat: want.numberFormat ?? null });
        if (want.fill) expect({ a1, fill: got.format.fill?.color?.toUpperCase() }).toEqual({ a1, fill: `#${want.fill}` });
        if (r > spec.headerRow) expect({ a1, wrap: !!got.format.wrapText }).toEqual({ a1, wrap: !!want.wrap });
      }
    });
    expect(numbers).toBeGreaterThan(10);
    expect(links).toBeGreaterThan(findings.length);
    expect(x.cell(RESULTS_SHEET, `A${spec.headerRow + 1}`).format.fill?.color?.toUpperCase()).toBe(`#${HEADER_FILL}`);
    const sheet = x.sheet(RESULTS_SHEET)!;
    expect(sheet.freeze).toEqual({ rows: spec.headerRow + 1, cols: 0 });
    expect(sheet.pageLayout).toMatchObject({ orientation: 'Landscape', printTitleRows: `$${spec.headerRow + 1}:$${spec.headerRow + 1}` });
  });
});
