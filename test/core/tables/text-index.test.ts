/**
 * The reader's shortcuts give the answers of the plain scans they replace: labels looked up in a sheet's
 * text index (tables/sheet.ts), merged labels spread without copying untouched rows (grid/grid.ts), A1
 * addresses parsed without a regular expression (grid/a1.ts). Each is compared with a scan written here.
 */
import { parseA1, parseRange } from '../../../src/core/grid/a1';
import { withMergesFilled, type GridCell, type GridSheet } from '../../../src/core/grid/grid';
import type { Label } from '../../../src/core/tables/labels';
import { findLabel, prepareSheets, rowsWithLabel, rowsWithText, type TableSheet } from '../../../src/core/tables/sheet';

const c = (value: GridCell['value'], extra: Partial<GridCell> = {}): GridCell => ({ value, ...extra });

function sheetOf(rows: (GridCell | undefined)[][], merges: string[] = []): TableSheet {
  return prepareSheets({ sheets: [{ name: 'S', rows, merges }] })[0];
}

/** The scan the index replaces: every cell's text, whitespace removed, against the label's forms. */
function scanRows(s: TableSheet, l: Label, loose = false): number[] {
  const forms = new Set([l.text, ...l.synonyms].map((t) => t.replace(/\s+/g, '')));
  const out: number[] = [];
  s.grid.rows.forEach((row, r) => {
    if (!row) return;
    for (const x of row) {
      const t = x && x.value !== null ? String(x.value).replace(/\s+/g, '') : '';
      if (forms.has(t) || (loose && forms.has(t.replace(/\([^)]*\)$/, '')))) {
        out.push(r);
        return;
      }
    }
  });
  return out;
}

const ANCHOR: Label = { text: '세부사업명', synonyms: ['세부 사업'] };
const ACTUAL: Label = { text: '실 적', synonyms: [] };

describe('rowsWithLabel and findLabel', () => {
  const rows: (GridCell | undefined)[][] = [
    [c('제목')],
    [c('세부사업명'), c('구 분'), c('합계')],
    [c('가'), c('성과목표'), c(12)],
    [undefined, c('소요예산'), c(3)],
    [],
    [c(' 세부 \n 사업 '), c('실적(상반기)'), c('실 적')],
    [c(2023), c(true), c(null)],
  ];
  rows[9] = [c('나'), c('세부사업명')];
  const s = sheetOf(rows, ['A2:A3']);

  it('finds the rows a scan of every cell finds, ascending and once each', () => {
    expect(rowsWithLabel(s, ANCHOR)).toEqual([1, 5, 9]);
    expect(rowsWithLabel(s, ANCHOR)).toEqual(scanRows(s, ANCHOR));
  });

  it('includes merged copies (the merge A2:A3 spreads 세부사업명 into row 3)', () => {
    const merged = sheetOf([[c('세부사업명')], [c(null)]], ['A1:A2']);
    expect(rowsWithLabel(merged, ANCHOR)).toEqual([0, 1]);
    expect(scanRows(merged, ANCHOR)).toEqual([0, 1]);
  });

  it('matches a bracketed tail only when loose', () => {
    expect(rowsWithLabel(s, { text: '실적', synonyms: [] })).toEqual([5]); // `실 적` in C6
    expect(rowsWithLabel(sheetOf([[c('실적(상반기)')]]), ACTUAL)).toEqual([]);
    expect(rowsWithLabel(sheetOf([[c('실적(상반기)')]]), ACTUAL, true)).toEqual([0]);
    expect(scanRows(sheetOf([[c('실적(상반기)')]]), ACTUAL, true)).toEqual([0]);
  });

  it('falls back to every row for a label a number or true/false cell could show', () => {
    expect(rowsWithLabel(s, { text: '2023', synonyms: [] })).toEqual(Array.from({ length: s.grid.rows.length }, (_, r) => r));
    expect(rowsWithLabel(s, { text: 'x', synonyms: ['true'] })).toHaveLength(s.grid.rows.length);
    expect(findLabel(s, { text: '2023', synonyms: [] })).toEqual({ row: 6, col: 0 });
    expect(findLabel(s, { text: 'true', synonyms: [] })).toEqual({ row: 6, col: 1 });
  });

  it('findLabel gives the first cell in reading order, within the rows asked', () => {
    expect(findLabel(s, ANCHOR)).toEqual({ row: 1, col: 0 });
    expect(findLabel(s, ANCHOR, 2)).toEqual({ row: 5, col: 0 });
    expect(findLabel(s, ANCHOR, 6)).toEqual({ row: 9, col: 1 });
    expect(findLabel(s, ANCHOR, 6, 8)).toBeNull();
    expect(findLabel(s, { text: '없음', synonyms: [] })).toBeNull();
  });

  it('rowsWithText tests the whitespace-free texts of text cells', () => {
    expect(rowsWithText(s, (t) => t.includes('사업'))).toEqual([1, 5, 9]);
    expect(rowsWithText(s, (t) => t === '2023')).toEqual([]); // a number cell is not a text cell
  });
});

describe('withMergesFilled', () => {
  it('spreads labels into a copy, leaving the sheet and the rows it did not touch as they were', () => {
    const rows: (GridCell | undefined)[][] = [[c('가'), c(1)], [c(null), c(2)], [c('다'), c(3)]];
    const sheet: GridSheet = { name: 'S', rows, merges: ['A1:A2', 'B3:B4'] };
    const before = JSON.stringify(rows);
    const filled = withMergesFilled(sheet, parseRange);
    expect(JSON.stringify(rows)).toBe(before);
    expect(filled.rows[1][0]).toEqual({ value: '가', mergedCopy: true });
    expect(filled.rows[0]).toBe(rows[0]);
    expect(filled.rows[2]).toBe(rows[2]); // B3 holds a number: nothing spread
    expect(filled.rows).toHaveLength(3);
  });
});

describe('parseA1', () => {
  const byRegex = (a: string) => {
    const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/.exec(a.trim());
    if (!m) return 'throws';
    let col = 0;
    for (const ch of m[1].toUpperCase()) col = col * 26 + (ch.charCodeAt(0) - 64);
    return { row: Number(m[2]) - 1, col: col - 1 };
  };
  const parsed = (a: string) => {
    try {
      return parseA1(a);
    } catch {
      return 'throws';
    }
  };
  it.each(['A1', 'Z99', 'AA10', 'XFD1048576', 'ABCD1', 'A', '1', '$A$1', 'a1', ' A1', 'A1 ', 'A01', 'A0', 'AAA123456789', 'A1234567890', 'A1B', 'A-1', '', 'A1\n'])('%j as the A1 pattern reads it', (a) => {
    expect(parsed(a)).toEqual(byRegex(a));
  });
  it('reads real addresses', () => {
    expect(parseA1('C12')).toEqual({ row: 11, col: 2 });
    expect(parseA1('AB3')).toEqual({ row: 2, col: 27 });
  });
});
