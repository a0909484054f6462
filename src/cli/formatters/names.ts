/**
 * The names of the registered formats, for --format's choices and help. A module of its own so the CLI
 * starts without loading the formatters; test/cli/formatters.test.ts checks it lists FORMATTERS exactly.
 */
export const FORMAT_NAMES = ['text', 'json', 'csv', 'html'] as const;
export type FormatName = (typeof FORMAT_NAMES)[number];
