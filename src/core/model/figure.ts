/**
 * A figure as every reader returns it: the number, its state, its precision and where it came from
 * (sheet and cell, or a document's section, line and field). Shared by the 종합계획 model (plan.ts) and
 * the results model (results/model.ts), so neither imports the other for it.
 */
import type { CellValue } from '../grid/grid';
import type { NumberState } from '../numbers/parse';

/** A value of a draft (what a writer renders): a number, or null for blank. */
export type DraftValue = number | null;

export interface CellRef {
  sheet: string;
  /** A1 address, e.g. "C5". */
  cell: string;
}

export interface Figure {
  ref: CellRef;
  /** The number for sums: dash → 0; blank, 'na' and text → null. */
  value: number | null;
  state: NumberState;
  /** The cell's value as stored (cached value for a formula). */
  raw: CellValue;
  formula?: string;
  /** Decimal places the figure is shown with (its rounding precision). */
  decimals: number;
  /** The whole row is missing from the table: a placeholder at the row's label, reported by the reader. */
  missing?: true;
  /**
   * The unit the cell itself states, after its figure ("4,900억원") or quoted in its number format
   * (`#,##0"억원"`); absent for a bare figure (most). The value is the figure as stated, never converted:
   * the value-unit rule compares this unit with the table's.
   */
  unit?: string;
}

