/**
 * Strict Excel JavaScript API test double (see double.ts). Plain TypeScript, no Node imports, so the
 * browser e2e page (issue 4) can bundle it as its scripted Excel host.
 *
 *   const x = createExcelDouble(emptyWorkbook(['Sheet1']), { requirementSets: { ExcelApi: '1.18' } });
 *   await someAdapterFunction(x.host, ...);
 *   x.syncCount(); x.workbook.sheets; x.selection(); x.snapshot();
 *
 * In a browser page (issue 4): bundle this file, then e.g.
 *   const x = createExcelDouble();                       // one empty 'Sheet1', ExcelApi 1.18
 *   window.__JOBTARGET_HOST__ = x.host;                  // what the pane's bootstrap picks up
 *   window.__excel = x;                                  // for page.evaluate(() => __excel.selection())
 * Formats are plain data (x.cell(sheet, 'C5').format, x.snapshot()), so "every format is back" is a
 * deep-equality check on snapshots taken before highlighting and after clearing.
 */
export { createExcelDouble, UNDO_UNSUPPORTED, type ExcelDouble, type ExcelDoubleOptions, type DoubleHost, type SyncRecord, type ChangedEvent } from './double';
export { DoubleError, ErrorCodes } from './errors';
export {
  emptyWorkbook,
  cloneWorkbook,
  seedCell,
  newSheet,
  cellKey,
  parseKey,
  parseRect,
  rectA1,
  cellA1,
  type WorkbookModel,
  type SheetModel,
  type CellModel,
  type FormatModel,
  type FillModel,
  type NoteModel,
  type CommentModel,
  type CellScalar,
} from './model';
