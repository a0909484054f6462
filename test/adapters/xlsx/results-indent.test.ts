/**
 * A 성과 hierarchy made with Excel's Increase Indent button: the indent is the cell style's alignment
 * (`<xf …><alignment indent="2"/></xf>` in styles.xml), not spaces in the text. Read from a hand-written
 * package (test/support/ooxml.ts), it gives the same levels and findings as the same table with typed `　`.
 */
import { readXlsxBuffer } from '../../../src/adapters/xlsx/read';
import { validateGrid } from '../../../src/core/validate';
import { sheetXml, workbookParts, zipParts } from '../../support/ooxml';

// seed 004's 일자리 창출 breakdown: 1,216 ≠ 228 + 60 + 753 + 180, and 753 ≠ 389 + 343
const ROWS: [number, string, number][] = [
  [0, '세종일자리경제진흥원 일자리 창출', 1216],
  [1, '세종청년희망내일센터', 228],
  [2, '청년취업박람회', 192],
  [2, '구직활동비 지원사업', 36],
  [1, '세종신중년센터', 60],
  [2, '신중년JOB매칭페스타', 10],
  [2, '교육과정 연계 단기 일자리', 50],
  [1, '세종일자리지원센터', 753],
  [2, '구직등록자 본인취업', 389],
  [2, '알선취업', 343],
  [1, '세종지역혁신프로젝트', 180],
  [2, '부리산업 일자리', 99],
  [2, '전문과학기술업 일자리', 81],
];

// cellXfs 0: no alignment; 1: indent 1; 2: indent 2 (with horizontal="left", as Excel writes it); 3: a number format, indent 0
const STYLES =
  '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">' +
  '<cellStyleXfs count="1"><xf numFmtId="0"><alignment indent="5"/></xf></cellStyleXfs>' +
  '<cellXfs count="4"><xf numFmtId="0" xfId="0"/><xf numFmtId="0" xfId="0" applyAlignment="1"><alignment indent="1"/></xf>' +
  '<xf numFmtId="0" xfId="0" applyAlignment="1"><alignment horizontal="left" vertical="center" indent="2"/></xf>' +
  '<xf numFmtId="3" xfId="0" applyNumberFormat="1"><alignment indent="0"/></xf></cellXfs></styleSheet>';

const inline = (ref: string, t: string, s = 0) => `<c r="${ref}"${s ? ` s="${s}"` : ''} t="inlineStr"><is><t xml:space="preserve">${t}</t></is></c>`;

function workbook(byStyle: boolean): Buffer {
  const rows = [
    `<row r="1">${inline('A1', '2024년 일자리 창출 실적')}</row>`,
    `<row r="2">${inline('A2', '(단위 : 명)')}</row>`,
    `<row r="3">${inline('A3', '구 분')}${inline('B3', '실 적')}</row>`,
    ...ROWS.map(([level, name, actual], i) => {
      const r = i + 4;
      const a = byStyle ? inline(`A${r}`, name, level) : inline(`A${r}`, '\u3000'.repeat(level) + name);
      return `<row r="${r}">${a}<c r="B${r}" s="3"><v>${actual}</v></c></row>`;
    }),
  ];
  return zipParts(workbookParts([{ name: '성과', xml: sheetXml(rows.join('')) }], { styles: STYLES }));
}

const brief = (fs: { rule: string; severity: string; sheet: string; cell: string; expected: unknown; actual: unknown; tolerance: unknown }[]) =>
  fs.map((f) => `${f.rule} ${f.severity} ${f.sheet}!${f.cell} ${String(f.expected)} ${String(f.actual)} ${String(f.tolerance)}`);

describe('성과 hierarchy by the cell format’s indent (Increase Indent)', () => {
  it('reads the style’s indent into the grid cell, only where the style has one', async () => {
    const { grid } = await readXlsxBuffer(workbook(true), 'indent.xlsx');
    const rows = grid.sheets[0].rows;
    expect(rows[3][0]).toEqual({ value: '세종일자리경제진흥원 일자리 창출' });
    expect(rows[4][0]).toEqual({ value: '세종청년희망내일센터', indent: 1 });
    expect(rows[5][0]).toEqual({ value: '청년취업박람회', indent: 2 });
    expect(rows[3][1]).toEqual({ value: 1216, numFmt: '#,##0' });
  });

  it('gives the same levels and findings as the typed-spaces version', async () => {
    const byStyle = validateGrid((await readXlsxBuffer(workbook(true), 'indent.xlsx')).grid);
    const bySpaces = validateGrid((await readXlsxBuffer(workbook(false), 'spaces.xlsx')).grid);
    expect(byStyle.plan.results!.items.map((i) => i.level)).toEqual(ROWS.map(([level]) => level + 1));
    expect(byStyle.plan.results!.items.map((i) => [i.level, i.parent])).toEqual(bySpaces.plan.results!.items.map((i) => [i.level, i.parent]));
    expect(brief(byStyle.findings)).toEqual(brief(bySpaces.findings));
    expect(byStyle.findings.filter((f) => f.rule === 'result-sum').map((f) => [f.cell, f.expected, f.actual])).toEqual([
      ['B4', 1221, 1216],
      ['B11', 732, 753],
    ]);
  });
});
