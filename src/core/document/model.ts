/**
 * A document as word processors hold one: paragraphs and tables in reading order, each table a grid of
 * cells with row and column spans. The document renderer (render.ts) writes the disclosure tables into
 * it from the template description; adapters turn it into a file (.hwpx) or a picture (HTML).
 * Styles are the template's own style names (template/styles.ts), so a document looks like the workbook.
 */
import type { StyleName } from '../template/styles';

export interface DocParagraph {
  kind: 'paragraph';
  text: string;
  style: StyleName | 'body';
}

export interface DocCell {
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
  /** The text as shown: numbers already formatted (#,##0, △ for negatives, - for none). Lines split on \n. */
  text: string;
  style: StyleName;
}

export interface DocTable {
  kind: 'table';
  /** What the table is, for captions and messages (e.g. '분야별 목표'). */
  name: string;
  rows: number;
  cols: number;
  /** Relative column widths (characters, as the workbook's columns). */
  widths: number[];
  /** Rows at the top repeated on every page. */
  headerRows: number;
  /** Only the top-left cell of a merged range; the cells it covers are absent. */
  cells: DocCell[];
}

export type DocBlock = DocParagraph | DocTable;

export interface DocModel {
  title: string;
  blocks: DocBlock[];
}

/** Builds one table cell by cell; keeps every covered position free. */
export class TableBuilder {
  readonly cells: DocCell[] = [];
  private rowCount = 0;
  constructor(
    readonly name: string,
    readonly cols: number,
    readonly widths: number[],
  ) {}
  set(row: number, col: number, text: string, style: StyleName, rowSpan = 1, colSpan = 1): void {
    this.cells.push({ row, col, rowSpan, colSpan, text, style });
    this.rowCount = Math.max(this.rowCount, row + rowSpan);
  }
  build(headerRows: number): DocTable {
    const cells = [...this.cells].sort((a, b) => a.row - b.row || a.col - b.col);
    return { kind: 'table', name: this.name, rows: this.rowCount, cols: this.cols, widths: this.widths, headerRows, cells };
  }
}
