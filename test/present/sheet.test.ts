/**
 * The 검증결과 sheet as described once (src/core/present/sheet.ts): formatted figures, readable rule
 * names next to the ids, links for the cells involved, a header fill no severity fill is mistaken for.
 * The findings are the engine's on test/fixtures/example.xlsx; expected texts are written out here.
 */
import * as path from 'path';
import { readXlsxFile } from '../../src/adapters/xlsx/read';
import { HEADER_FILL, RESULT_COLUMNS, SEVERITY_COLOURS, figureFormat, linkFormula, resultsSheet, ruleName, type ColumnKey, type SheetCellSpec } from '../../src/core/present';
import type { Finding } from '../../src/core/rules/types';
import { validateGrid } from '../../src/core/validate';
import { handMadeFinding } from '../support/findings';

const EXAMPLE = path.join(__dirname, '..', 'fixtures', 'example.xlsx');
const col = (key: ColumnKey) => RESULT_COLUMNS.findIndex((c) => c.key === key);

let findings: Finding[];
beforeAll(async () => {
  findings = validateGrid((await readXlsxFile(EXAMPLE)).grid).findings;
});

const finding = handMadeFinding;

/** The sRGB colour as CIE L*a*b* (D65), for a perceptual distance (CIE76 ΔE). */
function lab(hex: string): [number, number, number] {
  const lin = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  const [r, g, b] = [lin(0), lin(2), lin(4)];
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : (24389 / 27 * t + 16) / 116);
  const x = f((0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047);
  const y = f(0.2126 * r + 0.7152 * g + 0.0722 * b);
  const z = f((0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}
const deltaE = (a: string, b: string) => Math.hypot(...lab(a).map((v, i) => v - lab(b)[i]));

describe('figures', () => {
  test('number formats: thousands separators, the decimals the figure has, signs by kind and language', () => {
    expect(figureFormat(169925, 'figure', 'ko')).toBe('#,##0;"△"#,##0');
    expect(figureFormat(70.6, 'figure', 'en')).toBe('#,##0.0;-#,##0.0');
    expect(figureFormat(4.25, 'difference', 'ko')).toBe('"+"#,##0.00;"△"#,##0.00;0');
    expect(figureFormat(-1, 'difference', 'en')).toBe('"+"#,##0;-#,##0;0');
    expect(figureFormat(1.5, 'tolerance', 'ko')).toBe('"±"#,##0.0');
    // Float noise is not a decimal the figure has.
    expect(figureFormat(0.1 + 0.2, 'figure', 'ko')).toBe('#,##0.0;"△"#,##0.0');
  });

  test('figure cells are numbers with their format; a text figure stays text', () => {
    const f = finding({ expected: 169925, actual: 0.1 + 0.2, difference: -169924.7, tolerance: 1.5 });
    const row = resultsSheet([f], 'ko').rows.at(-1)!;
    expect(row[col('expected')]).toEqual({ value: 169925, style: 'number', numberFormat: '#,##0;"△"#,##0' });
    expect(row[col('actual')]).toEqual({ value: 0.3, style: 'number', numberFormat: '#,##0.0;"△"#,##0.0' });
    expect(row[col('difference')]).toEqual({ value: -169924.7, style: 'number', numberFormat: '"+"#,##0.0;"△"#,##0.0;0' });
    expect(row[col('tolerance')]).toEqual({ value: 1.5, style: 'number', numberFormat: '"±"#,##0.0' });
    const text = resultsSheet([finding({ expected: '숫자', actual: null })], 'ko').rows.at(-1)!;
    expect(text[col('expected')]).toEqual({ value: '숫자', style: 'text' });
    expect(text[col('actual')]?.value).toBeNull();
  });

  test('on the example, every numeric figure of every finding has a format', () => {
    const spec = resultsSheet(findings, 'ko');
    let n = 0;
    findings.forEach((f, i) => {
      const row = spec.rows[spec.headerRow + 1 + i];
      for (const key of ['expected', 'actual', 'difference', 'tolerance'] as const) {
        const cell = row[col(key)] as SheetCellSpec;
        if (typeof f[key] === 'number') {
          n++;
          expect(cell.numberFormat).toMatch(/^("[+±]")?#,##0(\.0+)?/);
          expect(cell.value).toBeCloseTo(f[key] as number, 6);
        } else expect(cell.numberFormat).toBeUndefined();
      }
    });
    expect(n).toBeGreaterThan(20);
  });
});

describe('rules', () => {
  test('a readable name from the rule meta, and the id in its own column', () => {
    expect(ruleName('area-total', 'ko')).toBe('전략분야의 값은 소속 실천과제의 합이어야 합니다');
    expect(ruleName('area-total', 'en')).toBe('A strategy area must equal the sum of its 실천과제');
    expect(ruleName('unreadable', 'ko')).toBe('unreadable');
    const row = resultsSheet([finding({ rule: 'area-total' })], 'en').rows.at(-1)!;
    expect(row[col('rule')]?.value).toBe('A strategy area must equal the sum of its 실천과제');
    expect(row[col('ruleId')]?.value).toBe('area-total');
    expect(RESULT_COLUMNS[col('ruleId')].width).toBeLessThan(RESULT_COLUMNS[col('rule')].width);
  });
});

describe('links', () => {
  test('the cells involved: the whole list as the text, linked to the first involved cell other than the finding\'s own', () => {
    const f = finding({
      sheet: '분야별 목표',
      cell: 'C7',
      refs: [
        { sheet: '분야별 목표', cell: 'C7' },
        { sheet: '실천과제', cell: 'C8' },
        { sheet: '실천과제', cell: 'C19' },
      ],
    });
    const cell = resultsSheet([f], 'ko').rows.at(-1)![col('cells')]!;
    // The sheet is named once per run of cells on it.
    expect(cell).toEqual({ value: '분야별 목표!C7, 실천과제!C8, C19', link: { sheet: '실천과제', cell: 'C8' }, style: 'link', wrap: true });
    // Only the finding's own cell: linked to it; a document's place (no A1 address): plain text.
    expect(resultsSheet([finding({ refs: [{ sheet: '실천과제', cell: 'C7' }] })], 'ko').rows.at(-1)![col('cells')]!.link).toEqual({ sheet: '실천과제', cell: 'C7' });
    const doc = finding({ sheet: '본문', cell: '12행 합계', refs: [{ sheet: '본문', cell: '12행 합계' }] });
    const docRow = resultsSheet([doc], 'ko').rows.at(-1)!;
    expect(docRow[col('cells')]).toEqual({ value: '본문!12행 합계', style: 'text', wrap: true });
    expect(docRow[col('cell')]).toEqual({ value: '12행 합계', style: 'text' });
  });

  test('a link formula keeps every string constant within Excel\'s 255 characters', () => {
    expect(linkFormula("O'Brien \"시트\"", 'B2')).toBe('HYPERLINK("#\'O\'\'Brien ""시트""\'!B2","B2")');
    const long = Array.from({ length: 60 }, (_, i) => `실천과제!C${100 + i}`).join(', ');
    const formula = linkFormula('실천과제', 'C100', long);
    const constants = [...formula.matchAll(/"((?:[^"]|"")*)"/g)].map((m) => m[1].replace(/""/g, '"'));
    expect(constants.length).toBeGreaterThan(2);
    for (const c of constants) expect(Array.from(c).length).toBeLessThanOrEqual(255);
    expect(constants.slice(1).join('')).toBe(long);
    expect(formula).toMatch(/^HYPERLINK\("#'실천과제'!C100",("(?:[^"]|"")*"&)+"(?:[^"]|"")*"\)$/);
  });
});

describe('fills', () => {
  test('the header fill is told apart from every severity fill (CIE76 ΔE of at least 20)', () => {
    for (const sev of ['error', 'warning', 'info'] as const) {
      expect({ sev, far: deltaE(HEADER_FILL, SEVERITY_COLOURS[sev].cell) >= 20 }).toEqual({ sev, far: true });
    }
    // The old pair was not: the pale blue header next to the info blue.
    expect(deltaE('DCE6F1', SEVERITY_COLOURS.info.cell)).toBeLessThan(20);
  });
});
