/**
 * The report formats of `jobtarget check`, ESLint-style: each format is one module exporting a
 * Formatter; this list is the registry `--format` chooses from. To add a format, write
 * formatters/NAME.ts, add it here and its name to names.ts (test/cli/formatters.test.ts keeps the two equal).
 */
import { csv } from './csv';
import { html } from './html';
import { json } from './json';
import { text } from './text';
import type { Formatter } from './types';

export const FORMATTERS: readonly Formatter[] = [text, json, csv, html];

export function formatterNames(): string[] {
  return FORMATTERS.map((f) => f.name);
}

/** The formatter named `name`; throws for an unknown name (the CLI lists the known ones). */
export function getFormatter(name: string): Formatter {
  const f = FORMATTERS.find((x) => x.name === name);
  if (!f) throw new Error(`unknown format: ${name} (known: ${formatterNames().join(', ')})`);
  return f;
}

export type { FileReport, BatchSummary, Formatter, FormatContext } from './types';
export { batchSummary } from './types';
