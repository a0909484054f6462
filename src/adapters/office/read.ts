/**
 * Reads the workbook's used ranges into the core GridWorkbook.
 *
 * The sheet list is known (previous round trip); this queues, for every sheet, its used range
 * (values only) and that range cut into row blocks of BLOCK_ROWS rows (values, formulas, number
 * formats), plus merged areas where ExcelApi 1.13 is available — all before ONE sync. A block is
 * the used part of rows k·B+1 … (k+1)·B (Range.getUsedRangeOrNullObject), so blocks can be queued
 * before the used range's size is known; blocks past the end come back as null objects and cost
 * nothing. (No method is ever called on an object that may be null.)
 *
 * Note on the 5 MB limit of Excel on the web: it applies to a whole request/response, so blocks
 * queued before the same sync do not make a response smaller; they keep each range operation small.
 * What keeps the response under the limit is how much is read: a 5,000-세부사업 plan is about 2.6 MB
 * (measured by the test double). Sheets taller than the first BLOCKS_FIRST_SYNC blocks are read in
 * further round trips of at most READ_BUDGET_BYTES each (estimated from the used range's size), so
 * only workbooks far beyond any plan cost more than one read round trip.
 */
import { parseRange } from '../../core/grid/a1';
import type { CellValue, GridCell, GridSheet, GridWorkbook } from '../../core/grid/grid';
import type { Meter } from './host';

export const BLOCK_ROWS = 2000;
export const BLOCKS_FIRST_SYNC = 8;
/** Response budget for a follow-up read round trip (Excel on the web allows 5 MB). */
export const READ_BUDGET_BYTES = 3_000_000;
/** Rough bytes per cell for values + formulas + number format in the response. */
const BYTES_PER_CELL = 45;

interface Block {
  range: Excel.Range;
}

interface SheetRead {
  name: string;
  ws: Excel.Worksheet;
  used: Excel.Range;
  blocks: Block[];
  merges: Excel.RangeAreas | null;
}

function rowBand(k: number): string {
  return `${k * BLOCK_ROWS + 1}:${(k + 1) * BLOCK_ROWS}`;
}

function queueBlock(sr: SheetRead, k: number): void {
  // The used part of a band of whole rows: a null object past the end, never a call on a null object.
  const range = sr.ws.getRange(rowBand(k)).getUsedRangeOrNullObject(true);
  range.load('values,formulas,numberFormat,rowIndex,columnIndex');
  sr.blocks.push({ range });
}

/** Queues the reads of the named sheets (no sync). */
export function queueSheetReads(ctx: Excel.RequestContext, names: readonly string[], withMerges: boolean): SheetRead[] {
  return names.map((name) => {
    const ws = ctx.workbook.worksheets.getItem(name);
    const used = ws.getUsedRangeOrNullObject(true);
    used.load('rowIndex,rowCount,columnCount');
    const sr: SheetRead = { name, ws, used, blocks: [], merges: null };
    for (let k = 0; k < BLOCKS_FIRST_SYNC; k++) queueBlock(sr, k);
    if (withMerges) {
      sr.merges = ws.getUsedRange().getMergedAreasOrNullObject();
      sr.merges.load('address');
    }
    return sr;
  });
}

/** After the first read sync: reads what lies below the first blocks, in as few round trips as the budget allows. */
export async function readRemainder(ctx: Excel.RequestContext, reads: SheetRead[], meter: Meter): Promise<void> {
  const pending: { sr: SheetRead; k: number; bytes: number }[] = [];
  for (const sr of reads) {
    if (sr.used.isNullObject) continue;
    const lastRow = sr.used.rowIndex + sr.used.rowCount - 1;
    const lastBlock = Math.floor(lastRow / BLOCK_ROWS);
    for (let k = BLOCKS_FIRST_SYNC; k <= lastBlock; k++) pending.push({ sr, k, bytes: BLOCK_ROWS * sr.used.columnCount * BYTES_PER_CELL });
  }
  while (pending.length) {
    let budget = READ_BUDGET_BYTES;
    let n = 0;
    while (n < pending.length && (n === 0 || budget - pending[n].bytes >= 0)) {
      budget -= pending[n].bytes;
      queueBlock(pending[n].sr, pending[n].k);
      n++;
    }
    pending.splice(0, n);
    await meter.sync(ctx);
  }
}

/** Turns the loaded blocks into a GridWorkbook; counts the cells read. */
export function collectGrid(reads: SheetRead[]): { grid: GridWorkbook; cellsRead: number } {
  let cellsRead = 0;
  const sheets: GridSheet[] = reads.map((sr) => {
    const rows: (GridCell | undefined)[][] = [];
    for (const { range } of sr.blocks) {
      if (range.isNullObject) continue;
      const values = range.values;
      const formulas = range.formulas;
      const formats = range.numberFormat;
      for (let i = 0; i < values.length; i++) {
        const r = range.rowIndex + i;
        for (let j = 0; j < values[i].length; j++) {
          cellsRead += 1;
          const cell = toGridCell(values[i][j], formulas[i][j], formats[i][j]);
          if (cell) (rows[r] ??= [])[range.columnIndex + j] = cell;
        }
      }
    }
    for (let r = 0; r < rows.length; r++) rows[r] ??= [];
    const merges = sr.merges && !sr.merges.isNullObject ? mergedAddresses(sr.merges.address) : [];
    return { name: sr.name, rows, merges };
  });
  return { grid: { sheets }, cellsRead };
}

function toGridCell(value: unknown, formula: unknown, numFmt: unknown): GridCell | undefined {
  const v: CellValue = value === '' || value === null || value === undefined ? null : (value as CellValue);
  const f = typeof formula === 'string' && formula.startsWith('=') ? formula.slice(1) : undefined;
  if (v === null && f === undefined) return undefined;
  const cell: GridCell = { value: v };
  if (f !== undefined) cell.formula = f;
  if (typeof numFmt === 'string' && numFmt !== 'General' && numFmt !== '') cell.numFmt = numFmt;
  return cell;
}

/** "Sheet!A1:B2,'My sheet'!C3:C4" → ["A1:B2", "C3:C4"] (quotes respected). */
export function mergedAddresses(address: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  const flush = () => {
    const a = cur.trim();
    cur = '';
    if (!a) return;
    const i = a.lastIndexOf('!');
    const local = (i >= 0 ? a.slice(i + 1) : a).replace(/\$/g, '');
    parseRange(local); // throws on garbage
    out.push(local);
  };
  for (let i = 0; i < address.length; i++) {
    const ch = address[i];
    if (ch === "'") {
      if (quoted && address[i + 1] === "'") {
        cur += "''";
        i++;
        continue;
      }
      quoted = !quoted;
    }
    if (ch === ',' && !quoted) flush();
    else cur += ch;
  }
  flush();
  return out;
}
