/**
 * How findings are shown — the one place for it. Every output (the CLI's formatters, the annotated
 * copy, the add-in's highlights and 검증결과 sheet, the task pane's list) takes from here:
 *
 *   orderFindings(findings, grid)     the one order: workbook order, table, row, column (severity breaks ties)
 *   severityName(s, lang)             오류/경고/정보 · error/warning/info;  SEVERITY_COLOURS[s].cell / .involved
 *   headline(f, lang), detail(f, lang) the short text (the rule's message) and the text with the figures
 *   placeLabel(f.place, lang)         "분야별 목표 · 청년 일자리 확대 소요예산 합계" (table · row · column)
 *   resultsSheet(findings, lang, facts) the 검증결과 sheet as cells; adapters only write them
 *
 * Texts are produced from a finding's fields (rule, messageId, data, figures, place, refs), never parsed
 * back from other texts. Nothing here touches Office.js, the DOM, Node or files.
 */
export * from './severity';
export * from './order';
export * from './text';
export * from './sheet';
