/**
 * Strict Excel JavaScript API test double (see double.ts). Plain TypeScript, no Node imports, so the
 * browser e2e page (issue 4) can bundle it as its scripted Excel host.
 *
 *   const x = createExcelDouble(emptyWorkbook(['Sheet1']), { requirementSets: { ExcelApi: '1.18' } });
 *   await someAdapterFunction(x.host, ...);
 *   x.syncCount(); x.workbook.sheets; x.selection(); x.snapshot();
 */
export { createExcelDouble, type ExcelDouble, type ExcelDoubleOptions, type DoubleHost, type SyncRecord, type ChangedEvent } from './double';
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
