/** Kept for existing imports: the report formats live in src/cli/formatters (one module each). */
export * from './formatters/types';
export { CSV_BOM, CSV_HEADER, CSV_UNREADABLE_RULE, csvField, csvRow, formatCsv, formatCsvHeader, formatCsvRows, neutralise } from './formatters/csv';
export { formatJson, jsonFinding, toJsonReport, type JsonFile, type JsonFinding, type JsonReport } from './formatters/json';
export { displayWidth, escapeControl, formatTextFile, formatTextSummary, unreadableLine } from './formatters/text';
