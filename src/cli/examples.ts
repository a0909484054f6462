/** The built-in examples as the CLI names them: `--example [NAME]`. */
import { promises as fs } from 'fs';
import * as path from 'path';
import { DEFAULT_EXAMPLE, EXAMPLE_NAMES } from '../core/examples/names';
import { UsageError } from './io';

export const EXAMPLE_HELP = EXAMPLE_NAMES.join(', ');

/** File name of an example in reports and as the template's default output. */
export function exampleFile(name: string): string {
  return `jobtarget-example-${name}.xlsx`;
}

export function resolveExample(name: string): string {
  if (!EXAMPLE_NAMES.includes(name)) {
    throw new UsageError(`예시 이름을 모릅니다: ${name} — 쓸 수 있는 이름: ${EXAMPLE_HELP} (unknown example: ${name}; known: ${EXAMPLE_HELP})`);
  }
  return name;
}

/**
 * `--example [NAME]` takes an optional value, so `check --example plan.xlsx` hands the path to the
 * option: a value that is not an example's name goes back to the paths.
 */
export function splitExampleArgs(paths: string[], example: boolean | string | undefined): { paths: string[]; examples: string[] } {
  if (example === undefined || example === false) return { paths, examples: [] };
  if (example === true) return { paths, examples: [DEFAULT_EXAMPLE] };
  if (EXAMPLE_NAMES.includes(example)) return { paths, examples: [example] };
  return { paths: [example, ...paths], examples: [DEFAULT_EXAMPLE] };
}

/**
 * The example's workbook as shipped: assets/examples/NAME.xlsx, written by scripts/make-examples.mjs from
 * the example's draft (test/cli/example-assets.test.ts keeps it equal to a fresh render), so `check
 * --example` reads a file instead of loading the workbook writer (exceljs) and rendering.
 */
export function exampleAsset(name: string): string {
  return path.join(__dirname, '..', '..', 'assets', 'examples', `${name}.xlsx`);
}

/** The example's .xlsx bytes: the shipped workbook, or a fresh render when it is missing. */
export async function exampleBytes(name: string): Promise<Buffer> {
  try {
    return await fs.readFile(exampleAsset(name));
  } catch {
    const [{ draftToBuffer }, { EXAMPLES }] = await Promise.all([import('../adapters/xlsx/write'), import('../core/examples')]);
    return draftToBuffer(EXAMPLES[name].draft, { formulas: false });
  }
}
