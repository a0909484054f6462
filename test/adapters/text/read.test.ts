/** Text documents → grids: lines and tab fields, figures as numbers, and each cell located by section, line and field. */
import { folderExtensions, formatOf, readInput } from '../../../src/adapters/inputs';
import { decodeText, textBytesToGrid, textToGrid } from '../../../src/adapters/text/read';
import { InputReadError } from '../../../src/adapters/read-error';

const DOC = [
  '인천서구 민선8기 일자리대책 종합계획', // 1
  '', // 2
  '2 분야별 목표', // 3
  '(단위 : 명, 백만원)', // 4
  '전략분야\t구 분\t합 계\t2023년', // 5
  '합 계\t성과목표\t60,247\t13,970', // 6
  '\t소요예산\t206,658\t△1.5', // 7
  '2', // 8
  '', // 9
  '청년 일자리 지원 및 취업역량 강화', // 10
  '세부사업명\t\t합계', // 11
].join('\r\n');

describe('textToGrid', () => {
  const g = textToGrid(DOC, 'plan.txt');
  const s = g.sheets[0];

  it('makes one row per line and one cell per tab field; an empty field is an empty cell', () => {
    expect(g.sheets).toHaveLength(1);
    expect(s.name).toBe('plan.txt');
    expect(s.rows).toHaveLength(11);
    expect(s.rows[4].map((c) => c?.value)).toEqual(['전략분야', '구 분', '합 계', '2023년']);
    expect(s.rows[6][0]).toBeUndefined();
    expect(s.rows[10][1]).toBeUndefined();
  });

  it('reads figures as numbers with their display precision, △ as minus; other text stays text', () => {
    expect(s.rows[5][2]).toEqual({ value: 60247, numFmt: '#,##0' });
    expect(s.rows[6][3]).toEqual({ value: -1.5, numFmt: '0.0' });
    expect(s.rows[3][0]).toEqual({ value: '(단위 : 명, 백만원)' });
  });

  it('locates a cell by the section heading above it, its line and field', () => {
    expect(s.source?.kind).toBe('text');
    expect(s.source!.locate(0, 0)).toEqual({ sheet: 'plan.txt', cell: 'L1:F1' });
    expect(s.source!.locate(5, 2)).toEqual({ sheet: '2 분야별 목표', cell: 'L6:F3' });
    // A number on its own line with the name on the next is one heading.
    expect(s.source!.locate(10, 0)).toEqual({ sheet: '2 청년 일자리 지원 및 취업역량 강화', cell: 'L11:F1' });
  });
});

describe('decoding', () => {
  it('reads UTF-8 with a BOM, UTF-16 with a BOM and EUC-KR', () => {
    const utf8 = new Uint8Array([0xef, 0xbb, 0xbf, ...Buffer.from('구 분\t합계', 'utf8')]);
    expect(textBytesToGrid(utf8, 'a.txt').sheets[0].rows[0].map((c) => c?.value)).toEqual(['구 분', '합계']);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('합계', 'utf16le')]);
    expect(decodeText(utf16)).toBe('합계');
    // "합계" in EUC-KR (CP949): C7 D5 B0 E8.
    expect(decodeText(new Uint8Array([0xc7, 0xd5, 0xb0, 0xe8]))).toBe('합계');
  });

  it('refuses binary data with a plain error', () => {
    expect(() => textBytesToGrid(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0, 0]), 'x.txt')).toThrow(InputReadError);
  });
});

describe('the input-format registry', () => {
  it('reads .txt and .tsv as text documents; folders are searched for workbooks only', async () => {
    expect(formatOf('plan.TXT')?.id).toBe('text');
    expect(formatOf('plan.tsv')?.id).toBe('text');
    expect(folderExtensions()).not.toContain('.txt');
    const r = await readInput(Buffer.from(DOC, 'utf8'), 'plan.txt');
    expect(r.format).toBe('text');
    expect(r.grid.sheets[0].rows).toHaveLength(11);
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('Markdown tables', () => {
  const md = ['2 분야별 목표', '', '| 전략분야 | 구 분 | 합 계 | 2023년 |', '|---|:---:|---|---:|', '| 합 계 | 성과목표 | 60,247 | 13,970 |', '|  | 소요예산 | 206,658 | a\\|b |', 'x | y'].join('\n');
  const s = textToGrid(md, 'plan.md.txt').sheets[0];

  it('reads a row of pipes as its fields; the rule row is no row, and every cell keeps its own line', () => {
    expect(s.rows).toHaveLength(6);
    expect(s.rows[2].map((c) => c?.value)).toEqual(['전략분야', '구 분', '합 계', '2023년']);
    expect(s.rows[3][2]).toEqual({ value: 60247, numFmt: '#,##0' });
    expect(s.rows[4][0]).toBeUndefined();
    expect(s.rows[4][3]).toEqual({ value: 'a|b' });
    expect(s.rows[5]).toEqual([{ value: 'x | y' }]);
    expect(s.source!.locate(3, 2)).toEqual({ sheet: '2 분야별 목표', cell: 'L5:F3' });
    expect(s.source!.locate(5, 0)).toEqual({ sheet: '2 분야별 목표', cell: 'L7:F1' });
  });
});
