/**
 * How a rendered sheet prints: A4, fitted to the page width, portrait unless the tables are wide,
 * header rows repeated on every page, page breaks so that no table is cut, row heights that show
 * wrapped text, and a "n / N" footer. Pure arithmetic in points (1/72 inch) on the sheet's description:
 * the adapters (exceljs, Office.js) only apply the result.
 */

/** A4 in points. */
export const A4 = { width: 595, height: 842 } as const;

/** Page margins in inches, as the writer sets them (Excel's "normal" margins, a little tighter at the sides). */
export const MARGINS = { left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } as const;

/** Height of a one-line row of 10 pt 맑은 고딕 as Excel and LibreOffice draw it (Excel's 13.5 pt plus a margin for other fonts). */
export const LINE_HEIGHT = 15;

/** Footer of every printed page: "3 / 12" (&P page, &N pages). */
export const PAGE_FOOTER = '&C&P / &N';

export interface PrintBlock {
  /** First and last row (0-based) of a table, its title and unit line included: printed on one page when it fits. */
  start: number;
  end: number;
  /** Rows (0-based) inside the block where a page may break when the block is taller than a page (e.g. between 세부사업). */
  breakable?: number[];
}

export interface PageSetup {
  orientation: 'portrait' | 'landscape';
  /** Rows repeated at the top of every page, 1-based ("3:3"), when the sheet has one header for all its rows. */
  titleRows?: string;
  /** Rows (0-based) that start a new page. */
  rowBreaks: number[];
  /** Heights (points) of rows that need more than one line (wrapped text), by 0-based row. */
  rowHeights: Record<number, number>;
  /** Print scale the fit to width comes to (1 = 100 %), for the page arithmetic and the tests. */
  scale: number;
  /** Header: left (the plan's title) and right (the sheet's name, &A) parts; footer: the page number. */
  header: { left: string; right: string };
  footer: string;
}

/** Width in points of a column Excel measures in characters of the default font (7 px per character + 5 px padding, 96 dpi). */
export function columnPoints(chars: number): number {
  return ((chars * 7 + 5) * 72) / 96;
}

function printable(orientation: PageSetup['orientation']): { width: number; height: number } {
  const paper = orientation === 'portrait' ? A4 : { width: A4.height, height: A4.width };
  return {
    width: paper.width - (MARGINS.left + MARGINS.right) * 72,
    height: paper.height - (MARGINS.top + MARGINS.bottom) * 72,
  };
}

/** Portrait when the columns fit the portrait page at no less than 85 %; landscape when the tables are wider. */
export function chooseOrientation(columnWidths: readonly number[]): PageSetup['orientation'] {
  const width = columnWidths.reduce((s, w) => s + columnPoints(w), 0);
  return width * 0.85 <= printable('portrait').width ? 'portrait' : 'landscape';
}

/** Scale of "fit to one page wide": 1 when the columns fit, less when they must shrink. */
export function fitScale(columnWidths: readonly number[], orientation: PageSetup['orientation']): number {
  const width = columnWidths.reduce((s, w) => s + columnPoints(w), 0);
  return Math.min(1, printable(orientation).width / Math.max(1, width));
}

/** Columns a text takes in a cell: Hangul and other wide characters count two, like a terminal. */
export function textColumns(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    const wide = (c >= 0x1100 && c <= 0x115f) || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xff00 && c <= 0xff60);
    n += wide ? 2 : 1;
  }
  return n;
}

/**
 * Lines a wrapped text needs in a column `chars` wide (Excel's character unit is about one narrow
 * character; a Hangul syllable takes about two). Words are not split, so a little slack is kept.
 */
export function wrappedLines(text: string, chars: number): number {
  const room = Math.max(1, chars - 1);
  let lines = 0;
  for (const paragraph of text.split('\n')) {
    let line = 0;
    let count = 1;
    for (const word of paragraph.split(/(\s+)/)) {
      const w = textColumns(word);
      if (line + w > room && line > 0) {
        count += 1;
        line = word.trim() ? w : 0;
      } else line += w;
      while (line > room) {
        count += 1;
        line -= room;
      }
    }
    lines += count;
  }
  return Math.max(1, lines);
}

export interface SheetForPrint {
  /** Column widths in characters. */
  columnWidths: readonly number[];
  /** Last used row (0-based). */
  lastRow: number;
  /** Rows repeated on every page, 1-based "a:b". */
  titleRows?: string;
  /** Tables to keep on one page each (when they fit). None: the sheet is one table under its title rows. */
  blocks?: readonly PrintBlock[];
  /** Wrapped cells: their text, row and the width (characters) of the column or merged columns they sit in. */
  wrapped?: readonly { row: number; text: string; chars: number; rowsSpanned?: number }[];
  /** Left part of the page header (the plan's title). */
  title?: string;
}

function titleRowRange(titleRows: string | undefined): { from: number; to: number } | null {
  const m = titleRows ? /^(\d+):(\d+)$/.exec(titleRows) : null;
  return m ? { from: Number(m[1]) - 1, to: Number(m[2]) - 1 } : null;
}

/** Page setup of a sheet: orientation, scale, row heights of wrapped text, and page breaks between tables. */
export function pageSetup(sheet: SheetForPrint): PageSetup {
  const orientation = chooseOrientation(sheet.columnWidths);
  const scale = fitScale(sheet.columnWidths, orientation);
  const rowHeights: Record<number, number> = {};
  for (const w of sheet.wrapped ?? []) {
    const lines = wrappedLines(w.text, w.chars);
    const span = Math.max(1, w.rowsSpanned ?? 1);
    // A text in merged rows shares their height; each row gets its part (one line at least).
    const each = Math.max(LINE_HEIGHT, Math.ceil((lines * LINE_HEIGHT) / span) + 2);
    for (let r = w.row; r < w.row + span; r++) rowHeights[r] = Math.max(rowHeights[r] ?? LINE_HEIGHT, each);
  }
  const height = (r: number) => rowHeights[r] ?? LINE_HEIGHT;
  const titles = titleRowRange(sheet.titleRows);
  const titleHeight = titles ? Array.from({ length: titles.to - titles.from + 1 }, (_, i) => height(titles.from + i)).reduce((a, b) => a + b, 0) : 0;
  // Room on a page in sheet points: the printable height at this scale, less the repeated rows; 5 % kept
  // for the differences between Excel's and LibreOffice's row heights.
  const page = (printable(orientation).height / scale) * 0.95;
  const rowBreaks: number[] = [];
  if (sheet.blocks?.length) {
    let used = 0;
    let first = true;
    const span = (from: number, to: number) => {
      let s = 0;
      for (let r = from; r <= to; r++) s += height(r);
      return s;
    };
    // Rows above the first table (the sheet's title) are on the first page.
    used = span(0, sheet.blocks[0].start - 1);
    for (const b of sheet.blocks) {
      const size = span(b.start, b.end);
      if (!first && used + size > page) {
        rowBreaks.push(b.start);
        used = titleHeight;
      }
      first = false;
      if (used + size <= page) {
        used += size;
        continue;
      }
      // Taller than a page: break inside, only where the block allows it.
      const points = [...(b.breakable ?? [])].sort((x, y) => x - y);
      let from = b.start;
      while (from <= b.end) {
        let cut = -1;
        for (const p of points) if (p > from && used + span(from, p - 1) <= page) cut = p;
        if (cut < 0 || used + span(from, b.end) <= page) {
          used += span(from, b.end);
          break;
        }
        used += span(from, cut - 1);
        rowBreaks.push(cut);
        used = titleHeight;
        from = cut;
      }
    }
  }
  return {
    orientation,
    titleRows: sheet.titleRows,
    rowBreaks,
    rowHeights,
    scale,
    header: { left: sheet.title ?? '', right: '&A' },
    footer: PAGE_FOOTER,
  };
}
