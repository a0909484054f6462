/**
 * Reads any workbook (our template, a published document's layout pasted into Excel, or a text
 * document turned into a grid) back into a Plan. The work is done by the table kinds and the workbook
 * assembler in src/core/tables; this module keeps the entry point its callers know.
 */
export { readWorkbook as readPlan, type ReadResult } from '../tables/assemble';
