/** Page setup arithmetic (core/print/layout.ts) and what the renderer describes with it. */
import { chooseOrientation, fitScale, pageSetup, wrappedLines, LINE_HEIGHT } from '../../src/core/print/layout';
import { renderWorkbook } from '../../src/core/template/render';
import { EXAMPLES } from '../../src/core/examples';
import { blankDraft } from '../../src/core/template/blank';

describe('page setup arithmetic', () => {
  it('portrait for narrow tables, landscape for wide ones; fit to width shrinks only when needed', () => {
    expect(chooseOrientation([34, 10, 12, 12, 12, 12, 12])).toBe('portrait');
    expect(chooseOrientation([6, 44, 8, 10, 10, 10, 26, 26, 7, 18])).toBe('landscape');
    expect(fitScale([10, 10], 'portrait')).toBe(1);
    expect(fitScale(Array(40).fill(12), 'landscape')).toBeLessThan(0.5);
  });

  it('counts wrapped lines by display width (Hangul two columns)', () => {
    expect(wrappedLines('abc', 20)).toBe(1);
    expect(wrappedLines('가'.repeat(30), 21)).toBe(3);
    expect(wrappedLines('한 줄\n두 줄', 40)).toBe(2);
  });

  it('breaks before a table that would not fit on the page, never inside one that fits', () => {
    // 30 tables of 12 rows under a title: each page holds whole tables only.
    const blocks = Array.from({ length: 30 }, (_, i) => ({ start: 2 + i * 13, end: 2 + i * 13 + 11 }));
    const p = pageSetup({ columnWidths: [34, 10, 12, 12, 12, 12, 12], lastRow: 400, blocks });
    expect(p.rowBreaks.length).toBeGreaterThan(3);
    for (const b of p.rowBreaks) expect(blocks.some((x) => x.start === b)).toBe(true);
    expect(p.footer).toBe('&C&P / &N');
  });

  it('a table taller than a page breaks only where it allows it', () => {
    const breakable = Array.from({ length: 200 }, (_, i) => 10 + 2 * i);
    const p = pageSetup({ columnWidths: [30, 10, 12], lastRow: 420, blocks: [{ start: 5, end: 410, breakable }] });
    expect(p.rowBreaks.length).toBeGreaterThan(2);
    for (const b of p.rowBreaks) expect(breakable).toContain(b);
  });

  it('gives wrapped text the height it needs, shared over merged rows', () => {
    const p = pageSetup({ columnWidths: [10, 10], lastRow: 5, wrapped: [{ row: 1, text: '가'.repeat(40), chars: 10, rowsSpanned: 2 }] });
    expect(p.rowHeights[1]).toBeGreaterThan(LINE_HEIGHT);
    expect(p.rowHeights[2]).toBe(p.rowHeights[1]);
    expect(p.rowHeights[0]).toBeUndefined();
  });
});

describe('rendered sheets carry their page setup', () => {
  it('every sheet of the example and the blank template: A4 fit to width, n / N footer, the plan in the header', () => {
    for (const wb of [renderWorkbook(EXAMPLES['incheon-seogu-2023'].draft, { formulas: false }), renderWorkbook(blankDraft(), { formulas: true })]) {
      for (const s of wb.sheets) {
        expect(s.print).toBeDefined();
        expect(s.print!.footer).toBe('&C&P / &N');
        expect(s.print!.header.right).toBe('&A');
        expect(s.landscape).toBe(s.print!.orientation === 'landscape');
      }
    }
    const ex = renderWorkbook(EXAMPLES['incheon-seogu-2023'].draft, { formulas: false });
    expect(ex.sheets[0].print!.header.left).toContain('인천');
    const tasks = ex.sheets.find((s) => s.name === '실천과제')!;
    // Page breaks fall at the start of a 실천과제 table (its ①… title).
    expect(tasks.print!.rowBreaks.length).toBeGreaterThan(0);
    for (const b of tasks.print!.rowBreaks) {
      const title = tasks.cells.find((c) => c.row === b && c.col === 0);
      expect(String(title?.value)).toMatch(/^[①-⑳]/);
    }
    expect(tasks.print!.orientation).toBe('portrait');
  });

  it('the 세종 성과 sheet is landscape and its wrapped names get taller rows', () => {
    const sj = renderWorkbook(EXAMPLES['sejong-2024'].draft, { formulas: false });
    const results = sj.sheets.find((s) => s.print?.orientation === 'landscape');
    expect(results).toBeDefined();
    expect(Object.values(results!.print!.rowHeights).some((h) => h > LINE_HEIGHT)).toBe(true);
    expect(results!.printTitleRows).toMatch(/^\d+:\d+$/);
  });
});
