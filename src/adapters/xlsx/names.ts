/** Names jobtarget gives its own sheets and files; a module of its own so light modules can use them without loading a reader or writer. */

/** Sheets jobtarget writes into workbooks; never read back as plan data. */
export { MARKS_SHEET, RESULTS_SHEET } from '../../core/present/sheet-names';

/** Suffix of the annotated copies `check --annotate` writes. */
export const ANNOTATED_SUFFIX = '.검증.xlsx';
