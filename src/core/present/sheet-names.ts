/** Names of the sheets jobtarget writes; a module of its own so readers can skip them without loading the presentation. */

/** The findings sheet. */
export const RESULTS_SHEET = '검증결과';
/** The add-in's very hidden sheet that keeps what undoing its highlights needs. */
export const MARKS_SHEET = '_jobtarget_marks';
/** Sheets jobtarget writes itself: readers skip them, annotators never mark them. */
export const OWN_SHEETS: readonly string[] = [RESULTS_SHEET, MARKS_SHEET];
