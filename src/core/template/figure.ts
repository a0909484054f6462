/** A cell read as a figure: the number, its state, its precision and its address. */
import type { GridCell } from '../grid/grid';
import type { CellRef, Figure } from '../model/plan';
import { decimalsOf, parseKoreanNumber } from '../numbers/parse';

export function figureOf(cell: GridCell | undefined, ref: CellRef): Figure {
  // A merged copy is a label spread by withMergesFilled, not a figure of this cell.
  const raw = cell && !cell.mergedCopy ? cell.value : null;
  const parsed = parseKoreanNumber(raw);
  const f: Figure = {
    ref,
    value: parsed.value,
    state: parsed.state,
    raw: raw ?? null,
    decimals: parsed.value === null ? 0 : decimalsOf(parsed.value, cell?.numFmt),
  };
  if (cell?.formula) f.formula = cell.formula;
  return f;
}
