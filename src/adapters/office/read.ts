/**
 * Reads the workbook's used ranges into the core GridWorkbook.
 *
 * The sheet list is known (previous round trip); `readSheets` queues, for every sheet, its used range
 * (values only) cut into row blocks of BLOCK_ROWS rows (values, formulas, number formats), plus
 * merged areas where ExcelApi 1.13 is available — all before ONE sync. A block is the used part of
 * rows k·B+1 … (k+1)·B (Range.getUsedRangeOrNullObject), so blocks can be queued before the used
 * range's size is known; blocks past the end come back as null objects and cost nothing. No method
 * is ever called on an object that may be null.
 *
 * The 5 MB limit of Excel on the web applies to a whole request/response, so blocks queued before the
 * same sync keep each range operation small but do not make the response smaller. What keeps it under
 * the limit is how much there is to read: a 5,000-세부사업 plan is about 2.6 MB (measured with the
 * test double). Beyond that the read degrades instead of failing:
 * - sheets taller than BLOCKS_FIRST_SYNC blocks: the rest in further round trips of ≤ READ_BUDGET_BYTES;
 * - if the one-sync read is refused for its size, the sizes are read first and then the blocks, sized
 *   to the budget, in as many round trips as needed.
 * So round trips are constant up to far beyond any plan, and only grow for workbooks that could not
 * be read in one request at all.
 */
import { parseRange } from '../../core/grid/a1';
import type { CellValue, GridCell, GridSheet, GridWorkbook } from '../../core/grid/grid';
import type { Meter } from './host';

export const BLOCK_ROWS = 2000;
/**
 * Range.getMergedAreasOrNullObject fails when a range holds more than 512 merged areas (documented) and
 * returns only the areas whose top-left cell lies in the range. So merges are read in bands of rows:
 * over the first BLIND_MERGE_ROWS rows, bands of MERGE_BAND_ROWS whole rows queued blind in the first
 * round trip (our template has ~0.5 merged areas per row, so ~100 per band); below that, and wherever
 * a blind band is refused, bands of the used columns small enough that they cannot hold more than
 * MAX_MERGED_AREAS top-left cells. Each area is found exactly once.
 */
export const MERGE_BAND_ROWS = 200;
/** As far as the first round trip reads blocks (BLOCKS_FIRST_SYNC × BLOCK_ROWS), so merges cost no round trip of their own. */
export const BLIND_MERGE_ROWS = 16_000;
export const MAX_MERGED_AREAS = 512;
export const BLOCKS_FIRST_SYNC = 8;
/** Response budget for a follow-up read round trip (Excel on the web allows 5 MB). */
export const READ_BUDGET_BYTES = 3_000_000;
/** Rough bytes per cell for values + formulas + number format in the response. */
export const BYTES_PER_CELL = 45;

interface SheetRead {
  name: string;
  ws: Excel.Worksheet;
  used: Excel.Range;
  blocks: Excel.Range[];
  merges: Excel.RangeAreas[];
}

export interface SheetsRead {
  reads: SheetRead[];
  /** Merged areas could not be read (the check carries on without them; the caller adds a note). */
  mergesMissing: boolean;
}

function queueBlock(sr: SheetRead, r0: number, r1: number): Excel.Range {
  // The used part of a band of whole rows: a null object past the end.
  const range = sr.ws.getRange(`${r0 + 1}:${r1 + 1}`).getUsedRangeOrNullObject(true);
  range.load('values,formulas,numberFormat,rowIndex,columnIndex');
  return range;
}

function queueSheet(ctx: Excel.RequestContext, name: string): SheetRead {
  const ws = ctx.workbook.worksheets.getItem(name);
  const used = ws.getUsedRangeOrNullObject(true);
  used.load('rowIndex,rowCount,columnIndex,columnCount');
  return { name, ws, used, blocks: [], merges: [] };
}

/** How merged areas are listed; passed only where the host has it (see validate.ts). */
export type MergedAreasOf = (range: Excel.Range) => Excel.RangeAreas;

/**
 * Range.getMergedAreasOrNullObject.
 * @requires ExcelApi 1.13
 */
export function mergedAreasOf(range: Excel.Range): Excel.RangeAreas {
  return range.getMergedAreasOrNullObject();
}

function queueMerges(sr: SheetRead, range: Excel.Range, areasOf: MergedAreasOf): void {
  const areas = areasOf(range);
  areas.load('address');
  sr.merges.push(areas);
}

/** Merges in bands of whole rows over the first rows, before the sheet's size is known. */
function queueBlindMergeBands(sr: SheetRead, rows: number, areasOf: MergedAreasOf): void {
  for (let r0 = 0; r0 < rows; r0 += MERGE_BAND_ROWS) queueMerges(sr, sr.ws.getRange(`${r0 + 1}:${r0 + MERGE_BAND_ROWS}`), areasOf);
}

/** Merges from row `from` on, in bands of the used columns that cannot hold more than MAX_MERGED_AREAS. */
function queueExactMergeBands(sr: SheetRead, from: number, areasOf: MergedAreasOf): number {
  if (sr.used.isNullObject) return 0;
  const last = sr.used.rowIndex + sr.used.rowCount - 1;
  const rows = Math.max(1, Math.floor(MAX_MERGED_AREAS / Math.max(1, sr.used.columnCount)));
  let n = 0;
  for (let r0 = Math.max(from, sr.used.rowIndex); r0 <= last; r0 += rows) {
    const count = Math.min(rows, last - r0 + 1);
    queueMerges(sr, sr.ws.getRangeByIndexes(r0, sr.used.columnIndex, count, sr.used.columnCount), areasOf);
    n++;
  }
  return n;
}

/**
 * Reads merges exactly (see MERGE_BAND_ROWS) from row `from` of each sheet on: with the pending blocks
 * when there are any, else in a round trip of their own. Should that still be refused, the check
 * carries on without them.
 */
async function readRest(ctx: Excel.RequestContext, reads: SheetRead[], blocksFrom: number, merges: { from: number; areasOf: MergedAreasOf } | null, meter: Meter): Promise<boolean> {
  const pending = reads.flatMap((sr) => pendingBlocks(sr, blocksFrom));
  if (merges === null) {
    await readPending(ctx, pending, meter);
    return true;
  }
  const kept = reads.map((sr) => sr.merges.length);
  let queued = 0;
  const extra = {
    queue: () => {
      queued = 0;
      for (const sr of reads) queued += queueExactMergeBands(sr, merges.from, merges.areasOf);
    },
    undo: () => reads.forEach((sr, i) => (sr.merges.length = kept[i])),
  };
  if (pending.length) {
    await readPending(ctx, pending, meter, extra);
    return true;
  }
  extra.queue();
  if (!queued) return true;
  try {
    await meter.sync(ctx);
    return true;
  } catch {
    extra.undo();
    return false;
  }
}

export function isPayloadError(e: unknown): boolean {
  const code = (e as { code?: string } | null)?.code ?? '';
  const msg = (e as { message?: string } | null)?.message ?? '';
  return /PayloadSizeLimitExceeded/i.test(code) || /PayloadSizeLimitExceeded|payload size/i.test(msg);
}

interface Pending {
  sr: SheetRead;
  r0: number;
  r1: number;
  bytes: number;
}

/** Blocks still to read for `sr` from row `from` on, sized so one block stays within the budget. */
function pendingBlocks(sr: SheetRead, from: number): Pending[] {
  if (sr.used.isNullObject) return [];
  const last = sr.used.rowIndex + sr.used.rowCount - 1;
  const perRow = Math.max(1, sr.used.columnCount) * BYTES_PER_CELL;
  const rows = Math.max(1, Math.min(BLOCK_ROWS, Math.floor(READ_BUDGET_BYTES / perRow)));
  const out: Pending[] = [];
  for (let r0 = Math.max(from, sr.used.rowIndex); r0 <= last; r0 += rows) {
    const r1 = Math.min(last, r0 + rows - 1);
    out.push({ sr, r0, r1, bytes: (r1 - r0 + 1) * perRow });
  }
  return out;
}

/**
 * Reads the pending blocks, as many per round trip as the budget allows (at least one). The size is
 * only estimated (long texts weigh more than numbers): a round trip refused for its size is redone
 * with half as much, down to splitting a block's rows.
 */
async function readPending(ctx: Excel.RequestContext, pending: Pending[], meter: Meter, extra?: { queue(): void; undo(): void }): Promise<void> {
  let budget = READ_BUDGET_BYTES;
  let extraDone = !extra;
  while (pending.length) {
    // Small reads that belong to this action (merged areas) ride along with the first round trip.
    if (!extraDone) extra!.queue();
    let left = budget;
    let n = 0;
    while (n < pending.length && (n === 0 || left - pending[n].bytes >= 0)) {
      left -= pending[n].bytes;
      n++;
    }
    const batch = pending.slice(0, n).map((p) => ({ p, range: queueBlock(p.sr, p.r0, p.r1) }));
    try {
      await meter.sync(ctx);
      extraDone = true;
    } catch (e) {
      if (!extraDone) extra!.undo();
      if (!isPayloadError(e)) throw e;
      if (n > 1) {
        budget = Math.max(1, (budget - left) / 2);
        continue;
      }
      const p = pending[0];
      if (p.r1 === p.r0) throw e;
      const mid = p.r0 + Math.floor((p.r1 - p.r0) / 2);
      pending.splice(0, 1, { ...p, r1: mid, bytes: p.bytes / 2 }, { ...p, r0: mid + 1, bytes: p.bytes / 2 });
      budget = Math.max(1, p.bytes / 2);
      continue;
    }
    for (const { p, range } of batch) p.sr.blocks.push(range);
    pending.splice(0, n);
  }
}

/**
 * Reads the named sheets (and their merged areas when given `areasOf`: hosts with ExcelApi 1.13).
 * `queueWith` queues whatever else belongs in the first read round trip (it is queued again if that
 * round trip has to be redone). One round trip for any plan; more only for workbooks too large for one
 * request, or with more than 512 merged areas in MERGE_BAND_ROWS rows.
 */
export async function readSheets(ctx: Excel.RequestContext, names: readonly string[], areasOf: MergedAreasOf | null, meter: Meter, queueWith: () => void): Promise<SheetsRead> {
  const firstRows = BLOCKS_FIRST_SYNC * BLOCK_ROWS;
  const queueFirst = (blindMerges: boolean) => {
    const reads = names.map((name) => queueSheet(ctx, name));
    for (const sr of reads) {
      for (let k = 0; k < BLOCKS_FIRST_SYNC; k++) sr.blocks.push(queueBlock(sr, k * BLOCK_ROWS, (k + 1) * BLOCK_ROWS - 1));
      if (blindMerges && areasOf) queueBlindMergeBands(sr, BLIND_MERGE_ROWS, areasOf);
    }
    queueWith();
    return reads;
  };
  let reads = queueFirst(areasOf !== null);
  try {
    await meter.sync(ctx);
  } catch (e) {
    if (isPayloadError(e)) {
      // Too much for one request: learn the sizes, then read in budget-sized pieces.
      reads = names.map((name) => queueSheet(ctx, name));
      queueWith();
      await meter.sync(ctx);
      const merged = await readRest(ctx, reads, 0, areasOf ? { from: 0, areasOf } : null, meter);
      return { reads, mergesMissing: !merged };
    }
    if (!areasOf) throw e;
    // A band held more than 512 merged areas (Excel refuses the whole request): read again without
    // them, then the merges in bands that cannot hold that many.
    reads = queueFirst(false);
    await meter.sync(ctx);
    const merged = await readRest(ctx, reads, firstRows, { from: 0, areasOf }, meter);
    return { reads, mergesMissing: !merged };
  }
  // Sheets taller than the blind bands: the rest of their merges.
  const merged = await readRest(ctx, reads, firstRows, areasOf ? { from: BLIND_MERGE_ROWS, areasOf } : null, meter);
  return { reads, mergesMissing: !merged };
}

/** Turns the loaded blocks into a GridWorkbook; counts the cells read. */
export function collectGrid(reads: SheetRead[]): { grid: GridWorkbook; cellsRead: number } {
  let cellsRead = 0;
  const sheets: GridSheet[] = reads.map((sr) => {
    const rows: (GridCell | undefined)[][] = [];
    for (const range of sr.blocks) {
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
    const merges = [...new Set(sr.merges.flatMap((m) => (m.isNullObject ? [] : mergedAddresses(m.address))))];
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
