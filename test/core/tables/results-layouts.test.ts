/**
 * 성과 tables as documents write them, built here cell by cell (not by our renderer): headers `실 적`,
 * `실 적(상반기)`, `목 표`, `달성률(%)`; the first `합 계` row totals the rows under it though none is
 * indented; `-` in a 실적 or 달성률 cell means not stated; 개社 added into a total in 명 is a unit warning.
 * Figures are the 세종 2024 results (seed 004) laid out as a table.
 */
import type { CellValue, GridWorkbook } from '../../../src/core/grid/grid';
import { validateGrid } from '../../../src/core/validate';
import { textToGrid } from '../../../src/adapters/text/read';

const sheet = (name: string, rows: CellValue[][]): GridWorkbook => ({
  sheets: [{ name, rows: rows.map((r) => r.map((v) => (v === null ? undefined : { value: v }))), merges: [] }],
});
const pick = (g: GridWorkbook) => validateGrid(g).findings.map((f) => [f.rule, f.severity, f.cell, f.expected, f.actual]);

describe('a 성과 table in a document’s layout', () => {
  it('합 계 first, 실 적 / 목 표 / 달성률(%): the total’s mismatch, and no finding on "-"', () => {
    const g = sheet('성과', [
      ['2024년 일자리 창출 실적'],
      ['(단위 : 명)'],
      ['구 분', '목 표', '실 적', '달성률(%)'],
      ['합 계', 1100, 1216, 110.5],
      ['세종청년희망내일센터', 200, 228, 114],
      ['세종신중년센터', '-', 60, '-'],
      ['세종일자리지원센터', 700, 753, 107.6],
      ['세종지역혁신프로젝트', 200, 180, 90],
    ]);
    const r = validateGrid(g);
    expect(r.plan.results).toMatchObject({ year: 2024, sheet: '성과' });
    expect(r.plan.results!.items.map((i) => [i.name, i.level])).toEqual([
      ['합 계', 1],
      ['세종청년희망내일센터', 2],
      ['세종신중년센터', 2],
      ['세종일자리지원센터', 2],
      ['세종지역혁신프로젝트', 2],
    ]);
    expect(pick(g)).toEqual([
      ['structure', 'info', '', null, null],
      ['result-sum', 'error', 'C4', 1221, 1216],
    ]);
  });

  it('실 적(상반기) with a 단위 column: 개社 in a total in 명 is a unit warning', () => {
    const g = sheet('청년', [
      ['2024년 청년 경제활동 지원 (수혜인원)'],
      ['구 분', '단위', '실 적(상반기)'],
      ['합 계', '명', 1800],
      ['구직·창업수당', '명', 200],
      ['면접스타일링', '명', 180],
      ['소상공인 컨설팅', '개社', 12],
      ['소상공인 사회보험료', '명', 797],
      ['미래적금', '명', 288],
      ['주거임대료', '명', 135],
      ['면접비', '명', 100],
      ['재무컨설팅', '명', 88],
    ]);
    expect(pick(g)).toEqual([
      ['structure', 'info', '', null, null],
      ['result-units', 'warning', 'C3', '명', '개社'],
    ]);
  });
});

describe('a 성과 table in a text document, its hierarchy written by indentation', () => {
  const ROWS: [number, string, number][] = [
    [0, '세종일자리경제진흥원 일자리 창출', 1216],
    [1, '세종청년희망내일센터', 228],
    [2, '청년취업박람회', 192],
    [2, '구직활동비 지원사업', 36],
    [1, '세종신중년센터', 60],
    [1, '세종일자리지원센터', 753],
    [2, '구직등록자 본인취업', 389],
    [2, '알선취업', 343],
    [1, '세종지역혁신프로젝트', 180],
  ];
  const doc = (indent: string) =>
    ['1 주요 성과', '2024년 일자리 창출 실적 (단위 : 명)', '구 분\t실 적', ...ROWS.map(([l, n, v]) => `${indent.repeat(l)}${n}\t${v.toLocaleString('en')}`)].join('\n');

  it.each([['ideographic spaces', '\u3000'], ['two spaces', '  ']])('indented by %s: the same findings as with a 수준 column', (_, indent) => {
    const r = validateGrid(textToGrid(doc(indent), 'r.txt'));
    expect(r.plan.results!.items.map((i) => i.level)).toEqual(ROWS.map(([l]) => l + 1));
    expect(r.findings.map((f) => [f.rule, f.cell, f.expected, f.actual])).toEqual([
      ['structure', '', null, null],
      ['result-sum', 'L4:F2', 1221, 1216],
      ['result-sum', 'L9:F2', 732, 753],
    ]);
  });
});

describe('a 성과 table split across pages', () => {
  const head = ['1 주요 성과', '2024년 일자리 창출 실적 (단위 : 명)', '구 분\t실 적', '합 계\t1,216', '세종청년희망내일센터\t228', '세종신중년센터\t60'];
  const tail = ['세종일자리지원센터\t753', '세종지역혁신프로젝트\t180'];
  it.each([
    ['a page mark', ['', '- 3 -', '']],
    ['a page mark, the unit line and the header repeated', ['', '- 3 -', '', '(단위 : 명)', '구 분\t실 적']],
    ['(계속) and the header repeated', ['(계속)', '구 분\t실 적']],
  ])('across %s: read as one table, with the same findings', (_, brk) => {
    const r = validateGrid(textToGrid([...head, ...brk, ...tail].join('\n'), 'r.txt'));
    expect(r.plan.results!.items.map((i) => i.name)).toEqual(['합 계', '세종청년희망내일센터', '세종신중년센터', '세종일자리지원센터', '세종지역혁신프로젝트']);
    expect(r.findings.map((f) => [f.rule, f.cell, f.expected, f.actual, f.tolerance])).toEqual([
      ['structure', '', null, null, null],
      ['result-sum', 'L4:F2', 1221, 1216, 2.5],
    ]);
  });
});

describe('a 성과 table with its 합 계 row last, under the rows it totals', () => {
  const rows = ['세종청년희망내일센터\t228', '세종신중년센터\t60', '세종일자리지원센터\t753', '세종지역혁신프로젝트\t180'];
  const doc = (total: string) => ['1 주요 성과', '2024년 일자리 창출 실적 (단위 : 명)', '구 분\t실 적', ...rows, `${total}\t1,216`].join('\n');

  it.each(['합 계', '총계'])('%s last: read as the total of the rows above it, the same finding as when written first', (total) => {
    const r = validateGrid(textToGrid(doc(total), 'r.txt'));
    expect(r.plan.results!.items.map((i) => [i.name, i.level])).toEqual([
      [total, 1],
      ['세종청년희망내일센터', 2],
      ['세종신중년센터', 2],
      ['세종일자리지원센터', 2],
      ['세종지역혁신프로젝트', 2],
    ]);
    expect(r.findings.map((f) => [f.rule, f.cell, f.expected, f.actual, f.tolerance])).toEqual([
      ['structure', '', null, null, null],
      ['result-sum', 'L8:F2', 1221, 1216, 2.5],
    ]);
  });

  it('a closing 계 is not taken for the total (it may be the last group\'s subtotal)', () => {
    const r = validateGrid(textToGrid(doc('계'), 'r.txt'));
    expect(r.plan.results!.items.map((i) => i.level)).toEqual([1, 1, 1, 1, 1]);
  });
});
