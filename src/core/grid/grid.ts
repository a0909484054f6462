/**
 * The workbook as the core sees it: plain cell values, no Office.js and no exceljs.
 * Adapters (src/adapters/*) turn a real workbook into a GridWorkbook for reading, and apply a
 * RenderedWorkbook (see template/render.ts) when writing.
 */

export type CellValue = number | string | boolean | null;

export interface GridCell {
  /** The value; for a formula, its cached result (null when the workbook holds none). */
  value: CellValue;
  /** Formula text without the leading '=', when the cell holds one. */
  formula?: string;
  /** Number format, when the adapter knows it. */
  numFmt?: string;
  /**
   * Indent levels of the cell's alignment (Excel's Increase Indent, `<alignment indent="2"/>`), set only
   * when more than 0 and the adapter reads it (the .xlsx reader does; exceljs and Office.js paths do not).
   * The 성과 reader counts each as one level, as one leading `　` in the text.
   */
  indent?: number;
  /** True when this is a copy of a merged range's top-left label (see withMergesFilled). */
  mergedCopy?: boolean;
}

export interface GridSheet {
  name: string;
  /** rows[r][c], 0-based; missing entries are empty cells. */
  rows: (GridCell | undefined)[][];
  /** Merged ranges in A1 form ("A5:A6"). The value sits in the top-left cell. */
  merges: string[];
  /**
   * Set when the grid was made from a document (text, .hwpx) rather than a workbook sheet: rows are the
   * document's lines and table rows. Readers build each figure's reference through `locate`, so a
   * finding names the document's own place (section or table; line and field) instead of a grid address.
   */
  source?: DocumentSource;
}

export interface DocumentSource {
  kind: 'text' | 'hwpx';
  /** Where grid cell (row, col), 0-based, stands in the document: `sheet` names the section or table, `cell` the line/row and field/column. */
  locate(row: number, col: number): { sheet: string; cell: string };
}

export interface GridWorkbook {
  sheets: GridSheet[];
}

export function cellAt(sheet: GridSheet, row: number, col: number): GridCell | undefined {
  return sheet.rows[row]?.[col];
}

/** The cell's value as display-ish text, for label matching. */
export function cellText(cell: GridCell | undefined): string {
  if (!cell || cell.value === null || cell.value === undefined) return '';
  return String(cell.value);
}

export function sheetWidth(sheet: GridSheet): number {
  const rows = sheet.rows;
  let w = 0;
  for (let r = 0; r < rows.length; r++) {
    const row = rows[r];
    if (row && row.length > w) w = row.length;
  }
  return w;
}

/** The row withMergesFilled puts where the sheet has none (never written to: a row is copied before a label is spread into it). */
const NO_CELLS: readonly (GridCell | undefined)[] = [];

/**
 * A copy of a row, made with an explicit loop into an array made at its length: the array is the same kind
 * (holey, of objects) whichever tier of V8 runs this, so code reading rows sees one shape from one check to
 * the next (Array.prototype.slice and map may hand back packed or holey arrays depending on the tier).
 */
function copyRow(row: readonly (GridCell | undefined)[]): (GridCell | undefined)[] {
  const out = new Array<GridCell | undefined>(row.length);
  for (let c = 0; c < row.length; c++) {
    const x = row[c];
    if (x !== undefined) out[c] = x; // an empty cell stays a hole, as in a slice
  }
  return out;
}

/**
 * Copies each merged range's top-left value into its other cells, so a label merged across two rows
 * (a 세부사업 name over its 성과목표 and 소요예산 rows) is visible from both rows.
 */
export function withMergesFilled(sheet: GridSheet, parse: (r: string) => { r0: number; c0: number; r1: number; c1: number }): GridSheet {
  if (sheet.merges.length === 0) return sheet;
  // The sheet's own rows are never changed: a row is copied the first time a label is spread into it.
  const rows = sheetRows(sheet.rows);
  spreadMerges(rows, sheet.merges, parse);
  return withRows(sheet, rows);
}

/**
 * The sheet with other rows: `{ ...sheet, rows }`, as an object literal for the sheets the adapters make
 * (name, rows, merges, and a document's source). The object a spread makes has another shape once V8
 * optimises the code making it, and the code reading every sheet's rows was then thrown away in the next check.
 */
function withRows(sheet: GridSheet, rows: (GridCell | undefined)[][]): GridSheet {
  const keys = Object.keys(sheet);
  if (keys[0] === 'name' && keys[1] === 'rows' && keys[2] === 'merges') {
    if (keys.length === 3) return { name: sheet.name, rows, merges: sheet.merges };
    if (keys.length === 4 && keys[3] === 'source') return { name: sheet.name, rows, merges: sheet.merges, source: sheet.source };
  }
  return { ...sheet, rows };
}

/** The sheet's rows in a new list, NO_CELLS for a row it does not have. */
function sheetRows(src: readonly ((GridCell | undefined)[] | undefined)[]): (GridCell | undefined)[][] {
  const rows = new Array<(GridCell | undefined)[]>(src.length);
  for (let r = 0; r < src.length; r++) rows[r] = src[r] ?? (NO_CELLS as (GridCell | undefined)[]);
  return rows;
}

/**
 * withMergesFilled's spreading, into `rows` (the sheet's rows, copied when first written to). Each loop of
 * withMergesFilled sits in a function holding only it: V8 optimises a long loop while in it, and such code
 * is thrown away when it reaches code after the loop it has not seen run — in every check, as it is kept.
 */
function spreadMerges(rows: (GridCell | undefined)[][], merges: readonly string[], parse: (r: string) => { r0: number; c0: number; r1: number; c1: number }): void {
  const copied = new Uint8Array(rows.length);
  // Indexed loops: this runs once per sheet, mostly before it is optimised, where for…of makes an object per step.
  for (let i = 0; i < merges.length; i++) {
    const { r0, c0, r1, c1 } = parse(merges[i]);
    const top = rows[r0]?.[c0];
    if (!top || typeof top.value !== 'string') continue; // only labels are spread; numbers stay in one cell
    for (let r = r0; r <= r1; r++) {
      for (let c = c0; c <= c1; c++) {
        if (r === r0 && c === c0) continue;
        const row = rows[r];
        if (!row || !row[c] || row[c]!.value === null) {
          // (A row outside the sheet's is copied each time: a copy of the copy, the same cells.)
          const inSheet = r >= 0 && r < copied.length;
          if (!inSheet || copied[r] === 0) {
            rows[r] = copyRow(row ?? NO_CELLS);
            if (inSheet) copied[r] = 1;
          }
          rows[r][c] = { value: top.value, mergedCopy: true };
        }
      }
    }
  }
}
