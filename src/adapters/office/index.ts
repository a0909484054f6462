/**
 * The Office.js adapter: everything the task pane and the ribbon command do in Excel. Each function
 * takes an ExcelHost (defaultHost() inside Excel; a test double in tests). See api.ts for the contract.
 * No Node modules and no exceljs here: this is bundled into the task pane.
 */
export * from './api';
export { defaultHost, asOwnWrite, inOwnWrite } from './host';
export { existingSheetNames, planSheetNames, freeName } from './names';
export { insertTemplate } from './insert';
export { validate, clearMarks } from './validate';
export { selectCells } from './select';
export { writeResultsSheet, RESULTS_TITLE_KO, RESULTS_TITLE_EN } from './results';
export { writeIndicatorTargets, targetCells } from './targets';
export { onPlanChanged, type PlanChange } from './events';
export { writeAcceptances, ACCEPTED_SHEET } from './accepted';
export { restoreCells, type CellContent } from './restore';
export { readWorkbookConfig, documentSettings, SETTINGS_SET, WORKBOOK_SETTINGS_KEY } from './settings';
